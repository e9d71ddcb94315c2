"""ACLED type/sub-type, CAMEO root and ASSAULT mode (extract/coding.py)."""

from __future__ import annotations

import pytest

from eventwatch.extract.coding import acled, cameo_root, refine_mode
from eventwatch.records import Factuality
from tests.extract.conftest import Extract

A = Factuality.ASSERTED

CASES = [
    (("ASSAULT", "aerial", A, set(), "MIL", "REB"), ("Explosions/Remote violence", "Air/drone strike")),
    (
        ("ASSAULT", "heavy-weapons", A, set(), "MIL", "CVL"),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ),
    (
        ("ASSAULT", "unconventional", A, set(), "GOV/MIL", "CVL"),
        ("Explosions/Remote violence", "Chemical weapon"),
    ),
    (
        ("ASSAULT", "explosives", A, set(), "UAF", "MIL"),
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ),
    (("ASSAULT", "primitive", A, set(), "UAF", "CVL"), ("Violence against civilians", "Attack")),
    (("ASSAULT", None, A, {"liberate"}, "MIL", "REB/IMG"), ("Battles", "Government regains territory")),
    (
        ("ASSAULT", None, A, {"liberate"}, "REB", "REB/IMG"),
        ("Battles", "Non-state actor overtakes territory"),
    ),
    (("ASSAULT", None, A, set(), "MIL", "REB"), ("Battles", "Armed clash")),
    (("PROTEST", "demo", A, set(), "CVL", None), ("Protests", "Peaceful protest")),
    (("PROTEST", "riot", A, set(), "CVL", "CVL"), ("Riots", "Violent demonstration")),
    (("COERCE", "arrest", A, set(), "SPY", "CVL"), ("Strategic developments", "Arrests")),
    (("RETREAT", "ceasefire", A, set(), "GOV", None), ("Strategic developments", "Agreement")),
]


@pytest.mark.parametrize(("args", "expected"), CASES)
def test_coding_acled_of_happened_event(args: tuple, expected: tuple[str, str]) -> None:  # type: ignore[type-arg]
    assert acled(*args, folded=False) == expected


@pytest.mark.parametrize("factuality", [Factuality.PLANNED, Factuality.NEGATED, Factuality.HYPOTHETICAL])
def test_coding_acled_null_when_not_happened(factuality: Factuality) -> None:
    assert acled("ASSAULT", "aerial", factuality, set(), "MIL", "REB", folded=False) == (None, None)


@pytest.mark.parametrize("plover", ["REQUEST", "THREATEN", "ACCUSE", "REJECT", "CONSULT", "AGREE"])
def test_coding_acled_null_for_verbal_events(plover: str) -> None:
    assert acled(plover, None, Factuality.ASSERTED, set(), "GOV", "GOV", folded=False) == (None, None)


def test_coding_police_shooting_attacker_has_no_acled() -> None:
    assert acled("ASSAULT", "firearms", A, set(), "COP", "UAF", folded=False) == (None, None)


def test_coding_arrest_at_the_scene_is_folded() -> None:
    assert acled("COERCE", "arrest", A, set(), "COP", "UAF", folded=True) == (None, None)


@pytest.mark.parametrize(
    ("words", "mode"),
    [
        ({"chemical", "weapons"}, "unconventional"),
        ({"drone"}, "drone"),
        ({"mortar"}, "heavy-weapons"),
        ({"knife"}, "primitive"),
        ({"gunman"}, "firearms"),
        (set(), None),
    ],
)
def test_coding_refine_mode_from_weapon_words(words: set[str], mode: str | None) -> None:
    assert refine_mode("ASSAULT", None, words) == mode


@pytest.mark.parametrize(
    ("plover", "mode", "root"),
    [
        ("ASSAULT", "aerial", "19"),
        ("ASSAULT", "unconventional", "20"),
        ("ASSAULT", "firearms", "18"),
        ("PROTEST", "demo", "14"),
        ("COERCE", "arrest", "17"),
        ("REQUEST", None, "10"),
    ],
)
def test_coding_cameo_root(plover: str, mode: str | None, root: str) -> None:
    assert cameo_root(plover, mode) == root


def test_coding_an_attacker_giving_himself_up_after_the_attack_is_folded(extract_text: Extract) -> None:
    text = (
        "A gunman shot shoppers at a market in Kirkuk on Saturday, killing five people.\n"
        "The suspected gunman surrendered himself to police after being confronted by officers."
    )
    mentions = extract_text(text, "2019-08-04").event_mentions
    surrender = [m for m in mentions if m.plover == "COERCE"]
    assert surrender, "the surrender is still an event"
    assert all(m.acled is None for m in surrender)
    assert any(m.plover == "ASSAULT" and m.acled == "Violence against civilians" for m in mentions)


