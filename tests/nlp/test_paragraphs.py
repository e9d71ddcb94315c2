import pytest

from eventwatch.nlp import split_paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("Syria\n.       Near Al Shadaddi, one strike.\n", ["Syria", "Near Al Shadaddi, one strike."]),
        ("  padded line  \n\n\n", ["padded line"]),
        ("", []),
        ("\n\n \n", []),
    ],
)
def test_split_paragraphs_returns_each_nonblank_line(text: str, expected: list[str]) -> None:
    assert [s.slice(text) for s in split_paragraphs(text)] == expected
