"""How alike two event mentions are: type, actors, place, date and evidence text, scored with numpy.

One mention is scored against an array of candidates at once (``score_candidates``), so the cost per pair is
a few vector operations, not a Python loop. Text is a hashed bag of words and word bigrams (the "hashing
trick", Weinberger et al. 2009): no vocabulary to fit, so an incremental run embeds a new mention exactly as a
batch run would. Actors are hashed into a 64-bit mask per mention; their overlap is a Jaccard index on the
bits (two names sharing a bit by chance is rare with a handful of actors per mention).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pycountry

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)

# Words that say nothing about which event a sentence reports (function words and reporting verbs); they
# would make every pair of news sentences look alike.
_STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but as that this these those it its is are was were be
    been being has have had will would could should may might can not no than then there their they them he she
    his her we our you your i said says say told according reported reports also after before during while
    which who whom whose what when where other into over about up out more most some such""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[^\W\d_]+|\d+")

FloatArray = npt.NDArray[np.float32]


def _bucket(token: str, dims: int) -> int:
    # blake2b, not hash(): Python's str hash is salted per process, and vectors must agree across runs.
    return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little") % dims


# Weight of a capitalised word (a name: "Soleimani", "Abqaiq") against a common word ("strike"): names say
# which event it is, common words only what kind. A fitted IDF would do better but needs a corpus-wide
# vocabulary, which an incremental store does not have.
NAME_WEIGHT = 2.0
STEM_CHARS = 4
BIGRAM_WEIGHT = 0.5  # word pairs add specificity ("car bomb" vs "car" + "bomb") without outvoting the words


# Calendar names say when, which the date cue weighs already: in the names cue they would make two reports of
# different events on the same weekday look alike.
_CALENDAR = frozenset(
    w[:STEM_CHARS]
    for w in """monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december""".split()  # noqa: SIM905
)
# One spelling for the country news names most: "US", "U.S." and "USA" otherwise share nothing with "United States".
_US = re.compile(r"\b(?:U\.S\.(?:A\.)?|USA?\b)")


@functools.lru_cache(maxsize=1 << 16)
def _words(text: str) -> tuple[tuple[str, bool], ...]:
    """Content words of ``text`` as (stem, is a name), in order; stopwords dropped.

    Cached: each fusion batch featurises its whole neighbourhood, mostly mentions seen in earlier batches.
    """
    text = _US.sub("United States", text)
    words = []
    starts_sentence = True
    for m in _WORD.finditer(text):
        word = m.group()
        folded = word.casefold()
        if folded not in _STOPWORDS:
            is_name = word[0].isupper() and not starts_sentence
            # A four-letter prefix is a crude stem: "strikes"/"strike", "Iranian"/"Iran", "poisoned"/"poison".
            words.append((folded[:STEM_CHARS], is_name))
        starts_sentence = text[m.end() : m.end() + 2].lstrip(" ").startswith((".", "|", "\n"))
    return tuple(words)


def _tokens(words: Sequence[tuple[str, bool]]) -> list[tuple[str, float]]:
    weighted = [(stem, NAME_WEIGHT if is_name else 1.0) for stem, is_name in words]
    bigrams = [(f"{a}_{b}", BIGRAM_WEIGHT * max(wa, wb)) for (a, wa), (b, wb) in itertools.pairwise(weighted)]
    return weighted + bigrams


def text_tokens(text: str) -> list[tuple[str, float]]:
    """Content words (casefolded, stopwords dropped) and their adjacent bigrams, each with its weight."""
    return _tokens(_words(text))


def _country_stems() -> frozenset[str]:
    """Stems of the words of country names ("United States", "Iran", "Hong Kong"): they say where, or whose
    forces, which the place and actor cues already weigh, and nearly every report of a region names them."""
    names = [getattr(c, "common_name", None) or c.name.split(",")[0] for c in pycountry.countries]
    words = {w for name in [*names, "America", "Britain"] for w in _WORD.findall(name) if len(w) > STEM_CHARS - 1}
    return frozenset(w.casefold()[:STEM_CHARS] for w in words)


_COUNTRY_STEMS = _country_stems()
NAME_MASK_WORDS = 4  # 256 bits: two reports with a handful of names each rarely share a bit by chance


@functools.lru_cache(maxsize=1 << 16)
def _text_row(text: str, dims: int) -> tuple[tuple[int, ...], tuple[float, ...], int]:
    """One text's hashed bag-of-words (columns, weights) and its name-stem mask; cached like ``_words``."""
    words = _words(text)
    mask = 0
    for stem, is_name in words:
        if is_name and stem not in _COUNTRY_STEMS and stem not in _CALENDAR:
            mask |= 1 << _bucket(stem, 64 * NAME_MASK_WORDS)
    tokens = _tokens(words)
    return tuple(_bucket(token, dims) for token, _ in tokens), tuple(weight for _, weight in tokens), mask


