"""API fixtures: a filled store on each back end (SQLite file, PostgreSQL database) served on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from eventwatch.api import create_app
from eventwatch.config import Config, load_config
from eventwatch.store import SqlStore, open_store
from tests._live_server import live_server
from tests._postgres import PostgresServer
from tests.api._data import fill

TOKEN = "test-token-3f9a"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def filled_store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store holding the seed and the extra events, shared by one test module (tests only read it)."""
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("api") / "eventwatch.db")
        with open_store(url) as st:
            fill(st)
        yield url
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_database()
    url = server.url(name)
    with open_store(url) as st:
        fill(st)
    yield url
    server.drop_database(name)


def api_config(db: str, **overrides: object) -> Config:
    return load_config(db=db, **{"api_token": TOKEN, **overrides})


@pytest.fixture(scope="module")
def filled_store(filled_store_url: str) -> Iterator[SqlStore]:
    with open_store(filled_store_url, query_timeout_s=load_config().query_timeout_s) as st:
        yield st


@pytest.fixture(scope="module")
def api_url(filled_store_url: str, filled_store: SqlStore) -> Iterator[str]:
    """Base URL of a real uvicorn server on 127.0.0.1 over the filled store."""
    app = create_app(api_config(filled_store_url), store=filled_store)
    with live_server(app) as url:
        yield url


@pytest.fixture(scope="module")
def client(api_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=api_url, timeout=30) as c:
        yield c


@pytest.fixture
def empty_db(tmp_path: Path) -> str:
    return str(tmp_path / "empty.db")
