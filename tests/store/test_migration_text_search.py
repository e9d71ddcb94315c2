"""``store/migrations/m0003_text_search.py``: a version-2 store gains ``mention_texts`` (filled from what it holds)
with its trigram index, and its ``events`` indexes ending in ``id``. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlalchemy as sa

from eventwatch.records import Analysis
from eventwatch.store import EventFilters, open_store, schema
from eventwatch.store.sql import to_url
from tests.store._db import execute, query, table_and_view_names

ROWS_SQL = "SELECT event_mention_id, field, text FROM mention_texts ORDER BY event_mention_id, field, text"


def _downgrade_to_v2(store_url: str) -> None:
    """Remove what m0003 adds, as a store created by version-2 code looks."""
    is_sqlite = "://" not in store_url
    statements = ["DROP TABLE mention_texts"]
    if is_sqlite:
        statements.append(f"DROP TABLE {schema.MENTION_TEXTS_FTS}")
    statements += [f"DROP INDEX {ix.name}" for ix in schema.EVENT_INDEXES]
    statements += [
        "CREATE INDEX ix_events_status ON events (status)",
        "CREATE INDEX ix_events_plover ON events (plover)",
        "CREATE INDEX ix_events_country ON events (country)",
        "CREATE INDEX ix_events_date ON events (date)",
        "CREATE INDEX ix_events_latitude_longitude ON events (latitude, longitude)",
        "DELETE FROM schema_migrations WHERE version = 3",
    ]
    execute(store_url, *statements)


def _index_names(store_url: str) -> set[str]:
    engine = sa.create_engine(to_url(store_url))
    try:
        return {ix["name"] for ix in sa.inspect(engine).get_indexes("events")}
    finally:
        engine.dispose()


def test_m0003_upgrades_a_version_2_store_filling_its_search_texts(store_url: str, seed: Analysis) -> None:
    with open_store(store_url) as store:
        store.save(seed)
        found = {e.id for e in store.query_events(EventFilters(text="categorically denied"))}
    rows = query(store_url, ROWS_SQL)
    _downgrade_to_v2(store_url)
    assert "mention_texts" not in table_and_view_names(store_url)
    with open_store(store_url) as store:
        assert store.schema_version == 4  # m0003, then m0004
        assert {e.id for e in store.query_events(EventFilters(text="categorically denied"))} == found != set()
    assert query(store_url, ROWS_SQL) == rows != []
    names = _index_names(store_url)
    assert {ix.name for ix in schema.EVENT_INDEXES} <= names
    assert names.isdisjoint(schema.REPLACED_EVENT_INDEXES)
    assert [r[0] for r in query(store_url, "SELECT version FROM schema_migrations ORDER BY version")] == [1, 2, 3, 4]


def test_m0003_index_follows_later_saves(store_url: str, seed: Analysis) -> None:
    open_store(store_url).close()
    _downgrade_to_v2(store_url)
    with open_store(store_url) as store:
        store.save(seed)
        assert store.query_events(EventFilters(text="categorically denied"))
        assert store.query_events(EventFilters(actor="syrian army"))
