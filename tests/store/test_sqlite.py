"""``eventwatch.store.sqlite``: per-connection settings (SQLite only by nature; the rest of the store tests run
on both back ends)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

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
