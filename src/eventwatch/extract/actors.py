"""Actors and recipients: the noun phrase a trigger's argument heads, resolved to name, country and sector.

Resolution order: the actor registry (``actors.tsv``: post-2014 groups, IGOs, coalitions), then country
names and demonyms inside the phrase (``countries.csv`` + ``country_aliases.tsv``), then the sector of the
head noun (eventwatch's own short list first, then the PLOVER/NGEC agent dictionary). Unnamed attackers are
``UAF`` with no country, never guessed (SCHEMA.md).
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventwatch.attribute.registry import find_person
from eventwatch.extract import _words as W
from eventwatch.extract._resources import (
    agent_sectors,
    capitals,
    countries,
    find_registry_actor,
    plain_apostrophes,
    registry_aliases,
)
from eventwatch.extract.clauses import dateline_dash, prep_object
from eventwatch.nlp.text import doc_text
from eventwatch.records import Actor, SourceKind, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from eventwatch.extract._build import Candidate

log = logging.getLogger(__name__)

# Head nouns whose sector the dev conventions fix (README "Actors"); they take precedence over the NGEC
# agent dictionary, which codes e.g. MILITANT as UAF and PROTESTER as CVL+OPP.
SECTOR_WORDS: dict[str, str] = {
    **dict.fromkeys(
        [
            "army",
            "troop",
            "force",
            "military",
            "soldier",
            "aircraft",
            "jet",
            "warplane",
            "navy",
            "marine",
            "coalition",
            "commander",
            "general",
            "battalion",
            "brigade",
            "unit",
            "helicopter",
            "warship",
            "fighter-jet",
        ],
        "MIL",
    ),
    **dict.fromkeys(["police", "officer", "policeman", "policemen", "gendarmerie", "constable"], "COP"),
    **dict.fromkeys(
        [
            "government",
            "ministry",
            "minister",
            "president",
            "regime",
            "authority",
            "administration",
            "cabinet",
            "official",
            "secretary",
            "state",
            "country",
            "nation",
            "governor",
            "mayor",
            "parliament",
            "embassy",
            "diplomat",
            "leader",
        ],
        "GOV",
    ),
    **dict.fromkeys(
        [
            "rebel",
            "militant",
            "insurgent",
            "terrorist",
            "jihadist",
            "jihadi",
            "fighter",
            "militia",
            "extremist",
            "guerrilla",
            "guerilla",
            "separatist",
            "militiaman",
            "paramilitary",
        ],
        "REB",
    ),
    **dict.fromkeys(
        [
            "civilian",
            "people",
            "resident",
            "shopper",
            "villager",
            "victim",
            "passenger",
            "worshipper",
            "student",
            "child",
            "woman",
            "man",
            "festival-goer",
            "visitor",
            "citizen",
            "family",
            "patient",
            "refugee",
            "worker",
            "person",
            "individual",
        ],
        "CVL",
    ),
    **dict.fromkeys(["protester", "demonstrator", "supporter", "counter-protester", "crowd"], "CVL"),
    **dict.fromkeys(["tribe", "tribesman", "tribesmen", "clan"], "CVL"),  # "70 members of the Al bu Nimr tribe"
    **dict.fromkeys(
        ["gunman", "gunmen", "attacker", "assailant", "suspect", "perpetrator", "bomber", "shooter"], "UAF"
    ),
    **dict.fromkeys(["prosecutor", "court", "judge", "prosecution"], "JUD"),
    **dict.fromkeys(["intelligence", "spy"], "SPY"),
    **dict.fromkeys(["opposition", "candidate", "dissident"], "OPP"),
    **dict.fromkeys(["hospital", "doctor", "medic"], "MED"),
    **dict.fromkeys(["journalist", "reporter"], "JRN"),
}
_TIME_NOUNS = frozenset({"row", "time", "night", "day", "week", "month", "year", "moment", "hour", "weekend"})
_PREFIXES = frozenset({"pro", "anti", "counter", "non", "ex", "post", "pre"})
# Words that name a police force ("Metropolitan Police sergeant"); "officer" alone is any service's.
_POLICE_FORCES = frozenset({"police", "policeman", "constable", "constabulary", "gendarmerie"})
# Ranks and service branches in a person's title ("Col. John Dorrian", "Navy Senior Chief Petty Officer X"):
# the person is military, whatever other title words say ("Officer" alone would be police).
_MILITARY_TITLES = frozenset(
    {
        "col",
        "colonel",
        "gen",
        "general",
        "lt",
        "lieutenant",
        "maj",
        "major",
        "capt",
        "captain",
        "sgt",
        "sergeant",
        "cpl",
        "corporal",
        "adm",
        "admiral",
        "brig",
        "brigadier",
        "cmdr",
        "commander",
        "petty",
        "navy",
        "army",
        "marine",
        "airman",
        "seaman",
    }
)
# Followers of the opposition are civilians (README: protesters CVL), not its leaders.
_FOLLOWERS = frozenset({"protester", "demonstrator", "supporter", "crowd", "people", "voter", "counter-protester"})
# Adjectives that make a name a part of a place ("eastern Aleppo", "northern Syria").
_PART_OF_PLACE = frozenset(
    [
        "eastern",
        "western",
        "northern",
        "southern",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "north-eastern",
        "north-western",
        "south-eastern",
        "south-western",
    ]
)
# Sectors that belong to the article's country when the phrase names none ("police", "protesters").
DOMESTIC = frozenset({"COP", "JUD", "CVL", "GOV", "OPP", "MED"})
_PRONOUNS = frozenset(["he", "she", "they", "it", "him", "her", "them", "we", "i", "us"])
# Pronouns that can only stand for one person: they skip countries and groups named since that person.
SINGULAR_PERSON_PRONOUNS = frozenset(["i", "me", "he", "him", "she", "her"])
_PLURAL_PRONOUNS = frozenset(["they", "them"])
_NP_DEPS = frozenset(
    {
        "det",
        "amod",
        "compound",
        "poss",
        "nummod",
        "case",
        "nmod",
        "quantmod",
        "advmod",
        "conj",
        "cc",
        "prep",
        "pobj",
        "punct",
        "appos",
        "npadvmod",
    }
)


@dataclass(frozen=True, slots=True)
class ArmedGroups:
    """The rebel and militant groups an article names: every mention in text order and the one it is about."""

    mentions: tuple[tuple[int, Actor], ...] = ()
    main: Actor | None = None

    def at(self, offset: int, actor: Actor | None) -> Actor | None:
        """Whose materiel or ground an unowned strike by ``actor`` at article offset ``offset`` hit: the militant
        group named last in the few sentences before it ("the campaign against ISIL ... clearing areas already
        liberated" in an article that names al-Qaida more often), else the group the article is about. Only
        groups the registry codes IMG count as near ones, and only when the article is about one: rebels the
        strikes support ("in support of SDF operations") are not their target, and in a story about a rebel
        group (Turkey's offensive on the SDF) the militants it once fought are background."""
        if self.main is None or not _is_militant(self.main):
            return self.main
        near = [
            group
            for start, group in self.mentions
            if offset - _NEAR_GROUP_CHARS <= start < offset
            and _is_militant(group)
            and (actor is None or group.name != actor.name)
        ]
        return near[-1] if near else self.main

    def named_before(self, offset: int) -> Actor | None:
        """The armed group named last in the few sentences before ``offset``: whom "the group" stands for."""
        near = [group for start, group in self.mentions if offset - _NEAR_GROUP_CHARS <= start < offset]
        return near[-1] if near else None


def _is_militant(group: Actor) -> bool:
    return "IMG" in (group.sector or "").split("/")


# A paragraph of news prose (three or four sentences): a group named further back no longer frames the clause.
_NEAR_GROUP_CHARS = 600


# Titles that say a person's gender: "he" is not the Queen, "she" not the Prince ("Andrew, Queen Elizabeth II's
# third child, ... he allegedly").
_GENDER_OF = {"he": "f", "him": "f", "his": "f", "she": "m", "her": "m"}  # the gender a pronoun rules out
_TITLES_OF = {
    "f": frozenset({"queen", "mrs", "ms", "miss", "lady", "princess", "madam", "dame"}),
    "m": frozenset({"king", "mr", "prince", "sir", "lord"}),
}


@dataclass
class ArticleActors:
    """Per-article memory: the article's own country and the last actor named (for pronouns)."""

    default_country: str | None = None
    last: Actor | None = None
    persons: dict[str, Actor] = field(default_factory=dict)
    # the given names each remembered person was first named with ("Hamza" of "Hamza bin Laden")
    given_names: dict[str, frozenset[str]] = field(default_factory=dict)
    mentions_police: bool = False
    # The non-state armed groups the article names: whose materiel "one strike destroyed a tank" hit.
    armed_groups: ArmedGroups = field(default_factory=ArmedGroups)
    # The institution that publishes the article when it is an official one ("U.S. Central Command"): the
    # "we" of its statements and the speaker of its unattributed demands.
    author: Actor | None = None
    # Every named person in text order (article offset, resolved actor): whom "I" in a quote and "he" stand for.
    person_mentions: list[tuple[int, Actor]] = field(default_factory=list)
    # The last actor named that is not one person: whom "they" stands for.
    last_group: Actor | None = None
    # Group subjects named after ``last_group``, not yet resolved (see ``note_group_subjects``).
    pending_groups: list[tuple[Token, int]] = field(default_factory=list)
    # The last force of a known country named by each force noun: whose army "the army" is.
    forces: dict[str, Actor] = field(default_factory=dict)
    # A coalition other than the counter-ISIL one that the article names ("the Saudi-led coalition"): what a
    # bare "the coalition" stands for there.
    coalition: tuple[str, str | None, str | None] | None = None

    def remember(self, actor: Actor, is_person: bool) -> None:
        """Note ``actor`` as the latest one named (``is_person``: a single named or pronoun person)."""
        self.last = actor
        if not is_person:
            self.last_group = actor
            self.pending_groups.clear()

    def person_before(self, offset: int, unlike: str | None = None, pronoun: str = "") -> Actor | None:
        """The person named last before article offset ``offset`` (whose surname is not ``unlike``, and whose
        title does not give them the other gender than ``pronoun``), or None."""
        other = _TITLES_OF.get(_GENDER_OF.get(pronoun, ""), frozenset())
        before = [
            actor
            for start, actor in self.person_mentions
            if start < offset
            and (unlike is None or _surname(actor) != unlike.lower())
            and actor.text.split()[0].lower().rstrip(".") not in other
        ]
        return before[-1] if before else None

    def arrester(self) -> Actor:
        """Who makes an arrest the text does not attribute: the police when the article names them."""
        if self.mentions_police:
            return Actor(text="police", name="police", country=self.default_country, sector="COP")
        return self.authorities()

    def authorities(self) -> Actor:
        """The state of the article's own country, for acts of state the text attributes to no one."""
        return Actor(text="authorities", name="authorities", country=self.default_country, sector="GOV")


def note_group_subjects(sent: SpacySpan, offset: int, ctx: ArticleActors) -> None:
    """Remember the last group a sentence has for a subject, event or not ("Egyptian foreign minister Sameh
    Shoukry and his Greek, Cypriot and French counterparts gathered in Cairo"): whom a later "they" means."""
    for tok in sent:
        if tok.dep_ != "nsubj" or tok.pos_ == "PRON":
            continue
        if tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children):
            ctx.pending_groups.append((tok, offset))  # resolved only if a "they" comes (resolving costs)


def _surname(actor: Actor) -> str:
    words = (actor.name or actor.text).lower().split()
    return words[-1] if words else ""


_CLAIMS_AN_ATTACK = re.compile(
    r"\bclaim(?:s|ed|ing)?\s+(?:full\s+)?(?:responsibility|credit)\b|\bclaimed\s+(?:the|this|that)\s+(?:attack|bombing|strike)",
    re.I,
)


def armed_groups(text: str, min_mentions: int = 2) -> ArmedGroups:
    """The rebel or militant groups (registry sector REB or IMG) ``text`` names. The main one is the group named
    most often, at least ``min_mentions`` times; there is none when no group dominates (a tie) or none is named,
    or when the article has a group claim an attack (then it is the attacker, not whom unattributed strikes
    hit)."""
    counts: dict[str, tuple[int, Actor]] = {}
    mentions: list[tuple[int, Actor]] = []
    text = plain_apostrophes(text)
    lowered = text.lower()
    claiming = (
        [sent for sent in re.split(r"(?<=[.!?])\s+", text) if _CLAIMS_AN_ATTACK.search(sent)]
        if _CLAIMS_AN_ATTACK.search(text)
        else []
    )
    for alias in registry_aliases():
        entry = alias.actor
        if not _is_armed_group(entry.sector):
            continue
        found = [m.start() for m in alias.pattern.finditer(text)] if alias.may_occur_in(text, lowered) else []
        if not found:
            continue
        if any(alias.pattern.search(sent) for sent in claiming):
            return ArmedGroups()  # a named group claims an attack here: it is the attacker, no one's default target
        seen, actor = counts.get(entry.name, (0, None))
        if actor is None:
            actor = Actor(text=entry.name, name=entry.name, country=entry.country, sector=entry.sector)
        counts[entry.name] = (seen + len(found), actor)
        mentions.extend((start, actor) for start in found)
    ranked = sorted(counts.values(), key=lambda item: -item[0])
    in_order = tuple(sorted(mentions, key=lambda item: item[0]))
    if not ranked or ranked[0][0] < min_mentions or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return ArmedGroups(mentions=in_order)  # no group the article is about; "the group" still has a referent
    return ArmedGroups(mentions=in_order, main=ranked[0][1])


def _np_tokens(head: Token, alone: bool = False) -> list[Token]:
    """The tokens of the noun phrase ``head`` heads (``alone``: without the phrases coordinated with it)."""
    keep: list[Token] = []

    def walk(tok: Token, depth: int) -> None:
        keep.append(tok)
        for child in tok.children:
            if child.dep_ not in _NP_DEPS or depth > 4:
                continue
            if alone and tok.i == head.i and child.dep_ in ("conj", "cc"):
                continue
            if child.dep_ == "prep" and child.lower_ not in ("of", "from", "in", "like"):
                continue
            if child.dep_ == "punct" and child.i > head.i and not _joins_words(child):
                continue
            walk(child, depth + 1)
        for child in tok.children:
            if child.dep_ not in _NP_DEPS and child.lower_ in _NAME_PARTICLES and child.i < tok.i:
                keep.append(child)  # "the Al bu Nimr tribe": the parser may read a name's particle as an interjection

    walk(head, 0)
    keep.sort(key=lambda t: t.i)
    # contiguous run around the head
    run = [t for t in keep if t.i >= head.i]
    out = [head]
    for tok in sorted((t for t in keep if t.i < head.i), key=lambda t: -t.i):
        if tok.i == out[0].i - 1:
            out.insert(0, tok)
    for tok in run[1:]:
        if tok.i == out[-1].i + 1:
            out.append(tok)
    while out and (
        out[0].dep_ in ("punct", "cc", "case")
        or (out[0].i < head.i and (_a_day(out[0]) or out[0].lower_ in _HEDGING_ADVERBS))
    ):
        # "It was reported on Saturday Sirhan Sirhan was stabbed", "stabbed reportedly several people": the day
        # and the hedge are no part of the phrase
        out.pop(0)
    while out and out[-1].dep_ in ("punct", "cc", "case"):  # "case": a possessive mark ("militants’ centres")
        out.pop()
    return out or [head]


# Lower-case words inside Arabic and other names ("Al bu Nimr", "Abu Bakr al-Baghdadi", "bin Laden").
_NAME_PARTICLES = frozenset({"bu", "bin", "ibn", "bint", "al", "el", "abu", "bani", "beni", "de", "van", "von"})
_HEDGING_ADVERBS = frozenset({"reportedly", "allegedly", "apparently", "possibly", "purportedly", "supposedly"})


def _a_day(tok: Token) -> bool:
    """A day the parser compounded into a name ("Saturday Sirhan Sirhan"; not "yesterday's march")."""
    return tok.dep_ == "compound" and tok.ent_type_ in ("DATE", "TIME") and tok.lower_ in W.DAY_OWNERS


def _joins_words(tok: Token) -> bool:
    """A hyphen written without spaces joins the words of one name ("al-Qaim", "Al bu-Nimr")."""
    return tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


def _countries_in(tokens: list[Token]) -> list[str]:
    table = countries()
    # a nisba is part of a name, not a nationality: "Abu Jandal al-Kuwaiti", "Abu Ayyub al-Masri"; an ethnic
    # group is no state's people: "ethnic Albanians in south Serbia"
    words = [
        "" if _may_name(t, table) and (is_nisba(t) or after_ethnic(t) or _capital_in_a_name(t)) else t.text
        for t in tokens
    ]
    found: list[str] = []
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1):
            phrase = " ".join(words[i : i + n]).lower()
            phrase = re.sub(r"(’s|'s)$", "", phrase)
            if n == 1 and phrase not in table and phrase.endswith("s") and words[i][:1].isupper():
                phrase = phrase[:-1]  # a plural demonym the table lacks: "Serbians"
            if phrase in table and table[phrase] and (len(phrase) > 2 or words[i].isupper()):
                if table[phrase] not in found:
                    found.append(table[phrase])
                i += n - 1
                break
        i += 1
    return found


