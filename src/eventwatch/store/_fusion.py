"""SQL of cross-article fusion: read what fusion needs, write what it decided, resolve merged event ids.

The decisions are made by the fuse stage (``eventwatch.fuse``) through two callbacks, inside ONE write
transaction (:meth:`SqlStore.fuse_events`), so two processes fusing at once serialize instead of both
assigning the same new mentions: SQLite by ``BEGIN IMMEDIATE``, PostgreSQL by a transaction-level advisory lock.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from eventwatch.records import Factuality, Plover, SourceKind, Stance, Status
from eventwatch.store import schema as s
from eventwatch.store.rows import CasualtyBound, ClaimRow, EventDetail, EventSource

_PG_FUSION_LOCK_KEY = 0x66757365  # any constant; the same in every process fusing one database


@dataclass(frozen=True, slots=True)
class FusionMentionRow:
    """One stored event mention as fusion sees it (main place, actors, evidence text, its article)."""

    id: str
    article_id: str
    event_id: str | None  # the event it belongs to now (NULL when stored without an event)
    plover: Plover
    acled: str | None
    evidence_text: str  # the mention's main evidence span
    date: str | None
    date_precision: str | None
    published: str | None  # the article's publication date
    outlet: str | None
    latitude: float | None
    longitude: float | None
    place_name: str | None
    geonameid: int | None
    country: str | None
    admin1: str | None
    precision: str | None
    actor1: str | None
    actor1_country: str | None
    actor2: str | None
    actor2_country: str | None
    actor2_sector: str | None
    factuality: Factuality
    is_contested: bool
    is_background: bool
    fatalities: int | None
    injured: int | None
    confidence: float | None
    first_seen: str  # when its article was stored


@dataclass(frozen=True, slots=True)
class FusionClaimRow:
    """A claim on a mention with its source and the origin of its reporting chain (the last relay)."""

    id: str
    event_mention_id: str
    article_id: str
    outlet: str | None
    source_id: str
    source_name: str
    source_kind: SourceKind
    source_country: str | None
    source_affiliation: str | None
    origin_name: str  # the relay the claim came through last ("via Reuters"), else the source itself
    origin_kind: SourceKind
    origin_country: str | None
    origin_affiliation: str | None
    stance: Stance
    is_hedged: bool
    about: str | None


@dataclass(frozen=True, slots=True)
class FusionCasualtyRow:
    event_mention_id: str
    article_id: str
    outlet: str | None
    kind: str
    low: int | None
    high: int | None
    best: int | None
    source: str | None


@dataclass(frozen=True, slots=True)
class FusedEventInput:
    """Everything stored about one fused event's mentions, for recomputing its record."""

    event_id: str
    mentions: tuple[FusionMentionRow, ...]
    claims: tuple[FusionClaimRow, ...]
    casualties: tuple[FusionCasualtyRow, ...]


@dataclass(frozen=True, slots=True)
class FusedEventUpdate:
    """The fused record of one event: its ``events`` columns, casualty bounds and per-claim verdicts."""

    columns: dict[str, Any]  # events columns (status, date, place, spreads, counts, confidence, ...)
    casualties: tuple[CasualtyBound, ...] = ()
    claims: tuple[tuple[str, Status, str, bool], ...] = ()  # (claim id, status, independence key, independent)


@dataclass(frozen=True, slots=True)
class FusionAssignment:
    """What fusion decided for the neighbourhood of the new mentions: mention -> event for each mention in it,
    old event id -> the event that id now resolves to, and each new mention's merge score."""

    event_of: dict[str, str]
    aliases: dict[str, str] = field(default_factory=dict)
    scores: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CandidateWindows:
    """Which fused mentions a batch of new ones may be compared with, as fusion's blocking sees it (a superset
    it narrows further): those dated within one of ``days`` (ISO first and last day, sorted, not overlapping),
    and those whose evidence opens with one of ``wide_prefixes`` (lowercase) dated from the first window's start
    to ``wide_days`` after the last window's end (references whose own window reaches that far back)."""

    days: tuple[tuple[str, str], ...]
    wide_prefixes: tuple[str, ...] = ()
    wide_days: int = 0

    @property
    def wide_prefix_chars(self) -> int:
        return max((len(p) for p in self.wide_prefixes), default=0)


