"""Which of an article's places an event mention happened at.

In order, the first rule that yields a place wins (``Place.rule`` records it):

1. ``clause`` — toponyms inside the event's own clause (its first evidence span) or the dependency subtree of
   its trigger; else inside the further evidence the extract merged into it;
2. ``sentence`` — toponyms in the event's sentence;
3. ``context`` — towns and sites of the sentence before, in the same paragraph;
4. ``coreference`` — the town of an earlier event the sentence names again ("during the rally");
5. ``speech`` — for a speech act (a demand, threat, accusation ...), the town where a statement was made;
6. ``dateline`` — the place named in the article's dateline ("ALEPPO, Syria (Reuters) —");
7. ``article`` — the article's main place: the most often mentioned resolved place.

A mention found by rules 1–3 whose further evidence lies in another sentence that names no place also takes
the town of the sentence before that one (``context``): the extract merged two reports of it, and each says where.

The dateline's places count only for rule 6, though the parser reads them into the first sentence.
Countries that act ("Iran issued warrants") and affiliations ("president of the US", "Dayton, 42, of
Woodbridge") never place the event in rules 1–3. ``capital`` replaces a country that acts as a state by its
capital when the article names it.

Within a rule, a country or admin1 unit is dropped when a finer place inside it is also there ("Aleppo,
Syria" → Aleppo; "Idlib and Homs province" keeps both), and repeated mentions of one place are kept once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwatch.geo._lexicon import OFFICE_TITLES
from eventwatch.nlp.syntax import is_origin
from eventwatch.nlp.text import doc_text
from eventwatch.records import EventMention, ParsedArticle, Place, Plover, Precision, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

_COARSE = frozenset({Precision.COUNTRY, Precision.ADMIN1, Precision.REGION})
_DATELINE_CHARS = 80  # a dateline sits in the first line: "ALEPPO, Syria, Oct 16 (Reuters) -"


def _trigger_subtree(parsed: ParsedArticle, trigger: Span) -> Span | None:
    for pdoc in parsed.docs:
        local = trigger.start - pdoc.offset
        if 0 <= local < len(doc_text(pdoc.doc)):
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


def _in_dateline(parsed: ParsedArticle, places: Sequence[Place]) -> list[Place]:
    """The places of the article's dateline ("ALEPPO, Syria (Reuters) —"), if the text opens with one."""
    head = parsed.article.text[:_DATELINE_CHARS]
    cut = min((i for i in (head.find(" —"), head.find(" -"), head.find("(")) if i > 0), default=-1)
    return [p for p in places if p.span is not None and p.span.end <= cut] if cut > 0 else []


def dateline_place(parsed: ParsedArticle, places: Sequence[Place]) -> Place | None:
    """The place in the article's dateline, if the text opens with one."""
    return next(iter(_in_dateline(parsed, places)), None)


def main_place(places: Sequence[Place]) -> Place | None:
    """The most often mentioned place, finer precision breaking ties; None for no places."""
    if not places:
        return None
    counts = Counter(_identity(p) for p in places)
    order = list(Precision)
    return max(places, key=lambda p: (counts[_identity(p)], -order.index(p.precision)))


def _identity(place: Place) -> int | str:
    """The place an entry stands for: its GeoNames id, or its name for entries without one (two unrelated
    entries without an id are not one place mentioned twice)."""
    return place.geonameid if place.geonameid is not None else f"{place.resolved_name or place.name}/{place.precision}"


# A country named as a clause's subject, a possessor or a noun modifier acts ("Iran issued warrants", "Iran's
# request", "U.S. airstrikes"): it says who, not where (dev gold: those events sit in a city of the article).
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "compound", "amod", "nmod", "agent"})
_OBJECT_DEPS = frozenset({"dobj", "pobj"})


