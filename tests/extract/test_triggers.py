"""Which sentences give events, and of which PLOVER type (extract/triggers.py through extract.run)."""

from __future__ import annotations

import pytest

from tests.extract.conftest import Extract

POSITIVE = [
    # dev article sentences (shared/gold/dev) and the seed
    ("Near Ayn Isa, one strike destroyed a repeater station.", "ASSAULT"),
    ("Yesterday, Indonesia's security minister Wiranto was stabbed in the town of Pandeglang.", "ASSAULT"),
    ("Police said two suspects were arrested.", "COERCE"),
    ("Several thousand people rallied at Freedom Plaza to protest the results of the election.", "PROTEST"),
    (
        "State prosecutors charged the suspect in the shooting with capital murder, they said Sunday.",
        "ACCUSE",
    ),
    (
        "ISIL seized the tanks and other military hardware from Tiyas Military Airfield near Palmyra, Syria.",
        "COERCE",
    ),
    ("Iran issued arrest warrants on 36 people believed to have been involved in the killing.", "ACCUSE"),
    ("The Resolution demanded full access for the UN across Syria.", "REQUEST"),
    # own news-style sentences
    ("Houthi rebels fired missiles at a Saudi oil facility on Monday.", "ASSAULT"),
    ("Russian warplanes bombed a market in Idlib province, killing 12 civilians.", "ASSAULT"),
    ("Hundreds of protesters marched through central Khartoum on Friday.", "PROTEST"),
    ("The army deployed troops to the border town overnight.", "MOBILIZE"),
    ("Turkish forces withdrew from the village after talks.", "RETREAT"),
    ("The Syrian Army entered Tell Tamer and Ain Issa yesterday, according to state media.", "MOBILIZE"),
    ("The SDF began the operation to isolate Raqqah on Nov. 5.", "ASSAULT"),
    ("The ISF fought off several counterattacks and six VBIEDs the following day near Mosul.", "ASSAULT"),
    ("Iraqi forces fought ISIL fighters in Mosul on Monday.", "ASSAULT"),
]

NO_EVENT = [
    # condemnation, thanks, opinion, definitions and standing situations (dev not_events kinds)
    "The mayor thanked the police and emergency services for their swift and courageous response.",
    "The Foreign Secretary condemned the violence in the strongest terms.",
    "The PKK is banned in Turkey.",
    "Ground-based artillery fired in counter-fire are not classified as a strike.",
    "Terrorists seek to divide us and to destroy our way of life.",
    "This is going to lead to a resurgence of the group.",
    # accidents and natural disasters (dev distractors)
    "An earthquake struck the province on Sunday, injuring at least 25 people and damaging churches.",
    "A cargo plane crashed into houses near the airport; all but one of the sixteen on board died.",
    "The aircraft overran the runway and broke through a perimeter barrier.",
    # a judgement, not a refusal
    "Analysts said the new EastMed supply can't be considered a significant geopolitical change to Europe.",
    # illness: "attack" and "died" with no one's act
    "Two months later, he died of natural causes, most likely a heart attack.",
    # a danger, not a threat; a difficulty, not an enemy
    "The police officers' lives were seriously threatened, Police Senior Superintendent Yolanda Yu said.",
    "The two units were able to overcome these challenges through the use of translators.",
    # force in words only: an election won, a problem fought
    "Kentucky Democrats beat incumbent Gov. Matt Bevin in the governor's race on Tuesday.",
    "London famously has been fighting dirty air since the 14th century.",
    # a surgery or an airline's flights are no military operation
    "Doctors said the operation to remove the bullet went well.",
    "The airline suspended its operations in Iraq.",
    # an agreement entered into is no troop movement
    "Late on Sunday, the Syrian Democratic Forces announced they had entered into an agreement.",
    # a match result; an illness
    "Wales beat Hungary 2-0 to earn the 20th spot on Tuesday.",
    "A hunter who ate a wild rabbit in China has been hit by the deadly bubonic plague, officials said.",
    # holding things is no coercion
    "Satellite imaging from 2017, from the United Nations, suggests Aleppo contained 35,000 war-damaged structures.",
    # disgust, not a military repulse
    "Many in Hong Kong were rightly repelled when a man was set on fire last week.",
    "She suffered a panic attack during the flight to Kabul.",
    # page residue: related-article headline lines
    "BREAKING: Massive Russian air and cruise missile strikes on Al-Qaeda in Syria",
    "Russian MP calls for sanctions against Soros, Nuland and Biden",
]


