"""Every event location of the project's dev gold (``shared/gold/dev/*.json``) is a toponym that
:func:`eventwatch.geo.find_places` must find and resolve in its article: the gazetteer's share of the job
of placing gold events."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from eventwatch.geo import Gazetteer, find_places
from eventwatch.geo.resolve import haversine_km
from eventwatch.records import ParsedArticle, Place

# shared/ sits beside the repository (CI clones main with shared/ next to it); a missing file fails.
GOLD_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "dev"
# Share of gold location mentions resolved within 161 km; floor set a little under this commit's figure.
FLOOR = 0.85


def _gold_locations() -> list[tuple[str, str, float, float]]:
    out = []
    for path in sorted(GOLD_DEV.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        for event in record["events"]:
            for loc in event["locations"]:
                out.append((path.stem, loc["name"], loc["lat"], loc["lon"]))
    return out


def _fragments(name: str) -> list[str]:
    """The gold name and its comma/parenthesis parts: "Freedom Plaza, Washington, DC" → also "Washington"."""
    parts = [name, *(p.strip(" )") for p in name.replace("(", ",").split(","))]
    return [p for p in dict.fromkeys(parts) if p]


def _hit(text: str, places: tuple[Place, ...], name: str, lat: float, lon: float) -> bool:
    """A place overlapping the gold name's first occurrence (or any of its parts) lies within 161 km."""
    spans = []
    for part in _fragments(name):
        start = text.find(part)
        if start >= 0:
            spans.append((start, start + len(part)))
    for p in places:
        if p.span is None:
            continue
        inside = any(p.span.start < e and s < p.span.end for s, e in spans)
        if (inside or p.name == name) and haversine_km(lat, lon, p.lat, p.lon) < 161:
            return True
    return False


def test_find_places_resolves_dev_gold_locations(gaz: Gazetteer, parse: Callable[[str], ParsedArticle]) -> None:
    gold = _gold_locations()
    assert len(gold) >= 60
    parsed: dict[str, ParsedArticle] = {}
    hits = 0
    misses = []
    for stem, name, lat, lon in gold:
        if stem not in parsed:
            parsed[stem] = parse((GOLD_DEV / f"{stem}.txt").read_text(encoding="utf-8"))
        doc = parsed[stem]
        # Demonyms included: "Iraqi military bases" is where gold places the event at Iraq.
        if _hit(doc.article.text, find_places(doc, gaz, include_demonyms=True), name, lat, lon):
            hits += 1
        else:
            misses.append(f"{stem}: {name}")
    share = hits / len(gold)
    print(f"gold locations within 161 km: {hits}/{len(gold)} = {share:.3f}; misses: {misses}")
    assert share >= FLOOR, misses
