"""Which mentions are worth comparing: same type, overlapping dates (give or take a window).

Mentions are filed in buckets keyed by (PLOVER type, window-sized slice of days, grid cell of its place); a
mention looks only in the buckets its date interval, widened by the window, and the cells around its place
touch. With a steady number of events per day the number of candidates per mention stays flat, so fusing
grows about linearly with the corpus. Mentions
without any date (neither in the text nor the article's publication date) share one bucket per type and are
compared only with each other.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date

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


# Grid cells of this many degrees file mentions placed at city level or finer: with ``fusion_max_km`` up to
# 100 km (a cell is at least 111 km tall, and wide below 56 degrees latitude), every place close enough to
# be the same event lies in the same or a neighbouring cell.
CELL_DEGREES = 2.0


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)


class DayIndex:
    """Buckets of mention positions by (type, day slice, grid cell); ``candidates`` then ``add`` each in turn.

    A mention with a precise place is filed under its cell and looks in the 3 x 3 cells around it plus
    the mentions placed vaguely (a country, no place); a vaguely placed mention looks at every mention of
    its type and days (the newest ``max_candidates``).
    """

    def __init__(self, window_days: int, max_candidates: int) -> None:
        self._window = max(1, window_days)
        self._max = max_candidates
        self._cells: dict[tuple[str, int, tuple[int, int] | None], list[int]] = defaultdict(list)
        self._all: dict[tuple[str, int], list[int]] = defaultdict(list)

    def _slices(self, lo: float, hi: float, widen: int) -> range | list[int]:
        if math.isnan(lo):
            return [_UNDATED]
        return range(int(lo - widen) // self._window, int(hi + widen) // self._window + 1)

    def add(self, pos: int, plover: str, lo: float, hi: float, cell: tuple[int, int] | None = None) -> None:
        for s in self._slices(lo, hi, 0):
            self._cells[(plover, s, cell)].append(pos)
            self._all[(plover, s)].append(pos)

    def candidates(self, plover: str, lo: float, hi: float, cell: tuple[int, int] | None = None) -> list[int]:
        """Positions filed so far whose bucket the interval (widened by the window) and cell touch; the newest
        ``max_candidates`` when there are more (the rest are older reports of a busy place and day)."""
        found: list[int] = []
        lists = 0
        for s in self._slices(lo, hi, self._window):
            if cell is None:
                keys: list[tuple[str, int, tuple[int, int] | None]] = []
                got = self._all.get((plover, s))
                if got:
                    found.extend(got)
                    lists += 1
            else:
                y, x = cell
                keys = [(plover, s, None)] + [(plover, s, (y + dy, x + dx)) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
            for key in keys:
                got = self._cells.get(key)
                if got:
                    found.extend(got)
                    lists += 1
        if lists > 1:  # a month-precise mention sits in several buckets
            found = sorted(set(found))
        return found[-self._max :] if len(found) > self._max else found
