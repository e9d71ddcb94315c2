"""The shipped layout tables of the exports (``data/export/``, see its SOURCE.md), read once."""

from __future__ import annotations

import csv
from functools import cache

from eventwatch.config import DATA_DIR

EXPORT_DATA = DATA_DIR / "export"


def _rows(name: str) -> list[dict[str, str]]:
    with (EXPORT_DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@cache
def acled_columns() -> tuple[str, ...]:
    """ACLED's export columns in file order (``event_id_cnty`` ... ``timestamp``)."""
    return tuple(r["name"] for r in _rows("acled_columns.csv"))


@cache
def acled_disorder_types() -> dict[tuple[str, str | None], str]:
    """(event type, sub-event type) and (event type, None) -> disorder type; the first listed wins for None."""
    table: dict[tuple[str, str | None], str] = {}
    for r in _rows("acled_event_types.csv"):
        table[(r["event_type"], r["sub_event_type"])] = r["disorder_type"]
        table.setdefault((r["event_type"], None), r["disorder_type"])
    return table


@cache
def gdelt_event_columns() -> tuple[str, ...]:
    """The 61 GDELT 2.0 Events columns in file order."""
    rows = sorted(_rows("gdelt_v2_events_columns.csv"), key=lambda r: int(r["index"]))
    return tuple(r["name"] for r in rows)


@cache
def cameo_codes() -> dict[str, dict[str, str]]:
    """CAMEO code -> its root code, base code, QuadClass and Goldstein score."""
    return {r["code"]: r for r in _rows("cameo_quad_goldstein.csv")}


@cache
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> English country name."""
    return {r["iso3"]: r["name"] for r in _rows("country_names.csv")}
