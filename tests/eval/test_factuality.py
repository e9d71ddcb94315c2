"""Predicate factuality on the benchmark test splits (reported, never tuned on), held to floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.attribute.factuality_model import NEWS, load_factuality_model
from eventwatch.config import load_config
from eventwatch.eval.factuality import evaluate_file, format_table, pearson
from eventwatch.nlp import load_model

# Floors sit a little under the figures in the README (UDS-IH2 test 0.744, MEANTIME test 0.469).
UDS_TEST_FLOOR = 0.70
MEANTIME_TEST_FLOOR = 0.44


def test_pearson_of_a_perfect_and_an_inverted_ranking() -> None:
    assert pearson([1.0, 2.0, 3.0], [2.0, 4.0, 6.0]) == pytest.approx(1.0)
    assert pearson([1.0, 2.0, 3.0], [3.0, 2.0, 1.0]) == pytest.approx(-1.0)


def test_uds_ih2_test_split_pearson_floor(shared_dir: Path) -> None:
    path = shared_dir / "attribution" / "uds_ih2_factuality" / "test.jsonl"
    scores = evaluate_file(path, load_factuality_model(), load_model(load_config().spacy_model), domain=None)
    assert scores.n_targets == 2539
    assert scores.pearson_r >= UDS_TEST_FLOOR, format_table([scores])


def test_meantime_test_split_pearson_floor(shared_dir: Path) -> None:
    path = shared_dir / "attribution" / "meantime_en" / "benchmark_splits" / "test.jsonl"
    scores = evaluate_file(path, load_factuality_model(), load_model(load_config().spacy_model), domain=NEWS)
    assert scores.n_targets == 188
    assert scores.pearson_r >= MEANTIME_TEST_FLOOR, format_table([scores])
