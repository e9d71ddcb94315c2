"""Event mentions as the extract stage emits them (extract/_mentions.py)."""

from __future__ import annotations

import pytest

from tests.extract.conftest import Extract


def test_mentions_summary_names_each_place_whole(extract_text: Extract) -> None:
    analysis = extract_text("On Saturday a gunman shot shoppers at a store in El Paso, Texas, killing 22 people.")
    assert [m.summary for m in analysis.event_mentions] == ["a gunman shot shoppers in El Paso, Texas"]


def test_mentions_summary_keeps_the_rest_of_a_name_the_model_misreads(extract_text: Extract) -> None:
    # The model tags "Near Ar Raqqah" a person, so only "Ar" follows a place cue; "Raqqah" belongs with it.
    text = "Near Ar Raqqah, four strikes engaged an ISIL tactical unit and destroyed two fighting positions."
    assert [m.summary for m in extract_text(text).event_mentions] == ["strikes on ISIL in Ar Raqqah"]


def test_mentions_summary_does_not_repeat_a_place_it_names(extract_text: Extract) -> None:
    analysis = extract_text("Militants attacked the United States Embassy in Baghdad on Sunday.")
    assert [m.summary for m in analysis.event_mentions] == ["Militants attacked the United States Embassy in Baghdad"]


def test_mentions_summary_an_armed_group_is_no_place(extract_text: Extract) -> None:
    analysis = extract_text("Coalition jets conducted strikes against Daesh in Syria on Monday.")
    assert all("in Daesh" not in (m.summary or "") for m in analysis.event_mentions)
    assert any("in Syria" in (m.summary or "") for m in analysis.event_mentions)


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        pytest.param(
            "Turkey launched an offensive against Kurdish fighters of the YPG in Syria on Wednesday.",
            "offensive against",
            id="campaign-against",
        ),
        pytest.param(
            "A U.S. airstrike on two al-Qaida vehicles near Sarmada killed five.", "airstrike on", id="attack-on"
        ),
        pytest.param(
            "Early Saturday police in Clairton responded to multiple reports of a shooting at a graduation party.",
            "shooting at a graduation party",
            id="own-preposition",
        ),
        pytest.param(
            "Iran will pursue the prosecution of Trump, the prosecutor general of Tehran said.",
            "prosecution of Trump",
            id="patient-of",
        ),
        pytest.param(
            "A gunman opened fire at a festival in Gilroy, California, killing three.",
            "opened fire at a festival",
            id="opened-fire-at",
        ),
        pytest.param("At least five died in Kabul in the attack.", "At least five died", id="suffered"),
        pytest.param(
            "The police used water canons and tear gas against protesters in Hong Kong.",
            "used water canons and tear gas against protesters",
            id="used-against",
        ),
    ],
)
def test_mentions_summary_gives_an_event_noun_its_preposition(extract_text: Extract, text: str, summary: str) -> None:
    assert any(summary in (m.summary or "") for m in extract_text(text).event_mentions)


def test_mentions_a_date_is_neither_actor_nor_place(extract_text: Extract) -> None:
    text = "Five people died in Saturday's attack in Istanbul, the governor said on Sunday."
    (attack,) = extract_text(text).event_mentions
    assert attack.actor1 is None or attack.actor1.text != "Saturday"
    assert "Saturday" not in (attack.summary or "")


