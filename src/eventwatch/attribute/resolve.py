"""Turning a source phrase into :class:`Source` records: coordination split, pronouns resolved, names
remembered.

Pronouns resolve to the nearest compatible earlier source (dev README: "he" -> "Cook"): a person for he/she,
a plural phrase for they, a document or organisation for it. A person named once with a title ("Pentagon
Press Secretary Peter Cook") keeps that type when named again by surname ("Cook said").
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwatch.attribute._syntax import ArticleView, Sent, children, conjuncts, np_tokens, offsets
from eventwatch.attribute.registry import countries_named, country_of_name
from eventwatch.attribute.sources import type_source
from eventwatch.extract._resources import find_registry_actor, registry_aliases
from eventwatch.nlp.text import doc_text
from eventwatch.records import Source, SourceKind

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

_PERSON_NOUNS = frozenset(
    {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "president",
        "secretary",
        "commander",
        "chief",
        "mayor",
        "governor",
        "prosecutor",
        "official",
        "head",
        "leader",
        "ambassador",
        "envoy",
        "general",
        "colonel",
        "eyewitness",
        "witness",
        "officer",
        "director",
        "senator",
        "chancellor",
        "king",
        "prince",
        "analyst",
        "expert",
    }
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them"})
# Most recent sources searched for an antecedent; further back a pronoun is more likely someone new.
_HISTORY = 12


@dataclass(frozen=True, slots=True)
class _Seen:
    source: Source
    is_person: bool
    is_plural: bool
    head_lemma: str
    short: str  # what a pronoun resolves to: the surname for a named person, else the phrase


def _key(source: Source) -> tuple[str, int | None]:
    return source.text, source.span.start if source.span else None


# Offices a government's own statement names without its country ("The Foreign Secretary", "the Department").
_OWN_OFFICE = re.compile(r"\b(?:Secretary|Minister|Ministry|Office|Department|[Ss]pokes(?:man|woman|person))\b")
# Ranks: an officer a military's own release quotes without a country is its own ("Navy Capt. Jeff Davis").
_RANK = re.compile(
    r"\b(?:Capt|Col|Gen|Maj|Lt|Adm|Cmdr|Sgt)\.|\b(?:Captain|Colonel|General|Major|Lieutenant|Admiral|Commander)\b"
)


class SourceResolver:
    """Builds sources for one article, remembering earlier ones for pronouns and repeated names."""

    def __init__(self, view: ArticleView, outlet: str | None = None) -> None:
        counts = Counter(countries_named(view.text))
        self.article_country = counts.most_common(1)[0][0] if counts else None
        # (imported here: extract.actors reads the person registry of this package, which imports this module)
        from eventwatch.extract.actors import publisher_actor

        publisher = publisher_actor(outlet)
        self.publisher_country = publisher.country if publisher is not None else None
        self.publisher_is_military = publisher is not None and (publisher.sector or "").startswith("MIL")
        self._history: list[_Seen] = []
        self._subjects: list[_Seen] = []  # subjects of earlier sentences (antecedents of "it")
        self._surnames: dict[str, Source] = {}
        self._pending: dict[tuple[str, int | None], _Seen] = {}

    # -- building -----------------------------------------------------------------------------------
    def split(self, sent: Sent, head: Token) -> tuple[Source, ...]:
        """Sources named by the phrase headed by ``head`` (one per conjunct; pronouns resolved)."""
        if head.lower_ in PRONOUNS and head.pos_ == "PRON":
            resolved = self.resolve_pronoun(sent, head)
            return (resolved,) if resolved is not None else ()
        split_adjectives = self._split_adjectives(sent, head)
        if split_adjectives:
            return split_adjectives
        heads = conjuncts(head)
        if len(heads) > 1 and _one_name(sent, heads):
            # "The Islamic State of Iraq and the Levant": one body, named by the whole phrase
            whole = list(head.doc[min(head.left_edge.i, head.i) : heads[-1].i + 1])
            span = offsets(sent, whole)
            text = doc_text(sent.span.doc)[span.start - sent.offset : span.end - sent.offset]
            return (replace(self.build(sent, head), text=text, span=span),)
        return tuple(self.build(sent, h) for h in heads)

    def _split_adjectives(self, sent: Sent, head: Token) -> tuple[Source, ...]:
        """ "Syrian and Iranian news agencies" -> "Syrian news agencies", "Iranian news agencies"."""
        for amod in children(head, "amod"):
            conj = [c for c in amod.children if c.dep_ == "conj" and c.pos_ in ("ADJ", "PROPN")]
            if not conj:
                continue
            rest = [t for t in np_tokens(head) if t.i > max(c.i for c in conj)]
            tail = " ".join(t.text for t in rest)
            out = []
            for adjective in (amod, *conj):
                text = f"{adjective.text} {tail}".strip()
                kind = self._type(text, head)
                out.append(Source(text=text, kind=kind[0], span=None, name=None, country=kind[1]))
            return tuple(out)
        return ()

    def build(self, sent: Sent, head: Token) -> Source:
        tokens = np_tokens(head)
        span = offsets(sent, tokens)
        text = doc_text(sent.span.doc)[span.start - sent.offset : span.end - sent.offset]
        if head.ent_type_ == "PERSON" or head.pos_ == "PROPN":
            known = self._surnames.get(head.text)
            if known is not None and len(tokens) <= 2:
                return replace(known, text=text, span=span)
        kind, country, name, affiliation = self._type(text, head)
        source = Source(text=text, kind=kind, span=span, name=name, country=country, affiliation=affiliation)
        if head.ent_type_ == "PERSON":  # a later "Abu Jaafar" (which the model may tag ORG) is the same person
            self._surnames.setdefault(head.text, source)
        if "same" in (t.lower_ for t in tokens):
            earlier = self._same(head.lemma_)
            if earlier is not None:
                source = replace(earlier, text=text, span=span)
        self._pending[_key(source)] = self._seen(source, head)
        return source

    def _type(self, text: str, head: Token) -> tuple[SourceKind, str | None, str | None, str | None]:
        found = type_source(
            text,
            is_person=head.ent_type_ == "PERSON",
            is_place=head.ent_type_ in ("GPE", "NORP", "LOC"),
            article_country=self.article_country,
        )
        country = found.country
        titled = f"{_title_before(head)} {text}"
        own = _OWN_OFFICE.search(titled) or (self.publisher_is_military and _RANK.search(titled))
        if (
            self.publisher_country is not None
            and found.kind in (SourceKind.OFFICIAL, SourceKind.MILITARY)
            and own
            and country_of_name(titled) is None
        ):
            # "The Foreign Secretary", "Minister Ellwood" in a GOV.UK statement: the publisher's own minister,
            # whatever country the statement is about
            country = self.publisher_country
        return found.kind, country, found.name, found.affiliation

    def _same(self, lemma: str) -> Source | None:
        for seen in reversed(self._history):
            if seen.head_lemma == lemma:
                return seen.source
        return None

    # -- pronouns -----------------------------------------------------------------------------------
    def resolve_pronoun(self, sent: Sent, pronoun: Token) -> Source | None:
        lower = pronoun.lower_
        candidates = [*self._history[-_HISTORY:], *self._subjects[-3:]]
        candidates += self._earlier_subjects(sent, pronoun)
        for seen in reversed(candidates):
            if self._compatible(lower, seen):
                resolved = replace(seen.source, text=seen.short, span=None)
                self._pending[_key(resolved)] = replace(seen, source=resolved)
                return resolved
        return None

    @staticmethod
    def _compatible(pronoun: str, seen: _Seen) -> bool:
        if pronoun in ("he", "she", "him", "her", "i"):
            return seen.is_person and not seen.is_plural
        if pronoun in ("they", "them", "we"):
            return seen.is_plural or (pronoun == "we" and seen.source.kind is not SourceKind.UNNAMED)
        return not seen.is_person and not seen.is_plural

    def _earlier_subjects(self, sent: Sent, pronoun: Token) -> list[_Seen]:
        """Subjects earlier in the same sentence ("State prosecutors charged ..., they said")."""
        out = []
        for token in sent.span:
            if token.i >= pronoun.i:
                break
            if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN"):
                out.append(self._seen(self.build(sent, token), token))
        return out

    # -- memory -------------------------------------------------------------------------------------
    def _seen(self, source: Source, head: Token | None) -> _Seen:
        lemma = head.lemma_.lower() if head is not None else source.text.split()[-1].lower()
        is_person = (head is not None and head.ent_type_ == "PERSON") or lemma in _PERSON_NOUNS
        is_plural = head is not None and head.tag_ in ("NNS", "NNPS")
        short = source.text
        if head is not None and head.ent_type_ == "PERSON":
            short = _short_name(head)
        return _Seen(source, is_person, is_plural, lemma, short)

    def remember(self, sources: tuple[Source, ...]) -> None:
        """Make ``sources`` (built by this resolver) antecedents for later pronouns."""
        for source in sources:
            self._history.append(self._pending.get(_key(source)) or self._seen(source, None))

    def end_sentence(self, sent: Sent) -> None:
        """Keep the sentence's nominal subjects as antecedents for a later "it" or "they"."""
        for token in sent.span:
            if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN"):
                self._subjects.append(self._seen(self.build(sent, token), token))