def _may_name(tok: Token, table: dict[str, str]) -> bool:
    """Whether ``tok`` alone may name a country in ``table`` (as a plural too: "Turks")."""
    low = tok.lower_
    return low in table or (low.endswith("s") and low[:-1] in table)


def _capital_in_a_name(tok: Token) -> bool:
    """A capital that is part of a person's name ("Sudesh Amman") stands for no government."""
    return tok.ent_type_ == "PERSON" and tok.lower_ in capitals()


def is_capital(tok: Token) -> bool:
    """True for a capital that news uses for its government ("Beirut rejected"); before an act noun it only
    says where ("the Kabul car bombing")."""
    return tok.lower_ in capitals()


def after_ethnic(tok: Token) -> bool:
    """True for a demonym that names an ethnic group ("ethnic Albanians"), not a state's people."""
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ == "ethnic"


def is_nisba(tok: Token) -> bool:
    """True for the word after a joined "al-" in a name ("al-Kuwaiti", "el-Masri")."""
    before = _joined_before(tok)
    return before is not None and before.lower_ in ("al", "el")


def _joined_before(tok: Token) -> Token | None:
    """The word a hyphen written without spaces joins to ``tok`` ("al" of "al-Kuwaiti", "ISIL" of "ISIL-held")."""
    if tok.i < 2:
        return None
    hyphen = tok.doc[tok.i - 1]
    return tok.doc[tok.i - 2] if hyphen.text == "-" and _joins_words(hyphen) else None


