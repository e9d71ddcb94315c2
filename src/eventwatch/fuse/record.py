"""The fused record of one event: status per event and per claim, consensus date and place, casualties, confidence.

Independence (who counts as a separate voice) follows ``status.independence_key`` on the claim's origin (the
last relay of a reporting chain); an article's own voice (author, unnamed "reports") is its outlet's; and two
articles whose reports of the event are near-identical (a wire story republished) are one voice.

The confidence is documented in docs/fusion.md (and at ``confidence``): the estimated probability that the
fused event is one its articles really report, combining independent articles like independent witnesses.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from eventwatch.fuse.blocking import day_interval
from eventwatch.fuse.similarity import haversine_km, text_vectors
from eventwatch.fuse.status import DENYING, SUPPORTING, voice_key
from eventwatch.records import Factuality, SourceKind, Status
from eventwatch.store import CasualtyBound, FusedEventInput, FusedEventUpdate, FusionClaimRow, FusionMentionRow

# A republished wire story is word for word the same; two independent reports of one event rarely share
# more than half their content words (checked on the fusion dev set, docs/fusion.md).
REPUBLISHED_COSINE = 0.9

# Share of the extract stage's event mentions that are real events of the dev gold (eval_floors.json
# gold_dev.event_precision, 0.79 at the time of writing, rounded): the chance one article's report is right.
EXTRACTION_PRIOR = 0.8
_ARTICLE_VOICES = frozenset({SourceKind.AUTHOR, SourceKind.UNNAMED})
# Two casualty figures are incompatible when the larger lower bound exceeds the smaller upper bound by more
# than half and by at least this many people ("12 killed" vs "at least 30 killed"), not "8" vs "10".
_CASUALTY_SLACK = 5


def _republished_groups(mentions: Sequence[FusionMentionRow]) -> dict[str, str]:
    """Article id -> the first article whose report this one repeats near word for word (else itself)."""
    articles = list(dict.fromkeys(m.article_id for m in mentions))
    text_of: dict[str, str] = defaultdict(str)
    for m in mentions:
        text_of[m.article_id] += " " + m.evidence_text
    if len(articles) < 2:
        return {a: a for a in articles}
    vectors = text_vectors([text_of[a] for a in articles], 256)
    sims = vectors @ vectors.T
    group = {a: a for a in articles}
    for j, b in enumerate(articles):
        for i in range(j):
            if sims[i, j] >= REPUBLISHED_COSINE:
                group[b] = group[articles[i]]
                break
    return group


def claim_voice(claim: FusionClaimRow, republished: dict[str, str], outlet_of: dict[str, str | None]) -> str:
    """The independence key of a claim within its fused event (see the module docstring)."""
    if claim.origin_kind in _ARTICLE_VOICES and claim.origin_name == claim.source_name:
        article = republished.get(claim.article_id, claim.article_id)
        outlet = outlet_of.get(article)
        return f"outlet:{outlet.casefold()}" if outlet else f"article:{article}"
    return voice_key(claim.origin_name, claim.origin_kind, claim.origin_country, claim.origin_affiliation)


def _status(supporting: set[str], denying: bool, conflict: bool) -> Status:
    if conflict or (supporting and denying):
        return Status.CONTESTED
    if denying:
        return Status.DENIED_ONLY
    return Status.CORROBORATED if len(supporting) >= 2 else Status.SINGLE_SOURCE


def _casualty_conflict(figures: Iterable[tuple[int | None, int | None, int | None]]) -> bool:
    lows, highs = [], []
    for low, high, best in figures:
        lo = low if low is not None else best
        hi = high if high is not None else best
        if lo is not None:
            lows.append(lo)
        if hi is not None:
            highs.append(hi)
    if not lows or not highs:
        return False
    top_low, bottom_high = max(lows), min(highs)
    return top_low > 1.5 * bottom_high and top_low - bottom_high >= _CASUALTY_SLACK


def _perpetrator_conflict(mentions: Sequence[FusionMentionRow]) -> bool:
    """Asserted reports name perpetrators of different countries (one says Russian jets, another Syrian)."""
    countries = {
        m.actor1_country
        for m in mentions
        if m.actor1_country and m.factuality in (Factuality.ASSERTED, Factuality.REPORTED)
    }
    return len(countries) > 1


def _consensus_date(mentions: Sequence[FusionMentionRow]) -> tuple[str | None, str | None, str | None, int | None]:
    """(date, low, high, spread in days): the most reported of the most precise dates among main reports
    (background and planned mentions only when nothing else is dated); low/high span every dated mention."""
    main = [m.date for m in mentions if m.date and not m.is_background and m.factuality is not Factuality.PLANNED]
    dated = main or [m.date for m in mentions if m.date]
    if not dated:
        return None, None, None, None
    finest = max(len(d) for d in dated)
    counts = Counter(d for d in dated if len(d) == finest)
    best = min(counts, key=lambda d: (-counts[d], d))
    spans = [(iv, d) for d in dated if (iv := day_interval(d)) is not None]
    if not spans:
        return best, None, None, None
    (lo, _), low = min(spans, key=lambda s: (s[0][0], s[1]))
    (_, hi), high = max(spans, key=lambda s: (s[0][1], s[1]))
    return best, low, high, hi - lo


_PRECISION_RANK = {"point": 0, "district": 1, "city": 2, "admin2": 3, "admin1": 4, "country": 5, "region": 6}


def _consensus_place(mentions: Sequence[FusionMentionRow]) -> tuple[FusionMentionRow | None, float | None]:
    """The mention whose place is nearest all the others (a medoid; finer precision breaks ties), and the
    farthest any other mention's place lies from it, in km."""
    placed = [(m, m.latitude, m.longitude) for m in mentions if m.latitude is not None and m.longitude is not None]
    if not placed:
        return None, None

    def cost(item: tuple[FusionMentionRow, float, float]) -> tuple[float, int, str]:
        m, lat, lon = item
        total = sum(haversine_km(lat, lon, olat, olon) for _, olat, olon in placed)
        return round(total, 3), _PRECISION_RANK.get(m.precision or "", 9), m.id

    center, lat, lon = min(placed, key=cost)
    spread = max(haversine_km(lat, lon, olat, olon) for _, olat, olon in placed)
    return center, round(spread, 3)


