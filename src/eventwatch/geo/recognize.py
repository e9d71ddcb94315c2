"""Toponym recognition: gazetteer n-grams over capitalised token runs, guarded by context.

NER labels alone miss places (the small English model tags "Aleppo" NORP), so every run of capitalised
tokens (with name connectors: "Khan al-Asal", "Deir ez-Zor") is matched against the gazetteer, longest
n-gram first. A match is kept when the context supports a place reading:

* NER says GPE/LOC/FAC (or NORP on a non-demonym), or
* a locative preposition or head precedes/follows ("in", "near", "outside", "the city of", "X province"),
  or it is coordinated with an accepted place ("Idlib and Homs"), or
* the best candidate is prominent (country, admin1, capital or a city of ≥ 50,000) and the token is a
  proper noun.

and rejected when it is part of a longer proper name (an operation "Abu Omar Saraqib", an organisation
"Aleppo University", a person), part of a person's name behind a rank or title ("Brig. Gen. Richard
\"Tex\" Coe"), a word of a person's name found elsewhere in the article without a place cue ("Walton" after
"Jo Walton"), a PERSON/ORG entity without locative context, a common English word ("Police", "Home"), a bare
compass word, a month or weekday, a region wider than a country or a body off the Earth, or a known armed
group whose name is also a village.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc, Token

from eventwatch.geo._fold import plain
from eventwatch.geo._lexicon import (
    ADMIN_HEADS,
    ALWAYS_PLACE_WHEN_GPE,
    AREA_NOUNS,
    CELESTIAL_BODIES,
    COMMON_WORDS,
    DIRECTIONS,
    FACILITY_WORDS,
    INSTITUTIONS_AND_FAITHS,
    LOCATION_PREPOSITIONS,
    MONTHS_DAYS,
    NAME_CONNECTORS,
    NEVER_PLACES,
    ORG_HEADS,
    PERSON_TITLES,
    SITE_HEADS,
    WORLD_REGIONS,
)
from eventwatch.geo.gazetteer import Candidate, Gazetteer
from eventwatch.geo.resolve import Mention
from eventwatch.nlp.syntax import takes_ground

_MAX_NGRAM = 6
_PROMINENT_POPULATION = 50_000
_BIG_CITY_POPULATION = 200_000
_PLACE_NOUNS = frozenset({"city", "town", "village", "province", "governorate", "district", "region"})
# Sites named after people or ideas as often as after their town: the name is a place only where the article's
# other places agree on the country.
_OFTEN_NAMED_AFTER_PEOPLE = frozenset({"hospital", "market", "square", "street", "road", "bridge"})
# Words that give a thing its name: what follows is a title ("an artwork entitled America", "an operation
# called Olive Branch"), unless the thing named is a place ("a village called Maaloula").
_NAMING_WORDS = frozenset({"entitled", "titled", "called", "named", "dubbed", "nicknamed", "codenamed", "code-named"})
_NAMED_PLACES = _PLACE_NOUNS | AREA_NOUNS | frozenset(ADMIN_HEADS) | SITE_HEADS  # "a village called ..."
_PLACE_ONLY_PREPOSITIONS = frozenset({"in", "near", "outside", "inside", "around", "across", "throughout", "within"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_BLOCK_LABELS = frozenset({"PERSON", "ORG", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})
# Capitalised "The" mid-sentence opens a title ("The Duran", "The Times"), so it is not allowed in a run.
_ALLOWED_IN_RUN = DIRECTIONS | frozenset(ADMIN_HEADS) | SITE_HEADS | {"of"}
# A capitalised preposition opens a sentence or bullet ("Near Ar Raqqah, 15 strikes ..."); it is context,
# never part of the name. Compass words stay: "North Carolina", "East Azerbaijan".
_OPENING_PREPOSITIONS = LOCATION_PREPOSITIONS - DIRECTIONS - {"of"}
# Words that may sit between a place name and a site head: "Tiyas Military Airfield", "Baghdad International
# Airport". The run is then the site, and the site lies at the place.
_SITE_MODIFIERS = frozenset({"military", "international", "air", "naval", "regional"})
# GeoNames alternate names hold three-letter airport codes ("BBC" Bay City, "UTC" Utrecht); such a word in
# news is mostly an organisation or a time zone, so it names a town only by its own name or when the town is
# a metropolis known by its initials ("NYC", "LA"). Longer capitals are datelines ("RAQQA, Syria"), which
# match through alternate spellings and must keep them.
_MAX_ACRONYM = 3
_NAME_LOOKBACK = 6  # tokens back from a name to its title: Brig . Gen. Richard " Tex " before "Coe"
_ACRONYM_CITY_POPULATION = 1_000_000


def _is_acronym(text: str) -> bool:
    """All-caps initials ("BBC", "UTC") and mixed-case ones ("DoD"); not "Homs" or "Aden"."""
    return 2 <= len(text) <= _MAX_ACRONYM and text.isalpha() and sum(ch.isupper() for ch in text) >= 2


def _acronym_candidates(text: str, cands: Sequence[Candidate], dateline: bool) -> tuple[Candidate, ...]:
    """Candidates an all-caps word may name: its exact spelling, and for a town a metropolis (see
    ``_ACRONYM_CITY_POPULATION``) or its own name, which for a small town only a dateline writes in capitals
    ("KUT, Iraq"; "the EU said" is not Eu in Normandy)."""
    surface = plain(text)
    return tuple(
        c
        for c in cands
        if c.spelling == surface
        and (
            c.feature_class != "P"
            or c.source == "aliases.tsv"
            or (plain(c.name) == surface and (dateline or c.population >= _PROMINENT_POPULATION))
            or c.population >= _ACRONYM_CITY_POPULATION
        )
    )


def _is_dateline(doc: Doc, tok: Token) -> bool:
    """The word opens its paragraph and a comma or dash follows: "KUT, Iraq (Reuters) -"."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.i == 0 and nxt is not None and nxt.text in {",", "-", "—", "–", "("}


def _is_cap(tok: Token) -> bool:
    text = tok.text
    return bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text)


