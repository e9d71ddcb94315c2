"""The OpenAPI schema: a schemathesis run over every operation finds no server error; the docs page is
self-hosted (its scripts and styles come from this server only)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from eventwatch.api import create_app
from eventwatch.store import open_store
from tests._live_server import live_server
from tests.api._data import fill
from tests.api.conftest import api_config


@pytest.fixture(scope="module")
def fuzz_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = str(tmp_path_factory.mktemp("fuzz") / "eventwatch.db")
    with open_store(db) as st:
        fill(st)
    # No token: writes are refused before the pipeline runs, so fuzzing POST stays fast and stores nothing.
    with live_server(create_app(api_config(db, api_token=""))) as url:
        yield url


EXAMPLES_PER_OPERATION = 30


def test_openapi_fuzz_finds_no_server_error(fuzz_url: str) -> None:
    schema = schemathesis.openapi.from_url(fuzz_url + "/api/openapi.json")
    checks = [not_a_server_error, response_schema_conformance]
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    calls = 0
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
        )
        def fuzz(case: schemathesis.Case) -> None:
            nonlocal calls
            calls += 1
            case.validate_response(case.call(base_url=fuzz_url, timeout=30), checks=checks)

        fuzz()
    assert calls >= len(operations)


def test_openapi_documents_every_route_and_the_error_shape(fuzz_url: str) -> None:
    spec = httpx.get(fuzz_url + "/api/openapi.json").json()
    paths = set(spec["paths"])
    for route in ("/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}"):
        assert route in paths
    assert {"/api/sources", "/api/sources/{source_id}", "/api/stats", "/api/export/events.csv"} <= paths
    assert "ErrorOut" in spec["components"]["schemas"]
    event_fields = set(spec["components"]["schemas"]["EventRow"]["properties"])
    assert {"id", "status", "plover", "acled", "latitude", "longitude", "summary"} <= event_fields


def test_docs_page_loads_only_self_hosted_assets(fuzz_url: str) -> None:
    page = httpx.get(fuzz_url + "/api/docs")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(a.startswith("/api/static/") for a in assets)
    for asset in assets:
        r = httpx.get(fuzz_url + asset)
        assert r.status_code == 200, asset
        assert len(r.content) > 100
    assert "<script>" not in page.text  # no inline script: the CSP forbids it
