"""GeoJSON export: a FeatureCollection valid under RFC 7946, coordinates in longitude, latitude order."""

from __future__ import annotations

import json
import math
from typing import Any

from eventwatch import export
from eventwatch.store import EventFilters, SqlStore
from tests.api._data import N_EVENTS


def _number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


def rfc7946_errors(doc: Any) -> list[str]:
    """Everything in ``doc`` that RFC 7946 forbids for a FeatureCollection of Points (empty when valid)."""
    errors: list[str] = []
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        return ["top level is not a FeatureCollection object (§3.3)"]
    if "crs" in doc:
        errors.append("crs member is not allowed (§4)")
    features = doc.get("features")
    if not isinstance(features, list):
        return [*errors, "features is not an array (§3.3)"]
    for i, f in enumerate(features):
        where = f"feature {i}"
        if not isinstance(f, dict) or f.get("type") != "Feature":
            errors.append(f"{where}: not a Feature object (§3.2)")
            continue
        if "geometry" not in f or "properties" not in f:
            errors.append(f"{where}: geometry and properties members are required (§3.2)")
        if "id" in f and not (isinstance(f["id"], str) or _number(f["id"])):
            errors.append(f"{where}: id must be a string or number (§3.2)")
        if f.get("properties") is not None and not isinstance(f["properties"], dict):
            errors.append(f"{where}: properties must be an object or null (§3.2)")
        geometry = f.get("geometry")
        if geometry is None:
            continue
        if not isinstance(geometry, dict) or geometry.get("type") != "Point":
            errors.append(f"{where}: geometry is not a Point (§3.1.2)")
            continue
        position = geometry.get("coordinates")
        if not isinstance(position, list) or len(position) not in (2, 3) or not all(map(_number, position)):
            errors.append(f"{where}: a position is 2 or 3 numbers (§3.1.1)")
            continue
        lon, lat = position[0], position[1]
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            errors.append(f"{where}: position {position} is not longitude, latitude in degrees (§3.1.1, §4)")
    return errors


def test_validator_rejects_broken_documents() -> None:
    point = {"type": "Point", "coordinates": [37.1, 36.2]}
    assert rfc7946_errors({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": point}]})
    assert rfc7946_errors({"type": "FeatureCollection", "features": [], "crs": {}})
    swapped = {"type": "Point", "coordinates": [-33.9, 151.2]}  # lat, lon of Sydney: latitude out of range
    feature = {"type": "Feature", "geometry": swapped, "properties": {}}
    assert rfc7946_errors({"type": "FeatureCollection", "features": [feature]})
    assert rfc7946_errors([])


def test_geojson_export_is_valid_rfc7946(export_store: SqlStore) -> None:
    rows = list(export.iter_events(export_store, EventFilters(), 10_000))
    doc = json.loads(export.to_geojson(rows))
    assert rfc7946_errors(doc) == []
    assert len(doc["features"]) == N_EVENTS


def test_geojson_coordinates_are_longitude_then_latitude(export_store: SqlStore) -> None:
    rows = list(export.iter_events(export_store, EventFilters(), 10_000))
    doc = json.loads(export.to_geojson(rows))
    for feature, row in zip(doc["features"], rows, strict=True):
        assert feature["id"] == row.id
        assert feature["geometry"]["coordinates"] == [row.longitude, row.latitude]
        assert feature["properties"]["status"] == row.status


def test_geojson_export_over_http_is_valid(client_export: Any) -> None:
    r = client_export.get("/api/export/events.geojson", params={"status": "contested"})
    assert r.headers["content-type"].startswith("application/geo+json")
    doc = r.json()
    assert rfc7946_errors(doc) == []
    assert doc["features"] and all(f["properties"]["status"] == "contested" for f in doc["features"])
