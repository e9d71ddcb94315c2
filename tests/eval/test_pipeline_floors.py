"""Accuracy gate for the whole pipeline (STYLE.md §9): `eventwatch eval gold` figures never fall below the
floors in tests/eval_floors.json. A floor is lowered only in a reviewed commit that says why."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventwatch.cli._eval import predict_gold_article
from eventwatch.eval.gold import GoldScores, evaluate_dir
from tests.conftest import REPO, TEST_DATA

FLOORS: dict[str, dict[str, Any]] = json.loads((REPO / "tests" / "eval_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dev_scores(shared_dir: Path) -> GoldScores:
    return evaluate_dir(shared_dir / "gold" / "dev", predict_gold_article)


@pytest.fixture(scope="module")
def seed_scores() -> GoldScores:
    return evaluate_dir(TEST_DATA / "seed", predict_gold_article)


def _floors(key: str) -> list[tuple[str, float]]:
    return [(k, v) for k, v in FLOORS[key].items() if not k.startswith("_")]


@pytest.mark.parametrize(("metric", "floor"), _floors("gold_dev"))
def test_pipeline_gold_dev_metric_at_or_above_floor(dev_scores: GoldScores, metric: str, floor: float) -> None:
    value = dev_scores.metrics()[metric]
    assert value is not None and value >= floor, f"{metric} = {value} < floor {floor}"


def test_pipeline_gold_dev_leaks_no_page_residue_and_stays_silent_on_distractors(dev_scores: GoldScores) -> None:
    metrics = dev_scores.metrics()
    assert metrics["body_leak_rate"] == 0
    assert metrics["distractor_events"] == 0
    assert metrics["not_event_fp_rate"] <= 0.10


@pytest.mark.parametrize(("metric", "floor"), _floors("seed"))
def test_pipeline_seed_metric_at_or_above_floor(seed_scores: GoldScores, metric: str, floor: float) -> None:
    value = seed_scores.metrics()[metric]
    assert value is not None and value >= floor, f"{metric} = {value} < floor {floor}"
