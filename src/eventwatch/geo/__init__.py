"""geo stage: recognise toponyms, resolve them against the gazetteer, and place each event mention.

``run`` fills ``Analysis.places`` (every toponym of the article) and each ``EventMention.locations``
(see :mod:`eventwatch.geo.assign` for the rules). The gazetteer index is built at set-up by
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
from eventwatch.records import Analysis, EventMention, Place, Span

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
            for em in analysis.event_mentions:  # in text order: a later event may name an earlier one again
                placed.append(replace(em, locations=locate(em, analysis.parsed, places, placed, in_sources)))
            mentions = tuple(placed)
        except (ValueError, IndexError) as exc:
            failed += 1
            log.warning("%s", InputError(analysis.article.origin or analysis.article.id, f"geo failed: {exc}"))
            yield analysis
            continue
        done += 1
        yield replace(analysis, places=places, event_mentions=mentions)
    log.info("geo: %d articles placed, %d failed", done, failed)


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
