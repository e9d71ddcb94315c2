"""Factuality of an event clause as the clause itself says it: asserted, planned, negated or hypothetical.

The chain runs from the trigger up through its governors (xcomp, ccomp, advcl, acl...) and stops at a verb of
speech or thought (attribution is the attribute stage's business: "police said X" leaves X asserted here).
Negation beats hypothesis beats plan (gold/dev README "Factuality"): "did not launch an offensive" is negated,
"would consider charging" hypothetical, "will aim to storm" planned. A negated stance towards an act ("They are
not yet intended to support an operation to storm ...") does not negate the act: it stays planned; nor does a
denied purpose negate the act it is the purpose of ("The air raids are not intended to ...").
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from eventwatch.extract import _words as W
from eventwatch.records import Factuality

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

_FUTURE = frozenset({"will", "'ll", "shall", "wo", "would", "going"})
_MAYBE = frozenset({"could", "may", "might", "can"})
# Nouns whose "that" clause the writer holds true, whatever is said of the noun ("the fact that ...").
_FACT_NOUNS = frozenset({"fact", "truth", "reality"})
_CIRCUMSTANCES = frozenset({"amid", "amidst", "despite", "following", "during"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "once", "until", "before"})
# Speech acts whose infinitive is an act still to come (the act itself is the THREATEN/AGREE event).
_UNDERTAKINGS = frozenset({"threaten", "promise"})
# Verbs that end an act already going on: what they govern is happening ("to cease at once airstrikes").
_STOPPING = frozenset({"cease", "stop", "end", "halt", "refrain", "quit"})
# Verbs that ask or tell someone to act: the act their infinitive names is still to come (the asking itself
# is the REQUEST event).
# Verbs of helping someone do something: the act is the help's goal until the help is told as given.
_HELPING = frozenset({"help", "assist", "enable", "support", "train", "equip"})
# Nouns whose object is an act still to come ("in preparation for the offensive").
_PLAN_NOUNS = frozenset({"aim", "plan", "objective", "goal", "intention", "threat", "preparation", "preparations"})
_DIRECTIVES = frozenset(
    {"urge", "ask", "encourage", "order", "instruct", "tell", "request", "invite", "press", "advise", "persuade"}
)


def chain(tok: Token) -> list[Token]:
    """``tok`` and its governors up to (not including) a speech/thought verb or the sentence root."""
    out = [tok]
    cur = tok
    for _ in range(12):
        if cur.head == cur:
            break
        dep = cur.dep_
        head = cur.head
        if dep in ("ccomp", "parataxis") and head.lemma_.lower() in W.SPEECH:
            break
        if dep == "conj" and cur.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            break  # a coordinated clause with its own subject has its own modality
        if dep == "relcl":
            break
        out.append(head)
        cur = head
    return out


def factuality(tok: Token) -> Factuality:
    """How the clause around trigger ``tok`` presents the event."""
    if _dated_by_past_day(tok):
        return Factuality.ASSERTED  # "condolences to the victims in Saturday's attack" under "I want to convey"
    if tok.sent.text.rstrip().endswith("?"):
        return Factuality.HYPOTHETICAL  # "What action has the State Department taken to investigate ...?"
    links = chain(tok)
    # "cannot change the fact that the authorities have chosen to suppress protests": a fact stays a fact
    fact = next((i for i, t in enumerate(links) if i > 0 and t.lemma_.lower() in _FACT_NOUNS), None)
    if fact is not None and links[fact - 1].dep_ in ("acl", "ccomp", "relcl"):
        links = links[:fact]
    # "would not endorse the result amid reports of violence": the circumstances are told as they are
    circumstance = next(
        (i for i, t in enumerate(links) if i > 0 and t.lower_ in _CIRCUMSTANCES and t.pos_ == "ADP"), None
    )
    if circumstance is not None:
        links = links[:circumstance]
    negated = hypothetical = planned = False
    # An act named as the object of a stance ("not intended to support an operation to storm X") is not what
    # a negation above the stance denies: that operation is still to come.
    stance = next(
        (i for i, t in enumerate(links[:-1]) if t.dep_ == "dobj" and links[i + 1].lemma_.lower() in W.STANCE_VERBS),
        len(links),
    )
    for i, t in enumerate(links):
        lemma = t.lemma_.lower()
        kids = list(t.children)
        # "The air raids are not intended to support ...": a denied purpose of the act, not a denied act.
        purpose_of_act = i > 0 and lemma in W.PLAN_GOVERNORS and links[i - 1].dep_.startswith("nsubj")
        if t.pos_ in ("VERB", "AUX", "ADJ") or i == 0:
            if any(c.dep_ == "neg" or (c.lower_ in ("never", "no") and c.dep_ in ("advmod", "det")) for c in kids):
                negated = negated or (i <= stance and not purpose_of_act)
            aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
            if aux & _MAYBE:
                hypothetical = True
            if aux & _FUTURE:
                if "would" in aux and lemma in ("consider", "like"):
                    hypothetical = True
                else:
                    planned = True
            if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in kids) and not _told_as_past(t):
                hypothetical = True  # "if they attack"; not "reached the courtyard before he was shot"
        # "the operation is aimed at ..." states a purpose of the operation, not a plan for it.
        if i > 0 and lemma in W.PLAN_GOVERNORS and not links[i - 1].dep_.startswith("nsubj"):
            planned = True
        if i > 0 and lemma in _UNDERTAKINGS and links[i - 1].dep_ == "xcomp":
            planned = True  # "rebels threatened to attack the airport": the attack is still to come
        # "urged the rebels to attack Afrin"; not "urged him to press the regime to cease airstrikes"
        if i > 0 and lemma in _DIRECTIVES and links[i - 1].dep_ == "xcomp":
            planned = planned or not any(x.lemma_.lower() in _STOPPING for x in links[:i])
        if i > 0 and lemma in _HELPING and links[i - 1].dep_ == "xcomp" and not _helped_in_the_past(t):
            planned = (
                True  # "is assisting the Iraqi government to ... destroy ISIL": a goal; "helped them retake" happened
            )
        if i > 0 and lemma in W.HYPOTHETICAL_GOVERNORS:
            hypothetical = True
        if i > 0 and t.pos_ == "NOUN" and lemma in _PLAN_NOUNS:
            planned = True  # "in preparation for the Mosul offensive", "the aim of ..."
    if negated:
        return Factuality.NEGATED
    if hypothetical:
        return Factuality.HYPOTHETICAL
    if planned:
        return Factuality.PLANNED
    return Factuality.ASSERTED


def _helped_in_the_past(verb: Token) -> bool:
    """ "helped Iraqi forces retake Ramadi", "have enabled them to free": a help given is a deed done."""
    return verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _told_as_past(verb: Token) -> bool:
    """A clause whose verb is in a past tense ("before he was shot", "until they were killed"): it happened.
    "if" and "unless" stay conditions whatever their tense."""
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if aux:
        return any(c.tag_ == "VBD" for c in aux) and not any(c.tag_ == "MD" for c in aux)
    return verb.tag_ == "VBD"


def _dated_by_past_day(tok: Token) -> bool:
    """An act noun named by its day ("Saturday's cowardly attack", "yesterday's bombings") happened, whatever
    a plan or wish above it is about."""
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "poss" and c.ent_type_ == "DATE" and c.lower_ not in ("tomorrow", "tomorrow's") for c in tok.children
    )


def _generic_chain(tok: Token) -> list[Token]:
    links = chain(tok)
    top = links[-1]
    if top.dep_ == "relcl" and top.head.head != top.head:
        # "Coalition nations which have conducted strikes in Iraq include ...": the relative clause
        # describes a noun of a standing-situation clause.
        links.extend(chain(top.head.head))
    return links


def is_generic_present(tok: Token) -> bool:
    """True for a clause in the simple present that states a standing situation or a definition.

    "The PKK is banned in Turkey", "Red notices are declared to ask ...", "Terrorists seek to divide us":
    not events (README "standing situations", "definitions"). Progressive, perfect and "continue to" clauses
    still report current events.
    """
    if _named_occurrence(tok):
        return False
    reacted_to = _reacted_to(tok)
    if reacted_to is not None:
        # a reaction said now ("strongly condemns") is about a particular act, or about such acts in general
        return not _particular(reacted_to)
    links = _generic_chain(tok)
    base = chain(tok)
    if len(links) > len(base) and _present_simple(links[-1]):
        return True
    for i, t in enumerate(base):
        if i > 0 and base[i - 1].dep_ == "dobj" and t.lemma_.lower() in _CLAIMING:
            return False  # "The Syrian army now claims full control of Aleppo": a claim made now, not a habit
        if t.tag_ in ("VBZ", "VBP") and _bare_plural_subject(t):
            return True  # "Terrorists seek to divide us": a generic subject in the present
        if t.lemma_.lower() in W.PLAN_GOVERNORS or any(c.dep_ == "expl" for c in t.children):
            return False  # planned acts and "there are reports of ..." are not standing situations
        if t.pos_ not in ("VERB", "AUX"):
            continue
        verdict = _tense_verdict(t)
        if verdict is not None:
            return verdict  # the first finite verb decides; infinitives defer to their governor
    return False


# Speech verbs whose object is the act they put forward ("claims control", "reports clashes", "denies the raid").
_CLAIMING = frozenset({"claim", "report", "announce", "confirm", "deny", "acknowledge", "admit"})


def _named_occurrence(tok: Token) -> bool:
    """A definite event noun placed by name ("The attacks in Qamenas, Sarmin and Talamenes demonstrate ..."):
    particular events, whatever the tense of the clause that comments on them."""
    if tok.pos_ != "NOUN" or not any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "these", "those", "that") for c in tok.children
    ):
        return False
    # the place may hang on a word of the phrase ("The use of chemical weapons by Daesh in Marea shows ..."),
    # never inside a clause on it
    stack, phrase = [tok], []
    while stack:
        t = stack.pop()
        phrase.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp"))
    return any(
        c.dep_ == "prep" and c.lower_ in ("in", "on", "near", "at") and any(g.pos_ == "PROPN" for g in c.children)
        for c in phrase
    )


def _tense_verdict(t: Token) -> bool | None:
    aux = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    if t.lemma_.lower() in W.ONGOING:
        return False
    if (t.tag_ == "VBP" or t.lower_ in W.REACTION_STATES) and _first_person_subject(t):
        # "We call on all parties to respect the ceasefire", "We are concerned by reports ... and call on ...":
        # a speech act made as it is said
        return False
    if any(a.lower_ in ("has", "have", "had", "was", "were", "did", "been") for a in aux):
        return False
    if any(a.tag_ == "MD" for a in aux):
        return False
    if any(a.lemma_ == "do" and a.tag_ in ("VBZ", "VBP") for a in aux):
        return True  # "A red notice doesn't force countries to conduct the arrest"
    if t.tag_ == "VBN" and any(a.lower_ in ("is", "are", "am") for a in aux):
        return True
    if t.tag_ in ("VBD", "VBG", "VBN"):
        return False
    if t.tag_ in ("VBZ", "VBP"):
        return not _counted_harm(t)
    return None


# Harm verbs whose counted victims make a present-tense clause one act told in the news present ("Bombardment
# on Aleppo city kills 7 civilians", "Airstrikes kill 5 at least"), never a standing situation.
_COUNTED_HARM = frozenset({"kill", "injure", "wound", "kidnap", "abduct", "execute", "behead", "arrest", "detain"})


def _counted_harm(t: Token) -> bool:
    if t.lemma_.lower() not in _COUNTED_HARM:
        return False
    done = next((c for c in t.children if c.dep_ == "dobj"), None)
    return done is not None and (done.pos_ == "NUM" or any(c.dep_ == "nummod" for c in done.children))


def _first_person_subject(t: Token) -> bool:
    """ "We call on ...", "We are concerned ... and call on ...": the verb's own subject or its first
    conjunct's is "I" or "we"."""
    subjects = ("nsubj", "nsubjpass")
    verb = t
    while not any(c.dep_ in subjects for c in verb.children) and verb.dep_ == "conj" and verb.head.i < verb.i:
        verb = verb.head
    return any(c.dep_ in subjects and c.lower_ in ("i", "we") for c in verb.children)


