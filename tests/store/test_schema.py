"""``eventwatch.store.schema``: docs/data-model.md documents every table, view and column, and no other."""

from __future__ import annotations

import re

from eventwatch.store import schema
from tests.conftest import REPO


def _documented() -> dict[str, set[str]]:
    doc = (REPO / "docs" / "data-model.md").read_text(encoding="utf-8")
    tables: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in doc.splitlines():
        if heading := re.fullmatch(r"#{2,3} `(\w+)`", line):
            current = tables.setdefault(heading.group(1), set())
        elif (row := re.match(r"\| `(\w+)` \|", line)) and current is not None:
            current.add(row.group(1))
    return tables


def _schema() -> dict[str, set[str]]:
    return {t.name: {c.name for c in t.columns} for t in schema.metadata.tables.values()}


def test_schema_every_table_and_view_has_a_section() -> None:
    assert set(_documented()) == set(_schema())


def test_schema_every_column_is_documented() -> None:
    documented = _documented()
    missing = {f"{t}.{c}" for t, cols in _schema().items() for c in cols - documented.get(t, set())}
    extra = {f"{t}.{c}" for t, cols in documented.items() for c in cols - _schema().get(t, set())}
    assert (missing, extra) == (set(), set())
