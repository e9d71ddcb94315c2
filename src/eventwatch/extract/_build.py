"""From triggers to event candidates: one candidate per group of linked triggers in a sentence.

Triggers that are arguments of each other ("one strike destroyed", "the airstrike that killed ...") form
one group; the group's evidence is its predicate's clause, its actors come from the predicate's arguments.
"""

from __future__ import annotations

import itertools
import logging
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from eventwatch.extract import _words as W
from eventwatch.extract._resources import find_registry_actor, plain_apostrophes, registry_aliases
from eventwatch.extract.actors import (
    QUANTITY_NOUNS,
    SECTOR_WORDS,
    SINGULAR_PERSON_PRONOUNS,
    ArticleActors,
    is_actor_phrase,
    is_capital,
    is_country_name,
    is_state_force,
    resolve,
)
from eventwatch.extract.casualties import find_casualties, number_value
from eventwatch.extract.clauses import clause_bounds, predicate, prep_object
from eventwatch.extract.coding import cameo_root, modes_named, refine_mode
from eventwatch.extract.dates import EventDate, find_date
from eventwatch.extract.modality import factuality, is_generic_present
from eventwatch.extract.triggers import TIES, Trigger, find_triggers, obj, subject
from eventwatch.extract.type_model import reconsider_type
from eventwatch.nlp.syntax import is_origin, takes_ground
from eventwatch.nlp.text import doc_text
from eventwatch.records import Actor, Casualties, Factuality, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

log = logging.getLogger(__name__)

_MATERIAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "PROTEST", "AID", "SANCTION"})
# In conflict reporting a bare "strike" is an air strike (CENTCOM "one strike destroyed ..."; gold/dev codes
# every such strike aerial).
_AIR_BY_DEFAULT = frozenset({"strike", "airstrike", "air-strike"})
_WEAPON_VERBS = frozenset({"use", "fire", "launch"})
_HARM = frozenset({"kill", "die", "injure", "wound"})
# Intransitive verbs of harm: their subject is the one harmed ("a soldier died of wounds"), never the attacker.
SUFFER_VERBS = frozenset({"die", "perish"})
# Verbs whose bare participle tells what its subject underwent ("vital aid destroyed", "appeared in court,
# charged with murder").
_UNDERGONE = _HARM | {"destroy", "damage", "charge", "arrest", "detain", "convict", "sentence", "jail", "indict"}
# Verbs whose object an act noun as their subject does not act on: it is what the act shows, causes, comes
# before or takes ("The attacks demonstrate the cruel barbarity of ...", "The shooting took place in ...").
_NON_HARMING_PREDICATES = frozenset(
    {"demonstrate", "show", "prove", "reveal", "mark", "highlight", "underline", "underscore", "illustrate"}
    | {"reflect", "represent", "remind", "stiffen", "strengthen", "raise", "draw", "prompt", "spark", "cause"}
    | {"trigger", "bring", "become", "have", "precede", "follow", "fill", "take", "remove", "free", "discuss"}
)
_GENERIC_TRIGGERS = frozenset(
    ["destroy", "hit", "target", "kill", "injure", "wound", "die", "engage", "use", "fire", "launch"]
)
_HEADLINE_END = re.compile(r"[.!?\"'”’)]\s*$")
# Headline-like lines (no final punctuation, few words) are titles and related-article links: no events.
MAX_HEADLINE_TOKENS = 20


@dataclass
class Candidate:
    """A mutable event under construction (``merge.py`` edits these before they become EventMentions)."""

    trigger: Trigger
    tokens: frozenset[int]
    doc_offset: int
    sent_start: int  # article offset of the sentence
    evidence: list[Span]
    plover: str
    mode: str | None
    cameo: str
    factuality: Factuality
    actor1: Actor | None
    actor2: Actor | None
    actor1_from_subject: bool
    date: EventDate | None
    casualties: list[Casualties]
    lemmas: set[str]
    places: set[str]
    count: int | None
    paragraph: int
    is_anaphor: bool = False
    named_victim: bool = False
    victim_is_person: bool = False  # the recipient is a person named ("Nabil Hasan al-Quaety", "al-Quaety")
    # ASSAULT modes the trigger's own modifiers name: "air and cruise missile strikes" names two.
    named_modes: frozenset[str] = frozenset()
    is_aggregate: bool = False
    is_background: bool = False
    merged_into: Candidate | None = None
    speaker: Actor | None = field(default=None)
    # lemmas of the mentions merged into this one ("the attack" retold as "Monday's attack")
    absorbed_lemmas: set[str] = field(default_factory=set)

    @property
    def trigger_span(self) -> Span:
        tok = self.trigger.token
        return Span(self.doc_offset + tok.idx, self.doc_offset + tok.idx + len(tok.text))


# Nouns for a force's campaign against an enemy the article names elsewhere.
CAMPAIGN_NOUNS = frozenset({"offensive", "operation", "campaign", "counteroffensive", "counter-offensive"})


_TARGET_PREPS = ("on", "against", "at", "from", "with")
# Act nouns whose "of" phrase names who undergoes the act, never who does it.
PATIENT_NOUNS = frozenset(
    {"killing", "assassination", "murder", "arrest", "detention", "abduction", "kidnapping", "execution", "shooting"}
    | {"prosecution", "indictment", "extradition", "trial", "investigation"}
)


def is_headline_line(sent: SpacySpan) -> bool:
    """A sentence of a short paragraph without final punctuation: a title or a related-article link line."""
    doc = sent.doc
    return len(doc) <= MAX_HEADLINE_TOKENS and not _HEADLINE_END.search(doc_text(doc))


