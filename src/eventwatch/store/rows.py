"""What the store returns and accepts besides records: save outcomes, query filters, result rows.

Offsets in these rows are character offsets into the article text (``articles.text``), like every
:class:`~eventwatch.records.Span`; ``*_text`` fields are the slices those offsets select.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from eventwatch.records import Factuality, Plover, Precision, SourceKind, Stance, Status


class SaveOutcome(enum.StrEnum):
    STORED = "stored"
    DUPLICATE = "duplicate"  # an article with the same id or content hash was already stored


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Which fused events :meth:`Store.query_events` returns; ``None`` means "any".

    ``since``/``until`` are inclusive ISO dates compared as strings against ``events.date`` (which may be
    ``YYYY-MM``), so events without a date are left out when either is given. ``near`` is
    ``(latitude, longitude, radius_km)``. Results are ordered by event id; ``after_id`` is the keyset cursor:
    pass the last id of one page to get the next. A value holding NUL matches nothing.
    """

    since: str | None = None
    until: str | None = None
    plover: Plover | None = None
    country: str | None = None  # ISO 3166-1 alpha-3 of the event's place
    near: tuple[float, float, float] | None = None
    contested: bool | None = None  # True: status "contested" only; False: every other status
    status: Status | None = None
    limit: int = 100
    after_id: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat (RFC 7946 order)
    acled: str | None = None  # ACLED event type of any of its mentions, e.g. "Battles"
    actor: str | None = None  # case-insensitive substring of either actor's name or text in any mention
    text: str | None = None  # case-insensitive substring of a mention's or claim's evidence, or a summary

    def __post_init__(self) -> None:
        if self.limit < 1:
            raise ValueError(f"limit must be at least 1, got {self.limit}")
        if self.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            lons_ok = all(-180.0 <= x <= 180.0 for x in (min_lon, max_lon))
            if not (lons_ok and -90.0 <= min_lat <= max_lat <= 90.0):
                raise ValueError(f"bbox must be (min lon, min lat, max lon, max lat) in degrees, got {self.bbox}")
        if self.near is not None:
            lat, lon, km = self.near
            if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0) or not km > 0 or math.isinf(km):
                raise ValueError(f"near must be (lat, lon, km) with km > 0, got {self.near}")


@dataclass(frozen=True, slots=True)
class EventRow:
    """One fused event as listed (``events`` table)."""

    id: str
    plover: Plover
    status: Status
    date: str | None
    latitude: float | None
    longitude: float | None
    place_name: str | None
    country: str | None
    confidence: float | None
    first_seen: str  # ISO 8601 UTC time the first of its articles was stored
    n_mentions: int
    n_articles: int
    acled: str | None = None  # ACLED event type of its first mention that has one
    summary: str | None = None  # short "what happened" of its first mention that has one
    admin1: str | None = None  # first-level administrative unit of its place
    precision: Precision | None = None  # how precisely its place is known
    geonameid: int | None = None  # GeoNames id of its place
    # Cross-article fusion (docs/fusion.md): spread of its mentions' dates and places, independent sources,
    # casualty bounds over every figure its mentions give.
    date_low: str | None = None
    date_high: str | None = None
    date_spread_days: int | None = None
    place_spread_km: float | None = None
    n_sources: int | None = None
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    injured_low: int | None = None
    injured_best: int | None = None
    injured_high: int | None = None


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """A resolved toponym of one event mention."""

    name: str
    start: int | None
    end: int | None
    geonameid: int | None
    resolved_name: str | None
    latitude: float | None
    longitude: float | None
    country: str | None
    admin1: str | None
    admin2: str | None
    precision: Precision
    qualifier: str | None
    rule: str | None
    is_approximate: bool


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """Who says what about an event mention, with the offsets the CLI needs to highlight the cue.

    ``cue_start_in_evidence``/``cue_end_in_evidence`` locate the cue inside ``evidence_text`` (None when the
    cue is unknown or lies outside the evidence), so a caller highlights it without offset arithmetic.
    """

    id: str
    event_mention_id: str
    source_id: str
    source_name: str
    source_kind: SourceKind
    source_country: str | None
    source_text: str  # the source as written in this article
    via: tuple[str, ...]  # names of the relays, nearest first: a commander "via" ("Fars",)
    stance: Stance
    is_hedged: bool
    hedge: str | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    cue_start_in_evidence: int | None
    cue_end_in_evidence: int | None
    evidence_start: int
    evidence_end: int
    evidence_text: str
    about: str | None
    status: Status | None = None  # corroboration of what it is about, across the fused event's claims
    independence_key: str | None = None  # claims with the same key are one voice (same state, owner or wire)
    is_independent: bool | None = None  # the first supporting claim of its voice in the event


