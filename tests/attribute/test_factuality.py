"""Final factuality (attribute/factuality.py)."""

from __future__ import annotations

import pytest

from eventwatch.records import Factuality, Plover

A = Plover.ASSAULT


@pytest.mark.parametrize(
    ("text", "event", "expected"),
    [
        pytest.param(
            "Yesterday, Indonesia's security minister Wiranto was stabbed, according to government authorities.",
            ("Indonesia's security minister Wiranto was stabbed", "stabbed", A),
            Factuality.REPORTED,
            id="attributed-main-clause",
        ),
        pytest.param(
            "Near Palmyra, one strike destroyed an ISIL-held tank.",
            ("one strike destroyed an ISIL-held tank", "destroyed", A),
            Factuality.ASSERTED,
            id="author-voice",
        ),
        pytest.param(
            "On Saturday morning, representatives from Iran acknowledged their government had shot down a "
            "Ukrainian passenger jet near Tehran.",
            ("their government had shot down a Ukrainian passenger jet", "shot", A),
            Factuality.ASSERTED,
            id="factive-cue",
        ),
        pytest.param(
            "The shooting began at 10:39 a.m. local time, according to police. A gunman shot shoppers at a store.",
            ("A gunman shot shoppers at a store", "shot", A),
            Factuality.ASSERTED,
            id="detail-elsewhere",
        ),
        pytest.param(
            "Minister Ellwood said:\n\nCivilians are facing ongoing shelling and airstrikes by the Asad regime.",
            ("Civilians are facing ongoing shelling and airstrikes by the Asad regime", "facing", A),
            Factuality.REPORTED,
            id="said-colon-block",
        ),
        pytest.param(
            "Yesterday, President Hassan Rouhani of Iran said foreign powers should get out of the region.",
            ("foreign powers should get out of the region", "get", Plover.REQUEST),
            Factuality.ASSERTED,
            id="speech-act-by-speaker",
        ),
        pytest.param(
            "The prosecutor said the 36 must face charges, adding Iran will pursue the prosecution of Trump.",
            ("Iran will pursue the prosecution of Trump", "pursue", Plover.THREATEN),
            Factuality.REPORTED,
            id="speech-act-reported",
        ),
        pytest.param(
            "The United States condemns the terrorist attacks in Iraq today, including one in Baghdad claimed by "
            "Daesh that specifically targeted mourners inside a funeral tent.",
            ("the terrorist attacks in Iraq today, including one in Baghdad claimed by Daesh", "attacks", A),
            Factuality.ASSERTED,
            id="responsibility-for-an-act-told-on-its-own",  # Daesh says who did it, not that it happened
        ),
        pytest.param(
            "The Afghan Taliban, however, claimed responsibility for shooting down the helicopter.",
            ("shooting down the helicopter", "shooting", A),
            Factuality.REPORTED,
            id="responsibility-for-an-act-told-only-so",
        ),
    ],
)
def test_final_factuality(analyse, text, event, expected):
    assert analyse(text, [event]).event_mentions[0].factuality is expected


@pytest.mark.parametrize("kept", [Factuality.PLANNED, Factuality.NEGATED, Factuality.HYPOTHETICAL])
def test_final_factuality_keeps_extract_value(analyse, kept):
    text = "The foreign minister said Mexico would seek to extradite the gunman."
    event = ("Mexico would seek to extradite the gunman", "extradite", Plover.REQUEST)
    assert analyse(text, [event], factuality=kept).event_mentions[0].factuality is kept


@pytest.mark.parametrize(
    ("text", "factuality"),
    [
        pytest.param(
            "Russia denied that its jets bombed a hospital in Idlib on Monday.", Factuality.NEGATED, id="only-denied"
        ),
        pytest.param(
            "Activists said Russian jets bombed a hospital in Idlib on Monday. Russia denied that its jets bombed a "
            "hospital.",
            Factuality.REPORTED,
            id="claimed-and-denied",
        ),
    ],
)
def test_factuality_an_event_only_denied_is_negated(analyse, text, factuality):
    mention = analyse(text, [("jets bombed a hospital", "bombed", Plover.ASSAULT)]).event_mentions[0]
    assert mention.factuality is factuality
