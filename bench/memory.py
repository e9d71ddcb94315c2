"""Peak resident memory (RSS) of one worker process: after start-up, after loading the model, after the run.

The whole stream goes through ``eventwatch.pipeline.process`` (--runs times, after one warm-up run) in this
one process; peak RSS is the kernel's ``ru_maxrss``, so each figure is the peak up to that point. No stock
spaCy parse runs here (a second model would add its memory to the peak): bench/throughput.py gives the ratio.

    .venv/bin/python bench/memory.py [--stream sample|mixed] [--runs 5] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import statistics
from typing import Any

from _common import STREAMS, emit, load_stream, machine, peak_rss_mb, timed
from eventwatch import nlp, pipeline
from eventwatch.config import load_config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stream", choices=STREAMS, default="mixed")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0, help="Only the first N articles (0: all).")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures: dict[str, Any] = {"machine": machine(), "stream": args.stream, "runs": args.runs}
    figures["peak_rss_imported_mb"] = peak_rss_mb()
    cfg = load_config()
    nlp.load_model(cfg.spacy_model, cfg.entity_recognizer)
    figures["peak_rss_model_loaded_mb"] = peak_rss_mb()
    articles = load_stream(args.stream)
    if args.limit:
        articles = articles[: args.limit]
    run_times: list[float] = []
    for run in range(args.runs + 1):  # run 0 is the warm-up
        t_run, _ = timed(lambda: sum(1 for _ in pipeline.process(articles, cfg)))
        if run > 0:
            run_times.append(t_run)
    figures["peak_rss_after_pipeline_mb"] = peak_rss_mb()
    n = len(articles)
    figures["articles"] = n
    figures["pipeline_articles_per_s"] = n / statistics.median(run_times)
    lines = [f"machine: {figures['machine']}"]
    for key in ("imported", "model_loaded", "after_pipeline"):
        lines.append(f"peak_rss_{key}: {figures[f'peak_rss_{key}_mb']:.0f} MiB (n={n}, runs={args.runs})")
    lines.append(f"pipeline: {figures['pipeline_articles_per_s']:.2f} articles/s/core (n={n})")
    emit(figures, lines, args.json)


if __name__ == "__main__":
    main()
