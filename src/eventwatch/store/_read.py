"""Queries over a store. Values reach SQL only as bound parameters."""

from __future__ import annotations

import dataclasses
import json
import math
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa

from eventwatch.records import Article, Status
from eventwatch.store import _fusion, _query
from eventwatch.store import schema as s
from eventwatch.store.rows import (
    ClaimRow,
    EventDetail,
    EventFilters,
    EventRow,
    MentionDetail,
    PlaceRow,
    StoreCounts,
)

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG), the usual haversine constant
KM_PER_DEGREE_LAT = 111.32


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def counts(conn: sa.Connection) -> StoreCounts:
    def n(table: sa.Table, *where: sa.ColumnElement[bool]) -> int:
        return int(conn.scalar(sa.select(sa.func.count()).select_from(table).where(*where)) or 0)

    e = s.events
    by_plover = conn.execute(sa.select(e.c.plover, sa.func.count()).group_by(e.c.plover)).all()
    return StoreCounts(
        articles=n(s.articles),
        sentences=n(s.sentences),
        events=n(e),
        event_mentions=n(s.event_mentions),
        claims=n(s.claims),
        sources=n(s.sources),
        places=n(s.places),
        contested_events=n(e, e.c.status == Status.CONTESTED),
        events_by_type={str(p): int(c) for p, c in by_plover},
    )


def _near_box(lat: float, lon: float, km: float) -> sa.ColumnElement[bool]:
    """A latitude/longitude box containing every point within ``km`` (cheap, index-friendly prefilter)."""
    e = s.events
    dlat = km / KM_PER_DEGREE_LAT
    box = e.c.latitude.between(lat - dlat, lat + dlat)
    if abs(lat) + dlat >= 90.0:
        return box  # the circle reaches a pole: every longitude can be within reach
    dlon = dlat / math.cos(math.radians(abs(lat) + dlat))
    if dlon >= 180.0:
        return box
    lo, hi = lon - dlon, lon + dlon
    if lo < -180.0:  # the box crosses the antimeridian: two longitude ranges
        return box & ((e.c.longitude >= lo + 360.0) | (e.c.longitude <= hi))
    if hi > 180.0:
        return box & ((e.c.longitude >= lo) | (e.c.longitude <= hi - 360.0))
    return box & e.c.longitude.between(lo, hi)


# EventRow fields that are not ``events`` columns come from the event's mentions.
_EVENT_DERIVED = {name: _query.first_mention_value(s.event_mentions.c[name]) for name in ("acled", "summary")}
_EVENT_FIELDS = [f.name for f in dataclasses.fields(EventRow) if f.name in s.events.c or f.name in _EVENT_DERIVED]
_EVENT_COLS = [s.events.c[n] if n in s.events.c else _EVENT_DERIVED[n].label(n) for n in _EVENT_FIELDS]


def _event_row(r: sa.Row[Any]) -> EventRow:
    return EventRow(**{k: getattr(r, k) for k in _EVENT_FIELDS})


