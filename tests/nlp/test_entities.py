"""The entity tagger that stands in for the model's recognizer (eventwatch/nlp/entities.py)."""

from pathlib import Path

import pytest

from eventwatch.config import load_config
from eventwatch.errors import ConfigError
from eventwatch.nlp import load_model


def _tagger():  # type: ignore[no-untyped-def]
    return load_model(load_config().spacy_model, "tagger")


def _recognizer():  # type: ignore[no-untyped-def]
    return load_model(load_config().spacy_model, "spacy")


def test_the_default_pipeline_tags_entities_without_the_models_recognizer() -> None:
    assert load_config().entity_recognizer == "tagger"
    assert "ner" not in _tagger().component_names
    assert _recognizer().pipe_names[-1] == "ner"


def test_an_unknown_recognizer_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="entity_recognizer"):
        load_model(load_config().spacy_model, "gliner")


def test_it_finds_the_places_people_groups_and_dates_of_news_sentences() -> None:
    nlp = _tagger()
    doc = nlp(
        "Russian jets struck the Syrian city of Idlib on Tuesday, killing 12 civilians, the Syrian Observatory "
        "for Human Rights said."
    )
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("Russian", "NORP"), ("Idlib", "GPE"), ("Tuesday", "DATE"), ("12", "CARDINAL")} <= ents
    assert ("the Syrian Observatory for Human Rights", "ORG") in ents
    doc = nlp("Kremlin spokesman Dmitry Peskov categorically denied the reports in Moscow.")
    assert {("Dmitry Peskov", "PERSON"), ("Moscow", "GPE")} <= {(e.text, e.label_) for e in doc.ents}
    doc = nlp("The UN envoy met Assad in Damascus on 3 May 2018.")
    assert {("Assad", "PERSON"), ("Damascus", "GPE"), ("3 May 2018", "DATE")} <= {(e.text, e.label_) for e in doc.ents}


def test_its_entities_are_well_formed_on_odd_input() -> None:
    nlp = _tagger()
    for text in ["", "   ", "\n", "Aleppo", "AL-QAEDA!!! ???", "a " * 400, "Near Raqqa, Near Raqqa, Near Raqqa"]:
        doc = nlp(text)
        for ent in doc.ents:
            assert ent.label_ and 0 <= ent.start < ent.end <= len(doc)
            assert ent[0].ent_iob_ == "B" and all(t.ent_iob_ == "I" for t in ent[1:])


def test_pipe_and_call_agree() -> None:
    texts = ["Turkish troops shelled Afrin.", "", "The UN envoy met Assad in Damascus on 3 May 2018."]
    nlp = _tagger()
    piped = [[(e.start, e.end, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=2)]
    called = [[(e.start, e.end, e.label_) for e in nlp(text).ents] for text in texts]
    assert piped == called


def test_it_gives_mostly_the_entities_the_models_recognizer_gives(seed_text: str, shared_dir: Path) -> None:
    """Trained to imitate the recognizer (scripts/train_entities.py), on other text: on the seed and the dev gold
    articles it agrees on most entities, exact span and label."""
    articles = [
        seed_text,
        *(p.read_text(encoding="utf-8") for p in sorted((shared_dir / "gold" / "dev").glob("*.txt"))),
    ]
    texts = [line for text in articles for line in text.split("\n") if line.strip()]
    both = only_one = 0
    for ours, theirs in zip(_tagger().pipe(texts), _recognizer().pipe(texts), strict=True):
        a = {(e.start, e.end, e.label_) for e in ours.ents}
        b = {(e.start, e.end, e.label_) for e in theirs.ents}
        both += len(a & b)
        only_one += len(a ^ b)
    assert both > 500
    assert 2 * both / (2 * both + only_one) >= 0.95  # 0.987 when trained


def test_without_token_vectors_it_says_what_is_missing() -> None:
    nlp = _tagger()
    doc = nlp.make_doc("Turkish troops shelled Afrin.")
    with pytest.raises(ValueError, match="tok2vec"):
        nlp.get_pipe("eventwatch_entity_tagger")(doc)
