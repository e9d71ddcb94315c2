"""``eventwatch.store._migrate`` and ``migrations/``: versioned steps applied once, in one transaction."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from eventwatch.errors import StoreError
from eventwatch.records import Analysis
from eventwatch.store import open_store, schema

# Digest of schema.py's tables (names, columns, types, nullability). When this test fails you changed the
# schema: freeze the tables m0001 creates, add a migration step for the change, then update the digest.
SCHEMA_DIGEST = "8005cc32c67798d479fa68a82549a66fcfde58b0"


def _migrations(path: Path) -> list[tuple[int, str, str]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT version, name, applied_at FROM schema_migrations ORDER BY version").fetchall()


def _schema_text() -> str:
    lines = []
    for table in sorted(schema.metadata.tables.values(), key=lambda t: t.name):
        for col in table.columns:
            lines.append(f"{table.name}.{col.name} {col.type!r} nullable={col.nullable} pk={col.primary_key}")
    return "\n".join(lines)


def test_open_new_store_records_every_migration(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(str(path)).close()
    assert [(v, name) for v, name, _ in _migrations(path)] == [(1, "initial")]


def test_reopen_applies_nothing_again(tmp_path: Path, seed: Analysis) -> None:
    path = tmp_path / "s.db"
    with open_store(str(path)) as store:
        store.save(seed)
    first = _migrations(path)
    with open_store(str(path)) as store:
        assert store.has_article(seed.article.id)
    assert _migrations(path) == first


def test_open_store_newer_than_code_raises_store_error(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(str(path)).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO schema_migrations VALUES (99, 'from the future', '2099-01-01T00:00:00+00:00')")
    with pytest.raises(StoreError, match="schema version 99 is newer than this eventwatch knows"):
        open_store(str(path))


def test_failed_migration_leaves_no_table_behind(tmp_path: Path) -> None:
    # An index already named like one m0001 creates makes the step fail after several CREATE TABLEs.
    path = tmp_path / "s.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE squatter (x)")
        db.execute("CREATE INDEX ix_events_date ON squatter (x)")
    with pytest.raises(StoreError, match="cannot open or migrate"):
        open_store(str(path))
    with sqlite3.connect(path) as db:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert names == {"squatter"}


def test_schema_digest_is_pinned() -> None:
    digest = hashlib.sha1(_schema_text().encode()).hexdigest()
    assert digest == SCHEMA_DIGEST, f"schema.py changed without a migration step (digest now {digest})"