def _opens_with_common_noun(doc: Doc, tok: Token) -> bool:
    """A sentence-opening common noun before "of" is context, not part of a name: "Residents of Kharkiv"."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (
        bool(tok.is_sent_start)  # spaCy says None where no sentence boundaries are set
        and tok.pos_ in ("NOUN", "VERB", "ADJ")
        and not tok.ent_type_
        and nxt is not None
        and nxt.lower_ == "of"
    )


def _runs(doc: Doc) -> Iterator[list[Token]]:
    """Maximal runs of capitalised tokens, with connectors ("al", "-", "of") only inside a run."""
    run: list[Token] = []
    for tok in doc:
        joins_next = tok.i + 1 < len(doc) and _is_cap(doc[tok.i + 1])
        if (
            _is_cap(tok)
            and not (tok.is_sent_start and tok.lower_ in COMMON_WORDS and not tok.ent_type_)
            and not _opens_with_common_noun(doc, tok)
            and tok.lower_ not in _OPENING_PREPOSITIONS
        ):
            run.append(tok)
            continue
        inner = run and (tok.lower_ in NAME_CONNECTORS or (tok.text == "-" and not tok.whitespace_))
        if inner and (joins_next or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-")):
            run.append(tok)
            continue
        if (
            tok.lower_ in {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"}
            and tok.i + 2 < len(doc)
            and doc[tok.i + 1].text == "-"
            and _is_cap(doc[tok.i + 2])
        ):
            run.append(tok)  # "al-Rashedeen": a lower-case article opens the name
            continue
        if run:
            yield _trim(run)
        run = []
    if run:
        yield _trim(run)


def _trim(run: list[Token]) -> list[Token]:
    while run and (run[-1].lower_ in NAME_CONNECTORS or run[-1].text == "-"):
        run = run[:-1]
    return run


def _entity_label(tokens: Sequence[Token]) -> str:
    labels = [t.ent_type_ for t in tokens if t.ent_type_]
    return max(set(labels), key=labels.count) if labels else ""


def _locative_context(doc: Doc, first: Token, accepted_ends: set[int]) -> bool:
    i = first.i - 1
    while i >= 0 and (doc[i].lower_ in {"the", "a"} | DIRECTIONS or doc[i].lower_ in AREA_NOUNS):
        i -= 1
    if i < 0:
        return False
    prev = doc[i]
    if prev.lower_ in LOCATION_PREPOSITIONS:
        return True
    if takes_ground(prev):
        return True  # "entered Tell Tamer", "stormed Sirte", "shelled Kafranbel"
    if prev.lower_ in ("on", "against") and i > 0 and doc[i - 1].lemma_.lower() in _ACTS_ON_PLACES:
        return True  # "the chemical weapons attack on Douma", "the offensive against Raqqa"
    if prev.text == "," and i > 0 and doc[i - 1].lower_ in _STREETS:
        # "in Seaton Street, Edmonton": the town a street lies in takes the street's locative cue
        j = i - 2
        while j >= 0 and doc[j].is_title:
            j -= 1
        return j >= 0 and doc[j].lower_ in LOCATION_PREPOSITIONS
    # coordination with an accepted place: "Idlib and Homs", "Aleppo, Idlib"
    return prev.lower_ in {"and", "or", ","} and i - 1 in accepted_ends


_ACTS_ON_PLACES = frozenset(
    {"attack", "strike", "airstrike", "assault", "raid", "offensive", "bombing", "shelling", "advance", "march"}
)
_STREETS = frozenset({"street", "square", "road", "avenue", "boulevard", "lane"})


def _head_after(doc: Doc, last: Token) -> str | None:
    i = last.i + 1
    while i + 1 < len(doc) and doc[i].lower_ in _SITE_MODIFIERS and doc[i + 1].lower_ in SITE_HEADS:
        i += 1  # "Tiyas Military Airfield": the head is "airfield"
    return doc[i].lower_ if i < len(doc) else None


def _wanted_precision(doc: Doc, first: Token, last: Token) -> str | None:
    return wanted_precision(_head_after(doc, last), [t.lower_ for t in doc[max(0, first.i - 3) : first.i]])


def wanted_precision(head: str | None, before: list[str]) -> str | None:
    """The precision the words around a toponym ask for: a head noun after it ("Homs province"), or "the
    city of" / "the province of" before it (``before``: the lower-cased words just before)."""
    if head in ADMIN_HEADS:
        return ADMIN_HEADS[head]
    if before[-1:] == ["of"] and len(before) >= 2 and before[-2] in {"city", "town", "village"}:
        return "city"
    if before[-1:] == ["of"] and len(before) >= 2 and before[-2] in {"province", "governorate", "state", "region"}:
        return "admin1"
    return None


