"""One event per real event: anaphors merged, list lines kept apart, aggregates dropped (extract/merge.py)."""

from __future__ import annotations

import pytest

from tests.extract.conftest import Extract

CENTCOM = (
    "On Jan. 8, Coalition military forces conducted 7 strikes against ISIL terrorists in Syria.\n"
    "Near Raqqah, five strikes engaged four ISIL tactical units and destroyed two vehicles.\n"
    "Near Palmyra, one strike destroyed an ISIL-held tank.\n"
    "Near Tabqah, one strike destroyed a VBIED.\n"
)


def test_merge_aggregate_broken_down_is_not_an_event(extract_text: Extract) -> None:
    mentions = extract_text(CENTCOM, "2017-01-09").event_mentions
    assert len(mentions) == 3
    assert not any("7 strikes" in m.evidence[0].slice(CENTCOM) for m in mentions)


def test_merge_list_lines_inherit_actor_and_date(extract_text: Extract) -> None:
    mentions = extract_text(CENTCOM, "2017-01-09").event_mentions
    assert {m.date for m in mentions} == {"2017-01-08"}
    assert all(m.actor1 is not None and m.actor1.sector == "MIL" for m in mentions)


def test_merge_anaphor_joins_its_antecedent(extract_text: Extract) -> None:
    text = (
        "Yesterday, Indonesia's security minister Wiranto was stabbed in Pandeglang.\n"
        "Wiranto survived the attack, and two others were also injured in the attack."
    )
    mentions = [m for m in extract_text(text, "2019-10-11").event_mentions if m.plover == "ASSAULT"]
    assert len(mentions) == 1


def test_merge_old_history_is_dropped(extract_text: Extract) -> None:
    text = "He was arrested in 2015 and released the next year. Police arrested two men on Monday."
    mentions = extract_text(text, "2020-02-05").event_mentions
    assert [m.date for m in mentions] == ["2020-02-03"]


def test_merge_recent_past_event_is_background(extract_text: Extract) -> None:
    text = "She spoke about her husband Siarhei, who was arrested in May."
    (mention,) = extract_text(text, "2020-08-03").event_mentions
    assert mention.is_background and mention.date == "2020-05"


def test_merge_a_list_item_whose_count_equals_other_items_stays_an_event(extract_text: Extract) -> None:
    text = (
        "On Jan. 8, Coalition military forces conducted four strikes against ISIL terrorists in Syria.\n"
        "Near Raqqa, two strikes engaged an ISIL tactical unit and destroyed a fighting position.\n"
        "Near Tabqa, one strike destroyed an ISIL vehicle.\n"
        "Near Palmyra, one strike destroyed an ISIL tank."
    )
    mentions = extract_text(text, "2017-01-09").event_mentions
    evidence = [text[m.evidence[0].start : m.evidence[0].end] for m in mentions]
    assert len(mentions) == 3, evidence
    assert not any("conducted four strikes" in e for e in evidence)


def test_merge_operation_whose_purpose_is_described_joins_the_operation_already_reported(
    extract_text: Extract,
) -> None:
    text = (
        "Government troops launched a ground offensive near Marib on Sunday, officials said.\n"
        "Rebels shelled a market in Taiz the same day.\n"
        "“….the army offensive near Marib is aimed at cutting the rebels’ supply lines to the city.”"
    )
    mentions = extract_text(text, "2021-02-08").event_mentions
    assert not any(m.evidence[0].slice(text).lstrip(".").startswith("the army offensive") for m in mentions)
    offensive = next(m for m in mentions if "ground offensive" in m.evidence[0].slice(text))
    assert any("is aimed at" in span.slice(text) or "army offensive" in span.slice(text) for span in offensive.evidence)


def test_merge_a_later_mention_by_one_of_the_weapons_named_together_is_the_same_campaign(
    extract_text: Extract,
) -> None:
    text = (
        "French air and cruise missile strikes hit weapons depots in Raqqa.\n\n"
        "French cruise missile strikes are intensifying, the ministry said."
    )
    assaults = [m for m in extract_text(text, "2017-01-10").event_mentions if m.plover == "ASSAULT"]
    assert len(assaults) == 1, [m.evidence[0].slice(text) for m in assaults]


