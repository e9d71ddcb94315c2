"""Field comparisons for the gold scorer: codes with alternatives, places, sources.

Every function takes values as they appear in a gold-format dict (``None`` for JSON null) and is tolerant
of a prediction that leaves fields out; the scorer decides which events a comparison is counted over.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "as_evidence",
    "codes_agree",
    "location_error_km",
    "same_text",
    "source_overlap",
]

# Mean Earth radius (IUGG), the usual constant for haversine distances.
_EARTH_RADIUS_KM = 6371.0088
_TOKEN = re.compile(r"[^\W_]+")
# Words that name no one: sharing only these does not make two source strings the same source.
_STOPWORDS = frozenset({"the", "a", "an", "of", "from", "for", "and", "in", "on", "at", "to", "by", "its"})


def as_evidence(value: Any) -> list[str]:
    """Evidence as a list of strings: events carry a list, claims one string (SCHEMA.md `evidence`)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [item for item in value if isinstance(item, str) and item.strip()]
    return []


def _alternatives(value: Any) -> frozenset[str]:
    return frozenset(part.strip().upper() for part in str(value).split("/") if part.strip())


def codes_agree(pred: Any, gold: Any) -> bool:
    """Actor country/sector codes agree: null == null, else any "/"-joined alternative on each side is shared.

    Gold joins acceptable alternatives with "/" (SCHEMA.md `actor*.sector`, e.g. ``REB/IMG``); a prediction
    may hedge the same way and is right when its alternatives and the gold's overlap.
    """
    if gold is None or pred is None:
        return gold is None and pred is None
    return bool(_alternatives(pred) & _alternatives(gold))


def same_text(pred: Any, gold: Any) -> bool:
    """Closed-vocabulary values (PLOVER, ACLED, factuality, stance, date) agree: null == null, else equal
    after trimming and case folding."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return str(pred).strip().casefold() == str(gold).strip().casefold()


def _point(place: Any) -> tuple[float, float] | None:
    if not isinstance(place, Mapping):
        return None
    lat, lon = place.get("lat"), place.get("lon")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return float(lat), float(lon)
    return None


def _haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def location_error_km(pred: Iterable[Any], gold: Iterable[Any]) -> float | None:
    """Smallest great-circle distance between any predicted and any gold place, or None when the
    prediction gives no coordinates. Events may name several places (dev README "Locations"), so the
    closest pair counts."""
    gold_points = [p for p in map(_point, gold) if p is not None]
    pred_points = [p for p in map(_point, pred) if p is not None]
    if not gold_points or not pred_points:
        return None
    return min(_haversine_km(p, g) for p in pred_points for g in gold_points)


def _tokens(value: str) -> set[str]:
    return {token for token in _TOKEN.findall(value.casefold()) if token not in _STOPWORDS}


def source_overlap(pred: Any, gold: Any) -> bool:
    """Two claim sources name the same source: one contains the other (case-insensitive, whole words), or
    they share at least half of the shorter one's words, mirroring the evidence rule ("the Interior
    Ministry" vs. "the Syrian Interior Ministry")."""
    if not isinstance(pred, str) or not isinstance(gold, str):
        return False
    p, g = " ".join(pred.casefold().split()), " ".join(gold.casefold().split())
    if not p or not g:
        return False
    # Containment at word boundaries: "US" must not be found inside "Russian officials".
    if re.search(rf"\b{re.escape(p)}\b", g) or re.search(rf"\b{re.escape(g)}\b", p):
        return True
    p_tokens, g_tokens = _tokens(p), _tokens(g)
    shorter = min(len(p_tokens), len(g_tokens))
    return shorter > 0 and 2 * len(p_tokens & g_tokens) >= shorter
