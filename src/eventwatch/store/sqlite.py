"""SQLite specifics: how a path becomes a URL and how every connection is set up.

Each connection gets WAL (readers never block the writer), ``foreign_keys=ON`` (SQLite leaves them off by
default) and a busy timeout, so a second writer waits for the lock instead of failing with "database is
locked". Transactions are begun by us, not by the ``sqlite3`` module: its legacy mode (the default before
Python 3.16) does not BEGIN before DDL or SELECT, which would commit migration steps one by one.
"""

from __future__ import annotations

import sqlite3
import time
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


def _switch_to_wal(cur: Any, timeout_s: float) -> None:
    """Put the database file in WAL mode, retrying while another connection holds the lock.

    The busy timeout alone is not enough here: switching needs an exclusive lock, and SQLite returns
    SQLITE_BUSY at once, without calling the busy handler, when waiting could deadlock
    (https://sqlite.org/c3ref/busy_handler.html) -- as when two processes open a new file together.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            if cur.execute("PRAGMA journal_mode").fetchone()[0] != "wal":  # WAL persists in the file
                cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def configure(engine: sa.Engine, busy_timeout_s: float) -> None:
    """Install the per-connection pragmas and our BEGIN on a SQLite engine."""

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # stop the sqlite3 module from issuing BEGIN/COMMIT itself
        cur = dbapi_conn.cursor()
        try:
            # busy_timeout first: switching to WAL needs a lock another process may hold.
            cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
            _switch_to_wal(cur, busy_timeout_s)
            cur.execute("PRAGMA foreign_keys = ON")
            # NORMAL is durable in WAL mode except for the last transactions on power loss, never corrupt.
            cur.execute("PRAGMA synchronous = NORMAL")
        finally:
            cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get(BEGIN_MODE) == "IMMEDIATE" else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


PRAGMAS = ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")


def read_pragmas(conn: sa.Connection) -> dict[str, object]:
    """The effective per-connection settings, for diagnostics and tests."""
    return {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in PRAGMAS}
