"""Cross-article fusion: which event mentions, from different articles, report the same real event.

``fuse_mentions`` is incremental: the mentions already fused keep their events (their clusters are never
split), and each new mention, in a fixed order, joins the event it is most like when the score clears the
threshold, else starts its own. A new mention that clears the (higher) bridge threshold with a second
event merges the two. A cluster never holds two mentions of one article: the extract stage has already
merged an article's mentions of one event, so two left in one article are two events.

Fused event ids are stable: when events merge, the survivor is the one first seen (then the smallest id), and
every absorbed id is returned as an alias of it, so links to it keep working.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from eventwatch.fuse.blocking import DayIndex, day_interval
from eventwatch.fuse.similarity import MentionArrays, Weights, actor_mask, score_candidates, text_vectors

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FusionParams:
    """The fusion settings (config.py ``fusion_*``) in one value."""

    window_days: int = 3
    background_days: int = 30
    max_km: float = 100.0
    threshold: float = 0.6
    bridge_threshold: float = 0.75
    max_candidates: int = 200
    text_dims: int = 256
    weights: Weights = field(default_factory=Weights)


@dataclass(frozen=True, slots=True)
class FusionMention:
    """What fusion needs to know of one event mention.

    ``date`` is the mention's ISO date (day, month or year), else its article's publication date.
    ``event_id`` is the event it belongs to now: the fused event for a mention already fused, its own
    single-article event for a new one. ``first_seen`` is when that event was first stored (ISO 8601).
    """

    id: str
    article_id: str
    event_id: str
    plover: str
    text: str
    date: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None
    actors: tuple[str, ...] = ()
    acled: str | None = None
    is_background: bool = False
    first_seen: str = ""


@dataclass(frozen=True, slots=True)
class FusionPlan:
    """The outcome: the event of every new mention, absorbed event id -> survivor, and each new mention's
    best score (None when it started its own event)."""

    event_of: dict[str, str]
    aliases: dict[str, str]
    scores: dict[str, float | None]

    @property
    def events(self) -> set[str]:
        """The events the new mentions now belong to (each needs its fused record recomputed)."""
        return set(self.event_of.values())


def actor_keys(*names: str | None, countries: Sequence[str | None] = ()) -> tuple[str, ...]:
    """Normalised actor keys: names casefolded without a leading article, plus ``c:<ISO3>`` per country."""
    keys = []
    for name in names:
        if name:
            key = " ".join(name.casefold().split())
            key = key.removeprefix("the ").strip(" .,’'\"")
            if key:
                keys.append(key)
    keys += [f"c:{c}" for c in countries if c]
    return tuple(dict.fromkeys(keys))


def _arrays(mentions: Sequence[FusionMention], params: FusionParams) -> MentionArrays:
    n = len(mentions)
    lo = np.full(n, np.nan)
    hi = np.full(n, np.nan)
    exact = np.zeros(n, dtype=bool)
    interned: dict[str | None, int] = {None: -1}

    def intern(value: str | None) -> int:
        return interned.setdefault(value, len(interned) - 1)

    for k, m in enumerate(mentions):
        days = day_interval(m.date)
        if days is not None:
            lo[k], hi[k] = days
            exact[k] = days[0] == days[1] and not m.is_background
            if m.is_background:  # "the strike last week": its date is vague, and earlier than the report's
                lo[k] -= params.background_days
    return MentionArrays(
        text=text_vectors([m.text for m in mentions], params.text_dims),
        day_lo=lo,
        day_hi=hi,
        is_exact_day=exact,
        lat=np.array([np.nan if m.latitude is None else m.latitude for m in mentions], dtype=np.float64),
        lon=np.array([np.nan if m.longitude is None else m.longitude for m in mentions], dtype=np.float64),
        country=np.array([intern(m.country) for m in mentions], dtype=np.int64),
        actors=np.array([actor_mask(m.actors) for m in mentions], dtype=np.uint64),
        acled=np.array([intern(f"acled:{m.acled}" if m.acled else None) for m in mentions], dtype=np.int64),
        is_background=np.array([m.is_background for m in mentions], dtype=bool),
    )


class _Clusters:
    """Union-find over mention positions, keeping each cluster's articles and event ids."""

    def __init__(self, mentions: Sequence[FusionMention]) -> None:
        self.parent = list(range(len(mentions)))
        self.articles: dict[int, set[str]] = {k: {m.article_id} for k, m in enumerate(mentions)}
        self.events: dict[int, set[str]] = {k: {m.event_id} for k, m in enumerate(mentions)}

    def root(self, k: int) -> int:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def can_join(self, a: int, b: int) -> bool:
        ra, rb = self.root(a), self.root(b)
        return ra != rb and self.articles[ra].isdisjoint(self.articles[rb])

    def union(self, a: int, b: int) -> int:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return ra
        if len(self.articles[ra]) < len(self.articles[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.articles[ra] |= self.articles.pop(rb)
        self.events[ra] |= self.events.pop(rb)
        return ra


def _order(m: FusionMention) -> tuple[str, str, str]:
    return (m.first_seen, m.article_id, m.id)


def fuse_mentions(
    fused: Sequence[FusionMention], new: Sequence[FusionMention], params: FusionParams
) -> FusionPlan:
    """Assign each new mention to an event, given the already fused mentions near them (see module doc).

    Deterministic: the outcome depends only on the inputs, not on their order.
    """
    mentions = sorted(fused, key=_order) + sorted(new, key=_order)
    n_fused = len(fused)
    arrays = _arrays(mentions, params)
    clusters = _Clusters(mentions)
    index = DayIndex(params.window_days, params.max_candidates)
    first_of_event: dict[str, int] = {}
    for k, m in enumerate(mentions[:n_fused]):
        other = first_of_event.setdefault(m.event_id, k)
        if other != k:
            clusters.union(other, k)
        index.add(k, m.plover, arrays.day_lo[k], arrays.day_hi[k])
    scores: dict[str, float | None] = {}
    for k in range(n_fused, len(mentions)):
        m = mentions[k]
        cand = index.candidates(m.plover, arrays.day_lo[k], arrays.day_hi[k])
        best_score: float | None = None
        if len(cand):
            s = score_candidates(arrays, k, cand, params.weights, params.max_km)
            keep = s >= params.threshold
            best_by_root: dict[int, float] = {}
            for c, sc in zip(cand[keep].tolist(), s[keep].tolist(), strict=True):
                r = clusters.root(c)
                if sc > best_by_root.get(r, -2.0):
                    best_by_root[r] = sc
            joined: int | None = None
            for r, sc in sorted(best_by_root.items(), key=lambda kv: (-kv[1], kv[0])):
                if joined is None:
                    if clusters.can_join(k, r):
                        joined = clusters.union(k, r)
                        best_score = sc
                elif sc >= params.bridge_threshold and clusters.can_join(joined, r):
                    joined = clusters.union(joined, r)
        scores[m.id] = best_score
        index.add(k, m.plover, arrays.day_lo[k], arrays.day_hi[k])
    return _plan(mentions, n_fused, clusters, scores)


def _plan(
    mentions: Sequence[FusionMention], n_fused: int, clusters: _Clusters, scores: dict[str, float | None]
) -> FusionPlan:
    first_seen: dict[str, str] = {}
    for m in mentions:
        first_seen[m.event_id] = min(first_seen.get(m.event_id, m.first_seen), m.first_seen)
    survivor: dict[int, str] = {}
    aliases: dict[str, str] = {}
    for r, events in clusters.events.items():
        keep = min(events, key=lambda e: (first_seen[e], e))
        survivor[r] = keep
        aliases |= {e: keep for e in events if e != keep}
    event_of = {m.id: survivor[clusters.root(k)] for k, m in enumerate(mentions) if k >= n_fused}
    return FusionPlan(event_of=event_of, aliases=aliases, scores=scores)
