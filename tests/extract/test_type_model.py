"""The learned PLOVER type model: shipped, small, and a veto over the lexicon only where it is sure."""

from __future__ import annotations

from eventwatch.extract.type_model import MODEL_PATH, load_type_model
from tests.extract.conftest import Extract


def test_model_ships_small_with_the_plover_types() -> None:
    assert MODEL_PATH.stat().st_size < 2_000_000
    model = load_type_model()
    assert {"ASSAULT", "PROTEST", "THREATEN", "AGREE"} <= set(model.classes)
    probs = model.probabilities(["bias", "t=strike", "w=hunger"])
    assert abs(sum(probs.values()) - 1.0) < 1e-9


def test_hunger_strike_is_a_protest_not_an_assault(extract_text: Extract) -> None:
    text = "Hundreds of prisoners in Bahrain began a hunger strike on Sunday to protest against their detention.\n"
    types = {m.plover.value for m in extract_text(text).event_mentions}
    assert "ASSAULT" not in types
    assert "PROTEST" in types


def test_air_strike_keeps_the_lexicon_type(extract_text: Extract) -> None:
    text = "Russian warplanes carried out a strike on a hospital in Idlib on Tuesday, killing nine civilians.\n"
    mentions = extract_text(text).event_mentions
    assert mentions and all(m.plover.value == "ASSAULT" for m in mentions)
    assert mentions[0].mode == "aerial"
