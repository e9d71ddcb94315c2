"""Factuality of the event clause (extract/modality.py through extract.run)."""

from __future__ import annotations

import pytest

from eventwatch.records import Factuality
from tests.extract.conftest import Extract

CASES = [
    # a threatened act is still to come (the threat itself is the THREATEN event)
    ("Rebels threatened to attack the airport in Damascus on Sunday.", "attack", Factuality.PLANNED),
    # seed article
    (
        "After weeks of fighting, the soldiers are now ready to storm militants' centres in Eastern Aleppo.",
        "storm",
        Factuality.PLANNED,
    ),
    (
        "Only once western Aleppo is secured will the Syrian army aim to storm eastern Aleppo.",
        "storm",
        Factuality.PLANNED,
    ),
    # dev articles
    (
        "Mexico would consider charging the gunman with terrorism against Mexicans.",
        "charging",
        Factuality.HYPOTHETICAL,
    ),
    (
        "It is unacceptable that the UN has still not been given access to eastern Aleppo.",
        "access",
        Factuality.NEGATED,
    ),
    (
        "On Saturday morning, a gunman shot shoppers at a Walmart store in El Paso.",
        "shot",
        Factuality.ASSERTED,
    ),
    # own sentences
    ("If the talks fail, the rebels could attack the airport.", "attack", Factuality.HYPOTHETICAL),
    ("The government said troops will withdraw from the city next month.", "withdraw", Factuality.PLANNED),
    ("Police did not arrest anyone at the rally.", "arrest", Factuality.NEGATED),
    # a denied stance towards an act does not deny the act
    ("The air raids are not intended to support a Turkish army offensive on Manbij.", "offensive", Factuality.PLANNED),
    ("The air raids are not intended to support a Turkish army offensive on Manbij.", "raids", Factuality.ASSERTED),
    ("The rebels did not launch an offensive on the airport.", "offensive", Factuality.NEGATED),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), CASES)
def test_modality_factuality_of_clause(extract_text: Extract, text: str, trigger: str, expected: Factuality) -> None:
    mentions = extract_text(text, "2019-08-08").event_mentions
    found = {m.trigger.slice(text): m.factuality for m in mentions}
    assert found.get(trigger) is expected, found


def test_modality_speech_act_keeps_its_own_factuality(extract_text: Extract) -> None:
    text = "Rouhani said foreign powers must not send weapons and fighter jets to the region."
    (mention,) = extract_text(text, "2019-09-23").event_mentions
    assert (mention.plover, mention.factuality) == ("REQUEST", Factuality.ASSERTED)


def test_modality_first_person_future_force_is_a_threat(extract_text: Extract) -> None:
    text = "He said: 'I will totally destroy and obliterate the Economy of Turkey.'"
    plovers = [str(m.plover) for m in extract_text(text, "2019-10-08").event_mentions]
    assert plovers == ["THREATEN"]


def test_modality_definite_attacks_placed_by_name_are_events_in_a_present_comment(extract_text: Extract) -> None:
    text = "The attacks in Qamenas, Sarmin and Talamenes demonstrate the cruel barbarity of the Asad regime."
    assert [m.plover for m in extract_text(text, "2016-10-21").event_mentions] == ["ASSAULT"]
    # a generic statement stays no event
    assert extract_text("Attacks on hospitals demonstrate the cruelty of war.", "2016-10-21").event_mentions == ()
