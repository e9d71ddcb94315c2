"""The service under abuse: write token, body size limit (413), query time limit, row limit, keep-alive."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from eventwatch.api import create_app
from eventwatch.cli._serve import uvicorn_options
from eventwatch.errors import QueryTimeoutError
from eventwatch.store import EventFilters, open_store
from eventwatch.store._query import time_limit
from eventwatch.store.sql import to_url
from tests._live_server import live_server
from tests.api._data import N_EVENTS, fill
from tests.api.conftest import TOKEN, api_config

ARTICLE = {"text": "Protesters gathered in the city centre on Monday.", "title": "t"}


@pytest.fixture(scope="module")
def read_only_url(filled_store_url: str) -> Iterator[str]:
    with live_server(create_app(api_config(filled_store_url, api_token=""))) as url:
        yield url


def test_post_without_configured_token_is_refused_403(read_only_url: str) -> None:
    r = httpx.post(read_only_url + "/api/articles", json=ARTICLE, headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "writes_disabled"


@pytest.mark.parametrize("auth", [None, "", "Bearer", "Bearer wrong-token", f"Basic {TOKEN}", f"Bearer {TOKEN}x"])
def test_post_without_the_right_token_is_refused_401(client: httpx.Client, auth: str | None) -> None:
    headers = {"Authorization": auth} if auth is not None else {}
    r = client.post("/api/articles", json=ARTICLE, headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert r.json()["error"]["code"] == "unauthorized"


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_write_methods_are_not_allowed(client: httpx.Client, method: str) -> None:
    r = client.request(method, "/api/events", headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 405
    assert r.json()["error"]["status"] == 405


@pytest.fixture(scope="module")
def small_body_url(filled_store_url: str) -> Iterator[str]:
    with live_server(create_app(api_config(filled_store_url, max_request_bytes=2000))) as url:
        yield url


def test_body_over_the_limit_is_a_413(small_body_url: str) -> None:
    body = {"text": "x" * 5000}
    r = httpx.post(small_body_url + "/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "payload_too_large"


def test_chunked_body_over_the_limit_is_a_413(small_body_url: str) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b"y" * 500

    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    r = httpx.post(small_body_url + "/api/articles", content=chunks(), headers=headers)
    assert r.status_code == 413


def test_body_under_the_limit_reaches_the_app(small_body_url: str) -> None:
    r = httpx.post(small_body_url + "/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer no"})
    assert r.status_code == 401  # refused for the token, not for its size


@pytest.fixture
def sqlite_filled(tmp_path: Path) -> str:
    url = str(tmp_path / "eventwatch.db")
    with open_store(url) as st:
        fill(st)
    return url


# A page of every event: thousands of SQLite instructions (two subqueries per event), past any tiny limit. The
# text filter no longer serves: it reads the FTS5 index and ends before the time limit is first checked.
SLOW_PAGE = {"limit": 1000}


def test_query_over_the_time_limit_is_a_503_and_the_server_goes_on(sqlite_filled: str) -> None:
    with (
        open_store(sqlite_filled, query_timeout_s=1e-9) as slow,
        live_server(create_app(api_config(sqlite_filled), store=slow)) as url,
        httpx.Client(base_url=url) as c,
    ):
        for _ in range(3):  # the interrupted connection goes back to the pool healthy: same answer each time
            r = c.get("/api/events", params=SLOW_PAGE)
            assert r.status_code == 503
            assert r.json()["error"]["code"] == "query_timeout"
    with open_store(sqlite_filled, query_timeout_s=5.0) as normal:
        assert normal.query_events(EventFilters(text="Idlib and Homs province", limit=1000)) == []
        assert len(normal.query_events(EventFilters(limit=1000))) == N_EVENTS


def test_time_limit_stops_a_slow_postgresql_statement(fresh_postgres_url: str) -> None:
    engine = sa.create_engine(to_url(fresh_postgres_url))
    try:
        with engine.connect() as conn, conn.begin():
            started = time.monotonic()
            with pytest.raises(QueryTimeoutError), time_limit(conn, 0.2):
                conn.exec_driver_sql("SELECT pg_sleep(10)")
            assert time.monotonic() - started < 5
    finally:
        engine.dispose()


def test_time_limit_stops_a_slow_sqlite_statement(tmp_path: Path) -> None:
    engine = sa.create_engine(to_url(str(tmp_path / "slow.db")))
    slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    try:
        with engine.connect() as conn:
            started = time.monotonic()
            with pytest.raises(QueryTimeoutError), time_limit(conn, 0.2):
                conn.exec_driver_sql(slow)  # endless without the limit
            assert time.monotonic() - started < 5
    finally:
        engine.dispose()


def test_page_size_over_the_maximum_is_a_400(client: httpx.Client) -> None:
    assert client.get("/api/events", params={"limit": 1000}).status_code == 200
    r = client.get("/api/events", params={"limit": 1001})
    assert r.status_code == 400
    assert "1000" in r.json()["error"]["message"]


def test_export_stops_at_the_row_limit(filled_store_url: str) -> None:
    with live_server(create_app(api_config(filled_store_url, max_export_rows=5))) as url:
        lines = httpx.get(url + "/api/export/events.jsonl").text.splitlines()
        assert len(lines) == 5
        assert httpx.get(url + "/api/export/events.csv", params={"limit": 6}).status_code == 400
        assert len(httpx.get(url + "/api/export/events.csv", params={"limit": 2}).text.splitlines()) == 1 + 2


def _one_client(base_url: str, n_requests: int, event_ids: list[str]) -> int:
    """Requests over one keep-alive connection; returns how many failed at the transport level."""
    errors = 0
    with httpx.Client(base_url=base_url, timeout=60) as c:
        for i in range(n_requests):
            try:
                if i % 3 == 0:
                    r = c.get("/api/events", params={"limit": 10, "status": "contested"})
                elif i % 3 == 1:
                    r = c.get(f"/api/events/{event_ids[i % len(event_ids)]}")
                else:
                    r = c.get("/api/events", params={"bbox": "30,30,45,40", "q": "ground"})
                assert r.status_code == 200, r.text
            except httpx.TransportError:
                errors += 1
    return errors


def test_32_keep_alive_clients_get_no_transport_errors(filled_store_url: str) -> None:
    cfg = api_config(filled_store_url)
    with live_server(create_app(cfg), **uvicorn_options(cfg)) as url:
        ids = [e["id"] for e in httpx.get(url + "/api/events", params={"limit": 100}).json()["items"]]
        with ThreadPoolExecutor(max_workers=32) as pool:
            errors = list(pool.map(lambda _: _one_client(url, 12, ids), range(32)))
    assert sum(errors) == 0


def _raw_get(sock: socket.socket, port: int) -> bytes:
    sock.sendall(f"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    data = b""
    while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def test_idle_connection_outlives_a_client_keep_alive(empty_db: str) -> None:
    """A connection idle for longer than httpx's 5 s keep-alive (and uvicorn's default) still answers."""
    cfg = api_config(empty_db)
    assert cfg.keep_alive_s > 6
    with live_server(create_app(cfg), **uvicorn_options(cfg)) as url:
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            assert _raw_get(sock, port).startswith(b"HTTP/1.1 200")
            time.sleep(6)
            assert _raw_get(sock, port).startswith(b"HTTP/1.1 200")
