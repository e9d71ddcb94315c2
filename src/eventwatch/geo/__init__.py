"""geo stage: recognise toponyms, resolve them against the gazetteer, and place each event mention.

``run`` fills ``Analysis.places`` (every toponym of the article) and each ``EventMention.locations``
(see :mod:`eventwatch.geo.assign` for the rules); unnamed civilians, police, medics, judges and teachers of
a mention take the country its own words place it in, and so do the things, sites and places an attack or a
seizure hit there (``_home_actors``). The gazetteer index is built at set-up by
``python -m eventwatch.geo.build`` from data shipped in the package; nothing is read from outside it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace

from eventwatch.config import Config
from eventwatch.errors import InputError
from eventwatch.geo.assign import is_prepositional_object, locate
from eventwatch.geo.gazetteer import Candidate, Gazetteer
from eventwatch.geo.places import find_places
from eventwatch.records import Actor, Analysis, EventMention, Place, Plover, Precision, Span

__all__ = ["Candidate", "Gazetteer", "demonym_country", "find_places", "locate", "run"]

log = logging.getLogger(__name__)

_OPEN: dict[str, Gazetteer] = {}


def _gazetteer(cfg: Config) -> Gazetteer:
    path = cfg.gazetteer_file()
    key = str(path)
    if key not in _OPEN:
        _OPEN[key] = Gazetteer.open(path)
    return _OPEN[key]


def demonym_country(word: str, cfg: Config | None = None) -> str | None:
    """ISO alpha-3 of the country a demonym names ("Syrian", "Syrians" → "SYR"); None otherwise."""
    return _gazetteer(cfg or Config()).demonym_country(word)


def run(analyses: Iterable[Analysis], cfg: Config) -> Iterator[Analysis]:
    """Fill ``places`` and every event mention's ``locations``; an article that fails is logged and passed
    on unchanged (the batch goes on)."""
    gaz = _gazetteer(cfg)
    done = failed = 0
    for analysis in analyses:
        try:
            places, in_sources = _split_sources(find_places(analysis.parsed, gaz), analysis)
            placed: list[EventMention] = []
            named_countries = {p.country for p in places if p.precision is Precision.COUNTRY and p.country}
            for em in analysis.event_mentions:  # in text order: a later event may name an earlier one again
                located = locate(em, analysis.parsed, places, placed, in_sources)
                placed.append(_home_actors(replace(em, locations=located), gaz, named_countries))
            mentions = tuple(placed)
        except (ValueError, IndexError) as exc:
            failed += 1
            log.warning("%s", InputError(analysis.article.origin or analysis.article.id, f"geo failed: {exc}"))
            yield analysis
            continue
        done += 1
        yield replace(analysis, places=places, event_mentions=mentions)
    log.info("geo: %d articles placed, %d failed", done, failed)


# Sectors whose members belong to the country where they are (civilians, police, medics, courts). The extract
# stage gives people of these sectors whom the text gives no country the article's own country (the first one
# its lead names); where the event's own words place it in another country, they are that country's ("a
# hospital in Idlib" in a story that opens on Russia). Not journalists or refugees, never a named person
# ("Khashoggi was murdered in Istanbul") and never people whose words name their country ("Russian civilians").
_LOCAL_SECTORS = frozenset({"CVL", "COP", "MED", "JUD", "EDU"})
_PLACING_RULES = frozenset({"clause", "sentence"})


def _home_actors(em: EventMention, gaz: Gazetteer, named_countries: set[str]) -> EventMention:
    """``em`` with its unnamed local actors in the country where the event's own words place it. A country
    the extract stage gave them is replaced only by one the article names itself: a place resolved to a
    country nobody mentions may be the resolver's mistake."""
    countries = {p.country for p in em.locations if p.rule in _PLACING_RULES}
    if len(countries) != 1 or None in countries:
        return em
    (country,) = countries
    changes = {}
    for field_name in ("actor1", "actor2"):
        actor = getattr(em, field_name)
        if actor is None or actor.country == country:
            continue
        local = _local_and_unnamed(actor, gaz) and (actor.country is None or country in named_countries)
        if local or (field_name == "actor2" and em.plover in _HIT_HERE and _struck_here(actor, em, gaz)):
            changes[field_name] = replace(actor, country=country)
    return replace(em, **changes) if changes else em


