"""Linking claims to event mentions across sentences (attribute/link.py) and the clause shapes behind them.

Texts are written for these tests (not taken from the dev gold), so they check the general rule.
"""

from __future__ import annotations

import pytest

from eventwatch import ingest, pipeline
from eventwatch.config import load_config
from eventwatch.records import Plover, Stance

A = Plover.ASSAULT


def _sources(mention):
    return {c.source.text for c in mention.claims}


@pytest.mark.parametrize(
    ("later", "source"),
    [
        pytest.param(
            "Three soldiers were killed, according to the provincial council.",
            "the provincial council",
            id="casualty-figure",
        ),
        pytest.param(
            "The regional governor said four guards died in the attack.", "The regional governor", id="the-attack"
        ),
        pytest.param("Police said the suspect had bought the rifle legally.", "Police", id="role-noun"),
    ],
)
def test_link_later_sentence_speaks_to_earlier_attack(analyse, later, source):
    text = "Gunmen stormed a hotel in Mogadishu on Sunday. The hotel was closed for repairs last year. " + later
    analysis = analyse(text, [("Gunmen stormed a hotel in Mogadishu", "stormed", A)])
    assert source in _sources(analysis.event_mentions[0])


def test_link_definite_reference_prefers_main_event(analyse):
    text = (
        "Gunmen stormed a hotel in Mogadishu on Sunday. Last month a car bomb exploded near the port. "
        "The regional governor said four guards died in the attack."
    )
    events = [("Gunmen stormed a hotel in Mogadishu", "stormed", A), ("a car bomb exploded", "exploded", A)]
    hotel, bomb = analyse(text, events).event_mentions
    assert "The regional governor" in _sources(hotel)
    assert "The regional governor" not in _sources(bomb)


def test_link_nested_reference_keeps_inner_speaker(analyse):
    text = (
        "Gunmen stormed a hotel in Mogadishu on Sunday. The hotel was closed for repairs last year. "
        "The mayor told reporters that police suspect the attackers had trained abroad."
    )
    analysis = analyse(text, [("Gunmen stormed a hotel in Mogadishu", "stormed", A)])
    sources = _sources(analysis.event_mentions[0])
    assert "police" in sources
    assert "The mayor" not in sources


def test_link_casualty_words_in_a_quotation_do_not_link(analyse):
    text = (
        "Gunmen stormed a hotel in Mogadishu on Sunday. The hotel was closed for repairs last year. "
        'The president said: "Too many people have died in wars that nobody wanted."'
    )
    analysis = analyse(text, [("Gunmen stormed a hotel in Mogadishu", "stormed", A)])
    assert "The president" not in _sources(analysis.event_mentions[0])


def test_claims_parenthetical_reporting_clause(analyse):
    text = "In the north, the army said, rebels shelled two villages."
    analysis = analyse(text, [("rebels shelled two villages", "shelled", A)])
    assert "the army" in _sources(analysis.event_mentions[0])


def test_claims_according_to_with_misattached_second_source(analyse):
    text = (
        "Opposition supporters marched in Tbilisi. According to reports from the police on Friday, and "
        "Amnesty, a rights group, on Thursday, around 2,000 to 9,000 people attended the march."
    )
    event = ("Opposition supporters marched in Tbilisi", "marched", Plover.PROTEST)
    mention = analyse(text, [event]).event_mentions[0]
    assert any(s.startswith("Amnesty") for s in _sources(mention))
    assert mention.is_contested


def test_claims_defend_with_quotation(analyse):
    text = (
        'General Haddad, speaking on the radio, defended the decision, "Our troops shelled the village because '
        'rebels fired from it."'
    )
    mention = analyse(text, [("Our troops shelled the village", "shelled", A)]).event_mentions[0]
    assert "General Haddad" in _sources(mention)