def _registry(text: str) -> tuple[str, str | None, str | None] | None:
    actor = find_registry_actor(text)
    return (actor.name, actor.country, actor.sector) if actor is not None else None


_GROUP_NOUNS = frozenset({"group", "militia", "movement", "organisation", "organization", "faction"})


def _just_the(head: Token) -> bool:
    """ "the group", "the militant group", "the armed group": a definite group noun with no name of its own."""
    mods = [c for c in head.children if c.i < head.i]
    return (
        bool(mods)
        and mods[0].lower_ == "the"
        and all(c.lower_ in ("the", "militant", "armed", "rebel", "jihadist", "islamist") for c in mods)
    )


_THINGS_OF_A_BODY = frozenset(
    {"resolution", "report", "statement", "plan", "proposal", "deal", "agreement", "mandate", "mission", "convoy"}
    | {"decision", "sanction", "investigation", "inquiry", "ruling", "veto", "vote", "draft", "charter"}
)
_GLOBAL_COALITION = "Combined Joint Task Force - Operation Inherent Resolve"
# Aliases that name the counter-ISIL coalition by itself, not a coalition in general.
_GLOBAL_COALITION_NAMES = ("cjtf", "inherent resolve", "counter-isil", "global coalition")


def _registry_exact(text: str) -> tuple[str, str | None, str | None] | None:
    """The registry entry ``text`` names when it names the counter-ISIL coalition outright, else None."""
    lowered = text.lower()
    return _registry(text) if any(name in lowered for name in _GLOBAL_COALITION_NAMES) else None


def named_coalition(text: str) -> tuple[str, str | None, str | None] | None:
    """The first coalition other than the counter-ISIL one that the article names (see ``ArticleActors``)."""
    lowered = text.lower()
    found = [
        (m.start(), a.actor)
        for a in registry_aliases()
        if "coalition" in a.actor.name.lower()
        and a.actor.name != _GLOBAL_COALITION
        and (m := a.search_in(text, lowered)) is not None
    ]
    if not found:
        return None
    actor = min(found, key=lambda f: f[0])[1]
    return actor.name, actor.country, actor.sector


