"""Reading a store's tables directly, as Datasette or a SQL client would (works on every back end)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

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