def test_link_report_naming_the_victim_speaks_to_the_attack_on_them():
    # The victim's name, not an event word, ties the report to the stabbing; the actors come from the extract.
    cfg = load_config()
    text = (
        "Two suspected militants stabbed Security Minister Wiranto in Pandeglang on Thursday. Local markets closed "
        "early for the holiday. Al Jazeera reported that Wiranto was flown to a hospital in Jakarta."
    )
    (stabbing,) = pipeline.analyse(ingest.read_text(text, "wiranto.txt", cfg), cfg).event_mentions
    assert [(c.source.text, c.about) for c in stabbing.claims] == [("Al Jazeera", "details")]


@pytest.mark.parametrize(
    ("later", "linked"),
    [
        pytest.param("His associates alleged the guards had poisoned his food.", True, id="allegation-shares-words"),
        pytest.param("His associates think the guards had poisoned his food.", False, id="a-belief-does-not-link"),
        pytest.param("Allegedly, the guards had poisoned his food.", False, id="a-bare-adverb-does-not-link"),
    ],
)
def test_link_allegation_sharing_words_speaks_to_the_earlier_attack(analyse, later, linked):
    text = (
        "The opposition leader was poisoned in a prison camp in March. Doctors treated him in a city hospital. " + later
    )
    analysis = analyse(text, [("The opposition leader was poisoned", "poisoned", A)])
    assert ("His associates" in _sources(analysis.event_mentions[0])) is linked


@pytest.mark.parametrize(
    ("later", "source"),
    [
        pytest.param("The United States blamed Iran for the attack.", "The United States", id="blamed-y-for"),
        pytest.param("Kurdish officials accused Turkey of the attack.", "Kurdish officials", id="accused-y-of"),
        pytest.param(
            "The United States was more forceful in blaming Iran for the attack.",
            "The United States",
            id="gerund-after-in",  # the subject of "was" blames
        ),
        pytest.param(
            # the parser hangs "blaming" on "Twitter"; the message's poster speaks
            "The foreign minister posted a message on Twitter blaming Iran for the attack.",
            "The foreign minister",
            id="participle-on-the-medium",
        ),
    ],
)
def test_link_blaming_someone_for_the_attack_is_a_responsibility_claim(analyse, later, source):
    text = "Drones struck two oil facilities in Abqaiq on Saturday. Fires were under control by the evening. " + later
    (strike,) = analyse(text, [("Drones struck two oil facilities", "struck", A)]).event_mentions
    assert [(c.source.text, c.stance, c.about) for c in strike.claims] == [(source, Stance.CLAIM, "responsibility")]


def test_link_without_confirming_is_no_claim(analyse):
    text = (
        "Drones struck two oil facilities in Abqaiq on Saturday. Fires were under control by the evening. "
        "The minister spoke for an hour without confirming the attack."
    )
    (strike,) = analyse(text, [("Drones struck two oil facilities", "struck", A)]).event_mentions
    assert "The minister" not in _sources(strike)


def test_link_the_means_of_reported_deaths_is_reported(analyse):
    # The extract's trigger is "airstrikes"; the reported clause is "20 civilians were killed in airstrikes".
    text = "Activists said that at least 20 civilians were killed in airstrikes on Maarat al-Numan on Monday."
    (strike,) = analyse(text, [("airstrikes on Maarat al-Numan", "airstrikes", A)]).event_mentions
    assert _sources(strike) == {"Activists"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The government blamed the attack on Boko Haram on Sunday.",
            [("The government", Stance.CLAIM, "responsibility")],
            id="blamed-the-attack-on",
        ),
        pytest.param(
            "Iraqi officials said the strike, which they blamed on Israel, hit a weapons depot near Baghdad.",
            [("Iraqi officials", Stance.ASSERT, None), ("Iraqi officials", Stance.CLAIM, "responsibility")],
            id="which-they-blamed-on",  # the report of the strike and the claim of who did it, side by side
        ),
    ],
)
def test_link_blaming_an_act_on_someone(analyse, text, expected):
    trigger = "attack" if "attack" in text else "strike"
    (event,) = analyse(text, [(f"the {trigger}", trigger, A)]).event_mentions
    assert sorted(((c.source.text, c.stance, c.about) for c in event.claims), key=str) == sorted(expected, key=str)