@pytest.mark.parametrize(("sentence", "plover"), POSITIVE)
def test_triggers_sentence_gives_event_of_type(extract_text: Extract, sentence: str, plover: str) -> None:
    mentions = extract_text(sentence, "2020-08-03").event_mentions
    assert [str(m.plover) for m in mentions] == [plover]


@pytest.mark.parametrize("sentence", NO_EVENT)
def test_triggers_not_event_gives_nothing(extract_text: Extract, sentence: str) -> None:
    assert extract_text(sentence, "2020-08-03").event_mentions == ()


def test_triggers_evidence_is_a_slice_of_the_text(extract_text: Extract) -> None:
    text = "On Saturday morning, a gunman shot shoppers at a Walmart store in El Paso, Texas."
    (mention,) = extract_text(text, "2019-08-08").event_mentions
    assert all(0 <= span.start < span.end <= len(text) for span in mention.evidence)
    assert mention.trigger.slice(text) == "shot"


def test_triggers_shelling_and_airstrikes_are_two_events(extract_text: Extract) -> None:
    text = "Civilians are facing shelling and airstrikes by the Asad regime in the Wadi Barada area."
    modes = sorted(str(m.mode) for m in extract_text(text, "2017-01-05").event_mentions)
    assert modes == ["aerial", "heavy-weapons"]


def test_triggers_a_word_of_an_organisation_name_is_no_event(extract_text: Extract) -> None:
    text = "In Cyprus, the ruling Democratic Rally in Cyprus hailed the pipeline as an advancement in sovereignty."
    assert [m.plover for m in extract_text(text, "2020-01-03").event_mentions if m.plover == "PROTEST"] == []


@pytest.mark.parametrize(
    ("sentence", "is_event"),
    [
        ("Militants executed five civilians in a village near Raqqa on Tuesday, activists said.", True),
        ("Five prisoners were executed by militants near Raqqa on Tuesday, activists said.", True),
        ("The government executed its plan to rebuild the bridge near Raqqa on Tuesday.", False),
        ("She said executing Fields would not bring her daughter back to the family.", False),
    ],
)
def test_triggers_execute_is_an_attack_only_on_people(extract_text: Extract, sentence: str, is_event: bool) -> None:
    mentions = extract_text(sentence, "2019-06-04").event_mentions
    assert any(m.plover == "ASSAULT" for m in mentions) is is_event


@pytest.mark.parametrize(
    ("sentence", "is_event"),
    [
        ("An explosion at a market in Baghdad killed 12 people on Monday.", True),
        ("A gas leak caused an explosion at a restaurant in Baghdad that killed 12 people.", False),
    ],
)
def test_triggers_a_deadly_explosion_is_an_attack_unless_an_accident(
    extract_text: Extract, sentence: str, is_event: bool
) -> None:
    assert any(m.plover == "ASSAULT" for m in extract_text(sentence, "2019-06-04").event_mentions) is is_event


@pytest.mark.parametrize(
    ("sentence", "is_event"),
    [
        ("Sudanese paramilitaries looted shops in the market of El Fasher on Sunday.", True),
        ("The increasingly common pattern is to operate local newspapers as sources of plunder.", False),
    ],
)
def test_triggers_looting_by_an_armed_actor_is_a_seizure(extract_text: Extract, sentence: str, is_event: bool) -> None:
    assert any(m.plover == "COERCE" for m in extract_text(sentence, "2023-06-04").event_mentions) is is_event


