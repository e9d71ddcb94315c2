"""Contested events (attribute/contested.py)."""

from __future__ import annotations

import pytest

from eventwatch.records import Plover

A = Plover.ASSAULT


def test_contested_claim_against_denial(analyse, seed_text):
    east = "air strikes on the Al-Qaeda controlled eastern districts of Aleppo"
    assert analyse(seed_text, [(east, "strikes", A)]).event_mentions[0].is_contested


def test_contested_denial_by_no_traces_found(analyse):
    text = (
        "His associates have alleged Navalny was poisoned. Hospital officials in Omsk said no traces "
        "of poison "
        "were found in his blood."
    )
    assert analyse(text, [("Navalny was poisoned", "poisoned", A)]).event_mentions[0].is_contested


@pytest.mark.parametrize(
    "figures",
    [
        pytest.param(
            "The interior ministry said 18,250 people attended the rally. Vyasna said 63,000 people "
            "attended the rally.",
            id="two-statements",
        ),
        pytest.param(
            "According to reports from the interior ministry and from Vyasna, around 18,250 to 63,000 "
            "visitors attended the rally.",
            id="one-range-two-sources",
        ),
    ],
)
def test_contested_attendance_figures_from_two_sources(analyse, figures):
    text = "Sviatlana Tsikhanouskaya held a rally in Minsk. " + figures
    event = ("Sviatlana Tsikhanouskaya held a rally in Minsk", "held", Plover.PROTEST)
    assert analyse(text, [event]).event_mentions[0].is_contested


def test_contested_death_toll_six_vs_eight(analyse):
    text = (
        "A gunman shot shoppers at a Walmart store in El Paso. According to Mexican President Andrés Manuel "
        "López Obrador, six Mexican nationals were killed in the attack. Another report from the Mexican "
        "government said eight Mexicans died in the attack."
    )
    event = ("A gunman shot shoppers at a Walmart store in El Paso", "shot", A)
    assert analyse(text, [event]).event_mentions[0].is_contested


def test_contested_single_source_is_not(analyse):
    text = "Police said the suspected gunman surrendered himself to police after being confronted by officers."
    event = ("the suspected gunman surrendered himself", "surrendered", Plover.COERCE)
    assert not analyse(text, [event]).event_mentions[0].is_contested


@pytest.mark.parametrize(
    ("later", "contested"),
    [
        pytest.param("Saudi Arabia has alleged Iranian involvement.", True, id="alleged-involvement-of-another"),
        pytest.param("The United States blamed Iran for the attack.", True, id="blamed-another"),
        pytest.param("Saudi officials blamed the Houthi rebels for the attack.", False, id="blamed-the-claimer"),
        pytest.param("Saudi officials blamed the attack on the Houthi rebels.", False, id="blamed-on-the-claimer"),
        pytest.param("Saudi officials blamed the attack on Iran.", True, id="blamed-on-another"),
        pytest.param("Saudi officials said the attack started fires.", False, id="no-perpetrator-named"),
    ],
)
def test_contested_by_different_perpetrators(analyse, later, contested):
    text = "Drones struck two oil facilities in Abqaiq on Saturday. The attack was claimed by the Houthi movement. "
    (strike,) = analyse(text + later, [("Drones struck two oil facilities", "struck", A)]).event_mentions
    assert strike.is_contested is contested


def test_contested_denial_of_the_report_denies_the_event(analyse):
    text = (
        "Russian jets struck a market in Aleppo on Monday, the Syrian Observatory for Human Rights said. "
        "Russia's defence ministry denied the report."
    )
    (strike,) = analyse(text, [("Russian jets struck a market", "struck", A)]).event_mentions
    assert strike.is_contested


def test_contested_tolls_counted_in_other_words_conflict(analyse):
    text = (
        "Taliban fighters stormed a police headquarters in Ghazni province overnight, killing 14 policemen, "
        "provincial officials said on Sunday. A Taliban spokesman said 30 police had been killed. The interior "
        "ministry put the toll at nine. Unconfirmed reports said the governor had fled."
    )
    analysis = analyse(text, [("Taliban fighters stormed a police headquarters in Ghazni province", "stormed", A)])
    (storming,) = analysis.event_mentions
    assert storming.is_contested
    assert ("The interior ministry", "death toll") in {(c.source.text, c.about) for c in storming.claims}