def _token_at(parsed: ParsedArticle, offset: int) -> Token | None:
    for pdoc in parsed.docs:
        local = offset - pdoc.offset
        if 0 <= local < len(doc_text(pdoc.doc)):
            span = pdoc.doc.char_span(local, local + 1, alignment_mode="expand")
            return span.root if span is not None and len(span) else None
    return None


def _article_offset(token: Token, parsed: ParsedArticle) -> int | None:
    return next((pdoc.offset + token.idx for pdoc in parsed.docs if pdoc.doc is token.doc), None)


def _phrase_head(token: Token) -> Token:
    while token.dep_ in ("compound", "flat") and token.head.i > token.i and token.head.ent_type_ == token.ent_type_:
        token = token.head  # "United States": the last word carries the phrase's role
    return token


def _names_an_actor(place: Place, event: EventMention, parsed: ParsedArticle) -> bool:
    """Whether this country mention names who acted rather than where (see ``_ACTOR_DEPS``)."""
    if place.span is None or place.precision is not Precision.COUNTRY:
        return False
    token = _token_at(parsed, place.span.start)
    head = _phrase_head(token) if token is not None else None
    if head is not None and head.dep_ == "pobj" and head.head.lower_ in _WHERE_PREPOSITIONS:
        return False  # "strikes on chemical weapons facilities in Syria": where the recipient is
    for actor in (event.actor1, event.actor2):
        if actor is None or actor.span is None or not actor.span.contains(place.span):
            continue
        # A bare country as the object ("troops would be leaving Syria") is the target and the place.
        bare = actor.span.start == place.span.start and actor.span.end == place.span.end
        if not (bare and head is not None and head.dep_ in _OBJECT_DEPS):
            return True
    if head is None:
        return False
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head  # "by Russia and Turkey": the second conjunct has the first's role
    if head.dep_ in ("compound", "amod", "nmod") and _area_noun(head):
        return False  # "in the Afghanistan/Pakistan region", "the Syrian border": where, not who
    anchor = head.head
    if head.dep_ == "appos" and anchor.ent_type_ not in _PLACE_LABELS and _inside_an_actor(anchor, event, parsed):
        return True  # "The regime and its backers, notably Russia, are inflicting ...": who, not where
    return head.dep_ in _ACTOR_DEPS or (head.dep_ == "pobj" and head.head.dep_ == "agent")  # "announced by Russia"


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_WHERE_PREPOSITIONS = frozenset({"in", "inside", "near", "across", "throughout", "within"})


def _inside_an_actor(token: Token, event: EventMention, parsed: ParsedArticle) -> bool:
    start = _article_offset(token, parsed)
    return start is not None and any(
        actor is not None and actor.span is not None and actor.span.start <= start < actor.span.end
        for actor in (event.actor1, event.actor2)
    )


# Nouns for a stretch of land: a country modifying one says where ("the Afghanistan/Pakistan region").
# Not "city", "capital" or "province": "the US capital", "the Syrian city of Aleppo" name a finer place.
_AREA_NOUNS = frozenset(
    {"region", "area", "border", "borderland", "side", "territory", "coast", "frontier", "countryside"}
    | {"mainland", "soil", "airspace", "waters", "enclave", "zone"}
)


def _area_noun(modifier: Token) -> bool:
    head = modifier.head
    while head.dep_ in ("compound", "nmod") and head.head.i > head.i:
        head = head.head
    return head.lemma_.lower() in _AREA_NOUNS


def is_prepositional_object(place: Place, parsed: ParsedArticle) -> bool:
    """Whether the place is the object of a preposition ("the prosecutor general of Tehran", "a source in
    Idlib"), not a name by itself ("Fars", "the BBC")."""
    token = _token_at(parsed, place.span.start) if place.span is not None else None
    return token is not None and _phrase_head(token).dep_ == "pobj"