QUANTITY_NOUNS = frozenset(
    {"dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand", "thousands", "tens", "handful"}
    | {"millions", "crowds"}
)


def _sector(head: Token, tokens: list[Token]) -> str | None:
    """The sector of the phrase ``tokens`` headed by ``head``; an "opposition" qualifier makes a leader or
    politician opposition ("Russian opposition leader Alexei Navalny", "an opposition politician"), whatever
    the agent dictionary says of the title alone (NGEC: OPPOSITION_LEADER is CVL, POLITICIAN is PTY)."""
    if head.lemma_.lower() in QUANTITY_NOUNS or head.lower_ in QUANTITY_NOUNS or head.lemma_.lower() == "member":
        # "dozens of Syrian civilians", "scores of fighters", "a member of the Turkish security forces": the
        # people counted or belonged to, not the count
        head = prep_object(head, "of") or head
    sector = _head_sector(head, tokens)
    qualified = any(t.lower_ == "opposition" for t in tokens if t.i < head.i)
    if qualified and sector in (None, "GOV", "PTY", "LEG", "CVL") and head.lemma_.lower() not in _FOLLOWERS:
        return "OPP"
    return sector


def _head_sector(head: Token, tokens: list[Token]) -> str | None:
    agents = agent_sectors()
    lemmas = [t.lemma_.lower() for t in tokens if t.i <= head.i]
    for n in (3, 2):
        phrase = " ".join(lemmas[-n:])
        if len(lemmas) >= n and phrase in agents:  # multi-word agents only: one word goes by our list first
            return agents[phrase]
    lemma = head.lemma_.lower()
    if lemma in SECTOR_WORDS:
        return SECTOR_WORDS[lemma]
    if head.lower_ in SECTOR_WORDS:
        return SECTOR_WORDS[head.lower_]
    if lemma in agents:
        return agents[lemma]
    titles = [t for t in tokens if t.i < head.i]
    if head.pos_ == "PROPN" and any(t.lower_.rstrip(".") in _MILITARY_TITLES for t in titles):
        # a rank is the armed forces', unless a police force holds it ("Metropolitan Police sergeant X")
        return "COP" if any(t.lemma_.lower() in _POLICE_FORCES for t in titles) else "MIL"
    for tok in reversed(titles):  # titles before a name: "security minister Wiranto"
        if tok.lemma_.lower() in SECTOR_WORDS:
            return SECTOR_WORDS[tok.lemma_.lower()]
    if head.pos_ == "PROPN":  # a title our short list lacks: "German Chancellor Angela Merkel"
        for tok in reversed(titles):
            if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in agents:
                return agents[tok.lemma_.lower()]
    return None


def is_country_name(tok: Token) -> bool:
    """True when ``tok`` is (part of) a country name or demonym: "U.S.", "Russian", "United States"."""
    if tok.ent_type_ and tok.ent_iob_ != "O":
        start = tok.i
        while start > 0 and tok.doc[start].ent_iob_ == "I":
            start -= 1
        end = tok.i + 1
        while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
            end += 1
        if bool(_countries_in(list(tok.doc[start:end]))):
            return True
    return bool(_countries_in([tok]))


def is_actor_phrase(tok: Token, military: bool = False) -> bool:
    """True when ``tok`` names an actor (registry entry, country/demonym, or an agent noun)."""
    reg = _registry(tok.text)
    if reg is not None:
        return not military or (reg[2] or "")[:3] in ("MIL", "REB", "GOV")
    if military:
        return SECTOR_WORDS.get(tok.lemma_.lower()) in ("MIL", "REB")
    return tok.ent_type_ in ("NORP", "GPE") or tok.text.lower() in countries() or tok.lemma_.lower() in SECTOR_WORDS


_STATE_NOUNS = frozenset({"nation", "country", "state", "power", "government"})


def _is_several_states(head: Token) -> bool:
    """True for a plural of states ("European nations", "foreign powers"): several countries at once have
    no one country (SCHEMA.md), and they are never the article's own."""
    return head.tag_ == "NNS" and head.lemma_.lower() in _STATE_NOUNS


def _means_of_attack(head: Token) -> Token | None:
    """The noun that names an attack or weapon in ``head``'s phrase ("bomb", "airstrikes", "a series of
    airstrikes"); None when the phrase names none."""
    if head.lemma_.lower() in W.ATTACK_QUANTIFIERS:
        head = prep_object(head, "of") or head
    return head if head.lemma_.lower() in W.MEANS_OF_ATTACK or head.lower_ in W.MEANS_OF_ATTACK else None


def _antecedent(head: Token, offset: int, ctx: ArticleActors, material: bool) -> Actor | None:
    """The actor a personal pronoun stands for, by number and animacy: "I" (a quoted speaker) and "he"/"she"
    are the person named last, unless an unnamed lone attacker ("a man", "the gunman") came later; "they" is
    the last actor that is not one person; None for other words."""
    low = head.lower_
    if (low not in _PRONOUNS and low != "me") or head.pos_ != "PRON":
        return None  # "the US airstrike": the country, not "us"
    speaker = _reporting_subject(head)
    if speaker is not None:
        return resolve(speaker, offset, ctx, material)
    if low in SINGULAR_PERSON_PRONOUNS:
        # "Sirhan shot him": an object pronoun is never its own clause's subject
        doer = next((c for c in head.head.children if c.dep_ == "nsubj"), None) if low in ("him", "her") else None
        unlike = doer.text if doer is not None and doer.ent_type_ == "PERSON" else None
        person = ctx.person_before(offset + head.idx, unlike, low)
        last = ctx.last
        lone = last is not None and _surname(last) in _LONE_ATTACKERS
        if person is not None and not (lone and last is not None and _later(last, person)):
            return person
        if low in ("he", "him", "she", "her") and last is not None and _a_body(last):
            return None  # "he was shot by another police officer" after "shot dead by police": not the police
    if low in _PLURAL_PRONOUNS and ctx.pending_groups:
        pending = ctx.pending_groups[::-1]
        ctx.pending_groups.clear()
        for subject, at in pending:  # the latest group subject that names an actor
            group = resolve(subject, at, ctx, material=False)
            if group is not None and group.sector is not None:
                ctx.last_group = group
                break
    if low in _PLURAL_PRONOUNS and ctx.last_group is not None:
        return ctx.last_group
    if low == "it" and head.dep_ == "nsubjpass" and material and _is_attacker(ctx.last):
        return None  # "it was targeted with a car bomb": the building or base just named, not who attacked
    return ctx.last


# Words for a body of people, never one person a "he" or "she" stands for.
_BODIES = frozenset({"police", "army", "military", "government", "forces", "troops", "authorities", "officials"})


def _a_body(actor: Actor) -> bool:
    words = (actor.name or actor.text).lower().split()
    return bool(words) and words[-1] in _BODIES


def _is_attacker(actor: Actor | None) -> bool:
    return actor is not None and bool({"REB", "IMG", "UAF", "CRM"} & set((actor.sector or "").split("/")))


