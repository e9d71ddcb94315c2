from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwatch.geo._fold import fold, is_latin, plain


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Khan al-Asal", "Khan al-Assal"),
        ("Khan al-Asal", "Khan al `Asal"),
        ("al-Rashedeen", "Rashidin"),
        ("Deir ez-Zor", "Dayr az Zawr"),
        ("Raqqa", "Ar Raqqah"),
        ("Maarrat al-Numan", "Ma`arrat an Nu`man"),
        ("Idleb", "Idlib"),
        ("Ayn Issa", "Ayn ‘Isa"),
    ],
)
def test_fold_transliteration_variants_share_a_key(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize(("a", "b"), [("Aleppo", "Idlib"), ("Homs", "Hama"), ("Paris", "Perth")])
def test_fold_different_names_differ(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_plain_removes_case_diacritics_and_apostrophes() -> None:
    assert plain("Ma‘arrat an-Nu‘mān") == "maarrat an numan"


def test_is_latin_rejects_arabic_script() -> None:
    assert not is_latin("حلب")
    assert is_latin("Ḩalab")


@given(st.text(max_size=40))
def test_fold_is_stable_under_plain(name: str) -> None:
    assert fold(plain(name)) == fold(name)