TWO_MODES_TWO_EVENTS = [
    # gold/dev README "Granularity": shelling and air strikes named together are two events
    "On Monday, regime shelling and air strikes hit Kafr Nabl in Idlib province.",
    # "the worst bombardment" is no retelling of the chemical attack
    "The regime used chlorine gas against civilians in Saraqib.\n\n"
    "The regime is also inflicting the worst bombardment seen yet on Aleppo.",
]


@pytest.mark.parametrize("text", TWO_MODES_TWO_EVENTS)
def test_merge_acts_of_two_modes_stay_two_events(extract_text: Extract, text: str) -> None:
    assaults = [m for m in extract_text(text, "2017-01-10").event_mentions if m.plover == "ASSAULT"]
    assert len({m.mode for m in assaults}) == len(assaults) == 2, [m.evidence[0].slice(text) for m in assaults]


def test_merge_an_anaphor_with_its_actor_joins_that_actors_act(extract_text: Extract) -> None:
    text = (
        "Russian aircraft bombed rebel positions in Idlib on Monday.\n\n"
        "Rebels attacked an army checkpoint near Hama on Tuesday.\n\n"
        "The Russian bombing is intended to weaken the rebels before the offensive."
    )
    mentions = [m for m in extract_text(text, "2017-01-10").event_mentions if m.plover == "ASSAULT"]
    bombed = next(m for m in mentions if "bombed" in m.trigger.slice(text))
    attacked = next(m for m in mentions if "attacked" in m.trigger.slice(text))
    assert any("Russian bombing" in span.slice(text) for span in bombed.evidence)
    assert not any("Russian bombing" in span.slice(text) for span in attacked.evidence)


def test_merge_an_act_on_a_named_target_is_not_an_earlier_operation_retold(extract_text: Extract) -> None:
    text = (
        "The Syrian army has started a major ground operation around Aleppo.\n\n"
        "After repelling rebel fighters in the western districts, the army soldiers are ready to advance."
    )
    assaults = [m for m in extract_text(text, "2016-10-01").event_mentions if m.plover == "ASSAULT"]
    assert any("repelling" in m.trigger.slice(text) for m in assaults), [m.trigger.slice(text) for m in assaults]


def test_merge_an_act_in_an_after_phrase_keeps_its_own_clause(extract_text: Extract) -> None:
    # The parser hangs "the rebels' attacks" on "After", not on "repelling": they are one act, and its clause
    # is the phrase, not the whole sentence with the storming planned in it.
    text = (
        "After repelling terrorists’ continued attacks on government forces’ positions in the north of the town, "
        "the soldiers are now ready to storm the airport."
    )
    mentions = extract_text(text, "2016-10-01").event_mentions
    (repelled,) = [m for m in mentions if "repelling" in m.evidence[0].slice(text)]
    evidence = repelled.evidence[0].slice(text)
    assert "attacks on government forces’ positions" in evidence and "storm" not in evidence


def test_merge_a_place_held_by_a_group_stays_in_the_strike_clause(extract_text: Extract) -> None:
    # The parser ends "air strikes on the Al-Qaeda" at the name and hangs "controlled western districts" elsewhere.
    text = "There are also reports of air strikes on the Al-Qaeda controlled western districts of Idlib."
    (mention,) = extract_text(text, "2016-10-01").event_mentions
    assert mention.evidence[0].slice(text).endswith("controlled western districts of Idlib")


def test_merge_a_definite_act_on_the_same_target_retells_it(extract_text: Extract) -> None:
    text = (
        "The minister commented following an attack on a petrol station and restaurant in al-Hilla in Iraq. "
        "He said: I utterly condemn the shocking attack on a petrol station and restaurant at al-Hilla earlier "
        "today, for which Daesh has claimed responsibility."
    )
    assert [m.plover for m in extract_text(text, "2017-09-14").event_mentions] == ["ASSAULT"]


