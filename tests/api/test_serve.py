"""`eventwatch serve`: the real command serves the API on loopback, read-only by default."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from eventwatch.store import open_store
from tests._live_server import free_port
from tests.api._data import N_EVENTS, fill


def test_serve_command_answers_on_loopback_read_only(tmp_path: Path) -> None:
    db = tmp_path / "eventwatch.db"
    with open_store(str(db)) as st:
        fill(st)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWATCH_")}
    cmd = [sys.executable, "-m", "eventwatch.cli.main", "serve", "--db", str(db), "--port", str(port)]
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"serve exited with {proc.returncode}: {log_path.read_text(errors='replace')[-2000:]}")
            try:
                stats = httpx.get(url + "/api/stats", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    pytest.fail("eventwatch serve not answering after 60 s")
                time.sleep(0.2)
        assert stats.json()["events"] == N_EVENTS
        assert "server" not in stats.headers
        r = httpx.post(url + "/api/articles", json={"text": "x" * 100}, headers={"Authorization": "Bearer x"})
        assert r.status_code == 403
    finally:
        proc.terminate()
        proc.wait(timeout=30)
