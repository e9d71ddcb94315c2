"""The SQLite store opens in Datasette, and its events table shows on datasette-cluster-map's map."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests._live_server import free_port
from tests.api._data import N_EVENTS

READY_TIMEOUT_S = 60.0


@pytest.fixture(scope="module")
def datasette_url(export_db: Path) -> Iterator[str]:
    port = free_port()
    cmd = [sys.executable, "-m", "datasette", "serve", str(export_db), "--host", "127.0.0.1", "--port", str(port)]
    log_path = export_db.with_suffix(".datasette.log")
    url = f"http://127.0.0.1:{port}"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                out = log_path.read_text(errors="replace")
                pytest.fail(f"datasette exited with {proc.returncode}: {out[-2000:]}")
            try:
                if httpx.get(url + "/-/versions.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"datasette not ready on {url} after {READY_TIMEOUT_S} s")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_datasette_serves_the_events_table_with_coordinates(datasette_url: str, export_db: Path) -> None:
    r = httpx.get(f"{datasette_url}/{export_db.stem}/events.json", params={"_shape": "objects", "_size": "max"})
    assert r.status_code == 200, r.text
    rows = r.json()["rows"]
    assert len(rows) == N_EVENTS
    assert all(isinstance(row["latitude"], float) and isinstance(row["longitude"], float) for row in rows)


def test_datasette_cluster_map_plugin_is_active_on_the_events_table(datasette_url: str, export_db: Path) -> None:
    plugins = {p["name"] for p in httpx.get(f"{datasette_url}/-/plugins.json").json()}
    assert "datasette-cluster-map" in plugins
    page = httpx.get(f"{datasette_url}/{export_db.stem}/events").text
    # The plugin adds its map script only to tables with latitude and longitude columns.
    assert "datasette-cluster-map" in page
    assert "latitude" in page and "longitude" in page


def test_datasette_cluster_map_is_absent_without_coordinates(datasette_url: str, export_db: Path) -> None:
    page = httpx.get(f"{datasette_url}/{export_db.stem}/claims").text
    assert "datasette-cluster-map" not in page