def test_triggers_a_companys_operations_are_no_military_operation(extract_text: Extract) -> None:
    text = "The US has been encouraging allies such as Germany to restrict Mahan's operations in Europe."
    assert "ASSAULT" not in [m.plover for m in extract_text(text, "2019-01-21").event_mentions]


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan defeated India in a cricket match in Manchester on Sunday.",
        "The agency later withdrew its report that the village had been shelled.",
    ],
)
def test_triggers_a_match_won_or_a_report_withdrawn_is_no_event(extract_text: Extract, text: str) -> None:
    plovers = [m.plover for m in extract_text(text, "2019-06-17").event_mentions]
    assert "ASSAULT" not in plovers and "RETREAT" not in plovers


def test_triggers_a_killing_in_a_counter_terrorism_operation_is_an_attack(extract_text: Extract) -> None:
    text = "Hamza bin Laden was killed in a US counter-terrorism operation in the Afghanistan/Pakistan region."
    assert [m.plover for m in extract_text(text, "2019-09-14").event_mentions] == ["ASSAULT"]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The United States will continue to take all necessary action to protect our people.", None),
        ("According to videos, a third person removed his knife after he lay on the ground.", None),
        ("The team subsequently deployed a camera to film the wreck of the submarine.", None),
        ("ISIL fighters took the town of Palmyra on Sunday.", "COERCE"),
        ("Iraqi forces have taken back 30% of the territory ISIL once controlled.", "COERCE"),
        ("Russia deployed 500 troops and warships to the Syrian coast on Monday.", "MOBILIZE"),
    ],
)
def test_triggers_everyday_take_remove_and_deploy_need_people_places_or_forces(
    extract_text: Extract, text: str, plover: str | None
) -> None:
    plovers = [m.plover for m in extract_text(text, "2016-05-01").event_mentions]
    assert plovers == ([plover] if plover else [])


def test_triggers_a_clause_on_reports_that_has_its_own_subject_is_an_event(extract_text: Extract) -> None:
    text = "The UN have confirmed reports that ISIL has killed 70 members of the Al Bu Nimr tribe in Anbar, Iraq."
    (killing,) = extract_text(text, "2014-10-30").event_mentions
    assert killing.actor1 is not None and killing.actor1.text == "ISIL"


def test_triggers_shooting_in_a_drill_is_no_attack_but_shooting_people_in_one_is(extract_text: Extract) -> None:
    drill = "We got to shoot with them for the past two weeks before this exercise, the soldier said."
    assert extract_text(drill, "2016-10-25").event_mentions == ()
    attack = "Gunmen shot dead five soldiers during a training exercise near Kabul on Monday."
    assert [m.plover for m in extract_text(attack, "2016-10-25").event_mentions] == ["ASSAULT"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Further clashes erupted in Tripoli on Sunday, leaving 12 dead.", ["ASSAULT"]),
        ("New airstrikes hit Gaza on Monday, killing five people.", ["ASSAULT"]),
        ("The government must act to prevent further attacks on civilians in the north.", ["REQUEST"]),
    ],
)
def test_triggers_a_new_or_further_act_told_as_done_happened(
    extract_text: Extract, text: str, expected: list[str]
) -> None:
    assert [m.plover for m in extract_text(text, "2019-04-08").event_mentions] == expected