def _reporting_subject(pronoun: Token) -> Token | None:
    """The subject of the clause a pronoun subject's clause reports, when they agree: "The government said it
    would not consider requests", "The rebels said they had taken the town", "Cook said he ..."."""
    clause = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
        return None
    said = next((c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
    if said is None or said.i > pronoun.i:
        return None
    low = pronoun.lower_
    person = said.ent_type_ == "PERSON"
    plural = said.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in said.children)
    if low == "it" and not person and not plural and said.ent_type_ not in ("NORP", "DATE", "TIME"):
        return said
    if low == "they" and plural and not person:
        return said
    if low in ("he", "she") and person:
        return said
    return None


# A relative pronoun is never an actor's name: it stands for the noun its clause hangs on.
_RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
_NAMED_ACTORS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _relative_noun(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: the one its clause modifies ("the man who kidnapped the
    child"), or, where the parser made the clause a complement or conjunct ("claimed by Daesh that targeted
    mourners"), the noun just before it; None when there is none ("That deploying ..." opening a sentence)."""
    clause = pronoun.head
    if clause.dep_ in ("relcl", "acl") and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    before = pronoun.i - 1
    if before >= pronoun.sent.start and pronoun.doc[before].text == ",":
        before -= 1
    if before < pronoun.sent.start:
        return None
    noun = pronoun.doc[before]
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.i != clause.i else None


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _is_name_suffix(token: Token) -> bool:
    """ "Jr." ends many names; as a key it would make "Patrick Carlineo Jr." the "James Kennedy Jr." met before."""
    return token.text.rstrip(".").lower() in _NAME_SUFFIXES


def _later(a: Actor, b: Actor) -> bool:
    return a.span is not None and b.span is not None and a.span.start > b.span.start


# Platforms the small English model often tags PERSON ("Trump, also on Twitter, ..."): never a speaker.
_PLATFORMS = frozenset({"twitter", "facebook", "telegram", "youtube", "instagram", "whatsapp", "tiktok", "reddit"})


def register_persons(docs: list[tuple[int, Doc]], ctx: ArticleActors) -> None:
    """Record every named person of the article, in text order, with the country and sector its fullest
    mention gives ("Turkish President Recep Tayyip Erdoğan"), so that a later bare "Erdoğan", "he" or the "I" of
    a quote resolves to it. ``docs``: (article offset, parsed paragraph)."""
    for offset, doc in docs:
        for ent in doc.ents:
            if ent.label_ != "PERSON" or ent.root.lower_ in _PLATFORMS or _registry(ent.text) is not None:
                continue  # a platform, or a group the model took for a person ("Tahrir al-Sham")
            actor = resolve(ent.root, offset, ctx, material=False)
            if actor is not None and actor.span is not None:
                ctx.person_mentions.append((actor.span.start, actor))
    # Repeated surnames the model did not tag PERSON, or even took for an adjective ("Trump, also on Twitter,
    # defended ...").
    tagged = {start for start, _ in ctx.person_mentions}
    for offset, doc in docs:
        for tok in doc:
            is_key = tok.text[:1].isupper() and tok.dep_ != "compound" and not _is_name_suffix(tok)
            known = ctx.persons.get(tok.text) if is_key else None
            if known is not None and tok.ent_type_ != "PERSON" and offset + tok.idx not in tagged:
                ctx.person_mentions.append((offset + tok.idx, known))
    ctx.person_mentions.sort(key=lambda item: item[0])


def resolve(head: Token, offset: int, ctx: ArticleActors, material: bool, alone: bool = False) -> Actor | None:
    """The actor whose phrase ``head`` heads; ``offset`` maps token offsets to article offsets.

    ``material`` says the event is a material act (a bare country acting with force is its military). ``alone``
    leaves out the phrases coordinated with it (the other side of "clashes between protesters and police").
    None when the phrase is not an actor after all.
    """
    if head.is_bracket or head.is_quote:
        return None  # a bracket or quote the parser hung as an argument ("urge [Lam]")
    if head.lower_ in ("we", "us") and head.pos_ == "PRON" and ctx.author is not None:
        return ctx.author  # an official statement's "we" is its publisher
    if head.ent_type_ in ("DATE", "TIME") or head.lemma_.lower() in _TIME_NOUNS:
        return None  # "the November attacks", "the fourth night in a row that Serbians protested": when, not who
    if head.lower_ in _PREFIXES and head.i + 1 < len(head.doc) and head.doc[head.i + 1].text == "-":
        return None  # the "pro" of "pro-Democracy protests", split off by the tokenizer
    if head.lower_ in _RELATIVE_PRONOUNS:
        noun = _relative_noun(head)
        if (
            noun is not None
            and noun.ent_type_ in ("GPE", "LOC", "FAC")
            and not is_country_name(noun)
            and _registry(noun.text) is None  # the model tags "Daesh" a place
        ):
            return None  # "in Hasaka Province, which targeted ...": the clause hangs on a place, which acts never
        actor = resolve(noun, offset, ctx, material) if noun is not None else None
        # "the commercial area ..., which killed": the noun is an actor only if it names one
        if actor is None or (actor.sector is None and noun is not None and noun.ent_type_ not in _NAMED_ACTORS):
            return None
        return actor
    pronoun = _antecedent(head, offset, ctx, material)
    if pronoun is not None:
        return pronoun
    if head.lemma_.lower() == "enemy" and [c.lower_ for c in head.children] == ["the"]:
        # "The enemy has used chemical weapons": in a story about a militant group, that group
        enemy = ctx.armed_groups.at(offset + head.idx, None)
        if enemy is not None and _is_militant(enemy):
            return Actor(
                text=head.doc[head.i - 1 : head.i + 1].text,
                span=Span(offset + head.doc[head.i - 1].idx, offset + head.idx + len(head.text)),
                name=enemy.name,
                country=enemy.country,
                sector=enemy.sector,
            )
    if head.lemma_.lower() in _GROUP_NOUNS and _just_the(head):
        # "Israel struck Hezbollah depots after the group fired rockets": the armed group just named
        group = ctx.armed_groups.named_before(offset + head.idx)
        if group is not None:
            first = head.left_edge
            return Actor(
                text=head.doc[first.i : head.i + 1].text,
                span=Span(offset + first.idx, offset + head.idx + len(head.text)),
                name=group.name,
                country=group.country,
                sector=group.sector,
            )
    tokens = _np_tokens(head, alone)
    dash = dateline_dash(head.doc)
    if dash is not None and tokens[0].i <= dash < head.i:
        tokens = [t for t in tokens if t.i > dash]  # "SOUTHWEST ASIA - U.S. and coalition military forces"
    if head.dep_ == "compound" and head.lemma_.lower() in W.TROOPS:
        # "a Syrian army operation": the parser hangs "Syrian" on the operation, but it says whose army it is.
        while tokens[0].i > 0 and (before := head.doc[tokens[0].i - 1]).head.i == head.head.i:
            if before.dep_ not in ("amod", "compound") or before.ent_type_ not in ("NORP", "GPE"):
                break
            tokens.insert(0, before)
    if tokens[0].lower_ in ("near", "in", "at", "outside") and not _counted(tokens):
        return None  # "Near Palmyra, one strike ...": a place the parser took for a subject
    if head.pos_ == "PROPN" and any(c.dep_ == "amod" and c.lower_ in _PART_OF_PLACE for c in head.children):
        return None  # "to storm eastern Aleppo": a part of a named place is where, not whom
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc_text(head.doc)[start:end]
    span = Span(offset + start, offset + end)
    reg = _registry(text) or _holder(tokens)
    if reg is not None and reg[0] == _GLOBAL_COALITION and ctx.coalition is not None and reg != _registry_exact(text):
        reg = ctx.coalition  # "the coalition" in a story on the Saudi-led one
    if reg is not None:
        # "a UN resolution", "a NATO report": a thing of the body keeps its own words as its name
        name = text if head.lemma_.lower() in _THINGS_OF_A_BODY else reg[0]
        actor = Actor(text=text, span=span, name=name, country=reg[1], sector=reg[2])
        if head.ent_type_ == "PERSON" and _unknown_person(ctx, head):
            # "Pentagon Press Secretary Peter Cook": a later "Cook" serves the same institution
            _note_person(ctx, head, tokens, Actor(text=text, span=span, name=text, country=reg[1], sector=reg[2]))
        return actor
    found = _countries_in(tokens)
    means = _means_of_attack(head)
    if means is not None:
        # "a roadside bomb killed ...": no actor named; "U.S. airstrikes killed ...": that state's military. Only
        # a country before the noun owns it: "barrel bomb attacks in Syria" says where, not whose.
        found = _countries_in([t for t in tokens if t.i < means.i and not is_capital(t)])
        if len(found) != 1:
            return None
        return Actor(text=text, span=span, name=text, country=found[0], sector="MIL")
    country = found[0] if len(found) == 1 else None
    if len(found) > 1 and not any(c.dep_ == "conj" for c in head.children):
        # "an Iraqi air base housing U.S. military personnel": the country before the noun is the thing's own;
        # those in what follows it describe something else
        own = _countries_in([t for t in tokens if t.i < head.i])
        country = own[0] if len(own) == 1 else None
    sector = _sector(head, tokens)
    person = find_person(text) if not found and head.pos_ == "PROPN" else None
    if person is not None:
        # a leader the people registry knows ("Boris Johnson", "President Trump"): that state's official
        found = [person.country] if person.country else []
        country = person.country
        sector = sector or _KIND_SECTORS.get(person.kind)
    base_sector = sector  # before "acting with force" widens GOV: "the government" is domestic either way
    # "An Australian, Brenton Tarrant", "more than 300 Indians": people of that nationality, not the state
    one_national = head.ent_type_ == "NORP" and any(
        (c.dep_ == "det" and c.lower_ in ("a", "an")) or c.dep_ == "nummod" for c in head.children
    )
    # "protests by Turks angry over ...", "Thousands of Iraqis protested": a nation's people, counted or bare
    # ("the Russians" may still be a state's forces)
    one_national = one_national or _nationals(head)
    if one_national and sector is None:
        sector = base_sector = SECTOR_WORDS["person"]
    # a state named by its country, or a place acting as one ("Athens expelled the Libyan ambassador"); a town
    # acted on is a place, no state ("the operation to liberate Mosul")
    head_is_country = (
        not one_national
        and not is_nisba(head)
        and not _capital_in_a_name(head)
        and (
            head.text.lower() in countries()
            or (head.ent_type_ == "GPE" and (is_country_name(head) or head.dep_.startswith("nsubj")))
        )
    )
    if head_is_country and sector in (None, "GOV"):
        sector = "GOV/MIL" if material else "GOV"
    elif material and sector == "GOV":
        sector = "GOV/MIL"  # a government acting with force (README: "the Syrian government acting with force")
    if head.pos_ == "PROPN" and sector is None:
        # "Sviatlana Tsikhanouskaya, an opposition candidate for the Belarusian presidential election": the
        # apposition says who the named one is (the model tags such names PERSON or ORG alike); else an
        # earlier, fuller mention of the same name does.
        appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")), None)
        if appos is not None:
            # "Abu Jandal al-Kuwaiti, an ISIL gang leader": a group the apposition names is whom he belongs to
            appos_tokens = _np_tokens(appos)
            member_of = _registry(
                doc_text(head.doc)[appos_tokens[0].idx : appos_tokens[-1].idx + len(appos_tokens[-1].text)]
            )
            if member_of is not None and _is_armed_group(member_of[2]):
                member = Actor(text=text, span=span, name=text, country=member_of[1], sector=member_of[2])
                if head.ent_type_ == "PERSON" and _unknown_person(ctx, head):
                    _note_person(ctx, head, tokens, member)  # a later "Abu Jandal" is the same ISIL leader
                return member
            sector = sector or _sector(appos, appos_tokens)
            found = found or _countries_in(list(appos.subtree))
            country = country or (found[0] if len(found) == 1 else None)
            base_sector = base_sector or sector
    # The small model tags a repeated surname as ORG as often as PERSON ("after Trump had a call"): any
    # capitalised word that names a person met before is that person.
    known = ctx.persons.get(head.text) if head.text[:1].isupper() and not _is_name_suffix(head) else None
    namesake = _namesake_keys(ctx, head) if known is not None else None
    if namesake is not None:
        # "Osama bin Laden" after "Hamza bin Laden": a namesake, known by his own given name if at all
        known = next((ctx.persons[k] for k in namesake if k in ctx.persons), None)
    if known is not None:
        if sector is None:
            return Actor(text=text, span=span, name=known.name, country=known.country, sector=known.sector)
        if country is None and not found and (known.sector or "")[:3] == (sector or "")[:3]:
            country = known.country
    if sector == "UAF":
        country = None
    elif (
        country is None
        and not found
        and head.ent_type_ == "PERSON"
        and ctx.author is not None
        and (base_sector or "")[:3] == (ctx.author.sector or "")[:3]
    ):
        country = ctx.author.country  # an officer quoted in a military's own release serves that military
    elif (
        country is None
        and not found
        and _is_secretary(tokens)
        and ctx.author is not None
        and ctx.author.country is not None
        and is_state_force(ctx.author)
    ):
        # "The Foreign Secretary", "Defense Secretary Ash Carter" in a government's or military's own statement:
        # its own secretaries are named by office alone, foreign ones with their country ("Russian Foreign Minister")
        country = ctx.author.country
    elif country is None and not found and ctx.author is not None and _names_publisher(tokens, ctx.author):
        country = ctx.author.country  # "the State Department" in a State Department statement
    elif country is None and not found and base_sector in DOMESTIC and not _is_several_states(head):
        country = ctx.default_country
    if country is None and not found:
        country = _owner_country(head)  # "Russia denied reports that its jets had bombed a hospital"
    force_words = [t.lemma_.lower() for t in tokens if t.pos_ == "NOUN" and t.lemma_.lower() in W.TROOPS]
    if country is None and not found and force_words and tokens[0].lower_ == "the":
        # "the army soldiers are now ready": a definite force names the one of that kind named before.
        earlier = next((ctx.forces[w] for w in force_words if w in ctx.forces), None)
        country = earlier.country if earlier is not None else None
    actor = Actor(text=text, span=span, name=text, country=country, sector=sector)
    if country is not None and sector == "MIL":
        ctx.forces.update(dict.fromkeys(force_words, actor))
    if head.ent_type_ == "PERSON" and sector is not None and _unknown_person(ctx, head):
        _note_person(ctx, head, tokens, actor)  # the first, fullest mention names the person's country and office
    return actor


def _given_names(head: Token, tokens: Iterable[Token]) -> frozenset[str]:
    """The given names before a person's surname, without titles ("Qasem" of "General Qasem Soleimani")."""
    return frozenset(
        t.text
        for t in tokens
        if t.i < head.i
        and t.ent_type_ == "PERSON"
        and t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and t.text.rstrip(".").lower() not in _TITLE_WORDS
    )


def _namesake_keys(ctx: ArticleActors, head: Token) -> list[str] | None:
    """For a name of another person with the remembered surname (both name given names, none shared), the keys
    it is remembered under itself ("Osama Laden"); None when it is no namesake."""
    now = _given_names(head, head.subtree)
    then = ctx.given_names.get(head.text, frozenset())
    if not now or not then or now & then:
        return None
    return [f"{given} {head.text}" for given in sorted(now)]


# Words before a name that are titles, not given names.
_TITLE_WORDS = frozenset(
    {"general", "gen", "president", "minister", "prime", "mr", "mrs", "ms", "dr", "sheikh", "imam", "king"}
    | {"queen", "prince", "secretary", "ambassador", "commander", "spokesman", "colonel", "col", "lt", "capt"}
    | {"sgt", "maj", "major", "captain", "lieutenant", "sergeant", "admiral", "adm", "cmdr", "senator", "sen"}
)


def _unknown_person(ctx: ArticleActors, head: Token) -> bool:
    """Whether the name is of a person not yet remembered (a namesake of one who is counts as unknown)."""
    if _is_name_suffix(head):
        return False
    if head.text not in ctx.persons:
        return True
    keys = _namesake_keys(ctx, head)
    return keys is not None and not any(k in ctx.persons for k in keys)


def _note_person(ctx: ArticleActors, head: Token, tokens: list[Token], actor: Actor) -> None:
    """Remember a named person under the word a later bare mention is headed by: the surname (unless a namesake
    has it), each given name with it, and for a name opened by a kunya the kunya's name ("Abu Jandal al-Kuwaiti"
    is "Abu Jandal" again)."""
    given = _given_names(head, tokens)
    if head.text not in ctx.persons:
        ctx.persons[head.text] = actor
        ctx.given_names[head.text] = given
    for name in given:
        ctx.persons.setdefault(f"{name} {head.text}", actor)
    for first, second in itertools.pairwise(tokens):
        if first.text in _KUNYA and second.text[:1].isupper() and second.i < head.i:
            ctx.persons.setdefault(second.text, actor)
            break


# Words that open an Arabic kunya ("Abu Bakr", "Umm Hassan"): the name is called by it alone.
_KUNYA = frozenset({"Abu", "Umm", "Abou", "Abo"})


def _nationals(head: Token) -> bool:
    """A plural demonym without an article ("Turks angry over ...", "many Syrians") or counted by a multitude
    ("Thousands of Iraqis"): people of that nation, not its state."""
    if head.lower_ in QUANTITY_NOUNS:
        people = prep_object(head, "of")
        return people is not None and people.ent_type_ == "NORP" and people.tag_ in ("NNPS", "NNS")
    return (
        head.ent_type_ == "NORP"
        and head.tag_ in ("NNPS", "NNS")
        and not any(c.dep_ in ("det", "poss") for c in head.children)
    )


def _holder(tokens: list[Token]) -> tuple[str, str | None, str | None] | None:
    """The registry entry of the group that holds what the phrase names ("ISIL-held terrain", "Houthi-controlled
    areas"): ground and materiel held by a group are that group's (gold/dev README)."""
    for tok in tokens:
        holder = _joined_before(tok) if tok.lower_ in _HELD else None
        if holder is not None and (entry := _registry(holder.text)) is not None:
            return entry
    return None


# Participles after a hyphen that make the name before them the holder of the noun they modify.
_HELD = frozenset({"held", "controlled", "occupied", "run", "besieged", "administered"})
_HELD_PHRASE = re.compile(r"\w-(?:" + "|".join(sorted(_HELD)) + r")\b", re.I)


def names_held_ground(actor: Actor) -> bool:
    """True when ``actor`` stands for the holder of what its phrase names ("the ISIL-held town of Hit")."""
    return actor.span is not None and bool(_HELD_PHRASE.search(actor.text))


# The sector of a person the people registry (attribute/registry.py) lists, by the kind of source they are.
_KIND_SECTORS = {SourceKind.OFFICIAL: "GOV", SourceKind.MILITARY: "MIL", SourceKind.UN_IO: "IGO"}


def _is_secretary(tokens: list[Token]) -> bool:
    """A secretary of state's office ("Foreign Secretary", "Secretary of State"), not the UN's Secretary-General."""
    return any(
        t.lower_ == "secretary" and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("-", "general"))
        for t in tokens
    )


def is_state_force(actor: Actor | None) -> bool:
    """A state's military or government ("GOV/MIL", "MIL"): the sectors that act with force for a state."""
    return actor is not None and bool({"MIL", "GOV"} & set((actor.sector or "").split("/")))


def _is_armed_group(sector: str | None) -> bool:
    """A rebel or militant group's sector (REB, IMG or both)."""
    return bool({"REB", "IMG"} & set((sector or "").split("/")))


def _counted(tokens: list[Token]) -> bool:
    """True for a phrase that opens with a bound on a number ("at least five"), not a place preposition."""
    return len(tokens) > 1 and tokens[0].lower_ == "at" and tokens[1].lower_ in ("least", "most")


def _owner_country(head: Token) -> str | None:
    """The country that "its" / "their" before ``head`` stands for: the subject of a clause above that names
    one country ("Russia denied reports that its jets had bombed ...", "Turkey said its troops ...")."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if owner is None:
        return None
    for above in head.ancestors:
        subj = next(
            (c for c in above.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < owner.i and c.i != head.i), None
        )
        if subj is not None:
            found = _countries_in(list(subj.subtree))
            return found[0] if len(found) == 1 else None
    return None


def _names_publisher(tokens: list[Token], publisher: Actor) -> bool:
    """True when every content word of the phrase is a word of the publisher's name ("the State Department",
    "the Department" for "U.S. Department of State")."""
    words = {t.lower_ for t in tokens if t.pos_ in ("NOUN", "PROPN")}
    name = {w.casefold() for w in re.findall(r"[A-Za-z]+", publisher.name or publisher.text)}
    return bool(words) and words <= name


@functools.cache
def _country_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation over every country name, longest first, compiled once (was one regex per name and
    text: 95 % of the stage's time in bench/throughput.py)."""
    table = {name.casefold(): iso3 for name, iso3 in countries().items() if iso3}
    names = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.I)
    return pattern, table


