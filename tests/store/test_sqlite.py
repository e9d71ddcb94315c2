"""``eventwatch.store.sqlite``: connection settings, the Datasette views, and concurrent writers."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from eventwatch.records import Analysis
from eventwatch.store import SaveOutcome, open_store
from tests.store._workers import save_variants


@pytest.mark.parametrize(
    ("pragma", "expected"), [("journal_mode", "wal"), ("foreign_keys", 1), ("busy_timeout", 30_000)]
)
def test_sqlite_connection_settings(tmp_path: Path, pragma: str, expected: object) -> None:
    with open_store(str(tmp_path / "s.db")) as store:
        assert store.connection_settings()[pragma] == expected


def test_sqlite_file_stays_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(str(path)).close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


@pytest.mark.parametrize(("view", "table"), [("event_mentions_view", "event_mentions"), ("claims_view", "claims")])
def test_sqlite_view_evidence_text_is_the_article_slice(tmp_path: Path, seed: Analysis, view: str, table: str) -> None:
    path = tmp_path / "s.db"
    with open_store(str(path)) as store:
        store.save(seed)
    text = seed.article.text
    with sqlite3.connect(path) as db:
        rows = db.execute(
            f"SELECT v.evidence_text, t.evidence_start, t.evidence_end FROM {view} v JOIN {table} t ON t.id = v.id"
        ).fetchall()
    assert rows
    assert all(evidence == text[start:end] for evidence, start, end in rows)


def test_sqlite_two_processes_saving_overlapping_articles(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.db")  # not created yet: both processes also race to migrate it
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    batches = [list(range(0, 30)), list(range(15, 45))]
    workers = [ctx.Process(target=save_variants, args=(path, b, barrier, results)) for b in batches]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=60) for _ in workers]
    for w in workers:
        w.join(timeout=60)
    assert [w.exitcode for w in workers] == [0, 0]
    flat = [o for batch in outcomes for o in batch]
    assert [o for o in flat if o.startswith("error")] == []
    assert (flat.count(SaveOutcome.STORED), flat.count(SaveOutcome.DUPLICATE)) == (45, 15)
    with open_store(path) as store:
        counts = store.counts()
    assert (counts.articles, counts.events, counts.event_mentions) == (45, 45, 45)
