"""Toponym resolution: pick one gazetteer entry per mention, using the whole article as context.

Score of a candidate (weights tuned on TR-News dev only):

* name match — the plain spelling equals the text (vs. equal only after transliteration folding), and the
  town's own name rather than an alternate one, unless a far bigger town's full name begins with it
  ("Newcastle" is Newcastle upon Tyne);
* prominence — log population, feature code (country > admin1 > capital > admin seat > town > quarter);
* article country context — countries named in the article (names, demonyms), the countries of
  places resolved unambiguously, and where two ambiguous names are namesakes side by side ("Edmonton" and
  "Enfield" are neighbours only in London); then the countries the other names' picks lie in, one vote per
  name and none for the name itself; a candidate in one of them wins over a namesake elsewhere;
* admin hierarchy — a candidate in the same admin1 as another mentioned place wins ("Khan al-Asal"
  next to "Aleppo" → the village in Aleppo governorate); a state or country written after the name with a
  comma decides ("PARIS, Mo." → Paris, Missouri); candidates tied on every cue go to the admin1 the
  article names most (five states have a Dallas County);
* the precision the text asks for ("Homs province" → the admin1 unit; "the city of X" → the town).

An unknown name (no candidate) resolves to nothing and never affects the other mentions, except a named
facility given as a toponym span ("St. Michael's Hospital"; the recognizer does not propose such spans yet):
it lies in the town the article last named before it (else the town it names most), approximately. So does a
"stray": a strongly read name whose best candidate is a small namesake in a country nothing else in the
article points at, while the article's places point at one country ("Heathrow" in a story about London's
airports); the recognizer then drops it as no place (``places._drop_unsupported``).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from eventwatch.geo._fold import plain
from eventwatch.geo.gazetteer import Candidate, Gazetteer

_FEATURE_BONUS = {
    "PCLI": 6.0,
    "CONT": 5.0,
    "PCLD": 4.0,
    "PCLS": 4.0,
    "ADM1": 3.0,
    "PPLC": 3.5,
    "PPLA": 2.0,
    "PPLA2": 1.2,
    "PPLA3": 0.6,
    "ADM2": 1.0,
    "PPL": 0.0,
    "PPLX": -0.5,
    "PPLL": -0.3,
}
_EXACT_BONUS = 2.0
_OWN_NAME_BONUS = 1.0
_COUNTRY_BONUS = 3.5
_NEIGHBOUR_SHARE = (3, 4)  # a country next to one the article names: three quarters of its votes
_ADMIN1_BONUS = 2.5
_PRECISION_BONUS = 3.0
_NEAR_KM = 300.0
_NAMESAKE_CITY_POPULATION = 100_000
_NAMESAKE_ADMIN1_PENALTY = 4.0
# A namesake city is "the" reading of a bare name only when it holds a good share of its admin1's people
# (New York City, Aleppo) or is the capital (Washington); Quebec City holds ~7 % of Quebec. Tuned on
# TR-News dev.
_NAMESAKE_CITY_SHARE = 0.2
# A town this small in a country no other mention points at, in an article whose places point at one country
# this many times, is an unlisted place near the story rather than a namesake abroad. Tuned on TR-News dev.
_STRAY_POPULATION = 10_000
_HOME_VOTES = 4
_MINOR_UNITS = frozenset({"ADM2", "ADM3", "ADM4"})  # districts abroad stray like villages
_UNITS = frozenset({"ADM1", "PCLI"})  # what a name after a comma qualifies another with ("Paris, Mo.")
_DWARF_RATIO = 10
_OVERSHADOW_RATIO = 100
_ALTERNATE_NAME_PENALTY = 2.0
_SEAT_KM = 60.0  # a district's seat lies within its district, near its centre
_PAIR_KM = 25.0
_PAIR_POPULATION = 10_000


@dataclass(slots=True)
class Mention:
    """A toponym to resolve: its text, span, candidates and what its context says about it."""

    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]
    wanted_precision: str | None = None  # from a head noun: "province" → "admin1"
    qualifier: str | None = None
    demonym_of: str | None = None  # ISO alpha-3 when the mention is a demonym ("Syrian")
    evidence: str = "strong"  # "weak"/"local": kept only where the article agrees (see places._drop_unsupported)
    chosen: Candidate | None = None
    is_facility: bool = False  # a named building or ground the gazetteer lacks: placed at a town of the article
    is_stray: bool = False  # its best reading was a small namesake abroad that nothing else points at
    is_approximate: bool = False


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _is_namesake_city(city: Candidate, admin1: Candidate) -> bool:
    if city.feature_class != "P" or city.cc != admin1.cc or city.population < _NAMESAKE_CITY_POPULATION:
        return False
    return (
        city.feature_code == "PPLC"
        or not admin1.population
        or city.population >= _NAMESAKE_CITY_SHARE * admin1.population
    )


def is_seat(town: Candidate, district: Candidate) -> bool:
    """A district's seat of the same name: an admin seat in the same country, close by."""
    return (
        town.feature_code in ("PPLA", "PPLA2", "PPLA3", "PPLC")
        and town.country == district.country
        and haversine_km(town.lat, town.lon, district.lat, district.lon) < _SEAT_KM
    )


