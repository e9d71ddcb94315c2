"""Event coding: PLOVER mode from the clause's weapons, ACLED type/sub-type and CAMEO root.

ACLED follows ``plover_to_acled.csv`` and the dev README's ACLED section: only events that happened
(asserted/reported) and that ACLED records; null for planned, hypothetical, negated, verbal and cooperative
events, for arrests folded into another event (an attacker or protesters arrested at the scene) and for
police shooting an attacker during the attack.
"""

from __future__ import annotations

import logging

from eventwatch.extract._resources import acled_table
from eventwatch.records import Factuality

log = logging.getLogger(__name__)

# Words in the clause that fix the ASSAULT mode (PLOVER 2.0 modes). Checked in this order: a chemical
# attack by aircraft is "unconventional", an air strike with missiles "aerial".
_MODE_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    # before the chemical weapons: tear gas is less-lethal crowd control (PLOVER ASSAULT crowd-control)
    ("crowd-control", frozenset(["tear", "teargas", "tear-gas", "water-cannon", "rubber", "pepper"])),
    ("unconventional", frozenset(["chemical", "chlorine", "sarin", "gas", "toxic", "nerve", "mustard"])),
    ("suicide-attack", frozenset(["suicide"])),
    ("drone", frozenset(["drone", "drones", "uav", "uavs"])),
    (
        "aerial",
        frozenset(
            [
                "air",
                "airstrike",
                "airstrikes",
                "air-strike",
                "aircraft",
                "warplane",
                "warplanes",
                "jet",
                "jets",
                "bomber",
                "bombers",
                "helicopter",
                "helicopters",
                "aerial",
                "bombing",
                "bombardment",
                "sortie",
            ]
        ),
    ),
    (
        "explosives",
        frozenset(
            [
                "ied",
                "ieds",
                "explosive",
                "bomb",
                "bombs",
                "car-bomb",
                "vbied",
                "blast",
                "grenade",
                "landmine",
                "mine",
            ]
        ),
    ),
    (
        "heavy-weapons",
        frozenset(
            [
                "missile",
                "missiles",
                "rocket",
                "rockets",
                "artillery",
                "shelling",
                "shell",
                "shells",
                "mortar",
                "mortars",
                "tank",
                "tanks",
            ]
        ),
    ),
    ("primitive", frozenset(["knife", "knives", "stab", "stabbed", "stabbing", "machete", "axe"])),
    (
        "firearms",
        frozenset(
            [
                "gun",
                "guns",
                "gunman",
                "gunmen",
                "gunfire",
                "shot",
                "shoot",
                "shooting",
                "rifle",
                "rifles",
                "pistol",
                "sniper",
            ]
        ),
    ),
)
_VERBAL = frozenset(
    {
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "SANCTION",
        "AGREE",
    }
)
_CAMEO_ROOT = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "CONCEDE": "08",
    "RETREAT": "08",
    "REQUEST": "10",
    "ACCUSE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "MOBILIZE": "15",
    "SANCTION": "16",
    "COERCE": "17",
    "ASSAULT": "18",
}
_TERRITORY_VERBS = frozenset(
    ["liberate", "liberation", "recapture", "retake", "regain", "capture", "control", "clear", "advance"]
)
_CIVILIAN_SECTORS = frozenset({"CVL", "GOV", "OPP", "JRN", "MED", "EDU", "REL", "REF", None})


def refine_mode(plover: str, mode: str | None, words: set[str]) -> str | None:
    """The ASSAULT mode the clause's weapon words imply; other types keep the lexicon's mode."""
    if plover != "ASSAULT":
        return mode
    if mode in ("targeted", "abduct", "sexual", "torture", "unconventional"):
        if mode == "targeted" and words & _MODE_WORDS[1][1]:  # a poisoning by a chemical agent
            return "unconventional"
        return mode
    for name, cue in _MODE_WORDS:
        if words & cue:
            return name
    return mode


def modes_named(words: set[str]) -> frozenset[str]:
    """Every ASSAULT mode whose weapon words occur ("air and cruise missile strikes": aerial and heavy weapons)."""
    return frozenset(name for name, cue in _MODE_WORDS if words & cue)


def cameo_root(plover: str, mode: str | None) -> str:
    """CAMEO root code for the PLOVER type (ASSAULT splits by mode: 19 fighting, 20 unconventional)."""
    if plover == "ASSAULT":
        if mode == "unconventional":
            return "20"
        if mode in ("aerial", "drone", "heavy-weapons") or mode is None:
            return "19"
        return "18"
    return _CAMEO_ROOT.get(plover, "01")


def acled(
    plover: str,
    mode: str | None,
    factuality: Factuality,
    lemmas: set[str],
    actor1_sector: str | None,
    actor2_sector: str | None,
    folded: bool,
) -> tuple[str | None, str | None]:
    """ACLED (event type, sub-event type), or (None, None) when ACLED would not code the event.

    ``folded``: the act belongs to another event of the article (arrest at a protest or of the attacker).
    """
    if factuality not in (Factuality.ASSERTED, Factuality.REPORTED) or plover in _VERBAL or folded:
        return None, None
    table = acled_table()
    if plover == "ASSAULT":
        if mode in ("aerial", "drone", "heavy-weapons", "explosives", "suicide-attack", "unconventional"):
            found = table.get(("ASSAULT", mode))
            return found if found is not None else (None, None)
        if mode in ("firearms", "primitive", "targeted", "beat", "torture", "sexual", "abduct"):
            if (actor2_sector or "")[:3] in ("MIL", "REB", "UAF", "CRM", "COP"):
                return None, None
            if mode == "sexual":
                return "Violence against civilians", "Sexual violence"
            if mode == "abduct":
                return "Violence against civilians", "Abduction/forced disappearance"
            return "Violence against civilians", "Attack"
        if lemmas & _TERRITORY_VERBS:
            state = (actor1_sector or "")[:3] in ("MIL", "GOV")
            return (
                "Battles",
                "Government regains territory" if state else "Non-state actor overtakes territory",
            )
        return "Battles", "Armed clash"
    if plover == "PROTEST":
        return ("Riots", "Violent demonstration") if mode in ("riot", "vandalize") else ("Protests", "Peaceful protest")
    if plover == "COERCE":
        if mode == "arrest":
            return "Strategic developments", "Arrests"
        if mode == "seize" and (actor1_sector or "")[:3] not in ("COP", "JUD"):
            return "Strategic developments", "Looting/property destruction"
        return None, None
    if plover == "RETREAT":
        if mode == "ceasefire":
            return "Strategic developments", "Agreement"
        if mode == "withdraw":
            return "Strategic developments", "Non-violent transfer of territory"
        return None, None
    if plover == "MOBILIZE" and mode == "troops":
        return "Strategic developments", "Change to group/activity"
    return None, None


def is_civilian(sector: str | None) -> bool:
    return (sector or "")[:3] in {s for s in _CIVILIAN_SECTORS if s}
