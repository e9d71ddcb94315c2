"""GDELT-style events table: tab-separated, no header, GDELT 2.0's 61 columns in order."""

from __future__ import annotations

import csv

from eventwatch import export
from eventwatch.store import EventDetail
from tests.conftest import SHARED


def _spec_columns() -> list[str]:
    with (SHARED / "specs" / "gdelt" / "gdelt_v2_events_columns.csv").open(encoding="utf-8", newline="") as f:
        return [r["name"] for r in sorted(csv.DictReader(f), key=lambda r: int(r["index"]))]


def _rows(details: list[EventDetail]) -> list[dict[str, str]]:
    columns = _spec_columns()
    return [dict(zip(columns, line.split("\t"), strict=True)) for line in export.to_gdelt_tsv(details).splitlines()]


def test_gdelt_every_line_has_the_61_columns(details: list[EventDetail]) -> None:
    lines = export.to_gdelt_tsv(details).splitlines()
    assert len(lines) == len(details)
    assert all(len(line.split("\t")) == 61 for line in lines)


def test_gdelt_values_sit_in_their_columns(details: list[EventDetail]) -> None:
    rows = _rows(details)
    battle = next(r for r in rows if r["EventCode"] == "190")
    assert battle["SQLDATE"] == "20161001" and battle["MonthYear"] == "201610" and battle["Year"] == "2016"
    assert battle["EventRootCode"] == "19" and battle["QuadClass"] == "4"
    assert float(battle["GoldsteinScale"]) < 0
    assert battle["Actor1Name"] == "SYRIAN ARMY"
    assert float(battle["ActionGeo_Lat"]) == 36.20124 and float(battle["ActionGeo_Long"]) == 37.16117
    assert battle["ActionGeo_FeatureID"] == "170063"
    assert battle["SOURCEURL"].startswith("https://theduran.com/")
    assert len(battle["DATEADDED"]) == 14


def test_gdelt_event_ids_are_distinct_integers(details: list[EventDetail]) -> None:
    ids = [r["GLOBALEVENTID"] for r in _rows(details)]
    assert all(i.isdigit() for i in ids)
    assert len(set(ids)) == len(ids)