def _qualifier(doc: Doc, first: Token) -> str | None:
    """Sub-area words before the toponym: "western Aleppo" → "western"; "eastern districts of Aleppo" →
    "eastern districts"."""
    i = first.i - 1
    offset = _distance_offset(doc, first)
    if offset is not None:
        return offset
    if i >= 0 and doc[i].lower_ in DIRECTIONS - {"new", "old", "greater", "upper", "lower"} and doc[i].lower_:
        return doc[i].lower_
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in AREA_NOUNS:
        noun = doc[i - 1].lower_
        adj = doc[i - 2].lower_ if i >= 2 and doc[i - 2].lower_ in DIRECTIONS else ""
        return f"{adj} {noun}".strip()
    return None


_DISTANCE_UNITS = {"km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km"}
_DISTANCE_UNITS |= {"miles": "mi", "mile": "mi", "mi": "mi"}
_BEARING_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
    | {"north-east", "north-west", "south-east", "south-west"}
)


def _distance_offset(doc: Doc, first: Token) -> str | None:
    """ "20 km north of Raqqa", "73 km (45 miles) north of Tandag" → "20 km north": a distance and a bearing
    from the place (``places`` moves the point there)."""
    j = first.i - 1
    if j < 3 or doc[j].lower_ != "of":
        return None
    words: list[str] = []
    j -= 1
    while j >= 0 and (doc[j].lower_ in _BEARING_WORDS or doc[j].text == "-") and len(words) < 3:
        words.insert(0, doc[j].lower_)
        j -= 1
    bearing = "".join(words).replace("-", "")
    if j >= 0 and doc[j].text == ")":  # "73 km (45 miles) north of Tandag": the conversion in brackets
        while j >= 0 and doc[j].text != "(":
            j -= 1
        j -= 1
    if bearing not in _BEARING_WORDS or j < 1:
        return None
    unit = _DISTANCE_UNITS.get(doc[j].lower_)
    number = doc[j - 1].text.replace(",", "")
    if unit is None or not number.replace(".", "", 1).isdigit():
        return None
    return f"{number} {unit} {bearing}"