def _is_affiliation(place: Place, parsed: ParsedArticle) -> bool:
    """Whether the place says whom a person belongs to, not where the event was: a home town ("Scott C.
    Dayton, 42, of Woodbridge, Virginia") or an office's seat ("president of the US", "the U.S. Attorney for
    the Western District of Texas")."""
    if place.span is None:
        return False
    token = _token_at(parsed, place.span.start)
    if token is None:
        return False
    token = _phrase_head(token)
    while token.dep_ in ("appos", "conj") and token.head.i < token.i:
        token = token.head  # "Woodbridge, Virginia": the state hangs off the town
    for _ in range(3):  # "Attorney for the Western District of Texas": up through area nouns
        if token.dep_ != "pobj" or token.head.lower_ not in ("of", "for"):
            return False
        owner = token.head.head
        if owner.ent_type_ == "PERSON" or owner.lower_ in OFFICE_TITLES:
            return True
        token = owner
    return False


_SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "port", "capital", "hamlet", "settlement"})


def _describes_another(place: Place, places: Sequence[Place], parsed: ParsedArticle) -> bool:
    """Whether the place only describes the region of a place named after it that it does not contain: "the Red
    Sea port town of Mokha" (a sea, or Sudan's Red Sea state; "the Idlib town of Saraqib" keeps Idlib)."""
    token = _token_at(parsed, place.span.start) if place.span is not None else None
    if token is None:
        return False
    head = _phrase_head(token)
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    if head is token or head.lemma_.lower() not in _SETTLEMENT_NOUNS:
        return False  # "the Doura district of Baghdad" names a part of the city
    named = [
        other
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for other in places
        if other.span is not None
        and (start := _article_offset(pobj, parsed)) is not None
        and other.span.start <= start < other.span.end
    ]
    return bool(named) and not any(_contains(place, other) for other in named)


def _is_origin(place: Place, parsed: ParsedArticle) -> bool:
    token = _token_at(parsed, place.span.start) if place.span is not None else None
    return token is not None and is_origin(_phrase_head(token))


def _refine(found: list[Place], fallback: Place | None) -> list[Place]:
    """Countries only, and the article's dateline place lies inside one of them: that place is the better
    answer. The most mentioned city is not: "the ceasefire in Syria" in a statement that names Damascus twice
    is the country's (dev gold)."""
    if not found or fallback is None or fallback.precision in _COARSE:
        return found
    if all(p.precision is Precision.COUNTRY for p in found) and any(p.country == fallback.country for p in found):
        return [fallback]
    return found


# PERSON stays a possible place here: the small model tags many transliterated towns so ("Near Dayr Az Zayr").
_NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "NORP", "MONEY", "QUANTITY"})


def _names_an_unknown_place(parsed: ParsedArticle, sentence: Span, places: Sequence[Place]) -> bool:
    """Whether the sentence opens a locative phrase on a capitalised name that is no known place ("Near Dayr Az
    Zayr, one strike destroyed ..." where the spelling is not in the gazetteer): it names its own place."""
    known = [p.span for p in places if p.span is not None]
    for tok in _tokens_in(parsed, sentence):
        if tok.lower_ not in ("in", "near", "outside", "at") or tok.i + 1 >= len(tok.doc):
            continue
        name = tok.doc[tok.i + 1]
        if name.pos_ == "PROPN" and name.ent_type_ not in _NOT_PLACE_LABELS:
            offset = next(pd.offset for pd in parsed.docs if pd.doc is tok.doc)  # token offsets are per paragraph
            where = offset + name.idx
            if not any(s.start <= where < s.end for s in known):
                return True
    return False