def _lower(f: tuple[int | None, int | None, int | None, str, str | None]) -> float:
    value = f[0] if f[0] is not None else f[2]
    return math.inf if value is None else value


def _upper(f: tuple[int | None, int | None, int | None, str, str | None]) -> float:
    value = f[1] if f[1] is not None else f[2]
    return -math.inf if value is None else value


def _casualty_bounds(event: FusedEventInput, kind: str) -> list[CasualtyBound]:
    figures: list[tuple[int | None, int | None, int | None, str, str | None]] = []
    for c in event.casualties:
        if c.kind == kind:
            figures.append((c.low, c.high, c.best, c.event_mention_id, c.source or c.outlet))
    if not figures:  # mentions stored without itemised figures still carry their count
        for m in event.mentions:
            value = m.fatalities if kind == "killed" else m.injured
            if value is not None:
                figures.append((value, value, value, m.id, m.outlet))
    if not figures:
        return []
    # Ties go to the first mention (by id), so the same figures always name the same source.
    low = min(figures, key=lambda f: (_lower(f), f[3]))
    high = min(figures, key=lambda f: (-_upper(f), f[3]))
    bests = sorted((f for f in figures if f[2] is not None), key=lambda f: (f[2], f[3]))
    out = []
    low_value = low[0] if low[0] is not None else low[2]
    high_value = high[1] if high[1] is not None else high[2]
    if low_value is not None:
        out.append(CasualtyBound(kind, "low", low_value, low[3], low[4]))
    if bests:
        median = bests[(len(bests) - 1) // 2]  # the lower median: a figure some source actually gave
        out.append(CasualtyBound(kind, "best", median[2], median[3], median[4]))  # type: ignore[arg-type]
    if high_value is not None:
        out.append(CasualtyBound(kind, "high", high_value, high[3], high[4]))
    return out


def confidence(mentions: Sequence[FusionMentionRow], republished: dict[str, str]) -> float:
    """P(the fused event is an event its articles really report, not an extraction error).

    Each independent article (republications count once) is a witness that is right with probability
    ``p``: its best mention's own confidence when the extract stage gives one, else ``EXTRACTION_PRIOR``. The
    event is real unless every witness is wrong: 1 - prod(1 - p). Whether it *happened* is not in this
    number: that is the status (contested, denied-only) and each mention's factuality.
    """
    best: dict[str, float] = {}
    for m in mentions:
        article = republished.get(m.article_id, m.article_id)
        p = m.confidence if m.confidence is not None else EXTRACTION_PRIOR
        best[article] = max(best.get(article, 0.0), min(p, 0.99))
    miss = 1.0
    for p in best.values():
        miss *= 1.0 - p
    return round(1.0 - miss, 4)


def summarize_event(event: FusedEventInput) -> FusedEventUpdate:
    """The fused record of ``event`` (see the module docstring)."""
    mentions = event.mentions
    republished = _republished_groups(mentions)
    outlet_of = {m.article_id: m.outlet for m in mentions}
    key_of = {c.id: claim_voice(c, republished, outlet_of) for c in event.claims}

    by_aspect: dict[str | None, list[FusionClaimRow]] = defaultdict(list)
    for c in event.claims:
        by_aspect[c.about].append(c)
    figures = [(c.low, c.high, c.best) for c in event.casualties if c.kind == "killed"]
    if not figures:
        figures = [(m.fatalities, m.fatalities, m.fatalities) for m in mentions if m.fatalities is not None]
    conflict = any(m.is_contested for m in mentions) or _perpetrator_conflict(mentions) or _casualty_conflict(figures)
    aspect_status: dict[str | None, Status] = {}
    for aspect, claims in by_aspect.items():
        supporting = {key_of[c.id] for c in claims if c.stance in SUPPORTING}
        denying = any(c.stance in DENYING for c in claims)
        aspect_status[aspect] = _status(supporting, denying, False)
    supporting_all = {key_of[c.id] for c in event.claims if c.stance in SUPPORTING}
    denying_all = any(c.stance in DENYING for c in event.claims)
    status = _status(supporting_all, denying_all, conflict)
    aspect_status[None] = status

    seen: set[str] = set()
    verdicts = []
    for c in event.claims:
        key = key_of[c.id]
        independent = c.stance in SUPPORTING and key not in seen
        if independent:
            seen.add(key)
        verdicts.append((c.id, aspect_status[c.about], key, independent))

    date, low, high, spread = _consensus_date(mentions)
    center, place_spread = _consensus_place(mentions)
    killed = _casualty_bounds(event, "killed")
    injured = _casualty_bounds(event, "injured")

    def bound(bounds: list[CasualtyBound], which: str) -> int | None:
        return next((b.value for b in bounds if b.bound == which), None)

    plover = Counter(m.plover for m in mentions).most_common(1)[0][0]
    columns = {
        "plover": plover,
        "status": status,
        "date": date,
        "date_low": low,
        "date_high": high,
        "date_spread_days": spread,
        "latitude": center.latitude if center else None,
        "longitude": center.longitude if center else None,
        "place_name": center.place_name if center else None,
        "geonameid": center.geonameid if center else None,
        "country": center.country if center else None,
        "admin1": center.admin1 if center else None,
        "precision": center.precision if center else None,
        "place_spread_km": place_spread,
        "confidence": confidence(mentions, republished),
        "n_sources": len(supporting_all),
        "n_mentions": len(mentions),
        "n_articles": len({m.article_id for m in mentions}),
        "first_seen": min(m.first_seen for m in mentions),
        "fatalities_low": bound(killed, "low"),
        "fatalities_best": bound(killed, "best"),
        "fatalities_high": bound(killed, "high"),
        "injured_low": bound(injured, "low"),
        "injured_best": bound(injured, "best"),
        "injured_high": bound(injured, "high"),
    }
    return FusedEventUpdate(columns=columns, casualties=tuple(killed + injured), claims=tuple(verdicts))
