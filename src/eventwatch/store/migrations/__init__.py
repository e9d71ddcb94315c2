"""Numbered schema migrations, applied in order by :func:`eventwatch.store._migrate.migrate`.

Each step is a module ``mNNNN_<what>.py`` defining ``upgrade(conn: sqlalchemy.Connection) -> None``; it runs
inside the same transaction as the other pending steps and the ``schema_migrations`` rows that record them, so
a store is never left half-migrated. Steps use SQLAlchemy Core (no engine-specific SQL) so they run on SQLite
and PostgreSQL alike.

Rule for the next step: ``m0001_initial`` creates the tables from ``schema.metadata``. Before changing
``schema.py``, copy the tables ``m0001`` creates into it as they are (freeze them), then add ``m0002_...``
with the change. ``tests/store/test_migrations.py`` pins a digest of the schema so that editing ``schema.py``
without a new step fails a test.
"""