def query_events(conn: sa.Connection, f: EventFilters) -> list[EventRow]:
    e = s.events
    values = (f.since, f.until, f.plover, f.country, f.status, f.after_id)
    extra = _query.event_conditions(f, conn.dialect.name)  # bbox, ACLED type, actor, text
    if extra is None or any(isinstance(v, str) and "\x00" in v for v in values):
        # No stored code or date holds NUL, and PostgreSQL rejects NUL in a text parameter outright.
        return []
    where: list[sa.ColumnElement[bool]] = list(extra)
    if f.since is not None:
        where.append(e.c.date >= f.since)
    if f.until is not None:
        where.append(e.c.date <= f.until)
    if f.plover is not None:
        where.append(e.c.plover == f.plover)
    if f.country is not None:
        where.append(e.c.country == f.country)
    if f.status is not None:
        where.append(e.c.status == f.status)
    if f.contested is not None:
        where.append((e.c.status == Status.CONTESTED) if f.contested else (e.c.status != Status.CONTESTED))
    if f.near is not None:
        where.append(_near_box(*f.near))
    out: list[EventRow] = []
    cursor = f.after_id
    # The haversine test runs in Python after the box prefilter, so a page may come back short of the
    # limit: keep reading pages by id until it is full or the table is exhausted.
    while len(out) < f.limit:
        page_where = [*where, e.c.id > cursor] if cursor is not None else where
        # Pick the page's ids first, then read their columns: the columns taken from mentions are subqueries,
        # and SQLite would otherwise compute them for every matching row before sorting and cutting the page.
        page_ids = sa.select(e.c.id).where(*page_where).order_by(e.c.id).limit(f.limit).scalar_subquery()
        page = conn.execute(sa.select(*_EVENT_COLS).where(e.c.id.in_(page_ids)).order_by(e.c.id)).all()
        for r in page:
            if f.near is None or haversine_km(f.near[0], f.near[1], r.latitude, r.longitude) <= f.near[2]:
                out.append(_event_row(r))
        if len(page) < f.limit:
            break
        cursor = page[-1].id
    return out[: f.limit]


def _places(conn: sa.Connection, mention_ids: list[str]) -> dict[str, list[PlaceRow]]:
    p = s.places
    cols = [p.c.event_mention_id, p.c.name, p.c.start, p.c.end, p.c.geonameid, p.c.resolved_name]
    cols += [p.c.latitude, p.c.longitude, p.c.country, p.c.admin1, p.c.admin2, p.c.precision]
    cols += [p.c.qualifier, p.c.rule, p.c.is_approximate]
    by_mention: dict[str, list[PlaceRow]] = defaultdict(list)
    for r in conn.execute(sa.select(*cols).where(p.c.event_mention_id.in_(mention_ids)).order_by(p.c.idx)):
        by_mention[r.event_mention_id].append(PlaceRow(*r[1:]))
    return by_mention


def _cue_in_evidence(cs: int | None, ce: int | None, es: int, ee: int) -> tuple[int, int] | None:
    if cs is None or ce is None or not es <= cs <= ce <= ee:
        return None
    return cs - es, ce - es


def _claims(conn: sa.Connection, mention_ids: list[str], texts: dict[str, str]) -> dict[str, list[ClaimRow]]:
    c, src, m, v = s.claims, s.sources, s.event_mentions, s.claim_via
    via: dict[str, list[str]] = defaultdict(list)
    rows = conn.execute(
        sa.select(v.c.claim_id, src.c.name)
        .join_from(v, src, v.c.source_id == src.c.id)
        .join(c, v.c.claim_id == c.c.id)
        .where(c.c.event_mention_id.in_(mention_ids))
        .order_by(v.c.claim_id, v.c.position)
    )
    for claim_id, name in rows:
        via[claim_id].append(name)
    out: dict[str, list[ClaimRow]] = defaultdict(list)
    rows = conn.execute(
        sa.select(c, src.c.name, src.c.kind, src.c.country, m.c.article_id)
        .join_from(c, src, c.c.source_id == src.c.id)
        .join(m, c.c.event_mention_id == m.c.id)
        .where(c.c.event_mention_id.in_(mention_ids))
        .order_by(c.c.event_mention_id, c.c.idx)
    )
    for r in rows:
        cue_in = _cue_in_evidence(r.cue_start, r.cue_end, r.evidence_start, r.evidence_end)
        out[r.event_mention_id].append(
            ClaimRow(
                id=r.id,
                event_mention_id=r.event_mention_id,
                source_id=r.source_id,
                source_name=r.name,
                source_kind=r.kind,
                source_country=r.country,
                source_text=r.source_text,
                via=tuple(via[r.id]),
                stance=r.stance,
                is_hedged=r.is_hedged,
                hedge=r.hedge,
                cue=r.cue,
                cue_start=r.cue_start,
                cue_end=r.cue_end,
                cue_start_in_evidence=cue_in[0] if cue_in else None,
                cue_end_in_evidence=cue_in[1] if cue_in else None,
                evidence_start=r.evidence_start,
                evidence_end=r.evidence_end,
                evidence_text=texts[r.article_id][r.evidence_start : r.evidence_end],
                about=r.about,
            )
        )
    return out