def _one_name_word(match: list[Token]) -> bool:
    """One proper noun, maybe behind an Arabic article: "Saraqib", "al-Mansoureh" (tokens "al", "-", "Mansoureh")."""
    words = [t for t in match if t.text != "-" and not (t.lower_ in {"al", "el"} and t.i < match[-1].i)]
    return len(words) == 1 and words[0].pos_ == "PROPN"


def _prominent(cands: Sequence[Candidate]) -> bool:
    return any(c.feature_code in {"PCLI", "ADM1", "PPLC"} or c.population >= _PROMINENT_POPULATION for c in cands)


def _in_person_name(doc: Doc, match: list[Token]) -> bool:
    """The match is part of a person's name: a rank or form of address comes before it across other names,
    nicknames in quotes and abbreviation dots ("Brig. Gen. Richard \"Tex\" Coe"), or it is itself one before
    a name ("Col. John Thomas")."""
    last = match[-1]
    if (
        len(match) == 1
        and last.lower_.rstrip(".") in PERSON_TITLES
        and last.i + 2 < len(doc)
        and doc[last.i + 1].text == "."
        and _is_cap(doc[last.i + 2])
    ):
        return True
    i, seen = match[0].i - 1, 0
    while i >= 0 and seen < _NAME_LOOKBACK:
        tok = doc[i]
        if tok.lower_.rstrip(".") in PERSON_TITLES and _is_cap(tok):
            return True
        if not (tok.is_quote or tok.text == "." or (_is_cap(tok) and tok.pos_ == "PROPN")):
            return False
        i, seen = i - 1, seen + 1
    return False


def person_name_words(docs: Iterable[Doc]) -> frozenset[str]:
    """Capitalised words of the person names (two words or more) that NER finds in an article: after "the
    novelist Jo Walton", a bare "Walton" is the novelist, not a village of that name."""
    return frozenset(
        plain(tok.text)
        for doc in docs
        for ent in doc.ents
        if ent.label_ == "PERSON" and len(ent) >= 2
        for tok in ent
        if _is_cap(tok) and tok.is_alpha
    )


def _place_cue_before(doc: Doc, first: Token) -> bool:
    """A cue that only a place takes: "in", "near", "outside" …, or "the town of"; "to", "from", "into" and a
    bare "of" also take persons ("harm to Omar", "directives from Xi", "the killing of Jamal")."""
    i = first.i - 1
    while i >= 0 and doc[i].lower_ in {"the", "a"} | DIRECTIONS:
        i -= 1
    if i < 0:
        return False
    prev = doc[i].lower_
    if prev == "of":
        return i > 0 and (doc[i - 1].lower_ in AREA_NOUNS or doc[i - 1].lower_ in _PLACE_NOUNS)
    return prev in _PLACE_ONLY_PREPOSITIONS


def _names_a_thing(doc: Doc, first: Token) -> bool:
    """True for a name given to a thing that is no place: "an artwork entitled America"."""
    i = first.i - 1
    while i >= 0 and doc[i].is_quote:
        i -= 1
    if i < 1 or doc[i].lower_ not in _NAMING_WORDS:
        return False
    named = doc[i - 1] if doc[i - 1].text != "," or i < 2 else doc[i - 2]
    return named.pos_ in ("NOUN", "PROPN") and not {named.lower_, named.lemma_.lower()} & _NAMED_PLACES


# Nouns for an outlet or a firm: a name right after one, or set beside it, is the outlet's own.
_OUTLET_NOUNS = frozenset(
    {"agency", "firm", "outlet", "broadcaster", "newspaper", "daily", "weekly", "channel", "station", "website"}
    | {"magazine", "network", "company", "tv", "television", "radio", "news"}
)


def _outlet_named(doc: Doc, match: list[Token]) -> bool:
    first = match[0]
    before = doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.lower_ in _OUTLET_NOUNS and before.pos_ == "NOUN":
        return True
    head = match[-1]
    while head.dep_ == "compound" and head.head.i > head.i and head.head.i <= match[-1].i:
        head = head.head
    return head.dep_ == "appos" and head.head.lemma_.lower() in _OUTLET_NOUNS


# Buildings named after whom they are dedicated to: "the church of St. Peter and St. Paul", "the Mosque of Omar".
_DEDICATED = frozenset(
    {"church", "cathedral", "basilica", "chapel", "monastery", "abbey", "convent", "mosque", "shrine", "tomb"}
)


