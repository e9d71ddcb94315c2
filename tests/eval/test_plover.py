"""The sentence coder of `eventwatch eval plover` (eventwatch/eval/plover.py)."""

from eventwatch.config import load_config
from eventwatch.eval.plover import code_with_pipeline


def test_a_one_sentence_record_is_coded_whatever_the_article_screen_says() -> None:
    """The screen stops articles that name armed conflict fewer than twice; a gold sentence is always coded."""
    cfg = load_config()
    assert cfg.screen_min_mentions >= 2
    record = {"id": "t1", "text": "Iran threatened to close the Strait of Hormuz.", "event_text": "threatened"}
    coding = code_with_pipeline(cfg)(record)  # one conflict word only: the screen alone would stop it
    assert coding.plover == "THREATEN" and coding.actor_country == "IRN"
