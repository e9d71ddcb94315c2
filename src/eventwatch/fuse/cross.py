"""Cross-article fusion: which event mentions, from different articles, report the same real event.

``fuse_mentions`` is incremental but order-independent. It finds the neighbourhood of the new mentions (the
fused mentions blocking puts beside them, with every other mention of their events) and clusters that
neighbourhood afresh: pairs whose score clears the threshold merge best first (single link), and a cluster
never holds two mentions of one article (the extract stage has already merged an article's mentions of one
event, so two left in one article are two events). Mentions outside the neighbourhood keep their events. So
the events a store ends with depend on the mentions it holds, not on the order or batches they came in.

Fused event ids are deterministic: every mention has a home id (its single-article event's id) and an event
is named after the smallest home id among its mentions. When events merge or a new mention takes over the
name, each home id that is no longer an event's name is returned as an alias of the event its mention is
in, so every id ever shown still resolves.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from eventwatch.fuse.blocking import DayIndex, _cell, day_interval
from eventwatch.fuse.similarity import MentionArrays, Weights, actor_mask, score_pairs, text_features
from eventwatch.store import CandidateWindows

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FusionParams:
    """The fusion settings (config.py ``fusion_*``) in one value."""

    window_days: int = 3
    background_days: int = 30
    max_km: float = 100.0
    threshold: float = 0.45
    max_candidates: int = 200
    text_dims: int = 256
    weights: Weights = field(default_factory=Weights)


@dataclass(frozen=True, slots=True)
class FusionMention:
    """What fusion needs to know of one event mention.

    ``date`` is the mention's ISO date (day, month or year), else its article's publication date; only a
    ``date_precision`` of ``"day"`` makes it exact (``"week"``: give or take three days; None: borrowed from
    the article). A planned mention may be fulfilled later, a background one happened earlier: their dates are
    widened by ``FusionParams.background_days`` forward and backward. ``home_id`` is the id of the mention's
    own single-article event; ``event_id`` the event it is in now (its home id when not fused yet).
    """

    id: str
    article_id: str
    home_id: str
    plover: str
    text: str
    event_id: str = ""
    date: str | None = None
    date_precision: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    place_precision: str | None = None
    country: str | None = None
    actors: tuple[str, ...] = ()
    doer: str | None = None  # actor1's name: who did it
    target: str | None = None  # actor2's name: to whom
    targets_civilians: bool = False  # actor2 is a civilian sector
    acled: str | None = None
    is_background: bool = False
    is_planned: bool = False

    @property
    def current_event(self) -> str:
        return self.event_id or self.home_id


@dataclass(frozen=True, slots=True)
class FusionPlan:
    """The outcome for the neighbourhood: mention -> event for every mention in it (new or not), home id ->
    event for every home id that no longer names an event, and each new mention's best merge score."""

    event_of: dict[str, str]
    aliases: dict[str, str]
    scores: dict[str, float | None]

    @property
    def events(self) -> set[str]:
        """The events of the neighbourhood (each needs its fused record recomputed)."""
        return set(self.event_of.values())


# The extract stage's stand-in when nobody is named for an attack (extract/actors.py UNKNOWN_ATTACKER): no actor,
# so two reports that both lack one are not alike for it, and one that names the attacker does not disagree.
_UNNAMED_ACTORS = frozenset({"unidentified attacker"})


def actor_keys(*names: str | None, countries: Sequence[str | None] = ()) -> tuple[str, ...]:
    """Normalised actor keys: names casefolded without a leading article, plus ``c:<ISO3>`` per country; the
    stand-in for an unnamed attacker is left out."""
    keys = []
    for name in names:
        if name:
            key = " ".join(name.casefold().split())
            key = key.removeprefix("the ").strip(" .,’'\"")
            if key and key not in _UNNAMED_ACTORS:
                keys.append(key)
    keys += [f"c:{c}" for c in countries if c]
    return tuple(dict.fromkeys(keys))


