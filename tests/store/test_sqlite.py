"""``eventwatch.store.sqlite``: connection settings and the Datasette views (SQLite only by nature)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventwatch.records import Analysis
from eventwatch.store import open_store


@pytest.mark.parametrize(
    ("pragma", "expected"), [("journal_mode", "wal"), ("foreign_keys", 1), ("busy_timeout", 30_000)]
)
def test_sqlite_connection_settings(tmp_path: Path, pragma: str, expected: object) -> None:
    with open_store(str(tmp_path / "s.db")) as store:
        assert store.connection_settings()[pragma] == expected


def test_sqlite_file_stays_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(str(path)).close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


@pytest.mark.parametrize(("view", "table"), [("event_mentions_view", "event_mentions"), ("claims_view", "claims")])
def test_sqlite_view_evidence_text_is_the_article_slice(tmp_path: Path, seed: Analysis, view: str, table: str) -> None:
    path = tmp_path / "s.db"
    with open_store(str(path)) as store:
        store.save(seed)
    text = seed.article.text
    with sqlite3.connect(path) as db:
        rows = db.execute(
            f"SELECT v.evidence_text, t.evidence_start, t.evidence_end FROM {view} v JOIN {table} t ON t.id = v.id"
        ).fetchall()
    assert rows
    assert all(evidence == text[start:end] for evidence, start, end in rows)