def test_triggers_the_use_of_a_weapon_by_someone_is_an_attack_and_the_use_of_translators_is_not(
    extract_text: Extract,
) -> None:
    text = "The use of chemical weapons by Daesh in Marea shows their complete disregard for human rights."
    (use,) = extract_text(text, "2016-10-21").event_mentions
    assert (use.plover, use.mode, use.summary) == ("ASSAULT", "unconventional", "ISIL use of chemical weapons in Marea")
    other = "The two teams worked together through the use of translators and linguists."
    assert extract_text(other, "2016-10-21").event_mentions == ()


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        ("Government forces regained control of Palmyra on Sunday.", "Government forces regained control of Palmyra"),
        ("Rebels took control of the town of Saraqib on Monday.", "Rebels took control of the town of Saraqib"),
        ("The Syrian army now claims full control of Aleppo.", "The Syrian army claims control of Aleppo"),
    ],
)
def test_triggers_control_taken_of_a_place_is_one_territorial_attack(
    extract_text: Extract, text: str, summary: str
) -> None:
    (taken,) = extract_text(text, "2016-12-23").event_mentions
    assert (taken.plover, taken.acled_sub) in (
        ("ASSAULT", "Government regains territory"),
        ("ASSAULT", "Non-state actor overtakes territory"),
    )
    assert taken.summary == summary


def test_triggers_control_held_is_no_event(extract_text: Extract) -> None:
    assert extract_text("The town remains under the control of Daesh fighters.", "2016-12-23").event_mentions == ()


def test_triggers_grabbing_a_weapon_is_no_seizure(extract_text: Extract) -> None:
    text = "A man entered a store in London, grabbed a large knife, ran outside with it and began to stab people."
    assert [str(m.plover) for m in extract_text(text, "2020-02-02").event_mentions] == ["ASSAULT"]


def test_triggers_targeting_among_sanctions_is_a_sanction_and_jets_targeting_an_attack(extract_text: Extract) -> None:
    listed = (
        "The UK worked with other member states to secure 13 new EU sanctions listings on Syria. "
        "We are targeting developers, proliferators and users of chemical weapons."
    )
    assert [str(m.plover) for m in extract_text(listed, "2015-03-16").event_mentions] == ["SANCTION"]
    struck = "New sanctions were announced on Monday. Coalition jets targeted ISIL positions near Mosul."
    assert [str(m.plover) for m in extract_text(struck, "2016-11-16").event_mentions] == ["ASSAULT"]


def test_triggers_targeting_an_effort_is_no_attack(extract_text: Extract) -> None:
    text = "We're targeting the training with the Iraqis to mitigate any risk of that threat, Volesky said."
    assert not extract_text(text, "2016-10-10").event_mentions
    (attack,) = extract_text("Houthi forces targeted shipping in the Red Sea on Monday.", "2019-01-08").event_mentions
    assert attack.plover == "ASSAULT"


def test_triggers_a_past_the_model_tags_as_present_is_a_past(extract_text: Extract) -> None:
    (retaking,) = extract_text(
        "Iraqi forces retook the strategic city of Ramadi on Monday.", "2015-12-29"
    ).event_mentions
    assert retaking.plover == "ASSAULT" and retaking.actor1 is not None and retaking.actor1.country == "IRQ"


def test_triggers_setting_fire_to_something_is_an_attack_and_by_protesters_a_riot(extract_text: Extract) -> None:
    (arson,) = extract_text(
        "Militants set fire to a police station in Kandahar on Monday.", "2019-05-06"
    ).event_mentions
    assert arson.plover == "ASSAULT" and arson.actor2 is not None and arson.actor2.sector == "COP"
    assert arson.summary.startswith("Militants set fire to a police station")
    (riot,) = extract_text(
        "Protesters set the governor's office ablaze in Basra on Friday.", "2018-09-07"
    ).event_mentions
    assert (riot.plover, riot.mode) == ("PROTEST", "riot") and "ablaze" in riot.summary
    (torching,) = extract_text("Rioters torched cars in Paris on Saturday night.", "2018-12-02").event_mentions
    assert torching.plover == "ASSAULT"


def test_triggers_an_act_on_a_named_target_is_specified(extract_text: Extract) -> None:
    text = "Palestinians blamed Israel for the bombing of Raed Karmi in the West Bank city of Tulkarm."
    assert any(m.plover == "ASSAULT" for m in extract_text(text, "2002-01-15").event_mentions)


