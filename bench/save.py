"""Store writes: articles saved one transaction each (``Store.save``) against a transaction per batch
(``Store.save_many``, a savepoint per article), on SQLite and, given ``--postgres URL``, PostgreSQL.

The analyses are the sample corpus's, analysed once before timing; each run writes them into a fresh store
(a new SQLite file; on PostgreSQL a new database, created and dropped by the script on the server given).
Warm-up run first, then --runs timed runs; median and spread of milliseconds per article.

    .venv/bin/python bench/save.py [--runs 5] [--batch 16] [--postgres postgresql://user@host:port/postgres]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _common import emit, load_stream, machine, spread
from eventwatch import pipeline
from eventwatch.config import load_config
from eventwatch.records import Analysis
from eventwatch.store import Store, open_store


def _one_by_one(st: Store, analyses: Sequence[Analysis], batch: int) -> None:
    for analysis in analyses:
        st.save(analysis)


def _batched(st: Store, analyses: Sequence[Analysis], batch: int) -> None:
    for i in range(0, len(analyses), batch):
        st.save_many(analyses[i : i + batch])


def _fresh_postgres(server_url: str) -> tuple[str, Callable[[], None]]:
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:12]}"
    conninfo = server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")

    def drop() -> None:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")

    return server_url.rsplit("/", 1)[0] + f"/{name}", drop


def bench(where: str, analyses: Sequence[Analysis], runs: int, batch: int, postgres: str | None) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    for label, write in (("one_by_one", _one_by_one), (f"batches_of_{batch}", _batched)):
        per_article_ms: list[float] = []
        for run in range(runs + 1):  # run 0 is the warm-up
            with tempfile.TemporaryDirectory() as tmp:
                drop: Callable[[], None] = lambda: None  # noqa: E731
                url = str(Path(tmp) / "save.db")
                if postgres:
                    url, drop = _fresh_postgres(postgres)
                try:
                    with open_store(url) as st:
                        start = time.perf_counter()
                        write(st, analyses, batch)
                        elapsed = time.perf_counter() - start
                finally:
                    drop()
            if run:
                per_article_ms.append(1000 * elapsed / len(analyses))
        figures[label] = spread(per_article_ms)
    figures["back_end"] = where
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--postgres", help="A PostgreSQL server URL (the script creates its own databases).")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    cfg = load_config()
    analyses = [r for r in pipeline.process(load_stream("sample"), cfg) if isinstance(r, Analysis)]
    results = [bench("sqlite", analyses, args.runs, args.batch, None)]
    if args.postgres:
        results.append(bench("postgresql", analyses, args.runs, args.batch, args.postgres))
    lines = [f"machine: {machine()}"]
    for fig in results:
        for label, r in fig.items():
            if label != "back_end":
                lines.append(
                    f"{fig['back_end']}.{label}: {r['median']:.2f} ms/article "
                    f"(n={len(analyses)}, runs={args.runs}, min {r['min']:.2f}, max {r['max']:.2f})"
                )
    emit({"machine": machine(), "results": results}, lines, args.json)


if __name__ == "__main__":
    main()
