"""Fixtures for the watch tests: a served feed site, fast watch settings and a SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwatch.config import Config, load_config
from eventwatch.store import SqlStore, open_store
from tests.watch._server import FeedServer, serving


@pytest.fixture
def site() -> Iterator[FeedServer]:
    with serving() as server:
        yield server


@pytest.fixture
def fast_cfg(tmp_path: Path) -> Config:
    """Short time limits and no host delay, so that a test takes seconds; tests that need one set it."""
    return load_config(
        db=str(tmp_path / "watch.db"),
        watch_connect_timeout_s=2.0,
        watch_read_timeout_s=0.5,
        watch_fetch_timeout_s=3.0,
        watch_host_delay_s=0.0,
        watch_max_bytes=1_000_000,
    )


@pytest.fixture
def store(fast_cfg: Config) -> Iterator[SqlStore]:
    with open_store(fast_cfg.db) as st:
        yield st
