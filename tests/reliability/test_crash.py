"""Crash recovery (issue 10 item 4): ``kill -9`` a running ``eventwatch run`` at a dozen points, run it again,
and the store must be identical (content signature) to the store of a run that was never interrupted.

Kill points are chosen from what the child shows, not from hooks in the product: its ``-v`` stderr lines
(migration steps, "read as", "article ... stored"), the number of articles a read-only connection sees in the
store, or the time since it started. Every kill must land before the child exits on its own (it dies of
SIGKILL), or the point was not tested.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from eventwatch.store import open_store
from eventwatch.store._migrate import steps
from tests.conftest import TEST_DATA
from tests.reliability._child import cli_env
from tests.reliability._signature import Signature, content_signature, signature_diff

# Nine good inputs of every kind (JSONL, text, HTML, gzipped HTML) and one bad one (the run exits 3).
INPUTS = (
    *(f"good-corpus-{i:02d}{ext}" for i, ext in enumerate((".jsonl", ".txt", ".html") * 2)),
    "good-aeb-00.html.gz",
    "good-aeb-01.html.gz",
    "bad-empty-00.txt",
)
N_ARTICLES = 8
EXIT_REJECTED = 3
_POLL_S = 0.005
_ATTEMPTS = 3


@dataclass(frozen=True)
class Seen:
    """What the test knows about the running child when it decides whether to kill it."""

    elapsed_s: float
    lines: list[str]
    articles: int  # as a read-only connection sees the store; -1 before the store exists


Trigger = Callable[[Seen], bool]


def _articles(db: Path | str) -> int:
    """Articles in the store as a separate read-only reader sees them; -1 before the table exists."""
    if isinstance(db, str):  # a postgresql:// URL
        try:
            with psycopg.connect(db, connect_timeout=2) as conn:
                row = conn.execute("SELECT count(*) FROM articles").fetchone()
                return int(row[0]) if row else -1
        except psycopg.Error:
            return -1
    if not db.exists():
        return -1
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:  # not created yet, or mid-migration
        return -1


def _run_until(inputs: Path, db: Path | str, trigger: Trigger | None) -> tuple[int, list[str]]:
    """Run ``eventwatch run -v``; SIGKILL it as soon as ``trigger`` holds. Returns (exit code, stderr lines)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwatch.cli.main", "run", str(inputs), "--db", str(db), "-v"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=cli_env(),
    )
    lines: list[str] = []

    def read() -> None:
        assert proc.stderr is not None
        for raw in proc.stderr:
            lines.append(raw.decode("utf-8", "replace").rstrip("\n"))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    start = time.monotonic()
    while trigger is not None and proc.poll() is None:
        if trigger(Seen(time.monotonic() - start, list(lines), _articles(db))):
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(_POLL_S)
    code = proc.wait(timeout=600)
    reader.join(timeout=60)
    assert proc.stderr is not None
    proc.stderr.close()
    return code, lines


def _line(fragment: str) -> Trigger:
    return lambda seen: any(fragment in line for line in seen.lines)


def _articles_at_least(k: int) -> Trigger:
    return lambda seen: seen.articles >= k


def _after_s(seconds: float) -> Trigger:
    return lambda seen: seen.elapsed_s >= seconds


def _empty_file(db: Path) -> None:
    db.write_bytes(b"")


def _one_migration_behind(db: Path) -> None:
    """A store whose newest migration is not recorded: opening it applies that step again, idempotently."""
    with open_store(str(db)) as st:
        newest = st.schema_version
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM schema_migrations WHERE version = ?", (newest,))


@dataclass(frozen=True)
class KillPoint:
    name: str
    triggers: tuple[Trigger, ...]  # one kill per trigger, in order, then an uninterrupted resume
    prepare: Callable[[Path], None] | None = None


NEWEST_MIGRATION = steps()[-1].version  # the step _one_migration_behind leaves unrecorded