def test_triggers_guerrillas_blowing_something_up_attack_it(extract_text: Extract) -> None:
    text = "Afghan guerrillas blew up three power lines near Kabul last month."
    (sabotage,) = extract_text(text, "1989-02-10").event_mentions
    assert sabotage.actor1 is not None and (sabotage.actor1.country, sabotage.actor1.sector) == ("AFG", "REB")
    assert "blew up three power lines" in sabotage.summary


def test_triggers_people_named_by_role_or_demonym_protest_and_are_banned(extract_text: Extract) -> None:
    demo = "Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia, Belgrade radio said."
    assert [m.plover for m in extract_text(demo, "2001-03-20").event_mentions] == ["PROTEST"]
    ban = "President Yoweri Museveni has banned Ugandan opposition candidates from participating in the elections."
    assert [m.mode for m in extract_text(ban, "2001-02-01").event_mentions] == ["restrict"]


def test_triggers_a_verb_the_model_lemmatises_as_another_word_still_triggers(extract_text: Extract) -> None:
    # the small model lemmatises "staged" as "stag", which hid the light verb of "staged rallies"
    text = "Angry activists from the Fatah Party have staged rallies in the Gaza Strip against Mahmoud Abbas."
    (rally,) = extract_text(text, "2006-01-27").event_mentions
    assert rally.plover == "PROTEST" and "rallies against Mahmoud Abbas" in rally.summary


def test_triggers_a_forces_vehicles_act_for_it(extract_text: Extract) -> None:
    text = "Israeli army bulldozers demolished Palestinian homes in southern Gaza on Sunday."
    (demolition,) = extract_text(text, "2004-05-16").event_mentions
    assert demolition.actor1 is not None and (demolition.actor1.country, demolition.actor1.sector) == ("ISR", "MIL")


def test_triggers_curfews_martial_law_and_states_of_siege_imposed_are_coercion(extract_text: Extract) -> None:
    siege = "The military government declared a 30-day state of siege in Haiti on Saturday."
    (declared,) = extract_text(siege, "1990-01-21").event_mentions
    assert (declared.plover, declared.mode) == ("COERCE", "martial-law")
    assert declared.summary.startswith("The military government declared a 30-day state of siege")
    martial = "Iraq's interim government is prepared to impose martial law in Baghdad."
    (planned,) = extract_text(martial, "2004-11-07").event_mentions
    assert (planned.mode, planned.factuality, planned.actor2) == ("martial-law", "planned", None)
    lifted = "The government lifted the curfew in Abidjan on Sunday."
    assert not [m for m in extract_text(lifted, "2004-11-07").event_mentions if m.plover == "COERCE"]


def test_triggers_battles_fought_now_not_battles_recalled(extract_text: Extract) -> None:
    now = "Street battles raged in central Baghdad between insurgents and security forces on Monday."
    (battle,) = extract_text(now, "2004-11-08").event_mentions
    assert battle.actor1 is not None and battle.actor1.text == "insurgents"
    recalled = "The SDF suffered thousands of casualties in the Raqqa battle, McGurk wrote."
    assert not extract_text(recalled, "2019-10-10").event_mentions


def test_triggers_a_work_stoppage_or_hunger_strike_is_a_protest_not_an_air_strike(extract_text: Extract) -> None:
    general = "Workers at the port began a general strike in Basra on Monday."
    assert [(m.plover, m.mode) for m in extract_text(general, "2019-10-07").event_mentions] == [("PROTEST", "strike")]
    hunger = "Prisoners started a hunger strike in Roumieh prison on Monday."
    assert [(m.plover, m.mode) for m in extract_text(hunger, "2019-10-07").event_mentions] == [("PROTEST", "hunger")]
    air = "Coalition jets carried out a strike on ISIL in Mosul on Monday."
    assert [(m.plover, m.mode) for m in extract_text(air, "2016-10-17").event_mentions] == [("ASSAULT", "aerial")]