_MILITARY_PUBLISHERS = frozenset({"command", "defense", "defence", "army", "military", "forces", "navy", "pentagon"})
_STATE_PUBLISHERS = frozenset(
    {"government", "ministry", "department", "office", "embassy", "presidency", "gov", "state", "parliament"}
)


def publisher_actor(outlet: str | None) -> Actor | None:
    """The actor an official publisher stands for ("U.S. Central Command (CENTCOM)" -> USA MIL, "GOV.UK (UK
    Government)" -> GBR GOV); None for news outlets and for publishers naming no country."""
    if not outlet:
        return None
    words = {w.casefold() for w in re.findall(r"[A-Za-z]+", outlet)}
    sector = "MIL" if words & _MILITARY_PUBLISHERS else "GOV" if words & _STATE_PUBLISHERS else None
    country = article_country([outlet])
    if sector is None or country is None:
        return None
    return Actor(text=outlet, name=outlet, country=country, sector=sector)


def article_country(texts: list[str], publisher: str | None = None) -> str | None:
    """The first country named in the article's opening lines (its "own" country for domestic actors).

    A government publisher's own country is skipped: a State Department statement that "The United States
    condemns the attack in Baghdad" is about another country's civilians and police, and when it names no
    other country the article has no own country rather than the publisher's.
    """
    pattern, table = _country_pattern()
    for text in texts:
        for match in pattern.finditer(text):
            surface = match.group(0)
            # A name counts when written as a name: capitalised, and short codes ("US", "UK") in capitals.
            if not surface[0].isupper() or (len(surface) < 3 and not surface.isupper()):
                continue
            if _dateline_capital(text, match):
                continue
            if table[surface.casefold()] != publisher:
                return table[surface.casefold()]
    return None


