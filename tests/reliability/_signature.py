"""A store's content signature: every row of every table, timestamps left out, in a canonical order.

Two stores with equal signatures hold the same data whatever order, process or crash history wrote them in.
Read through SQLAlchemy reflection, so it works on SQLite and PostgreSQL and follows schema changes.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from eventwatch.store.sql import to_url

Signature = dict[str, list[tuple[Any, ...]]]


def _is_timestamp(column: str) -> bool:
    """When a row was written differs between runs; what it says does not."""
    return column.endswith("_at") or column in ("first_seen", "last_seen")


def content_signature(store_url: str) -> Signature:
    """Table name -> sorted rows (tuples of the non-timestamp columns, by column name) for every table."""
    engine = sa.create_engine(to_url(store_url))
    try:
        meta = sa.MetaData()
        meta.reflect(engine)
        out: Signature = {}
        with engine.connect() as conn:
            for name, table in sorted(meta.tables.items()):
                cols = sorted(c.name for c in table.columns if not _is_timestamp(c.name))
                rows = conn.execute(sa.select(*(table.c[c] for c in cols))).all()
                out[name] = sorted((tuple(r) for r in rows), key=repr)
        return out
    finally:
        engine.dispose()


def signature_diff(a: Signature, b: Signature) -> dict[str, tuple[int, int]]:
    """Per table whose rows differ: (rows only in ``a``, rows only in ``b``); empty when equal."""
    diff = {}
    for name in sorted(set(a) | set(b)):
        left, right = set(a.get(name, [])), set(b.get(name, []))
        if left != right or len(a.get(name, [])) != len(b.get(name, [])):
            diff[name] = (len(left - right), len(right - left))
    return diff
