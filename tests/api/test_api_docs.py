"""docs/api.md documents every route of the OpenAPI schema and every event filter."""

from __future__ import annotations

import re

from eventwatch.api import create_app
from eventwatch.config import load_config
from eventwatch.store import open_store
from tests.conftest import REPO

DOC = (REPO / "docs" / "api.md").read_text(encoding="utf-8")


def test_api_docs_name_every_route_and_parameter(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with open_store(str(tmp_path / "e.db")) as st:
        spec = create_app(load_config(db=str(tmp_path / "e.db")), store=st).openapi()
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            assert re.search(rf"`{method.upper()} {re.escape(path)}`", DOC), (method, path)
            for param in operation.get("parameters", []):
                if param["in"] == "query":
                    assert f"`{param['name']}`" in DOC, (path, param["name"])
