"""Casualty figures: "killing three", "at least 25 injured", "between 10 and 15 dead", "22 people died".

Every figure the clause gives is kept as a :class:`Casualties` (ranges and "at least"/"more than" bounds
kept, conflicting figures never averaged). ``low`` is the number as written for "at least N"/"more than N"
(gold/dev README "Fatalities").
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from eventwatch.records import Casualties, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

log = logging.getLogger(__name__)

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "dozens": 24,
    "hundred": 100,
    "hundreds": 200,
    "a dozen": 12,
    "dozen": 12,
}
# A figure starts where a run of digits and commas starts: without the lookbehind every digit of "1,1,1,..." is
# a start and each backtracks over the rest of the run (quadratic; 0.9 s for 5,000 characters).
_NUM = r"(?:(?<![\d,])\d[\d,]*|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_QUAL = r"(?P<qual>at least|more than|over|nearly|almost|about|around|some|up to|as many as)?\s*"
_RANGE = r"(?:between\s+)?(?P<a>" + _NUM + r")(?:\s*(?:-|–|to|and)\s*(?P<b>" + _NUM + r"))?"
_VICTIMS = (
    "people|persons|civilians|soldiers|militants|fighters|others|children|women|men|members|officers|"
    "policemen|nationals|troops|residents|protesters|demonstrators|victims|passengers"
)
_AGENTS = (
    r"(?:bombs?|shells?|rockets?|missiles?|mortars?|grenades?|mines?|drones?|strikes?|airstrikes?|raids?|attacks?|"
    r"blasts?|explosions?|bombings?|bombers?|gunmen|attackers?|assailants?|snipers?|jets?|aircraft|planes?)\b"
)
# "13 members of the regime forces have been killed": the victims' group may follow them
_NOUN = r"(?:\s+(?:[A-Za-z'’-]+\s+){0,2}?(?:" + _VICTIMS + r")(?:\s+of\s+(?:[A-Za-z-]+\s+){0,3}?[A-Za-z-]+)?)?"
_KILLED = r"(?P<verb>killed|dead|died|deaths|killing|slain|lost their lives|perished|fatalities)"
_INJURED = r"(?P<verb>injured|wounded|injuring|wounding|hurt|injuries)"

_AFTER = (  # "N people were killed", "22 dead"
    (
        kind,
        re.compile(
            r"\b"
            + _QUAL
            + _RANGE
            + _NOUN
            + r"(?:\s+of\s+(?:whom|them))?"  # "over a hundred people attended, four of whom were injured"
            # a filler word, but never a conjunction: "killed 12 and wounded three" has no 12 wounded
            # ... nor the weapon or the attackers: "two bombs killed six police officers" has no 2 dead
            + r"\s+(?:(?!and\b|or\b|"
            + _AGENTS
            + r")\w+\s+)?(?:(?:were|was|have been|had been|are)\s+)?"
            + r"(?:(?!and\b|or\b|"
            + _AGENTS
            + r")\w+\s+)?"
            + verb
            + r"\b",  # "four deadly shootings" counts shootings, not the dead
            re.I,
        ),
    )
    for kind, verb in (("killed", _KILLED), ("injured", _INJURED))
)
# "six police officers and a civilian": a second, smaller group of victims joined to the first counts too
_VICTIM = r"(?:civilian|child|woman|man|boy|girl|soldier|officer|policeman|militant|fighter|resident|journalist)"
_AND_ONE_MORE = (
    r"(?:\s+(?:[A-Za-z-]+\s+){0,2}?(?:" + _VICTIMS + r")\s+and\s+(?P<c>a|an|one|" + _NUM + r")\s+"
    r"(?:[A-Za-z-]+\s+)?(?:" + _VICTIM + r"|" + _VICTIMS + r")\b)?"
)
_BEFORE = (  # "killing three", "killed more than 20 militants", "death toll rose to 22"
    (kind, re.compile(verb + r"\s+(?:\w+\s+)?" + _QUAL + _RANGE + r"\b" + _AND_ONE_MORE, re.I))
    for kind, verb in (
        ("killed", r"(?:killing|killed|kills?|death toll (?:\w+\s+){0,2}(?:to|at|of))"),
        ("injured", r"(?:injuring|wounding|injured|wounded)"),
    )
)
# (kind, pattern, whether the count comes before the verb)
_PATTERNS = (*((kind, p, True) for kind, p in _AFTER), *((kind, p, False) for kind, p in _BEFORE))
# "three soldiers killed two militants": a count right after the verb is the victims', the one before the agents'
_COUNT_NEXT = re.compile(r"\s+(?:(?:at least|more than|over|nearly|almost|about|around|some)\s+)?" + _NUM + r"\b", re.I)


# A figure of victims beyond those told before it: "five other civilians", "twenty more", "another three".
_BEYOND = re.compile(r"\b(?:other|more(?!\s+than)|another|further|additional)\b", re.I)


def number_value(word: str) -> int | None:
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def toll(figures: list[Casualties], kind: str, text: str, named: int | None = None) -> int | None:
    """How many one event killed (``kind`` "killed") or injured: its first figure of that kind, plus figures
    of "other" or "more" victims right after one of that kind ("killed journalist X ... five other civilians
    also died": 6; but "six Mexicans were killed, and seven more were injured" adds no one to the injured).
    ``named`` counts victims named without a figure, who come before any figure."""
    total: int | None = None
    previous = "killed" if named else None
    seen: set[tuple[int, int]] = set()
    for figure in sorted(figures, key=lambda f: f.span.start):
        if (figure.span.start, figure.span.end) in seen or figure.best is None:
            continue  # one clause twice in the evidence
        seen.add((figure.span.start, figure.span.end))
        beyond = previous == kind and _BEYOND.search(figure.span.slice(text)) is not None
        previous = figure.kind
        if figure.kind != kind:
            continue
        if total is None:
            total = figure.best + ((named or 0) if beyond else 0)
        elif beyond:
            total += figure.best
        # else another figure for the same victims (another source's, a revised one): the first stands
    return named if total is None else total


def find_casualties(text: str, offset: int) -> list[Casualties]:
    """Casualty figures in ``text`` (an evidence clause); spans are article offsets (``offset`` = start)."""
    out: list[Casualties] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern, count_first in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if count_first and _COUNT_NEXT.match(text, m.end()):
                continue
            low = number_value(m.group("a"))
            if low is None:
                continue
            high = number_value(m.group("b")) if m.group("b") else None
            more = m.groupdict().get("c")
            if more:
                extra = 1 if more.lower() in ("a", "an") else number_value(more) or 0
                low, high = low + extra, (high + extra) if high is not None else None
            qual = (m.group("qual") or "").lower()
            if qual in ("at least", "more than", "over"):
                best, high = low, None
            elif qual in ("up to", "as many as"):
                best, high, low = low, low, 0
            else:
                best = low if high is None else (low + high) // 2
                high = high if high is not None else low
            taken.append((m.start(), m.end()))
            out.append(Casualties(kind, low, high, best, Span(offset + m.start(), offset + m.end())))
    out.sort(key=lambda c: c.span.start)
    return out


def named_victim_killed(has_person_victim: bool, killed_verb: bool) -> int | None:
    """1 for a named person killed (README: "1 for a named person killed"), else None."""
    return 1 if has_person_victim and killed_verb else None


_DEATH_VERBS = frozenset({"die", "succumb"})
_PERSON_PRONOUNS = frozenset({"he", "she"})


def told_dead_later(surname: str, sentences: list[SpacySpan]) -> bool:
    """Whether one of ``sentences`` (those after an attack, in order) says its named victim died: "He died
    today." after "... after Paweł Adamowicz was stabbed", "he was later pronounced dead" in a sentence naming
    Ratana, "Adamowicz subsequently was announced to have died". A "he" counts only beside the surname (in its
    sentence or the one before)."""
    surname = surname.lower()
    before = ""
    for sent in sentences:
        named = surname in sent.text.lower() or surname in before
        for tok in sent:
            dies = tok.lemma_.lower() in _DEATH_VERBS or (
                tok.lemma_.lower() == "pronounce" and any(c.lower_ == "dead" for c in tok.children)
            )
            if not dies:
                continue
            verb = tok.head if tok.dep_ == "xcomp" else tok  # "was announced to have died"
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                continue
            if subject.lower_ == surname or (subject.lower_ in _PERSON_PRONOUNS and named):
                return True
        before = sent.text.lower()
    return False
