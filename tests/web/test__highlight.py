"""Cutting text into plain and marked pieces by offsets, and reading the article page's ?hl= range."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwatch.web._highlight import Piece, parse_range, split_marks


def test_split_marks_marks_the_span_and_keeps_the_rest() -> None:
    text = "However this has been categorically denied by Dmitry Peskov."
    start = text.index("denied")
    assert split_marks(text, [(start, start + 6, "cue")]) == (
        Piece(text[:start]),
        Piece("denied", "cue"),
        Piece(text[start + 6 :]),
    )


@pytest.mark.parametrize(
    "mark",
    [(None, 3, "cue"), (2, None, "cue"), (5, 5, "cue"), (4, 2, "cue"), (-1, 3, "cue"), (0, 99, "cue")],
)
def test_split_marks_ignores_missing_empty_and_out_of_range_spans(mark: tuple[int | None, int | None, str]) -> None:
    assert split_marks("a short text", [mark]) == (Piece("a short text"),)


def test_split_marks_drops_a_mark_overlapping_an_earlier_one() -> None:
    assert split_marks("abcdef", [(3, 5, "y"), (1, 4, "x")]) == (Piece("a"), Piece("bcd", "x"), Piece("ef"))


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.sampled_from(["cue", "trigger"])), max_size=6),
)
def test_split_marks_pieces_concatenate_to_the_text(text: str, marks: list[tuple[int, int, str]]) -> None:
    pieces = split_marks(text, marks)
    assert "".join(p.text for p in pieces) == text
    for piece in pieces:
        assert piece.text or text == ""
        assert piece.mark is None or (piece.mark, piece.text) in {(k, text[s:e]) for s, e, k in marks if 0 <= s < e}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("10-42", (10, 42)),
        ("0-1", (0, 1)),
        (None, None),
        ("", None),
        ("10", None),
        ("a-b", None),
        ("-3-4", None),
        ("1-2-3", None),
        ("²-3", None),
        ("1 - 3", None),
        ("1234567890-2", None),
    ],
)
def test_parse_range_reads_start_end_or_nothing(raw: str | None, expected: tuple[int, int] | None) -> None:
    assert parse_range(raw) == expected
