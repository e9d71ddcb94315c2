"""JSON Lines of fused events with their details: one JSON object per line, one line per event.

Each line holds every :class:`~eventwatch.store.EventRow` field (``id``, ``status``, ``confidence``,
``plover``, ``acled``, ``date`` ...), a ``location`` object, the distinct ``sources`` with their stances,
the ``mentions`` (each with ``article_id``, evidence offsets and ``evidence_text``) and the ``claims``.
Fields added to the store's rows appear here without a change (rows are serialized field by field).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from typing import Any

from eventwatch.export.rows import row_dicts
from eventwatch.store import EventDetail


def _sources_from_claims(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Distinct claimants with their stances, for events whose detail carries no ``sources``."""
    sources: dict[str, dict[str, Any]] = {}
    for c in claims:
        src = sources.setdefault(
            c["source_id"],
            {
                "source_id": c["source_id"],
                "name": c["source_name"],
                "kind": c["source_kind"],
                "country": c["source_country"],
                "stances": [],
            },
        )
        if c["stance"] not in src["stances"]:
            src["stances"].append(c["stance"])
    return list(sources.values())


def event_record(detail: EventDetail) -> dict[str, Any]:
    """One fused event as a JSON-ready dict: the event's fields, ``location``, then every other field of the
    detail (``mentions``, ``claims``, ``sources`` ...) serialized field by field."""
    event = row_dicts([detail.event])[0]
    location = {
        "name": event.get("place_name"),
        "latitude": event.get("latitude"),
        "longitude": event.get("longitude"),
        "country": event.get("country"),
        "admin1": event.get("admin1"),
        "precision": event.get("precision"),
    }
    rest = {f.name: row_dicts(getattr(detail, f.name)) for f in dataclasses.fields(detail) if f.name != "event"}
    if not rest.get("sources"):
        rest["sources"] = _sources_from_claims(rest["claims"])
    return {**event, "location": location, **rest}


def iter_events_jsonl(details: Iterable[EventDetail]) -> Iterator[str]:
    for detail in details:
        yield json.dumps(event_record(detail), ensure_ascii=False, default=str) + "\n"


def to_events_jsonl(details: Iterable[EventDetail]) -> str:
    return "".join(iter_events_jsonl(details))
