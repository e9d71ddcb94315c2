"""One event per real event: anaphors merged, list lines kept apart, aggregates dropped (extract/merge.py)."""

from __future__ import annotations

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