# Acts whose recipient is what was hit, seized or held where the act took place.
_HIT_HERE = frozenset({Plover.ASSAULT, Plover.COERCE})
# Nouns that make a name a site there ("Camp Hurriya", "Tiyas Military Airfield").
_SITE_WORDS = frozenset(
    {"camp", "base", "airfield", "airport", "hospital", "school", "mosque", "church", "cathedral", "market"}
    | {"university", "prison", "port", "station", "military", "air"}
)
_PRONOUNS = frozenset(
    {"it", "they", "them", "he", "him", "she", "her", "we", "us", "i", "me", "you", "itself", "themselves"}
)


def _struck_here(actor: Actor, em: EventMention, gaz: Gazetteer) -> bool:
    """A recipient of no sector and no country that is a thing, a site or a place of the event's own place
    ("oil facilities" hit in Abqaiq, "attacks on Aleppo and Daraya", "Camp Hurriya"): it is that country's.
    Not a named person or body, a pronoun, or people whose words name their country."""
    if actor.country is not None or actor.sector is not None:
        return False
    words = [w.strip(",.;:()\"'") for w in actor.text.split()]
    if not words or words[0].lower() in _PRONOUNS or any(gaz.demonym_country(w) for w in words):
        return False
    placed = {w.lower() for p in em.locations for w in p.name.split()}
    names = [w for w in words[1:] if w[:1].isupper()] + ([words[0]] if words[0].lower() not in _PLAIN_OPENERS else [])
    return all(w.lower() in placed or w.lower() in _SITE_WORDS for w in names if w[:1].isupper())


# Capitalised first words that name no one: articles, counts and the local people themselves.
_PLAIN_OPENERS = frozenset(
    {"a", "an", "the", "some", "several", "many", "most", "all", "other", "two", "three", "four", "five", "dozens"}
    | {"hundreds", "police", "officers", "protesters", "demonstrators", "civilians", "residents", "people"}
)


def _local_and_unnamed(actor: Actor, gaz: Gazetteer) -> bool:
    """ "the girl", "officers", "dozens of civilians": local sectors only, no name ("U.S. citizens", "Khashoggi")
    and no demonym ("Russian civilians")."""
    sectors = set((actor.sector or "").split("/"))
    words = [w.strip(",.;:") for w in actor.text.split()]
    if not actor.sector or not sectors <= _LOCAL_SECTORS or not words:
        return False
    if words[0][:1].isupper() and words[0].lower() not in _PLAIN_OPENERS:
        return False
    if any(w[:1].isupper() for w in words[1:]):
        return False
    return not any(gaz.demonym_country(w) for w in words)


def _split_sources(places: tuple[Place, ...], analysis: Analysis) -> tuple[tuple[Place, ...], frozenset[Span]]:
    """Drop toponyms inside the name of a source ("Fars", "told the BBC"): an outlet named after a province or
    a word the gazetteer knows is who says so, not where (the attribute stage runs first and found them). A
    place the source phrase governs by a preposition ("the prosecutor general of Tehran", "officials in
    Kyiv") stays an article place, but its span is returned as one that never places an event itself."""
    spans = [
        src.span
        for mention in analysis.event_mentions
        for claim in mention.claims
        for src in (claim.source, *claim.source.via)
        if src.span is not None
    ]
    kept: list[Place] = []
    in_sources: set[Span] = set()
    for p in places:
        inside = p.span is not None and any(s.contains(p.span) for s in spans)
        if inside and p.span is not None:
            if not is_prepositional_object(p, analysis.parsed):
                continue
            in_sources.add(p.span)
        kept.append(p)
    return tuple(kept), frozenset(in_sources)