def get_event(conn: sa.Connection, event_id: str) -> EventDetail | None:
    if "\x00" in event_id:
        return None  # no id holds NUL, and PostgreSQL rejects NUL in a text parameter outright
    e, m, a = s.events, s.event_mentions, s.articles
    row = conn.execute(sa.select(*_EVENT_COLS).where(e.c.id == event_id)).first()
    if row is None:
        # An id merged into another event by cross-article fusion still finds the event it became.
        merged_into = _fusion.resolve_alias(conn, event_id)
        return get_event(conn, merged_into) if merged_into is not None else None
    mentions = conn.execute(
        sa.select(m, a.c.title, a.c.url)
        .join_from(m, a, m.c.article_id == a.c.id)
        .where(m.c.event_id == event_id)
        .order_by(a.c.ingested_at, m.c.article_id, m.c.sentence_idx, m.c.id)
    ).all()
    ids = [r.id for r in mentions]
    # Evidence is sliced here from the stored text, never stored twice.
    article_ids = {r.article_id for r in mentions}
    texts = {i: t for i, t in conn.execute(sa.select(a.c.id, a.c.text).where(a.c.id.in_(article_ids)))}
    claims, places = _claims(conn, ids, texts), _places(conn, ids)
    details = []
    for r in mentions:
        text = texts[r.article_id]
        details.append(
            MentionDetail(
                id=r.id,
                article_id=r.article_id,
                article_title=r.title,
                article_url=r.url,
                sentence_index=r.sentence_idx,
                plover=r.plover,
                factuality=r.factuality,
                trigger_start=r.trigger_start,
                trigger_end=r.trigger_end,
                trigger_text=text[r.trigger_start : r.trigger_end],
                evidence_start=r.evidence_start,
                evidence_end=r.evidence_end,
                evidence_text=text[r.evidence_start : r.evidence_end],
                date=r.date,
                actor1=r.actor1_name or r.actor1_text,
                actor2=r.actor2_name or r.actor2_text,
                fatalities=r.fatalities,
                injured=r.injured,
                is_contested=r.is_contested,
                is_background=r.is_background,
                summary=r.summary,
                confidence=r.confidence,
                places=tuple(places[r.id]),
                acled=r.acled,
                acled_sub=r.acled_sub,
                cameo=r.cameo,
            )
        )
    all_claims = tuple(c for r in mentions for c in claims[r.id])
    detail = EventDetail(event=_event_row(row), mentions=tuple(details), claims=all_claims)
    return _fusion.with_fusion(conn, detail)


def iter_articles(engine: sa.Engine, batch: int = 200) -> Iterator[Article]:
    """Every stored article in id order, read in short transactions (a long read would pin the WAL)."""
    a = s.articles
    cols = [a.c.id, a.c.content_hash, a.c.text, a.c.title, a.c.url, a.c.published, a.c.outlet]
    cols += [a.c.ext_id, a.c.origin, a.c.language, a.c.removed_residue]
    last: str | None = None
    while True:
        q = sa.select(*cols).order_by(a.c.id).limit(batch)
        if last is not None:
            q = q.where(a.c.id > last)
        with engine.connect() as conn:
            rows = conn.execute(q).all()
        for r in rows:
            fields = r._asdict()
            fields["removed_residue"] = tuple(json.loads(r.removed_residue))
            yield Article(**fields)
        if len(rows) < batch:
            return
        last = rows[-1].id
