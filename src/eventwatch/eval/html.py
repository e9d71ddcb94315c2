"""Main-text extraction quality on the Scrapinghub Article Extraction Benchmark (AEB) protocol.

Protocol (shared/html/SOURCE.md, reimplemented from its description): text becomes ``\\w+`` tokens
(Unicode), then a multiset of 4-token shingles (a text shorter than 4 tokens is one shingle). Per page
TP = shared shingle counts, FP = extra predicted, FN = missing, each divided by TP+FP+FN so that long pages
do not dominate; per-page precision TP/(TP+FP) and recall TP/(TP+FN) (1 for a perfect page) are averaged
over pages (a page with nothing predicted is left out of the precision mean), F1 comes from the two means;
accuracy is the share of pages whose token sequence equals the gold exactly. ± values are bootstrap
standard deviations over pages (1,000 resamples, fixed seed).
"""

from __future__ import annotations

import gzip
import json
import logging
import math
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwatch.config import Config
from eventwatch.errors import InputError
from eventwatch.ingest import read_html

__all__ = ["AebScores", "PageScore", "evaluate_aeb", "format_table", "score_page", "summarize"]

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"\w+")
_SHINGLE = 4
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 17


@dataclass(frozen=True, slots=True)
class PageScore:
    """Normalised shingle shares of one page (``tp + fp + fn == 1`` unless both texts are empty)."""

    page_id: str
    tp: float
    fp: float
    fn: float
    exact: bool


@dataclass(frozen=True, slots=True)
class AebScores:
    """Benchmark figures; ``*_std`` are bootstrap standard deviations; ``seconds`` is extraction wall time."""

    pages: int
    precision: float
    recall: float
    f1: float
    accuracy: float
    precision_std: float
    recall_std: float
    f1_std: float
    accuracy_std: float
    failures: int
    seconds: float
    per_page: tuple[PageScore, ...] = ()


def _shingles(tokens: Sequence[str]) -> Counter[tuple[str, ...]]:
    if not tokens:
        return Counter()
    if len(tokens) < _SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1))


def score_page(page_id: str, predicted: str, gold: str) -> PageScore:
    """Shingle TP/FP/FN shares of ``predicted`` against ``gold`` (all 0 when both are empty)."""
    pred_tokens, gold_tokens = _TOKEN.findall(predicted), _TOKEN.findall(gold)
    pred, true = _shingles(pred_tokens), _shingles(gold_tokens)
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    exact = pred_tokens == gold_tokens
    if total == 0:
        return PageScore(page_id, 0.0, 0.0, 0.0, exact)
    return PageScore(page_id, tp / total, fp / total, fn / total, exact)


def _page_precision(p: PageScore) -> float:
    return 1.0 if p.fp == p.fn == 0 else p.tp / (p.tp + p.fp)


def _page_recall(p: PageScore) -> float:
    return 1.0 if p.fp == p.fn == 0 else p.tp / (p.tp + p.fn)


def _figures(pages: Sequence[PageScore]) -> tuple[float, float, float, float]:
    # Pages with nothing predicted do not enter the precision mean, pages with an empty gold not the recall
    # mean (AEB protocol).
    precisions = [_page_precision(p) for p in pages if p.tp + p.fp > 0]
    recalls = [_page_recall(p) for p in pages if p.tp + p.fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(p.exact for p in pages) / len(pages) if pages else 0.0
    return precision, recall, f1, accuracy


def _std(values: Sequence[float]) -> float:
    mean = sum(values) / len(values)
    variance: float = sum((v - mean) ** 2 for v in values) / len(values)
    return math.sqrt(variance)


def summarize(
    pages: Sequence[PageScore], *, failures: int = 0, seconds: float = 0.0, seed: int = BOOTSTRAP_SEED
) -> AebScores:
    """Aggregate per-page scores into :class:`AebScores`, with bootstrap standard deviations."""
    if not pages:
        raise ValueError("no pages to score")
    precision, recall, f1, accuracy = _figures(pages)
    rng = random.Random(seed)
    samples = [_figures(rng.choices(pages, k=len(pages))) for _ in range(BOOTSTRAP_RESAMPLES)]
    p_std, r_std, f_std, a_std = (_std([s[i] for s in samples]) for i in range(4))
    return AebScores(
        pages=len(pages), precision=precision, recall=recall, f1=f1, accuracy=accuracy,
        precision_std=p_std, recall_std=r_std, f1_std=f_std, accuracy_std=a_std,
        failures=failures, seconds=seconds, per_page=tuple(pages),
    )  # fmt: skip


def evaluate_aeb(
    folder: Path, *, cfg: Config | None = None, page_ids: Sequence[str] | None = None,
    extract: Callable[[bytes, str], str] | None = None,
) -> AebScores:  # fmt: skip
    """Score our extractor on an AEB folder (``html/<id>.html.gz`` + ``ground-truth.json``).

    Each page goes through :func:`eventwatch.ingest.read_html` with the page's URL from the ground truth
    (or through ``extract(html_bytes, url)`` when given); a page it rejects scores as an empty prediction and
    counts in ``failures``. ``page_ids`` restricts the run to those pages. ``seconds`` is the wall time of
    the extractions alone, decompression excluded.
    """
    cfg = cfg or Config()
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth) if page_ids is None else list(page_ids)
    pages: list[PageScore] = []
    failures = 0
    seconds = 0.0
    for page_id in ids:
        gold = truth[page_id]
        data = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        start = time.perf_counter()
        try:
            predicted = extract(data, gold["url"]) if extract else read_html(data, page_id, cfg, url=gold["url"]).text
        except InputError as exc:
            log.warning("%s", exc)
            predicted = ""
            failures += 1
        seconds += time.perf_counter() - start
        pages.append(score_page(page_id, predicted, gold["articleBody"]))
    return summarize(pages, failures=failures, seconds=seconds)


def format_table(scores: AebScores) -> str:
    """A Markdown table of the figures with their bootstrap standard deviations."""
    rows = [
        ("F1", scores.f1, scores.f1_std),
        ("precision", scores.precision, scores.precision_std),
        ("recall", scores.recall, scores.recall_std),
        ("accuracy", scores.accuracy, scores.accuracy_std),
    ]
    lines = ["| metric | value | ± std |", "|---|---:|---:|"]
    lines += [f"| {name} | {value:.3f} | {std:.3f} |" for name, value, std in rows]
    lines.append(
        f"\n{scores.pages} pages, {scores.failures} rejected, extraction {scores.seconds:.1f} s "
        f"({1000 * scores.seconds / scores.pages:.0f} ms/page)"
    )
    return "\n".join(lines)
