"""Shared helpers of the bench/ scripts: the two article streams, the raw-parse reference, timing and output.

Streams (fixed, no randomness):

* ``sample``: the bundled sample corpus (``eventwatch/data/corpus/articles.jsonl``, 150 articles, all
  about conflict but 16 distractors).
* ``mixed``: 150 articles of which 30 (every 5th) are about conflict: the first 30 non-distractor corpus
  articles, and between them the corpus's 16 distractors and 104 general web articles
  (``bench/data/aeb_bodies.jsonl``, see its SOURCE.md), in file order.

Every figure comes with the raw parse speed of the same texts by the configured spaCy pipeline package as
``spacy.load`` gives it (``model.pipe`` over whole article texts), measured in the same process and run, so
the ratio holds on other machines.
"""

from __future__ import annotations

import functools
import json
import os
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: figures are per core

BENCH_DIR = Path(__file__).resolve().parent
AEB_BODIES = BENCH_DIR / "data" / "aeb_bodies.jsonl"
STREAMS = ("sample", "mixed")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_stream(name: str) -> list[Any]:
    """The articles (``eventwatch.records.Article``) of stream ``name`` ("sample" or "mixed")."""
    from eventwatch import ingest
    from eventwatch.config import load_config
    from eventwatch.records import Article

    cfg = load_config()
    corpus = ingest.SAMPLE_CORPUS
    sample = [a for a in ingest.read_inputs([str(corpus)], cfg) if isinstance(a, Article)]
    if name == "sample":
        return sample
    if name != "mixed":
        raise ValueError(f"unknown stream {name!r}; one of {STREAMS}")
    selection = {r["id"]: r.get("selection") for r in read_jsonl(Path(corpus))}
    conflict = [a for a in sample if selection.get(a.ext_id) != "distractor"][:30]
    other = [a for a in sample if selection.get(a.ext_id) == "distractor"]
    other += [a for a in ingest.read_inputs([str(AEB_BODIES)], cfg) if isinstance(a, Article)]
    stream: list[Article] = []
    for i, article in enumerate(conflict):
        stream.append(article)
        stream.extend(other[4 * i : 4 * i + 4])
    return stream


@functools.cache
def stock_model(name: str) -> Any:
    """The spaCy pipeline package as ``spacy.load`` gives it, without eventwatch's changes (its tokenizer
    prefix and indexed attribute-ruler matcher): the reference every ratio is taken against."""
    import spacy

    return spacy.load(name)


def raw_parse(texts: Sequence[str], batch_size: int) -> None:
    """The reference: the stock spaCy pipeline (its own entity recognizer included) over whole texts, results
    dropped."""
    from eventwatch.config import load_config

    model = stock_model(load_config().spacy_model)
    for _ in model.pipe(texts, batch_size=batch_size):
        pass


def forget_caches() -> None:
    """Empty the pipeline's caches of per-phrase answers (source typing): the benches repeat the same texts,
    and a new stream does not repeat whole articles, so each timed run starts as cold as the first."""
    from eventwatch.attribute.registry import country_of_name
    from eventwatch.attribute.sources import type_source

    type_source.cache_clear()
    country_of_name.cache_clear()


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def spread(values: Sequence[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..1)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux ``ru_maxrss`` is in KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} logical CPUs"


def emit(figures: dict[str, Any], lines: list[str], as_json: bool) -> None:
    """Print one JSON object (``--json``) or one ``name: value unit (...)`` line per figure."""
    if as_json:
        print(json.dumps(figures, indent=2))
    else:
        print("\n".join(lines))