def test_mentions_clause_cuts_only_the_modifier_that_holds_another_event(extract_text: Extract) -> None:
    text = (
        "Iran launched missiles targeting US troops in Iraqi military bases in retaliation for the killing of "
        "Qasem Soleimani."
    )
    launch = next(m for m in extract_text(text, "2020-01-08").event_mentions if m.plover == "ASSAULT" and m.mode)
    evidence = launch.evidence[0].slice(text)
    assert "missiles targeting US troops in Iraqi military bases" in evidence and "killing" not in evidence
    assert launch.summary == "Iran launched missiles at US troops"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Near Al Huwayjah, two strikes disabled two bridges.", "in Al Huwayjah"),
        ("Near Ayn Isa, three strikes destroyed a vehicle and a command and control node.", "in Ayn Isa"),
        ("The attack on an aid convoy took place in Urem al-Kubra, northern Syria.", "Urem al-Kubra"),
    ],
)
def test_mentions_summary_keeps_a_place_name_whole(extract_text: Extract, text: str, place: str) -> None:
    (mention,) = extract_text(text, "2017-01-11").event_mentions
    assert place in (mention.summary or "")
    assert ", node" not in (mention.summary or "")


def test_mentions_summary_a_title_after_a_country_is_no_place(extract_text: Extract) -> None:
    text = "Violence broke out in Washington, DC, where people rallied in support of US President Donald Trump."
    assert all("President" not in (m.summary or "") for m in extract_text(text, "2020-11-15").event_mentions)


def test_mentions_arrested_and_banned_are_two_acts_on_one_person(extract_text: Extract) -> None:
    text = (
        "Maria Kalesnikava spoke, who headed the campaign of Viktar Babaryka, who was arrested and banned from the "
        "election in Belarus."
    )
    mentions = extract_text(text, "2020-08-03").event_mentions
    assert sorted(str(m.mode) for m in mentions) == ["arrest", "restrict"]
    assert all(m.actor2 is not None and m.actor2.text == "Viktar Babaryka" for m in mentions)
    arrest = next(m for m in mentions if m.mode == "arrest")
    assert arrest.evidence[0].slice(text) == "Viktar Babaryka, who was arrested"
    ban = next(m for m in mentions if m.mode == "restrict")
    assert ban.actor1 is not None and (ban.actor1.country, ban.actor1.sector) == ("BLR", "GOV")


def test_mentions_evidence_leaves_no_participle_whose_phrase_was_cut(extract_text: Extract) -> None:
    text = (
        "An Australian appeared in court yesterday, charged with one count of murder pertaining to a mass "
        "shooting in Christchurch on Friday."
    )
    charge = next(m for m in extract_text(text, "2019-03-17").event_mentions if m.plover == "ACCUSE")
    assert charge.evidence[0].slice(text).endswith("one count of murder")


def test_summary_leaves_out_a_country_apposed_to_the_actor(extract_text: Extract) -> None:
    text = "The regime and its backers, notably Russia, are inflicting the worst bombardment yet on towns in Syria."
    (bombardment,) = extract_text(text, "2016-09-26").event_mentions
    assert "Russia" not in bombardment.summary


def test_mentions_summary_leaves_out_the_countries_that_acted(extract_text: Extract) -> None:
    text = "The UK, US and France carried out targeted strikes on chemical weapons facilities in Syria overnight."
    (strikes,) = extract_text(text, "2018-04-14").event_mentions
    assert strikes.summary == "The UK strikes on chemical weapons facilities in Syria"


def test_mentions_summary_keeps_a_thing_of_a_body_as_written(extract_text: Extract) -> None:
    text = (
        "Jets bombed Douma on Saturday, killing dozens of civilians. Russia has vetoed a UN resolution to "
        "establish an investigation."
    )
    veto = next(m for m in extract_text(text, "2018-04-14").event_mentions if m.trigger.slice(text) == "vetoed")
    assert veto.summary == "Russia vetoed a UN resolution"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("She promised to conduct new completely fair elections in Belarus.", "to conduct new completely fair"),
        ("A New York man was charged with threatening to kill Rep. Ilhan Omar (D-Minn.).", "to kill Rep. Ilhan Omar"),
    ],
)
def test_mentions_a_promise_or_threat_says_what_it_is_to_do(extract_text: Extract, text: str, said: str) -> None:
    summaries = [m.summary or "" for m in extract_text(text, "2020-08-03").event_mentions]
    assert any(said in s and "(" not in s for s in summaries)
