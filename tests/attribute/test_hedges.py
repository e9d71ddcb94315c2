"""Hedges on claims (attribute/hedges.py through the stage)."""

from __future__ import annotations

import pytest

from eventwatch.records import Plover

A = Plover.ASSAULT


@pytest.mark.parametrize(
    ("text", "event", "hedge"),
    [
        pytest.param(
            "Reports from Syrian and Iranian news agencies appear to confirm that the Syrian army "
            "has now started "
            "a major ground operation in and around Aleppo.",
            ("the Syrian army has now started a major ground operation", "started"),
            "appear to",
            id="appear-to",
        ),
        pytest.param(
            "The Syrian military has apparently confirmed that Syrian aircraft struck the eastern districts.",
            ("Syrian aircraft struck the eastern districts", "struck"),
            "apparently",
            id="apparently",
        ),
        pytest.param(
            "He told the BBC that police suspect the attackers had stabbed the minister.",
            ("the attackers had stabbed the minister", "stabbed"),
            "suspect",
            id="suspect",
        ),
        pytest.param(
            "US Secretary of State Mike Pompeo said the missile strike was likely Iran's doing.",
            ("the missile strike was likely Iran's doing", "strike"),
            "likely",
            id="likely",
        ),
        pytest.param(
            "The officers eventually shot him dead, reportedly outside a Boots store.",
            ("The officers eventually shot him dead", "shot"),
            "reportedly",
            id="reportedly",
        ),
        pytest.param(
            "We are concerned by reports of ceasefire violations around Damascus.",
            ("ceasefire violations around Damascus", "violations"),
            "concerned by reports of",
            id="concerned-by",
        ),
    ],
)
def test_hedge_cue_kept(analyse, text, event, hedge):
    evidence, trigger = event
    analysis = analyse(text, [(evidence, trigger, A)])
    hedged = [c for c in analysis.event_mentions[0].claims if c.is_hedged]
    assert hedge in [c.hedge for c in hedged]


@pytest.mark.parametrize(
    "text",
    [
        "Police said the suspected gunman surrendered himself to police.",
        "There are also reports of air strikes on the eastern districts of Aleppo.",
        "His associates have alleged Navalny was poisoned.",
    ],
)
def test_hedge_absent_on_plain_attribution(analyse, text):
    evidence = {
        "P": "the suspected gunman surrendered himself",
        "T": "air strikes on the eastern districts",
        "H": "Navalny was poisoned",
    }[text[0]]
    trigger = {"P": "surrendered", "T": "strikes", "H": "poisoned"}[text[0]]
    analysis = analyse(text, [(evidence, trigger, A)])
    assert not any(c.is_hedged for c in analysis.event_mentions[0].claims)


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        pytest.param(
            "Activists said government aircraft bombed a hospital in Idlib, a claim that could not be "
            "independently verified.",
            "could not be independently verified",
            id="marker-in-the-sentence",
        ),
        pytest.param(
            "Government aircraft bombed a hospital in Idlib, state television said. There was no independent "
            "confirmation.",
            "There was no independent confirmation",
            id="marker-standing-alone-after",
        ),
        pytest.param(
            "According to unconfirmed reports, government aircraft bombed a hospital in Idlib.",
            "unconfirmed",
            id="according-to-unconfirmed-reports",
        ),
    ],
)
def test_hedges_verification_markers(analyse, text, hedge):
    (claim,) = analyse(text, [("aircraft bombed a hospital", "bombed", A)]).event_mentions[0].claims
    assert claim.hedge == hedge


def test_hedges_an_adverb_inside_a_named_claim_hedges_it(analyse):
    # "allegedly" in what rights groups said is their hedge, not a second, unnamed source.
    text = "The army allegedly executed 12 prisoners near Deir ez-Zor last week, rights groups said."
    (claim,) = analyse(text, [("The army allegedly executed 12 prisoners", "executed", A)]).event_mentions[0].claims
    assert (claim.source.text, claim.source.kind.value, claim.hedge) == ("rights groups", "ngo_monitor", "allegedly")
