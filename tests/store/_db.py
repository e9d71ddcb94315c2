"""Reading a store's tables directly, as Datasette or a SQL client would (works on every back end)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from eventwatch.store import schema
from eventwatch.store.sql import to_url


def query(store_url: str, sql: str) -> list[tuple[Any, ...]]:
    engine = sa.create_engine(to_url(store_url))
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.exec_driver_sql(sql)]
    finally:
        engine.dispose()


def execute(store_url: str, *statements: str) -> None:
    """Run statements in one committed transaction, bypassing the store (to set up odd databases)."""
    engine = sa.create_engine(to_url(store_url))
    try:
        with engine.begin() as conn:
            for sql in statements:
                conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


def table_and_view_names(store_url: str) -> set[str]:
    engine = sa.create_engine(to_url(store_url))
    try:
        inspector = sa.inspect(engine)
        return set(inspector.get_table_names()) | set(inspector.get_view_names())
    finally:
        engine.dispose()


# The tables holding what was found in the articles (not bookkeeping such as schema_migrations).
CONTENT_TABLES = (
    "articles",
    "article_urls",
    "sentences",
    "events",
    "event_mentions",
    "casualties",
    "claims",
    "claim_via",
    "sources",
    "places",
)


def _is_run_column(name: str) -> bool:
    """Columns that record when, or from which input file, a row was written: not what the article says."""
    return name.endswith("_at") or name in ("first_seen", "origin")


def content_signature(store_url: str, tables: tuple[str, ...] = CONTENT_TABLES) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the content tables, run columns left out, sorted: equal iff two stores hold the same.

    Read through SQLAlchemy's typed columns, so a SQLite store and a PostgreSQL store compare equal.
    """
    engine = sa.create_engine(to_url(store_url))
    try:
        with engine.connect() as conn:
            signature = {}
            for name in tables:
                table = schema.metadata.tables[name]
                cols = [c for c in table.columns if not _is_run_column(c.name)]
                rows = [tuple(r) for r in conn.execute(sa.select(*cols))]
                signature[name] = sorted(rows, key=repr)
            return signature
    finally:
        engine.dispose()


def signature_differences(got: dict[str, list[tuple[Any, ...]]], want: dict[str, list[tuple[Any, ...]]]) -> str:
    """The tables whose rows differ, with a few rows only in each side: '' when the signatures are equal."""
    lines = []
    for name in sorted(set(got) | set(want)):
        only_got = sorted(set(got.get(name, [])) - set(want.get(name, [])), key=repr)
        only_want = sorted(set(want.get(name, [])) - set(got.get(name, [])), key=repr)
        if only_got or only_want or len(got.get(name, [])) != len(want.get(name, [])):
            lines.append(f"{name}: {len(got.get(name, []))} rows vs {len(want.get(name, []))} expected")
            lines += [f"  unexpected {row}" for row in only_got[:3]]
            lines += [f"  missing    {row}" for row in only_want[:3]]
    return "\n".join(lines)
