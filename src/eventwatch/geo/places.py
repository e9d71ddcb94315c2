"""Every toponym of an article, recognised, resolved and turned into :class:`~eventwatch.records.Place`."""

from __future__ import annotations

import logging
import math
from dataclasses import replace

from eventwatch.geo.gazetteer import Candidate, Gazetteer
from eventwatch.geo.recognize import find_mentions, person_name_words
from eventwatch.geo.resolve import Mention, is_seat, resolve_mentions
from eventwatch.records import ParsedArticle, Place, Precision, Span

log = logging.getLogger(__name__)


def to_place(m: Mention, rule: str | None = None) -> Place | None:
    """The :class:`Place` of a resolved mention; None when nothing was chosen (unknown name)."""
    cand: Candidate | None = m.chosen
    if cand is None:
        return None
    return Place(
        name=m.text,
        span=Span(m.start, m.end),
        lat=cand.lat,
        lon=cand.lon,
        precision=Precision(cand.precision),
        geonameid=cand.geonameid,
        resolved_name=cand.name,
        country=cand.country or None,
        admin1=cand.admin1 or None,
        admin2=cand.admin2 or None,
        feature_code=cand.feature_code or None,
        qualifier=m.qualifier,
        rule=rule,
        is_approximate=cand.is_approximate or m.demonym_of is not None or m.is_approximate,
    )


def find_mentions_in_article(parsed: ParsedArticle, gaz: Gazetteer, include_demonyms: bool = False) -> list[Mention]:
    """Resolved toponym mentions of the article, in text order."""
    mentions: list[Mention] = []
    person_words = person_name_words(pdoc.doc for pdoc in parsed.docs)
    for pdoc in parsed.docs:
        mentions.extend(find_mentions(pdoc.doc, pdoc.offset, gaz, include_demonyms, person_words))
    # Demonyms always inform the country context, even when not returned as places.
    context = [] if include_demonyms else _demonym_mentions(parsed, gaz)
    resolve_mentions([*mentions, *context], gaz, parsed.article.text)
    return _drop_unsupported(mentions, context)


def _drop_unsupported(mentions: list[Mention], context: list[Mention]) -> list[Mention]:
    """Weak mentions (a PERSON-tagged or NER-only match) stay only when the place is prominent or lies in a
    country the article's strong mentions and demonyms point at: "Nuland" in a Syria article is a person.
    A site's name ("the Al Salem hospital") stays only in such a country, however prominent the namesake.
    A stray (a small namesake abroad that nothing else points at, see ``resolve``) is no place either: "Islam",
    "Siri" and "Diwali" are villages somewhere, not what the text names."""
    countries = {m.chosen.country for m in mentions if m.evidence == "strong" and m.chosen is not None}
    countries |= {m.demonym_of for m in [*mentions, *context] if m.demonym_of}
    kept = []
    for m in mentions:
        c = m.chosen
        if m.is_stray:
            log.debug("geo: %r at %d dropped: a small namesake abroad", m.text, m.start)
            continue
        if m.evidence == "weak" and c is not None and c.country not in countries and _prominence(m) < 100_000:
            log.debug("geo: %r at %d dropped: weak evidence, country %s not in context", m.text, m.start, c.country)
            continue
        if m.evidence == "local" and c is not None and c.country not in countries:
            log.debug("geo: %r at %d dropped: a site's name, country %s not in context", m.text, m.start, c.country)
            continue
        kept.append(m)
    return kept


def _prominence(m: Mention) -> int:
    """The chosen place's population, or its district's when it is the district's seat ("Kobane": the town of
    ʿAyn al ʿArab, 50,000, seat of a district of 190,000)."""
    c = m.chosen
    if c is None:
        return 0
    return max([c.population, *(d.population for d in m.candidates if d.feature_code == "ADM2" and is_seat(c, d))])


def _demonym_mentions(parsed: ParsedArticle, gaz: Gazetteer) -> list[Mention]:
    out: list[Mention] = []
    for pdoc in parsed.docs:
        for tok in pdoc.doc:
            if tok.text[:1].isupper():
                country = gaz.demonym_country(tok.text)
                if country is not None:
                    start = pdoc.offset + tok.idx
                    out.append(Mention(start, start + len(tok.text), tok.text, (), demonym_of=country))
    return out


