"""Readings of the parse shared by the stages (nlp/syntax.py), on parsed sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwatch.config import load_config
from eventwatch.nlp import load_model
from eventwatch.nlp.syntax import is_origin


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model(load_config().spacy_model)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The attacks came from Yemen.", "Yemen", True),
        ("Rockets were fired from northern Gaza.", "Gaza", True),
        ("Refugees are coming to Lebanon from Syria and Iraq.", "Iraq", True),
        ("Refugees are coming to Lebanon from Syria and Iraq.", "Lebanon", False),
        ("The army withdrew from Raqqa.", "Raqqa", False),  # where the withdrawal was
    ],
)
def test_is_origin(nlp: Language, text: str, word: str, expected: bool) -> None:
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == word]
    assert is_origin(token) is expected