PlanFn = Callable[[Sequence[FusionMentionRow], Sequence[FusionMentionRow]], FusionAssignment]
WindowsFn = Callable[[Sequence[FusionMentionRow]], CandidateWindows]
SummarizeFn = Callable[[FusedEventInput], FusedEventUpdate]

_m, _a, _p, _e = s.event_mentions, s.articles, s.places, s.events


def _mention_query() -> sa.Select[Any]:
    main_place = _p.alias("main_place")
    return (
        sa.select(
            _m.c.id,
            _m.c.article_id,
            _m.c.event_id,
            _m.c.plover,
            _m.c.acled,
            # the main evidence span (substr counts characters from 1 on both engines)
            sa.func.substr(_a.c.text, _m.c.evidence_start + 1, _m.c.evidence_end - _m.c.evidence_start).label(
                "evidence_text"
            ),
            _m.c.date,
            _m.c.date_precision,
            _a.c.published,
            _a.c.outlet,
            _m.c.latitude,
            _m.c.longitude,
            sa.func.coalesce(main_place.c.resolved_name, main_place.c.name).label("place_name"),
            main_place.c.geonameid,
            main_place.c.country,
            main_place.c.admin1,
            main_place.c.precision,
            sa.func.coalesce(_m.c.actor1_name, _m.c.actor1_text).label("actor1"),
            _m.c.actor1_country,
            sa.func.coalesce(_m.c.actor2_name, _m.c.actor2_text).label("actor2"),
            _m.c.actor2_country,
            _m.c.actor2_sector,
            _m.c.factuality,
            _m.c.is_contested,
            _m.c.is_background,
            _m.c.fatalities,
            _m.c.injured,
            _m.c.confidence,
            _a.c.ingested_at.label("first_seen"),
        )
        .join_from(_m, _a, _m.c.article_id == _a.c.id)
        .outerjoin(main_place, (main_place.c.event_mention_id == _m.c.id) & (main_place.c.idx == 0))
    )


def _rows(conn: sa.Connection, query: sa.Select[Any]) -> list[FusionMentionRow]:
    return [FusionMentionRow(**r._asdict()) for r in conn.execute(query.order_by(_m.c.id))]


def _effective_date() -> sa.ColumnElement[str]:
    return sa.func.coalesce(_m.c.date, _a.c.published)


def _overlaps(eff: sa.ColumnElement[str], first: str, last: str) -> sa.ColumnElement[bool]:
    """Whether an ISO date of any precision (year, month or day; compared as strings, as stored) overlaps the
    days ``[first, last]``: "2016" and "2016-10" sort before "2016-10-03" yet cover it, so they are named outright."""
    return (eff <= last) & ((eff >= first) | eff.in_([first[:4], first[:7]]))


def _candidates(
    conn: sa.Connection, new: Sequence[FusionMentionRow], windows: CandidateWindows
) -> list[FusionMentionRow]:
    """Every mention of the fused events that have a mention of the new mentions' types dated in ``windows``
    (whole events: fusion re-clusters them and must see all their mentions)."""
    fused = sa.select(s.fused_mentions.c.event_mention_id)
    plovers = sorted({str(m.plover) for m in new})
    eff = _effective_date()
    when: list[sa.ColumnElement[bool]] = [_overlaps(eff, first, last) for first, last in windows.days]
    if windows.days and windows.wide_prefixes:
        opening = sa.func.lower(sa.func.substr(_a.c.text, _m.c.evidence_start + 1, windows.wide_prefix_chars))
        is_wide = sa.or_(*(opening.startswith(p) for p in windows.wide_prefixes))
        latest = (date.fromisoformat(windows.days[-1][1]) + timedelta(days=windows.wide_days)).isoformat()
        when.append(is_wide & _overlaps(eff, windows.days[0][0], latest))
    if any(not (m.date or m.published) for m in new):
        when.append(eff.is_(None))
    if not when:
        return []
    near = (
        sa.select(_m.c.event_id)
        .join_from(_m, _a, _m.c.article_id == _a.c.id)
        .where(_m.c.id.in_(fused), _m.c.plover.in_(plovers), sa.or_(*when))
    )
    return _rows(conn, _mention_query().where(_m.c.id.in_(fused), _m.c.event_id.in_(near)))