def test_triggers_sanctions_imposed_and_aid_or_ties_cut_are_sanctions(extract_text: Extract) -> None:
    imposed = "President Bill Clinton has imposed sanctions on the Taliban faction that controls Afghanistan."
    (sanctions,) = extract_text(imposed, "1999-07-07").event_mentions
    assert sanctions.plover == "SANCTION" and sanctions.actor2 is not None and sanctions.actor2.sector == "REB"
    embargo = "The United States slapped an embargo on Cuba on Monday."
    assert [m.plover for m in extract_text(embargo, "1962-02-05").event_mentions] == ["SANCTION"]
    cut = "Japan said on Tuesday it had halted economic aid to Serbia."
    (halt,) = extract_text(cut, "1992-06-02").event_mentions
    assert halt.plover == "SANCTION" and halt.summary == "Japan halted economic aid to Serbia"
    severed = "Saudi Arabia severed diplomatic ties with Iran on Sunday."
    (ties,) = extract_text(severed, "2016-01-04").event_mentions
    assert ties.actor2 is not None and ties.actor2.country == "IRN"


def test_triggers_a_strike_by_an_armed_group_on_the_ground_is_no_air_strike(extract_text: Extract) -> None:
    text = "The terrorists struck at the Stade de France in Paris. Russian jets struck rebel positions in Idlib."
    ground, air = extract_text(text, "2015-11-14").event_mentions
    assert ground.mode is None
    assert air.mode == "aerial"


def test_triggers_tear_gas_is_crowd_control_and_a_gas_blast_an_accident(extract_text: Extract) -> None:
    text = "Police fired tear gas at protesters in Baghdad on Monday."
    (firing,) = extract_text(text, "2019-10-08").event_mentions
    assert firing.mode == "crowd-control"
    assert firing.summary == "Police fired tear gas at protesters in Baghdad"
    accident = (
        "A gas explosion at a noodle shop killed two people in eastern China on Friday. "
        "At least 55 others were injured in the blast, state media reported."
    )
    assert extract_text(accident, "2017-07-21").event_mentions == ()
    attack = "A chlorine gas attack killed 12 people in Douma on Saturday."
    (gassing,) = extract_text(attack, "2018-04-08").event_mentions
    assert gassing.mode == "unconventional"


def test_triggers_the_wounded_and_the_dead_are_people_not_acts(extract_text: Extract) -> None:
    text = (
        "Residents said government buses arrived in the pre-dawn hours at agreed upon meeting points, where the "
        "wounded were first in line to be evacuated after surviving weeks of intense fighting."
    )
    assert [m.trigger.slice(text) for m in extract_text(text, "2016-12-14").event_mentions] == []


def test_triggers_called_on_is_a_request_but_called_to_a_home_is_not(extract_text: Extract) -> None:
    text = (
        "Kurdish militants attacked a checkpoint near Diyarbakir on Monday. Police were called to the home on the "
        "200 block of Froom Crescent. The UN called on Turkey to investigate the attack."
    )
    requests = [m for m in extract_text(text, "2016-12-14").event_mentions if m.plover == "REQUEST"]
    assert [m.summary for m in requests] == ["United Nations called on Turkey"]


def test_triggers_a_deal_killed_or_a_record_hit_harms_no_one(extract_text: Extract) -> None:
    text = (
        "The deal had been killed by the Pentagon in October. In this case, we hit a home run, the chief said. "
        "An airstrike hit a market in Idlib on Monday."
    )
    mentions = extract_text(text, "2004-11-24").event_mentions
    assert [m.summary for m in mentions] == ["airstrike on a market in Idlib"]


def test_triggers_acts_a_speaker_will_not_tolerate_are_no_event(extract_text: Extract) -> None:
    text = (
        'Israel struck Hezbollah positions on Sunday. "We will not tolerate attacks on our citizens," Netanyahu said.'
    )
    mentions = extract_text(text, "2024-01-08").event_mentions
    assert [m.trigger.slice(text) for m in mentions if m.plover == "ASSAULT"] == ["struck"]
