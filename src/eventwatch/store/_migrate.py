"""Bring a store's schema to the version this code knows, recording each step in ``schema_migrations``."""

from __future__ import annotations

import importlib
import logging
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from eventwatch.errors import StoreError
from eventwatch.store import migrations, schema

log = logging.getLogger(__name__)

_STEP_NAME = re.compile(r"m(\d{4})_(\w+)")
# Any constant works; it only has to be the same in every process migrating the same PostgreSQL database.
_PG_LOCK_KEY = 0x65766E74


@dataclass(frozen=True, slots=True)
class Step:
    version: int
    name: str
    upgrade: Callable[[sa.Connection], None]


def steps() -> tuple[Step, ...]:
    """The migration steps shipped with this code, in version order."""
    found = []
    for info in pkgutil.iter_modules(migrations.__path__):
        match = _STEP_NAME.fullmatch(info.name)
        if match:
            module = importlib.import_module(f"{migrations.__name__}.{info.name}")
            found.append(Step(int(match.group(1)), match.group(2), module.upgrade))
    found.sort(key=lambda s: s.version)
    if [s.version for s in found] != list(range(1, len(found) + 1)):
        raise StoreError(f"store: migration steps are not numbered 1..n: {[s.version for s in found]}")
    return tuple(found)


def migrate(conn: sa.Connection, where: str) -> int:
    """Apply pending steps inside the caller's (write) transaction; return the resulting version.

    Raises StoreError when the store was written by newer code (a version this code does not know).
    """
    if conn.dialect.name == "postgresql":
        # SQLite serializes via BEGIN IMMEDIATE; PostgreSQL needs a lock so two processes opening a new
        # database do not both create the tables.
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_LOCK_KEY)))
    schema.schema_migrations.create(conn, checkfirst=True)
    applied = set(conn.scalars(sa.select(schema.schema_migrations.c.version)))
    known = steps()
    newest = max(applied, default=0)
    if newest > len(known):
        raise StoreError(
            f"store {where}: schema version {newest} is newer than this eventwatch knows ({len(known)}); "
            "upgrade eventwatch to open it"
        )
    for step in known:
        if step.version in applied:
            continue
        log.info("store %s: applying migration %04d_%s", where, step.version, step.name)
        step.upgrade(conn)
        conn.execute(
            schema.schema_migrations.insert().values(
                version=step.version, name=step.name, applied_at=datetime.now(UTC).isoformat()
            )
        )
    return len(known)