def _lock(conn: sa.Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_FUSION_LOCK_KEY)))


def _ensure_events(conn: sa.Connection, ids: set[str], by_event: dict[str, FusionMentionRow], now: str) -> set[str]:
    """Create the row of an event named after a mention whose single-article event was merged away before
    (or that was stored without one); returns the ids created, whose records are written with the others."""
    have = set(conn.scalars(sa.select(_e.c.id).where(_e.c.id.in_(sorted(ids)))))
    for event_id in sorted(ids - have):
        r = by_event[event_id]
        values = {"plover": r.plover, "status": Status.SINGLE_SOURCE, "first_seen": r.first_seen or now}
        conn.execute(_e.insert().values(id=event_id, n_mentions=0, n_articles=0, **values))
    return ids - have


# Events per chunk of records: their mention ids go in one IN (...) list, which must stay well under SQLite's
# bound-parameter limit (32,766) even for events with many mentions.
_IN_CHUNK = 200


def _chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    for i in range(0, len(ids), _IN_CHUNK):
        yield list(ids[i : i + _IN_CHUNK])


def _write_records(conn: sa.Connection, event_ids: Sequence[str], summarize: SummarizeFn) -> None:
    """Recompute and write the record of each event in ``event_ids``, reading their mentions, claims and
    casualties with a few queries per chunk of events rather than three per event."""
    for chunk in _chunks(event_ids):
        members: dict[str, list[FusionMentionRow]] = defaultdict(list)
        for r in _rows(conn, _mention_query().where(_m.c.event_id.in_(chunk))):
            members[r.event_id or ""].append(r)
        event_of = {r.id: eid for eid, rs in members.items() for r in rs}
        mention_ids = sorted(event_of)
        claims: dict[str, list[FusionClaimRow]] = defaultdict(list)
        casualties: dict[str, list[FusionCasualtyRow]] = defaultdict(list)
        # One query for the whole chunk keeps each event's claims in the order summarize relies on.
        for c in _claims(conn, mention_ids):
            claims[event_of[c.event_mention_id]].append(c)
        for k in _casualties(conn, mention_ids):
            casualties[event_of[k.event_mention_id]].append(k)
        records = {
            event_id: summarize(
                FusedEventInput(
                    event_id, tuple(ms), tuple(claims.get(event_id, ())), tuple(casualties.get(event_id, ()))
                )
            )
            for event_id in chunk
            if (ms := members.get(event_id))
        }
        _write_record_rows(conn, records)


def _point_aliases(conn: sa.Connection, aliases: dict[str, str], live: set[str], now: str) -> None:
    """Record where each old id now resolves; an id that names an event again is no alias any more.

    Only aliases that are new or point elsewhere are written: the neighbourhood repeats most of them each batch.
    """
    al = s.event_aliases
    live_ids = sorted(live)
    for chunk in _chunks(live_ids):
        conn.execute(al.delete().where(al.c.alias_id.in_(chunk)))
    olds = sorted(aliases)
    stored: dict[str, str] = {}
    for chunk in _chunks(olds):
        stored.update(
            (r.alias_id, r.event_id)
            for r in conn.execute(sa.select(al.c.alias_id, al.c.event_id).where(al.c.alias_id.in_(chunk)))
        )
    for old in olds:
        new = aliases[old]
        if stored.get(old) == new:
            continue
        stmt = _insert(conn, al).values(alias_id=old, event_id=new, merged_at=now)
        conn.execute(stmt.on_conflict_do_update(index_elements=[al.c.alias_id], set_={"event_id": new}))


def _insert(conn: sa.Connection, table: sa.Table) -> Any:
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)