def _previous_sentence(index: int, parsed: ParsedArticle, places: Sequence[Place]) -> list[Place]:
    """Towns and sites of the sentence before sentence ``index``, when that sentence names none: "A U.S.
    strike hit vehicles near Sarmada, Syria. And, a Jan. 3 U.S. strike hit the headquarters compound itself"
    continues the story at the place just named. Countries and provinces are too coarse to carry over, and a
    blank line (a new paragraph) ends the story: "...flown to a hospital in Jakarta.\n\nDedi Prasetyo ...
    confirmed that two suspects were arrested" did not happen in Jakarta."""
    i = index - 1
    if not 0 <= i < index < len(parsed.sentences):
        return []
    if _names_an_unknown_place(parsed, parsed.sentences[i + 1].span, places):
        return []
    gap = parsed.article.text[parsed.sentences[i].span.end : parsed.sentences[i + 1].span.start]
    if gap.count("\n") >= 2:
        return []
    return [p for p in _within(places, [parsed.sentences[i].span]) if p.precision not in _COARSE]


def _sentence_of(parsed: ParsedArticle, span: Span) -> int | None:
    for sentence in parsed.sentences:
        if sentence.span.start <= span.start < sentence.span.end:
            return sentence.index
    return None


def _other_reports(event: EventMention, parsed: ParsedArticle, places: Sequence[Place]) -> list[Place]:
    """Towns that the event's further evidence, in other sentences than its own, continues at: a mention the
    extract merged from two reports ("... north and west of Raqqah," he said. "In support of these operations,
    the coalition conducted 10 airstrikes") happened where each report says. Only a report whose sentence names
    no place at all takes the town of the sentence before it (the ``context`` rule, per report); one whose
    sentence names other places ("the shooting followed four shootings in California ...") is about those."""
    out: list[Place] = []
    for span in event.evidence[1:]:
        index = _sentence_of(parsed, span)
        if index is None or index == event.sentence_index or _within(places, [parsed.sentences[index].span]):
            continue
        out += [p for p in _previous_sentence(index, parsed, places) if p not in out]
    return out


def _seat_of_government(event: EventMention, found: list[Place], places: Sequence[Place]) -> list[Place]:
    """A country acting as a state ("Iran issued arrest warrants") acts from its capital: when the event's
    place is that country alone and the article names its capital, the capital is the finer answer."""
    actor = event.actor1
    if actor is None or actor.span is None or len(found) != 1 or found[0].precision is not Precision.COUNTRY:
        return found
    country = found[0].country
    names_it = any(
        p.span is not None and p.country == country and p.precision is Precision.COUNTRY and actor.span == p.span
        for p in places
    )
    capital = next((p for p in places if p.country == country and p.feature_code == "PPLC"), None)
    return [capital] if names_it and capital is not None else found


def _tokens_in(parsed: ParsedArticle, span: Span) -> list[Token]:
    for pdoc in parsed.docs:
        local = span.start - pdoc.offset
        if 0 <= local < len(doc_text(pdoc.doc)):
            view = pdoc.doc.char_span(local, span.end - pdoc.offset, alignment_mode="expand")
            return list(view) if view is not None else []
    return []


_SPECIFIC_RULES = frozenset({"clause", "sentence", "context"})


def _named_before(event: EventMention, parsed: ParsedArticle, earlier: Sequence[EventMention]) -> list[Place]:
    """The place of an earlier event that this event's sentence names again by a definite noun: "held a rally
    in Minsk ... The government strengthened security measures during the rally" was in Minsk."""
    if not earlier or not 0 <= event.sentence_index < len(parsed.sentences):
        return []
    # Only a bare definite noun: "the attack on December 27th" names another attack than the one before.
    nouns = {
        tok.head.lemma_.lower()
        for tok in _tokens_in(parsed, parsed.sentences[event.sentence_index].span)
        if tok.lower_ in ("the", "this", "that")
        and tok.dep_ == "det"
        and tok.head.pos_ == "NOUN"
        and all(child.dep_ in ("det", "punct") for child in tok.head.children)
    }
    for other in reversed(earlier):
        trigger = _token_at(parsed, other.trigger.start)
        places = [p for p in other.locations if p.rule in _SPECIFIC_RULES and p.precision not in _COARSE]
        if trigger is not None and places and trigger.lemma_.lower() in nouns and other.id != event.id:
            return places
    return []


