"""Version 3: indexes for the API's filters -- ``mention_texts`` with its trigram index for the text (``q``) and
actor filters, and ``events`` indexes ending in ``id`` for filtered pages in id order.

``m0001`` creates every table and index ``schema.py`` describes, so a new store already has them (the table
empty); a store written before this step gets the table, its index (FTS5 on SQLite, pg_trgm GIN on
PostgreSQL) and a copy of every stored mention's searchable texts, and its single-column ``events`` indexes
are replaced, all in the same transaction.
"""

from __future__ import annotations

import sqlalchemy as sa

from eventwatch.store import _query, schema


def upgrade(conn: sa.Connection) -> None:
    inspector = sa.inspect(conn)
    have = {ix["name"] for ix in inspector.get_indexes(schema.events.name)}
    for name in schema.REPLACED_EVENT_INDEXES:
        if name in have:
            conn.execute(sa.text(f"DROP INDEX {name}"))  # our own constant names; DROP INDEX takes no parameters
    for index in schema.EVENT_INDEXES:
        if index.name not in have:
            index.create(conn)
    if not inspector.has_table(schema.mention_texts.name):
        schema.mention_texts.create(conn)  # with its DDL events: the FTS5 table and triggers, or pg_trgm and GIN
        _query.fill_mention_texts(conn)
