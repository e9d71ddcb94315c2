"""Typing a source: kind, country, normalized name and affiliation from its words and the registries.

Order of evidence (first that applies wins): the outlet registry, the people registry, words of the phrase
(ordered word classes below, then the seed source descriptors), a country named alone ("Iran denied") and
finally a person's name (``official``: conflict news quotes office-holders far more than anyone else).
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

from eventwatch.attribute.cues import descriptors
from eventwatch.attribute.registry import country_of_name, find_outlet, find_person
from eventwatch.extract._resources import find_registry_actor
from eventwatch.records import SourceKind

log = logging.getLogger(__name__)

# Word classes checked in this order, so "state news agency" is media_state before "agency" is official, and
# "Pentagon press secretary" is military before "secretary" is official (dev README: defence-department
# spokespeople are military; defence secretaries, police and hospitals are official).
_WORD_CLASSES: tuple[tuple[SourceKind, tuple[str, ...]], ...] = (
    (
        SourceKind.MEDIA_STATE,
        (
            "state media",
            "state television",
            "state tv",
            "state-run",
            "state-owned",
            "official news agency",
            "state news agency",
        ),
    ),
    (
        SourceKind.ARMED_GROUP,
        (
            "rebels",
            "rebel",
            "militants",
            "insurgents",
            "taliban",
            "isil",
            "isis",
            "islamic state",
            "daesh",
            "al-qaeda",
            "al-qaida",
            "al qaeda",
            "hezbollah",
            "hamas",
            "houthi",
            "houthis",
            "militia",
            "militias",
            "jihadists",
            "al-shabaab",
            "boko haram",
            "the group",
            "armed group",
            "pkk",
            "ypg",
            "sdf",
        ),
    ),
    (
        SourceKind.MILITARY,
        (
            "army",
            "military",
            "armed forces",
            "troops",
            "navy",
            "air force",
            "commander",
            "commanders",
            "pentagon",
            "dod",
            "cjtf",
            "cjtf-oir",
            "task force",
            "defense department",
            "department of defense",
            "defence ministry",
            "ministry of defence",
            "defense ministry",
            "ministry of defense",
            "central command",
            "centcom",
            "coalition",
            "col.",
            "gen.",
            "lt.",
            "maj.",  # military-only ranks; police forces have sergeants and captains too
            "brig",
            "adm.",
            "spc.",
            "pvt.",
            "colonel",
            "soldiers",
            "marines",
            "idf",
            "revolutionary guard",
            "revolutionary guards",
            "guard corps",
            "irgc",
            "quds force",
            "national guard",
            "general staff",
        ),
    ),
    (
        SourceKind.UN_IO,
        (
            "un",
            "u.n.",
            "united nations",
            "interpol",
            "security council",
            "unicef",
            "unhcr",
            "ocha",
            "opcw",
            "icrc",
            "red cross",
            "nato",
            "european union",
            "eu",
            "secretary-general",
            "african union",
            "arab league",
        ),
    ),
    (
        SourceKind.NGO_MONITOR,
        (
            *("observatory", "monitor", "monitoring group", "human rights", "ngo", "archive", "watchdog"),
            *("rights group", "rights groups", "rights organization", "rights organisation"),
            *("aid group", "aid groups", "aid agency", "aid agencies", "charity"),
        ),
    ),
    (
        SourceKind.WITNESS_LOCAL,
        (
            "witness",
            "witnesses",
            "eyewitness",
            "eyewitnesses",
            "residents",
            "locals",
            "bystanders",
            "survivors",
            "villagers",
            "witness accounts",
        ),
    ),
    (
        SourceKind.EXPERT,
        ("analyst", "analysts", "expert", "experts", "researcher", "researchers", "professor", "scholar"),
    ),
    (
        SourceKind.MEDIA,
        (
            "news agency",
            "news agencies",
            "news",
            "outlet",
            "outlets",
            "newspaper",
            "media",
            "television",
            "tv",
            "channel",
            "broadcaster",
            "video",
            "footage",
            "reporter",
            "journalist",
            "correspondent",
        ),
    ),
    (
        SourceKind.UNNAMED,
        (
            "reports",
            "report",
            "sources",
            "source",
            "associates",
            "reportedly",
            "allegedly",
            "critics",
            "activists",
            "some",
            "it is believed",
            "rumours",
            "rumors",
        ),
    ),
    (
        SourceKind.OFFICIAL,
        (
            "government",
            "minister",
            "ministry",
            "president",
            "prime minister",
            "secretary",
            "spokesman",
            "spokesperson",
            "spokeswoman",
            "police",
            "prosecutor",
            "prosecutors",
            "authorities",
            "officials",
            "official",
            "mayor",
            "governor",
            "office",
            "hospital",
            "court",
            "judge",
            "embassy",
            "kremlin",
            "white house",
            "administration",
            "chief",
            "department",
            "statement",
            "council",
            "parliament",
            "lawmakers",
            "kgb",
            "intelligence",
            "representatives",
            "state",
            "regime",
            "cabinet",
            "agency",
            "leader",
            "senator",
            "ambassador",
            "diplomats",
            "release",
        ),
    ),
)
# Kinds that belong to one country: when the phrase names none, the article's main country stands in
# ("police said" in a London story is the British police; dev README counts them official GBR).
_DOMESTIC = frozenset({SourceKind.OFFICIAL, SourceKind.MILITARY})
_WORD = re.compile(r"[\w.'’-]+")


@dataclass(frozen=True, slots=True)
class SourceType:
    kind: SourceKind
    country: str | None = None
    name: str | None = None
    affiliation: str | None = None


def _phrases(text: str) -> set[str]:
    tokens = [t.lower().strip(".'’") if not t.endswith(".") or len(t) > 4 else t.lower() for t in _WORD.findall(text)]
    grams: set[str] = set()
    for n in (1, 2, 3):
        for i in range(len(tokens) - n + 1):
            grams.add(" ".join(tokens[i : i + n]))
    return grams


def word_kind(text: str) -> SourceKind | None:
    """The kind the words of a source phrase give, or None when no word class applies."""
    grams = _phrases(text)
    for kind, words in _WORD_CLASSES:
        if any(w in grams for w in words):
            return kind
    lowered = " " + " ".join(_WORD.findall(text.lower())) + " "
    for pattern, kind in descriptors():
        if f" {' '.join(pattern)} " in lowered:
            return kind
    return None


def _registry_kind(text: str) -> SourceKind | None:
    """The kind of source a body of the actor registry is, by its sector: armed groups, militaries,
    governments, international organisations."""
    actor = find_registry_actor(text)
    sector = (actor.sector or "") if actor is not None else ""
    if sector[:3] in ("REB", "PRM"):
        return SourceKind.ARMED_GROUP
    if sector[:3] == "MIL":
        return SourceKind.MILITARY
    if sector[:3] in ("GOV", "COP", "SPY"):
        return SourceKind.OFFICIAL
    if sector == "IGO":
        return SourceKind.UN_IO
    return None


_OPPONENT = re.compile(r"\s(?:against|fighting|targeting)\s", re.I)


# A source phrase ("the ministry", "he", "SANA") recurs within and across articles; typing one scans every
# registry pattern, so the answer is kept (a pure function of its arguments; SourceType is immutable).
@functools.lru_cache(maxsize=16_384)
def type_source(
    text: str, *, is_person: bool = False, is_place: bool = False, article_country: str | None = None
) -> SourceType:
    """Kind, country, name and affiliation of the source phrase ``text``.

    ``is_person``: the phrase is (headed by) a person's name; ``is_place``: a country or place name standing
    for its government ("Iran denied"); ``article_country``: the country the article is mostly about.
    """
    outlet = find_outlet(text)
    if outlet is not None:
        return SourceType(outlet.kind, outlet.country, outlet.name, outlet.affiliation)
    # "a spokesperson for Inherent Resolve, the U.S. military operation against Islamic State": whom a body
    # fights is not what it is
    text = _OPPONENT.split(text, maxsplit=1)[0]
    country = country_of_name(text)
    person = find_person(text)
    kind = word_kind(text)
    if person is not None and kind in (None, SourceKind.OFFICIAL):
        return SourceType(person.kind, person.country, person.name)
    if kind is None:
        kind = _registry_kind(text)  # "The RSF denied ...", "Hezbollah said"
    if kind is None:
        kind = SourceKind.OFFICIAL if (is_place or is_person) else SourceKind.UNNAMED
    if country is None and person is not None:
        country = person.country
    group = find_registry_actor(text) if kind in (SourceKind.ARMED_GROUP, SourceKind.MILITARY) else None
    if group is not None and group.country is not None:
        country = group.country  # "the IRGC" is Iran's, "Hezbollah" Lebanon's, whatever the article is about
    # a coalition or a transnational group the registry knows ("Combined Joint Task Force Operation Inherent
    # Resolve", "ISIL") is no country's, wherever the article is
    if country is None and kind in _DOMESTIC and group is None:
        country = article_country
    if kind in (SourceKind.UN_IO, SourceKind.UNNAMED, SourceKind.WITNESS_LOCAL) and not is_place:
        # Transnational bodies and unnamed sources carry a country only when the phrase names one.
        country = country_of_name(text)
    return SourceType(kind, country, person.name if person else None)
