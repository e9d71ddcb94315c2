"""Tests for eventwatch.eval.gold: the gold scorer (shared/gold/SCHEMA.md, "Scores eventwatch eval reports").

Inputs are the hand-made pair under tests/data/eval/ (see its SOURCE.md) and the shipped dev gold set.
"""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwatch.errors import EventwatchError, InputError
from eventwatch.eval import (
    LOWER_IS_BETTER,
    METRIC_NAMES,
    GoldScores,
    evaluate_dir,
    explain,
    format_table,
    score_article,
    score_corpus,
)

DATA = Path(__file__).parents[1] / "data" / "eval"
GOLD_DIR = DATA / "gold"
DEV_DIR = Path(__file__).parents[2].parent / "shared" / "gold" / "dev"
TEXT = (GOLD_DIR / "mini-idlib.txt").read_bytes().decode("utf-8")
GOLD: dict[str, Any] = json.loads((GOLD_DIR / "mini-idlib.json").read_text(encoding="utf-8"))
PRED: dict[str, Any] = json.loads((DATA / "pred" / "mini-idlib.json").read_text(encoding="utf-8"))
FLOORS = Path(__file__).parents[1] / "eval_floors.json"


def _perfect(metrics: dict[str, Any]) -> list[str]:
    """Names of metrics that are not perfect (undefined ones are skipped: nothing was counted)."""
    bad = []
    for name, value in metrics.items():
        if value is None:
            continue
        if value != (0 if name in LOWER_IS_BETTER else 1.0):
            bad.append(f"{name}={value}")
    return bad


def _gold() -> dict[str, Any]:
    return copy.deepcopy(GOLD)


def _metrics(pred: dict[str, Any], gold: dict[str, Any] | None = None) -> dict[str, Any]:
    metrics: dict[str, Any] = score_article(pred, GOLD if gold is None else gold, TEXT).tally.metrics()
    return metrics


def _dev_articles() -> list[tuple[dict[str, Any], str]]:
    assert DEV_DIR.is_dir(), f"dev gold set missing at {DEV_DIR}"
    articles = []
    for path in sorted(DEV_DIR.glob("*.json")):
        text = path.with_suffix(".txt").read_bytes().decode("utf-8")
        articles.append((json.loads(path.read_text(encoding="utf-8")), text))
    assert len(articles) == 20
    return articles


DEV = _dev_articles()


def test_score_article_perfect_prediction_is_perfect() -> None:
    metrics = _metrics(_gold())
    assert _perfect(metrics) == []
    assert all(metrics[name] is not None for name in METRIC_NAMES)


def test_score_article_missing_event_lowers_recall_only() -> None:
    pred = _gold()
    del pred["events"][1]
    metrics = _metrics(pred)
    assert (metrics["event_precision"], metrics["event_recall"]) == (1.0, 0.5)
    assert metrics["plover_accuracy"] == 1.0
    assert metrics["claim_source_recall"] == 1.0  # claims are scored on matched events only


def test_score_article_extra_event_is_false_positive() -> None:
    pred = _gold()
    pred["events"].append({**pred["events"][1], "evidence": ["the road to the city remained open"]})
    metrics = _metrics(pred)
    assert (metrics["event_precision"], metrics["event_recall"]) == (pytest.approx(2 / 3), 1.0)
    assert metrics["not_event_fp_rate"] == 0.0


def test_score_article_event_on_not_event_is_false_positive() -> None:
    pred = _gold()
    pred["events"].append({**pred["events"][1], "evidence": ["called for a general strike next week"]})
    metrics = _metrics(pred)
    assert metrics["event_precision"] == pytest.approx(2 / 3)
    assert metrics["not_event_fp_rate"] == 1.0


def test_score_article_wrong_type_counts_against_plover_only() -> None:
    pred = _gold()
    pred["events"][1]["plover"] = "MOBILIZE"
    metrics = _metrics(pred)
    assert metrics["event_f1"] == 1.0
    assert metrics["plover_accuracy"] == 0.5
    assert metrics["acled_accuracy"] == 1.0


def test_score_article_contested_missed_lowers_contested_recall() -> None:
    pred = _gold()
    pred["events"][0]["contested"] = False
    pred["events"][1]["contested"] = True
    metrics = _metrics(pred)
    assert (metrics["contested_precision"], metrics["contested_recall"]) == (0.0, 0.0)


