"""Articles per second of ``eventwatch run --cluster local:N`` for N = 1 and 2 workers, and their ratio.

The input is the sample corpus repeated to at least --articles articles; each repeat gets its own URL and a
short closing paragraph ("Repost k."), so every article has its own id and content hash and is really
processed and stored. Per worker count: a LocalCluster of N single-threaded worker processes is started,
a warm-up of --warmup articles is run through it into a throwaway store (models loaded, caches filled),
then the whole input is timed end to end as ``eventwatch run --cluster`` does it: batches on the workers,
every analysis stored in a new SQLite store (one transaction per batch), ``fuse_store`` paced as the run
does it (``fuse.PacedFusion``), and once at the end. Cluster start-up is not timed. The figure of interest
is the ratio (2 workers / 1 worker), which the issue wants >= 1.6 on 2 cores; it only means something on a
machine nobody else is using.

    .venv/bin/python bench/scale.py [--articles 2000] [--workers 1,2] [--warmup 64] [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import emit, machine
from eventwatch import fuse, ingest, pipeline
from eventwatch.config import Config, load_config
from eventwatch.records import Article
from eventwatch.scale import ClusterSpec, connect, process_on_client
from eventwatch.store import open_store


def write_repeated_corpus(folder: Path, at_least: int) -> Path:
    """The sample corpus repeated to ``at_least`` articles or more, each repeat made distinct."""
    records = [json.loads(line) for line in ingest.SAMPLE_CORPUS.read_text(encoding="utf-8").splitlines() if line]
    repeats = math.ceil(at_least / len(records))
    path = folder / "repeated.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for k in range(repeats):
            for record in records:
                copy = dict(record)
                copy["id"] = f"{record['id']}-r{k}"
                copy["url"] = f"{record.get('url') or 'https://bench.invalid/' + record['id']}?repost={k}"
                copy["text"] = f"{record['text']}\n\nRepost {k}."
                out.write(json.dumps(copy, ensure_ascii=False) + "\n")
    return path


def read_articles(path: Path, cfg: Config) -> list[Article]:
    return [a for a in ingest.read_inputs([str(path)], cfg) if isinstance(a, Article)]


def store_all(client: Any, articles: list[Article], cfg: Config, db: Path) -> dict[str, float]:
    """Process on the cluster and store, as ``eventwatch run --cluster`` does; counts and this process's
    CPU seconds spent saving and fusing (the rest of its CPU goes to Dask's scheduler and client)."""
    stored = failed = 0
    save_cpu_s = fuse_cpu_s = 0.0
    with open_store(str(db)) as st:
        fusion = fuse.PacedFusion(st, cfg)  # as `eventwatch run --cluster`: at most every fusion_interval_s
        for batch in process_on_client(client, articles, cfg):
            t0 = time.process_time()
            analyses = [r for r in batch if not isinstance(r, pipeline.ProcessingFailure)]
            failed += len(batch) - len(analyses)
            stored += len(st.save_many(analyses))  # one transaction per batch, as `eventwatch run --cluster`
            t1 = time.process_time()
            fusion.after_batch()
            save_cpu_s += t1 - t0
            fuse_cpu_s += time.process_time() - t1
        t1 = time.process_time()
        fusion.finish()
        fuse_cpu_s += time.process_time() - t1
    return {"stored": stored, "failed": failed, "save_cpu_s": save_cpu_s, "fuse_cpu_s": fuse_cpu_s}


def bench_workers(
    n_workers: int, articles: list[Article], warmup: list[Article], cfg: Config, folder: Path
) -> dict[str, Any]:
    with connect(ClusterSpec(n_workers=n_workers), cfg) as client:
        store_all(client, warmup, cfg, folder / f"warmup-{n_workers}.db")
        cpu_start, start = time.process_time(), time.perf_counter()
        done = store_all(client, articles, cfg, folder / f"timed-{n_workers}.db")
        wall_s, parent_cpu_s = time.perf_counter() - start, time.process_time() - cpu_start
    return {
        "workers": n_workers,
        "articles": len(articles),
        **done,
        "wall_s": wall_s,
        "articles_per_s": len(articles) / wall_s,
        "parent_cpu_s": parent_cpu_s,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000, help="At least this many articles (default 2000).")
    parser.add_argument("--workers", default="1,2", help="Worker counts to measure, comma-separated.")
    parser.add_argument("--warmup", type=int, default=64, help="Articles run before timing (default 64).")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    cfg = load_config()
    counts = [int(n) for n in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="eventwatch-bench-scale-") as tmp:
        folder = Path(tmp)
        articles = read_articles(write_repeated_corpus(folder, args.articles), cfg)
        warmup = articles[: args.warmup]
        results = [bench_workers(n, articles, warmup, cfg, folder) for n in counts]

    lines = [f"machine: {machine()}"]
    for r in results:
        lines.append(
            f"scale.workers_{r['workers']}: {r['articles_per_s']:.2f} articles/s (n={r['articles']}, "
            f"wall {r['wall_s']:.1f} s, parent cpu {r['parent_cpu_s']:.1f} s of which save {r['save_cpu_s']:.1f} s "
            f"and fuse {r['fuse_cpu_s']:.1f} s, failed {r['failed']:.0f})"
        )
    figures: dict[str, Any] = {"machine": machine(), "batch_size": cfg.scale_batch_size, "runs": results}
    by_count = {r["workers"]: r["articles_per_s"] for r in results}
    if 1 in by_count and 2 in by_count:
        figures["ratio_2_to_1"] = by_count[2] / by_count[1]
        lines.append(f"scale.ratio_2_to_1: {figures['ratio_2_to_1']:.2f} x (n={len(articles)}, target >= 1.6)")
    emit(figures, lines, args.json)


if __name__ == "__main__":
    main()
