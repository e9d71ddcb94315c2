"""``store/migrations/m0002_fusion.py``: a store written before cross-article fusion gains its tables and columns."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from eventwatch.records import Analysis
from eventwatch.store import open_store, schema

FUSION_TABLES = ("event_aliases", "fused_mentions", "fused_claims", "event_casualties")


def _downgrade_to_v1(path: Path) -> None:
    """Remove what m0002 adds, as a store created by version-1 code looks."""
    with sqlite3.connect(path) as db:
        for table in FUSION_TABLES:
            db.execute(f"DROP TABLE {table}")
        for col in schema.FUSION_EVENT_COLUMNS:
            db.execute(f"ALTER TABLE events DROP COLUMN {col.name}")
        db.execute("DELETE FROM schema_migrations WHERE version = 2")


def test_m0002_upgrades_a_version_1_store_keeping_its_events(tmp_path: Path, seed: Analysis) -> None:
    path = tmp_path / "old.db"
    with open_store(str(path)) as store:
        store.save(seed)
    _downgrade_to_v1(path)
    with open_store(str(path)) as store:
        assert store.counts().events == len(seed.events)
    with sqlite3.connect(path) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        columns = {r[1] for r in db.execute("PRAGMA table_info(events)")}
        versions = [r[0] for r in db.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert set(FUSION_TABLES) <= tables
    assert {c.name for c in schema.FUSION_EVENT_COLUMNS} <= columns
    assert versions[:2] == [1, 2]
