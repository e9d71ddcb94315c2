"""Reliability figures on the hostile-input corpus (tests/data/hostile + the big inputs made at run time).

    .venv/bin/python bench/hostile.py [--json]

Runs ``eventwatch run`` once as a subprocess on the whole mix (peak RSS of the child from wait4, exit code,
stored / rejected counts), then reads and processes each hostile input alone in this process to find the
slowest one (per-document time against ``doc_timeout_s``). Loopback only; no randomness.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.reliability._big_inputs import write_big_inputs  # noqa: E402
from tests.reliability._child import run_measured  # noqa: E402

from eventwatch import pipeline  # noqa: E402
from eventwatch.config import load_config  # noqa: E402
from eventwatch.errors import InputError  # noqa: E402
from eventwatch.ingest import read_inputs  # noqa: E402

HOSTILE = REPO / "tests" / "data" / "hostile"


def main() -> None:
    cfg = load_config()
    manifest = json.loads((HOSTILE / "MANIFEST.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big"
        big_names = write_big_inputs(big, cfg)
        db = Path(tmp) / "hostile.db"
        child = run_measured("run", str(HOSTILE), str(big), "--db", str(db))
        with sqlite3.connect(db) as conn:
            stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        errors = sum(line.startswith(("ingest: ", "process: ")) for line in child.stderr_lines)
        paths = [HOSTILE / n for n, m in sorted(manifest.items()) if m["kind"] not in ("corpus", "aeb")]
        paths += [big / n for n in big_names]
        slowest = (0.0, "")
        for path in paths:
            start = time.perf_counter()
            for item in read_inputs([str(path)], cfg):
                if not isinstance(item, InputError):
                    pipeline.analyse(item, cfg)
            slowest = max(slowest, (time.perf_counter() - start, path.name))
    good = sum(m["kind"] in ("corpus", "aeb") for m in manifest.values())
    bad = sum(m["expect"] == "rejected" for m in manifest.values()) + len(big_names)
    figures = {
        "hostile_inputs": len(manifest) + len(big_names),
        "good_inputs": good,
        "bad_inputs": bad,
        "readable_hostile_inputs": len(manifest) - good - (bad - len(big_names)),
        "stored_articles": stored,
        "error_lines": errors,
        "exit_code": child.returncode,
        "peak_rss_mb": round(child.max_rss_mb, 1),
        "run_wall_s": round(child.wall_s, 1),
        "max_document_s": round(slowest[0], 2),
        "slowest_input": slowest[1],
        "doc_timeout_s": cfg.doc_timeout_s,
    }
    if "--json" in sys.argv:
        print(json.dumps(figures))
        return
    n = figures["hostile_inputs"]
    print(f"hostile inputs: {n} ({good} good, {bad} bad, {figures['readable_hostile_inputs']} readable hostile)")
    print(f"stored: {stored} articles; error lines: {errors}; exit code: {child.returncode}")
    print(f"peak RSS: {figures['peak_rss_mb']} MB (n=1 run of {n} inputs, {figures['run_wall_s']} s wall)")
    print(f"max per-document time: {figures['max_document_s']} s ({slowest[1]}; limit {cfg.doc_timeout_s:g} s)")


if __name__ == "__main__":
    main()
