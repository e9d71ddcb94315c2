"""The store over SQLAlchemy: SQLite by path, PostgreSQL (psycopg 3) by URL, through the same code.

Every article is written in one transaction (a crash never leaves half an article); reads run in short
transactions of their own. Several processes may write one store at once: SQLite serializes them on its
write lock (each waits up to the busy timeout), PostgreSQL runs them side by side and a transaction that
loses a deadlock is retried.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self, TypeVar

import sqlalchemy as sa

from eventwatch.config import Config
from eventwatch.errors import StoreError
from eventwatch.records import Analysis, Article
from eventwatch.store import _fusion, _migrate, _query, _read, _write, schema, sqlite
from eventwatch.store.rows import (
    ArticleDetail,
    ArticleRow,
    EventDetail,
    EventFilters,
    EventRow,
    SaveOutcome,
    SourceDetail,
    SourceRow,
    StoreCounts,
)

log = logging.getLogger(__name__)

_DEFAULTS = Config()
# How long a writer waits for another process's write lock before giving up, in seconds. One article's
# transaction takes milliseconds, so waiting this long means the other writer is stuck.
DEFAULT_BUSY_TIMEOUT_S = _DEFAULTS.store_busy_timeout_s
DEFAULT_WRITE_ATTEMPTS = _DEFAULTS.store_write_attempts
# SQLSTATEs after which running the same transaction again can succeed: serialization_failure and
# deadlock_detected (https://www.postgresql.org/docs/15/mvcc-serialization-failure-handling.html).
_RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})
T = TypeVar("T")


def _is_retryable(exc: sa.exc.DBAPIError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in _RETRYABLE_SQLSTATES


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def to_url(url_or_path: str) -> sa.URL:
    """A SQLAlchemy URL from a path or a URL; ``postgresql://`` gets the psycopg 3 driver."""
    if "://" not in url_or_path:
        return sqlite.path_to_url(url_or_path)
    try:
        url = sa.make_url(url_or_path)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"store: {url_or_path!r} is neither a path nor a database URL") from exc
    if url.drivername in ("postgres", "postgresql"):
        url = url.set(drivername="postgresql+psycopg")  # psycopg2 is not a dependency; psycopg 3 is
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"store: {url.render_as_string()}: only SQLite and PostgreSQL are supported")
    return url