def _short_name(head: Token) -> str:
    """How a named person is called later: the surname ("Peskov"), or the whole name when a hyphen joins its
    parts ("Ban Ki-moon", "Kim Jong-un": the family name comes first, and "moon" alone is no name)."""
    start = head
    while start.ent_iob_ == "I" and start.i > 0:  # back to the first word of the name
        start = start.nbor(-1)
    name = head.doc[start.i : head.i + 1]
    if any(t.text == "-" for t in name):
        return name.text
    return head.text


def _one_name(sent: Sent, heads: list[Token]) -> bool:
    """Whether coordinated heads are one registry name that holds an "and" ("the Islamic State of Iraq and the
    Levant", "the Foreign and Commonwealth Office")."""
    first, last = heads[0], heads[-1]
    words = " ".join(t.text for t in first.doc[min(first.left_edge.i, first.i) : last.i + 1])
    found = find_registry_actor(words)
    return found is not None and any(
        " and " in a.alias and a.actor == found and a.search_in(words, words.lower()) for a in registry_aliases()
    )


def _title_before(head: Token) -> str:
    """The office the parser hung on the verb before a named speaker ("Minister for the Middle East, Tobias
    Ellwood said:"): its words, or an empty string."""
    verb = head.head
    if head.dep_ not in ("nsubj", "nsubjpass") or verb.i == head.i:
        return ""
    title = next((c for c in verb.children if c.dep_ == "npadvmod" and c.i < head.left_edge.i), None)
    return " ".join(t.text for t in title.subtree) if title is not None else ""
