"""Latency per article, text to stored events: p50/p95/p99 through a real SQLite store.

Each article goes through ``eventwatch.pipeline.process`` and ``Store.save`` (one transaction) into a fresh
SQLite file per run; the time per article is from handing over its text to its events being committed.
A warm-up run first, then --runs timed runs over the stream; the percentiles pool every timed article. The
raw spaCy parse time per article of the same texts is measured in the same run, with the ratio of medians.

    .venv/bin/python bench/latency.py [--stream sample|mixed] [--runs 5] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import STREAMS, emit, forget_caches, load_stream, machine, percentile, stock_model
from eventwatch import nlp, pipeline, store
from eventwatch.config import load_config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stream", choices=STREAMS, default="sample")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0, help="Only the first N articles (0: all).")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    cfg = load_config()
    articles = load_stream(args.stream)
    if args.limit:
        articles = articles[: args.limit]
    model = stock_model(cfg.spacy_model)
    nlp.load_model(cfg.spacy_model, cfg.entity_recognizer)
    latencies_s: list[float] = []
    raw_s: list[float] = []
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs + 1):  # run 0 is the warm-up
            forget_caches()
            with store.open_store(str(Path(tmp) / f"run{run}.db")) as st:
                for article in articles:
                    start = time.perf_counter()
                    model(article.text)
                    raw = time.perf_counter() - start
                    start = time.perf_counter()
                    result = next(pipeline.process([article], cfg))
                    if isinstance(result, pipeline.ProcessingFailure):
                        failures += run > 0
                    else:
                        st.save(result)
                    elapsed = time.perf_counter() - start
                    if run > 0:
                        latencies_s.append(elapsed)
                        raw_s.append(raw)
    figures: dict[str, Any] = {
        "machine": machine(),
        "stream": args.stream,
        "articles": len(articles),
        "runs": args.runs,
        "failures": failures,
        "latency_s": {q: percentile(latencies_s, v) for q, v in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99))},
        "raw_spacy_parse_s": {q: percentile(raw_s, v) for q, v in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99))},
    }
    figures["ratio_p50_raw_to_pipeline"] = figures["raw_spacy_parse_s"]["p50"] / figures["latency_s"]["p50"]
    n = len(latencies_s)
    lat, raw = figures["latency_s"], figures["raw_spacy_parse_s"]
    lines = [
        f"machine: {figures['machine']}",
        f"latency_text_to_stored: {lat['p50']:.3f} s (n={n}, p50={lat['p50']:.3f}, p95={lat['p95']:.3f}, "
        f"p99={lat['p99']:.3f})",
        f"raw_spacy_parse: {raw['p50']:.3f} s (n={n}, p50={raw['p50']:.3f}, p95={raw['p95']:.3f}, "
        f"p99={raw['p99']:.3f})",
        f"ratio_p50_raw_to_pipeline: {figures['ratio_p50_raw_to_pipeline']:.2f} x (n={n})",
        f"failures: {failures} articles (n={n})",
    ]
    emit(figures, lines, args.json)


if __name__ == "__main__":
    main()