def _claims(conn: sa.Connection, mention_ids: list[str]) -> list[FusionClaimRow]:
    c, src, v = s.claims, s.sources, s.claim_via
    last = sa.select(v.c.claim_id, sa.func.max(v.c.position).label("position")).group_by(v.c.claim_id).subquery()
    origin_via = v.alias("origin_via")
    origin = s.sources.alias("origin")
    rows = conn.execute(
        sa.select(
            c.c.id,
            c.c.event_mention_id,
            _m.c.article_id,
            _a.c.outlet,
            c.c.source_id,
            src.c.name.label("source_name"),
            src.c.kind.label("source_kind"),
            src.c.country.label("source_country"),
            src.c.affiliation.label("source_affiliation"),
            sa.func.coalesce(origin.c.name, src.c.name).label("origin_name"),
            sa.func.coalesce(origin.c.kind, src.c.kind).label("origin_kind"),
            # As the claim's own article gave them, not the shared (order-dependent) sources row.
            c.c.origin_country,
            c.c.origin_affiliation,
            c.c.stance,
            c.c.is_hedged,
            c.c.about,
        )
        .join_from(c, src, c.c.source_id == src.c.id)
        .join(_m, c.c.event_mention_id == _m.c.id)
        .join(_a, _m.c.article_id == _a.c.id)
        .outerjoin(last, last.c.claim_id == c.c.id)
        .outerjoin(origin_via, (origin_via.c.claim_id == c.c.id) & (origin_via.c.position == last.c.position))
        .outerjoin(origin, origin.c.id == origin_via.c.source_id)
        .where(c.c.event_mention_id.in_(mention_ids))
        .order_by(_a.c.ingested_at, c.c.event_mention_id, c.c.idx)
    ).all()
    return [FusionClaimRow(**r._asdict()) for r in rows]


def _casualties(conn: sa.Connection, mention_ids: list[str]) -> list[FusionCasualtyRow]:
    k = s.casualties
    rows = conn.execute(
        sa.select(k.c.event_mention_id, _m.c.article_id, _a.c.outlet, k.c.kind, k.c.low, k.c.high, k.c.best, k.c.source)
        .join_from(k, _m, k.c.event_mention_id == _m.c.id)
        .join(_a, _m.c.article_id == _a.c.id)
        .where(k.c.event_mention_id.in_(mention_ids))
        .order_by(k.c.event_mention_id, k.c.idx)
    ).all()
    return [FusionCasualtyRow(**r._asdict()) for r in rows]


def _write_record_rows(conn: sa.Connection, records: dict[str, FusedEventUpdate]) -> None:
    """Write the records of several events with one statement per table (executemany), not five per event."""
    if not records:
        return
    ids = sorted(records)
    columns = sorted({col for r in records.values() for col in r.columns})
    update = (
        _e.update().where(_e.c.id == sa.bindparam("event_id_")).values({c: sa.bindparam(f"v_{c}") for c in columns})
    )
    conn.execute(
        update, [{"event_id_": eid, **{f"v_{c}": records[eid].columns.get(c) for c in columns}} for eid in ids]
    )
    ec, fc = s.event_casualties, s.fused_claims
    conn.execute(ec.delete().where(ec.c.event_id.in_(ids)))
    casualty_rows = [
        {
            "event_id": eid,
            "kind": b.kind,
            "bound": b.bound,
            "value": b.value,
            "event_mention_id": b.event_mention_id,
            "source": b.source,
        }
        for eid in ids
        for b in records[eid].casualties
    ]
    if casualty_rows:
        conn.execute(ec.insert(), casualty_rows)
    conn.execute(fc.delete().where(fc.c.event_id.in_(ids)))
    claim_rows = [
        {"claim_id": cid, "event_id": eid, "status": st, "independence_key": key, "is_independent": ind}
        for eid in ids
        for cid, st, key, ind in records[eid].claims
    ]
    if claim_rows:
        conn.execute(fc.insert(), claim_rows)


