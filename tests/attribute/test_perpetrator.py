"""An attack the text names no doer for takes the party that claims it (attribute/perpetrator.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwatch import pipeline
from eventwatch.attribute.perpetrator import claimed_perpetrator
from eventwatch.config import load_config
from eventwatch.records import Actor, Article, Plover

A = Plover.ASSAULT


@pytest.mark.parametrize(
    ("text", "event"),
    [
        pytest.param(
            "I utterly condemn the shocking attack on a petrol station and restaurant at al-Hilla earlier today, for "
            "which Daesh has claimed responsibility.",
            ("the shocking attack on a petrol station and restaurant at al-Hilla", "attack", A),
            id="for-which-claimed-responsibility",
        ),
        pytest.param(
            "Today, multiple attacks, also claimed by Da’esh, have killed at least 35 more innocent civilians.",
            ("multiple attacks, also claimed by Da’esh, have killed at least 35 more innocent civilians", "attacks", A),
            id="participle-the-parser-made-the-root",
        ),
        pytest.param(
            "On Saturday, Dae’sh claimed dual attacks in the commercial area of the Al-Sinek neighborhood in Baghdad.",
            ("dual attacks in the commercial area of the Al-Sinek neighborhood in Baghdad", "attacks", A),
            id="claimed-the-attacks",
        ),
    ],
)
def test_perpetrator_an_attack_claimed_by_a_group_is_the_groups(analyse, text, event):
    (attack,) = analyse(text, [event]).event_mentions
    assert attack.actor1 is not None and (attack.actor1.name, attack.actor1.sector) == ("ISIL", "REB/IMG")
    assert [(c.source.kind, c.about) for c in attack.claims if c.stance == "claim"] == [
        ("armed_group", "responsibility")
    ]


def test_perpetrator_a_doer_the_text_cannot_code_gives_way_to_the_claimant(analyse):
    text = (
        "Drones hit oil facilities in Abqaiq on Saturday. The Yemen-based Houthi movement claimed responsibility "
        "for the attacks."
    )
    (attack,) = analyse(text, [("Drones hit oil facilities in Abqaiq", "hit", A)]).event_mentions
    unnamed = replace(attack, actor1=Actor(text="it"))
    doer = claimed_perpetrator(unnamed).actor1
    assert doer is not None and (doer.name, doer.country, doer.sector) == ("Houthis", "YEM", "REB")


@pytest.mark.parametrize(
    "later",
    [
        pytest.param("The government blamed the attack on Boko Haram.", id="blame-is-not-a-claim-of-ones-own"),
        pytest.param("The group claimed responsibility for the attack.", id="nobody-the-reader-could-name"),
        pytest.param(
            "Boko Haram claimed responsibility for the attack. Ansaru also claimed responsibility for the attack.",
            id="two-claimants",
        ),
    ],
)
def test_perpetrator_no_one_claims_it_as_their_own(analyse, later):
    text = "A bomb exploded at a market in Maiduguri on Sunday, killing five people. " + later
    (attack,) = analyse(text, [("A bomb exploded at a market in Maiduguri", "exploded", A)]).event_mentions
    assert attack.actor1 is None


def test_perpetrator_a_statement_on_attacks_a_group_claimed() -> None:
    # The whole pipeline on a State Department statement dated by its month (re3d / sample corpus).
    text = (
        "The United States strongly condemns the horrific attacks today in the towns of Jabla in the northwest "
        "province of Latakia, and the port city of Tartus, for which Da’esh has claimed responsibility and where "
        "more than 60 civilians were killed and injured in multiple bombings that targeted bus stations and a "
        "hospital."
    )
    article = Article(id="t", content_hash="t", text=text, published="2016-05", outlet="U.S. Department of State")
    (attack,) = pipeline.analyse(article, load_config()).event_mentions
    assert attack.actor1 is not None and attack.actor1.name == "ISIL"
    assert (attack.mode, attack.date, attack.factuality) == ("explosives", "2016-05", "asserted")


def test_perpetrator_a_claim_with_no_object_is_for_the_latest_attack(analyse):
    text = (
        "Twin bombings yesterday struck the Jolo Cathedral in Mindanao, Philippines.\n\n"
        '"We will use the full force of the law," said Delfin Lorenzana, the Defence Secretary.\n\n'
        "The Philippines is a Catholic majority nation. This week saw a referendum on a new autonomous region.\n\n"
        "The Islamic State of Iraq and the Levant, which is linked to the Abu Sayyaf Group, subsequently claimed "
        "responsibility."
    )
    (attack,) = analyse(text, [("Twin bombings yesterday struck the Jolo Cathedral", "bombings", A)]).event_mentions
    claims = [c for c in attack.claims if c.about == "responsibility"]
    assert [c.source.text for c in claims] == ["The Islamic State of Iraq and the Levant"]  # one body, not two
    assert attack.actor1 is not None and attack.actor1.name == "ISIL"


def test_perpetrator_one_party_written_two_ways_is_one_claimant(analyse):
    text = (
        "A bomb exploded at a market in Baghdad on Sunday, killing five people. Daesh claimed responsibility for "
        "the attack. ISIL claimed responsibility for the attack in a statement."
    )
    (attack,) = analyse(text, [("A bomb exploded at a market in Baghdad", "exploded", A)]).event_mentions
    assert attack.actor1 is not None and attack.actor1.name == "ISIL"