def test_score_article_contested_event_missed_entirely_is_false_negative() -> None:
    pred = _gold()
    del pred["events"][0]
    tally = score_article(pred, GOLD, TEXT).tally
    assert (tally.contested_tp, tally.contested_fp, tally.contested_fn) == (0, 0, 1)


def test_score_article_hedge_wrong_counts_against_hedge_only() -> None:
    pred = _gold()
    pred["events"][1]["claims"][0]["hedged"] = False
    metrics = _metrics(pred)
    assert metrics["hedge_accuracy"] == pytest.approx(2 / 3)
    assert (metrics["stance_accuracy"], metrics["claim_source_f1"]) == (1.0, 1.0)


@pytest.mark.parametrize(
    ("sector", "country", "sector_ok", "country_ok"),
    [
        ("REB", "SYR", True, True),
        ("IMG", "SYR", True, True),
        ("CRM/IMG", "SYR/TUR", True, True),
        ("CVL", "TUR", False, False),
        (None, None, False, False),
    ],
)
def test_score_article_alternatives_any_shared_code_is_right(
    sector: str | None, country: str | None, sector_ok: bool, country_ok: bool
) -> None:
    pred = _gold()
    pred["events"][0]["actor1"].update(sector=sector, country=country)
    tally = score_article(pred, GOLD, TEXT).tally
    assert tally.actor1_sector.hits == 1 + sector_ok  # E2's actor1 is right either way
    assert tally.actor1_country.hits == 1 + country_ok


def test_score_article_actor_null_matches_null_actor() -> None:
    pred = _gold()
    pred["events"][1]["actor2"] = {"name": "the post", "country": "SYR", "sector": "MIL"}
    metrics = _metrics(pred)
    assert (metrics["actor2_country_accuracy"], metrics["actor2_sector_accuracy"]) == (0.5, 0.5)


def _boundary_pred(shift: int) -> dict[str, Any]:
    """E2 predicted with evidence starting ``shift`` characters into the gold evidence and running on to
    the end of its sentence, so the two share ``len(gold) - shift`` characters."""
    gold_evidence = GOLD["events"][1]["evidence"][0]
    start = TEXT.index(gold_evidence)
    pred = _gold()
    pred["events"][1]["evidence"] = [TEXT[start + shift : TEXT.index(", local media said")]]
    return pred


@pytest.mark.parametrize(("extra", "matches"), [(0, True), (1, False)])
def test_score_article_overlap_exactly_half_matches_less_does_not(extra: int, matches: bool) -> None:
    length = len(GOLD["events"][1]["evidence"][0])
    assert length % 2 == 0  # the fixture is chosen so that "exactly half" is a whole number of characters
    pred = _boundary_pred(length // 2 + extra)
    assert len(pred["events"][1]["evidence"][0]) > length  # the gold evidence is the shorter string
    tally = score_article(pred, GOLD, TEXT).tally
    assert tally.event_tp == 1 + matches


@pytest.mark.parametrize(("shared_in_a", "matches"), [(12, True), (11, False)])
def test_score_article_overlap_counts_characters_in_one_sentence(shared_in_a: int, matches: bool) -> None:
    # Gold and predicted evidence both straddle the first sentence boundary and share 22 of 24 characters,
    # but in one sentence only 11 or 12 of them: the SCHEMA.md rule counts one sentence.
    boundary = TEXT.index(" The government") + 1  # first character of the second sentence
    lo = boundary - shared_in_a
    gold = _gold()
    gold["events"][0]["evidence"] = [TEXT[lo - 2 : lo + 22]]
    pred = _gold()
    pred["events"][0]["evidence"] = [TEXT[lo : lo + 24]]
    assert len(gold["events"][0]["evidence"][0]) == len(pred["events"][0]["evidence"][0]) == 24
    assert score_article(pred, gold, TEXT).tally.event_tp == 1 + matches


def test_score_article_two_predictions_for_one_gold_give_one_tp_one_fp() -> None:
    pred = _gold()
    pred["events"].insert(1, copy.deepcopy(pred["events"][0]))
    tally = score_article(pred, GOLD, TEXT).tally
    assert (tally.event_tp, tally.event_fp, tally.event_fn) == (2, 1, 0)


def test_score_article_unlocated_evidence_falls_back_to_common_substring() -> None:
    pred = _gold()
    pred["events"][0]["evidence"] = ["Rebels shelled the market in Idlib on Monday, killing 12 people"]
    assert score_article(pred, GOLD, TEXT).tally.event_tp == 2


def test_score_article_claim_needs_source_overlap() -> None:
    pred = _gold()
    pred["events"][0]["claims"][1]["source"] = "rebel commanders"
    metrics = _metrics(pred)
    assert metrics["claim_source_precision"] == pytest.approx(2 / 3)
    assert metrics["claim_source_recall"] == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("lat", "lon", "near", "far"),
    [(36.20, 36.63393, 0.0, 1.0), (37.90, 36.63393, 0.0, 0.0), (None, None, 0.0, 0.0)],
)
def test_score_article_location_radii(lat: float | None, lon: float | None, near: float, far: float) -> None:
    pred = _gold()
    del pred["events"][1]
    pred["events"][0]["locations"] = [] if lat is None else [{"name": "x", "lat": lat, "lon": lon}]
    metrics = score_article(pred, GOLD, TEXT).tally.metrics()
    assert (metrics["location_25km_accuracy"], metrics["location_161km_accuracy"]) == (near, far)
    if lat is None:
        assert metrics["location_median_error_km"] is None
    else:  # haversine: 1 degree of latitude is about 111.2 km
        assert metrics["location_median_error_km"] == pytest.approx((lat - 35.93062) * 111.2, rel=0.01)


