"""Time from process start to the first processed article, in a fresh Python process each run.

Each run starts ``python -c`` (the venv's interpreter), which imports eventwatch, processes the first
article of the sample corpus through ``eventwatch.pipeline.process`` and prints a line; the figure is the
wall time from spawning the process to reading that line. The reference, measured in the same runs: a fresh
process that loads the spaCy pipeline and parses the same text. One warm-up run (file cache), then --runs.

    .venv/bin/python bench/startup.py [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from typing import Any

from _common import emit, machine, spread

_PIPELINE = """
from eventwatch import ingest, pipeline
from eventwatch.config import load_config
from eventwatch.records import Article
cfg = load_config()
article = next(a for a in ingest.read_inputs([str(ingest.SAMPLE_CORPUS)], cfg) if isinstance(a, Article))
result = next(pipeline.process([article], cfg))
print("done", type(result).__name__, flush=True)
"""

_RAW = """
import json
import spacy
from eventwatch.config import DATA_DIR, load_config
line = (DATA_DIR / "corpus" / "articles.jsonl").open(encoding="utf-8").readline()
spacy.load(load_config().spacy_model)(json.loads(line)["text"])
print("done", flush=True)
"""


def _time_to_first_line(code: str) -> float:
    start = time.perf_counter()
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - start
        proc.wait()
    if not line.startswith("done") or proc.returncode != 0:
        raise SystemExit(f"startup: child process failed (exit {proc.returncode}): {line!r}")
    if "ProcessingFailure" in line:
        raise SystemExit("startup: the first article failed to process")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    pipeline_s: list[float] = []
    raw_s: list[float] = []
    for run in range(args.runs + 1):  # run 0 is the warm-up
        raw = _time_to_first_line(_RAW)
        whole = _time_to_first_line(_PIPELINE)
        if run > 0:
            raw_s.append(raw)
            pipeline_s.append(whole)
    figures: dict[str, Any] = {
        "machine": machine(),
        "runs": args.runs,
        "start_to_first_article_s": spread(pipeline_s),
        "raw_spacy_start_to_first_parse_s": spread(raw_s),
        "ratio_raw_to_pipeline": spread([r / w for r, w in zip(raw_s, pipeline_s, strict=True)]),
    }

    def line(name: str, r: dict[str, float], unit: str) -> str:
        return f"{name}: {r['median']:.2f} {unit} (runs={args.runs}, min {r['min']:.2f}, max {r['max']:.2f})"

    lines = [
        f"machine: {figures['machine']}",
        line("start_to_first_article", figures["start_to_first_article_s"], "s"),
        line("raw_spacy_start_to_first_parse", figures["raw_spacy_start_to_first_parse_s"], "s"),
        line("ratio_raw_to_pipeline", figures["ratio_raw_to_pipeline"], "x"),
    ]
    emit(figures, lines, args.json)


if __name__ == "__main__":
    main()
