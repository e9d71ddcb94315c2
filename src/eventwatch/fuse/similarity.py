"""How alike two event mentions are: type, actors, place, date and evidence text, scored with numpy.

One mention is scored against an array of candidates at once (``score_candidates``), so the cost per pair is
a few vector operations, not a Python loop. Text is a hashed bag of words and word bigrams (the "hashing
trick", Weinberger et al. 2009): no vocabulary to fit, so an incremental run embeds a new mention exactly as a
batch run would. Actors are hashed into a 64-bit mask per mention; their overlap is a Jaccard index on the
bits (two names sharing a bit by chance is rare with a handful of actors per mention).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)

# Words that say nothing about which event a sentence reports (function words and reporting verbs); they
# would make every pair of news sentences look alike.
_STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but as that this these those it its is are was were be
    been being has have had will would could should may might can not no than then there their they them he she
    his her we our you your i said says say told according reported reports also after before during while
    which who whom whose what when where other into over about up out more most some such""".split()
)
_WORD = re.compile(r"[^\W\d_]+|\d+")

FloatArray = npt.NDArray[np.float32]


def _bucket(token: str, dims: int) -> int:
    # blake2b, not hash(): Python's str hash is salted per process, and vectors must agree across runs.
    return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little") % dims


def text_tokens(text: str) -> list[str]:
    """Content words (casefolded, stopwords dropped) and their adjacent bigrams."""
    words = [w for w in (m.group().casefold() for m in _WORD.finditer(text)) if w not in _STOPWORDS]
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


def text_vectors(texts: Sequence[str], dims: int) -> FloatArray:
    """One L2-normalised hashed bag-of-words row per text (a zero row for a text without content words)."""
    out = np.zeros((len(texts), dims), dtype=np.float32)
    cache: dict[str, int] = {}
    for row, text in enumerate(texts):
        for token in text_tokens(text):
            col = cache.get(token)
            if col is None:
                col = cache[token] = _bucket(token, dims)
            out[row, col] += 1.0
    np.sqrt(out, out=out)  # sublinear term frequency: a repeated word counts less than two different ones
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out


def actor_mask(actors: Sequence[str]) -> int:
    """A 64-bit mask with one bit per actor key (see the module docstring)."""
    mask = 0
    for key in actors:
        mask |= 1 << _bucket(key, 64)
    return mask


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each cue counts in a pair's score (the parts are in [0, 1]; the weights sum to 1).

    Tuned on the fusion dev set (``data/eval/fusion_dev.jsonl``, docs/fusion.md): text carries most, since
    actors and places are often missing or vague in one of two reports.
    """

    text: float = 0.45
    date: float = 0.15
    place: float = 0.2
    actors: float = 0.2
    acled_mismatch: float = 0.25  # subtracted when both mentions have an ACLED type and they differ


@dataclass(frozen=True, slots=True)
class MentionArrays:
    """Column arrays of the mentions being fused, indexed by mention position."""

    text: FloatArray  # (n, dims) hashed text vectors
    day_lo: npt.NDArray[np.float64]  # NaN: no date
    day_hi: npt.NDArray[np.float64]
    is_exact_day: npt.NDArray[np.bool_]
    lat: npt.NDArray[np.float64]  # NaN: no place
    lon: npt.NDArray[np.float64]
    country: npt.NDArray[np.int64]  # interned country code; -1: unknown
    actors: npt.NDArray[np.uint64]  # actor_mask
    acled: npt.NDArray[np.int64]  # interned ACLED type; -1: unknown
    is_background: npt.NDArray[np.bool_]


def _popcount(x: npt.NDArray[np.uint64]) -> npt.NDArray[np.float64]:
    return np.bitwise_count(x).astype(np.float64)


def score_candidates(
    a: MentionArrays, i: int, cand: npt.NDArray[np.intp], weights: Weights, max_km: float
) -> npt.NDArray[np.float64]:
    """The similarity in [-0.25, 1] of mention ``i`` to each candidate; -1 where they cannot be one event.

    Hard rules (-1): two exact dates on different days (a look-alike on the next day is a different event,
    unless one mention is background, whose date is vague); places farther apart than ``max_km``; different
    known countries. An unknown cue scores a neutral 0.5 so missing data neither merges nor splits.
    """
    text = a.text[cand] @ a.text[i]

    lo = np.maximum(a.day_lo[cand], a.day_lo[i])
    hi = np.minimum(a.day_hi[cand], a.day_hi[i])
    gap = np.maximum(lo - hi, 0.0)  # days between the two date intervals; NaN when either is unknown
    dated = ~np.isnan(gap)
    both_exact = a.is_exact_day[cand] & a.is_exact_day[i]
    date = np.where(dated, np.where(gap == 0, np.where(both_exact, 1.0, 0.7), np.maximum(0.0, 0.5 - 0.1 * gap)), 0.5)
    either_background = a.is_background[cand] | a.is_background[i]
    date_clash = dated & both_exact & (gap > 0) & ~either_background

    lat1, lon1 = np.radians(a.lat[i]), np.radians(a.lon[i])
    lat2, lon2 = np.radians(a.lat[cand]), np.radians(a.lon[cand])
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    placed = ~np.isnan(km)
    # 1 within a city (10 km), halving every 25 km beyond: the same strike geocoded to a district or its city.
    place = np.where(placed, np.exp2(-np.maximum(km - 10.0, 0.0) / 25.0), 0.5)
    c1, c2 = a.country[i], a.country[cand]
    place_clash = (placed & (km > max_km)) | ((c1 >= 0) & (c2 >= 0) & (c1 != c2))

    m1, m2 = a.actors[i], a.actors[cand]
    union = _popcount(m1 | m2)
    inter = _popcount(m1 & m2)
    has1, has2 = m1 != 0, m2 != 0
    actors = np.where(has1 & has2, inter / np.maximum(union, 1.0), np.where(has1 | has2, 0.4, 0.5))

    g1, g2 = a.acled[i], a.acled[cand]
    acled_mismatch = (g1 >= 0) & (g2 >= 0) & (g1 != g2)

    score = weights.text * text + weights.date * date + weights.place * place + weights.actors * actors
    score = score - weights.acled_mismatch * acled_mismatch
    return np.where(date_clash | place_clash, -1.0, score)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
