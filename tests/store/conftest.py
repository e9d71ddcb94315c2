"""Store fixtures. ``store_url`` is parametrized by back end: every store test runs on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwatch.records import Analysis
from eventwatch.store import Store, open_store
from tests.store._records import seed_analysis


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh, empty store lives for this test: a SQLite file or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "eventwatch.db")
    if request.param == "postgresql":
        return str(request.getfixturevalue("fresh_postgres_url"))
    raise AssertionError(f"unknown back end {request.param}")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as st:
        yield st


@pytest.fixture(scope="session")
def seed() -> Analysis:
    return seed_analysis()
