"""Casualty figures (extract/casualties.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwatch.extract.casualties import find_casualties
from tests.extract.conftest import Extract

CASES = [
    ("one in California at a garlic festival in Gilroy, killing three", ("killed", 3, 3, 3)),
    ("another in Chippewa Falls, Wisconsin where at least five died", ("killed", 5, None, 5)),
    ("killed more than 20 militants and destroyed eight vehicles", ("killed", 20, None, 20)),
    ("with the death toll rising to 22 people on Monday", ("killed", 22, 22, 22)),
    ("six Mexican nationals were killed in the attack", ("killed", 6, 6, 6)),
    ("between 10 and 15 people were killed in the shelling", ("killed", 10, 15, 12)),
    ("injuring at least 25 people and damaging churches", ("injured", 25, None, 25)),
    ("Two women were injured in the attack", ("injured", 2, 2, 2)),
    ("Gunmen killed 12 and wounded three in Kabul", ("killed", 12, 12, 12)),
    # the weapon's or the attackers' count is no death toll; a second group joined by "and" adds to the first
    ("two bombs killed six police officers and a civilian in Giza", ("killed", 7, 7, 7)),
    ("three soldiers killed two militants near the border", ("killed", 2, 2, 2)),
    ("killing at least four soldiers and two civilians", ("killed", 6, None, 6)),
    ("Two were killed and 12 wounded", ("killed", 2, 2, 2)),
    ("At least 13 members of the regime forces have been killed", ("killed", 13, None, 13)),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_casualties_first_figure(text: str, expected: tuple[str, int, int | None, int]) -> None:
    found = find_casualties(text, 0)
    assert found
    first = found[0]
    assert (first.kind, first.low, first.high, first.best) == expected


def test_casualties_of_whom_counts_the_victims() -> None:
    text = "Police said over a hundred people attended the party, four of whom were injured in the shooting."
    (found,) = find_casualties(text, 0)
    assert (found.kind, found.best) == ("injured", 4)


def test_casualties_conflicting_figures_are_all_kept() -> None:
    text = "six Mexicans were killed in the attack; another report said eight Mexicans died"
    assert [c.best for c in find_casualties(text, 0)] == [6, 8]


@pytest.mark.parametrize(
    "text",
    [
        "followed four deadly mass shootings in the United States that week",
        "two deadliest attacks",
        "3 injurious",
        "Two bombs killed the mayor",
    ],
)
def test_casualties_a_word_that_only_begins_with_a_casualty_verb_gives_none(text: str) -> None:
    assert find_casualties(text, 0) == []


def test_casualties_spans_are_article_offsets() -> None:
    text = "the raid, killing three"
    (found,) = find_casualties(text, 100)
    assert (found.span.start - 100, found.span.end - 100) == (10, 23)


@given(st.text(max_size=200))
def test_casualties_any_text_gives_spans_inside_it(text: str) -> None:
    for c in find_casualties(text, 0):
        assert 0 <= c.span.start <= c.span.end <= len(text)
        assert c.low is not None and c.low >= 0


@pytest.mark.parametrize(
    ("later", "dead"),
    [
        pytest.param(
            "Sergeant Ratana underwent open heart surgery and was airlifted to hospital, but he was later pronounced "
            "dead.",
            1,
            id="pronounced-dead",
        ),
        pytest.param("Ratana died in hospital on Saturday.", 1, id="surname-died"),
        pytest.param(
            "Sergeant Ratana underwent surgery. The prisoner's cellmate died of a heart attack.", None, id="other"
        ),
    ],
)
def test_casualties_a_named_victim_told_dead_later_was_killed(
    extract_text: Extract, later: str, dead: int | None
) -> None:
    text = (
        'Metropolitan Police sergeant Matiu "Matt" Ratana was shot at the Croydon custody centre in London on '
        "Friday by a prisoner.\n\n" + later
    )
    (attack,) = [m for m in extract_text(text, "2020-09-30").event_mentions if m.plover == "ASSAULT"]
    assert attack.fatalities == dead


def test_casualties_a_release_kills_no_one(extract_text: Extract) -> None:
    text = (
        "Kyle Rittenhouse, the suspect in a shooting of protesters in Kenosha, Wisconsin, United States that left "
        "two people dead, was released from a Wisconsin jail Friday after his lawyers posted US$2 million bond."
    )
    for mention in extract_text(text, "2020-11-22").event_mentions:
        assert mention.plover == "ASSAULT" or (mention.fatalities, mention.injured) == (None, None)
