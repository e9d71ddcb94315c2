"""Source typing (attribute/sources.py) and the registries it reads (attribute/registry.py)."""

from __future__ import annotations

import pytest

from eventwatch.attribute.registry import find_outlet, find_person, outlets, people
from eventwatch.attribute.sources import type_source
from eventwatch.records import SourceKind


@pytest.mark.parametrize(
    ("text", "kind", "country"),
    [
        ("state-owned Iranian news agency Fars", SourceKind.MEDIA_STATE, "IRN"),
        ("SANA", SourceKind.MEDIA_STATE, "SYR"),
        ("Al Jazeera", SourceKind.MEDIA, "QAT"),
        # outlets of the conflicts the registry covers beyond the seed
        ("the Saba news agency", SourceKind.MEDIA_STATE, "YEM"),
        ("the Houthi-run Al-Masirah TV", SourceKind.ARMED_GROUP, "YEM"),
        ("the Kurdish Hawar news agency", SourceKind.MEDIA, "SYR"),
        ("The Daily Telegraph", SourceKind.MEDIA, "GBR"),
        # whom a body fights is not what it is
        (
            "Cmdr. Sean Robertson, a spokesperson for Inherent Resolve, the U.S. military operation against "
            "Islamic State in Iraq and Syria",
            SourceKind.MILITARY,
            "USA",
        ),
        ("Syrian news agencies", SourceKind.MEDIA, "SYR"),
        ("The Syrian military", SourceKind.MILITARY, "SYR"),
        ("The Iranian Revolutionary Guard Corps", SourceKind.MILITARY, "IRN"),
        ("Spc. Lorraine Walsh, an artillery crewmember", SourceKind.MILITARY, None),
        ("police Sgt. Maria Lopez", SourceKind.OFFICIAL, None),
        ("Pentagon Press Secretary Peter Cook", SourceKind.MILITARY, "USA"),
        ("Col. John “J.D.” Dorrian, the CJTF-OIR spokesperson", SourceKind.MILITARY, "USA"),  # dev gold gov-74416dc283
        ("Dmitry Peskov, Putin’s spokesman", SourceKind.OFFICIAL, "RUS"),
        ("Mexico's Foreign Secretary Marcelo Ebrard", SourceKind.OFFICIAL, "MEX"),
        ("Hospital officials in Omsk", SourceKind.OFFICIAL, None),
        ("an Interpol spokesperson", SourceKind.UN_IO, None),
        ("the Houthi movement in Yemen", SourceKind.ARMED_GROUP, "YEM"),
        ("the Syrian Observatory for Human Rights", SourceKind.NGO_MONITOR, "SYR"),
        ("An eyewitness", SourceKind.WITNESS_LOCAL, None),
        ("analysts", SourceKind.EXPERT, None),
        ("The initial reports", SourceKind.UNNAMED, None),
        ("reportedly", SourceKind.UNNAMED, None),
    ],
)
def test_type_source_kind_and_country(text, kind, country):
    typed = type_source(text)
    assert (typed.kind, typed.country) == (kind, country)


def test_type_source_place_stands_for_government():
    assert type_source("Iran", is_place=True).kind is SourceKind.OFFICIAL


def test_type_source_domestic_body_takes_article_country():
    assert type_source("police", article_country="GBR").country == "GBR"


def test_type_source_outlet_affiliation():
    assert "IRGC" in (type_source("Tasnim").affiliation or "")


def test_find_outlet_needs_whole_word():
    assert find_outlet("RTX shares fell") is None


def test_find_outlet_not_the_last_word_of_a_persons_name():
    assert find_outlet("the prosecutor general of Tehran, Ali Alghasi Mehr") is None  # not Mehr News Agency
    assert [find_outlet(t).name for t in ("Mehr reported", "Iranian Tasnim", "The Guardian")] == [  # type: ignore[union-attr]
        "Mehr News Agency",
        "Tasnim News Agency",
        "The Guardian",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "SANA",
        "Fars News Agency",
        "Tasnim News Agency",
        "IRNA",
        "Press TV",
        "RT",
        "TASS",
        "RIA Novosti",
        "Sputnik",
        "Anadolu Agency",
        "Al Jazeera",
        "Al Arabiya",
        "Reuters",
        "Associated Press",
        "AFP",
        "BBC",
        "Syrian Observatory for Human Rights",
        "Amaq News Agency",
        "Xinhua",
        "Interfax",
        "PA Media",
    ],
)
def test_outlet_registry_has_entry(name):
    assert name in {o.name for o in outlets()}


def test_registries_every_row_has_basis():
    assert all(o.basis for o in outlets())
    assert all(p.role for p in people())


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("the IRGC", "IRN"),
        ("Hezbollah", "LBN"),
        ("the SDF", "SYR"),
        ("Taliban spokesman Zabihullah Mujahid", "AFG"),
        ("ISIL", None),  # a transnational group is no country's, wherever the story is
        ("Col. John Dorrian, the CJTF-OIR spokesperson", "USA"),  # the US-led coalition speaks for the US (dev gold)
        ("the Combined Joint Task Force Operation Inherent Resolve", "USA"),
    ],
)
def test_type_source_a_named_armed_group_has_its_registry_country(text, country):
    # In an Iraq story the IRGC stays Iran's: the actor registry says whose force a named group is.
    assert type_source(text, article_country="IRQ").country == country


def test_find_person_a_namesake_is_not_the_registry_person():
    assert find_person("Hunter Biden") is None  # the son, not Joe Biden
    named = ("President Biden", "Mr. Biden", "Joe Biden", "Foreign Minister Lavrov")
    assert [find_person(t).name for t in named] == ["Joe Biden", "Joe Biden", "Joe Biden", "Sergei Lavrov"]  # type: ignore[union-attr]
