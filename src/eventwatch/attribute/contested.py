"""Contested events: incompatible claims from different sources about the event or the same part of it.

Three signals (dev README "Contested"): a denial against a supporting claim (same ``about``, or a denial of
the whole event); different figures for the same quantity from different sources (18,250 vs 63,000
attendance; six vs eight dead), taken from the claims' evidence and the mention's casualty figures; and
different perpetrators named by different sources ("claimed by the Houthi movement" vs "alleged Iranian
involvement", "blamed Iran for the attack").
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import TYPE_CHECKING

from eventwatch.attribute._syntax import ArticleView, child
from eventwatch.attribute._verbs import blame
from eventwatch.attribute.registry import country_of_name
from eventwatch.records import Claim, EventMention, SourceKind, Stance

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

_SUPPORT = frozenset({Stance.ASSERT, Stance.CLAIM, Stance.REPORT, Stance.CONFIRM})
_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_QUANTITY = {
    "kill": "dead",
    "die": "dead",
    "dead": "dead",
    "death": "dead",
    "toll": "dead",
    "injure": "injured",
    "wound": "injured",
    "attend": "attendance",
    "visitor": "attendance",
    "protester": "attendance",
    "participant": "attendance",
    "arrest": "arrested",
    "detain": "arrested",
}


def _source_key(claim: Claim) -> str:
    return (claim.source.name or claim.source.text).lower()


def _denial_conflict(claims: tuple[Claim, ...]) -> bool:
    denials = [c for c in claims if c.stance is Stance.DENY]
    supports = [c for c in claims if c.stance in _SUPPORT and c.source.kind is not SourceKind.AUTHOR]
    for denial in denials:
        for support in supports:
            if _source_key(denial) == _source_key(support):
                continue
            if denial.about is None or denial.about == support.about:
                return True
    return False


def _number(token: Token) -> int | None:
    text = token.text.replace(",", "")
    if text.isdigit():
        return int(text)
    return _WORD_NUMBERS.get(token.lower_)


def _figures(view: ArticleView, claim: Claim) -> dict[tuple[str, str], set[int]]:
    """Figures in a claim's evidence keyed by (quantity, what is counted)."""
    out: dict[tuple[str, str], set[int]] = defaultdict(set)
    # What a counted word counts, once per word: numbers sharing a head ("12 - 13 12 - 13 ... killed") would
    # otherwise each walk the head's children and subtree, quadratic in a long sentence (47 s on 6,000 chars).
    kind_of: dict[int, tuple[str, str] | None] = {}
    for sent in view.sents:
        if sent.end <= claim.evidence.start or sent.start >= claim.evidence.end:
            continue
        for token in sent.span:
            value = _number(token)
            if value is None or token.ent_type_ in ("DATE", "TIME", "ORDINAL", "MONEY", "PERCENT"):
                continue
            counted = token
            while counted.dep_ in ("nummod", "quantmod") and counted.head.i != counted.i:
                counted = counted.head  # "18,250 to 63,000 visitors": both ends count visitors
            if counted.i not in kind_of:
                kind_of[counted.i] = _counted_kind(counted, token)
            kind = kind_of[counted.i]
            if kind is not None:
                out[kind].add(value)
    return out


def _counted_kind(counted: Token, number: Token) -> tuple[str, str] | None:
    """(quantity, what is counted) for a counted word, or None when it counts nothing we compare."""
    if counted.dep_ == "pobj" and counted.head.lower_ in ("at", "to") and _names_a_toll(counted.head.head):
        return "dead", _ANY  # "put the toll at nine", "the death toll rose to 30": the dead, whoever they were
    words = [counted, counted.head, *counted.children, *counted.head.children]
    quantity = next((_QUANTITY[w.lemma_] for w in words if w.lemma_ in _QUANTITY), None)
    if quantity is None:
        return None
    # The number itself never names a country, so the first number's view of the subtree serves them all.
    country = country_of_name(" ".join(t.text for t in counted.subtree if t.i != number.i))
    return quantity, country or _SAME_PEOPLE.get(counted.lemma_, counted.lemma_)


_ANY = "*"  # a toll that does not say whom it counts
# Words for one group of people ("14 policemen" and "30 police" count the same dead).
_SAME_PEOPLE = {"policeman": "police", "policemen": "police", "officer": "police", "troop": "soldier"}


def _names_a_toll(verb: Token) -> bool:
    """ "put the toll at", "the death toll rose to"."""
    return verb.lemma_ == "toll" or any(
        c.lemma_ == "toll" for c in verb.children if c.dep_.endswith("obj") or "subj" in c.dep_
    )


