"""Event listings as JSON, JSON Lines, CSV and GeoJSON (RFC 7946: coordinates are [lon, lat])."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterable, Mapping
from typing import Any


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def row_dicts(rows: Iterable[Any]) -> list[dict[str, Any]]:
    """Rows (dataclasses or mappings) as plain JSON-ready dicts."""
    return [_plain(r) for r in rows]


def to_json(rows: Iterable[Any]) -> str:
    return json.dumps(row_dicts(rows), ensure_ascii=False, indent=2, default=str)


def to_jsonl(rows: Iterable[Any]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in row_dicts(rows))


def to_csv(rows: Iterable[Any]) -> str:
    dicts = row_dicts(rows)
    out = io.StringIO()
    if not dicts:
        return ""
    columns = list(dicts[0])
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for d in dicts:
        writer.writerow({k: json.dumps(v, default=str) if isinstance(v, list | dict) else v for k, v in d.items()})
    return out.getvalue()


def to_geojson(rows: Iterable[Any]) -> str:
    """A FeatureCollection; rows without coordinates get a null geometry (allowed by RFC 7946 §3.2)."""
    features = []
    for d in row_dicts(rows):
        lat, lon = d.get("latitude"), d.get("longitude")
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        features.append({"type": "Feature", "id": d.get("id"), "geometry": geometry, "properties": d})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, default=str)
