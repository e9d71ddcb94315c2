"""``eventwatch run --cluster``: batches on Dask workers store exactly what a plain run stores.

Real ``eventwatch run`` processes with a LocalCluster of two worker processes, on the sample corpus.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path
from typing import Any

import psutil

from tests.store._db import content_signature, signature_differences
from tests.store._runs import finish_run, run, start_run

Signature = dict[str, list[tuple[Any, ...]]]
WAIT_S = 180.0


def test_cluster_run_on_postgres_stores_what_a_plain_sqlite_run_stores(
    fresh_postgres_url: str, sequential_signature: Signature, sample_corpus_size: int
) -> None:
    result = run("--cluster", "local:2", db=fresh_postgres_url)
    assert result.returncode == 0, result.stderr
    assert result.stored == sample_corpus_size
    assert signature_differences(content_signature(fresh_postgres_url), sequential_signature) == ""


def _stored_articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # created but not migrated yet
        return 0


def _worker_pids(run_pid: int) -> list[int]:
    """The Dask worker processes of a ``--cluster local:N`` run: children started by multiprocessing spawn."""
    pids = []
    for child in psutil.Process(run_pid).children(recursive=True):
        try:
            cmdline = " ".join(child.cmdline())
        except psutil.NoSuchProcess:
            continue
        if "spawn_main" in cmdline:
            pids.append(child.pid)
    return pids


def test_killed_worker_batch_is_run_again_and_stored_once(
    tmp_path: Path, sequential_signature: Signature, sample_corpus_size: int
) -> None:
    db = tmp_path / "killed.db"
    # Small batches: many of them, so the kill lands while batches are still queued and running.
    proc = start_run("--cluster", "local:2", db=str(db), env={"EVENTWATCH_SCALE_BATCH_SIZE": "4"})
    try:
        deadline = time.monotonic() + WAIT_S
        while (len(_worker_pids(proc.pid)) < 2 or _stored_articles(db) == 0) and proc.poll() is None:
            assert time.monotonic() < deadline, "the run stored nothing in time"
            time.sleep(0.05)
        victim = _worker_pids(proc.pid)[0]
        stored_before_kill = _stored_articles(db)
        os.kill(victim, signal.SIGKILL)
        assert proc.poll() is None, "the run ended before a worker could be killed"
    finally:
        result = finish_run(proc)
    assert 0 < stored_before_kill < sample_corpus_size
    assert result.returncode == 0, result.stderr
    assert (result.stored, "0 duplicate" in result.stderr) == (sample_corpus_size, True)
    assert signature_differences(content_signature(str(db)), sequential_signature) == ""
