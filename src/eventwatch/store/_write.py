"""Turn one :class:`Analysis` into rows and write them in the caller's transaction.

Row ids not given by the records are derived from content (sha1 of the fields that identify the row), so
the same analysis always produces the same rows.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from eventwatch.errors import StoreError
from eventwatch.records import Actor, Analysis, Claim, EventMention, Place, Source, Span
from eventwatch.store import _query
from eventwatch.store import schema as s
from eventwatch.store.rows import SaveOutcome

Row = dict[str, Any]


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


def source_name(source: Source) -> str:
    return " ".join((source.name or source.text).split())


def source_id(source: Source) -> str:
    """One id per distinct source: its kind plus its name, case and spacing folded."""
    return _digest(source.kind, source_name(source).casefold())


def _span_cols(span: Span | None, prefix: str = "") -> Row:
    return {f"{prefix}start": span.start if span else None, f"{prefix}end": span.end if span else None}


def _spans(analysis: Analysis) -> Iterator[tuple[str, Span]]:
    for sent in analysis.parsed.sentences:
        yield f"sentence {sent.index}", sent.span
    for place in analysis.places:
        if place.span:
            yield f"place {place.name!r}", place.span
    for m in analysis.event_mentions:
        what = f"event mention {m.id}"
        yield what, m.trigger
        yield from ((what, e) for e in m.evidence)
        yield from ((what, a.span) for a in (m.actor1, m.actor2) if a and a.span)
        yield from ((what, c.span) for c in m.casualties)
        yield from ((what, p.span) for p in m.locations if p.span)
        for claim in m.claims:
            yield what, claim.evidence
            if claim.cue_span:
                yield what, claim.cue_span
            yield from ((what, src.span) for src in _chain(claim.source, include_self=True) if src.span)


def check_spans(analysis: Analysis) -> None:
    """Raise StoreError when an offset points past the article text (the views would slice garbage)."""
    n = len(analysis.article.text)
    for what, span in _spans(analysis):
        if span.end > n:
            raise StoreError(
                f"store: article {analysis.article.id}: {what} span [{span.start}, {span.end}) "
                f"is past the text end ({n}); not stored"
            )
    if any(not m.evidence for m in analysis.event_mentions):
        raise StoreError(f"store: article {analysis.article.id}: an event mention has no evidence; not stored")


def _chain(source: Source, *, include_self: bool = False) -> Iterator[Source]:
    """The source (optionally) and its relays, nearest first, depth first."""
    if include_self:
        yield source
    for relay in source.via:
        yield from _chain(relay, include_self=True)


def _actor_cols(actor: Actor | None, n: int) -> Row:
    p = f"actor{n}_"
    a = actor or Actor(text="")
    return {
        p + "text": actor.text if actor else None,
        **_span_cols(a.span, p),
        p + "name": a.name,
        p + "country": a.country,
        p + "sector": a.sector,
    }


def _place_row(place: Place, article_id: str, mention_id: str | None, idx: int) -> Row:
    return {
        "id": _digest(article_id, mention_id, idx, place.name),
        "article_id": article_id,
        "event_mention_id": mention_id,
        "idx": idx,
        "name": place.name,
        **_span_cols(place.span),
        "geonameid": place.geonameid,
        "resolved_name": place.resolved_name,
        "latitude": place.lat,
        "longitude": place.lon,
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "feature_code": place.feature_code,
        "precision": place.precision,
        "qualifier": place.qualifier,
        "rule": place.rule,
        "is_approximate": place.is_approximate,
    }


def _mention_row(m: EventMention, event_id: str | None) -> Row:
    main = m.locations[0] if m.locations else None
    return {
        "id": m.id,
        "article_id": m.article_id,
        "event_id": event_id,
        "sentence_idx": m.sentence_index,
        **_span_cols(m.evidence[0], "evidence_"),
        "evidence_spans": json.dumps([[e.start, e.end] for e in m.evidence]),
        **_span_cols(m.trigger, "trigger_"),
        "plover": m.plover,
        "mode": m.mode,
        "acled": m.acled,
        "acled_sub": m.acled_sub,
        "cameo": m.cameo,
        **_actor_cols(m.actor1, 1),
        **_actor_cols(m.actor2, 2),
        "date": m.date,
        "date_precision": m.date_precision,
        "fatalities": m.fatalities,
        "injured": m.injured,
        "factuality": m.factuality,
        "is_contested": m.is_contested,
        "is_background": m.is_background,
        "summary": m.summary,
        "confidence": m.confidence,
        "latitude": main.lat if main else None,
        "longitude": main.lon if main else None,
    }


def _claim_rows(m: EventMention, idx: int, claim: Claim, tables: dict[str, list[Row]]) -> None:
    sid = source_id(claim.source)
    claim_id = _digest(m.id, idx, sid, claim.stance, claim.evidence.start, claim.evidence.end)
    origin = ([claim.source, *_chain(claim.source)])[-1]  # the last relay ("via Reuters"), else the source
    tables["claims"].append(
        {
            "id": claim_id,
            "event_mention_id": m.id,
            "idx": idx,
            "source_id": sid,
            "source_text": claim.source.text,
            **_span_cols(claim.source.span, "source_"),
            "stance": claim.stance,
            "is_hedged": claim.is_hedged,
            "hedge": claim.hedge,
            "cue": claim.cue,
            **_span_cols(claim.cue_span, "cue_"),
            **_span_cols(claim.evidence, "evidence_"),
            "about": claim.about,
            "origin_country": origin.country,
            "origin_affiliation": origin.affiliation,
        }
    )
    for src in _chain(claim.source, include_self=True):
        tables["sources"].append(
            {
                "id": source_id(src),
                "name": source_name(src),
                "kind": src.kind,
                "country": src.country,
                "affiliation": src.affiliation,
            }
        )
    for pos, relay in enumerate(_chain(claim.source)):
        tables["claim_via"].append(
            {"claim_id": claim_id, "position": pos, "source_id": source_id(relay), "text": relay.text}
            | _span_cols(relay.span)
        )


def build_rows(analysis: Analysis, now: str) -> dict[str, list[Row]]:
    """Every row of the analysis, keyed by table name, in an order foreign keys allow."""
    art = analysis.article
    t: dict[str, list[Row]] = {n: [] for n in ("sources", "events", "event_mentions", "casualties")}
    t |= {n: [] for n in ("claims", "claim_via", "places")}
    event_of: dict[str, str] = {}
    for ev in analysis.events:
        for mid in ev.mention_ids:
            event_of.setdefault(mid, ev.id)
        loc = ev.location
        t["events"].append(
            {
                "id": ev.id,
                "plover": ev.plover,
                "status": ev.status,
                "date": ev.date,
                "latitude": loc.lat if loc else None,
                "longitude": loc.lon if loc else None,
                "place_name": (loc.resolved_name or loc.name) if loc else None,
                "geonameid": loc.geonameid if loc else None,
                "country": loc.country if loc else None,
                "admin1": loc.admin1 if loc else None,
                "precision": loc.precision if loc else None,
                "confidence": ev.confidence,
                "first_seen": now,
                "n_mentions": 0,  # recounted after the mentions are written
                "n_articles": 0,
            }
        )
    for m in analysis.event_mentions:
        t["event_mentions"].append(_mention_row(m, event_of.get(m.id)))
        for i, c in enumerate(m.casualties):
            t["casualties"].append(
                {"event_mention_id": m.id, "idx": i, "kind": c.kind, "low": c.low, "high": c.high}
                | {"best": c.best, "source": c.source}
                | _span_cols(c.span)
            )
        for i, claim in enumerate(m.claims):
            _claim_rows(m, i, claim, t)
        t["places"] += [_place_row(p, art.id, m.id, i) for i, p in enumerate(m.locations)]
    t["places"] += [_place_row(p, art.id, None, i) for i, p in enumerate(analysis.places)]
    return t


def _insert(conn: sa.Connection, table: sa.Table) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT (same syntax on SQLite and PostgreSQL)."""
    return _dialect_insert(conn.dialect.name, table)


