"""The indexed attribute-ruler matcher gives exactly the matches (so the annotations) of spaCy's Matcher."""

from __future__ import annotations

import pytest

from eventwatch.config import load_config
from eventwatch.ingest import SAMPLE_CORPUS, read_inputs
from eventwatch.nlp import load_model
from eventwatch.nlp.rules import IndexedRuleMatcher
from eventwatch.records import Article

# Contractions, dialect forms and odd whitespace exercise the rules over two tokens and the space rules.
_ODD = (
    "I ain't gonna do it, y'all. Let's go, c'mon! Gotta get 'em. Somethin' ol' nothin' doin' goin' 'nuff.\n"
    "It's been there; there is a man. He'd have had it. I'd go. You did not, did you? Me, myself and I.\n\n \t x"
)


def _texts(seed_text: str) -> list[str]:
    corpus = [a.text for a in read_inputs([str(SAMPLE_CORPUS)], load_config()) if isinstance(a, Article)]
    return [seed_text, _ODD, *corpus[:60]]


@pytest.fixture(scope="module")
def unruled_docs(seed_text: str) -> list:  # type: ignore[type-arg]
    nlp = load_model(load_config().spacy_model)
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        return list(nlp.pipe(_texts(seed_text)))


def test_the_indexed_matcher_finds_what_spacys_matcher_finds(unruled_docs: list) -> None:  # type: ignore[type-arg]
    ruler = load_model(load_config().spacy_model).get_pipe("attribute_ruler")
    spacy_match = type(ruler).match.__get__(ruler)  # the class's own Matcher-based method
    indexed = IndexedRuleMatcher(ruler)
    assert sum(len(doc) for doc in unruled_docs) > 10_000  # running text: the common (form, tag, dep) combinations
    for doc in unruled_docs:
        assert indexed.match(doc) == spacy_match(doc), doc.text[:60]


def test_the_loaded_pipeline_uses_it_and_annotates_as_before() -> None:
    nlp = load_model(load_config().spacy_model)
    doc = nlp("They aren't going to storm the city, he said, but the army did.")
    assert [t.pos_ for t in doc][:4] == ["PRON", "AUX", "PART", "VERB"]
    assert doc[2].lemma_ == "not" and str(doc[2].morph) == "Polarity=Neg"
    assert nlp.get_pipe("attribute_ruler").match.__self__.__class__ is IndexedRuleMatcher


def test_a_pattern_it_cannot_file_is_refused() -> None:
    from spacy.lang.en import English

    nlp = English()
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"ORTH": "x", "IS_PUNCT": True}]], {"POS": "X"})
    with pytest.raises(ValueError, match="not supported"):
        IndexedRuleMatcher(ruler)
