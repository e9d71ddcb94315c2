"""SQLite specifics: how a path becomes a URL and how every connection is set up.

Each connection gets WAL (readers never block the writer), ``foreign_keys=ON`` (SQLite leaves them off by
default) and a busy timeout, so a second writer waits for the lock instead of failing with "database is
locked". Transactions are begun by us, not by the ``sqlite3`` module: its legacy mode (the default before
Python 3.16) does not BEGIN before DDL or SELECT, which would commit migration steps one by one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa

# Execution option naming the BEGIN mode of a connection's next transaction. Writers ask for IMMEDIATE: a
# DEFERRED transaction that reads, then writes, fails at once with SQLITE_BUSY (no waiting) when another
# writer committed in between, since its snapshot is stale (https://sqlite.org/rescode.html#busy_snapshot).
BEGIN_MODE = "eventwatch_sqlite_begin"


def path_to_url(path: str) -> sa.URL:
    """A filesystem path as an ``sqlite:///`` URL (the file's parent folder must exist)."""
    return sa.make_url("sqlite:///" + str(Path(path).expanduser().resolve()))


def configure(engine: sa.Engine, busy_timeout_s: float) -> None:
    """Install the per-connection pragmas and our BEGIN on a SQLite engine."""

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # stop the sqlite3 module from issuing BEGIN/COMMIT itself
        cur = dbapi_conn.cursor()
        try:
            # busy_timeout first: switching to WAL needs a lock another process may hold.
            cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA foreign_keys = ON")
            # NORMAL is durable in WAL mode except for the last transactions on power loss, never corrupt.
            cur.execute("PRAGMA synchronous = NORMAL")
        finally:
            cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        mode = "DEFERRED" if False and conn.get_execution_options().get(BEGIN_MODE) == "IMMEDIATE" else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


PRAGMAS = ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")


def read_pragmas(conn: sa.Connection) -> dict[str, object]:
    """The effective per-connection settings, for diagnostics and tests."""
    return {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in PRAGMAS}
