"""Which articles are worth parsing: a cheap look at the words before the parser (issue: throughput).

An article goes on to the parser when it names, at least twice (``screen_min_mentions``) in all and at least
three times per 1,000 of its words (``screen_per_thousand_words``):

* a word of armed conflict or political violence: a lemma of the trigger lexicon for material conflict
  (ASSAULT, COERCE, MOBILIZE, PROTEST, THREATEN, SANCTION), an attack context word, a weapon or a force
  (``extract/_words.py``), in any inflected form — except words whose everyday senses dominate general text
  ("hit", "use", "strike a deal", "a storm"), which the extract stage only takes after argument checks that
  need the parse;
* a conflict-affected country (the 21 countries of the shipped GeoNames extract), by name or demonym;
* an armed group of the actor registry (``data/extract/actors.tsv``: rebel, insurgent and militant sectors).

One mention in passing, or a few in a long page, do not make an article about conflict. Measured with the
whole pipeline on the shipped texts (``docs/performance.md``): no dev gold article with an event is stopped; on
the sample corpus the articles stopped had 8 events, four misreadings (a hurricane that "cleared the Bahamas")
and four court or licensing acts (Manafort's sentence, a television network shut down); on general web pages
the 61 events stopped were misreadings such as "the MacBook Pro hit 44 dBa" or "Russia beat Croatia", and a
trade dispute's tariff threats. A stopped article is stored with a note and no parse;
``screen_min_mentions = 0`` parses every article.
"""

from __future__ import annotations

import functools
import re

from eventwatch.extract import _words as W
from eventwatch.extract._resources import countries, registry_aliases, trigger_lexicon
from eventwatch.records import Article


def screened_note(min_mentions: int, per_thousand_words: float) -> str:
    """The note on an article the screen stopped."""
    return (
        f"not parsed: names armed conflict, a conflict-affected country or an armed group fewer than "
        f"{min_mentions} times, or fewer than {per_thousand_words:g} times per 1,000 words"
    )


_CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "THREATEN", "SANCTION"})
# Lexicon words whose everyday senses dominate general text; the extract stage keeps their conflict senses
# only after checks on the parse ("the MacBook hit 44 dBa", "Russia beat Croatia", "strike a deal").
_EVERYDAY = frozenset(
    [
        "execute",  # "executed the plan"
        "plunder",  # "newspapers as sources of plunder"
        "control",  # "quality control", "remote control"
        "hit",
        "target",
        "fire",
        "open",
        "launch",
        "use",
        "clear",
        "advance",
        "engage",
        "destroy",
        "capture",
        "free",
        "release",
        "leave",
        "send",
        "strengthen",
        "tighten",
        "call",
        "charge",
        "ban",
        "seize",
        "die",
        "march",
        "rally",
        "storm",
        "strike",
        "demonstrate",
        "operation",
        "device",
        "round",
        "shot",
        "weapon",
        "tear",
        "gas",
        "unit",
        "ground",
        "land",
        "carrier",
        "ship",
        "jet",
        "aircraft",
        "personnel",
        "division",
        "contingent",
        "reinforcement",
        "position",
        "vehicle",
        "force",
        "knife",
    ]
)
# The 21 countries of the shipped GeoNames extract (data/geo/SOURCE.md), by ISO alpha-3.
_CONFLICT_COUNTRIES = frozenset(
    [
        "AFG",
        "BFA",
        "COD",
        "CAF",
        "ETH",
        "ISR",
        "IRQ",
        "LBN",
        "LBY",
        "MLI",
        "MMR",
        "NER",
        "NGA",
        "PAK",
        "PSE",
        "SDN",
        "SOM",
        "SSD",
        "SYR",
        "UKR",
        "YEM",
    ]
)
_ARMED_SECTORS = ("REB", "IMG", "INS")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _inflections(lemma: str) -> set[str]:
    """Regular English forms of a verb or noun lemma, a few of them not words ("attackked"). Irregular forms
    are not needed: those of the lemmas kept ("shot", "struck") are everyday words, and an article on a
    shooting names the shooting or the gunman."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + lemma[-1] + "ed"}
    forms.add(lemma + lemma[-1] + "ing")
    if lemma.endswith("y"):
        forms.add(lemma[:-1] + "ies")
    return forms


@functools.cache
def _conflict_words() -> frozenset[str]:
    lemmas = {entry.lemma for entry in trigger_lexicon().values() if entry.plover in _CONFLICT_TYPES}
    lemmas |= W.ATTACK_CONTEXT | W.TROOPS | set(W.WEAPONS)
    lemmas -= _EVERYDAY
    forms: set[str] = set()
    for lemma in lemmas:
        forms |= _inflections(lemma)
    return frozenset(forms)


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


@functools.cache
def _phrases() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """(phrases matched in lower case, phrases matched as written) of conflict countries and armed groups, as
    word tuples: country names and demonyms ("central african republic"), group aliases ("al-shabaab"), and
    all-caps aliases ("IS", "SDF") that count only in capitals."""
    folded = {_tokens(name) for name, iso3 in countries().items() if iso3 in _CONFLICT_COUNTRIES}
    exact: set[tuple[str, ...]] = set()
    for alias in registry_aliases():
        sector = alias.actor.sector or ""
        if alias.needle and any(s in sector for s in _ARMED_SECTORS):  # non-ASCII aliases have no needle
            (folded if alias.folded else exact).add(_tokens(alias.needle))
    return frozenset(p for p in folded if p), frozenset(p for p in exact if p)


def _count_phrases(words: tuple[str, ...], phrases: frozenset[tuple[str, ...]]) -> int:
    lengths = {len(p) for p in phrases}
    return sum(words[i : i + n] in phrases for n in lengths for i in range(len(words) - n + 1))


def _mentions_in(written: tuple[str, ...]) -> int:
    lowered = tuple(w.lower() for w in written)
    words = _conflict_words()
    folded, exact = _phrases()
    return sum(w in words for w in lowered) + _count_phrases(lowered, folded) + _count_phrases(written, exact)


def conflict_mentions(article: Article) -> int:
    """How many times the article (title and text) names a word of armed conflict, a conflict-affected country
    or an armed group (one pass over its words, then set lookups: no per-name regex over the text)."""
    return _mentions_in(_tokens(article.title or "") + _tokens(article.text))


def worth_parsing(article: Article, min_mentions: int, per_thousand_words: float = 0.0) -> bool:
    """Whether the article names words of armed conflict, conflict-affected countries or armed groups at
    least ``min_mentions`` times, and at least ``per_thousand_words`` times per 1,000 words of its text (a long
    page that names a raid in passing is not about conflict); ``min_mentions`` 0: every article is."""
    if min_mentions <= 0:
        return True
    text = _tokens(article.text)
    mentions = _mentions_in(_tokens(article.title or "") + text)
    return mentions >= min_mentions and mentions * 1000 >= per_thousand_words * len(text)
