"""Which of an article's places an event mention happened at.

In order, the first rule that yields a place wins (``Place.rule`` records it):

1. ``clause`` — toponyms inside the event's evidence spans or the dependency subtree of its trigger;
2. ``sentence`` — toponyms in the event's sentence;
3. ``dateline`` — the place named in the article's dateline ("ALEPPO, Syria (Reuters) —");
4. ``article`` — the article's main place: the most often mentioned resolved place.

Within a rule, a country or admin1 unit is dropped when a finer place inside it is also there ("Aleppo,
Syria" → Aleppo; "Idlib and Homs province" keeps both), and repeated mentions of one place are kept once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwatch.records import EventMention, ParsedArticle, Place, Precision, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

_COARSE = frozenset({Precision.COUNTRY, Precision.ADMIN1, Precision.REGION})
_DATELINE_CHARS = 80  # a dateline sits in the first line: "ALEPPO, Syria, Oct 16 (Reuters) -"


def _trigger_subtree(parsed: ParsedArticle, trigger: Span) -> Span | None:
    for pdoc in parsed.docs:
        local = trigger.start - pdoc.offset
        if 0 <= local < len(pdoc.doc.text):
            span = pdoc.doc.char_span(local, local + max(1, trigger.end - trigger.start), alignment_mode="expand")
            if span is None or len(span) == 0:
                return None
            root = span.root
            tokens = list(root.subtree)
            return Span(pdoc.offset + tokens[0].idx, pdoc.offset + tokens[-1].idx + len(tokens[-1].text))
    return None


def _distinct(places: Sequence[Place]) -> list[Place]:
    seen: set[tuple[int | None, str | None, str | None]] = set()
    out: list[Place] = []
    for p in places:
        key = (p.geonameid, p.resolved_name, p.qualifier)
        if key not in seen:
            seen.add(key)
            out.append(p)
    fine = [p for p in out if p.precision not in _COARSE]
    return [p for p in out if not any(_contains(p, f) for f in fine)] or out


def _contains(coarse: Place, fine: Place) -> bool:
    """Whether ``coarse`` (a country or admin1 unit) contains ``fine``: "Idlib and Homs province" keeps both."""
    if coarse.precision not in _COARSE or coarse.country != fine.country:
        return False
    if coarse.precision is Precision.ADMIN1:
        own = {n for n in (coarse.admin1, coarse.resolved_name, coarse.name) if n}
        return fine.admin1 in own
    return True


def _within(places: Sequence[Place], spans: Sequence[Span]) -> list[Place]:
    return [p for p in places if p.span is not None and any(s.contains(p.span) for s in spans)]


def dateline_place(parsed: ParsedArticle, places: Sequence[Place]) -> Place | None:
    """The place in the article's dateline, if the text opens with one."""
    head = parsed.article.text[:_DATELINE_CHARS]
    cut = min((i for i in (head.find(" —"), head.find(" -"), head.find("(")) if i > 0), default=-1)
    if cut < 0:
        return None
    for p in places:
        if p.span is not None and p.span.end <= cut:
            return p
    return None


def main_place(places: Sequence[Place]) -> Place | None:
    """The most often mentioned place, finer precision breaking ties; None for no places."""
    if not places:
        return None
    counts = Counter(p.geonameid for p in places)
    order = list(Precision)
    return max(places, key=lambda p: (counts[p.geonameid], -order.index(p.precision)))


# A country named as a clause's subject, a possessor or a noun modifier acts ("Iran issued warrants", "Iran's
# request", "U.S. airstrikes"): it says who, not where (dev gold: those events sit in a city of the article).
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "compound", "amod", "nmod", "agent"})


def _token_at(parsed: ParsedArticle, offset: int) -> Token | None:
    for pdoc in parsed.docs:
        local = offset - pdoc.offset
        if 0 <= local < len(pdoc.doc.text):
            span = pdoc.doc.char_span(local, local + 1, alignment_mode="expand")
            return span.root if span is not None and len(span) else None
    return None


def _names_an_actor(place: Place, event: EventMention, parsed: ParsedArticle) -> bool:
    """Whether this country mention names who acted rather than where (see ``_ACTOR_DEPS``)."""
    if place.span is None or place.precision is not Precision.COUNTRY:
        return False
    for actor in (event.actor1, event.actor2):
        if actor is not None and actor.span is not None and actor.span.contains(place.span):
            return True
    token = _token_at(parsed, place.span.start)
    if token is None:
        return False
    while token.dep_ in ("compound", "flat") and token.head.i > token.i and token.head.ent_type_ == token.ent_type_:
        token = token.head  # "United States": the last word carries the phrase's role
    return token.dep_ in _ACTOR_DEPS


def _refine(found: list[Place], fallback: Place | None) -> list[Place]:
    """Countries only, and the article's own place lies inside one of them: that place is the better answer."""
    if not found or fallback is None or fallback.precision in _COARSE:
        return found
    if all(p.precision is Precision.COUNTRY for p in found) and any(p.country == fallback.country for p in found):
        return [fallback]
    return found


def locate(event: EventMention, parsed: ParsedArticle, places: Sequence[Place]) -> tuple[Place, ...]:
    """The event mention's places with ``rule`` set (see module docstring); () if the article has none."""
    places = [p for p in places if not _names_an_actor(p, event, parsed)] or list(places)
    spans = list(event.evidence)
    subtree = _trigger_subtree(parsed, event.trigger)
    if subtree is not None:
        spans.append(subtree)
    found = _within(places, spans)
    rule = "clause"
    if not found and 0 <= event.sentence_index < len(parsed.sentences):
        found, rule = _within(places, [parsed.sentences[event.sentence_index].span]), "sentence"
    dateline = dateline_place(parsed, places)
    main = main_place(places)
    if found:
        refined = _refine(found, dateline or main)
        if refined is not found:
            found, rule = refined, "dateline" if dateline else "article"
    if not found:
        found, rule = ([dateline], "dateline") if dateline else ([], "")
    if not found:
        found, rule = ([main], "article") if main else ([], "")
    return tuple(replace(p, rule=rule) for p in _distinct(found))
