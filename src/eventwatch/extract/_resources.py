"""The shipped coding data of the extract stage, loaded once per process.

Everything comes from ``eventwatch/data/extract/`` (see its SOURCE.md); nothing is read from ``/work/shared``
at run time. Loaders are cached: the first article pays the parse, later ones reuse the tables.
"""

from __future__ import annotations

import csv
import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from eventwatch.config import DATA_DIR

log = logging.getLogger(__name__)

EXTRACT_DATA = DATA_DIR / "extract"


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip() and not line.startswith("#")]


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One lexicon row: a lemma (or multi-word lemma sequence) that signals a PLOVER event."""

    lemma: str
    pos: str  # "VERB" or "NOUN"
    plover: str
    mode: str | None
    cameo: str
    condition: str  # a named condition checked in triggers.py ("" = none)


@functools.cache
def trigger_lexicon() -> dict[tuple[str, str], TriggerEntry]:
    """``(lemma, pos) -> entry`` from ``triggers.tsv`` (eventwatch's own lexicon)."""
    table: dict[tuple[str, str], TriggerEntry] = {}
    rows = _rows(EXTRACT_DATA / "triggers.tsv")
    for row in rows[1:]:
        lemma, pos, plover, mode, cameo, condition = (row + [""] * 6)[:6]
        table[(lemma, pos)] = TriggerEntry(lemma, pos, plover, mode or None, cameo, condition)
    return table


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    plover: str | None
    mode: str | None


@functools.cache
def cameo_codes() -> dict[str, CameoCode]:
    """CAMEO code -> root and PLOVER 2.0 event/mode (``cameo_event_codes.csv``)."""
    out: dict[str, CameoCode] = {}
    with (EXTRACT_DATA / "cameo_event_codes.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out[row["code"]] = CameoCode(
                row["code"], row["root_code"], row["plover_v2_event"] or None, row["plover_v2_mode"] or None
            )
    return out


_VERB_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([0-9:]+)\]\s+---")
_WORD = re.compile(r"^\+?([A-Z][A-Z_]*)\b")


