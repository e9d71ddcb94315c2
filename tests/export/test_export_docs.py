"""docs/exports.md documents every export column."""

from __future__ import annotations

import pytest

from eventwatch.export import claim_columns
from eventwatch.export._tables import acled_columns, gdelt_event_columns
from tests.conftest import REPO

DOC = (REPO / "docs" / "exports.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "column",
    [*acled_columns(), *claim_columns(), *gdelt_event_columns(), "location", "sources", "mentions", "stances"],
)
def test_export_docs_name_every_column(column: str) -> None:
    assert f"`{column}`" in DOC