def test_merge_a_misattached_relative_clause_is_the_same_act(extract_text: Extract) -> None:
    text = (
        "The United States strongly condemns the barbaric terrorist attacks in Iraq today, including one in "
        "Baghdad claimed by Daesh that specifically targeted mourners inside a funeral tent."
    )
    (attack,) = extract_text(text, "2016-07-03").event_mentions
    assert attack.actor2 is not None and attack.actor2.text == "mourners"


def test_merge_a_with_clause_toll_is_part_of_the_act_and_its_people_are_victims(extract_text: Extract) -> None:
    text = (
        "On Saturday morning, a gunman shot shoppers at a Walmart store in El Paso, Texas, with the death toll "
        "rising to 22 people on Monday, reported officials, with 25 others injured."
    )
    (shooting,) = extract_text(text, "2019-08-05").event_mentions
    assert shooting.actor1 is not None and shooting.actor1.text == "a gunman"


def test_merge_a_persons_killing_named_again_by_another_name_is_the_same_act(extract_text: Extract) -> None:
    text = (
        "Hatice Cengiz spoke in New York, New York. Journalist Jamal Khashoggi was murdered last October in the "
        "Saudi consulate in Istanbul, Turkey.\n\nCengiz said the crown prince is distancing himself from the "
        "killing of Jamal in New York."
    )
    killings = [m for m in extract_text(text, "2019-09-27").event_mentions if m.plover == "ASSAULT"]
    assert len(killings) == 1 and killings[0].actor2 is not None and "Khashoggi" in killings[0].actor2.text


def test_merge_who_is_killed_after_an_attack_did_not_kill_himself(extract_text: Extract) -> None:
    text = "The gunman shot the ambassador at the gallery and fled before he was killed."
    mentions = extract_text(text, "2016-12-19").event_mentions
    death = next(m for m in mentions if m.trigger.slice(text) == "killed")
    assert death.actor2 is not None and death.actor2.text == "The gunman"
    assert death.actor1 is None or death.actor1.text != "The gunman"


def test_merge_an_act_raised_into_a_report_is_one_act_with_its_victim(extract_text: Extract) -> None:
    text = (
        "A bombing was yesterday reported to have killed photojournalist Ziad al-Sharabi in the port town of "
        "Mokha, Yemen."
    )
    (bombing,) = extract_text(text, "2019-01-30").event_mentions
    assert bombing.mode == "explosives" and bombing.fatalities == 1
    assert bombing.actor2 is not None and "Ziad al-Sharabi" in bombing.actor2.text


def test_merge_an_act_named_by_its_day_and_its_wounded_join_the_act(extract_text: Extract) -> None:
    text = (
        "A bombing yesterday killed photojournalist Ziad al-Sharabi in the port town of Mokha, Yemen. At least "
        "five other civilians also died in last night's attack; around twenty more were injured."
    )
    (bombing,) = extract_text(text, "2019-01-30").event_mentions
    assert (bombing.fatalities, bombing.injured) == (6, 20)  # the journalist and five others


def test_merge_protests_named_by_an_earlier_week_are_not_the_days_protest(extract_text: Extract) -> None:
    text = (
        "Thousands of protesters surrounded the police headquarters in Hong Kong on Friday. The protest began "
        "outside the Legislative Council. The bill was suspended after last week's protests."
    )
    protests = [m for m in extract_text(text, "2019-06-21").event_mentions if m.plover == "PROTEST"]
    assert len(protests) == 2


def test_merge_a_later_figure_for_the_same_victims_adds_no_one(extract_text: Extract) -> None:
    text = (
        "A gunman shot shoppers at a store in El Paso, Texas, on Saturday, killing 22 people and injuring 25 "
        "others. Six Mexican nationals were killed in the attack, and seven more were injured."
    )
    shooting = next(m for m in extract_text(text, "2019-08-05").event_mentions if m.plover == "ASSAULT")
    assert (shooting.fatalities, shooting.injured) == (22, 25)


def test_merge_a_campaign_told_again_with_its_means_is_one_campaign(extract_text: Extract) -> None:
    text = (
        "The SDF said it had reached a deal after Turkey began a military offensive into north-eastern Syria on "
        "Wednesday.\n\nOn Wednesday, Turkey began a military offensive with airstrikes followed by a ground "
        "invasion."
    )
    offensives = [m for m in extract_text(text, "2019-10-15").event_mentions if m.plover == "ASSAULT"]
    assert len(offensives) == 1 and len(offensives[0].evidence) == 2