def _overshadowed(town: Candidate, candidates: Sequence[Candidate], surface: str) -> bool:
    """A town that bears the name only as an alternate one, beside a place a hundred times bigger that is
    spelt the same."""
    floor = _OVERSHADOW_RATIO * max(town.population, 1_000)
    return any(c.population > floor and c.spelling == surface for c in candidates)


def _dwarfed(town: Candidate, candidates: Sequence[Candidate]) -> bool:
    """A far bigger town of the same country whose full name begins with this one's: "Newcastle" in Britain
    is Newcastle upon Tyne, not the small town whose whole name it is (as "Frankfurt" is Frankfurt am Main)."""
    short = plain(town.name)
    return any(
        c.feature_class == "P"
        and c.country == town.country
        and c.population > _DWARF_RATIO * town.population  # before the name: most candidates fail here
        and plain(c.name).startswith(short + " ")
        for c in candidates
    )


def _prior(m: Mention, cand: Candidate, surface: str) -> float:
    score = math.log10(cand.population + 1) * 0.6 + _FEATURE_BONUS.get(cand.feature_code, 0.0)
    if (
        cand.feature_code == "ADM1"
        and m.wanted_precision != "admin1"
        and any(_is_namesake_city(c, cand) for c in m.candidates)
    ):
        score -= _NAMESAKE_ADMIN1_PENALTY  # "Aleppo" alone is the city; "Aleppo province" the governorate
    if cand.feature_code == "ADM2" and m.wanted_precision != "admin2" and any(is_seat(c, cand) for c in m.candidates):
        score -= _NAMESAKE_ADMIN1_PENALTY  # "Tal Abyad" alone is the town, "Tal Abyad district" the district
    if cand.spelling == surface:
        score += _EXACT_BONUS
    elif cand.feature_code == "PCLI" and any(c.spelling == surface for c in m.candidates):
        # Country names are spelt one way: "Columbia" (Kentucky, exact) is not Colombia (folded), and the
        # country's prominence must not outweigh the exact town.
        score -= _FEATURE_BONUS["PCLI"]
    if cand.source == "aliases.tsv":
        score += 1.0
    if cand.feature_class == "P" and plain(cand.name) != surface and _overshadowed(cand, m.candidates, surface):
        score -= _ALTERNATE_NAME_PENALTY  # "New York", an old name of Clinton, Ohio, is the city
    if cand.feature_class == "P" and plain(cand.name) == surface and not _dwarfed(cand, m.candidates):
        # A town's own name, not an alternate one: "Kharkiv" is the city, not the district (Vovchanskyi) that
        # the extract also lists under its seat's name. Units are left to the namesake rule above.
        score += _OWN_NAME_BONUS
    return score


