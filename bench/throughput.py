"""Articles per second per core: whole pipeline and per stage, on the sample corpus and on a mixed stream.

One process, one core (the figure is per core). Per stream: a warm-up run, then --runs timed runs; prints
the median and the spread (min..max) of articles/s, one figure per line, plus the raw spaCy parse speed of
the same texts measured in the same run and the ratio of the two (the figure that holds on other machines).

* ``pipeline``: ``eventwatch.pipeline.process`` (what ``eventwatch run`` does, per-document time limit
  included), text to ``Analysis``; the store is left out (see bench/latency.py for text to stored events).
* ``stage_*``: the stages run one after another over the whole stream (``nlp.run`` batches across
  articles), each timed on its own; ``stage_screen`` is the look at the words that decides which articles the
  whole pipeline parses (the later stages here get every article, screened or not).

Streams are described in bench/_common.py.

    .venv/bin/python bench/throughput.py [--stream sample|mixed|both] [--runs 5] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
from typing import Any

from _common import STREAMS, emit, forget_caches, load_stream, machine, raw_parse, spread, timed
from eventwatch import attribute, extract, fuse, geo, nlp, pipeline
from eventwatch.config import load_config

STAGES = ("screen", "nlp", "extract", "attribute", "geo", "fuse")


def bench_stream(name: str, runs: int, limit: int) -> dict[str, Any]:
    cfg = load_config()
    articles = load_stream(name)
    if limit:
        articles = articles[:limit]
    n = len(articles)
    texts = [a.text for a in articles]
    raw: list[float] = []
    whole: list[float] = []
    stage_times: dict[str, list[float]] = {k: [] for k in STAGES}
    failures = 0
    for run in range(runs + 1):  # run 0 is the warm-up
        t_raw, _ = timed(lambda: raw_parse(texts, cfg.nlp_batch_size))
        forget_caches()
        t_whole, results = timed(lambda: list(pipeline.process(articles, cfg)))
        failures = sum(isinstance(r, pipeline.ProcessingFailure) for r in results)
        forget_caches()
        t_screen, _ = timed(lambda: [pipeline.screened_out(a, cfg) for a in articles])
        t_nlp, items = timed(lambda: list(nlp.run(articles, cfg)))
        times = [t_screen, t_nlp]
        for stage in (extract.run, attribute.run, geo.run, fuse.run):
            t, items = timed(lambda s=stage, i=items: list(s(i, cfg)))
            times.append(t)
        if run == 0:
            continue
        raw.append(t_raw)
        whole.append(t_whole)
        for stage_name, t in zip(STAGES, times, strict=True):
            stage_times[stage_name].append(t)

    def rate(times: list[float]) -> dict[str, float]:
        return spread([n / t for t in times])

    figures: dict[str, Any] = {
        "stream": name,
        "articles": n,
        "runs": runs,
        "failures": failures,
        "pipeline_articles_per_s": rate(whole),
        "raw_spacy_parse_articles_per_s": rate(raw),
        "stages_articles_per_s": {k: rate(v) for k, v in stage_times.items()},
    }
    # Ratio per run (same run, same texts), then the median: robust to the machine's load changing.
    figures["ratio_to_raw_parse"] = spread([r / w for r, w in zip(raw, whole, strict=True)])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stream", choices=[*STREAMS, "both"], default="both")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0, help="Only the first N articles of a stream (0: all).")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    names = STREAMS if args.stream == "both" else (args.stream,)
    results = {name: bench_stream(name, args.runs, args.limit) for name in names}

    lines = [f"machine: {machine()}"]
    for name, fig in results.items():
        n, runs = fig["articles"], fig["runs"]

        def line(label: str, r: dict[str, float], n: int = n, runs: int = runs, unit: str = "articles/s/core") -> str:
            return f"{label}: {r['median']:.2f} {unit} (n={n}, runs={runs}, min {r['min']:.2f}, max {r['max']:.2f})"

        lines.append(line(f"{name}.pipeline", fig["pipeline_articles_per_s"]))
        lines.append(line(f"{name}.raw_spacy_parse", fig["raw_spacy_parse_articles_per_s"]))
        lines.append(line(f"{name}.ratio_to_raw_parse", fig["ratio_to_raw_parse"], unit="x"))
        lines.extend(line(f"{name}.stage_{k}", r) for k, r in fig["stages_articles_per_s"].items())
        lines.append(f"{name}.failures: {fig['failures']} articles (n={n})")
    emit({"machine": machine(), "streams": results}, lines, args.json)


if __name__ == "__main__":
    main()