def test_score_article_body_residue_in_body_or_evidence_leaks() -> None:
    pred = _gold()
    pred["body"] = "On Monday, rebels shelled the market.\nRelated:   Aleppo news"
    pred["events"][1]["evidence"].append("Share this article")
    metrics = _metrics(pred)
    assert metrics["body_leak_rate"] == 1.0


def test_score_article_distractor_counts_predicted_events() -> None:
    gold = {**_gold(), "events": []}
    metrics = _metrics(_gold(), gold)
    assert metrics["distractor_events"] == 2
    assert (metrics["event_precision"], metrics["event_recall"]) == (0.0, None)


def test_score_article_hand_scored_prediction() -> None:
    # Expected values worked out by hand in tests/data/eval/SOURCE.md.
    metrics = _metrics(PRED)
    expected = {
        "event_precision": 2 / 3,
        "event_recall": 1.0,
        "plover_accuracy": 0.5,
        "actor1_sector_accuracy": 1.0,
        "factuality_accuracy": 0.5,
        "location_25km_accuracy": 0.5,
        "date_accuracy": 1.0,
        "date_precision": 0.5,
        "claim_source_precision": 1.0,
        "claim_source_recall": 2 / 3,
        "hedge_accuracy": 0.5,
        "contested_recall": 0.0,
        "body_leak_rate": 0.5,
        "not_event_fp_rate": 1.0,
    }
    assert {name: metrics[name] for name in expected} == pytest.approx(expected)


def test_explain_lists_false_positives_and_mismatches() -> None:
    report = explain(PRED, GOLD, TEXT)
    assert "false positive (predicted, unmatched): The opposition has called" in report
    assert "E2 plover: pred MOBILIZE, gold RETREAT" in report
    assert "E1 claim FN 'The government'" in report
    assert explain(GOLD, GOLD, TEXT).endswith("no errors")


def test_score_corpus_is_micro_averaged() -> None:
    pred = _gold()
    del pred["events"][1]
    scores = score_corpus([(GOLD, GOLD, TEXT), (pred, GOLD, TEXT)])
    assert scores.metrics()["event_recall"] == pytest.approx(3 / 4)


def test_gold_scores_to_json_has_metric_names() -> None:
    data = json.loads(score_corpus([(PRED, GOLD, TEXT)]).to_json())
    assert list(data["metrics"]) == list(METRIC_NAMES)
    assert data["articles"][0]["id"] == "mini-idlib"
    assert data["counts"]["event_fp"] == 1


def test_format_table_shows_every_metric_and_article() -> None:
    table = format_table(score_corpus([(PRED, GOLD, TEXT)]))
    for name in METRIC_NAMES:
        assert name in table
    assert "event_precision     " in table and "0.667  2/3" in table
    assert "mini-idlib" in table


