import pytest
from hypothesis import given
from hypothesis import strategies as st

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


def test_split_paragraphs_cuts_an_overlong_line_after_a_sentence_end() -> None:
    text = "One two three. Four five six. Seven eight nine."
    pieces = [s.slice(text) for s in split_paragraphs(text, max_chars=32)]
    assert pieces == ["One two three. Four five six.", "Seven eight nine."]


def test_split_paragraphs_cuts_a_line_without_spaces_at_the_limit() -> None:
    text = "x" * 25
    assert [s.end - s.start for s in split_paragraphs(text, max_chars=10)] == [10, 10, 5]


def test_split_paragraphs_cuts_a_long_run_of_punctuation_into_pieces_of_its_own() -> None:
    text = "Who? " + "!?" * 6 + " Nobody."
    pieces = [s.slice(text) for s in split_paragraphs(text, max_word_chars=7)]
    assert pieces == ["Who?", "!?!?!?!", "?!?!?", "Nobody."]


@given(
    st.text(alphabet=st.sampled_from("ab .\n!?\t"), max_size=300),
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=1, max_value=12),
)
def test_split_paragraphs_pieces_are_bounded_and_keep_every_word(text: str, max_chars: int, max_word: int) -> None:
    uncut = split_paragraphs(text)
    pieces = split_paragraphs(text, max_chars=max_chars, max_word_chars=max_word)
    assert all(0 < s.end - s.start <= max_chars for s in pieces)
    assert all(len(word) <= max_word for s in pieces for word in s.slice(text).split())
    assert all(s.slice(text) == s.slice(text).strip() for s in pieces)
    assert [s.start for s in pieces] == sorted(s.start for s in pieces)
    # Cutting only removes whitespace between pieces: the non-space characters are the same, in order.
    assert "".join("".join(s.slice(text).split()) for s in pieces) == "".join(
        "".join(s.slice(text).split()) for s in uncut
    )


def test_split_paragraphs_a_links_words_set_on_their_own_line_stay_in_their_sentence() -> None:
    text = "Davis said the U.S.-led\ncoalition\n conducted five airstrikes.\nRaqqa in Next Phase\nThe SDF advanced."
    assert [s.slice(text) for s in split_paragraphs(text)] == [
        "Davis said the U.S.-led\ncoalition\n conducted five airstrikes.",
        "Raqqa in Next Phase",
        "The SDF advanced.",
    ]


def test_split_paragraphs_list_items_in_lower_case_stay_apart() -> None:
    text = "Ministers announced:\n\nprogress on sales as the drone project goes on\nfurther joint action in Calais"
    assert [s.slice(text) for s in split_paragraphs(text)] == [
        "Ministers announced:",
        "progress on sales as the drone project goes on",
        "further joint action in Calais",
    ]
