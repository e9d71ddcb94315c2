"""Shared test settings: the hypothesis `ci` profile and paths to the repository's data."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parents[1]
TEST_DATA = REPO / "tests" / "data"
# Development data lives beside the repository (CI clones it there); tests that need it fail, never skip.
SHARED = REPO.parent / "shared"

settings.register_profile(
    "ci", max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"development data missing: {SHARED} (clone the project with shared/ beside it)")
    return SHARED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (TEST_DATA / "seed" / "000_3df5cc3808da9925.txt").read_text(encoding="utf-8")