def test_evaluate_dir_passes_gold_metadata_and_scores() -> None:
    seen: list[tuple[Path, dict[str, Any]]] = []

    def predict(path: Path, meta: dict[str, Any]) -> dict[str, Any]:
        seen.append((path, meta))
        return PRED

    scores = evaluate_dir(GOLD_DIR, predict)
    assert seen == [
        (
            GOLD_DIR / "mini-idlib.txt",
            {"id": "mini-idlib", "title": GOLD["title"], "outlet": "Test Wire", "published": "2020-03-10"},
        )
    ]
    assert scores.metrics() == score_corpus([(PRED, GOLD, TEXT)]).metrics()


def test_evaluate_dir_input_error_scores_article_as_empty() -> None:
    def predict(path: Path, meta: dict[str, Any]) -> dict[str, Any]:
        raise InputError(str(path), "empty file")

    scores = evaluate_dir(GOLD_DIR, predict)
    assert scores.failed == ("mini-idlib",)
    assert scores.metrics()["event_recall"] == 0.0


def test_evaluate_dir_gold_without_text_raises(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(GOLD), encoding="utf-8")
    with pytest.raises(EventwatchError, match=r"a\.json"):
        evaluate_dir(tmp_path, lambda path, meta: PRED)


def test_evaluate_dir_empty_directory_raises(tmp_path: Path) -> None:
    with pytest.raises(EventwatchError, match=r"no <id>\.json"):
        evaluate_dir(tmp_path, lambda path, meta: PRED)


@pytest.mark.parametrize(("gold", "text"), DEV, ids=[g["id"] for g, _ in DEV])
def test_score_article_dev_gold_against_itself_is_perfect(gold: dict[str, Any], text: str) -> None:
    assert _perfect(score_article(gold, gold, text).tally.metrics()) == []


def test_score_corpus_dev_gold_against_itself_counts_everything() -> None:
    scores = score_corpus((gold, gold, text) for gold, text in DEV)
    tally = scores.tally
    # Counts from shared/gold/dev/README.md "Counts".
    assert (tally.event_tp, tally.claim_tp, tally.contested_tp) == (83, 129, 5)
    assert (tally.not_event_hit.total, tally.body_leak.total) == (79, 6)
    assert _perfect(scores.metrics()) == []


@given(data=st.data())
def test_score_article_any_event_subset_against_itself_is_perfect(data: st.DataObject) -> None:
    gold, text = data.draw(st.sampled_from(DEV))
    events = gold["events"]
    keep = data.draw(st.lists(st.booleans(), min_size=len(events), max_size=len(events)))
    subset = {**gold, "events": [e for e, k in zip(events, keep, strict=True) if k]}
    pred = {**subset, "events": data.draw(st.permutations(subset["events"]))}
    assert _perfect(score_article(pred, subset, text).tally.metrics()) == []


@given(data=st.data())
def test_score_article_event_subset_as_prediction_has_full_precision(data: st.DataObject) -> None:
    gold, text = data.draw(st.sampled_from([(g, t) for g, t in DEV if g["events"]]))
    events = gold["events"]
    keep = data.draw(st.lists(st.booleans(), min_size=len(events), max_size=len(events)).filter(any))
    pred = {**gold, "events": [e for e, k in zip(events, keep, strict=True) if k]}
    tally = score_article(pred, gold, text).tally
    assert (tally.event_tp, tally.event_fp) == (sum(keep), 0)
    metrics = tally.metrics()
    assert metrics["event_recall"] == pytest.approx(sum(keep) / len(events))
    accuracies = {k: v for k, v in metrics.items() if k.endswith("_accuracy") and v is not None}
    assert set(accuracies.values()) == {1.0}


def test_eval_floors_names_known_metrics() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    for section in floors.values():
        named = {k: v for k, v in section.items() if not k.startswith("_")}  # "_note" says where figures come from
        assert named and set(named) <= set(METRIC_NAMES) - LOWER_IS_BETTER
        assert all(isinstance(v, float) and not math.isnan(v) for v in named.values())


def test_gold_scores_empty_corpus_is_undefined() -> None:
    assert GoldScores().metrics()["event_f1"] is None
