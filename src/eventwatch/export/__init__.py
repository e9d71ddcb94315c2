"""Exports: the gold-format JSON of one article, and fused events as ACLED-style CSV (+ claims CSV), GeoJSON,
JSON Lines and a GDELT-style events table. ``docs/exports.md`` documents every column."""

from eventwatch.export.acled import (
    acled_row,
    claim_columns,
    iter_acled_csv,
    iter_claims_csv,
    to_acled_csv,
    to_claims_csv,
)
from eventwatch.export.events import iter_details, iter_events
from eventwatch.export.gdelt import gdelt_row, iter_gdelt_tsv, to_gdelt_tsv
from eventwatch.export.gold_json import to_gold_json
from eventwatch.export.jsonl import event_record, iter_events_jsonl, to_events_jsonl
from eventwatch.export.rows import row_dicts, to_csv, to_geojson, to_json, to_jsonl

__all__ = [
    "acled_row",
    "claim_columns",
    "event_record",
    "gdelt_row",
    "iter_acled_csv",
    "iter_claims_csv",
    "iter_details",
    "iter_events",
    "iter_events_jsonl",
    "iter_gdelt_tsv",
    "row_dicts",
    "to_acled_csv",
    "to_claims_csv",
    "to_csv",
    "to_events_jsonl",
    "to_gdelt_tsv",
    "to_geojson",
    "to_gold_json",
    "to_json",
    "to_jsonl",
]
