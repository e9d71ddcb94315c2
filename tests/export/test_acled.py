"""ACLED-style CSV: ACLED's exact header order, one row per event; the companion claims CSV."""

from __future__ import annotations

import csv
import io

from eventwatch import export
from eventwatch.config import DATA_DIR
from eventwatch.store import EventDetail
from tests.conftest import SHARED


def _shipped_columns() -> list[str]:
    with (DATA_DIR / "export" / "acled_columns.csv").open(encoding="utf-8", newline="") as f:
        return [row["name"] for row in csv.DictReader(f)]


def test_acled_header_equals_the_shipped_column_list(details: list[EventDetail]) -> None:
    header = next(csv.reader(io.StringIO(export.to_acled_csv(details))))
    assert header == _shipped_columns()
    assert len(header) == 31
    assert header[0] == "event_id_cnty" and header[-1] == "timestamp"


def test_acled_shipped_columns_match_the_spec() -> None:
    spec = SHARED / "specs" / "acled" / "acled_columns.csv"
    with spec.open(encoding="utf-8", newline="") as f:
        assert [row["name"] for row in csv.DictReader(f)] == _shipped_columns()


def test_acled_one_row_per_event_with_its_values(details: list[EventDetail]) -> None:
    rows = list(csv.DictReader(io.StringIO(export.to_acled_csv(details))))
    assert [r["event_id_cnty"] for r in rows] == [d.event.id for d in details]
    battle = next(r for r in rows if r["event_type"] == "Battles")
    assert battle["disorder_type"] == "Political violence"
    assert battle["sub_event_type"] == "Armed clash"
    assert battle["event_date"] == "2016-10-01" and battle["year"] == "2016" and battle["time_precision"] == "1"
    assert battle["country"] == "Syria" and battle["location"] == "Aleppo"
    assert float(battle["latitude"]) == 36.20124 and float(battle["longitude"]) == 37.16117
    assert battle["geo_precision"] == "1"
    assert battle["fatalities"] == "3"
    assert battle["actor1"] == "Syrian Army"
    assert "Syrian and Iranian news agencies" in battle["source"]
    assert battle["notes"] == "Syrian army starts a ground operation around Aleppo"
    assert int(battle["timestamp"]) > 1_600_000_000


def test_acled_fatalities_default_to_zero(details: list[EventDetail]) -> None:
    rows = list(csv.DictReader(io.StringIO(export.to_acled_csv(details))))
    assert all(r["fatalities"].isdigit() for r in rows)


def test_claims_csv_has_one_row_per_claim_joined_by_event_id(details: list[EventDetail]) -> None:
    rows = list(csv.DictReader(io.StringIO(export.to_claims_csv(details))))
    assert len(rows) == sum(len(d.claims) for d in details)
    assert list(rows[0]) == list(export.claim_columns())
    denial = next(r for r in rows if r["stance"] == "deny")
    assert denial["source_name"] == "Dmitry Peskov"
    assert denial["event_status"] == "contested"
    assert "categorically denied" in denial["evidence_text"]
    relayed = next(r for r in rows if r["via"])
    assert relayed["via"] == "Fars"
