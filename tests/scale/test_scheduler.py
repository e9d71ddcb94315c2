"""``eventwatch run --cluster tcp://host:port``: an existing Dask scheduler and its worker, on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store._db import content_signature, signature_differences
from tests.store._runs import corpus_slice, run

START_TIMEOUT_S = 120.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_listening(port: int, procs: list[subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        assert all(p.poll() is None for p in procs), "the Dask scheduler exited while starting"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            assert time.monotonic() < deadline, f"no Dask scheduler on port {port} after {START_TIMEOUT_S} s"
            time.sleep(0.1)


def _stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def scheduler_address(tmp_path: Path) -> Iterator[str]:
    """A ``dask scheduler`` and one single-threaded ``dask worker`` on 127.0.0.1, stopped after the test."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = ["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"]
    worker = ["distributed.cli.dask_worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard"]
    log = (tmp_path / "dask.log").open("wb")
    procs = [subprocess.Popen([sys.executable, "-m", *scheduler], stdout=log, stderr=log)]
    try:
        _wait_listening(port, procs)
        procs.append(subprocess.Popen([sys.executable, "-m", *worker], stdout=log, stderr=log))
        yield address
    finally:
        _stop(procs)
        log.close()


def test_run_on_existing_scheduler_stores_what_a_plain_run_stores(tmp_path: Path, scheduler_address: str) -> None:
    corpus = str(corpus_slice(tmp_path, 0, 12))
    plain = run(corpus, db=str(tmp_path / "plain.db"))
    assert plain.returncode == 0, plain.stderr
    on_cluster = run(corpus, "--cluster", scheduler_address, db=str(tmp_path / "cluster.db"))
    assert on_cluster.returncode == 0, on_cluster.stderr
    assert on_cluster.stored == 12
    got = content_signature(str(tmp_path / "cluster.db"))
    assert signature_differences(got, content_signature(str(tmp_path / "plain.db"))) == ""


def test_run_with_unreachable_scheduler_fails_with_one_line(tmp_path: Path) -> None:
    address = f"tcp://127.0.0.1:{_free_port()}"  # nothing listens there
    result = run(
        str(corpus_slice(tmp_path, 0, 2)),
        "--cluster",
        address,
        db=str(tmp_path / "s.db"),
        env={"EVENTWATCH_SCALE_CONNECT_TIMEOUT_S": "2"},
    )
    assert result.returncode == 1
    assert f"cluster: cannot reach scheduler {address}" in result.stderr
