from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwatch.eval.html import evaluate_aeb, format_table, score_page, summarize

# CI checks out /work/shared beside the repository; the benchmark test fails (never skips) without it.
AEB = Path(__file__).resolve().parents[2].parent / "shared" / "html" / "scrapinghub_aeb"
AEB_F1_FLOOR = 0.95  # trafilatura 2.0 publishes 0.958; we measured 0.968 (trafilatura 2.3.1 + residue removal)


@pytest.mark.parametrize(
    ("predicted", "gold", "shares"),
    [
        ("a b c d e", "a b c d e", (1.0, 0.0, 0.0)),
        ("", "a b c d", (0.0, 0.0, 1.0)),
        ("a b c d", "", (0.0, 1.0, 0.0)),
        ("", "", (0.0, 0.0, 0.0)),
        ("a b c d e", "a b c d x", (1 / 3, 1 / 3, 1 / 3)),
        ("a b", "a b", (1.0, 0.0, 0.0)),  # shorter than a shingle: one shingle of all tokens
        ("a b c d a b c d", "a b c d", (0.2, 0.8, 0.0)),  # 5 shingles, "a b c d" twice: a multiset
    ],
)
def test_score_page_shingle_shares(predicted: str, gold: str, shares: tuple[float, float, float]) -> None:
    page = score_page("p", predicted, gold)
    assert (page.tp, page.fp, page.fn) == pytest.approx(shares)


def test_score_page_exact_match_ignores_punctuation() -> None:
    assert score_page("p", "Hello, world: one two!", "Hello world one two").exact
    assert not score_page("p", "Hello world one", "Hello world one two").exact


def test_summarize_averages_over_pages() -> None:
    long_bad = score_page("a", "x " * 1000, "y " * 1000)
    short_good = score_page("b", "a b c d e", "a b c d e")
    scores = summarize([long_bad, short_good])
    assert (scores.precision, scores.recall, scores.f1, scores.accuracy) == pytest.approx((0.5, 0.5, 0.5, 0.5))


def test_summarize_leaves_empty_predictions_out_of_precision() -> None:
    scores = summarize([score_page("a", "", "a b c d e"), score_page("b", "a b c d e f", "a b c d e")])
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(1 / 2)


def test_summarize_bootstrap_is_seeded() -> None:
    pages = [score_page(str(i), "a b c d e " * i, "a b c d e " * 3) for i in range(1, 8)]
    assert summarize(pages).f1_std == summarize(pages).f1_std > 0


def test_format_table_lists_metrics() -> None:
    table = format_table(summarize([score_page("a", "a b c d", "a b c d")]))
    assert "| F1 | 1.000 | 0.000 |" in table and "1 pages" in table


def test_evaluate_aeb_subset_scores_pages() -> None:
    ids = sorted(json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8")))[:15]
    scores = evaluate_aeb(AEB, page_ids=ids)
    assert scores.pages == 15 and scores.failures == 0
    assert scores.f1 > 0.9


def test_evaluate_aeb_full_benchmark_meets_floor() -> None:
    scores = evaluate_aeb(AEB)
    assert scores.pages == 181
    assert scores.f1 >= AEB_F1_FLOOR, format_table(scores)
