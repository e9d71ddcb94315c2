"""Two ``eventwatch run`` processes writing one store at once, on SQLite and PostgreSQL (``store_url``).

Both must finish without "database is locked" or a duplicate-key error, store every article once between
them, and leave the same content as a single run over the union of their inputs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store._db import content_signature, signature_differences
from tests.store._runs import corpus_slice, finish_run, run, start_run

FIRST, SECOND = (0, 30), (15, 45)  # 15 articles in common
UNION = (0, 45)


@pytest.fixture(scope="module")
def union_signature(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[object, ...]]]:
    """What one run over both inputs stores (SQLite)."""
    folder = tmp_path_factory.mktemp("reference")
    db = str(folder / "reference.db")
    result = run(str(corpus_slice(folder, *UNION)), db=db)
    assert result.returncode == 0, result.stderr
    return content_signature(db)


def test_two_runs_on_overlapping_inputs_store_each_article_once(
    store_url: str, tmp_path: Path, union_signature: dict[str, list[tuple[object, ...]]]
) -> None:
    inputs = [corpus_slice(tmp_path, *FIRST), corpus_slice(tmp_path, *SECOND)]
    procs = [start_run(str(path), db=store_url) for path in inputs]  # the store does not exist yet
    results = [finish_run(p) for p in procs]
    for result in results:
        assert result.returncode == 0, result.stderr
        assert "database is locked" not in result.stderr
    assert sum(r.stored for r in results) == UNION[1] - UNION[0]
    assert signature_differences(content_signature(store_url), union_signature) == ""


def test_rerun_is_a_no_op(store_url: str, tmp_path: Path) -> None:
    path = str(corpus_slice(tmp_path, 0, 8))
    first = run(path, db=store_url)
    assert first.returncode == 0, first.stderr
    before = content_signature(store_url)
    again = run(path, db=store_url)
    assert again.returncode == 0, again.stderr
    assert (again.stored, "0 stored, 8 duplicate" in again.stderr) == (0, True)
    assert signature_differences(content_signature(store_url), before) == ""
