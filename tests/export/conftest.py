"""Export fixtures: a filled SQLite store (the seed analysis plus events spread over places and types)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from eventwatch import export
from eventwatch.api import create_app
from eventwatch.config import load_config
from eventwatch.store import EventDetail, EventFilters, SqlStore, open_store
from tests._live_server import live_server
from tests.api._data import fill


@pytest.fixture(scope="module")
def export_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "eventwatch.db"
    with open_store(str(path)) as st:
        fill(st)
    return path


@pytest.fixture(scope="module")
def export_store(export_db: Path) -> Iterator[SqlStore]:
    with open_store(str(export_db)) as st:
        yield st


@pytest.fixture(scope="module")
def details(export_store: SqlStore) -> list[EventDetail]:
    rows = export.iter_events(export_store, EventFilters(), 10_000)
    return list(export.iter_details(export_store, rows))


@pytest.fixture(scope="module")
def client_export(export_db: Path) -> Iterator[httpx.Client]:
    """An HTTP client on a real server over the export store."""
    with live_server(create_app(load_config(db=str(export_db)))) as url, httpx.Client(base_url=url) as c:
        yield c
