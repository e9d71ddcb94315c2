"""Exports: the gold-format JSON of one article, and event listings as JSON, JSON Lines, CSV and GeoJSON."""

from eventwatch.export.gold_json import to_gold_json
from eventwatch.export.rows import row_dicts, to_csv, to_geojson, to_json, to_jsonl

__all__ = ["row_dicts", "to_csv", "to_geojson", "to_gold_json", "to_json", "to_jsonl"]