def test_coding_weapon_used_sets_the_mode(extract_text: Extract) -> None:
    text = "The Syrian regime has used chemical weapons against civilians in Douma on Saturday."
    (mention,) = extract_text(text, "2018-04-09").event_mentions
    assert (mention.acled, mention.acled_sub) == ("Explosions/Remote violence", "Chemical weapon")


def test_coding_shooting_down_an_aircraft_is_a_missile_attack(extract_text: Extract) -> None:
    text = "Iran's air defences shot down a Ukrainian passenger jet near Tehran on Wednesday."
    (mention,) = extract_text(text, "2020-01-10").event_mentions
    assert (mention.acled, mention.acled_sub) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_coding_weapons_used_in_counted_strikes_are_no_event_of_their_own(extract_text: Extract) -> None:
    text = (
        "On Monday, coalition forces conducted 11 strikes in Iraq using attack aircraft and rocket artillery "
        "against ISIL targets."
    )
    (mention,) = extract_text(text, "2017-01-10").event_mentions
    assert mention.mode == "aerial"


def test_coding_police_shooting_a_terror_framed_attacker_has_no_acled(extract_text: Extract) -> None:
    text = (
        "A man stabbed three people in a shop in London, Britain, on Sunday. Armed officers shot him dead "
        "outside the shop. Police declared it a terrorist incident."
    )
    shot = next(m for m in extract_text(text, "2020-02-03").event_mentions if m.mode == "firearms")
    assert shot.actor2 is not None and shot.actor2.sector == "CRM/REB"
    assert shot.acled is None


def test_coding_territory_taken_by_the_clause_subject_is_government_regains(extract_text: Extract) -> None:
    text = "Iraqi troops have made progress in liberating neighborhoods and in clearing areas already liberated."
    (mention,) = extract_text(text, "2017-01-10").event_mentions
    assert mention.actor1 is not None and (mention.actor1.country, mention.actor1.sector) == ("IRQ", "MIL")
    assert mention.acled_sub == "Government regains territory"


def test_coding_us_shooting_by_an_unidentified_gunman_has_no_acled(extract_text: Extract) -> None:
    text = "A gunman opened fire at a shopping mall in Dayton, Ohio, on Sunday, killing nine people."
    (mention,) = extract_text(text, "2019-08-05").event_mentions
    assert mention.plover == "ASSAULT" and mention.acled is None
    assert mention.actor2 is not None and mention.actor2.text.startswith("a shopping mall")


def test_coding_us_shooting_framed_as_terrorism_keeps_its_acled(extract_text: Extract) -> None:
    text = (
        "A gunman killed 22 people at a store in El Paso, Texas, on Saturday. Authorities are investigating "
        "the shooting as domestic terrorism."
    )
    attack = next(m for m in extract_text(text, "2019-08-05").event_mentions if m.plover == "ASSAULT")
    assert (attack.acled, attack.acled_sub) == ("Violence against civilians", "Attack")


def test_coding_a_terrorist_bombing_is_explosives_not_aerial(extract_text: Extract) -> None:
    text = "Carter commented on yesterday's terrorist bombings in Istanbul, Turkey, which killed 38 people."
    (attack,) = extract_text(text, "2016-12-11").event_mentions
    assert attack.mode == "explosives"
    assert attack.actor2 is not None and attack.actor2.text == "38 people"  # the relative clause is the bombings'


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Twin bombings yesterday struck the Jolo Cathedral in Mindanao, killing 20 people.", "explosives"),
        ("The regime's bombing of eastern Aleppo killed 20 civilians on Monday.", "aerial"),
        ("Aerial bombing of the town killed 20 civilians on Monday, residents said.", "aerial"),
        pytest.param(
            "More than 60 civilians were killed in multiple bombings that targeted bus stations in Jabla, Syria.",
            "explosives",
            id="killed-in-bombings",  # the mode comes from the clause of the harm verb
        ),
        pytest.param("British jets conducted 265 bombing raids on ISIL targets in Iraq.", "aerial", id="bombing-raids"),
        pytest.param(
            "The death toll rose to 105 including 44 children killed in 7 days of bombing by the International "
            "Coalition in Hajin, Syria.",
            "aerial",
            id="bombing-by-a-state-force",
        ),
    ],
)
def test_coding_a_bombing_is_from_the_air_only_by_a_state_or_an_air_word(
    extract_text: Extract, text: str, mode: str
) -> None:
    (attack,) = extract_text(text, "2019-01-28").event_mentions
    assert attack.mode == mode