def _context_countries(mentions: Sequence[Mention]) -> Counter[str]:
    """Countries the article itself points at: country names, demonyms, unambiguous places."""
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.demonym_of:
            counts[m.demonym_of] += 1
            continue
        surface = plain(m.text)
        exact = [c for c in m.candidates if c.spelling == surface]
        if any(c.feature_code == "PCLI" for c in exact):
            counts[next(c.country for c in exact if c.feature_code == "PCLI")] += 2
            continue
        countries = {c.country for c in m.candidates}
        if len(countries) == 1:
            counts[countries.pop()] += 1
    counts.update(_paired_countries(mentions))
    return counts


def _next_door(m: Mention, countries: Counter[str], gaz: Gazetteer) -> Counter[str]:
    """The country votes that score ``m``: when no country the article points at has a place of that name,
    the countries next to them count too, at three quarters of their neighbour's votes: "Gaza" beside "Israel"
    is the Palestinian city, not Mozambique's province of that name, while "Kurdistan" beside "Iraq" stays
    Iraqi (Iran's Kordestan is next door, but Iraq has a Kurdistan)."""
    if not countries or any(countries[c.country] for c in m.candidates):
        return countries
    share, whole = _NEIGHBOUR_SHARE
    near: Counter[str] = Counter()
    for country, votes in countries.items():
        for other in gaz.neighbours(country):
            if other not in countries:
                near[other] = max(near[other], share * votes)
    # Votes stay whole numbers: every named country's are scaled up by the same factor, so the shares hold.
    return Counter({c: whole * v for c, v in countries.items()}) + near if near else countries


def _paired_countries(mentions: Sequence[Mention]) -> Counter[str]:
    """Countries where two ambiguous names of the article have namesakes next to each other: "Edmonton" and
    "Enfield" are both towns in Canada, Australia and Britain, but only in Britain (north London) are they
    neighbours, which says where the story is. Towns only, big enough that two such namesakes side by side
    are not chance ("California" and "Redding" are also villages near Falkirk). One vote per name pair."""
    towns: dict[str, list[Candidate]] = {}
    for m in mentions:
        if not m.demonym_of and len({c.country for c in m.candidates}) > 1:
            big = [c for c in m.candidates if c.feature_class == "P" and c.population >= _PAIR_POPULATION]
            if big:
                towns.setdefault(plain(m.text), big)
    votes: Counter[str] = Counter()
    for first, second in itertools.combinations(towns.values(), 2):
        votes.update(
            {
                a.country
                for a in first
                for b in second
                if a.id != b.id and a.country == b.country and haversine_km(a.lat, a.lon, b.lat, b.lon) < _PAIR_KM
            }
        )
    return votes


def _score(
    m: Mention,
    cand: Candidate,
    prior: float,
    countries: Counter[str],
    admin1s: Counter[str],
    anchors: Sequence[Candidate],
) -> float:
    """``prior``: ``_prior`` of the candidate, which no context changes (computed once per mention)."""
    score = prior
    if countries:
        share = countries[cand.country] / max(countries.values())
        score += _COUNTRY_BONUS * share
    key = cand.admin1_key
    if key and admin1s[key] > 0:
        score += _ADMIN1_BONUS
    elif any(a.id != cand.id and haversine_km(a.lat, a.lon, cand.lat, cand.lon) < _NEAR_KM for a in anchors):
        score += _ADMIN1_BONUS * 0.6
    if m.wanted_precision and cand.precision == m.wanted_precision:
        score += _PRECISION_BONUS
    return score


def _best(
    m: Mention,
    priors: Sequence[float],
    countries: Counter[str],
    admin1s: Counter[str],
    anchors: Sequence[Candidate],
) -> Candidate:
    # Ties (namesake counties share every cue but their state) go to the admin1 the article names most, then to
    # the bigger place; never to whichever candidate the gazetteer happened to list last.
    scored = [
        (
            _score(m, c, priors[i], countries, admin1s, anchors),
            admin1s[c.admin1_key] if c.admin1_key else 0,
            c.population,
            -i,
        )
        for i, c in enumerate(m.candidates)
    ]
    return m.candidates[-max(scored)[3]]


