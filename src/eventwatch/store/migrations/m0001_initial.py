"""Version 1: every table and view of the first schema."""

from __future__ import annotations

import sqlalchemy as sa

from eventwatch.store import schema


def upgrade(conn: sa.Connection) -> None:
    # schema_migrations is created by the runner before any step, since it needs it to know what to apply.
    tables = [t for t in schema.metadata.sorted_tables if t is not schema.schema_migrations]
    schema.metadata.create_all(conn, tables=tables)