class SqlStore:
    """A :class:`~eventwatch.store.protocol.Store` on a SQLAlchemy engine. Build it with ``open_store``."""

    def __init__(
        self,
        url: sa.URL,
        *,
        busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S,
        query_timeout_s: float | None = None,
        write_attempts: int = DEFAULT_WRITE_ATTEMPTS,
    ) -> None:
        self._where = url.render_as_string(hide_password=True)
        self._write_attempts = max(1, write_attempts)
        self._query_timeout_s = query_timeout_s
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            parent = Path(url.database).parent
            if not parent.is_dir():
                raise StoreError(f"store {self._where}: folder {parent} does not exist; create it first")
        self._engine = sa.create_engine(url)
        if url.get_backend_name() == "sqlite":
            sqlite.configure(self._engine, busy_timeout_s)
        try:
            with self._errors("cannot open or migrate"), self._writing() as conn:
                self.schema_version = _migrate.migrate(conn, self._where)
        except StoreError:
            self._engine.dispose()  # no half-open store: the caller never gets an object to close
            raise

    @contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        try:
            yield
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"store {self._where}: {what}: {_first_line(exc)}") from exc

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        """A connection in a write transaction, committed on success and rolled back on any error."""
        with self._engine.connect() as conn:
            conn.execution_options(**{sqlite.BEGIN_MODE: "IMMEDIATE"})
            with conn.begin():
                yield conn

    @contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        """A read transaction; each statement is interrupted past ``query_timeout_s`` (QueryTimeoutError)."""
        with (
            self._errors("query failed"),
            self._engine.connect() as conn,
            conn.begin(),
            _query.time_limit(conn, self._query_timeout_s),
        ):
            yield conn

    def save(self, analysis: Analysis) -> SaveOutcome:
        art = analysis.article
        _write.check_spans(analysis)
        now = datetime.now(UTC).isoformat(timespec="microseconds")
        failed = f"article {art.id} ({art.origin}) not stored, transaction rolled back"
        with self._errors(failed):
            outcome = self._write_retrying(analysis, now)
        log.debug("store %s: article %s %s", self._where, art.id, outcome)
        return outcome

    def save_many(self, analyses: Sequence[Analysis]) -> list[SaveOutcome | StoreError]:
        """Store a batch of articles in one transaction; each article stays all-or-nothing.

        Per article the same as ``save``: DUPLICATE when already stored, a StoreError in its place when it
        cannot be stored. The batch commits whole; when any write in it fails, the transaction is rolled back
        and each article is saved on its own, so a bad article fails alone and none is lost. (No savepoint per
        article: on PostgreSQL each one is a round trip, which cost more than the commits saved.)
        """
        results: list[SaveOutcome | StoreError | None] = [None] * len(analyses)
        todo: list[int] = []
        for i, analysis in enumerate(analyses):
            try:
                _write.check_spans(analysis)
                todo.append(i)
            except StoreError as exc:
                results[i] = exc
        now = datetime.now(UTC).isoformat(timespec="microseconds")
        written: list[SaveOutcome | StoreError]
        try:
            with self._errors(f"a batch of {len(todo)} articles not stored, transaction rolled back"):
                written = list(self._write_batch_retrying([analyses[i] for i in todo], now))
            for i, outcome in zip(todo, written, strict=True):
                log.debug("store %s: article %s %s", self._where, analyses[i].article.id, outcome)
        except StoreError as exc:
            log.info("%s; storing its articles one by one", exc)
            written = [self._save_or_error(analyses[i]) for i in todo]
        for i, outcome in zip(todo, written, strict=True):
            results[i] = outcome
        return [r for r in results if r is not None]

    def _save_or_error(self, analysis: Analysis) -> SaveOutcome | StoreError:
        try:
            return self.save(analysis)
        except StoreError as exc:
            return exc

    def _write_batch_retrying(self, analyses: Sequence[Analysis], now: str) -> list[SaveOutcome]:
        return self._retrying(
            lambda conn: [_write.write_analysis(conn, analysis, now) for analysis in analyses],
            f"batch of {len(analyses)}",
        )

    def _write_retrying(self, analysis: Analysis, now: str) -> SaveOutcome:
        return self._retrying(lambda conn: _write.write_analysis(conn, analysis, now), f"article {analysis.article.id}")

    def _retrying(self, write: Callable[[sa.Connection], T], what: str) -> T:
        """Run ``write`` in a write transaction, again (after a short, growing pause) when it lost a deadlock."""
        for attempt in range(1, self._write_attempts + 1):
            try:
                with self._writing() as conn:
                    return write(conn)
            except sa.exc.DBAPIError as exc:
                if attempt == self._write_attempts or not _is_retryable(exc):
                    raise
                log.info("store %s: %s: %s; retrying", self._where, what, _first_line(exc))
                time.sleep(0.01 * 2**attempt)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def has_article(self, article_id: str) -> bool:
        a = schema.articles
        with self._reading() as conn:
            return conn.scalar(sa.select(a.c.id).where(a.c.id == article_id)) is not None

    def counts(self) -> StoreCounts:
        with self._reading() as conn:
            return _read.counts(conn)

    def query_events(self, filters: EventFilters) -> list[EventRow]:
        with self._reading() as conn:
            return _read.query_events(conn, filters)

    def get_event(self, event_id: str) -> EventDetail | None:
        with self._reading() as conn:
            return _read.get_event(conn, event_id)

    def fuse_events(self, plan: _fusion.PlanFn, summarize: _fusion.SummarizeFn, windows: _fusion.WindowsFn) -> int:
        now = datetime.now(UTC).isoformat(timespec="microseconds")
        with self._errors("cross-article fusion failed, transaction rolled back"), self._writing() as conn:
            n = _fusion.fuse(conn, plan, summarize, windows, now)
        log.debug("store %s: fused %d event mentions", self._where, n)
        return n

    def list_articles(self, limit: int, after_id: str | None = None) -> list[ArticleRow]:
        with self._reading() as conn:
            return _query.list_articles(conn, limit, after_id)

    def get_article(self, article_id: str) -> ArticleDetail | None:
        with self._reading() as conn:
            return _query.get_article(conn, article_id)

    def list_sources(self, limit: int, after_id: str | None = None) -> list[SourceRow]:
        with self._reading() as conn:
            return _query.list_sources(conn, limit, after_id)

    def get_source(self, source_id: str, max_claims: int) -> SourceDetail | None:
        with self._reading() as conn:
            return _query.get_source(conn, source_id, max_claims)

    def iter_articles(self) -> Iterator[Article]:
        with self._errors("reading articles failed"):
            yield from _read.iter_articles(self._engine)

    def connection_settings(self) -> dict[str, object]:
        """A connection's settings: SQLite pragmas (``journal_mode``, ``foreign_keys``, ...); {} otherwise."""
        if self._engine.dialect.name != "sqlite":
            return {}
        with self._reading() as conn:
            return sqlite.read_pragmas(conn)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open_store(
    url_or_path: str,
    *,
    busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S,
    query_timeout_s: float | None = None,
    write_attempts: int = DEFAULT_WRITE_ATTEMPTS,
) -> SqlStore:
    """Open (creating and migrating when needed) the store at a path, ``sqlite:///`` or ``postgresql://`` URL.

    ``query_timeout_s`` limits each read statement (None: no limit); a write that loses a deadlock is tried
    up to ``write_attempts`` times. Raises StoreError when it cannot be opened or its schema is newer than
    this code.
    """
    return SqlStore(
        to_url(url_or_path),
        busy_timeout_s=busy_timeout_s,
        query_timeout_s=query_timeout_s,
        write_attempts=write_attempts,
    )