def _qualified_by(mentions: Sequence[Mention], text: str | None) -> dict[int, int]:
    """Mention index -> the index of the name that says where it lies, written right after it with a comma:
    "PARIS, Mo.", "Hinton, Iowa", "Sarmada, Syria". A country or state name itself is left alone: "Iraq, Syria"
    is a list."""
    if text is None:
        return {}
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    out = {}
    for i, j in itertools.pairwise(order):
        m, n = mentions[i], mentions[j]
        if text[m.end : n.start].strip() != "," or not n.candidates:
            continue
        surface = plain(m.text)
        if any(c.feature_code in _UNITS and c.spelling == surface for c in m.candidates):
            continue
        out[i] = j
    return out


_LIST_GLUE = frozenset({",", "and", "or", ", and", ", or"})


def _states_in_a_list(mentions: Sequence[Mention], text: str | None) -> None:
    """A name listed between first-level units is one too: "Nebraska, New Jersey, New York, North Carolina"
    names the state of New York, not the city. Both listed neighbours must be resolved to admin1 units."""
    if text is None:
        return
    order = sorted((m for m in mentions if m.candidates), key=lambda m: m.start)

    def listed_unit(a: Mention, b: Mention) -> bool:
        neighbour = a if b is m else b
        glue = text[a.end : b.start].strip().lower()
        return glue in _LIST_GLUE and neighbour.chosen is not None and neighbour.chosen.feature_code == "ADM1"

    for k in range(1, len(order) - 1):
        m = order[k]
        if m.chosen is None or m.chosen.feature_code == "ADM1":
            continue
        units = [c for c in m.candidates if c.feature_code == "ADM1" and c.spelling == plain(m.text)]
        if units and listed_unit(order[k - 1], m) and listed_unit(m, order[k + 1]):
            m.chosen = units[0]


def _unit_pairs(
    mentions: Sequence[Mention],
    priors: Sequence[Sequence[float]],
    qualified: dict[int, int],
    countries: Counter[str],
) -> dict[tuple[int, int], tuple[Candidate, Candidate]]:
    """For each "place, unit" pair of mentions ("PARIS, Mo.", "Bronx, New York"), the best pair of a place and
    a state or country that contains it, scored without the other names' context (so computed once)."""
    empty: Counter[str] = Counter()
    out = {}
    for i, j in qualified.items():
        pairs = [
            (
                _score(mentions[i], a, pa, countries, empty, ()) + _score(mentions[j], b, pb, countries, empty, ()),
                a,
                b,
            )
            for b, pb in zip(mentions[j].candidates, priors[j], strict=True)
            if b.feature_code in _UNITS
            for a, pa in zip(mentions[i].candidates, priors[i], strict=True)
            if _qualifier_match(a, b)
        ]
        if pairs:
            _, place, unit = max(pairs, key=lambda p: p[0])
            out[(i, j)] = (place, unit)
    return out


def _qualifier_match(cand: Candidate, unit: Candidate) -> bool:
    """Whether ``cand`` lies in ``unit`` (a state or a country)."""
    if unit.feature_code == "ADM1":
        return cand.admin1_key == unit.admin1_key and cand.id != unit.id
    return unit.feature_code == "PCLI" and cand.country == unit.country and cand.id != unit.id