def _groups(triggers: list[Trigger]) -> list[list[Trigger]]:
    by_i = {t.token.i: t for t in triggers}
    parent: dict[int, int] = {i: i for i in by_i}

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for t in triggers:
        tok = t.token
        head = tok.head
        linked = None
        own_subject = any(c.dep_.startswith("nsubj") for c in tok.children)
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "relcl", "acl", "advcl") and head.i in by_i:
            linked = None if _another_act_in_time(tok) else head.i
        elif tok.dep_ in ("acl", "relcl") and head.dep_ in ("dobj", "nsubj", "nsubjpass") and head.head.i in by_i:
            linked = head.head.i  # "launched missiles targeting US troops"
        elif tok.dep_ == "pcomp" and head.lower_ == "with" and (act := _trigger_above(tok, set(by_i))) is not None:
            linked = act  # "a gunman shot shoppers ..., with 25 others injured": the toll of that shooting
        elif _misattached_relative(tok) and (act := _act_above(head, set(by_i))) is not None:
            linked = act  # "attacks in the town of X in Y Province, which targeted ...", "attacks claimed by
            # Daesh that targeted mourners": the parser hung the act's relative clause on a later word
        elif tok.dep_ in ("nsubj", "nsubjpass") and (done := _raised_act(head)) is not None and done.i in by_i:
            linked = done.i  # "A bombing was reported to have killed X", "the strike appears to have hit": one act
        elif tok.dep_ == "conj" and tok.pos_ == "VERB" and not own_subject and head.i in by_i:
            linked = head.i  # "engaged an ISIL unit and destroyed a fighting position": one strike
        elif tok.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.head.i in by_i:
            linked = head.head.i
        elif tok.dep_ == "pobj" and (verb := next((c.i for c in head.children if c.dep_ == "pcomp"), None)) in by_i:
            linked = verb  # "After repelling terrorists' attacks": the parser hangs the object on "After"
        elif (
            tok.lemma_.lower() in _WEAPON_VERBS
            and tok.dep_ in ("advcl", "acl")
            and (done := obj(head)) is not None
            and done.i in by_i
        ):
            linked = done.i  # "conducted 11 strikes ... using attack aircraft": the weapons of those strikes
        elif (
            tok.dep_ == "pobj"
            and head.lower_ == "of"
            and head.head.lemma_.lower() in W.ATTACK_QUANTIFIERS
            and head.head.dep_ in ("nsubj", "nsubjpass", "dobj")
            and head.head.head.i in by_i
        ):
            linked = head.head.head.i  # "a series of airstrikes killed ...": the strikes are what killed
        if linked is not None and by_i[linked].plover == t.plover and not _other_act(t, by_i[linked]):
            parent[find(tok.i)] = find(linked)
    groups: dict[int, list[Trigger]] = {}
    for t in triggers:
        groups.setdefault(find(t.token.i), []).append(t)
    return list(groups.values())


def _raised_act(verb: Token) -> Token | None:
    """The infinitive a subject is raised from: "was reported / is believed / appears to have killed"."""
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)


def _owned_by_speaker(tok: Token | None) -> bool:
    return tok is not None and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children)


def _another_act_in_time(tok: Token) -> bool:
    """ "struck Hezbollah depots after the group fired dozens of rockets": a clause with its own subject set
    in time against the act is another act."""
    # ("died after he was hit by a brick" is one act: a passive is what the head's subject underwent)
    return (
        tok.dep_ == "advcl"
        and any(c.dep_ == "nsubj" for c in tok.children)
        and any(c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "until", "when") for c in tok.children)
    )


def _trigger_above(tok: Token, acts: set[int]) -> int | None:
    """The nearest trigger among ``tok``'s governors (at most four steps up)."""
    for up in itertools.islice(tok.ancestors, 4):
        if up.i in acts:
            return up.i
    return None


def _misattached_relative(tok: Token) -> bool:
    """A clause opened by a subject "which"/"that" hung on a word inside a noun phrase's modifiers (a place
    in its prepositional phrase, the agent of its participle) rather than on the noun it is about."""
    return (
        tok.dep_ in ("relcl", "ccomp")
        and tok.head.dep_ in ("pobj", "acl", "appos")
        and any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in tok.children)
    )


def _act_above(word: Token, acts: set[int]) -> int | None:
    """The act noun (a trigger among ``acts``) whose modifiers hold ``word`` ("attacks in the town of Tel Tamer
    in Hasaka Province" for "Province", "attacks claimed by Daesh" for "Daesh"), by token index; None when the
    word hangs on a clause first."""
    tok = word
    while tok.dep_ in ("pobj", "prep", "agent", "acl", "compound", "appos") and tok.head is not tok:
        tok = tok.head
        if tok.i in acts and tok.pos_ == "NOUN":
            return tok.i
    return None


def _primary(group: list[Trigger]) -> Trigger:
    """The most informative trigger: a specific noun or verb over generic "destroyed"/"killed"."""
    specific = [t for t in group if t.token.lemma_.lower() not in _GENERIC_TRIGGERS]
    pool = specific or group
    with_mode = [t for t in pool if t.mode]
    return (with_mode or pool)[0]


def _doer_of_the_act_suffered(verb: Token) -> Token | None:
    """Who did the act people died or were hurt in, where its noun names them ("Dozens died in the attack,
    conducted by the Taliban", "were killed in an air strike by the coalition")."""
    for preposition in ("in", "during"):
        act = prep_object(verb, preposition)
        if act is None or act.lemma_.lower() not in W.MEANS_OF_ATTACK | _OPERATIONS:
            continue
        doer = _noun_actor(act)
        if doer is not None:
            return doer
        # the parser may hang the act's participle on the verb: "died in the attack, reportedly conducted by X"
        for clause in verb.children:
            if clause.dep_ in ("advcl", "acl") and clause.tag_ == "VBN" and clause.lemma_.lower() in _CARRIED_OUT:
                agent = next((c for c in clause.children if c.dep_ == "agent"), None)
                return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    return None


# "killed in a US counter-terrorism operation": an operation's owner did what was done in it
_OPERATIONS = frozenset({"operation", "raid", "offensive", "assault"})
_CARRIED_OUT = frozenset({"conduct", "carry", "launch", "perpetrate", "stage", "commit", "claim", "mount"})


_RAIDING_FORCES = frozenset({"police", "army", "military", "troop", "force", "soldier", "navy", "marine"})


