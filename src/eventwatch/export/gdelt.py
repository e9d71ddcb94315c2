"""A GDELT 2.0-style Events table: tab-separated, no header, the 61 columns in GDELT's order.

One row per fused event. GDELT identifies events by integer: ``GLOBALEVENTID`` is derived from the event id
(the first 52 bits of its SHA-1, so it is stable and fits a double). Geography codes that GDELT gives in
FIPS 10-4 are left empty (eventwatch stores ISO 3166 codes; no FIPS table is shipped); ``AvgTone`` and the
ethnic/religion codes are empty too. ``docs/exports.md`` documents each column.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from eventwatch.export._tables import cameo_codes, gdelt_event_columns
from eventwatch.export.events import distinct_sources
from eventwatch.records import Precision
from eventwatch.store import EventDetail

# GDELT ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
_GEO_TYPE = {Precision.COUNTRY: 1, Precision.REGION: 1, Precision.ADMIN1: 5}
_WORLD_CITY = 4


def global_event_id(event_id: str) -> int:
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:13], 16)


def _date_parts(date: str | None) -> dict[str, Any]:
    if not date or len(date) < 7:
        return {}
    year, month = int(date[:4]), int(date[5:7])
    day = int(date[8:10]) if len(date) >= 10 else 1  # GDELT always has a day: a month-only date gets the 1st
    return {
        "SQLDATE": f"{year:04d}{month:02d}{day:02d}",
        "MonthYear": f"{year:04d}{month:02d}",
        "Year": year,
        # GDELT's approximation, (month * 30 + day) / 365, kept for compatibility.
        "FractionDate": f"{year + (month * 30 + day) / 365:.4f}",
    }


def _date_added(first_seen: str) -> str | None:
    try:
        return datetime.fromisoformat(first_seen).strftime("%Y%m%d%H%M%S")
    except ValueError:
        return None


def gdelt_row(detail: EventDetail) -> dict[str, Any]:
    """The GDELT Events columns of one fused event (missing ones are absent)."""
    e = detail.event
    actors = next((m for m in detail.mentions if m.actor1 or m.actor2), None)
    cameo = next((m.cameo for m in detail.mentions if m.cameo), None)
    code = cameo_codes().get(cameo) if cameo else None
    first = detail.mentions[0] if detail.mentions else None
    row: dict[str, Any] = {
        "GLOBALEVENTID": global_event_id(e.id),
        **_date_parts(e.date),
        "Actor1Name": actors.actor1.upper() if actors and actors.actor1 else None,
        "Actor2Name": actors.actor2.upper() if actors and actors.actor2 else None,
        "IsRootEvent": 1 if first is not None and first.sentence_index == 0 else 0,
        "EventCode": cameo,
        "EventBaseCode": code["base_code"] if code else None,
        "EventRootCode": code["root_code"] if code else None,
        "QuadClass": code["quad_class"] if code else None,
        "GoldsteinScale": code["goldstein"] if code else None,
        "NumMentions": e.n_mentions,
        "NumSources": len(distinct_sources(detail)),
        "NumArticles": e.n_articles,
        "DATEADDED": _date_added(e.first_seen),
        "SOURCEURL": first.article_url if first else None,
    }
    if e.latitude is not None and e.longitude is not None:
        row |= {
            "ActionGeo_Type": _GEO_TYPE.get(e.precision, _WORLD_CITY) if e.precision else _WORLD_CITY,
            "ActionGeo_FullName": ", ".join(p for p in (e.place_name, e.admin1) if p) or None,
            "ActionGeo_Lat": e.latitude,
            "ActionGeo_Long": e.longitude,
            "ActionGeo_FeatureID": e.geonameid,
        }
    return row


def _clean(value: Any) -> str:
    # Tabs and newlines would break GDELT's one-record-per-line, tab-separated layout.
    return "" if value is None else " ".join(str(value).split())


def iter_gdelt_tsv(details: Iterable[EventDetail]) -> Iterator[str]:
    """GDELT Events lines (no header row, as in GDELT's files)."""
    columns = gdelt_event_columns()
    for detail in details:
        row = gdelt_row(detail)
        yield "\t".join(_clean(row.get(c)) for c in columns) + "\n"


def to_gdelt_tsv(details: Iterable[EventDetail]) -> str:
    return "".join(iter_gdelt_tsv(details))
