"""Hostile inputs (issue 10 item 1): ``eventwatch run`` on ~360 committed inputs plus big ones made at test time.

Every good input is stored, every bad one is reported on exactly one stderr line naming it and nothing of it is
stored, the run exits 3, its peak memory stays under 1 GB, and no input takes longer than the per-document
time limit. The corpus and what each file must become are in ``tests/data/hostile/`` (``MANIFEST.json``),
written by ``scripts/make_hostile.py``.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from pathlib import Path

import pytest

from eventwatch import pipeline
from eventwatch.config import load_config
from eventwatch.errors import InputError
from eventwatch.ingest import read_inputs
from tests.conftest import TEST_DATA
from tests.reliability._big_inputs import write_big_inputs
from tests.reliability._child import ChildRun, run_measured

HOSTILE = TEST_DATA / "hostile"
MANIFEST: dict[str, dict[str, str]] = json.loads((HOSTILE / "MANIFEST.json").read_text(encoding="utf-8"))
MAX_RSS_MB = 1024
EXIT_REJECTED = 3
# Lines printed once the batch is over (the summary); anything else must be an input's one error line.
_SUMMARY_START = "articles: "


def _input_name(origin: str) -> str:
    """The file name in an origin or an error line's origin: ``path``, ``path:LINE``, ``path record at byte N``."""
    path = origin.split(" record at byte ")[0]
    head, _, tail = path.rpartition(":")
    if head and tail.isdigit():
        path = head
    return Path(path).name


def _error_input(line: str) -> str | None:
    """The input an error line names (``ingest: PATH...: reason; skipped``, ``process: PATH: ...``), else None."""
    for prefix in ("ingest: ", "process: "):
        if line.startswith(prefix):
            return _input_name(line[len(prefix) :].split(": ")[0])
    return None


@pytest.fixture(scope="module")
def big_inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("big")
    return folder, write_big_inputs(folder, load_config())


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory, big_inputs: tuple[Path, list[str]]) -> tuple[ChildRun, Path]:
    db = tmp_path_factory.mktemp("store") / "hostile.db"
    return run_measured("run", str(HOSTILE), str(big_inputs[0]), "--db", str(db)), db


def test_hostile_corpus_has_the_promised_mix(big_inputs: tuple[Path, list[str]]) -> None:
    kinds = Counter(m["kind"] for m in MANIFEST.values())
    bad = [n for n, m in MANIFEST.items() if m["expect"] == "rejected"] + big_inputs[1]
    assert len(bad) >= 250
    assert kinds["corpus"] + kinds["aeb"] >= 50
    on_disk = {p.name for p in HOSTILE.iterdir()} - {"MANIFEST.json", "SOURCE.md"}
    assert on_disk == set(MANIFEST)
    assert sum(p.stat().st_size for p in HOSTILE.iterdir()) < 8_000_000  # the committed part stays small


def test_hostile_run_exits_3_under_1_gb(hostile_run: tuple[ChildRun, Path]) -> None:
    child, _db = hostile_run
    assert child.returncode == EXIT_REJECTED, child.stderr_lines[-8:]
    assert child.max_rss_mb < MAX_RSS_MB


def test_hostile_run_reports_each_bad_input_on_exactly_one_line(
    hostile_run: tuple[ChildRun, Path], big_inputs: tuple[Path, list[str]]
) -> None:
    child, _db = hostile_run
    summary_at = next(i for i, line in enumerate(child.stderr_lines) if line.startswith(_SUMMARY_START))
    named = Counter(_error_input(line) for line in child.stderr_lines[:summary_at])
    assert None not in named, [line for line in child.stderr_lines[:summary_at] if _error_input(line) is None]
    bad = {n for n, m in MANIFEST.items() if m["expect"] == "rejected"} | set(big_inputs[1])
    assert {name for name, n in named.items() if n > 1} == set()
    assert set(named) == bad


def test_hostile_run_stores_every_good_input_once_and_nothing_bad(hostile_run: tuple[ChildRun, Path]) -> None:
    _child, db = hostile_run
    with sqlite3.connect(db) as conn:
        stored = Counter(_input_name(origin) for (origin,) in conn.execute("SELECT origin FROM articles"))
    expected = {n for n, m in MANIFEST.items() if m["expect"] == "stored"}
    assert {n for n, k in stored.items() if k > 1} == set()
    assert set(stored) == expected


@pytest.mark.parametrize("kind", ["regex", "encoding", "nul", "big"])
def test_hostile_inputs_each_finish_within_the_document_time_limit(
    kind: str, big_inputs: tuple[Path, list[str]]
) -> None:
    """Read and process each input on its own, in-process, and time it against ``doc_timeout_s``."""
    cfg = load_config()
    if kind == "big":
        paths = [big_inputs[0] / name for name in big_inputs[1]]
    else:
        paths = [HOSTILE / n for n, m in sorted(MANIFEST.items()) if m["kind"] == kind]
    assert paths
    slowest = (0.0, "")
    for path in paths:
        start = time.perf_counter()
        for item in read_inputs([str(path)], cfg):
            if not isinstance(item, InputError):
                pipeline.analyse(item, cfg)
        slowest = max(slowest, (time.perf_counter() - start, path.name))
    assert slowest[0] < cfg.doc_timeout_s, slowest