def _figure_conflict(view: ArticleView, claims: tuple[Claim, ...]) -> bool:
    by_source: dict[str, dict[tuple[str, str], set[int]]] = {}
    shared: dict[tuple[int, int], set[str]] = defaultdict(set)
    for claim in claims:
        if claim.source.kind is SourceKind.AUTHOR:
            continue
        figures = _figures(view, claim)
        shared[(claim.evidence.start, claim.evidence.end)].add(_source_key(claim))
        merged = by_source.setdefault(_source_key(claim), {})
        for key, values in figures.items():
            merged.setdefault(key, set()).update(values)
            # One evidence naming several sources and a range ("according to A and B, 18,250 to 63,000
            # attended"): the sources give the different ends of the range.
            if len(values) >= 2 and len(shared[(claim.evidence.start, claim.evidence.end)]) >= 2:
                return True
    sources = list(by_source)
    for i, a in enumerate(sources):
        for b in sources[i + 1 :]:
            for key, values in by_source[a].items():
                for other_key, other in by_source[b].items():
                    comparable = other_key == key or (other_key[0] == key[0] and _ANY in (key[1], other_key[1]))
                    if comparable and other and values.isdisjoint(other):
                        return True
    return False


def _casualty_conflict(mention: EventMention) -> bool:
    seen: dict[str, dict[str, int | None]] = defaultdict(dict)
    for figure in mention.casualties:
        if figure.source:
            seen[figure.kind][figure.source] = figure.best
    return any(len({v for v in per.values() if v is not None}) > 1 for per in seen.values())


# Nouns whose possessor or modifier is who did it: "Iranian involvement", "Iran's role".
_PERPETRATOR_NOUNS = frozenset({"involvement", "role", "responsibility", "hand", "culpability"})
_NAME_STEM = 5


def _party(text: str, country: str | None = None) -> tuple[str | None, frozenset[str]]:
    """A perpetrator as (country, stems of its capitalised words): "the Houthi movement in Yemen" is
    (YEM, {houth, yemen}); "Iranian" is (IRN, {irani})."""
    stems = frozenset(w.lower()[:_NAME_STEM] for w in text.split() if w[:1].isupper() and len(w) > 2)
    return country or country_of_name(text), stems


def _perpetrator(view: ArticleView, claim: Claim) -> tuple[str | None, frozenset[str]] | None:
    """Who a claim says did the event: the claimer of "X claimed the attack" / "claimed by X", the one blamed
    ("blamed Y for the attack", "blamed the attack on Y"), the modifier of "alleged Iranian involvement"; None
    for other claims."""
    if claim.cue_span is None or claim.source.kind is SourceKind.AUTHOR:
        return None
    found = view.token_at(claim.cue_span.start)
    if found is None:
        return None
    cue = found[1]
    lemma = cue.lemma_.lower()
    obj = child(cue, "dobj")
    blamed = blame(cue)
    if blamed is not None:
        party = blamed[1]
        return _party(" ".join(t.text for t in party.subtree)) if party is not None else None
    modifier = child(obj, "amod", "poss", "compound") if obj is not None else None
    if obj is not None and obj.lemma_.lower() in _PERPETRATOR_NOUNS and modifier is not None:
        return _party(" ".join(t.text for t in modifier.subtree))
    if lemma == "claim" and child(cue, "ccomp", "xcomp") is None:
        # "X claimed (responsibility for) the attack" / "the attack was claimed by X": X did it, it says
        return _party(claim.source.name or claim.source.text, claim.source.country)
    return None


def _same_party(a: tuple[str | None, frozenset[str]], b: tuple[str | None, frozenset[str]]) -> bool:
    return (a[0] is not None and a[0] == b[0]) or bool(a[1] & b[1])


def _perpetrator_conflict(view: ArticleView, claims: tuple[Claim, ...]) -> bool:
    named = [(_source_key(c), p) for c in claims if c.stance in _SUPPORT and (p := _perpetrator(view, c))]
    return any(sa != sb and not _same_party(pa, pb) for i, (sa, pa) in enumerate(named) for sb, pb in named[i + 1 :])


def is_contested(view: ArticleView, mention: EventMention, claims: tuple[Claim, ...]) -> bool:
    """Whether the claims on ``mention`` are incompatible (see module docstring)."""
    return (
        _denial_conflict(claims)
        or _figure_conflict(view, claims)
        or _casualty_conflict(mention)
        or _perpetrator_conflict(view, claims)
    )
