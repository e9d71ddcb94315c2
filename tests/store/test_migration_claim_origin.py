"""``store/migrations/m0004_claim_origin.py``: a version-3 store's claims gain their origin's country and
affiliation, filled from the sources they name (the relay's for a relayed claim). SQLite and PostgreSQL."""

from __future__ import annotations

from eventwatch.records import Analysis
from eventwatch.store import open_store
from tests.store._db import execute, query

ORIGINS_SQL = "SELECT source_text, origin_country, origin_affiliation FROM claims ORDER BY source_text"


def _downgrade_to_v3(store_url: str) -> None:
    """Remove what m0004 adds, as a store written by version-3 code looks."""
    execute(
        store_url,
        "ALTER TABLE claims DROP COLUMN origin_country",
        "ALTER TABLE claims DROP COLUMN origin_affiliation",
        "DELETE FROM schema_migrations WHERE version = 4",
    )


def test_m0004_fills_claim_origins_of_a_version_3_store(store_url: str, seed: Analysis) -> None:
    with open_store(store_url) as store:
        store.save(seed)
    written = query(store_url, ORIGINS_SQL)
    # The seed's field commander is relayed by Fars: his claim's origin is the agency, not the commander.
    assert ("a Syrian army field commander", "IRN", None) in written
    assert ("Dmitry Peskov", "RUS", "Kremlin") in written
    _downgrade_to_v3(store_url)
    with open_store(store_url) as store:
        assert store.schema_version == 4
    assert query(store_url, ORIGINS_SQL) == written


def test_m0004_on_an_empty_version_3_store_only_adds_the_columns(store_url: str) -> None:
    open_store(store_url).close()
    _downgrade_to_v3(store_url)
    with open_store(store_url) as store:
        assert store.schema_version == 4
    assert query(store_url, ORIGINS_SQL) == []