def fuse(conn: sa.Connection, plan: PlanFn, summarize: SummarizeFn, windows: WindowsFn, now: str) -> int:
    """Fuse every stored mention not fused yet, in the caller's write transaction; returns how many.

    ``windows`` says which fused mentions the new ones may be compared with; ``plan`` re-clusters that
    neighbourhood; mentions that change event are moved, events left without mentions are dropped (their ids
    stay resolvable as aliases), and the record of every event whose members changed is recomputed.
    """
    _lock(conn)
    fm = s.fused_mentions
    new = _rows(conn, _mention_query().where(_m.c.id.not_in(sa.select(fm.c.event_mention_id))))
    if not new:
        return 0
    existing = _candidates(conn, new, windows(new))
    decided = plan(existing, new)
    rows = {r.id: r for r in [*existing, *new]}
    live = set(decided.event_of.values())
    before = {eid for mid in decided.event_of if (eid := rows[mid].event_id) is not None}
    by_event = {eid: rows[mid] for mid, eid in sorted(decided.event_of.items(), reverse=True)}
    created = _ensure_events(conn, live, by_event, now)
    moved = [{"mid": mid, "eid": eid} for mid, eid in sorted(decided.event_of.items()) if rows[mid].event_id != eid]
    if moved:
        conn.execute(_m.update().where(_m.c.id == sa.bindparam("mid")).values(event_id=sa.bindparam("eid")), moved)
        conn.execute(
            fm.update().where(fm.c.event_mention_id == sa.bindparam("mid")).values(event_id=sa.bindparam("eid")), moved
        )
    new_ids = {r.id for r in new}
    conn.execute(
        fm.insert(),
        [
            {
                "event_mention_id": mid,
                "event_id": decided.event_of[mid],
                "score": decided.scores.get(mid),
                "fused_at": now,
            }
            for mid in sorted(new_ids)
        ],
    )
    _point_aliases(conn, decided.aliases, live, now)
    gone = sorted(before - live)
    if gone:
        conn.execute(_e.delete().where(_e.c.id.in_(gone)))
    # Only events whose members changed get a new record: a record is a function of its members, their claims
    # (each with its own origin, m0004) and casualties, so the others' records stand. Recomputing the whole
    # neighbourhood made each batch cost grow with the store.
    changed = {decided.event_of[mid] for mid in new_ids} | {m["eid"] for m in moved} | created
    changed |= {eid for m in moved if (eid := rows[m["mid"]].event_id) is not None}
    _write_records(conn, sorted(changed & live), summarize)
    return len(new_ids)


def resolve_alias(conn: sa.Connection, event_id: str) -> str | None:
    """The event an absorbed id now belongs to; None when the id was never merged."""
    al = s.event_aliases
    return conn.scalar(sa.select(al.c.event_id).where(al.c.alias_id == event_id))


def with_fusion(conn: sa.Connection, detail: EventDetail) -> EventDetail:
    """The detail with its fused parts: sources and their voices, casualty bounds, claim verdicts, aliases."""
    event_id = detail.event.id
    fc = s.fused_claims
    verdicts = {
        r.claim_id: r
        for r in conn.execute(
            sa.select(fc.c.claim_id, fc.c.status, fc.c.independence_key, fc.c.is_independent).where(
                fc.c.event_id == event_id
            )
        )
    }
    claims = tuple(
        replace(c, status=v.status, independence_key=v.independence_key, is_independent=v.is_independent)
        if (v := verdicts.get(c.id))
        else c
        for c in detail.claims
    )
    ec = s.event_casualties
    bounds = tuple(
        CasualtyBound(r.kind, r.bound, r.value, r.event_mention_id, r.source)
        for r in conn.execute(sa.select(ec).where(ec.c.event_id == event_id).order_by(ec.c.kind, ec.c.bound))
    )
    al = s.event_aliases
    aliases = tuple(conn.scalars(sa.select(al.c.alias_id).where(al.c.event_id == event_id).order_by(al.c.alias_id)))
    return replace(detail, claims=claims, sources=_sources(claims, detail), casualties=bounds, aliases=aliases)


def _sources(claims: Sequence[ClaimRow], detail: EventDetail) -> tuple[EventSource, ...]:
    article_of = {m.id: m.article_id for m in detail.mentions}
    grouped: dict[str, list[ClaimRow]] = defaultdict(list)
    for c in claims:
        grouped[c.source_id].append(c)
    out = []
    for source_id, cs in grouped.items():
        first = cs[0]
        out.append(
            EventSource(
                source_id=source_id,
                name=first.source_name,
                kind=first.source_kind,
                country=first.source_country,
                stances=tuple(dict.fromkeys(c.stance for c in cs)),
                independence_key=first.independence_key,
                is_independent=any(c.is_independent for c in cs),
                article_ids=tuple(dict.fromkeys(article_of.get(c.event_mention_id, "") for c in cs)),
            )
        )
    return tuple(out)