# Speech acts happen where they are said (shared/gold/dev/README.md: verbal events get "the place where the act
# happened"); these words govern where a statement was made: "said in Ankara", "the speech which was delivered
# in Tehran", "told reporters in Kyiv", "a news conference in Baghdad".
_VERBAL = frozenset({Plover.REQUEST, Plover.ACCUSE, Plover.REJECT, Plover.THREATEN, Plover.SUPPORT, Plover.AGREE})
_SPEECH_WORDS = frozenset(
    {"say", "speak", "speech", "deliver", "address", "tell", "remark", "statement", "conference", "interview"}
)


def _speech_place(event: EventMention, parsed: ParsedArticle, places: Sequence[Place]) -> list[Place]:
    """For a speech act with no place of its own, the town where the article says a statement was made."""
    if event.plover not in _VERBAL:
        return []
    for place in places:
        token = _token_at(parsed, place.span.start) if place.span is not None else None
        if token is None or place.precision in _COARSE:
            continue
        token = _phrase_head(token)
        prep = token.head
        if token.dep_ == "pobj" and prep.lower_ in ("in", "at") and prep.head.lemma_.lower() in _SPEECH_WORDS:
            return [place]
    return []


def locate(
    event: EventMention,
    parsed: ParsedArticle,
    places: Sequence[Place],
    earlier: Sequence[EventMention] = (),
    not_here: Collection[Span] = (),
) -> tuple[Place, ...]:
    """The event mention's places with ``rule`` set (see module docstring); () if the article has none.
    ``earlier``: the article's events before this one, already placed (for ``coreference``); ``not_here``:
    spans of places that count for the article but never place an event (inside a source's name)."""
    everything = list(places)
    # A country that names who acted ("a US counter-terrorism operation") never says where, even when it is the
    # only place in the clause: the context, dateline or article place does.
    places = [p for p in places if not _names_an_actor(p, event, parsed)]
    # Affiliations ("president of the US") never place the event itself, but still count for the article.
    # Nor does the dateline, which the parser reads into the first sentence: it says where the report was filed.
    filed_at = {p.span for p in _in_dateline(parsed, places)}
    where = [
        p
        for p in places
        if p.span not in not_here
        and p.span not in filed_at
        and not _is_affiliation(p, parsed)
        and not _is_origin(p, parsed)
    ]
    where = [p for p in where if not _describes_another(p, where, parsed)]
    own = list(event.evidence[:1])
    subtree = _trigger_subtree(parsed, event.trigger)
    if subtree is not None:
        own.append(subtree)
    # The event's own clause says where; the clauses merged into it only when it does not ("strikes on bases
    # in Idlib and Homs" retold as "strikes ... intended to weaken the forces outside western Aleppo").
    found = _within(where, own) or _within(where, event.evidence[1:])
    rule = "clause"
    if not found and 0 <= event.sentence_index < len(parsed.sentences):
        found, rule = _within(where, [parsed.sentences[event.sentence_index].span]), "sentence"
    if not found:
        found, rule = _previous_sentence(event.sentence_index, parsed, where), "context"
    if not found:
        found, rule = _named_before(event, parsed, earlier), "coreference"
    if not found:
        found, rule = _speech_place(event, parsed, where), "speech"
    dateline = dateline_place(parsed, places)
    main = main_place(places) or main_place(everything)
    if found:
        refined = _refine(found, dateline)
        if refined is not found:
            found, rule = refined, "dateline"
    if not found:
        found, rule = ([dateline], "dateline") if dateline else ([], "")
    if not found:
        found, rule = ([main], "article") if main else ([], "")
    seat = _seat_of_government(event, found, everything)
    if seat is not found:
        found, rule = seat, "capital"
    located = [replace(p, rule=rule) for p in found]
    if rule in _SPECIFIC_RULES:
        located += [replace(p, rule="context") for p in _other_reports(event, parsed, where) if p not in found]
    return tuple(_distinct(located))
