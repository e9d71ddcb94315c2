"""Geo stage cost: gazetteer lookup + recognition + resolution per article, and index build time.

    .venv/bin/python bench/geo.py [--json] [--limit N] [--build]

Parses the sample corpus with spaCy first (not timed), then times ``find_places`` per article after one
warm-up pass. Prints ``name: value unit`` lines (stdout) or one JSON object with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from eventwatch.config import DATA_DIR, load_config
from eventwatch.geo import Gazetteer, find_places
from eventwatch.geo.build import build_index
from eventwatch.nlp import parse_article
from eventwatch.records import Article

REPO = Path(__file__).resolve().parents[1]
CORPORA = [DATA_DIR / "corpus" / "articles.jsonl", REPO.parent / "shared" / "corpus" / "articles.jsonl"]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--build", action="store_true", help="also time a full index build (~40 s)")
    args = parser.parse_args()
    corpus = next(p for p in CORPORA if p.is_file())
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    random.Random(2018).shuffle(records)
    records = records[: args.limit]
    cfg = load_config()
    parsed = [parse_article(Article(id=r["id"], content_hash=r["id"], text=r["text"]), cfg) for r in records]
    figures: dict[str, float] = {}
    if args.build:
        with tempfile.TemporaryDirectory() as tmp:
            figures["build_s"] = build_index(Path(tmp) / "gaz.sqlite")["seconds"]
    gaz = Gazetteer.open(cfg.gazetteer_file())
    for p in parsed:  # warm-up: first lookups fill the SQLite page cache
        find_places(p, gaz)
    gaz = Gazetteer.open(cfg.gazetteer_file())  # fresh name cache, warm page cache
    times_ms: list[float] = []
    n_places = 0
    for p in parsed:
        start = time.perf_counter()
        n_places += len(find_places(p, gaz))
        times_ms.append((time.perf_counter() - start) * 1000)
    figures.update(
        articles=len(parsed),
        places=n_places,
        mean_ms=statistics.fmean(times_ms),
        p50_ms=_pct(times_ms, 0.5),
        p95_ms=_pct(times_ms, 0.95),
        p99_ms=_pct(times_ms, 0.99),
    )
    if args.json:
        print(json.dumps(figures))
        return
    n = len(parsed)
    print(
        f"geo_find_places_per_article: {figures['mean_ms']:.2f} ms (n={n}, p50={figures['p50_ms']:.2f}, "
        f"p95={figures['p95_ms']:.2f}, p99={figures['p99_ms']:.2f})"
    )
    print(f"geo_places_per_article: {n_places / n:.1f} places (n={n})")
    if "build_s" in figures:
        print(f"geo_index_build: {figures['build_s']:.1f} s (n=1)")


if __name__ == "__main__":
    main()
