"""Outlet, people and country registries shipped in ``eventwatch/data/attribute`` (see its SOURCE.md).

Lookups are by whole words, case-sensitive for names and aliases ("AP" the agency, never "ap" in a word),
so a registry entry types a source only when the text names it.
"""

from __future__ import annotations

import csv
import functools
import logging
import re
from dataclasses import dataclass

from eventwatch.attribute.cues import LEXICON_DIR
from eventwatch.records import SourceKind

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country: str | None
    affiliation: str
    kind: SourceKind
    basis: str


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    kind: SourceKind
    role: str


def _split(value: str, sep: str = "|") -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(sep) if part.strip())


def _table(name: str) -> list[dict[str, str]]:
    with (LEXICON_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@functools.cache
def outlets() -> tuple[Outlet, ...]:
    """Every outlet of ``outlets.tsv``."""
    return tuple(
        Outlet(
            name=row["name"],
            aliases=_split(row["aliases"]),
            domains=_split(row["domains"], ";"),
            country=row["country_iso3"] or None,
            affiliation=row["affiliation"],
            kind=SourceKind(row["kind"]),
            basis=row["basis"],
        )
        for row in _table("outlets.tsv")
    )


@functools.cache
def people() -> tuple[Person, ...]:
    """Every person of ``people.tsv``."""
    return tuple(
        Person(
            name=row["name"],
            aliases=_split(row["aliases"]),
            country=row["country_iso3"] or None,
            kind=SourceKind(row["kind"]),
            role=row["role"],
        )
        for row in _table("people.tsv")
    )


@functools.cache
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in alternatives) + r")(?![\w-])")


def _ends_a_name(text: str, match: re.Match[str]) -> bool:
    """A one-word outlet alias that ends a longer capitalised name is that name's last word: "Mehr" in "Ali
    Alghasi Mehr" is a person, not Mehr News Agency ("Iranian Tasnim" and "The Guardian" still name outlets)."""
    head = text[: match.start()]
    if " " in match.group() or not head or not head[-1].isspace():
        return False
    words = head.split()
    word = words[-1] if words else ""
    return (
        word[:1].isupper()
        and all(ch.isalnum() or ch in "'.-" for ch in word)
        and word not in ("The", "A")
        and not word.rsplit("-", 1)[-1].islower()  # "the Houthi-run Al-Masirah": a modifier, not a name
        and country_of_name(word) is None
    )


@functools.cache
def _outlet_patterns() -> tuple[tuple[Outlet, re.Pattern[str]], ...]:
    # compiled once: a hundred patterns would churn the ``re`` module's own cache on every source typed
    return tuple((outlet, _name_pattern((outlet.name, *outlet.aliases))) for outlet in outlets())


def find_outlet(text: str) -> Outlet | None:
    """The registry outlet named in ``text`` (longest name or alias), if any."""
    best: tuple[int, Outlet] | None = None
    for outlet, pattern in _outlet_patterns():
        match = next((m for m in pattern.finditer(text) if not _ends_a_name(text, m)), None)
        if match and (best is None or len(match.group()) > best[0]):
            best = (len(match.group()), outlet)
    return best[1] if best else None


@functools.cache
def _person_patterns() -> tuple[tuple[Person, re.Pattern[str]], ...]:
    return tuple((person, _name_pattern((person.name, *person.aliases))) for person in people())


def find_person(text: str) -> Person | None:
    """The registry person named in ``text``, if any. A surname alone after another given name is a namesake:
    "Hunter Biden" is not Joe Biden ("President Biden", "Mr Biden" still are)."""
    for person, pattern in _person_patterns():
        for match in pattern.finditer(text):
            words = text[: match.start()].split()
            before = words[-1] if words else ""
            namesake = (
                match.group() != person.name
                and " " not in match.group()
                and before[:1].isupper()
                and before.rstrip(".").lower() not in _TITLES
                and before not in person.name.split()
            )
            if not namesake:
                return person
    return None


# Words that may stand right before a surname without being a given name ("President Trump", "Mr. Lavrov").
_TITLES = frozenset(
    {"president", "vice", "minister", "secretary", "chancellor", "premier", "leader", "ayatollah", "king", "general"}
    | {"mr", "mrs", "ms", "dr", "sir", "former", "the", "said", "spokesman", "spokeswoman", "envoy", "ambassador"}
)


@functools.cache
def _countries() -> tuple[tuple[str, tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]], ...]:
    """``(iso3, ((names, pattern), (demonyms, pattern)))`` per country.

    The plain names travel with each pattern so that callers skip a pattern whose names are not even
    substrings of the text: a C substring test, where the look-behind regex scan of ~200 patterns per
    article was the attribute stage's largest cost (docs/performance.md).
    """
    out = []
    for row in _table("countries.tsv"):
        names, demonyms = _split(row["names"]), _split(row["demonyms"])
        out.append((row["iso3"], ((names, _name_pattern(names)), (demonyms, _name_pattern(demonyms)))))
    return tuple(out)


# Source phrases recur within and across articles; the answer is a pure function of the text.
@functools.lru_cache(maxsize=16_384)
def country_of_name(text: str) -> str | None:
    """ISO3 of the first country named (by name, capital/metonym or demonym) in ``text``, by position."""
    best: tuple[int, str] | None = None
    for iso3, patterns in _countries():
        for names, pattern in patterns:
            if not any(name in text for name in names):
                continue
            match = pattern.search(text)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), iso3)
    return best[1] if best else None


def countries_named(text: str) -> list[str]:
    """ISO3 codes of every country mention in ``text``, one per mention (for the article's main country)."""
    found: list[tuple[int, str]] = []
    for iso3, patterns in _countries():
        for names, pattern in patterns:
            if not any(name in text for name in names):
                continue
            found.extend((m.start(), iso3) for m in pattern.finditer(text))
    return [iso3 for _, iso3 in sorted(found)]
