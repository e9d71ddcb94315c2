"""fuse stage: one ``Event`` per real event, with its corroboration status.

Per article (``run``): the extract stage already merges the mentions of one event inside an article; this
stage turns each mention into an ``Event`` record with a stable id, its status and main place.

Across articles (``fuse_store``, after each stored batch): mentions from different articles that report one
real event become one fused event (``cross.py``: blocking, similarity, incremental clustering), whose record
(status per event and claim, consensus date and place, casualty bounds, confidence) is recomputed from all
its mentions (``record.py``). docs/fusion.md describes both.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from eventwatch.config import Config
from eventwatch.fuse.cross import FusionMention, FusionParams, FusionPlan, actor_keys, candidate_windows, fuse_mentions
from eventwatch.fuse.record import summarize_event
from eventwatch.fuse.similarity import Weights
from eventwatch.fuse.status import corroboration_status, independence_key
from eventwatch.records import Analysis, Article, Event, EventMention, Factuality
from eventwatch.store import CandidateWindows, FusionAssignment, FusionMentionRow
from eventwatch.store.protocol import Store

__all__ = [
    "FusionMention",
    "FusionParams",
    "FusionPlan",
    "PacedFusion",
    "corroboration_status",
    "event_for_mention",
    "fuse_mentions",
    "fuse_store",
    "fusion_mention",
    "fusion_params",
    "independence_key",
    "run",
    "summarize_event",
]

log = logging.getLogger(__name__)


def _event_id(mention_id: str) -> str:
    return "ev-" + hashlib.sha1(f"event:{mention_id}".encode()).hexdigest()[:16]


def event_for_mention(mention: EventMention) -> Event:
    """The single-article event that one mention stands for (id derived from the mention id: stable)."""
    status = corroboration_status(mention.claims, mention.is_contested)
    return Event(
        id=_event_id(mention.id),
        mention_ids=(mention.id,),
        plover=mention.plover,
        status=status,
        date=mention.date,
        location=mention.locations[0] if mention.locations else None,
        confidence=mention.confidence,
    )


def run(analyses: Iterable[Analysis], cfg: Config) -> Iterator[Analysis]:
    """Attach one ``Event`` per event mention (whether a mention is contested is the attribute stage's call)."""
    del cfg  # no settings yet; kept for the uniform stage signature
    for analysis in analyses:
        yield replace(analysis, events=tuple(event_for_mention(m) for m in analysis.event_mentions))


def fusion_params(cfg: Config) -> FusionParams:
    return FusionParams(
        window_days=cfg.fusion_window_days,
        background_days=cfg.fusion_background_days,
        max_km=cfg.fusion_max_km,
        threshold=cfg.fusion_threshold,
        max_candidates=cfg.fusion_max_candidates,
        text_dims=cfg.fusion_text_dims,
        weights=Weights(),
    )


def fusion_mention(mention: EventMention, article: Article, event_id: str = "") -> FusionMention:
    """What fusion compares of one mention (its main evidence span, main place, actors, date or the
    article's); the same fields the store gives ``fuse_store``. ``event_id``: the event it is in, if fused."""
    place = mention.locations[0] if mention.locations else None
    actors = [a for a in (mention.actor1, mention.actor2) if a]
    return FusionMention(
        id=mention.id,
        article_id=mention.article_id,
        home_id=_event_id(mention.id),
        plover=str(mention.plover),
        text=mention.evidence[0].slice(article.text),
        event_id=event_id,
        date=mention.date or article.published,
        date_precision=str(mention.date_precision) if mention.date and mention.date_precision else None,
        latitude=place.lat if place else None,
        longitude=place.lon if place else None,
        place_precision=str(place.precision) if place else None,
        country=place.country if place else None,
        actors=actor_keys(*(a.name or a.text for a in actors), countries=[a.country for a in actors]),
        doer=(mention.actor1.name or mention.actor1.text) if mention.actor1 else None,
        target=(mention.actor2.name or mention.actor2.text) if mention.actor2 else None,
        targets_civilians=_is_civilian(mention.actor2.sector if mention.actor2 else None),
        acled=mention.acled,
        is_background=mention.is_background,
        is_planned=mention.factuality is Factuality.PLANNED,
    )


def _is_civilian(sector: str | None) -> bool:
    return "CVL" in (sector or "").split("/")


def _from_row(row: FusionMentionRow) -> FusionMention:
    return FusionMention(
        id=row.id,
        article_id=row.article_id,
        home_id=_event_id(row.id),
        plover=str(row.plover),
        text=row.evidence_text,
        event_id=row.event_id or "",
        date=row.date or row.published,
        date_precision=row.date_precision if row.date else None,
        latitude=row.latitude,
        longitude=row.longitude,
        place_precision=row.precision,
        country=row.country,
        actors=actor_keys(row.actor1, row.actor2, countries=[row.actor1_country, row.actor2_country]),
        doer=row.actor1,
        target=row.actor2,
        targets_civilians=_is_civilian(row.actor2_sector),
        acled=row.acled,
        is_background=row.is_background,
        is_planned=row.factuality is Factuality.PLANNED,
    )


def fuse_store(store: Store, cfg: Config) -> int:
    """Fuse the stored event mentions not yet fused across articles; returns how many were newly fused.

    Incremental and idempotent: safe to call after every batch and from several processes (the store runs
    the whole step in one write transaction).
    """
    params = fusion_params(cfg)

    def plan(fused: Sequence[FusionMentionRow], new: Sequence[FusionMentionRow]) -> FusionAssignment:
        decided = fuse_mentions([_from_row(r) for r in fused], [_from_row(r) for r in new], params)
        return FusionAssignment(event_of=decided.event_of, aliases=decided.aliases, scores=decided.scores)

    def windows(new: Sequence[FusionMentionRow]) -> CandidateWindows:
        return candidate_windows([_from_row(r) for r in new], params)

    n = store.fuse_events(plan, summarize_event, windows)
    log.info("fuse: %d event mentions fused across articles", n)
    return n


# Paced fusion waits at least this many times as long as the last fusion took: fusion re-reads the events
# near the new mentions, so each call costs more as the store grows, and pacing keeps it to about a tenth of
# the run process's time however large the store gets.
_FUSION_SHARE = 9.0


class PacedFusion:
    """``fuse_store`` after stored batches, paced, and once at the end.

    With Dask workers the run process stores and fuses while they parse; on a small machine it shares a core
    with them. A fusion call costs about the same whether it takes one batch or ten (it re-reads and
    re-summarises the fused events near the new mentions), so fusing after every batch made fusion most of the
    run process's work. A batch stored less than ``cfg.fusion_interval_s`` seconds, or less than nine times
    the last fusion's own duration, after the last fusion waits for the next one (an interval of 0: no pacing,
    every batch is fused). The events, their members and records end the same however batches are grouped
    (``tests/fuse``); what changes is how soon a stored mention joins its event, and which of two duplicates
    is recorded as the one that started it.
    """

    def __init__(self, store: Store, cfg: Config) -> None:
        self._store, self._cfg = store, cfg
        self._next = time.monotonic() + cfg.fusion_interval_s
        self.fused = 0

    def after_batch(self) -> None:
        if self._cfg.fusion_interval_s <= 0 or time.monotonic() >= self._next:
            self._fuse()

    def finish(self) -> None:
        """Fuse whatever is stored and not fused yet (also what an interrupted earlier run left)."""
        self._fuse()

    def _fuse(self) -> None:
        started = time.monotonic()
        self.fused += fuse_store(self._store, self._cfg)
        ended = time.monotonic()
        self._next = ended + max(self._cfg.fusion_interval_s, _FUSION_SHARE * (ended - started))
