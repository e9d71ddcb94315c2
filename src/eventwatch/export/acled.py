"""ACLED-style CSV (ACLED's 31 columns in ACLED's order) and its companion claims CSV (eventwatch's own fields).

One ACLED row per fused event. Columns eventwatch cannot fill (``assoc_actor_*``, ``inter*``, ``interaction``,
``iso``, ``region``, ``admin3``, ``source_scale``, ``tags``) are empty; ``docs/exports.md`` documents each.
Who claims, confirms or denies each event is in the claims CSV, one row per claim, joined on ``event_id``.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterable, Iterator
from typing import Any

from eventwatch.export._tables import acled_columns, acled_disorder_types, country_names
from eventwatch.export.events import distinct_sources, unix_time
from eventwatch.records import Precision
from eventwatch.store import ClaimRow, EventDetail

# ACLED geo_precision: 1 the exact town, 2 near a town / part of a region, 3 only a larger area is known.
_GEO_PRECISION = {
    Precision.POINT: 1,
    Precision.DISTRICT: 1,
    Precision.CITY: 1,
    Precision.ADMIN2: 2,
    Precision.ADMIN1: 3,
    Precision.COUNTRY: 3,
    Precision.REGION: 3,
}


def _time_precision(date: str | None) -> int | None:
    """ACLED time_precision: 1 the day is known, 3 only the month (or year)."""
    if not date:
        return None
    return 1 if len(date) >= 10 else 3


def acled_row(detail: EventDetail) -> dict[str, Any]:
    """The ACLED columns of one fused event."""
    e = detail.event
    typed = [m for m in detail.mentions if m.acled == e.acled and e.acled]
    sub = next((m.acled_sub for m in typed if m.acled_sub), None)
    types = acled_disorder_types()
    disorder = (types.get((e.acled, sub)) or types.get((e.acled, None))) if e.acled else None
    actors = next((m for m in detail.mentions if m.actor1 or m.actor2), None)
    fatalities = [m.fatalities for m in detail.mentions if m.fatalities is not None]
    places = [p for m in detail.mentions for p in m.places]
    admin2 = next((p.admin2 for p in places if p.admin2 and p.resolved_name == e.place_name), None)
    return {
        "event_id_cnty": e.id,
        "event_date": e.date,
        "year": e.date[:4] if e.date else None,
        "time_precision": _time_precision(e.date),
        "disorder_type": disorder,
        "event_type": e.acled,
        "sub_event_type": sub,
        "actor1": actors.actor1 if actors else None,
        "actor2": actors.actor2 if actors else None,
        "country": country_names().get(e.country, e.country) if e.country else None,
        "admin1": e.admin1,
        "admin2": admin2,
        "location": e.place_name,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "geo_precision": _GEO_PRECISION.get(e.precision) if e.precision else None,
        "source": "; ".join(distinct_sources(detail)) or None,
        "notes": e.summary,
        # ACLED's fatalities are the conservative estimate, 0 when none is reported: the fused low bound, else
        # the lowest figure any mention gives.
        "fatalities": e.fatalities_low if e.fatalities_low is not None else min(fatalities, default=0),
        "timestamp": unix_time(e.first_seen),
    }


def _csv_line(values: Iterable[Any]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(["" if v is None else v for v in values])
    return out.getvalue()


def iter_acled_csv(details: Iterable[EventDetail]) -> Iterator[str]:
    """The ACLED CSV, header first, one line per event."""
    columns = acled_columns()
    yield _csv_line(columns)
    for detail in details:
        row = acled_row(detail)
        yield _csv_line(row.get(c) for c in columns)


CLAIM_EVENT_COLUMNS = ("event_id", "event_status", "event_confidence", "event_plover", "article_id", "article_url")


def claim_columns() -> tuple[str, ...]:
    """The claims CSV header: the event's columns, then every :class:`ClaimRow` field."""
    return CLAIM_EVENT_COLUMNS + tuple(f.name for f in dataclasses.fields(ClaimRow))


def iter_claims_csv(details: Iterable[EventDetail]) -> Iterator[str]:
    """The companion claims CSV: one line per claim, ``via`` joined with ``; ``."""
    columns = claim_columns()
    yield _csv_line(columns)
    for detail in details:
        e = detail.event
        mentions = {m.id: m for m in detail.mentions}
        for claim in detail.claims:
            m = mentions.get(claim.event_mention_id)
            values: dict[str, Any] = {
                "event_id": e.id,
                "event_status": e.status,
                "event_confidence": e.confidence,
                "event_plover": e.plover,
                "article_id": m.article_id if m else None,
                "article_url": m.article_url if m else None,
            }
            for name, value in ((f.name, getattr(claim, f.name)) for f in dataclasses.fields(ClaimRow)):
                values[name] = "; ".join(value) if isinstance(value, tuple) else value
            yield _csv_line(values.get(c) for c in columns)


def to_acled_csv(details: Iterable[EventDetail]) -> str:
    return "".join(iter_acled_csv(details))


def to_claims_csv(details: Iterable[EventDetail]) -> str:
    return "".join(iter_claims_csv(details))