def _present_simple(t: Token) -> bool:
    aux = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    return t.tag_ in ("VBZ", "VBP") and not aux and t.lemma_.lower() not in W.ONGOING


def _reacted_to(tok: Token) -> Token | None:
    """The act noun a present reaction is about, when ``tok`` is that noun or a clause on it: "strongly
    condemns ISIL's attacks", "am appalled by this latest attack", "condemns attacks which have killed"."""
    for noun in (tok, *tok.ancestors):
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if (
            noun.pos_ == "NOUN"
            and noun.dep_ in ("dobj", "pobj")
            and (verb.lemma_.lower() in W.REACTION_VERBS or verb.lower_ in W.REACTION_STATES)
        ):
            return noun
        if noun.pos_ in ("VERB", "AUX") and noun is not tok:
            return None  # the reaction must govern the noun itself, not a clause above it
    return None


def _particular(noun: Token) -> bool:
    """An act noun that names one occurrence: "the/this attack", "ISIL's attacks", "today's attack", "two
    attacks", "attacks in Tel Tamer", "attacks which have killed"; not "all attacks on civilians"."""
    for c in noun.children:
        if c.dep_ == "det":
            if c.lower_ in ("all", "any", "every", "no", "such"):
                return False
            if c.lower_ in ("the", "this", "these", "that", "those"):
                return True
        if c.dep_ in ("poss", "nummod"):
            return True
        if c.dep_ == "prep" and any(g.pos_ == "PROPN" for g in c.children):
            return True
        if c.dep_ == "relcl" and (
            c.tag_ == "VBD" or any(a.lower_ in ("has", "have", "had") for a in c.children if a.dep_ == "aux")
        ):
            return True
    return False


def _bare_plural_subject(t: Token) -> bool:
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    return (
        subj is not None
        and subj.tag_ == "NNS"
        and not any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in subj.children)
    )
