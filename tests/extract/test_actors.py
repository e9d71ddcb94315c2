"""Actor and recipient resolution: registry, demonyms, agent sectors (extract/actors.py)."""

from __future__ import annotations

import pytest

from tests.extract.conftest import Extract

ACTOR1 = [
    ("The Syrian army shelled the town of Saraqib on Monday.", ("SYR", "MIL")),
    ("Russian aircraft bombed a hospital in Idlib on Monday.", ("RUS", "MIL")),
    ("HTS fighters attacked a government checkpoint near Hama on Monday.", ("SYR", "REB")),
    ("ISIL militants attacked a police station in Kirkuk on Monday.", (None, "REB/IMG")),
    ("Unidentified gunmen attacked a checkpoint in Kirkuk on Monday.", (None, "UAF")),
    ("The SDF captured the town of Tabqa on Monday.", ("SYR", "REB")),
    ("Houthi rebels fired missiles at a Saudi oil facility on Monday.", ("YEM", "REB")),
    ("Coalition aircraft destroyed 14 ISIL tanks near Palmyra, Syria.", (None, "MIL")),
]


@pytest.mark.parametrize(("text", "expected"), ACTOR1)
def test_actors_actor1_country_and_sector(extract_text: Extract, text: str, expected: tuple[str | None, str]) -> None:
    (mention,) = extract_text(text, "2017-01-10").event_mentions
    assert mention.actor1 is not None
    assert (mention.actor1.country, mention.actor1.sector) == expected


def test_actors_passive_agent_is_actor1(extract_text: Extract) -> None:
    text = "A market in Idlib was bombed by Russian warplanes on Monday."
    (mention,) = extract_text(text, "2017-01-10").event_mentions
    assert mention.actor1 is not None and mention.actor1.country == "RUS"


def test_actors_target_of_against_is_actor2(extract_text: Extract) -> None:
    text = "The Asad regime has used chemical weapons against the Syrian people."
    (mention,) = extract_text(text, "2016-10-20").event_mentions
    assert mention.actor2 is not None
    assert (mention.actor2.country, mention.actor2.sector) == ("SYR", "CVL")


def test_actors_span_slices_to_text(extract_text: Extract) -> None:
    text = "Iraqi security forces liberated the village of Bartella on Monday."
    (mention,) = extract_text(text, "2017-01-10").event_mentions
    assert mention.actor1 is not None and mention.actor1.span is not None
    assert mention.actor1.span.slice(text) == mention.actor1.text
    assert mention.actor1.country == "IRQ"