def _noun_actor(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    # "Russian air and cruise missile strikes": the demonym may hang on a modifier, not on the noun.
    for child in tok.lefts:
        if child.dep_ not in ("amod", "compound", "nmod"):
            continue
        for t in child.subtree:
            if t.ent_type_ == "GPE" and (not is_country_name(t) or is_capital(t)):
                continue  # "the El Paso shooting", "a Kabul car bombing": a city says where, not who
            if t.lower_.rstrip("s") in W.WEAPONS or t.lower_ == "air":
                continue  # "Air strikes hit ..." opening a sentence: a capitalised means, not a name
            if t.ent_type_ in ("NORP", "GPE", "ORG") or (t.pos_ == "PROPN" and t.dep_ in ("amod", "compound")):
                # "a Syrian army operation": the army acts, not the state (see actors.resolve), whether the parser
                # hangs "Syrian" on the army or on the operation.
                for force in (t.head, tok.doc[t.i + 1]):
                    if force.head.i == tok.i and force.dep_ == "compound" and force.lemma_.lower() in W.TROOPS:
                        return force
                # "a United States airstrike": the whole name, by its last word, not "United"
                while t.dep_ in ("compound", "nmod") and t.head.i != tok.i and t.head.ent_type_ == t.ent_type_ != "":
                    t = t.head
                return t
    named_force = next((c for c in tok.lefts if c.dep_ == "compound" and c.lemma_.lower() in _RAIDING_FORCES), None)
    if named_force is not None:
        return named_force  # "A counter terror police raid", "an army raid": that force did it
    for child in tok.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "the ceasefire announced by Russia and Turkey"
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((g for g in agent.children if g.dep_ == "pobj"), None)
    first = tok
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    # "shelling and airstrikes by the regime": the agent may hang on a conjunct, or on the verb's conjunct
    # when the parser coordinated the second noun with the verb.
    conjuncts = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "dobj":
        conjuncts += [c for c in tok.head.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    for child in [
        *tok.children,
        *(first.children if first != tok else ()),
        *(g for c in conjuncts for g in c.children),
    ]:
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    # A misparsed base noun phrase: look left through its modifiers ("the Russian air and ... strikes").
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].pos_ in ("ADJ", "NOUN", "PROPN", "CCONJ") and tok.i - i <= 6:
        if tok.doc[i].ent_type_ == "NORP" or (
            tok.doc[i].ent_type_ == "GPE" and is_country_name(tok.doc[i]) and not is_capital(tok.doc[i])
        ):
            return tok.doc[i]
        i -= 1
    return None


def _target(tok: Token) -> Token | None:
    # "the killing of Qasem Soleimani", "the arrest of 12 people": what the act is done to follows "of"
    preps = ("on", "against", "at", "from", "with", "of") if tok.lemma_.lower() in PATIENT_NOUNS else _TARGET_PREPS
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if (
                pobj is None
                or pobj.ent_type_ in ("DATE", "TIME")
                or (pobj.ent_type_ == "CARDINAL" and pobj.pos_ == "NUM")
            ):
                continue  # a bare number is no target; "arrest warrants on 36 people" (tagged CARDINAL) are
            # "a call with Erdoğan", "clashes with counter-protesters": the other party; "with a knife" is a means.
            if child.lower_ == "with" and not (pobj.ent_type_ == "PERSON" or is_actor_phrase(pobj)):
                continue
            if child.lower_ == "from" and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                continue  # "deported from Arizona", "rockets fired from Gaza": where from, not at whom
            return pobj
    return None


def _verb_recipient(primary: Trigger, a2: Token | None) -> Token | None:
    """The recipient of a verb trigger once its object phrase ``a2`` is read for what it stands for."""
    tok = primary.token
    if a2 is not None and a2.lower_ == "fire" and tok.lemma_.lower() == "set":
        a2 = prep_object(tok, "to") or prep_object(a2, "to")  # "set fire to a police station"
    if a2 is not None and a2.lemma_.lower() in TIES and primary.plover == "SANCTION":
        # "halted economic aid to Serbia", "severed diplomatic ties with Iran": whom they were cut from
        a2 = next((p for h in (a2, tok) for prep in ("to", "with", "for") if (p := prep_object(h, prep))), None)
    if a2 is not None and a2.lemma_.lower() in _MEASURES:
        # "threatened further action against Russia": whom the measure is against, not the measure
        a2 = prep_object(a2, "against") or prep_object(a2, "on") or prep_object(tok, "against") or a2
    if a2 is None and primary.plover == "REQUEST":
        # "demanded that the US cancel plans": who is to act is whom the demand is made of
        content = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if content is not None and not any(c.tag_ in ("WRB", "WP", "WDT") for c in content.children):
            a2 = next((c for c in content.children if c.dep_ == "nsubj"), None)  # not "demanded how Andrew ..."
    if primary.plover == "THREATEN" and (
        a2 is None or not (is_actor_phrase(a2) or a2.pos_ == "PRON" or a2.ent_type_ == "PERSON")
    ):
        # "threatened to break relations with Russia": whom the threatened act is aimed at
        act = next((c for c in tok.children if c.dep_ == "xcomp"), None) if a2 is None else tok
        a2 = (_aimed_at_by(act) if act is not None else None) or a2
    if (a2 is None or a2.lower_ == "fire") and tok.lemma_.lower() in ("open", "fire"):
        # "police opened fire to disperse demonstrators": whom the firing was for
        purpose = next((c for c in tok.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"), None)
        a2 = obj(purpose) if purpose is not None else None
    if primary.plover == "MOBILIZE":
        # "mobilized army reservists for a possible war against Iraq": whom the forces are raised against
        a2 = next((t for t in tok.subtree if t.dep_ == "pobj" and t.head.lower_ == "against"), a2)
    held_by = _taken_from(tok)
    if held_by is not None:
        a2 = held_by  # "liberated the town of Dabiq from ISIL control": whom the ground was taken from
    if a2 is None and primary.is_refusal:
        # "We will not allow al-Qaida to grow its capacity": whom the threat is against is who is not allowed
        a2 = next(
            (g for c in tok.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"), None
        )
    return a2


def _aimed_at_by(act: Token) -> Token | None:
    """Whom an act verb is aimed at: its object when that names an actor, else its with/against/on phrase."""
    target = obj(act)
    if target is not None and is_actor_phrase(target):
        return target
    holders = [act, target] if target is not None else [act]  # "to break relations with Russia"
    return next(
        (p for h in holders for prep in ("with", "against", "on") if (p := prep_object(h, prep)) is not None), None
    )


REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})
_ACCUSING = frozenset({"accuse", "suspect", "charge", "blame", "convict"})


def _accused_of(verb: Token) -> Token | None:
    """Whom "accused X of shelling ..." names as the doer of the gerund: X."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in ("of", "for") or prep.head.lemma_.lower() not in _ACCUSING:
        return None
    return obj(prep.head)


def _act_named(subj: Token) -> Token | None:
    """The act noun a subject names ("the strike", "a series of precision U.S. airstrikes"), else None."""
    if subj.lemma_.lower() in W.ATTACK_QUANTIFIERS:
        # "The wave of violence has made ..."; but "A series of precision U.S. airstrikes killed ..." is the
        # actor phrase as written (actors.py reads a series of strikes for whose strikes they are)
        act = prep_object(subj, "of")
        return act if act is not None and act.lemma_.lower() in _STRIFE else None
    return subj if subj.lemma_.lower() in _ACTS_AS_SUBJECTS else None


def _blamed_for(noun: Token) -> Token | None:
    """Whom a speaker blames for an act: "blamed the attack on Ukraine", "blamed Kyiv for the attack" (the
    speaker's claim: the attribute stage says who makes it)."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() == "blame":
        return prep_object(noun, "on") or prep_object(noun.head, "on")
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() == "blame":
        return obj(noun.head.head)
    return None


def _sides(tok: Token) -> tuple[Token | None, Token | None]:
    """The two sides of a clash ("clashes between protesters and police", "fighting erupted between the army and
    rebels"): the first acts, the second is acted on, as PLOVER codes a fight."""
    holders = [tok, tok.head] if tok.dep_ in ("nsubj", "nsubjpass") else [tok]
    between = next(
        (
            g
            for h in holders
            for c in h.children
            if c.dep_ == "prep" and c.lower_ == "between"
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )
    other = next((c for c in between.children if c.dep_ == "conj"), None) if between is not None else None
    return (between, other) if other is not None else (None, None)


def _taken_from(tok: Token) -> Token | None:
    """The armed group a taking verb takes ground from ("retook Ramadi from ISIL", "liberated Dabiq from ISIL
    control"), or None."""
    if tok.lemma_.lower() not in TAKING_GROUND:
        return None
    held = prep_object(tok, "from")
    if held is not None and held.lemma_.lower() == "control":
        held = next((c for c in held.children if c.dep_ in ("compound", "poss", "amod")), None)
    return held if held is not None and is_actor_phrase(held, military=True) else None


# Measures a threat or a demand names, whose "against" phrase says whom they are against.
_MEASURES = frozenset({"action", "measure", "sanction", "retaliation", "step", "consequence", "reprisal"})
# Verbs whose object is ground taken from someone.
TAKING_GROUND = frozenset({"liberate", "free", "retake", "recapture", "capture", "seize", "take", "clear", "wrest"})


def _participant(tok: Token) -> Token | None:
    """Who took part in the act noun ``tok``: "Abu Jandal was involved in the use of suicide vehicles", "militants
    who took part in the assault", "fighters engaged in the clashes"."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return None
    verb = tok.head.head
    if verb.lemma_.lower() == "part" and verb.dep_ == "dobj":
        verb = verb.head  # "took part in"
    elif verb.lemma_.lower() == "take" and not any(c.lemma_.lower() == "part" for c in verb.children):
        return None
    if verb.lemma_.lower() not in _PARTICIPATING:
        return None
    doer = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _relative_antecedent(doer, verb) if doer is not None else None


# Verbs whose subject took part in the act their "in" phrase names.
_PARTICIPATING = frozenset({"involve", "participate", "engage", "take"})


def _undergoer(tok: Token) -> Token | None:
    """The subject of "face"/"suffer"/"come under" when ``tok`` is what they undergo: the recipient."""
    head = tok
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
        if head.lemma_.lower() in W.UNDERGO_VERBS:
            return subject(head)  # "facing shelling and airstrikes", "airstrikes" parsed as the verb's conjunct
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in W.ATTACK_QUANTIFIERS:
        head = head.head.head  # "Germany suffered a spate of attacks"
    if head.dep_ == "pobj" and head.head.lower_ == "under":
        head = head.head
    if head.dep_ in ("dobj", "prep") and head.head.lemma_.lower() in W.UNDERGO_VERBS:
        return subject(head.head)
    return None


def _relative_antecedent(tok: Token | None, verb: Token) -> Token | None:
    """ "the service member who was killed": the relative pronoun stands for the noun the clause modifies."""
    if tok is not None and tok.lower_ in ("who", "which", "that", "whom") and verb.dep_ == "relcl":
        return verb.head
    return tok


def _arguments(primary: Trigger, pred: Token, group: list[Trigger]) -> tuple[Token | None, Token | None, bool]:
    """(actor head, recipient head, actor came from a clause subject)."""
    tok = primary.token
    if primary.is_noun:
        blamed = _blamed_for(tok)
        if blamed is not None:
            return blamed, None, False
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        agent = prep_object(tok, "by")
        if owner is not None and agent is not None:
            # "Khashoggi's killing by Saudi agents": the owner underwent it ("his arrest by soldiers": someone)
            return agent, (owner if owner.pos_ != "PRON" else None), False
        a1 = _noun_actor(tok)
        a2 = _target(tok)
        if a2 is None and a1 is not None and a1.dep_ == "poss" and _patient_owner(tok, a1):
            a1, a2 = None, a1  # "Khashoggi's killing", "her husband's arrest": whom it was done to
        elif a1 is not None and a1.dep_ == "poss" and not _could_act(a1):
            a1, a2 = None, a2 or a1  # "the bill's withdrawal": what was withdrawn, not who withdrew it
        from_subject = False
        undergoer = _undergoer(tok)
        if undergoer is not None:
            return a1, a2 or undergoer, False  # "civilians are facing shelling by X": X acts on the civilians
        if a1 is None and a2 is None:
            a1, a2 = _sides(tok)
        if a1 is None:
            # "attacks claimed by Daesh that targeted mourners": the grouped verb's subject is the actor.
            a1 = next((sj for t in group if not t.is_noun and (sj := subject(t.token)) is not None), None)
        if a1 is None:
            a1 = _participant(tok)
        if a2 is None:
            # "the US airstrike that killed Iranian general ...": the grouped verb's object is the recipient.
            a2 = next((o for t in group if not t.is_noun and (o := obj(t.token)) is not None and o.i != tok.i), None)
            a2 = _relative_antecedent(a2, a2.head) if a2 is not None else None
        if a2 is None and tok.dep_ == "dobj":
            # "issued arrest warrants on 36 people", "launched strikes against ISIL": the phrase hangs on the verb
            a2 = next(
                (
                    p
                    for prep in ("on", "against")
                    if (p := prep_object(tok.head, prep)) is not None and p.ent_type_ not in ("DATE", "TIME")
                ),
                None,
            )
        if pred != tok:
            subj = subject(pred)
            # "The United States condemns the attack": who reacts to an act did not do it.
            reacts = pred.lemma_.lower() in W.REACTION_VERBS
            if subj is not None and (act := _act_named(subj)) is not None:
                subj = _noun_actor(act)  # "The wave of violence has made ...": an act is no doer; its owner may be
            if a1 is None and subj is not None and subj.i != tok.i and tok.dep_ != "nsubj" and not reacts:
                a1, from_subject = subj, True
            # "the strike hit a hospital", "one strike suppressed an ISIL unit": the object of the act noun's
            # verb is its recipient; "the attacks demonstrate the cruel barbarity of ...", "the shooting took
            # place" and "airstrikes delivered 24 munitions against ISIL" name none there.
            pred_obj = obj(pred) if pred.lemma_.lower() not in _NON_HARMING_PREDICATES else None
            if pred_obj is not None and _is_weapon(pred_obj):
                pred_obj = _target(pred_obj)  # "delivered 24 munitions against ISIL"
            if pred_obj is not None and pred_obj.ent_type_ in ("DATE", "TIME"):
                pred_obj = None
            if a2 is None and tok.dep_ in ("nsubj", "nsubjpass"):
                a2 = pred_obj if pred_obj is not None and pred_obj.i != tok.i else _target(pred)
        return a1, a2, from_subject
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "dobj") and tok.head.lemma_.lower() in W.UNDERGO_VERBS:
        # "civilians are facing daily shelling by the army", the gerund parsed as a clause of "facing".
        agent = next(
            (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"),
            None,
        )
        return agent, subject(tok.head), False
    accused = _accused_of(tok)
    if accused is not None:
        # "accused the army of shelling residential areas": the accused did it (the accuser's claim)
        return accused, _verb_recipient(primary, obj(tok) or _target(tok)), False
    subj = subject(tok)
    if subj is None and tok.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() in CAMPAIGN_NOUNS:
        subj = _noun_actor(tok.head)  # "the Iraqi operation to liberate Mosul": whose operation does it
    if (
        tok.lemma_.lower() in _UNDERGONE
        and tok.tag_ == "VBN"
        and subj is not None
        and not any(c.dep_ in ("aux", "auxpass", "agent") for c in tok.children)
    ):
        # "with 25 others injured", "aid destroyed", "charged with murder": they underwent it ("children killed by
        # the Coalition": the subject found is the agent, who did it)
        return None, subj, False
    if _passive_without_subject(tok) and not any(c.dep_ == "agent" for c in tok.children):
        return None, subj, False  # "died after being shot": the subject it shares underwent it
    shared = _shared_passive_subject(tok)
    if shared is not None:
        return None, shared, False  # "who was arrested and banned from the election": Babaryka was banned
    if tok.lemma_.lower() == "surrender" and (to := prep_object(tok, "to")) is not None:
        return to, subj, False  # "the gunman surrendered to police": the police take him in
    if tok.lemma_.lower() in SUFFER_VERBS:
        return _doer_of_the_act_suffered(tok), _relative_antecedent(subj, tok), False
    if subj is not None and subj.lemma_.lower() in W.TERRITORY and tok.dep_ in ("pcomp", "conj", "relcl", "acl"):
        # "made progress in clearing areas already liberated", parsed with "areas" as the subject: a place is
        # what is taken, never who takes it; the doer is the subject of the clause the phrase hangs on.
        return _clause_subject(tok), subj, True
    passive = any(c.dep_ == "nsubjpass" for c in tok.children)
    # "used chemical weapons against the Syrian people": the target, not the weapon, is the recipient.
    weapon_verb = tok.lemma_.lower() in _WEAPON_VERBS
    # "opened fire at a mall": "fire" is part of the verb, the target is the recipient.
    weapon_verb = weapon_verb or tok.lemma_.lower() == "open"
    weapon = obj(tok) if weapon_verb and (o := obj(tok)) is not None and _is_weapon(o) else None
    aimed_at = _aimed_at(weapon) if weapon is not None else None
    a2 = (
        (_target(tok) or aimed_at or (obj(tok) if weapon is None else None))
        if weapon_verb
        else (obj(tok) or _target(tok))
    )
    a2 = _verb_recipient(primary, _relative_antecedent(a2, tok))
    if a2 is not None and a2.lower_ in REFLEXIVES:
        # "A suicide bomber blew himself up at a market, killing at least 35 people": whom it killed, not him
        a2 = next(
            (
                o
                for t in group
                if t is not primary and t.token.lemma_.lower() in _HARM and (o := obj(t.token)) is not None
            ),
            None,
        )
    if subj is not None and (act := _act_named(subj)) is not None:
        # "the strike hit ...", "The isolation of Raqqah will liberate terrain": the act's own doer, if named
        return _noun_actor(act), a2, False
    return subj, a2, subj is not None and not passive


def _owned(tok: Token) -> bool:
    """True when a phrase names its owner's country or company ("oil facilities belonging to Saudi Arabia's
    state-owned Saudi Aramco"): then it is theirs, not the armed group's."""
    for child in tok.children:
        if child.dep_ in ("poss", "amod", "compound") and child.ent_type_ in ("GPE", "NORP"):
            return True
        if child.dep_ == "acl" and child.lemma_.lower() in ("belong", "own", "operate", "run"):
            return any(t.ent_type_ in ("GPE", "NORP") for t in child.subtree)
    return False


def _other_act(a: Trigger, b: Trigger) -> bool:
    """Two coercions of different kinds are two acts ("was arrested and banned from the election"); the
    weapons of one attack ("shot and stabbed") are not."""
    return a.plover == "COERCE" and a.mode is not None and b.mode is not None and a.mode != b.mode


def _could_act(owner: Token) -> bool:
    """Whether the owner of an act noun can be its doer: a name, a pronoun or an actor word, not "the bill"."""
    return owner.pos_ in ("PRON", "PROPN") or owner.ent_type_ != "" or is_actor_phrase(owner)


def _patient_owner(noun: Token, owner: Token) -> bool:
    """True when the person who "owns" an act done to someone underwent it ("Jamal's killing"); a group's or
    a state's is theirs to do ("ISIL's executions")."""
    if noun.lemma_.lower() not in PATIENT_NOUNS:
        return False
    if owner.ent_type_ == "PERSON" or owner.lower_ in ("his", "her"):
        return True
    # a name the small model tags otherwise ("Jamal's killing" as GPE) that no country or group bears
    return owner.pos_ == "PROPN" and not is_country_name(owner) and find_registry_actor(owner.text) is None


def _shared_passive_subject(tok: Token) -> Token | None:
    """The passive subject a bare participle shares with the passive verb it is coordinated with."""
    if (
        tok.dep_ != "conj"
        or tok.tag_ != "VBN"
        or any(c.dep_.startswith("nsubj") or c.dep_ == "agent" for c in tok.children)
    ):
        return None
    head = tok.head
    if head.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in head.children):
        return None
    patient = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    return _relative_antecedent(patient, head)


def _passive_without_subject(tok: Token) -> bool:
    """ "after being shot", "to be arrested": a passive whose subject is another verb's."""
    deps = {c.dep_ for c in tok.children}
    return "auxpass" in deps and not deps & {"nsubjpass", "nsubj", "csubjpass"}


_BYSTANDERS = frozenset(
    {"people", "residents", "civilians", "families", "children", "women", "villagers", "inhabitants", "locals"}
    | {"refugees", "persons"}
)


def _civilians(actor: Actor | None) -> bool:
    """Bystanders named as such ("People", "Residents"); protesters may still storm a parliament."""
    words = (actor.name or actor.text).lower().split() if actor is not None else []
    return actor is not None and actor.sector == "CVL" and bool(words) and words[-1] in _BYSTANDERS


def _on_the_ground(actor: Actor | None) -> bool:
    """An actor with no air force: armed groups, criminals, lone attackers, civilians."""
    sector = (actor.sector or "") if actor is not None else ""
    return sector[:3] in ("REB", "CRM", "UAF", "CVL", "INS")


def _dropped(cues: set[str], actor: Actor | None) -> bool:
    """Whether a "bombing" is from the air: an air word beside it ("aerial bombing") or a state's forces doing
    it ("the regime's bombing of Aleppo"); otherwise it is bombs set off on the ground."""
    if "aerial" in modes_named(cues - {"bombing", "bombings"}):
        return True
    return is_state_force(actor)


def _bombs_set_off(tokens: SpacySpan) -> bool:
    """Whether the clause's "bombings" are acts of their own whose doer it leaves open ("killed in multiple
    bombings that targeted bus stations"), not "bombing raids" or "bombing by the Coalition", which are air
    raids or say whose they were."""
    found = [t for t in tokens if t.lemma_.lower() == "bombing"]
    return bool(found) and all(
        t.dep_ not in ("compound", "amod", "nmod")
        and not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in t.children)
        for t in found
    )


def _aimed_at(weapon: Token) -> Token | None:
    """What a fired weapon was aimed at: "missiles targeting US troops", "rockets on the base"."""
    for c in weapon.children:
        if c.dep_ == "acl" and c.lemma_.lower() in ("target", "hit", "strike", "aim"):
            return obj(c) or _target(c)
    return _target(weapon)


def _is_weapon(tok: Token) -> bool:
    """ "used chemical weapons", "fired rockets", "water canons and tear gas": what was used, never whom it was
    used on."""
    if tok.lower_ in QUANTITY_NOUNS or tok.lemma_.lower() in QUANTITY_NOUNS | W.ATTACK_QUANTIFIERS:
        tok = prep_object(tok, "of") or tok  # "fired dozens of rockets", "a barrage of missiles"
    items = [tok, *(c for c in tok.children if c.dep_ == "conj")]
    return any(bool(_lemmas_of(t) & set(W.WEAPONS)) or t.lemma_.lower() in W.MEANS_OF_ATTACK for t in items)


def _lemmas_of(tok: Token) -> set[str]:
    return {t.lemma_.lower() for t in tok.subtree if t.i <= tok.i}


def _clause_subject(tok: Token) -> Token | None:
    """The subject of the clause that ``tok`` (a verb inside a prepositional phrase, a conjunct or a relative
    clause) is part of."""
    cur = tok.head
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and (found := subject(cur)) is not None:
            return found
        if cur.head == cur:
            return None
        cur = cur.head
    return None


def _weapon_words(tok: Token, pred: Token) -> set[str]:
    """Words that say how the act was carried out: the trigger's modifiers, the actor (aircraft, gunman)
    and "with"/"using"/"by" phrases — never the targets ("destroyed a VBIED" is not an explosive attack)."""
    words: list[Token] = [tok]
    for head in {tok, pred}:
        for child in head.children:
            if (
                (child.dep_ in ("amod", "compound", "nmod", "nsubj", "agent") and child.i != tok.i)
                or (child.dep_ == "prep" and child.lower_ in ("with", "by", "using", "from"))
                or (child.lemma_.lower() in ("use", "fire", "launch") and child.pos_ == "VERB")
                # "used chemical weapons", "fired rockets", "the use of chemical weapons": what a weapon verb
                # or noun takes is the weapon.
                or (child.dep_ == "dobj" and head.lemma_.lower() in _WEAPON_VERBS)
                or (child.dep_ == "prep" and child.lower_ == "of" and head.lemma_.lower() == "use")
            ):
                words.extend(child.subtree)
    return {t.lemma_.lower() for t in words} | {t.lower_ for t in words}


def _premodifier_words(tok: Token, triggers: set[int]) -> set[str]:
    """The words of the noun phrase before ``tok`` ("the Russian air and cruise missile strikes", which the
    parser often splits into two phrases), stopping at another trigger ("shelling and air strikes")."""
    words = [tok]
    for before in reversed(tok.doc[: tok.i]):
        if before.i in triggers or not (before.pos_ in ("ADJ", "NOUN", "PROPN", "CCONJ") or before.text == "-"):
            break
        words.append(before)
    return {t.lemma_.lower() for t in words} | {t.lower_ for t in words}


def _is_shoot_down(tok: Token) -> bool:
    """True for "shot down" (an aircraft): air-defence missiles or anti-aircraft guns, never small arms, and
    never an air strike even when "air defences" did it."""
    return tok.lemma_.lower() == "shoot" and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children)


def _places(tokens: SpacySpan) -> set[str]:
    """Place names of a clause: GPE/LOC/FAC names and proper nouns after "near"/"in"/"at" (the small model
    tags "Near Palmyra" as a person). Adjacent place words are one name ("El Paso", not "El" and "Paso")."""
    names: list[list[Token]] = []
    after_preposition = False  # the current name opened after "near"/"in": its proper nouns all belong to it
    for t in tokens:
        prev = t.doc[t.i - 1].lower_ if t.i > 0 else ""
        after = t.doc[t.i + 1].text if t.i + 1 < len(t.doc) else ""
        follows = bool(names) and names[-1][-1].i == t.i - 1
        if follows and _joins_a_name(t):
            names[-1].append(t)  # "Urem al-Kubra", "Khan al-Asal"
            continue
        if after == "-" and t.ent_type_ not in ("GPE", "LOC", "FAC"):
            continue  # "in Al-Qaeda's rear": the first part of a hyphenated group name, not a place
        opens = prev in ("near", "in", "at", "around", "outside") or (t.i > 0 and takes_ground(t.doc[t.i - 1]))
        if t.dep_ == "appos" and t.head.pos_ == "NOUN" and t.head.lemma_.lower() not in _PLACE_NOUNS:
            continue  # "The regime and its backers, notably Russia, are inflicting ...": who, not where
        if _acting_country(t):
            continue  # "The UK, US and France carried out strikes": who, not where
        if is_origin(t):
            continue  # "refugees coming to Lebanon from Syria": whence, not where
        if (
            t.pos_ == "PROPN"
            and t.text[:1].isupper()  # "a command and control node" tagged a place is no name
            and t.ent_type_ not in ("DATE", "TIME")
            and (
                t.ent_type_ in ("GPE", "LOC", "FAC")
                or opens
                # the rest of the name: "Ar Raqqah" (tagged a person after "Near"), "Al Huwayjah"; not the
                # "President" of "US President Donald Trump"
                or (follows and (t.ent_iob_ == "I" or after_preposition))
            )
        ):
            if follows:
                names[-1].append(t)
            else:
                names.append([t])
                after_preposition = opens
    names = [name[: max(i for i, t in enumerate(name) if not _joins_a_name(t)) + 1] for name in names]
    texts = {t.doc[name[0].i : name[-1].i + 1].text for name in names}
    return {text for text in texts if not _names_an_actor(text)}


def _acting_country(t: Token) -> bool:
    """A country named as an active subject, or a conjunct of one (every word of its name)."""
    name = t
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head  # "United" of "United States"
    first = name
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return first.dep_ == "nsubj" and is_country_name(name)


# Nouns an apposed name can only name a place of ("the capital, Damascus").
_PLACE_NOUNS = W.TERRITORY | {"capital", "province", "region", "country", "state", "governorate", "county"}
_NAME_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn"})


def _joins_a_name(t: Token) -> bool:
    """A lower-case Arabic article or a hyphen inside a place name ("al" and "-" of "Urem al-Kubra"), when a
    capitalised word comes next."""
    doc = t.doc
    if t.text == "-":
        glued = not t.whitespace_ and t.i > 0 and not doc[t.i - 1].whitespace_
        return glued and t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper()
    if t.lower_ not in _NAME_PARTICLES or t.i + 1 >= len(doc):
        return False
    nxt = doc[t.i + 1]
    return nxt.text[:1].isupper() or (nxt.text == "-" and _joins_a_name(nxt))


def _names_an_actor(text: str) -> bool:
    """The whole name is a registry actor's ("Daesh", "Hezbollah"), which NER sometimes tags as a place."""
    text = plain_apostrophes(text)
    lowered = text.lower()
    return any(alias.may_occur_in(text, lowered) and alias.pattern.fullmatch(text) for alias in registry_aliases())


_OPENING_QUOTES = ('"', "“")


def _inside_quote(sent: SpacySpan) -> bool:
    """True when the sentence is part of a quotation: a quote opened earlier in its paragraph is still open at
    its start, or the sentence opens one itself."""
    before = doc_text(sent.doc)[: sent.start_char]
    open_quotes = before.count('"') % 2 == 1 or before.count("“") > before.count("”")
    return open_quotes or sent.text.lstrip().startswith(_OPENING_QUOTES)


def _speaker(tok: Token) -> Token | None:
    cur = tok
    for _ in range(8):
        if cur.head == cur:
            return None
        if cur.dep_ in ("ccomp", "parataxis") and cur.head.lemma_.lower() in W.SPEECH:
            return subject(cur.head)
        cur = cur.head
    return None


def build(
    sent: SpacySpan, doc_offset: int, paragraph: int, published: str | None, ctx: ArticleActors
) -> list[Candidate]:
    """Event candidates of one sentence (empty for headline-like lines and sentences without triggers)."""
    if is_headline_line(sent):
        return []
    triggers = find_triggers(sent)
    out: list[Candidate] = []
    groups = _groups(triggers)
    all_idx = {t.token.i for t in triggers}
    for group in groups:
        primary = _primary(group)
        own = {t.token.i for t in group}
        pred = predicate(primary.token)
        if pred is primary.token:
            # "militants killed at least 30 farmers in an attack on a village": the verb the act noun hangs on
            # is its clause (the toll and the doer are there)
            pred = next((t.token for t in group if not t.is_noun and t.token in primary.token.ancestors), pred)
        if is_generic_present(primary.token):
            continue
        fact = factuality(primary.token)
        if primary.is_refusal and fact is not Factuality.REPORTED:
            # A refusal or a threat is a speech act made as it is said: its "not" and "will" are its content
            # (gold/dev README: speech acts take the factuality of the speech act).
            fact = Factuality.ASSERTED
        start, end = clause_bounds(pred, own, all_idx - own, sent)
        doc = sent.doc
        ev_start = doc_offset + doc[start].idx
        ev_end = doc_offset + doc[end - 1].idx + len(doc[end - 1].text)
        clause_tokens = doc[start:end]
        lemmas = {t.lemma_.lower() for t in clause_tokens} | {t.lower_ for t in clause_tokens}
        # Harm verbs take their mode from the clause ("died of wounds sustained in an IED blast").
        cues = lemmas if primary.token.lemma_.lower() in _HARM else _weapon_words(primary.token, pred)
        mode = refine_mode(primary.plover, primary.mode, cues)
        if primary.plover == "ASSAULT" and _is_shoot_down(primary.token):
            mode = "heavy-weapons"  # ACLED: Shelling/artillery/missile attack
        air_by_default = (
            mode is None and primary.plover == "ASSAULT" and primary.token.lemma_.lower() in _AIR_BY_DEFAULT
        )
        plover = reconsider_type(primary.token, primary.plover)
        if plover != primary.plover:
            mode = None  # the lexicon's mode belongs to the sense the model overruled
        material = plover in _MATERIAL
        a1_tok, a2_tok, from_subject = _arguments(primary, pred, group)
        if a1_tok is None and not primary.is_noun and primary.token.lemma_.lower() in _HARM:
            a1_tok = _doer_of_the_act_suffered(primary.token)  # "was killed in a US counter-terrorism operation"
        if plover == "MOBILIZE" and not primary.is_noun and primary.token.lemma_.lower() == "enter":
            a2_tok = None  # "The Syrian Army entered Tell Tamer": the ground entered is where, not whom
        # "clashes between protesters and police": a recipient coordinated with the actor is not part of it
        a1_alone = a2_tok is not None and a1_tok is not None and a2_tok.dep_ == "conj" and a2_tok.head.i == a1_tok.i
        actor1 = resolve(a1_tok, doc_offset, ctx, material, alone=a1_alone) if a1_tok is not None else None
        if plover == "ASSAULT" and a1_tok is not None and a1_tok.lower_ == "they" and _civilians(actor1):
            # "People have left their shelters ... they started to target the areas": a pronoun read back to
            # the civilians just named is almost never who attacks; the attacker stays unnamed
            actor1 = None
        actor2 = resolve(a2_tok, doc_offset, ctx, material) if a2_tok is not None else None
        if actor2 is not None and actor2.sector is None and a2_tok is not None and _counted_people(a2_tok, primary):
            actor2 = replace(actor2, sector=SECTOR_WORDS["people"])  # "killing three", "at least five died"
        if air_by_default and not (primary.token.pos_ == "VERB" and _on_the_ground(actor1)):
            mode = "aerial"  # but "The terrorists struck in coordinated attacks" did so on the ground
        bombing = primary.token.lemma_.lower() == "bombing" or _bombs_set_off(clause_tokens)
        if mode == "aerial" and bombing and not _dropped(cues, actor1):
            # "Twin bombings struck the Jolo Cathedral", "60 civilians were killed in multiple bombings that
            # targeted bus stations": bombs set off, not dropped
            mode = "explosives"
        speaker_tok = _speaker(primary.token)
        speaker = resolve(speaker_tok, doc_offset, ctx, False) if speaker_tok is not None else None
        if actor1 is not None and actor1.country is None and speaker is not None and _owned_by_speaker(a1_tok):
            # "Hezbollah said its fighters had targeted an Israeli position": the speaker's fighters
            actor1 = replace(actor1, country=speaker.country, sector=actor1.sector or speaker.sector)
        if (
            actor2 is not None
            and actor2.country is None
            and actor2.sector == "MIL"
            and speaker is not None
            and (speaker.sector or "").startswith("MIL")
        ):
            # "The Lebanese army said two soldiers were wounded in the Israeli strikes": its own soldiers
            actor2 = replace(actor2, country=speaker.country)
        if a1_tok is not None and a1_tok.lower_ == "we" and a1_tok.pos_ == "PRON" and ctx.author is None:
            # "we strongly urge Iraqi leaders," the State Department spokesperson said: the speaker's side
            quoted = ctx.person_before(doc_offset + sent.start_char) if _inside_quote(sent) else None
            actor1 = speaker or quoted or actor1
        if (
            plover == "REQUEST"
            and primary.cameo == "100"
            and any(c.lower_ in ("must", "should") for c in pred.children)
        ):
            # The demand is the speech act; "must not send weapons" is its content, not a negation. With no
            # speaker in the sentence, a demand inside a quotation is the quoted person's, and one in the
            # author's own voice the author's (an official publisher is an actor).
            quoted = ctx.person_before(doc_offset + sent.start_char) if _inside_quote(sent) else None
            actor1, actor2, from_subject, fact = speaker or quoted or ctx.author, actor1, False, Factuality.ASSERTED
        if (
            fact is Factuality.PLANNED
            and plover in ("ASSAULT", "COERCE", "SANCTION")
            and a1_tok is not None
            and (a1_tok.lower_ in ("i", "we"))
        ):
            # A first-person future act of force is a threat (README: "I will totally destroy" is THREATEN).
            plover, mode, fact = "THREATEN", "violence" if plover == "ASSAULT" else None, Factuality.ASSERTED
            actor1 = speaker or actor1
        if primary.needs_distinct_actors and (
            actor1 is None or actor2 is None or (actor1.country, actor1.sector) == (actor2.country, actor2.sector)
        ):
            continue  # a meeting within one body is not a political interaction (dev distractor finding)
        text = doc_text(doc)[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)]
        date = find_date(text, published)
        if date is None and (not material or fact not in (Factuality.PLANNED, Factuality.HYPOTHETICAL)):
            # Outside the clause a sentence date belongs to the speech verb ("On Sunday, X announced troops
            # would leave"): it dates a reported past act or the speech act itself (a demand, a threat),
            # never an announced or possible material act (gold/dev README "Dates": planned events without
            # a stated date are null).
            date = find_date(sent.text, published)
        year = _year_of(primary.token) if primary.is_noun else None
        if year is not None and (date is None or date.year != year):
            # "the 1968 assassination", "his 2016 arrest": the year the act noun names is its date
            date = EventDate(None, None, primary.token.idx - doc[start].idx, year)
        casualties = find_casualties(text, ev_start)
        count = next((_num(c) for c in primary.token.children if c.dep_ == "nummod"), None)
        places = _places(clause_tokens)
        named_victim = (
            a2_tok is not None
            and _names_a_person(a2_tok)
            and bool(lemmas & {"kill", "killed", "killing", "assassinate", "assassination", "dead", "die", "died"})
        ) or (bool(lemmas & {"dead"}) and a2_tok is not None and a2_tok.pos_ == "PRON")
        armed_group = ctx.armed_groups.at(doc_offset + primary.token.idx, actor1) if plover == "ASSAULT" else None
        if (
            armed_group is not None
            and a2_tok is not None
            and (actor2 is None or (actor2.country is None and actor2.sector is None))
            and a2_tok.ent_type_ not in ("PERSON", "GPE", "NORP")
            and not _owned(a2_tok)
            and (
                (actor1 is None and mode in ("aerial", "drone"))
                or is_state_force(actor1)
                or (actor1 is not None and a2_tok.lemma_.lower() in W.TERRITORY)
            )
        ):
            # Materiel or ground with no owner named ("one strike destroyed a repeater station", "the SDF
            # liberate territory"): in a strike report it belongs to the armed group the text around it is about
            # (gold/dev README: ISIL REB/IMG). Only in strike reports: "an attack on a petrol station" in a
            # Daesh-claimed bombing was on the station, not on Daesh.
            actor2 = armed_group
        elif (
            armed_group is not None
            and a2_tok is None
            and actor2 is None
            and primary.token.lemma_.lower() in CAMPAIGN_NOUNS
            and is_state_force(actor1)
        ):
            # "the Syrian army has started a major ground operation around Aleppo": a state force's offensive
            # that names no enemy is against the armed group the text around it is about.
            actor2 = armed_group
        if actor1 is None and (plover, mode) == ("COERCE", "arrest"):
            actor1 = ctx.arrester()  # arrests are made by the authorities (README: police / authorities)
        elif actor1 is None and (plover, mode) == ("COERCE", "restrict") and not primary.is_noun:
            actor1 = ctx.authorities()  # "banned from the election": a ban no one is named for is the state's
        if actor1 is not None:
            is_person = a1_tok is not None and (
                a1_tok.ent_type_ == "PERSON" or a1_tok.lower_ in SINGULAR_PERSON_PRONOUNS
            )
            ctx.remember(actor1, is_person)
        out.append(
            Candidate(
                trigger=primary,
                tokens=frozenset(own),
                doc_offset=doc_offset,
                sent_start=doc_offset + sent.start_char,
                evidence=[Span(ev_start, ev_end)],
                plover=plover,
                mode=mode,
                cameo=cameo_root(plover, mode),
                factuality=fact,
                actor1=actor1,
                actor2=actor2,
                actor1_from_subject=from_subject,
                date=date,
                casualties=casualties,
                lemmas=lemmas,
                places=places,
                count=count,
                paragraph=paragraph,
                is_anaphor=primary.is_anaphor,
                named_victim=named_victim,
                victim_is_person=a2_tok is not None and _names_a_person(a2_tok),
                speaker=speaker,
                named_modes=modes_named(_premodifier_words(primary.token, all_idx)),
            )
        )
    return out