def _dialect_insert(dialect: str, table: sa.Table) -> Any:
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def write_analysis(conn: sa.Connection, analysis: Analysis, now: str) -> SaveOutcome:
    """Write the analysis unless its article is already stored; the caller owns the transaction.

    Safe against a concurrent writer of the same article: the article row goes in first with ON CONFLICT
    DO NOTHING (on ``id`` and ``content_hash``). On PostgreSQL a second transaction inserting the same
    article waits for the first and then inserts nothing; on SQLite writers are serialized by BEGIN
    IMMEDIATE. Either way exactly one of them stores the article and the other gets DUPLICATE.
    """
    art = analysis.article
    a = s.articles
    inserted = conn.execute(
        _insert(conn, a)
        .values(
            id=art.id,
            content_hash=art.content_hash,
            url=art.url,
            title=art.title,
            published=art.published,
            outlet=art.outlet,
            ext_id=art.ext_id,
            origin=art.origin,
            language=art.language,
            text=art.text,
            removed_residue=json.dumps(list(art.removed_residue), ensure_ascii=False),
            ingested_at=now,
            headline_overstates=analysis.headline_overstates,
        )
        .on_conflict_do_nothing()
        .returning(a.c.id)  # not rowcount: SQLAlchemy with psycopg 3 reports -1 whether or not a row went in
    ).first()
    if inserted is None:
        existing = conn.execute(
            sa.select(a.c.id, a.c.url).where((a.c.id == art.id) | (a.c.content_hash == art.content_hash))
        ).first()
        if existing is None:  # the conflicting row vanished: only a concurrent delete does that
            raise StoreError(f"store: article {art.id}: conflicting row disappeared during the write")
        if art.url and art.url != existing.url:
            row = {"article_id": existing.id, "url": art.url, "origin": art.origin, "seen_at": now}
            conn.execute(_insert(conn, s.article_urls).values(row).on_conflict_do_nothing())
        return SaveOutcome.DUPLICATE
    sents = [
        {"article_id": art.id, "idx": x.index, "paragraph": x.paragraph, **_span_cols(x.span)}
        for x in analysis.parsed.sentences
    ]
    if sents:
        conn.execute(s.sentences.insert(), sents)
    rows = build_rows(analysis, now)
    _upsert_sources(conn, rows.pop("sources"))
    _upsert_events(conn, rows.pop("events"))
    for name, table_rows in rows.items():
        if table_rows:
            conn.execute(s.metadata.tables[name].insert(), table_rows)
    _query.fill_mention_texts(conn, art.id)  # what the API's text and actor filters search
    _recount_events(conn, art.id)
    return SaveOutcome.STORED


