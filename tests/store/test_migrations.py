"""``eventwatch.store._migrate`` and ``migrations/``: versioned steps applied once, in one transaction.

Every test runs on SQLite and PostgreSQL (the ``store_url`` fixture).
"""

from __future__ import annotations

import hashlib

import pytest

from eventwatch.errors import StoreError
from eventwatch.records import Analysis
from eventwatch.store import open_store, schema
from tests.store._db import execute, query, table_and_view_names

# Digest of schema.py's tables (names, columns, types, nullability). When this test fails you changed the
# schema: freeze the tables m0001 creates, add a migration step for the change, then update the digest.
SCHEMA_DIGEST = "9ec2434affe5623fe1b5a129de8699e43094c496"


def _migrations(store_url: str) -> list[tuple[int, str, str]]:
    return query(store_url, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version")  # type: ignore[return-value]


def _schema_text() -> str:
    lines = []
    for table in sorted(schema.metadata.tables.values(), key=lambda t: t.name):
        for col in table.columns:
            lines.append(f"{table.name}.{col.name} {col.type!r} nullable={col.nullable} pk={col.primary_key}")
    return "\n".join(lines)


def test_open_new_store_records_every_migration(store_url: str) -> None:
    open_store(store_url).close()
    assert [(v, name) for v, name, _ in _migrations(store_url)] == [
        (1, "initial"),
        (2, "fusion"),
        (3, "text_search"),
        (4, "claim_origin"),
    ]


def test_reopen_applies_nothing_again(store_url: str, seed: Analysis) -> None:
    with open_store(store_url) as store:
        store.save(seed)
    first = _migrations(store_url)
    with open_store(store_url) as store:
        assert store.has_article(seed.article.id)
    assert _migrations(store_url) == first


def test_open_store_newer_than_code_raises_store_error(store_url: str) -> None:
    open_store(store_url).close()
    execute(store_url, "INSERT INTO schema_migrations VALUES (99, 'from the future', '2099-01-01T00:00:00+00:00')")
    with pytest.raises(StoreError, match="schema version 99 is newer than this eventwatch knows"):
        open_store(store_url)


def test_failed_migration_leaves_no_table_behind(store_url: str) -> None:
    # An index already named like one m0001 creates makes the step fail after several CREATE TABLEs.
    execute(store_url, "CREATE TABLE squatter (x INTEGER)", "CREATE INDEX ix_events_date_id ON squatter (x)")
    with pytest.raises(StoreError, match="cannot open or migrate"):
        open_store(store_url)
    assert table_and_view_names(store_url) == {"squatter"}


def test_schema_digest_is_pinned() -> None:
    digest = hashlib.sha1(_schema_text().encode()).hexdigest()
    assert digest == SCHEMA_DIGEST, f"schema.py changed without a migration step (digest now {digest})"
