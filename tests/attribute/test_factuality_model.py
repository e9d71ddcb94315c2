"""The shipped predicate-factuality model: behaviour on real sentences and its file format."""

from __future__ import annotations

import pytest

from eventwatch.attribute.factuality_model import FactualityModel, load_factuality_model, predicate_features
from eventwatch.config import load_config
from eventwatch.nlp import load_model


def _score(sentence: str, word: str, *, domain: str | None = "news") -> float:
    doc = load_model(load_config().spacy_model)(sentence)
    token = next(t for t in doc if t.text == word)
    return load_factuality_model().score(token, domain=domain)


def test_a_reported_past_attack_scores_as_having_happened() -> None:
    assert _score("Rebels attacked the city on Tuesday.", "attacked") > 2.0


# News scores are calibrated on MEANTIME, which rates a wished or planned event 0 to 0.75 (not -3) and is 90 %
# 3.0, so the model keeps a smaller gap for wishes than for negations (scripts/train_factuality.py checks these).
@pytest.mark.parametrize(
    ("sentence", "word", "margin"),
    [
        ("Rebels did not attack the city on Tuesday.", "attack", 1.5),
        ("The army never shelled the village.", "shelled", 1.5),
        ("Rebels want to attack the city.", "attack", 0.75),
        ("Officials hope to sign a ceasefire next month.", "sign", 0.75),
    ],
)
def test_negated_and_wished_events_score_well_below_what_happened(sentence: str, word: str, margin: float) -> None:
    assert _score(sentence, word) < _score("Rebels attacked the city on Tuesday.", "attacked") - margin


def test_wished_events_score_far_below_what_happened_in_web_text() -> None:
    happened = _score("Rebels attacked the city on Tuesday.", "attacked", domain=None)
    assert _score("Rebels want to attack the city.", "attack", domain=None) < happened - 1.5


def test_features_name_the_negation_and_the_embedding_verb() -> None:
    doc = load_model(load_config().spacy_model)("Militants did not want to storm the base.")
    feats = predicate_features(next(t for t in doc if t.text == "storm"))
    assert "up1_lemma=want" in feats
    assert "up1_negated" in feats


def test_scores_stay_on_the_uds_scale() -> None:
    model = FactualityModel({"bias": 2.0, "lemma=x": 5.0, "news:lemma=x": 1.0})
    assert model.score_features(["bias", "lemma=x"]) == 3.0
    assert model.score_features(["bias"], domain=None) == 2.0
    assert FactualityModel({"bias": -9.0}).score_features(["bias"]) == -3.0


def test_news_scores_scale_the_general_sum_then_add_news_weights() -> None:
    model = FactualityModel({"bias": 2.0, "lemma=x": -1.0, "news:bias": 2.5}, {"news": 0.5})
    assert model.score_features(["bias", "lemma=x"], domain=None) == 1.0
    assert model.score_features(["bias", "lemma=x"]) == 3.0


def test_json_round_trip_and_rejection_of_other_files() -> None:
    model = FactualityModel({"bias": 1.25, "lemma=kill": 0.5}, {"news": 0.25})
    assert FactualityModel.from_json(model.to_json()) == model
    assert FactualityModel.from_json('{"format": 1, "weights": {"bias": 1}}').domain_scale == {}
    with pytest.raises(ValueError, match="format 1"):
        FactualityModel.from_json('{"weights": []}')


@pytest.mark.parametrize(
    ("stopped", "word", "went_ahead"),
    [
        ("The offensive was postponed until spring.", "offensive", "The offensive began in spring."),
        ("The rebels failed to capture the airport.", "capture", "The rebels managed to capture the airport."),
        ("The talks were cancelled at the last minute.", "talks", "The talks were held at the last minute."),
    ],
)
def test_an_act_stopped_delayed_or_called_off_scores_below_one_that_went_ahead(
    stopped: str, word: str, went_ahead: str
) -> None:
    assert _score(stopped, word) < _score(went_ahead, word)


def test_stop_features_name_the_stopping_governor() -> None:
    doc = load_model(load_config().spacy_model)("The flight was delayed by fog.")
    assert "stop_gov=delay" in predicate_features(next(t for t in doc if t.text == "flight"))