def text_features(texts: Sequence[str], dims: int) -> tuple[FloatArray, npt.NDArray[np.uint64]]:
    """Per text, in one pass: an L2-normalised hashed bag-of-words row (zero without content words) and a
    256-bit mask (``NAME_MASK_WORDS`` x uint64) with one bit per name stem, country and calendar names left out."""
    out = np.zeros((len(texts), dims), dtype=np.float32)
    masks = np.zeros((len(texts), NAME_MASK_WORDS), dtype=np.uint64)
    rows: list[int] = []
    cols: list[int] = []
    weights: list[float] = []
    for row, text in enumerate(texts):
        text_cols, text_weights, mask = _text_row(text, dims)
        if mask:
            masks[row] = [(mask >> (64 * w)) & 0xFFFFFFFFFFFFFFFF for w in range(NAME_MASK_WORDS)]
        rows.extend([row] * len(text_cols))
        cols.extend(text_cols)
        weights.extend(text_weights)
    np.add.at(out, (np.asarray(rows, dtype=np.intp), np.asarray(cols, dtype=np.intp)), np.asarray(weights, np.float32))
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out, masks


def text_vectors(texts: Sequence[str], dims: int) -> FloatArray:
    """One L2-normalised hashed bag-of-words row per text (a zero row for a text without content words)."""
    return text_features(texts, dims)[0]