KILL_POINTS = (
    KillPoint("while-importing-python", (_after_s(0.3),)),
    KillPoint("migrating-a-new-store", (_line("applying migration 0001"),)),
    KillPoint("migrating-an-empty-file", (_line("applying migration 0001"),), _empty_file),
    KillPoint(
        "migrating-from-version-n-1", (_line(f"applying migration {NEWEST_MIGRATION:04d}"),), _one_migration_behind
    ),
    KillPoint("ingest-first-input-read", (_line(": read as "),)),
    KillPoint("right-after-the-first-commit", (_line(" stored"),)),
    KillPoint("between-articles-after-1", (_articles_at_least(1),)),
    KillPoint("mid-batch-after-3", (_articles_at_least(3),)),
    KillPoint("mid-batch-after-6", (_articles_at_least(6),)),
    KillPoint("after-the-last-article-during-fusion", (_articles_at_least(N_ARTICLES),)),
    KillPoint("processing-a-gzipped-page", (_line("good-aeb-01.html.gz: read as html"),)),
    KillPoint("twice-after-2-then-after-5", (_articles_at_least(2), _articles_at_least(5))),
)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    for name in INPUTS:
        shutil.copy(TEST_DATA / "hostile" / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def uninterrupted(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Signature:
    db = tmp_path_factory.mktemp("baseline") / "ew.db"
    code, lines = _run_until(inputs, db, None)
    assert code == EXIT_REJECTED, lines[-5:]
    assert _articles(db) == N_ARTICLES
    return content_signature(str(db))


def _killed_at(point: KillPoint, inputs: Path, new_store: Callable[[int], Path | str]) -> Path | str:
    """A store whose child was killed at each of the point's triggers in turn. Kill points are found by
    polling, so on a loaded machine the child can finish before one (the last article's fusion takes a few
    milliseconds): such an attempt proves nothing, and the point is tried again on a new store."""
    for attempt in range(_ATTEMPTS):
        db = new_store(attempt)
        if all(_run_until(inputs, db, trigger)[0] == -signal.SIGKILL for trigger in point.triggers):
            return db
    pytest.fail(f"{point.name}: the run ended before the kill point in {_ATTEMPTS} attempts")


@pytest.mark.parametrize("point", KILL_POINTS, ids=lambda p: p.name)
def test_crash_kill_9_then_resume_gives_the_uninterrupted_store(
    point: KillPoint, inputs: Path, uninterrupted: Signature, tmp_path: Path
) -> None:
    def new_store(attempt: int) -> Path:
        db = tmp_path / f"ew-{attempt}.db"
        if point.prepare is not None:
            point.prepare(db)
        return db

    db = _killed_at(point, inputs, new_store)
    code, lines = _run_until(inputs, db, None)
    assert code == EXIT_REJECTED, lines[-5:]
    assert signature_diff(content_signature(str(db)), uninterrupted) == {}
    assert content_signature(str(db)) == uninterrupted


# PostgreSQL: the same guarantee through the server's own transactions, at the points that differ from SQLite
# (migration under the advisory lock, a commit in the middle of the batch, fusion).
PG_POINTS = tuple(p for p in KILL_POINTS if p.name in ("migrating-a-new-store", "mid-batch-after-3",
                                                        "after-the-last-article-during-fusion"))  # fmt: skip


@pytest.fixture(scope="module")
def uninterrupted_postgres(inputs: Path, postgres_server) -> Iterator[Signature]:  # type: ignore[no-untyped-def]
    name = postgres_server.create_database()
    url = postgres_server.url(name)
    code, lines = _run_until(inputs, url, None)
    assert code == EXIT_REJECTED, lines[-5:]
    yield content_signature(url)
    postgres_server.drop_database(name)


@pytest.mark.parametrize("point", PG_POINTS, ids=lambda p: p.name)
def test_crash_kill_9_then_resume_on_postgres(  # type: ignore[no-untyped-def]
    point: KillPoint, inputs: Path, uninterrupted_postgres: Signature, fresh_postgres_url: str, postgres_server
) -> None:
    spare: list[str] = []

    def new_store(attempt: int) -> str:
        if attempt == 0:
            return fresh_postgres_url
        spare.append(postgres_server.create_database())
        return str(postgres_server.url(spare[-1]))

    try:
        url = str(_killed_at(point, inputs, new_store))
        code, lines = _run_until(inputs, url, None)
        assert code == EXIT_REJECTED, lines[-5:]
        assert signature_diff(content_signature(url), uninterrupted_postgres) == {}
    finally:
        for name in spare:
            postgres_server.drop_database(name)