def _dateline_capital(text: str, match: re.Match[str]) -> bool:
    """A capital opening the story as its dateline ("BEIRUT — A cease-fire in Aleppo ..."): where the reporter
    files from, often a neighbour's capital, not the story's country."""
    return (
        match.group(0).casefold() in capitals()
        and not text[: match.start()].strip()
        and text[match.end() :].lstrip()[:1] in (",", "(", "\u2014", "\u2013", "-")
    )


# A lone attacker named only by what he is; the README codes him UAF, or CRM/REB when the article frames the
# attack as terrorism ("lone attackers framed as terrorists").
_LONE_ATTACKERS = frozenset(
    {"man", "woman", "gunman", "attacker", "assailant", "shooter", "suspect", "teenager", "youth", "knifeman"}
)
# Nouns that can only mean the attacker ("a man" may be a victim): in a terror-framed article they are him.
_ATTACKER_NOUNS = frozenset({"gunman", "attacker", "assailant", "shooter", "suspect", "knifeman", "perpetrator"})
_TERROR_FRAMING = re.compile(r"\bterror(?:ism|ist|ists)?\b", re.IGNORECASE)
UNKNOWN_ATTACKER = Actor(text="unidentified attacker", sector="UAF")


def settle_attackers(cands: list[Candidate], ctx: ArticleActors, text: str) -> None:
    """After merging: a ground attack nobody is named for gets the unknown attacker (UAF, never a guess), and a
    lone attacker in an article that speaks of terrorism is coded CRM/REB in the article's country, in every
    event he takes part in."""
    framed = bool(_TERROR_FRAMING.search(text))
    recoded: dict[Actor, Actor] = {}
    for cand in cands:
        if cand.plover != "ASSAULT":
            continue
        actor = cand.actor1
        if actor is None:
            if cand.mode not in ("aerial", "drone"):  # air strikes are some state's: left open, not "unknown"
                cand.actor1 = UNKNOWN_ATTACKER
            continue
        if actor.country is None and actor.sector is None and cand.mode not in ("aerial", "drone"):
            # A name we cannot code ("the Dayton shooting" parsed with Dayton as its agent) says nothing of who
            # attacked: an unidentified attacker.
            actor = cand.actor1 = Actor(text=actor.text, span=actor.span, name=actor.name, sector="UAF")
        words = (actor.name or actor.text).lower().split()
        if framed and words and words[-1] in _LONE_ATTACKERS and (actor.sector or "UAF") in ("UAF", "CVL"):
            recoded[actor] = cand.actor1 = _as_terrorist(actor, ctx)
    if not framed:
        return
    # The same attacker wherever else he appears: "police shot him", "prosecutors charged the suspect".
    for cand in cands:
        for role in ("actor1", "actor2"):
            actor = getattr(cand, role)
            if actor is None or actor == UNKNOWN_ATTACKER:
                continue  # an attack nobody is named for is another attack, not his
            if actor in recoded:
                setattr(cand, role, recoded[actor])
            elif (actor.sector or "UAF") in ("UAF", "CVL") and (actor.name or actor.text).lower().split()[-1:] in (
                [w] for w in _ATTACKER_NOUNS
            ):
                setattr(cand, role, _as_terrorist(actor, ctx))


