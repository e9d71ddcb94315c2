"""Read-only access to the gazetteer index built by :mod:`eventwatch.geo.build`, with cached lookups."""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass
from pathlib import Path

from eventwatch.errors import ConfigError
from eventwatch.geo._fold import fold, plain

_MAX_CANDIDATES = 200  # a folded key shared by more places than this is too vague to rank usefully
_CACHE_SIZE = 50_000


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer place a name may refer to; ``spelling`` is the plain form of the name that matched."""

    id: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str  # ISO alpha-3
    cc: str  # ISO alpha-2
    admin1_code: str
    admin1: str
    admin2: str
    population: int
    precision: str
    is_approximate: bool
    source: str
    spelling: str

    @property
    def admin1_key(self) -> str:
        """Country-qualified admin1 code ("SY.09"); "" when the place has no admin1 code."""
        return f"{self.cc}.{self.admin1_code}" if self.admin1_code else ""


_SELECT = (
    "SELECT p.id, p.geonameid, p.name, p.lat, p.lon, p.fclass, p.fcode, p.country, p.cc, p.admin1_code, "
    "p.admin1, p.admin2, p.population, p.precision, p.approx, p.source, n.plain "
    "FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? LIMIT ?"
)


class Gazetteer:
    """The gazetteer index, opened read-only. Lookups are cached (LRU) and thread-safe."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[str, str], tuple[Candidate, ...]] = OrderedDict()  # (folded, surface)
        self._demonyms = {word: country for word, country in conn.execute("SELECT word, country FROM demonym")}
        self._countries: dict[str, Candidate] = {}
        for cand in self._rows("SELECT p.*, p.name FROM place p WHERE p.fcode = 'PCLI'", ()):
            self._countries.setdefault(cand.country, cand)
        near: defaultdict[str, set[str]] = defaultdict(set)
        try:
            for country, other in conn.execute("SELECT country, near FROM neighbour"):
                near[country].add(other)
        except sqlite3.OperationalError:
            pass  # an index built before the table: no neighbours, resolution as before
        self._neighbours = {country: frozenset(others) for country, others in near.items()}

    @classmethod
    def open(cls, path: Path) -> Gazetteer:
        """Open the index at ``path``; :class:`ConfigError` if it is missing or not an index."""
        if not path.is_file():
            raise ConfigError(
                f"geo: gazetteer index {path} not found; rebuild: python -m eventwatch.geo.build --out {path}"
            )
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            conn.execute("SELECT v FROM meta WHERE k = 'schema'").fetchone()
        except sqlite3.Error as exc:
            raise ConfigError(f"geo: gazetteer index {path} is unreadable ({exc}); rebuild it") from exc
        return cls(conn, path)

    def close(self) -> None:
        self._conn.close()

    def _rows(self, sql: str, params: tuple[object, ...]) -> list[Candidate]:
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        return [
            Candidate(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5] or "",
                r[6] or "",
                r[7] or "",
                r[8] or "",
                r[9] or "",
                r[10] or "",
                r[11] or "",
                r[12],
                r[13],
                bool(r[14]),
                r[15],
                plain(r[16]),
            )
            for r in rows
        ]

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """Places whose folded name equals ``name``'s, one per place (best-matching spelling kept)."""
        folded = fold(name)
        if not folded:
            return ()
        surface = plain(name)
        key = (folded, surface)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
        if hit is not None:
            return hit
        best: dict[int, Candidate] = {}
        for cand in self._rows(_SELECT, (folded, _MAX_CANDIDATES)):
            old = best.get(cand.id)
            if old is None or (cand.spelling == surface and old.spelling != surface):
                best[cand.id] = cand
        result = tuple(best.values())
        with self._lock:
            self._cache[key] = result
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return result

    def has_name(self, name: str) -> bool:
        return bool(self.lookup(name))

    def demonym_country(self, word: str) -> str | None:
        """ISO alpha-3 of the country a demonym names ("Syrian" → "SYR"); None if ``word`` is not one."""
        country = self._demonyms.get(plain(word))
        if country is None and word.endswith("s"):  # plural: "Syrians", "Russians"
            country = self._demonyms.get(plain(word[:-1]))
        return country

    def area(self, key: str) -> tuple[float, float, float, float] | None:
        """Extent (lat_lo, lat_hi, lon_lo, lon_hi) of a country ("SY") or admin1 unit ("SY.09") from its populated
        places; None when unknown or when the index predates the ``area`` table."""
        try:
            with self._lock:
                row = self._conn.execute(
                    "SELECT lat_lo, lat_hi, lon_lo, lon_hi FROM area WHERE key = ?", (key,)
                ).fetchone()
        except sqlite3.OperationalError:
            return None
        return (row[0], row[1], row[2], row[3]) if row else None

    def neighbours(self, iso3: str) -> frozenset[str]:
        """ISO alpha-3 codes of the countries that share a border with ``iso3`` ("ISR" → PSE, EGY, JOR, ...)."""
        return self._neighbours.get(iso3, frozenset())

    def country(self, iso3: str) -> Candidate | None:
        """The country entry for ISO alpha-3 ``iso3``."""
        return self._countries.get(iso3)