def _year_of(noun: Token) -> int | None:
    """The year an act noun's own modifier names ("the 1968 assassination"), or None."""
    for child in noun.children:
        if child.dep_ in ("nummod", "amod", "compound") and child.like_num and len(child.text) == 4:
            value = int(child.text) if child.text.isdigit() else 0
            if 1900 <= value <= 2099:
                return value
    # "the 9/11 attacks on the US of 2001": a year closing the act's own phrase
    for tok in noun.subtree:
        year = int(tok.text) if tok.text.isdigit() and len(tok.text) == 4 else 0
        if tok.i > noun.i and tok.dep_ == "pobj" and tok.head.lower_ == "of" and 1900 <= year <= 2099:
            return year
    return None


def _names_a_person(tok: Token) -> bool:
    """ "Qasem Soleimani", or a title the name stands beside ("Iranian general, Qasem Soleimani")."""
    return tok.ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children)


# Nouns of a process that a verb can have for its subject but that do nothing themselves.
_PROCESSES = frozenset(
    {"isolation", "liberation", "encirclement", "capture", "siege", "fall", "collapse", "escalation", "advance"}
    | {"start", "beginning", "launch", "resumption", "continuation", "success"}
)
# Subjects that are an act, not its doer: "the strike hit ...", "The isolation of Raqqah will liberate terrain".
_STRIFE = frozenset({"violence", "fighting", "clash", "unrest", "war", "conflict", "battle"})
_ACTS_AS_SUBJECTS = (
    frozenset({"strike", "airstrike", "attack", "bombing", "raid", "shelling", "bombardment"}) | _STRIFE | _PROCESSES
)
# Verbs whose bare-number object is people harmed ("killing three", "stabbed two").
_WOUNDING = _HARM | {"stab", "shoot", "gun"}


def _counted_people(victim: Token, trigger: Trigger) -> bool:
    """True when a bare number is what a harm verb kills or wounds ("killing three", "at least five died",
    "Dozens died"): people, counted. Not after other verbs: "destroyed two tanks and damaged three" counts
    tanks."""
    lemma = trigger.token.lemma_.lower()
    counted = victim.pos_ == "NUM" or (victim.lower_ in QUANTITY_NOUNS and prep_object(victim, "of") is None)
    return counted and not trigger.is_noun and lemma in _WOUNDING


def _num(tok: Token) -> int | None:
    return number_value(tok.lower_)
