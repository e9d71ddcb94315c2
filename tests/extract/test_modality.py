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
    # a past clause after "before" happened; a fact is a fact whatever cannot change it
    (
        "The attacker reached the courtyard in Paris before he was shot in the head by another police officer.",
        "shot",
        Factuality.ASSERTED,
    ),
    (
        "This announcement cannot change the fact that the Hong Kong authorities have chosen to suppress protests.",
        "suppress",
        Factuality.ASSERTED,
    ),
    # a wish is still to come
    ("US President Donald Trump has been eager to withdraw from Afghanistan.", "withdraw", Factuality.PLANNED),
    # circumstances are told as they are, whatever the clause they qualify says
    (
        "Neither the European Union nor the United States would endorse the result amid reports of violence.",
        "violence",
        Factuality.ASSERTED,
    ),
    # an act asked for is still to come; one asked to stop is going on
    ("Turkey urged the rebels to attack Afrin on Sunday.", "attack", Factuality.PLANNED),
    (
        "Kerry urged him to press the regime to cease at once airstrikes against civilians in Aleppo.",
        "airstrikes",
        Factuality.ASSERTED,
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
    # an act named by its past day happened, whatever wish is said about it
    (
        "I want to convey my deepest condolences to the families of the victims in Saturday's cowardly terrorist "
        "attack in Istanbul.",
        "attack",
        Factuality.ASSERTED,
    ),
    # an act asked about is not asserted
    (
        "What action has the State Department taken to investigate these reports of sanctions violations?",
        "investigate",
        Factuality.HYPOTHETICAL,
    ),
    # an act one remains committed to is still to come
    (
        "The United States remains committed to working with our partners to bring an end to ISIL's depravity "
        "and ultimately destroy this terrorist organization.",
        "destroy",
        Factuality.PLANNED,
    ),
    # an act someone is being helped to do is the help's goal; help given in the past did its work
    (
        "The coalition is assisting the Iraqi government to degrade and ultimately destroy ISIL.",
        "destroy",
        Factuality.PLANNED,
    ),
    ("The coalition helped Iraqi forces to retake Ramadi in December.", "retake", Factuality.ASSERTED),
    # an act prepared for is still to come
    (
        "The masks were provided during training in preparation for the Mosul offensive.",
        "offensive",
        Factuality.PLANNED,
    ),
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


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("We will not allow al-Qaida to grow its capacity to attack the United States.", "THREATEN"),
        ("Interpol would not consider requests of this nature from Iran.", "REJECT"),
        ("Acts that harm national security will not be tolerated, Lam said.", "REJECT"),
    ],
)
def test_modality_a_refusal_is_made_by_its_not(extract_text: Extract, text: str, plover: str) -> None:
    refusal = next(m for m in extract_text(text, "2020-07-02").event_mentions if m.plover == plover)
    assert refusal.factuality is Factuality.ASSERTED


def test_modality_first_person_future_force_is_a_threat(extract_text: Extract) -> None:
    text = "He said: 'I will totally destroy and obliterate the Economy of Turkey.'"
    plovers = [str(m.plover) for m in extract_text(text, "2019-10-08").event_mentions]
    assert plovers == ["THREATEN"]


def test_modality_definite_attacks_placed_by_name_are_events_in_a_present_comment(extract_text: Extract) -> None:
    text = "The attacks in Qamenas, Sarmin and Talamenes demonstrate the cruel barbarity of the Asad regime."
    assert [m.plover for m in extract_text(text, "2016-10-21").event_mentions] == ["ASSAULT"]
    # a generic statement stays no event
    assert extract_text("Attacks on hospitals demonstrate the cruelty of war.", "2016-10-21").event_mentions == ()


@pytest.mark.parametrize(
    ("text", "actor1_country"),
    [
        pytest.param(
            "The United States strongly condemns ISIL's multiple suicide attacks in the town of Tel Tamer in Hasaka "
            "Province, which targeted and killed scores of Syrian civilians.",
            None,
            id="condemns",
        ),
        pytest.param(
            "I am appalled by this latest brutal attack by Assad's regime, just over a week after video footage "
            "emerged.",
            "SYR",
            id="appalled-by",
        ),
        pytest.param(
            "The United States strongly condemns today's brutal, senseless terrorist attack on Camp Hurriya that "
            "killed and injured camp residents.",
            None,
            id="todays-attack",
        ),
    ],
)
def test_modality_a_present_reaction_to_a_particular_attack_reports_it(
    extract_text: Extract, text: str, actor1_country: str | None
) -> None:
    (mention,) = extract_text(text, "2015-12-10").event_mentions
    assert (mention.plover, mention.factuality) == ("ASSAULT", Factuality.ASSERTED)
    assert mention.actor1 is not None and mention.actor1.country == actor1_country


def test_modality_a_reaction_to_attacks_in_general_reports_none(extract_text: Extract) -> None:
    text = "We strongly condemn all attacks on civilians and humanitarian workers in Syria."
    assert extract_text(text, "2015-12-10").event_mentions == ()


@pytest.mark.parametrize(
    "text",
    [
        "We call on all parties to respect the ceasefire in Idlib.",
        "We are concerned by reports of ceasefire violations and call on all parties to respect the ceasefire.",
    ],
)
def test_modality_a_first_person_present_request_is_made_as_it_is_said(extract_text: Extract, text: str) -> None:
    requests = [m for m in extract_text(text, "2017-01-04").event_mentions if m.plover == "REQUEST"]
    assert len(requests) == 1 and requests[0].factuality is Factuality.ASSERTED


def test_modality_a_present_request_by_others_in_general_stays_no_event(extract_text: Extract) -> None:
    text = "Aid groups usually call on all parties to respect ceasefires."
    assert [m for m in extract_text(text, "2017-01-04").event_mentions if m.plover == "REQUEST"] == []


def test_modality_a_present_tense_harm_with_counted_victims_is_one_act(extract_text: Extract) -> None:
    told = "Unknown gunmen kill two arms dealers in the southern sector of Idlib."
    (killing,) = extract_text(told, "2016-11-08").event_mentions
    assert killing.fatalities == 2
    assert extract_text("ISIL kills civilians who try to flee Mosul.", "2016-11-08").event_mentions == ()
