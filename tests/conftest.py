"""Shared test settings: the hypothesis `ci` profile and paths to the repository's data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests._postgres import PostgresServer, PostgresUnavailable, start_server

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


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL cluster for the whole session (see tests/_postgres.py); fails if it cannot start."""
    try:
        server = start_server()
    except PostgresUnavailable as exc:
        pytest.fail(f"PostgreSQL test server: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_url(postgres_server: PostgresServer) -> str:
    """URL of the session's server's ``postgres`` database (shared by all tests: prefer ``fresh_postgres_url``)."""
    return postgres_server.url()


@pytest.fixture
def fresh_postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """URL of a new, empty database on the session's server, dropped after the test."""
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)
