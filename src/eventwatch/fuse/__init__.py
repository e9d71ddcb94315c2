"""fuse stage (per article): one ``Event`` per real event, with its corroboration status.

The extract stage already merges the mentions of one event inside an article; this stage turns each mention
into an ``Event`` record with a stable id, its status and main place. Cross-article fusion (the same event in
several articles) happens when events are stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace

from eventwatch.config import Config
from eventwatch.fuse.status import corroboration_status, independence_key
from eventwatch.records import Analysis, Event, EventMention
from eventwatch.store.protocol import Store

__all__ = ["corroboration_status", "event_for_mention", "fuse_store", "independence_key", "run"]


def event_for_mention(mention: EventMention) -> Event:
    """The single-article event that one mention stands for (id derived from the mention id: stable)."""
    digest = hashlib.sha1(f"event:{mention.id}".encode()).hexdigest()[:16]
    status = corroboration_status(mention.claims, mention.is_contested)
    return Event(
        id=f"ev-{digest}",
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


def fuse_store(store: Store, cfg: Config) -> int:
    """Fuse the stored event mentions not yet fused across articles; returns how many were newly fused.

    Incremental and idempotent: safe to call after every batch and from several processes.
    """
    del store, cfg  # cross-article fusion lands with issue 6; per-article events are already stored
    return 0
