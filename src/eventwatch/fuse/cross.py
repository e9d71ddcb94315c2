"""Cross-article fusion: which event mentions, from different articles, report the same real event.

``fuse_mentions`` is incremental: the mentions already fused keep their events (their clusters are never
split); new mentions join them or each other best pair first when the pair's score clears the threshold,
else start their own event. A new mention that clears the (higher) bridge threshold with two existing
events merges them. A cluster never holds two mentions of one article: the extract stage has already
merged an article's mentions of one event, so two left in one article are two events.

Fused event ids are stable: when events merge, the survivor is the one first seen (then the smallest id), and
every absorbed id is returned as an alias of it, so links to it keep working.
"""

from __future__ import annotations

import logging
import re
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
    threshold: float = 0.45
    bridge_threshold: float = 0.75
    max_candidates: int = 200
    text_dims: int = 256
    weights: Weights = field(default_factory=Weights)


@dataclass(frozen=True, slots=True)
class FusionMention:
    """What fusion needs to know of one event mention.

    ``date`` is the mention's ISO date (day, month or year), else its article's publication date; only a
    ``date_precision`` of ``"day"`` makes it exact (``"week"``: give or take three days; None: borrowed from
    the article). A planned mention may be fulfilled later, a background one happened earlier: their dates are
    widened by ``FusionParams.background_days`` forward and backward.
    ``event_id`` is the event it belongs to now: the fused event for a mention already fused, its own
    single-article event for a new one. ``first_seen`` is when that event was first stored (ISO 8601).
    """

    id: str
    article_id: str
    event_id: str
    plover: str
    text: str
    date: str | None = None
    date_precision: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    place_precision: str | None = None
    country: str | None = None
    actors: tuple[str, ...] = ()
    acled: str | None = None
    is_background: bool = False
    is_planned: bool = False
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


_PRECISE = frozenset({"point", "district", "city", "admin2"})
# A definite description ("the strike that killed ...", "last week's attack") names an event the reader is
# expected to know: an earlier one, whatever the date of the sentence it stands in.
_REFERENCE = re.compile(r"(?i)(?:the|last|that|this)\b")


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
            is_reference = m.is_background or bool(_REFERENCE.match(m.text))
            exact[k] = days[0] == days[1] and m.date_precision == "day" and not (is_reference or m.is_planned)
            if m.date_precision == "week":
                lo[k], hi[k] = lo[k] - 3, hi[k] + 3
            if is_reference:  # "the strike last week": its date is vague, and earlier than the report's
                lo[k] -= params.background_days
            if m.is_planned:  # "the army will storm ...": the occurrence comes after the announcement
                hi[k] += params.background_days
    return MentionArrays(
        text=text_vectors([m.text for m in mentions], params.text_dims),
        day_lo=lo,
        day_hi=hi,
        is_exact_day=exact,
        lat=np.array([np.nan if m.latitude is None else m.latitude for m in mentions], dtype=np.float64),
        lon=np.array([np.nan if m.longitude is None else m.longitude for m in mentions], dtype=np.float64),
        is_precise_place=np.array([m.place_precision in _PRECISE for m in mentions], dtype=bool),
        country=np.array([intern(m.country) for m in mentions], dtype=np.int64),
        actors=np.array([actor_mask(m.actors) for m in mentions], dtype=np.uint64),
        acled=np.array([intern(f"acled:{m.acled}" if m.acled else None) for m in mentions], dtype=np.int64),
        is_background=np.array([m.is_background or m.is_planned for m in mentions], dtype=bool),
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


def fuse_mentions(fused: Sequence[FusionMention], new: Sequence[FusionMention], params: FusionParams) -> FusionPlan:
    """Assign each new mention to an event, given the already fused mentions near them (see module doc).

    Every new mention is scored against the candidates blocking finds among the fused mentions and the new
    mentions before it; pairs that clear the threshold are then merged best first (single link), skipping a
    pair whose merge would put two mentions of one article together, and one that would merge two existing
    events below the bridge threshold. Deterministic: the outcome does not depend on the input order.
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
    pairs: list[tuple[float, int, int]] = []
    for k in range(n_fused, len(mentions)):
        m = mentions[k]
        cand = index.candidates(m.plover, arrays.day_lo[k], arrays.day_hi[k])
        if len(cand):
            s = score_candidates(arrays, k, cand, params.weights, params.window_days, params.max_km)
            keep = s >= params.threshold
            pairs.extend(zip(s[keep].tolist(), [k] * int(keep.sum()), cand[keep].tolist(), strict=True))
        index.add(k, m.plover, arrays.day_lo[k], arrays.day_hi[k])
    has_fused = {clusters.root(k) for k in range(n_fused)}
    scores: dict[str, float | None] = {m.id: None for m in mentions[n_fused:]}
    for score, k, c in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if not clusters.can_join(k, c):
            continue
        rk, rc = clusters.root(k), clusters.root(c)
        if rk in has_fused and rc in has_fused and score < params.bridge_threshold:
            continue  # two events already told apart stay apart unless this report clearly joins them
        root = clusters.union(k, c)
        if rk in has_fused or rc in has_fused:
            has_fused.add(root)
        for pos in (k, c):
            if pos >= n_fused:
                mid = mentions[pos].id
                scores[mid] = max(scores[mid] or score, score)
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