@functools.cache
def cameo_verbs() -> dict[str, str]:
    """Base verb (lower case) -> the CAMEO code of its synset block in ``CAMEO.2.0.verbs.txt``.

    Only single-word base forms of blocks with a default code are kept; the phrase patterns need the
    PETRARCH parser and are not used.
    """
    out: dict[str, str] = {}
    code: str | None = None
    for line in (EXTRACT_DATA / "CAMEO.2.0.verbs.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("---"):
            match = _VERB_BLOCK.match(line)
            code = match.group(2).split(":")[0] if match else None
            continue
        if code is None or not line or line.startswith(("-", "#", "&")):
            continue
        word = _WORD.match(line)
        if word and "_" not in word.group(1):
            own = re.search(r"\[([0-9]+)\]", line)
            out.setdefault(word.group(1).lower(), own.group(1) if own else code)
    return out


@functools.cache
def agent_sectors() -> dict[str, str]:
    """Agent noun phrase (lower case, spaces) -> primary PLOVER sector, from ``PLOVER_agents.txt``."""
    out: dict[str, str] = {}
    for line in (EXTRACT_DATA / "PLOVER_agents.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\+?([A-Z][A-Z_.'\-]*?)_?\s+\[~([A-Z]{3})", line)
        if match and "!" not in match.group(1):
            out.setdefault(match.group(1).replace("_", " ").lower(), match.group(2))
    return out


@functools.cache
def countries() -> dict[str, str]:
    """Country names and demonyms (lower case) -> ISO alpha-3: ``countries.csv`` plus our short forms."""
    out: dict[str, str] = {}
    with (EXTRACT_DATA / "countries.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            iso3 = row["CCA3"]
            out[row["Name"].lower()] = iso3
            for demonym in row["Nationality"].split(","):
                if demonym.strip():
                    out[demonym.strip().lower()] = iso3
    for alias in _rows(EXTRACT_DATA / "country_aliases.tsv")[1:]:
        out[alias[0].lower()] = alias[1]
    return out


@functools.cache
def capitals() -> frozenset[str]:
    """The capitals (lower case) ``country_aliases.tsv`` lists as standing for their governments."""
    rows = _rows(EXTRACT_DATA / "country_aliases.tsv")[1:]
    return frozenset(row[0].lower() for row in rows if len(row) > 2 and row[2] == "capital")


@dataclass(frozen=True, slots=True)
class RegistryActor:
    name: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class RegistryAlias:
    """One alias of ``actors.tsv``: its compiled pattern and a plain substring the text must contain first."""

    pattern: re.Pattern[str]
    actor: RegistryActor
    needle: str  # the alias, lower-cased unless it matches case-sensitively
    folded: bool  # whether to look for ``needle`` in the lower-cased text
    alias: str  # as actors.tsv writes it

    def may_occur_in(self, text: str, lowered: str) -> bool:
        """False when ``text`` cannot hold the alias (``lowered`` is ``text.lower()``): a substring test that
        spares the regex the many aliases an article never names."""
        return self.needle in (lowered if self.folded else text)

    def search_in(self, text: str, lowered: str) -> re.Match[str] | None:
        """The alias's first match in ``text`` (``lowered`` is ``text.lower()``)."""
        return self.pattern.search(text) if self.may_occur_in(text, lowered) else None


@functools.cache
def registry_aliases() -> tuple[RegistryAlias, ...]:
    """Every alias of ``actors.tsv`` as a ``RegistryAlias``, longest alias first.

    All-caps aliases (ISIS, IS, SDF) match case-sensitively so that "is" or "sdf" in prose never match.
    """
    entries: list[tuple[str, RegistryActor]] = []
    for row in _rows(EXTRACT_DATA / "actors.tsv")[1:]:
        name, aliases, country, sector = row[0], row[1], row[2], row[3]
        actor = RegistryActor(name, country or None, sector or None)
        entries.extend((alias, actor) for alias in aliases.split("|") if alias)
    entries.sort(key=lambda item: -len(item[0]))
    compiled: list[RegistryAlias] = []
    for alias, actor in entries:
        case_sensitive = alias.isupper() or alias.replace(".", "").isupper()
        pattern = re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", 0 if case_sensitive else re.IGNORECASE)
        # str.lower() and the regex's case folding agree on ASCII; other aliases skip the substring test.
        folded = not case_sensitive
        needle = alias.lower() if folded else alias
        if not alias.isascii():
            needle, folded = "", False
        compiled.append(RegistryAlias(pattern, actor, needle, folded, alias))
    return tuple(compiled)


_TYPOGRAPHIC_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def plain_apostrophes(text: str) -> str:
    """``text`` with typographic apostrophes made ASCII, as the registry writes them ("Da’esh" → "Da'esh");
    one character for one, so offsets hold."""
    return text.translate(_TYPOGRAPHIC_APOSTROPHES)


def find_registry_actor(text: str) -> RegistryActor | None:
    """The registry actor the phrase ``text`` names (its longest alias found), or None."""
    text = plain_apostrophes(text)
    lowered = text.lower()
    aliases = registry_aliases()
    by_first_word, always = _aliases_by_first_word()
    # Only aliases whose first word the text holds can match (a match starts at a word boundary), tried in
    # registry order: the same answer as trying every alias, without 200 substring tests per phrase.
    tried = set(always)
    for word in _WORD_RUN.findall(lowered):
        tried.update(by_first_word.get(word, ()))
    return next((aliases[i].actor for i in sorted(tried) if aliases[i].search_in(text, lowered)), None)


_WORD_RUN = re.compile(r"\w+")


@functools.cache
def _aliases_by_first_word() -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Registry alias positions by the alias's first word (lower case), and those that have no ASCII first word
    (always tried: str.lower() and the regex's case folding may differ on them)."""
    index: dict[str, list[int]] = {}
    always: list[int] = []
    for i, alias in enumerate(registry_aliases()):
        first = next(iter(_WORD_RUN.findall(alias.alias.lower())), "")
        if not first or not first.isascii() or not alias.alias[:1].isalnum():
            always.append(i)
        else:
            index.setdefault(first, []).append(i)
    return {word: tuple(ids) for word, ids in index.items()}, tuple(always)


@functools.cache
def acled_table() -> dict[tuple[str, str], tuple[str, str]]:
    """``(plover, mode) -> (acled event type, sub-event type)`` from ``plover_to_acled.csv``.

    Rows whose sub-event column lists alternatives keep the first; ``coding.py`` picks among them.
    """
    out: dict[tuple[str, str], tuple[str, str]] = {}
    with (EXTRACT_DATA / "plover_to_acled.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["acled_event_type"].startswith("("):
                continue
            modes = row["plover_mode_or_condition"]
            sub = row["acled_sub_event_type"].split(" / ")[0].split(" (")[0].split(" or ")[0].strip()
            for event in row["plover_event"].split(" / "):
                if modes.startswith("(") or modes == "—":
                    out.setdefault((event.strip(), ""), (row["acled_event_type"], sub))
                    continue
                for mode in re.split(r",\s*", re.sub(r"\s*\(.*\)", "", modes)):
                    out.setdefault((event.strip(), mode.strip()), (row["acled_event_type"], sub))
    return out