def test_merge_troops_entering_towns_have_the_towns_in_their_summary(extract_text: Extract) -> None:
    text = "The Syrian Army, led by President Bashar al-Assad, entered Tell Tamer yesterday, state media said."
    (entry,) = extract_text(text, "2019-10-15").event_mentions
    assert entry.actor2 is None and entry.summary.endswith("entered Tell Tamer")


def test_merge_a_named_doers_victims_who_died_are_the_toll_of_his_act(extract_text: Extract) -> None:
    text = (
        "On Friday, 28-year-old Usman Khan stabbed reportedly several people at Fishmongers' Hall in London with a "
        "large knife. Police arrived and shot him dead. By reports on Saturday, two of Khan's victims died."
    )
    mentions = extract_text(text, "2019-12-02").event_mentions
    stabbing = next(m for m in mentions if m.mode == "primitive")
    assert stabbing.fatalities == 2 and stabbing.date == "2019-11-29" and len(mentions) == 2
    assert stabbing.actor2 is not None and stabbing.actor2.text == "several people"


def test_merge_a_meeting_told_by_name_and_again_by_office_is_one_meeting(extract_text: Extract) -> None:
    text = (
        "Boris Johnson met the Iraqi Foreign Minister, Ibrahim al-Jaafari, in London today.\n"
        "A Foreign Office spokesman said: The Foreign Secretary met the Iraqi Foreign Minister to discuss the "
        "fight against Daesh."
    )
    meetings = [m for m in extract_text(text, "2016-09-20", "GOV.UK (UK Government)").event_mentions]
    assert [m.plover for m in meetings] == ["CONSULT"]


def test_merge_an_attack_on_the_same_named_person_that_day_is_the_one_told(extract_text: Extract) -> None:
    text = (
        "Nabil Hasan al-Quaety, a photo- and videojournalist from Yemen, died in the city of Aden, in southern "
        "Yemen, on Tuesday after being shot in his car. He was 34.\n\n"
        "Multiple assailants attacked al-Quaety shortly after he left his nearby home, then, according to security "
        "officials, fled."
    )
    (attack,) = [m for m in extract_text(text, "2020-06-05").event_mentions if m.plover == "ASSAULT"]
    assert attack.actor1 is not None and attack.actor1.text == "Multiple assailants"


def test_merge_an_attack_on_the_same_person_by_another_doer_is_another_act(extract_text: Extract) -> None:
    text = (
        "Police shot Usman Khan dead on London Bridge on Friday after he stabbed two people. Earlier, a bystander "
        "attacked Khan with a whale tusk."
    )
    doers = {m.actor1.text for m in extract_text(text, "2019-11-30").event_mentions if m.actor1 is not None}
    assert {"Police", "a bystander"} <= doers


def test_merge_what_a_strike_was_for_is_the_strike(extract_text: Extract) -> None:
    text = (
        "In support of the Iraqi Security Forces, Coalition aircraft conducted a precision strike on the location "
        "in Mosul to target enemy fighters firing on Iraqi forces."
    )
    (strike,) = [m for m in extract_text(text, "2016-12-08").event_mentions if m.plover == "ASSAULT"]
    assert strike.mode == "aerial"


def test_merge_a_named_persons_killing_told_twice_in_two_spellings_is_one(extract_text: Extract) -> None:
    text = (
        "On Saturday, US President Donald Trump said Hamza bin Laden, son of the late Al-Qaeda founder Osama bin "
        "Laden, has been killed in a US counter-terrorism operation.\n\nTrump's statement read: \"Hamza bin Ladin, "
        "the high-ranking al-Qa'ida member, was killed in a United States counterterrorism operation in the "
        'Afghanistan/Pakistan region."'
    )
    (killing,) = [m for m in extract_text(text, "2019-09-17").event_mentions if m.plover == "ASSAULT"]
    assert killing.actor1 is not None and killing.actor1.country == "USA"  # the operation's owner did it