# Where a compass qualifier puts a point inside an area's extent, as (latitude, longitude) fractions: "northern
# Syria" is the middle of the northern third. Dev gold: "died in northern Syria" was at Ayn Issa, 3 km from
# that point and 162 km from the country's own.
_COMPASS = {
    "north": (5 / 6, 1 / 2),
    "south": (1 / 6, 1 / 2),
    "east": (1 / 2, 5 / 6),
    "west": (1 / 2, 1 / 6),
    "northeast": (5 / 6, 5 / 6),
    "northwest": (5 / 6, 1 / 6),
    "southeast": (1 / 6, 5 / 6),
    "southwest": (1 / 6, 1 / 6),
    "central": (1 / 2, 1 / 2),
}


def _compass_point(place: Place, m: Mention, gaz: Gazetteer) -> Place:
    """A country or admin1 place with a compass qualifier moved into that part of its extent, approximate."""
    cand = m.chosen
    if cand is None or place.qualifier is None or place.precision not in (Precision.COUNTRY, Precision.ADMIN1):
        return place
    word = place.qualifier.split()[0].removesuffix("ern")  # "northern" → "north", "southwestern" → "southwest"
    frac = _COMPASS.get(word)
    key = cand.cc if place.precision is Precision.COUNTRY else cand.admin1_key
    extent = gaz.area(key) if frac is not None and key else None
    if frac is None or extent is None:
        return place
    lat_lo, lat_hi, lon_lo, lon_hi = extent
    lat, lon = lat_lo + frac[0] * (lat_hi - lat_lo), lon_lo + frac[1] * (lon_hi - lon_lo)
    return replace(place, lat=round(lat, 5), lon=round(lon, 5), is_approximate=True)


_BEARINGS = {
    "north": 0.0,
    "northeast": 45.0,
    "east": 90.0,
    "southeast": 135.0,
    "south": 180.0,
    "southwest": 225.0,
    "west": 270.0,
    "northwest": 315.0,
}
_KM = {"km": 1.0, "mi": 1.609344}
_EARTH_RADIUS_KM = 6371.0088


def _offset_point(place: Place) -> Place:
    """A place with a distance qualifier ("20 km north") moved that far in that direction, approximate."""
    parts = (place.qualifier or "").split()
    if len(parts) != 3 or parts[1] not in _KM or parts[2] not in _BEARINGS or place.lat is None or place.lon is None:
        return place
    try:
        distance = float(parts[0]) * _KM[parts[1]]
    except ValueError:
        return place
    if not 0 < distance <= 1_000:
        return place
    bearing, angle = math.radians(_BEARINGS[parts[2]]), distance / _EARTH_RADIUS_KM
    lat1, lon1 = math.radians(place.lat), math.radians(place.lon)
    lat2 = math.asin(math.sin(lat1) * math.cos(angle) + math.cos(lat1) * math.sin(angle) * math.cos(bearing))
    lon2 = lon1 + math.atan2(
        math.sin(bearing) * math.sin(angle) * math.cos(lat1), math.cos(angle) - math.sin(lat1) * math.sin(lat2)
    )
    return replace(place, lat=round(math.degrees(lat2), 5), lon=round(math.degrees(lon2), 5), is_approximate=True)


def find_places(parsed: ParsedArticle, gaz: Gazetteer, include_demonyms: bool = False) -> tuple[Place, ...]:
    """Every toponym in the article with its span into ``article.text``; unknown names are left out
    without affecting the others. Demonyms ("Syrian") become country places only with
    ``include_demonyms``. A country or admin1 unit with a compass qualifier ("northern Syria") is placed in
    that part of it, and a place with a distance and bearing ("20 km north of Raqqa") that far from it
    (both approximate)."""
    places = [
        _offset_point(_compass_point(p, m, gaz))
        for m in find_mentions_in_article(parsed, gaz, include_demonyms)
        if (p := to_place(m)) is not None
    ]
    log.debug("geo: %s: %d places", parsed.article.id, len(places))
    return tuple(places)
