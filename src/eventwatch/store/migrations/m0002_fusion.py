"""Version 2: cross-article fusion -- consensus columns on ``events``; aliases, fused mentions and claims, casualties.

``m0001`` creates every table ``schema.py`` describes, so on a new store these columns and tables already
exist; this step adds only what an older store lacks (inspected, not assumed), in the same transaction.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.schema import CreateColumn

from eventwatch.store import schema

_TABLES = (schema.event_aliases, schema.fused_mentions, schema.fused_claims, schema.event_casualties)


def upgrade(conn: sa.Connection) -> None:
    have = {c["name"] for c in sa.inspect(conn).get_columns(schema.events.name)}
    for col in schema.FUSION_EVENT_COLUMNS:
        if col.name not in have:
            # ADD COLUMN of a nullable column without a default is the same statement on SQLite and PostgreSQL.
            ddl = CreateColumn(col).compile(dialect=conn.dialect)
            conn.execute(sa.text(f"ALTER TABLE {schema.events.name} ADD COLUMN {ddl}"))
    schema.metadata.create_all(conn, tables=list(_TABLES), checkfirst=True)
