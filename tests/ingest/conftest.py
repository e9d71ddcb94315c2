"""Shared paths for the ingest tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.config import Config

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "ingest"
# CI checks out /work/shared beside the repository; tests that need it fail (never skip) without it.
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_3df5cc3808da9925.txt"
GOLD_DEV = SHARED / "gold" / "dev"


@pytest.fixture
def cfg() -> Config:
    return Config()
