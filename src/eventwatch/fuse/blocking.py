"""Which mentions are worth comparing: same type, overlapping dates (give or take a window).

Mentions are filed in buckets keyed by (PLOVER type, window-sized slice of days); a mention looks only in the
buckets its date interval, widened by the window, touches. With a steady number of events per day the
number of candidates per mention stays flat, so fusing grows about linearly with the corpus. Mentions
without any date (neither in the text nor the article's publication date) share one bucket per type and are
compared only with each other.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date

import numpy as np
import numpy.typing as npt

_UNDATED = -(2**62)  # bucket number of undated mentions


def day_interval(iso: str | None) -> tuple[int, int] | None:
    """The days (proleptic ordinals, inclusive) an ISO date, month or year covers; None when absent or bad."""
    if not iso:
        return None
    parts = iso.split("-")
    try:
        if len(parts) >= 3:
            d = date(int(parts[0]), int(parts[1]), int(parts[2][:2])).toordinal()
            return d, d
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            first = date(year, month, 1).toordinal()
            last = (date(year + month // 12, month % 12 + 1, 1).toordinal() - 1) if month else first
            return first, last
        year = int(parts[0])
        return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    except ValueError:
        return None


class DayIndex:
    """Buckets of mention positions by (type, day slice); ``candidates`` then ``add`` each mention in turn."""

    def __init__(self, window_days: int, max_candidates: int) -> None:
        self._window = max(1, window_days)
        self._max = max_candidates
        self._buckets: dict[tuple[str, int], list[int]] = defaultdict(list)

    def _slices(self, lo: float, hi: float, widen: int) -> range | list[int]:
        if math.isnan(lo):
            return [_UNDATED]
        return range(int(lo - widen) // self._window, int(hi + widen) // self._window + 1)

    def add(self, pos: int, plover: str, lo: float, hi: float) -> None:
        for s in self._slices(lo, hi, 0):
            self._buckets[(plover, s)].append(pos)

    def candidates(self, plover: str, lo: float, hi: float) -> npt.NDArray[np.intp]:
        """Positions filed so far whose bucket the interval (widened by the window) touches; the newest
        ``max_candidates`` when there are more (the rest are older reports of a busy place and day)."""
        found: list[int] = []
        for s in self._slices(lo, hi, self._window):
            found.extend(self._buckets.get((plover, s), ()))
        if not found:
            return np.empty(0, dtype=np.intp)
        out = np.unique(np.asarray(found, dtype=np.intp))  # a month-precise mention sits in several buckets
        return out[-self._max :] if len(out) > self._max else out
