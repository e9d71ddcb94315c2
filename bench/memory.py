"""Peak resident memory (RSS) of one worker process: after start-up, after the raw parse, after the run.

The whole stream goes through ``eventwatch.pipeline.process`` (--runs times, after one warm-up run) in this
one process; peak RSS is the kernel's ``ru_maxrss``, so each figure is the peak up to that point. The raw
spaCy parse of the same texts runs first, in the same process and run, for its speed and the ratio (with
eventwatch's own copy of the model: a second, stock copy would add its memory to the peak).

    .venv/bin/python bench/memory.py [--stream sample|mixed] [--runs 5] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import statistics
from typing import Any

from _common import STREAMS, emit, load_stream, machine, peak_rss_mb, raw_parse, timed
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
    nlp.load_model(cfg.spacy_model)
    figures["peak_rss_model_loaded_mb"] = peak_rss_mb()
    articles = load_stream(args.stream)
    if args.limit:
        articles = articles[: args.limit]
    texts = [a.text for a in articles]
    raw_times: list[float] = []
    run_times: list[float] = []
    for run in range(args.runs + 1):  # run 0 is the warm-up
        t_raw, _ = timed(lambda: raw_parse(texts, cfg.nlp_batch_size, stock=False))
        if run == 0:
            figures["peak_rss_after_raw_parse_mb"] = peak_rss_mb()
        t_run, _ = timed(lambda: sum(1 for _ in pipeline.process(articles, cfg)))
        if run > 0:
            raw_times.append(t_raw)
            run_times.append(t_run)
    figures["peak_rss_after_pipeline_mb"] = peak_rss_mb()
    n = len(articles)
    figures["articles"] = n
    figures["raw_spacy_parse_articles_per_s"] = n / statistics.median(raw_times)
    figures["pipeline_articles_per_s"] = n / statistics.median(run_times)
    figures["ratio_to_raw_parse"] = statistics.median(r / w for r, w in zip(raw_times, run_times, strict=True))
    lines = [f"machine: {figures['machine']}"]
    for key in ("imported", "model_loaded", "after_raw_parse", "after_pipeline"):
        lines.append(f"peak_rss_{key}: {figures[f'peak_rss_{key}_mb']:.0f} MiB (n={n}, runs={args.runs})")
    lines.append(f"raw_spacy_parse: {figures['raw_spacy_parse_articles_per_s']:.2f} articles/s/core (n={n})")
    lines.append(f"pipeline: {figures['pipeline_articles_per_s']:.2f} articles/s/core (n={n})")
    lines.append(f"ratio_to_raw_parse: {figures['ratio_to_raw_parse']:.2f} x (n={n}, runs={args.runs})")
    emit(figures, lines, args.json)


if __name__ == "__main__":
    main()
