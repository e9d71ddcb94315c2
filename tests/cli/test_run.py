"""`eventwatch run`: idempotent re-runs, bad inputs rejected one line each, nothing stored lost."""

from __future__ import annotations

import gzip
import json
import re
import sqlite3
from pathlib import Path

from tests.conftest import REPO

SAMPLE = REPO / "src" / "eventwatch" / "data" / "corpus" / "articles.jsonl"


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        tables = ("articles", "sentences", "events", "event_mentions", "claims", "sources", "places")
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def _subset(tmp_path: Path, n: int) -> Path:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:n]
    path = tmp_path / "subset.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_run_twice_leaves_every_count_unchanged(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "ew.db"
    src = _subset(tmp_path, 12)
    first = cli("run", str(src), "--db", str(db))
    assert first.returncode == 0, first.stderr
    before = _counts(db)
    second = cli("run", str(src), "--db", str(db))
    assert second.returncode == 0, second.stderr
    assert _counts(db) == before
    assert before["articles"] == 12
    assert "0 stored, 12 duplicate" in second.stderr


def test_run_prints_summary_for_sample_corpus(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "ew.db"
    result = cli("run", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert re.search(r"articles: 150 in store \(150 stored", result.stderr)
    assert re.search(r"events: \d+ \(ASSAULT \d+", result.stderr)
    assert "contested:" in result.stderr
    assert f"store: {db}" in result.stderr


def _bad_inputs(folder: Path) -> list[str]:
    """Writes one file per kind of bad input; returns their names."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "garbage.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "bomb.html.gz").write_bytes(gzip.compress(b"<html><body>" + b"A" * 300_000_000 + b"</body></html>", 9))
    (folder / "huge.txt").write_bytes(b"Troops attacked the town. " * 1_000_000)
    (folder / "broken.warc.gz").write_bytes(
        gzip.compress(
            b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/a\r\n"
            b"Content-Length: 5120\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html><body><p>cut"
        )[:-20]
    )
    (folder / "nothing.html").write_bytes(b"<html><head><title>x</title></head><body><div></div></body></html>")
    return ["empty.txt", "garbage.txt", "bomb.html.gz", "huge.txt", "broken.warc.gz", "nothing.html"]


def test_run_rejects_bad_inputs_one_line_each_and_keeps_good_ones(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "ew.db"
    earlier = _subset(tmp_path, 3)
    assert cli("run", str(earlier), "--db", str(db)).returncode == 0
    before = _counts(db)

    folder = tmp_path / "mixed"
    folder.mkdir()
    bad = _bad_inputs(folder)
    good = json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[40])
    (folder / "good.txt").write_text(good["text"], encoding="utf-8")
    (folder / "latin1.txt").write_bytes(
        "Le président a déclaré que l'armée avait bombardé la ville près de la frontière syrienne. "
        "Des témoins ont décrit des frappes aériennes.".encode("latin-1")
    )
    result = cli("run", str(folder), "--db", str(db), "--verbose")
    assert result.returncode == 3, result.stderr
    rejected_lines = [line for line in result.stderr.splitlines() if line.startswith("ingest:")]
    for name in bad:
        assert sum(name in line for line in rejected_lines) == 1, (name, rejected_lines)
    after = _counts(db)
    assert after["articles"] == before["articles"] + 2
    assert all(after[t] >= before[t] for t in before)