_PAIRS_PER_BATCH = 200_000  # candidate pairs scored per vectorised call (bounds the memory of the gathers)
_PRECISE = frozenset({"point", "district", "city", "admin2"})
# A definite description ("the strike that killed ...", "last week's attack") names an event the reader is
# expected to know: an earlier one, whatever the date of the sentence it stands in.
_REFERENCE = re.compile(r"(?i)(?:the|last|that|this)\b")
# "last year's attacks in Paris" in a March 2016 report: the extract stage dates the sentence (the report's day),
# but the event lies anywhere in the calendar year (month) before it, farther back than background_days reaches.
_LAST_PERIOD = re.compile(r"(?i)last (year|month)(?:['’]s)?\b")


def _last_period(days: tuple[int, int], unit: str) -> tuple[int, int]:
    """The calendar year or month before the one ``days`` ends in (proleptic ordinals, inclusive)."""
    end = date.fromordinal(days[1])
    if unit.casefold() == "year":
        return date(end.year - 1, 1, 1).toordinal(), date(end.year - 1, 12, 31).toordinal()
    first = date(end.year, end.month, 1)
    before = date.fromordinal(first.toordinal() - 1)
    return date(before.year, before.month, 1).toordinal(), first.toordinal() - 1


# A "last year's" reference opens its evidence with one of these; the store finds stored ones by that opening.
_LAST_PERIOD_OPENINGS = ("last year", "last month")
# How far after the new mentions a stored "last year's" reference may be dated and still reach back to them.
_LAST_PERIOD_REACH_DAYS = 2 * 366


def candidate_windows(new: Sequence[FusionMention], params: FusionParams) -> CandidateWindows:
    """The stored mentions that blocking could pair with ``new``, as day windows for the store to select by: each
    new mention's days widened by the reach of ``window_days`` and ``background_days`` (and back over the whole
    previous year or month for a "last year's" reference), merged; plus stored "last year's" references, whose
    own window reaches back a year (a superset of what ``_arrays`` and the blocking compare)."""
    reach = params.window_days + params.background_days
    spans = []
    for m in new:
        days = day_interval(m.date)
        if days is None:
            continue
        lo, hi = days
        last = _LAST_PERIOD.match(m.text)
        if last:
            lo = min(lo, _last_period(days, last.group(1))[0])
        spans.append((lo - reach, hi + reach))
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return CandidateWindows(
        days=tuple((date.fromordinal(lo).isoformat(), date.fromordinal(hi).isoformat()) for lo, hi in merged),
        wide_prefixes=_LAST_PERIOD_OPENINGS,
        wide_days=_LAST_PERIOD_REACH_DAYS,
    )


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
            last = _LAST_PERIOD.match(m.text)
            if last and m.date_precision in (None, "day", "week"):  # a month or year the extract stage resolved stays
                lo[k], hi[k] = _last_period(days, last.group(1))
            elif is_reference:  # "the strike last week": its date is vague, and earlier than the report's
                lo[k] -= params.background_days
            if m.is_planned:  # "the army will storm ...": the occurrence comes after the announcement
                hi[k] += params.background_days
    text, names = text_features([m.text for m in mentions], params.text_dims)
    return MentionArrays(
        text=text,
        day_lo=lo,
        day_hi=hi,
        is_exact_day=exact,
        lat=np.array([np.nan if m.latitude is None else m.latitude for m in mentions], dtype=np.float64),
        lon=np.array([np.nan if m.longitude is None else m.longitude for m in mentions], dtype=np.float64),
        is_precise_place=np.array([m.place_precision in _PRECISE for m in mentions], dtype=bool),
        country=np.array([intern(m.country) for m in mentions], dtype=np.int64),
        actors=np.array([actor_mask(m.actors) for m in mentions], dtype=np.uint64),
        doers=np.array([actor_mask(actor_keys(m.doer)) for m in mentions], dtype=np.uint64),
        targets=np.array([actor_mask(actor_keys(m.target)) for m in mentions], dtype=np.uint64),
        targets_civilians=np.array([m.targets_civilians for m in mentions], dtype=bool),
        names=names,
        acled=np.array([intern(f"acled:{m.acled}" if m.acled else None) for m in mentions], dtype=np.int64),
        # a recalled act's place may be the recalling sentence's; an announced one is placed where it is to be
        # ("will storm eastern Aleppo"), so a planned act far from a reported one is another act
        is_background=np.array([m.is_background for m in mentions], dtype=bool),
    )