def actor_mask(actors: Sequence[str]) -> int:
    """A 64-bit mask with one bit per actor key (see the module docstring)."""
    mask = 0
    for key in actors:
        mask |= 1 << _bucket(key, 64)
    return mask


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each cue counts in a pair's score (the parts are in [0, 1]; the weights sum to 1).

    Tuned on the fusion dev set (``data/eval/fusion_dev.jsonl``, docs/fusion.md): two reports of one event
    often share few words, so where and when weigh as much as what is said.
    """

    text: float = 0.35
    date: float = 0.2
    place: float = 0.3
    actors: float = 0.15
    acled_mismatch: float = 0.05  # subtracted when both mentions have an ACLED type and they differ


@dataclass(frozen=True, slots=True)
class MentionArrays:
    """Column arrays of the mentions being fused, indexed by mention position."""

    text: FloatArray  # (n, dims) hashed text vectors
    day_lo: npt.NDArray[np.float64]  # NaN: no date
    day_hi: npt.NDArray[np.float64]
    is_exact_day: npt.NDArray[np.bool_]
    lat: npt.NDArray[np.float64]  # NaN: no place
    lon: npt.NDArray[np.float64]
    is_precise_place: npt.NDArray[np.bool_]  # a city or finer (a country's centroid says little)
    country: npt.NDArray[np.int64]  # interned country code; -1: unknown
    actors: npt.NDArray[np.uint64]  # actor_mask
    doers: npt.NDArray[np.uint64]  # actor_mask of actor1 alone
    targets: npt.NDArray[np.uint64]  # actor_mask of actor2 alone
    targets_civilians: npt.NDArray[np.bool_]
    names: npt.NDArray[np.uint64]  # (n, NAME_MASK_WORDS) name stems of the text (text_features)
    acled: npt.NDArray[np.int64]  # interned ACLED type; -1: unknown
    is_background: npt.NDArray[np.bool_]


def _popcount(x: npt.NDArray[np.uint64]) -> npt.NDArray[np.float64]:
    return np.bitwise_count(x).astype(np.float64)


def _roles_reversed(a: MentionArrays, left: npt.NDArray[np.intp], right: npt.NDArray[np.intp]) -> npt.NDArray[np.bool_]:
    """Pairs where one mention's attacker of civilians is the other's target ("Daesh targeted mourners" and
    "CENTCOM is targeting ISIL"): two events, however alike their place and words. Only with civilians as the
    target: in fighting between armed sides each report may name either side first ("rebels attacked the
    army" / "the army repelled the rebels")."""
    d1, d2 = a.doers[left], a.doers[right]
    t1, t2 = a.targets[left], a.targets[right]
    other_doers = (d1 & d2) == 0
    one_way = ((d1 & t2) != 0) & a.targets_civilians[left]
    other_way = ((d2 & t1) != 0) & a.targets_civilians[right]
    reversed_roles: npt.NDArray[np.bool_] = other_doers & (one_way | other_way)
    return reversed_roles


def score_pairs(
    a: MentionArrays, left: npt.NDArray[np.intp], right: npt.NDArray[np.intp], weights: Weights, max_km: float
) -> npt.NDArray[np.float64]:
    """The similarity in [-0.05, 1] of each pair ``(left[k], right[k])``; -1 where they cannot be one event.

    Hard rules (-1): two exact dates on different days (the next day's strike on the same place is another
    strike: the look-alike that row-identity deduplication cannot tell apart); two city-level places farther
    apart than ``max_km``; reversed roles against civilians (``_roles_reversed``). Vague dates (a month, a week,
    a background or planned mention, a definite reference such as "the strike that killed ...") need only
    overlap, give or take the window, which blocking already ensures. An unknown cue scores a neutral 0.5 so
    missing data neither merges nor splits. Vectorised over all pairs at once: per pair it costs a few array
    operations, not Python calls.
    """
    lo = np.maximum(a.day_lo[left], a.day_lo[right])
    hi = np.minimum(a.day_hi[left], a.day_hi[right])
    gap = np.maximum(lo - hi, 0.0)  # days between the two date intervals; NaN when either is unknown
    dated = ~np.isnan(gap)
    both_exact = a.is_exact_day[left] & a.is_exact_day[right]
    date = np.where(dated, np.where(gap == 0, np.where(both_exact, 1.0, 0.8), 0.3), 0.5)
    date_clash = dated & both_exact & (gap > 0)

    lat1, lon1 = np.radians(a.lat[left]), np.radians(a.lon[left])
    lat2, lon2 = np.radians(a.lat[right]), np.radians(a.lon[right])
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    precise = a.is_precise_place[left] & a.is_precise_place[right]
    c1, c2 = a.country[left], a.country[right]
    same_country = (c1 >= 0) & (c2 >= 0) & (c1 == c2)
    other_country = (c1 >= 0) & (c2 >= 0) & (c1 != c2)
    # Two cities: 1 within 10 km (a district and its city), halving every 25 km beyond. Otherwise the
    # country says a little: the same one 0.6, another 0.2, unknown 0.5.
    near = np.exp2(-np.maximum(km - 10.0, 0.0) / 25.0)
    coarse = np.where(same_country, 0.6, np.where(other_country, 0.2, 0.5))
    # A background mention's place is often the place of the sentence that recalls it (README: references to
    # past events get wrong places upstream): two cities far apart then compare as countries do, and never
    # split the pair. (A planned mention is placed where the act is to happen: far away, it is another act.)
    recalled = a.is_background[left] | a.is_background[right]
    far = precise & (km > max_km)
    by_city = precise & ~np.isnan(km) & ~(far & recalled)
    place = np.where(by_city, near, coarse)
    place_clash = far & ~recalled

    possible = ~(date_clash | place_clash | _roles_reversed(a, left, right))
    text = np.zeros(len(left))
    if possible.any():  # the vectors are the costly part: only for pairs the hard rules leave open
        li, ri = left[possible], right[possible]
        text[possible] = np.einsum("ij,ij->i", a.text[li], a.text[ri])

    m1, m2 = a.actors[left], a.actors[right]
    # Overlap coefficient, not Jaccard: one report names "Turkey", another "Turkish forces" and "the caliphate".
    smaller = np.minimum(_popcount(m1), _popcount(m2))
    inter = _popcount(m1 & m2)
    has1, has2 = m1 != 0, m2 != 0
    actors = np.where(has1 & has2, inter / np.maximum(smaller, 1.0), np.where(has1 | has2, 0.4, 0.5))
    # The extract stage often misses who took part ("the US airstrike that killed Iranian general Qasem
    # Soleimani": actor "Iran"), so the names both texts use (country and calendar names left out) count too:
    # one shared name is half the evidence, two (a person's full name) all of it. Two texts that both name
    # someone but share no name count as disjoint actors, unless the actor cue knows better.
    n1, n2 = a.names[left], a.names[right]
    named = np.minimum(_popcount(n1).sum(axis=1), _popcount(n2).sum(axis=1))
    shared_names = _popcount(n1 & n2).sum(axis=1)
    names = np.minimum(shared_names / np.clip(named, 1.0, 2.0), 1.0)
    apart = np.where(has1 & has2, actors, 0.0)
    actors = np.where(named > 0, np.where(shared_names > 0, np.maximum(actors, names), apart), actors)

    g1, g2 = a.acled[left], a.acled[right]
    acled_mismatch = (g1 >= 0) & (g2 >= 0) & (g1 != g2)

    # Where places compare only as countries or provinces, half the place's weight goes to the text instead.
    shift = np.where(by_city, 0.0, weights.place / 2)
    score = (weights.text + shift) * text + (weights.place - shift) * place
    score = score + weights.date * date + weights.actors * actors
    score = score - weights.acled_mismatch * acled_mismatch
    return np.where(possible, score, -1.0)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
