"""``eventwatch.eval.coref``: the CoNLL metrics on hand-computed cases, and MEANTIME above its floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwatch.config import load_config
from eventwatch.eval.coref import b_cubed, ceaf_e, evaluate_meantime, muc, read_meantime, score_coref

FLOORS = json.loads((Path(__file__).parent / "fusion_floors.json").read_text(encoding="utf-8"))
KEY = [frozenset({"a", "b"}), frozenset({"c"})]
RESPONSE = [frozenset({"a"}), frozenset({"b", "c"})]


@pytest.mark.parametrize("metric", [muc, b_cubed, ceaf_e])
def test_coref_metric_identical_partitions_score_one(metric) -> None:  # type: ignore[no-untyped-def]
    partition = [frozenset({"a", "b", "c"}), frozenset({"d"})]
    assert metric(partition, partition).f1 == 1.0


def test_coref_muc_counts_links() -> None:
    key = [frozenset("abc"), frozenset("defg")]
    response = [frozenset("ab"), frozenset("cd"), frozenset("fghi")]
    scores = muc(key, response)
    assert (scores.precision, scores.recall) == (0.4, 0.4)


def test_coref_b_cubed_by_hand() -> None:
    scores = b_cubed(KEY, RESPONSE)
    assert (scores.precision, scores.recall) == (0.6667, 0.6667)


def test_coref_ceaf_e_by_hand() -> None:
    scores = ceaf_e(KEY, RESPONSE)
    assert (scores.precision, scores.recall) == (0.6667, 0.6667)


def test_coref_conll_f1_is_the_average() -> None:
    scores = score_coref(KEY, RESPONSE)
    assert scores.conll_f1 == round((scores.muc.f1 + scores.b_cubed.f1 + scores.ceaf_e.f1) / 3, 4)


def test_coref_read_meantime_counts(shared_dir: Path) -> None:
    mentions = read_meantime(shared_dir / "attribution" / "meantime_en" / "intra_cross-doc_annotation")
    assert len(mentions) == 2699  # SOURCE.md: 2,699 EVENT_MENTION
    assert len({m.doc for m in mentions}) == 120


def test_coref_meantime_conll_f1_above_floor(shared_dir: Path) -> None:
    scores = evaluate_meantime(shared_dir / "attribution" / "meantime_en" / "intra_cross-doc_annotation", load_config())
    assert scores.conll_f1 >= FLOORS["meantime"]["conll_f1"]
    assert scores.baseline_singletons_conll_f1 is not None and scores.conll_f1 > scores.baseline_singletons_conll_f1