@dataclass(frozen=True, slots=True)
class MentionDetail:
    """One article's report of an event, with its places (its claims are in ``EventDetail.claims``)."""

    id: str
    article_id: str
    article_title: str | None
    article_url: str | None
    sentence_index: int
    plover: Plover
    factuality: Factuality
    trigger_start: int
    trigger_end: int
    trigger_text: str
    evidence_start: int
    evidence_end: int
    evidence_text: str  # the main evidence span (the first of the mention's spans)
    date: str | None
    actor1: str | None  # resolved name, else the text naming the actor
    actor2: str | None
    fatalities: int | None
    injured: int | None
    is_contested: bool
    is_background: bool
    summary: str | None
    confidence: float | None
    places: tuple[PlaceRow, ...]
    acled: str | None = None  # ACLED event type
    acled_sub: str | None = None  # ACLED sub-event type
    cameo: str | None = None  # CAMEO event code (a string: leading zeros matter)


@dataclass(frozen=True, slots=True)
class EventDetail:
    """An event, its mentions (oldest article first) and the claims on them, in mention order."""

    event: EventRow
    mentions: tuple[MentionDetail, ...]
    claims: tuple[ClaimRow, ...]
    sources: tuple[EventSource, ...] = ()  # who claims what about it, with their independence
    casualties: tuple[CasualtyBound, ...] = ()  # low / best / high per kind, each with its source
    aliases: tuple[str, ...] = ()  # ids of events merged into this one (they still resolve to it)


@dataclass(frozen=True, slots=True)
class EventSource:
    """One source of a fused event: its stances, and whether it counts as an independent voice."""

    source_id: str
    name: str
    kind: SourceKind
    country: str | None
    stances: tuple[Stance, ...]
    independence_key: str | None
    is_independent: bool
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CasualtyBound:
    """One bound of a fused event's casualty figure and the mention and source that give it."""

    kind: str  # "killed" | "injured"
    bound: str  # "low" | "best" | "high"
    value: int
    event_mention_id: str
    source: str | None


@dataclass(frozen=True, slots=True)
class StoreCounts:
    articles: int
    sentences: int
    events: int
    event_mentions: int
    claims: int
    sources: int
    places: int
    contested_events: int
    events_by_type: Mapping[str, int] = field(default_factory=dict)  # PLOVER type -> events; absent = 0


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One stored article as listed (no text)."""

    id: str
    title: str | None
    url: str | None
    published: str | None
    outlet: str | None
    language: str | None
    ingested_at: str  # ISO 8601 UTC time it was stored


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    """One stored article with its text; every offset in the store points into ``text``."""

    article: ArticleRow
    text: str
    event_ids: tuple[str, ...]  # fused events its mentions belong to, in id order


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A distinct source (who makes claims), with how many claims it makes."""

    id: str
    name: str
    kind: SourceKind
    country: str | None
    affiliation: str | None
    n_claims: int


@dataclass(frozen=True, slots=True)
class SourceClaim:
    """One claim of a source with the article and fused event it belongs to."""

    event_id: str | None
    article_id: str
    claim: ClaimRow


@dataclass(frozen=True, slots=True)
class SourceDetail:
    """A source and its claims (ordered by article, mention and claim position, at most the asked limit)."""

    source: SourceRow
    claims: tuple[SourceClaim, ...]