# A source's name, country and affiliation are the smallest non-empty value any mention gave (codepoint
# order). Unlike "first writer wins", that does not depend on which article was stored first, so parallel
# workers and a single run store the same row. Columns compared byte-wise on both engines.
_SOURCE_MERGED = ("name", "country", "affiliation")
_BYTEWISE = {"postgresql": "C", "sqlite": "BINARY"}


def _smaller(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else min(a, b)


def _smaller_sql(dialect: str, stored: Any, new: Any) -> Any:
    """SQL for ``_smaller(stored, new)``."""
    collation = _BYTEWISE[dialect]
    return sa.case(
        (stored.is_(None), new),
        (new.is_(None), stored),
        (sa.collate(new, collation) < sa.collate(stored, collation), new),
        else_=stored,
    )


def _upsert_sources(conn: sa.Connection, rows: list[Row]) -> None:
    """One row per source; each mention may fill in or lower (see above) its name, country, affiliation."""
    merged: dict[str, Row] = {}
    for row in rows:
        seen = merged.setdefault(row["id"], dict(row))
        for col in _SOURCE_MERGED:
            seen[col] = _smaller(seen[col], row[col])
    # Rows shared between articles are locked in id order, so two concurrent writers never deadlock on them
    # (executemany runs the rows in list order).
    ordered = sorted(merged.values(), key=lambda r: str(r["id"]))
    for keys, group in _by_keys(ordered):
        conn.execute(_source_upsert(conn.dialect.name, keys), group)


def _upsert_events(conn: sa.Connection, rows: list[Row]) -> None:
    """Insert fused events; an event id seen before (fused across articles) takes the newest description."""
    ordered = sorted(rows, key=lambda r: str(r["id"]))  # id order: see _upsert_sources
    for keys, group in _by_keys(ordered):
        conn.execute(_event_upsert(conn.dialect.name, keys), group)


def _by_keys(rows: list[Row]) -> Iterator[tuple[tuple[str, ...], list[Row]]]:
    """Runs of consecutive rows with the same columns (one executemany each), order kept."""
    run: list[Row] = []
    keys: tuple[str, ...] = ()
    for row in rows:
        row_keys = tuple(sorted(row))
        if run and row_keys != keys:
            yield keys, run
            run = []
        keys = row_keys
        run.append(row)
    if run:
        yield keys, run


# Upserts are built once per dialect and column set: building one cost more than running it.
@functools.cache
def _source_upsert(dialect: str, keys: tuple[str, ...]) -> Any:
    stmt = _dialect_insert(dialect, s.sources)
    return stmt.on_conflict_do_update(
        index_elements=[s.sources.c.id],
        set_={col: _smaller_sql(dialect, s.sources.c[col], stmt.excluded[col]) for col in _SOURCE_MERGED},
    )


@functools.cache
def _event_upsert(dialect: str, keys: tuple[str, ...]) -> Any:
    stmt = _dialect_insert(dialect, s.events)
    keep = {"id", "first_seen", "n_mentions", "n_articles"}
    return stmt.on_conflict_do_update(
        index_elements=[s.events.c.id], set_={k: stmt.excluded[k] for k in keys if k not in keep}
    )


def _recount_events(conn: sa.Connection, article_id: str) -> None:
    """Recount mentions, articles and first sighting of the events this article's mentions belong to."""
    conn.execute(_recount_statement(), {"article_id": article_id})


@functools.cache
def _recount_statement() -> sa.Update:
    """The UPDATE of :func:`_recount_events`, built once (its construction cost more than running it)."""
    m, e, a = s.event_mentions, s.events, s.articles
    touched = sa.select(m.c.event_id).where(m.c.article_id == sa.bindparam("article_id"), m.c.event_id.is_not(None))
    of_event = m.c.event_id == e.c.id
    return (
        e.update()
        .where(e.c.id.in_(touched))
        .values(
            n_mentions=sa.select(sa.func.count()).where(of_event).scalar_subquery(),
            n_articles=sa.select(sa.func.count(sa.distinct(m.c.article_id))).where(of_event).scalar_subquery(),
            first_seen=sa.select(sa.func.min(a.c.ingested_at))
            .join_from(m, a, m.c.article_id == a.c.id)
            .where(of_event)
            .scalar_subquery(),
        )
    )