# Verbs that leave the clause they govern in dispute: "outlets are claiming that the Russians are involved"
# names no actor.
_DISPUTING = frozenset({"claim", "allege", "deny", "reject", "dismiss", "accuse", "suggest", "speculate", "rumor"})


def involved_forces(cands: list[Candidate], docs: list[tuple[int, Doc]], ctx: ArticleActors) -> None:
    """An air strike nobody is named for, whose next sentence in the paragraph says who "is involved" as a
    fact or a confirmation ("There are reports of air strikes on X. The military has confirmed that Syrian
    aircraft are involved."): those forces are its actor. Not when the involvement is claimed, denied or
    negated: the attribute stage keeps such claims, and a disputed actor is no actor to code."""
    for cand in cands:
        if cand.plover != "ASSAULT" or cand.actor1 is not None or cand.mode not in ("aerial", "drone"):
            continue
        offset, doc = docs[cand.paragraph]
        following = next((s for s in doc.sents if offset + s.start_char > cand.sent_start), None)
        for tok in following if following is not None else ():
            if tok.lemma_ != "involve":
                continue
            subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or _negated(tok) or _disputed(tok):
                continue
            actor = resolve(subject, offset, ctx, material=True)
            if actor is not None and actor.country is not None:
                cand.actor1 = actor
                break


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ == "neg" for a in tok.children if a.dep_ in ("aux", "auxpass") for c in a.children
    )


def _disputed(tok: Token) -> bool:
    return any(a.lemma_.lower() in _DISPUTING for a in tok.ancestors)


def _as_terrorist(actor: Actor, ctx: ArticleActors) -> Actor:
    return Actor(
        text=actor.text,
        span=actor.span,
        name=actor.name,
        country=actor.country or ctx.default_country,
        sector="CRM/REB",
    )
