"""`eventwatch events --format ...`: the same exports from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from eventwatch.export import claim_columns
from eventwatch.export._tables import acled_columns
from tests.api._data import N_EVENTS
from tests.cli.conftest import run_cli


def test_cli_events_csv_is_acled_with_companion_claims(export_db: Path, tmp_path: Path) -> None:
    claims = tmp_path / "claims.csv"
    r = run_cli("events", "--db", str(export_db), "--format", "csv", "--claims", str(claims))
    assert r.returncode == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert tuple(rows[0]) == acled_columns()
    assert len(rows) == 1 + N_EVENTS
    with claims.open(encoding="utf-8", newline="") as f:
        assert tuple(next(csv.reader(f))) == claim_columns()


@pytest.mark.parametrize(
    ("fmt", "count"),
    [
        ("jsonl", lambda out: len(out.splitlines())),
        ("gdelt", lambda out: len(out.splitlines())),
        ("geojson", lambda out: len(json.loads(out)["features"])),
        ("json", lambda out: len(json.loads(out))),
    ],
)
def test_cli_events_formats_write_every_event(export_db: Path, fmt: str, count) -> None:  # type: ignore[no-untyped-def]
    r = run_cli("events", "--db", str(export_db), "--format", fmt)
    assert r.returncode == 0, r.stderr
    assert count(r.stdout) == N_EVENTS


def test_cli_events_filters_like_the_api(export_db: Path) -> None:
    r = run_cli("events", "--db", str(export_db), "--format", "jsonl", "--status", "contested", "--q", "Peskov")
    assert r.returncode == 0, r.stderr
    (line,) = r.stdout.splitlines()
    assert json.loads(line)["status"] == "contested"


@pytest.mark.parametrize("args", [["--since", "1' OR 1=1"], ["--bbox", "1,2,3"], ["--format", "xml"], ["--limit", "0"]])
def test_cli_events_bad_option_is_a_usage_error(export_db: Path, args: list[str]) -> None:
    r = run_cli("events", "--db", str(export_db), *args)
    assert r.returncode == 2, (r.stdout, r.stderr)