def resolve_mentions(mentions: Sequence[Mention], gaz: Gazetteer, text: str | None = None) -> None:
    """Set ``chosen`` on every mention that has a candidate (in place). Two passes: a context-free pick
    seeds the admin1 and nearby-place context, then each mention is re-scored against the others. ``text``
    (the article) lets "PARIS, Mo." say which Paris."""
    countries = _context_countries(mentions)
    for m in mentions:
        if m.demonym_of and not m.candidates:
            m.chosen = gaz.country(m.demonym_of)
    empty: Counter[str] = Counter()
    priors = [[_prior(m, c, plain(m.text)) for c in m.candidates] for m in mentions]
    for m, prior in zip(mentions, priors, strict=True):
        if m.candidates:
            m.chosen = _best(m, prior, _next_door(m, countries, gaz), empty, ())
    # Admin1 context per name: mentions that share a candidate may name one place ("Plymouth County" ×4 and
    # "PLYMOUTH CO."), and must not vote for their own admin1 (Massachusetts would outvote "Hinton, Iowa", and
    # two spellings of one name would each confirm the other's pick). Admin1 units themselves anchor their
    # members ("Aleppo" governorate → places in SY.09).
    ids = [frozenset(c.id for c in m.candidates) for m in mentions]
    unit_pairs = _unit_pairs(mentions, priors, _qualified_by(mentions, text), countries)
    for _ in range(2):
        picked = [(i, m.chosen) for i, m in enumerate(mentions) if m.chosen is not None]
        for i, m in enumerate(mentions):
            if len(m.candidates) > 1:
                other_picks = [(plain(mentions[j].text), c) for j, c in picked if ids[j].isdisjoint(ids[i])]
                others = [c for _, c in other_picks]
                # Other names vote once each for the country of their pick, and the name's own picks not at all:
                # "Paris" twice in a Texas story would otherwise outvote "Dallas" and "Texas" for France, and a
                # surname read three times as a town abroad would outvote "Canada" for "Toronto".
                name_countries = {name: c.country for name, c in other_picks}
                resolved_countries = _next_door(m, countries + Counter(name_countries.values()), gaz)
                admin1s = Counter(c.admin1_key for c in others for _ in range(2 if c.feature_code == "ADM1" else 1))
                anchors = [c for c in others if c.feature_code not in {"PCLI", "ADM1"}]
                m.chosen = _best(m, priors[i], resolved_countries, admin1s, anchors)
        for (i, j), (place, unit) in unit_pairs.items():
            mentions[i].chosen, mentions[j].chosen = place, unit
    _states_in_a_list(mentions, text)
    _place_at_story_town(mentions, ids)


def _place_at_story_town(mentions: Sequence[Mention], ids: Sequence[frozenset[int]]) -> None:
    """A named facility without candidates, or a small namesake town in a country nothing else in the article
    points at, takes the town named last before it, else the article's most named town (approximate):
    "taken to St. Michael's Hospital" in a Toronto story is in Toronto, and "Heathrow" in a story about fog at
    London's airports is not the hamlet of that name in Florida."""
    towns = [m for m in mentions if m.chosen is not None and m.chosen.feature_class == "P" and not m.is_facility]
    if not towns:
        return
    counts = Counter(m.chosen.id for m in towns if m.chosen is not None)
    most = max(towns, key=lambda m: counts[m.chosen.id] if m.chosen is not None else 0).chosen
    # Distinct names per country: "Heathrow" four times is one name.
    # Spelling variants are one name too ("Abbassiya", "Abbasiya"): they share their candidates (``ids``).
    named: set[tuple[str | None, object]] = {
        (m.chosen.country, ids[i] or plain(m.text)) for i, m in enumerate(mentions) if m.chosen is not None
    }
    named |= {(m.demonym_of, plain(m.text)) for m in mentions if m.demonym_of}
    support = Counter(country for country, _ in named)
    home, votes = support.most_common(1)[0]
    for m in mentions:
        c = m.chosen
        stray = (
            c is not None
            and m.evidence == "strong"  # a weak match abroad is dropped instead (places._drop_unsupported)
            and (c.feature_class == "P" or c.feature_code in _MINOR_UNITS)
            and c.population < _STRAY_POPULATION
            and not any(d.feature_code == "ADM2" and is_seat(c, d) for d in m.candidates)  # a district's seat
            and c.country != home
            and support[c.country] == 1
            and votes >= _HOME_VOTES
        )
        m.is_stray = stray
        if (m.is_facility and not m.candidates) or stray:
            before = [t for t in towns if t.end <= m.start and t.chosen is not None and t.chosen.country == home]
            m.chosen = max(before, key=lambda t: t.start).chosen if before else most
            m.is_approximate = True
