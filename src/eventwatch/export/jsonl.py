"""JSON Lines of fused events with their details: one JSON object per line, one line per event.

Each line holds every :class:`~eventwatch.store.EventRow` field (``id``, ``status``, ``confidence``,
``plover``, ``acled``, ``date`` ...), a ``location`` object, the distinct ``sources`` with their stances,
the ``mentions`` (each with ``article_id``, evidence offsets and ``evidence_text``) and the ``claims``.
Fields added to the store's rows appear here without a change (rows are serialized field by field).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from eventwatch.export.rows import row_dicts
from eventwatch.store import EventDetail


def event_record(detail: EventDetail) -> dict[str, Any]:
    """One fused event as a JSON-ready dict."""
    event = row_dicts([detail.event])[0]
    mentions, claims = row_dicts(detail.mentions), row_dicts(detail.claims)
    sources: dict[str, dict[str, Any]] = {}
    for c in claims:
        src = sources.setdefault(
            c["source_id"],
            {
                "id": c["source_id"],
                "name": c["source_name"],
                "kind": c["source_kind"],
                "country": c["source_country"],
                "stances": [],
            },
        )
        if c["stance"] not in src["stances"]:
            src["stances"].append(c["stance"])
    location = {
        "name": event.get("place_name"),
        "latitude": event.get("latitude"),
        "longitude": event.get("longitude"),
        "country": event.get("country"),
        "admin1": event.get("admin1"),
        "precision": event.get("precision"),
    }
    return {**event, "location": location, "sources": list(sources.values()), "mentions": mentions, "claims": claims}


def iter_events_jsonl(details: Iterable[EventDetail]) -> Iterator[str]:
    for detail in details:
        yield json.dumps(event_record(detail), ensure_ascii=False, default=str) + "\n"


def to_events_jsonl(details: Iterable[EventDetail]) -> str:
    return "".join(iter_events_jsonl(details))