_TIME_ZONES = frozenset(
    {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST"}
    | {"AST", "IST", "MSK", "JST", "AEST", "AEDT"}
)


def _after_a_time(tok: Token) -> bool:
    before = tok.nbor(-1) if tok.i > 0 else None
    if before is None:
        return False
    return before.lower_ in ("a.m.", "p.m.", "am", "pm") or before.like_num or ":" in before.text


def _dedication(last: Token) -> bool:
    """True for the name after "<a church> of" (or a conjunct of it): a saint or a patron, no place."""
    tok = last
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _DEDICATED


def _never_a_place(text: str) -> bool:
    """Names that are never a place, whatever the context: armed groups, regions wider than a country,
    institutions named after their seat, faiths, bodies off the Earth."""
    return text in NEVER_PLACES or text in WORLD_REGIONS or text in INSTITUTIONS_AND_FAITHS or text in CELESTIAL_BODIES


def _big_city(spelt: Sequence[Candidate]) -> bool:
    """Among the candidates spelt exactly as the text, a city of at least _BIG_CITY_POPULATION people."""
    return any(c.feature_class == "P" and c.population >= _BIG_CITY_POPULATION for c in spelt)


def _evidence(
    doc: Doc,
    run: list[Token],
    match: list[Token],
    cands: Sequence[Candidate],
    accepted_ends: set[int],
    person_words: frozenset[str],
) -> str | None:
    """How well the context supports a place reading: "strong", "weak" (kept only if the place is prominent
    or the article's other places agree on the country, see :mod:`eventwatch.geo.places`), "local" (kept
    only if they agree) or None (rejected)."""
    text = plain(doc[match[0].i : match[-1].i + 1].text)  # find_mentions has already left out never-places
    if any(t.lower_ in MONTHS_DAYS for t in match):
        return None
    if len(match) == 1 and match[0].text in _TIME_ZONES and _after_a_time(match[0]):
        return None  # "at 12:30 EST", "3 p.m. EST": a time zone, not the Est region of Burkina Faso
    if _in_person_name(doc, match) or _names_a_thing(doc, match[0]) or _dedication(match[-1]):
        return None
    if _outlet_named(doc, match):
        return None  # "state news firm Saba", "the agency SANA": who reports, not where
    if all(t.lower_ in DIRECTIONS for t in match) and _head_after(doc, match[-1]) not in ADMIN_HEADS:
        return None  # a bare compass word ("the Near East and South Asia") names no place; "South region" may
    rest = [t for t in run if t.i < match[0].i or t.i > match[-1].i]
    before = [t for t in rest if t.i < match[0].i]
    if len(before) >= 2 and before[-1].lower_ == "of" and all(t.ent_type_ == "PERSON" for t in before[:-1]):
        rest = [t for t in rest if t.i > match[-1].i]  # "Anne McLellan of Edmonton": where the person is from
    after = [t for t in rest if t.i > match[-1].i]
    if after and after[-1].lower_ in SITE_HEADS and all(t.lower_ in _SITE_MODIFIERS for t in after[:-1]):
        rest = [t for t in rest if t.i < match[0].i]  # "Tiyas Military Airfield": a site at the place
    if any(t.lower_ in ORG_HEADS for t in rest):
        return None
    if any(t.lower_ not in _ALLOWED_IN_RUN and t.lower_ not in NAME_CONNECTORS and t.text != "-" for t in rest):
        return None  # part of a longer proper name: an operation, a person, an organisation
    label = _entity_label(match)
    locative = _locative_context(doc, run[0] if rest and rest[0].i < match[0].i else match[0], accepted_ends)
    head = _head_after(doc, match[-1])
    headed = head is not None and (head in ADMIN_HEADS or head in SITE_HEADS or head in AREA_NOUNS)
    spelt = [c for c in cands if c.spelling == text]
    if text in person_words and not (_place_cue_before(doc, match[0]) or headed or _prominent(spelt)):
        return None  # a person's name read again without them: "Ford" after "John M. Ford", "harm to Omar"
    if len(match) == 1 and text in COMMON_WORDS:
        # FAC is a building ("Fishmongers' Hall"), never the gazetteer's town of that common word
        ok = label in ("GPE", "LOC") and (text not in ALWAYS_PLACE_WHEN_GPE or label == "GPE")
        return "strong" if ok else None
    if headed and not locative and head in _OFTEN_NAMED_AFTER_PEOPLE:
        return "local"  # "the Al Salem hospital complex" in Mosul: not Jerusalem, of which Salem is an old name
    if not spelt:
        # a spelling variant needs a locative cue, and even then the article must agree: "Biden" ≠ Vidin
        return "weak" if locative or headed else None
    if label in _BLOCK_LABELS:
        if headed or (locative and label != "ORG"):
            return "weak"
        if label == "ORG" and _one_name_word(match):
            return "weak"  # the small model tags many one-word towns ORG ("bombed Saraqib", "al-Mansoureh")
        if label == "PERSON" and text not in person_words and _big_city(spelt):
            return "weak"  # the small model tags some big cities PERSON ("put Edmonton near the bottom")
        return "weak" if locative and _prominent(cands) else None
    if locative or headed:
        return "strong"
    if label in _PLACE_LABELS or label == "NORP":
        # NORP: the small model tags many Levantine cities so; demonyms are caught before this.
        return "strong" if _prominent(cands) else "weak"
    if not any(t.pos_ == "PROPN" for t in match):
        return None
    # An untagged proper noun ("bombed Saraqib"): prominent, or the article agrees on its country.
    return "strong" if _prominent(cands) else "weak"


def find_mentions(
    doc: Doc, offset: int, gaz: Gazetteer, include_demonyms: bool, person_words: frozenset[str] = frozenset()
) -> list[Mention]:
    """Toponym mentions in one parsed paragraph; spans are ``offset + token.idx`` (article offsets).
    ``person_words`` (:func:`person_name_words` of the whole article) are names only with a place cue."""
    mentions: list[Mention] = []
    accepted_ends: set[int] = set()
    for run in _runs(doc):
        i = 0
        while i < len(run):
            found = False
            for n in range(min(_MAX_NGRAM, len(run) - i), 0, -1):
                match = run[i : i + n]
                if (match[0].lower_ in NAME_CONNECTORS and match[0].lower_ not in {"al", "el"}) or match[
                    -1
                ].text == "-":
                    continue
                span = doc[match[0].i : match[-1].i + 1]
                demonym = gaz.demonym_country(span.text) if n <= 2 else None
                if demonym is not None:
                    if include_demonyms:
                        mentions.append(
                            Mention(
                                offset + span.start_char,
                                offset + span.end_char,
                                span.text,
                                (),
                                demonym_of=demonym,
                            )
                        )
                    i += n
                    found = True
                    break
                if _never_a_place(plain(span.text)):
                    i += n  # nor any part of it: not "Middle" (Middle, Tennessee) in "the Middle East"
                    found = True
                    break
                cands = gaz.lookup(span.text)
                if n == 1 and _is_acronym(span.text):
                    cands = _acronym_candidates(span.text, cands, _is_dateline(doc, match[0]))
                evidence = _evidence(doc, run, match, cands, accepted_ends, person_words) if cands else None
                if evidence is not None:
                    mentions.append(
                        Mention(
                            offset + span.start_char,
                            offset + span.end_char,
                            span.text,
                            cands,
                            wanted_precision=_wanted_precision(doc, match[0], match[-1]),
                            qualifier=_qualifier(doc, match[0]),
                            evidence=evidence,
                        )
                    )
                    accepted_ends.add(match[-1].i)
                    i += n
                    found = True
                    break
            if not found:
                i += 1
    return mentions


def _is_facility_name(words: Sequence[str]) -> bool:
    """ "St. Michael's Hospital", "Stade de France": a name of several words with a facility word in it."""
    return len(words) >= 2 and any(w.lower() in FACILITY_WORDS for w in words)


def mention_for_span(text: str, start: int, end: int, gaz: Gazetteer) -> Mention:
    """A mention for a span given from outside (gold spans in evaluation), with the head-noun context read
    from the raw text."""
    surface = text[start:end]
    after = text[end : end + 16].split()
    head = plain(after[0]) if after else ""
    demonym = gaz.demonym_country(surface)
    cands = gaz.lookup(surface)
    if demonym is not None and not any(c.feature_code == "PCLI" for c in cands):
        return Mention(start, end, surface, (), demonym_of=demonym)
    return Mention(
        start,
        end,
        surface,
        cands,
        wanted_precision=wanted_precision(head, text[max(0, start - 40) : start].lower().split()[-3:]),
        is_facility=not cands and _is_facility_name(surface.split()),
    )
