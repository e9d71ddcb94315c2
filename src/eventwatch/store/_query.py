"""Read queries the API needs beyond the pipeline's: event filters on mentions, articles, sources, time limits.

Values reach SQL only as bound parameters; text matches escape LIKE wildcards so ``%`` and ``_`` in a query
are literal characters.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

from eventwatch.errors import QueryTimeoutError
from eventwatch.store import schema as s
from eventwatch.store.rows import (
    ArticleDetail,
    ArticleRow,
    ClaimRow,
    EventFilters,
    SourceClaim,
    SourceDetail,
    SourceRow,
)

# SQLite calls the progress handler every this many virtual-machine instructions; Datasette's
# sqlite_timelimit uses 1000 too: often enough to stop within a millisecond, rare enough to cost nothing.
_SQLITE_PROGRESS_STEPS = 1000
_PG_QUERY_CANCELED = "57014"  # SQLSTATE of a statement stopped by statement_timeout


@contextmanager
def time_limit(conn: sa.Connection, timeout_s: float | None) -> Iterator[None]:
    """Interrupt every statement run on ``conn`` in this block once ``timeout_s`` seconds have passed.

    SQLite: a progress handler that aborts the statement after the deadline (like Datasette's
    ``sqlite_timelimit``). PostgreSQL: ``SET LOCAL statement_timeout`` for the current transaction (each
    statement gets the whole limit). Raises QueryTimeoutError when a statement is interrupted.
    """
    if timeout_s is None:
        yield
        return
    dialect = conn.dialect.name
    raw = conn.connection.driver_connection
    if dialect == "sqlite":
        deadline = time.monotonic() + timeout_s
        raw.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, _SQLITE_PROGRESS_STEPS)  # type: ignore[union-attr]
    elif dialect == "postgresql":
        # An int from our own setting, formatted by us: SET does not take bound parameters.
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {max(1, int(timeout_s * 1000))}")
    try:
        yield
    except sa.exc.OperationalError as exc:
        orig = exc.orig
        interrupted = str(orig) == "interrupted" or getattr(orig, "sqlstate", None) == _PG_QUERY_CANCELED
        if interrupted:
            raise QueryTimeoutError(f"store: query stopped after its time limit of {timeout_s} s") from exc
        raise
    finally:
        if dialect == "sqlite":
            raw.set_progress_handler(None, _SQLITE_PROGRESS_STEPS)  # type: ignore[union-attr]


def _has_nul(*values: object) -> bool:
    return any(isinstance(v, str) and "\x00" in v for v in values)


def fill_mention_texts(conn: sa.Connection, article_id: str | None = None) -> None:
    """Copy the searchable texts of the article's event mentions (every article's: None) into ``mention_texts``.

    One row per text: the main evidence span, the summary, each claim's evidence span, each actor's surface text
    and resolved name (each distinct value once). The caller owns the transaction; the index (FTS5 on SQLite,
    pg_trgm GIN on PostgreSQL) follows the table by itself.
    """
    if article_id is None:
        conn.execute(_fill_statement(False))
    else:
        conn.execute(_fill_statement(True), {"article_id": article_id})


@functools.cache
def _fill_statement(per_article: bool) -> sa.Insert:
    """The INSERT ... SELECT of :func:`fill_mention_texts`, built once (building it cost more than running it
    for one article); ``per_article`` adds a bound ``article_id`` filter."""
    m, a, c, mt = s.event_mentions, s.articles, s.claims, s.mention_texts
    F = s.SearchField

    def mentions(*cols: sa.ColumnElement[Any]) -> sa.Select[Any]:
        q = sa.select(*cols).join_from(m, a, m.c.article_id == a.c.id)
        return q.where(m.c.article_id == sa.bindparam("article_id")) if per_article else q

    parts = [
        mentions(m.c.id, sa.literal(F.EVIDENCE.value), s.slice_text(a.c.text, m.c.evidence_start, m.c.evidence_end)),
        mentions(m.c.id, sa.literal(F.SUMMARY.value), m.c.summary).where(m.c.summary.is_not(None)),
        mentions(m.c.id, sa.literal(F.CLAIM.value), s.slice_text(a.c.text, c.c.evidence_start, c.c.evidence_end)).join(
            c, c.c.event_mention_id == m.c.id
        ),
    ]
    for col in (m.c.actor1_text, m.c.actor1_name, m.c.actor2_text, m.c.actor2_name):
        parts.append(mentions(m.c.id, sa.literal(F.ACTOR.value), col).where(col.is_not(None), col != ""))
    rows = sa.union(*parts).subquery()  # UNION, not UNION ALL: an actor whose name is its text is one row
    cols = [mt.c.event_mention_id, mt.c.field, mt.c.text]
    return mt.insert().from_select(cols, sa.select(*rows.c).order_by(*rows.c))


# FTS5's trigram tokenizer indexes every 3 characters; a shorter query finds nothing in the index.
_MIN_INDEXED_CHARS = 3
_FTS = sa.table(s.MENTION_TEXTS_FTS, sa.column("rowid"), sa.column(s.MENTION_TEXTS_FTS))


def _fts_phrase(needle: str) -> str:
    """An FTS5 query for ``needle`` as one phrase; with the trigram tokenizer that is a substring match."""
    return '"' + needle.replace('"', '""') + '"'


def mentions_with_text(dialect: str, needle: str, *fields: s.SearchField) -> sa.Select[tuple[str]]:
    """Ids of the event mentions whose ``fields`` texts contain ``needle`` (case-insensitive substring).

    SQLite: the FTS5 trigram index for 3 characters or more, else ``lower() LIKE`` (ASCII case folding) over
    ``mention_texts``. PostgreSQL: ILIKE, which the pg_trgm GIN index answers.
    """
    mt = s.mention_texts
    if dialect == "sqlite" and len(needle) >= _MIN_INDEXED_CHARS:
        rowids = sa.select(_FTS.c.rowid).where(_FTS.c[s.MENTION_TEXTS_FTS].op("MATCH")(_fts_phrase(needle)))
        match: sa.ColumnElement[bool] = mt.c.id.in_(rowids)
    elif dialect == "postgresql":
        escaped = needle.replace("/", "//").replace("%", "/%").replace("_", "/_")
        match = mt.c.text.ilike(f"%{escaped}%", escape="/")
    else:
        match = mt.c.text.icontains(needle, autoescape=True)
    return sa.select(mt.c.event_mention_id).where(match, mt.c.field.in_([f.value for f in fields]))


def event_conditions(f: EventFilters, dialect: str) -> list[sa.ColumnElement[bool]] | None:
    """WHERE conditions on ``events`` for the bbox, ACLED, actor and text filters; None when nothing can match."""
    if _has_nul(f.acled, f.actor, f.text):
        return None  # no stored value holds NUL, and PostgreSQL rejects NUL in a text parameter outright
    e, m = s.events, s.event_mentions
    where: list[sa.ColumnElement[bool]] = []
    if f.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        where.append(e.c.latitude.between(min_lat, max_lat))
        if min_lon <= max_lon:
            where.append(e.c.longitude.between(min_lon, max_lon))
        else:  # RFC 7946 §5.2: a box whose west edge is east of its east edge crosses the antimeridian
            where.append((e.c.longitude >= min_lon) | (e.c.longitude <= max_lon))
    # Every mention condition holds for one and the same mention of the event.
    mention_where: list[sa.ColumnElement[bool]] = []
    if f.acled is not None:
        mention_where.append(m.c.acled == f.acled)
    if f.actor is not None:
        mention_where.append(m.c.id.in_(mentions_with_text(dialect, f.actor, s.SearchField.ACTOR)))
    if f.text is not None:
        fields = (s.SearchField.EVIDENCE, s.SearchField.SUMMARY, s.SearchField.CLAIM)
        mention_where.append(m.c.id.in_(mentions_with_text(dialect, f.text, *fields)))
    if mention_where:
        # IN rather than a correlated EXISTS: the index finds the few matching mentions first, instead of
        # testing every event's mentions in id order until the page is full.
        where.append(e.c.id.in_(sa.select(m.c.event_id).where(*mention_where)))
    return where


def first_mention_value(column: sa.Column[str]) -> sa.ScalarSelect[str]:
    """The value of a mention column for each event: its first mention (by id) where it is not null."""
    m = s.event_mentions
    return (
        sa.select(column)
        .where(m.c.event_id == s.events.c.id, column.is_not(None))
        .order_by(m.c.id)
        .limit(1)
        .scalar_subquery()
    )


_ARTICLE_COLS = [s.articles.c[name] for name in ("id", "title", "url", "published", "outlet", "language")]
_ARTICLE_COLS.append(s.articles.c.ingested_at)


def list_articles(conn: sa.Connection, limit: int, after_id: str | None) -> list[ArticleRow]:
    """Stored articles ordered by id, at most ``limit``, after ``after_id`` (the keyset cursor)."""
    if _has_nul(after_id):
        return []
    a = s.articles
    q = sa.select(*_ARTICLE_COLS).order_by(a.c.id).limit(limit)
    if after_id is not None:
        q = q.where(a.c.id > after_id)
    return [ArticleRow(*r) for r in conn.execute(q)]


def get_article(conn: sa.Connection, article_id: str) -> ArticleDetail | None:
    if _has_nul(article_id):
        return None
    a, m = s.articles, s.event_mentions
    row = conn.execute(sa.select(*_ARTICLE_COLS, a.c.text).where(a.c.id == article_id)).first()
    if row is None:
        return None
    events = conn.scalars(
        sa.select(m.c.event_id).where(m.c.article_id == article_id, m.c.event_id.is_not(None)).distinct()
    )
    return ArticleDetail(ArticleRow(*row[:-1]), row.text, tuple(sorted(events)))


def _source_rows(conn: sa.Connection, where: list[sa.ColumnElement[bool]], limit: int) -> list[SourceRow]:
    src, c = s.sources, s.claims
    n_claims = sa.select(sa.func.count()).where(c.c.source_id == src.c.id).scalar_subquery()
    q = sa.select(src.c.id, src.c.name, src.c.kind, src.c.country, src.c.affiliation, n_claims)
    return [SourceRow(*r) for r in conn.execute(q.where(*where).order_by(src.c.id).limit(limit))]


def list_sources(conn: sa.Connection, limit: int, after_id: str | None) -> list[SourceRow]:
    """Distinct sources ordered by id with their claim counts, at most ``limit``, after ``after_id``."""
    if _has_nul(after_id):
        return []
    return _source_rows(conn, [s.sources.c.id > after_id] if after_id is not None else [], limit)


def get_source(conn: sa.Connection, source_id: str, max_claims: int) -> SourceDetail | None:
    """The source and at most ``max_claims`` of its claims, each with its article and fused event."""
    from eventwatch.store import _read  # the claim rows are built the same way as for an event

    if _has_nul(source_id):
        return None
    rows = _source_rows(conn, [s.sources.c.id == source_id], 1)
    if not rows:
        return None
    c, m, a = s.claims, s.event_mentions, s.articles
    picked = conn.execute(
        sa.select(c.c.id, m.c.id.label("mention_id"), m.c.event_id, m.c.article_id)
        .join_from(c, m, c.c.event_mention_id == m.c.id)
        .where(c.c.source_id == source_id)
        .order_by(m.c.article_id, m.c.id, c.c.idx)
        .limit(max_claims)
    ).all()
    mention_ids = sorted({r.mention_id for r in picked})
    article_ids = {r.article_id for r in picked}
    texts = {i: t for i, t in conn.execute(sa.select(a.c.id, a.c.text).where(a.c.id.in_(article_ids)))}
    by_id: dict[str, ClaimRow] = {
        claim.id: claim for claims in _read._claims(conn, mention_ids, texts).values() for claim in claims
    }
    out = tuple(SourceClaim(r.event_id, r.article_id, by_id[r.id]) for r in picked)
    return SourceDetail(rows[0], out)
