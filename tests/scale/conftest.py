"""Scale-out fixtures: what a plain, single-process SQLite run stores from the whole sample corpus."""

from __future__ import annotations

from typing import Any

import pytest

from eventwatch.ingest import SAMPLE_CORPUS
from tests.store._db import content_signature
from tests.store._runs import run


@pytest.fixture(scope="session")
def sample_corpus_size() -> int:
    return sum(1 for line in SAMPLE_CORPUS.read_text(encoding="utf-8").splitlines() if line.strip())


@pytest.fixture(scope="session")
def sequential_signature(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[Any, ...]]]:
    """The content signature of ``eventwatch run`` (no cluster) on the sample corpus into SQLite."""
    db = str(tmp_path_factory.mktemp("sequential") / "reference.db")
    result = run(db=db)
    assert result.returncode == 0, result.stderr
    return content_signature(db)