def _cells(mentions: Sequence[FusionMention]) -> list[tuple[int, int] | None]:
    """Grid cell per mention; None for a vague place, and for a background or planned mention, whose place
    cannot split a match (similarity.score_pairs) and so must not keep candidates out either."""
    return [
        _cell(m.latitude, m.longitude)
        if m.place_precision in _PRECISE
        and m.latitude is not None
        and m.longitude is not None
        and not (m.is_background or m.is_planned)
        else None
        for m in mentions
    ]


class _Clusters:
    """Union-find over mention positions, keeping each cluster's articles and exact days.

    Two clusters may merge only when they share no article and their exact dates agree: a mention dated
    only by month could otherwise chain the strike of the 1st to the strike of the 13th (single link).
    """

    def __init__(self, mentions: Sequence[FusionMention], arrays: MentionArrays) -> None:
        self.parent = list(range(len(mentions)))
        self.articles: dict[int, set[str]] = {k: {m.article_id} for k, m in enumerate(mentions)}
        exact = arrays.is_exact_day.tolist()
        days = arrays.day_lo.tolist()
        self.days: dict[int, set[float]] = {k: {days[k]} if exact[k] else set() for k in range(len(mentions))}

    def root(self, k: int) -> int:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def can_join(self, a: int, b: int) -> bool:
        ra, rb = self.root(a), self.root(b)
        if ra == rb or not self.articles[ra].isdisjoint(self.articles[rb]):
            return False
        da, db = self.days[ra], self.days[rb]
        return not da or not db or da == db

    def union(self, a: int, b: int) -> int:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return ra
        if len(self.articles[ra]) < len(self.articles[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.articles[ra] |= self.articles.pop(rb)
        self.days[ra] |= self.days.pop(rb)
        return ra


def _order(m: FusionMention) -> tuple[int, str, str]:
    """Date order (then ids): candidates are then near each other in memory, and "newest" means latest."""
    days = day_interval(m.date)
    return (days[0] if days else _UNDATED_LAST, m.article_id, m.id)


_UNDATED_LAST = 10**9


def _neighbourhood(
    fused: Sequence[FusionMention], new: Sequence[FusionMention], params: FusionParams
) -> list[FusionMention]:
    """The new mentions, the fused ones blocking makes their candidates, and the rest of those ones' events."""
    fused = sorted(fused, key=_order)
    if not fused:
        return sorted(new, key=_order)
    arrays = _arrays(fused, params)
    index = DayIndex(params.window_days, params.max_candidates)
    cells = _cells(fused)
    for k, (m, cell) in enumerate(zip(fused, cells, strict=True)):
        index.add(k, m.plover, arrays.day_lo[k], arrays.day_hi[k], cell)
    probe = _arrays(new, params)
    touched: set[str] = set()
    for k, (m, cell) in enumerate(zip(new, _cells(new), strict=True)):
        for c in index.candidates(m.plover, probe.day_lo[k], probe.day_hi[k], cell):
            touched.add(fused[c].current_event)
    # A second hop: the events the touched events' mentions are candidates of, so a mention that moves when
    # its event is re-clustered can still meet the event it would have joined had it come in another order.
    for k in [k for k, m in enumerate(fused) if m.current_event in touched]:
        for c in index.candidates(fused[k].plover, arrays.day_lo[k], arrays.day_hi[k], cells[k]):
            touched.add(fused[c].current_event)
    return sorted([m for m in fused if m.current_event in touched] + list(new), key=_order)


def fuse_mentions(fused: Sequence[FusionMention], new: Sequence[FusionMention], params: FusionParams) -> FusionPlan:
    """Cluster the new mentions with their neighbourhood among the fused ones (see the module docstring).

    ``fused`` may be a superset (every fused mention of the same types and years): only the neighbourhood
    is re-clustered and returned. Every mention is scored against the candidates blocking finds among the
    mentions before it; pairs that clear the threshold merge best first (single link) unless that would put
    two mentions of one article in one event. Deterministic: the outcome does not depend on input order.
    """
    mentions = _neighbourhood(fused, new, params)
    arrays = _arrays(mentions, params)
    clusters = _Clusters(mentions, arrays)
    index = DayIndex(params.window_days, params.max_candidates)
    pairs: list[tuple[float, int, int]] = []
    left: list[int] = []
    right: list[int] = []

    def score_pending() -> None:
        if not left:
            return
        lefts, rights = np.asarray(left, dtype=np.intp), np.asarray(right, dtype=np.intp)
        s = score_pairs(arrays, lefts, rights, params.weights, params.max_km)
        keep = s >= params.threshold
        pairs.extend(zip(s[keep].tolist(), lefts[keep].tolist(), rights[keep].tolist(), strict=True))
        left.clear()
        right.clear()

    for k, (m, cell) in enumerate(zip(mentions, _cells(mentions), strict=True)):
        cand = index.candidates(m.plover, arrays.day_lo[k], arrays.day_hi[k], cell)
        left.extend([k] * len(cand))
        right.extend(cand)
        index.add(k, m.plover, arrays.day_lo[k], arrays.day_hi[k], cell)
        if len(left) >= _PAIRS_PER_BATCH:
            score_pending()
    score_pending()
    ranked = sorted(pairs, key=lambda p: (-p[0], p[1], p[2]))
    for _score, k, c in ranked:
        if mentions[k].article_id == mentions[c].article_id and _is_split(arrays, k, c):
            clusters.union(k, c)
    for _score, k, c in ranked:
        if clusters.can_join(k, c):
            clusters.union(k, c)
    label = [clusters.root(k) for k in range(len(mentions))]
    links: dict[int, dict[int, float]] = {}
    for score, k, c in pairs:
        links.setdefault(k, {})[c] = links.setdefault(c, {})[k] = score

    def pair_scores(k: int, others: Sequence[int]) -> list[float]:
        right_ = np.asarray(others, dtype=np.intp)
        s = score_pairs(arrays, np.full(len(right_), k, dtype=np.intp), right_, params.weights, params.max_km)
        return [float(v) for v in s]

    _contest_slots(mentions, arrays, label, links, pair_scores)
    name: dict[int, str] = {}
    for k, m in enumerate(mentions):
        name[label[k]] = min(name.get(label[k], m.home_id), m.home_id)
    event_of = {m.id: name[label[k]] for k, m in enumerate(mentions)}
    aliases = {m.home_id: event_of[m.id] for m in mentions if m.home_id != event_of[m.id]}
    new_ids = {m.id for m in new}
    scores = {
        m.id: max((s for c, s in links.get(k, {}).items() if label[c] == label[k]), default=None)
        for k, m in enumerate(mentions)
        if m.id in new_ids
    }
    return FusionPlan(event_of=event_of, aliases=aliases, scores=scores)


# Two mentions of one article are one event the extract stage left split ("Turkey began a military offensive
# into north-eastern Syria on Wednesday" ... "On Wednesday, Turkey began a military offensive with airstrikes")
# only when they give the same exact day, place and actors and say largely the same: on the fusion dev set the
# article pairs of different events (CJTF-OIR strikes near two towns, a conflated Paris/Sousse sentence) reach
# hashed-text cosines of 0.45 at most; the split offensive 0.56.
SPLIT_TEXT_COSINE = 0.5


def _is_split(a: MentionArrays, k: int, c: int) -> bool:
    """Whether two mentions of one article (already scored above the threshold) are one event split in two."""
    if not (a.is_exact_day[k] and a.is_exact_day[c] and a.day_lo[k] == a.day_lo[c]):
        return False
    if a.is_precise_place[k] != a.is_precise_place[c]:
        return False
    if a.is_precise_place[k]:
        same_place = abs(a.lat[k] - a.lat[c]) < 0.05 and abs(a.lon[k] - a.lon[c]) < 0.05  # one town (~5 km)
    else:
        same_place = a.country[k] == a.country[c]
    # The same actors (one's a subset of the other's): "rebels shelled ..." beside "Russian jets struck ..." in
    # one town on one day share the town's name, which short sentences weigh heavily in the text cosine.
    m1, m2 = int(a.actors[k]), int(a.actors[c])
    same_actors = bool(m1 and m2) and (m1 & m2 in (m1, m2))
    return bool(same_place and same_actors and float(a.text[k] @ a.text[c]) >= SPLIT_TEXT_COSINE)


def _contest_slots(
    mentions: Sequence[FusionMention],
    a: MentionArrays,
    label: list[int],
    links: dict[int, dict[int, float]],
    score: Callable[[int, Sequence[int]], list[float]],
) -> None:
    """Give an article's place in an event to the mention of it that fits the whole event best (in place).

    Best-first single link lets an article's first mention to clear the threshold with any one report take
    the article's one place, even when another mention of the article is linked to more of the event's reports
    ("the US airstrike that killed Qasem Soleimani at a Baghdad airport" first meets "the attack on the US
    Embassy in Baghdad" of an article whose main report, "US forces killed Qasem Soleimani in an airstrike",
    is placed only in Iraq but scores higher with every other report of the strike). A mention's fit is its
    mean score with the event's mentions from other articles (average link, below-threshold scores included:
    one strong link is what single link already used). A lone mention of the article that fits better takes
    the place of the article's mentions in the event when the event stays connected by above-threshold links
    and keeps one exact day; the mentions it replaces become an event of their own. Deterministic: events and
    articles are visited in mention order. ``score(k, others)``: the pair scores of ``k`` with each of ``others``.
    """
    n = len(mentions)
    members: dict[int, list[int]] = {}
    for k in range(n):
        members.setdefault(label[k], []).append(k)
    by_article: dict[str, list[int]] = {}
    for k, m in enumerate(mentions):
        by_article.setdefault(m.article_id, []).append(k)
    for event in sorted(members, key=lambda e: members[e][0]):
        if event not in members:  # a lone mention that has just taken another article's place
            continue
        articles = sorted({mentions[k].article_id for k in members[event]})
        if len(articles) < 2:
            continue
        for article in articles:
            group = [k for k in members[event] if mentions[k].article_id == article]
            rest = [k for k in members[event] if mentions[k].article_id != article]
            plover = mentions[group[0]].plover
            rivals = [
                k
                for k in by_article[article]
                if label[k] != event and len(members[label[k]]) == 1 and mentions[k].plover == plover
            ]
            if not rivals:
                continue
            held = sum(max(column) for column in zip(*(score(g, rest) for g in group), strict=True))
            best, best_fit = -1, held
            for k in rivals:
                fit = sum(score(k, rest))
                if fit > best_fit and _is_connected([k, *rest], links) and _one_exact_day([k, *rest], a):
                    best, best_fit = k, fit
            if best < 0:
                continue
            del members[label[best]]
            ejected = n + group[0]  # a label no mention position uses
            for g in group:
                label[g] = ejected
            label[best] = event
            members[ejected] = group
            members[event] = sorted([best, *rest])


def _is_connected(nodes: Sequence[int], links: dict[int, dict[int, float]]) -> bool:
    todo, seen = [nodes[0]], {nodes[0]}
    wanted = set(nodes)
    while todo:
        for c in links.get(todo.pop(), {}):
            if c in wanted and c not in seen:
                seen.add(c)
                todo.append(c)
    return seen == wanted


def _one_exact_day(nodes: Sequence[int], a: MentionArrays) -> bool:
    return len({float(a.day_lo[k]) for k in nodes if a.is_exact_day[k]}) <= 1
