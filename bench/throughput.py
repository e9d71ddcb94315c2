"""Articles per second per core for the whole pipeline and per stage, on the bundled sample corpus.

One process, one core (the figure is per core). Warm-up run first, then --runs timed runs; prints the median
and the spread (min..max), one figure per line, plus the raw spaCy-small parse speed of the same texts
measured in the same run so the ratio holds on other machines.

    python bench/throughput.py [--runs 5] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: the figure is per core

from eventwatch import attribute, extract, fuse, geo, ingest, nlp
from eventwatch.config import load_config
from eventwatch.errors import InputError
from eventwatch.records import Article


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0, help="Only the first N articles (0: all).")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    cfg = load_config()
    articles = [a for a in ingest.read_inputs([str(ingest.SAMPLE_CORPUS)], cfg) if not isinstance(a, InputError)]
    if args.limit:
        articles = articles[: args.limit]
    assert all(isinstance(a, Article) for a in articles)
    n = len(articles)
    model = nlp.load_model(cfg.spacy_model)

    def raw_parse() -> None:
        for _ in model.pipe([a.text for a in articles], batch_size=cfg.nlp_batch_size):
            pass

    stage_times: dict[str, list[float]] = {k: [] for k in ("nlp", "extract", "attribute", "geo", "fuse")}
    whole: list[float] = []
    raw: list[float] = []
    for run in range(args.runs + 1):  # run 0 is the warm-up
        t_raw, _ = _timed(raw_parse)
        t_nlp, parsed = _timed(lambda: list(nlp.run(articles, cfg)))
        t_ex, analyses = _timed(lambda p=parsed: list(extract.run(p, cfg)))
        t_at, analyses = _timed(lambda a=analyses: list(attribute.run(a, cfg)))
        t_geo, analyses = _timed(lambda a=analyses: list(geo.run(a, cfg)))
        t_fu, analyses = _timed(lambda a=analyses: list(fuse.run(a, cfg)))
        if run == 0:
            continue
        raw.append(t_raw)
        for name, t in zip(stage_times, (t_nlp, t_ex, t_at, t_geo, t_fu), strict=True):
            stage_times[name].append(t)
        whole.append(t_nlp + t_ex + t_at + t_geo + t_fu)

    def rate(times: list[float]) -> dict[str, float]:
        rates = [n / t for t in times]
        return {"median": statistics.median(rates), "min": min(rates), "max": max(rates)}

    figures: dict[str, Any] = {
        "articles": n,
        "runs": args.runs,
        "pipeline_articles_per_s": rate(whole),
        "raw_spacy_parse_articles_per_s": rate(raw),
        "stages_articles_per_s": {k: rate(v) for k, v in stage_times.items()},
    }
    figures["ratio_to_raw_parse"] = (
        figures["pipeline_articles_per_s"]["median"] / figures["raw_spacy_parse_articles_per_s"]["median"]
    )
    if args.json:
        print(json.dumps(figures, indent=2))
        return

    def line(name: str, r: dict[str, float]) -> str:
        spread = f"min {r['min']:.2f}, max {r['max']:.2f}"
        return f"{name}: {r['median']:.2f} articles/s/core (n={n}, runs={args.runs}, {spread})"

    print(line("pipeline", figures["pipeline_articles_per_s"]))
    print(line("raw_spacy_parse", figures["raw_spacy_parse_articles_per_s"]))
    print(f"ratio_to_raw_parse: {figures['ratio_to_raw_parse']:.2f}x")
    for name, r in figures["stages_articles_per_s"].items():
        print(line(f"stage_{name}", r))


if __name__ == "__main__":
    main()
