"""Event triggers: the verbs and nouns of a sentence that report a PLOVER event.

A word becomes a trigger when it is in the lexicon (``data/extract/triggers.tsv``, then the CAMEO verb
dictionary for verbs of material conflict) *and* its arguments pass the entry's condition. Nouns must in
addition be reported as happening (subject of a clause, object of "conduct"/"launch", "reports of ...", or
specified by an actor, target, date or count); a bare definite noun ("the attack") is kept as an anaphor
that ``merge.py`` links to its antecedent.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwatch.extract import _words as W
from eventwatch.extract._resources import TriggerEntry, cameo_codes, cameo_verbs, trigger_lexicon
from eventwatch.extract.actors import is_actor_phrase
from eventwatch.extract.clauses import dateline_dash, prep_object

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

log = logging.getLogger(__name__)

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_DEFINITE = frozenset(["the", "this", "these", "that", "those", "its", "their", "his", "her"])
# CAMEO roots coded from the verb dictionary alone (verbal roots need the lexicon's argument checks).
_CAMEO_ROOTS = frozenset({"17", "18", "19", "20", "14", "15"})
# Verbs that take, claim or announce control of a place ("regained control of Palmyra").
_CONTROL_TAKING = frozenset(
    {"claim", "take", "seize", "gain", "regain", "retake", "establish", "assume", "wrest", "declare", "announce"}
)
# Everyday verbs the CAMEO dictionary codes by one sense ("take" a town, "remove" a people): that sense only
# when they act on people, a place or control.
_VAGUE_CAMEO_VERBS = frozenset(
    {"take", "remove", "put", "get", "bring", "move", "send", "carry", "draw", "pull"}
    | {"grab", "hold", "overcome", "contain"}
)
# CAMEO verbs of force that news uses as often for elections, policy and problems ("beat the incumbent",
# "fight dirty air"): force only against a foe.
_FIGURATIVE_FORCE = frozenset({"fight", "combat", "beat", "defeat", "hammer", "crush", "battle"})
_FOES = frozenset({"terrorism", "insurgency", "extremism", "militancy", "threat", "group", "organisation"})
# What "target" aims at when it names an effort's goal, not an attack's object.
_AIMS = frozenset(
    {"training", "message", "audience", "market", "voter", "consumer", "reform", "goal", "program", "programme"}
    | {"effort", "rate", "inflation", "price", "growth", "deadline", "spending", "funding", "investment", "sale"}
)
_ELECTIONS = frozenset({"election", "vote", "voter", "poll", "ballot", "race", "incumbent", "gubernatorial", "primary"})
_SCORE = re.compile(r"(?<![\d-])\d{1,2}[-–]\d{1,2}(?![\d-])")  # a match result: "2-0"
_SELF_REPORTING = frozenset({"ceasefire", "warrant", "phone", "access", "control_of"})
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "xcomp", "parataxis"})
# Predicates that state what an act is for, not that it took place ("is aimed at", "was designed to").
_PURPOSE_PREDICATES = frozenset({"aim", "intend", "design", "mean"})


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    plover: str
    mode: str | None
    cameo: str
    is_noun: bool
    is_anaphor: bool = False
    needs_distinct_actors: bool = False
    is_refusal: bool = False  # the negation is the act itself ("would not consider requests")


def subject(tok: Token) -> Token | None:
    """Grammatical subject of ``tok`` (inherited through xcomp/conj/advcl chains)."""
    seen = 0
    via_conj = False
    # "are concerned ... and call on": a present form acts; "was ripped ... and kidnapped" (the parser may tag it
    # VBD) shares the passive, and its subject underwent both
    active = tok.tag_ in ("VB", "VBP", "VBZ", "VBG")
    if _misparsed_act(tok):
        # "Boko Haram militants killed at least 30 farmers ..., officials said", misparsed with "killed" as a
        # participle on the militants: a participle with an object of its own is the noun's act
        return tok.head
    aim = _aim_of(tok)
    if aim is not None:
        # "comments on the start of the Iraqi mission to recapture Mosul": the parser may hang the infinitive on
        # the clause; whoever owns the mission recaptures, not whoever comments
        return next((c for c in aim.children if c.dep_ == "poss" or (c.dep_ == "amod" and c.ent_type_ == "NORP")), None)
    while seen < 6:
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        # "fighters which, the statement said, European nations have refused to repatriate": the parser may
        # hang the relative pronoun on the verb as a second subject; the noun phrase is the real one.
        named = [c for c in subjects if c.tag_ not in ("WDT", "WP")]
        if subjects:
            return _past_dateline(named or subjects)
        passive_subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if via_conj and active and passive_subject is not None:
            return passive_subject  # "We are concerned by reports ... and call on all parties": we call on them
        for child in tok.children:
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        if passive_subject is not None:
            # "he was bombed and killed by coalition aircraft": the agent of the last passive serves both
            shared = next(
                (
                    g
                    for c in tok.children
                    if c.dep_ == "conj" and c.tag_ == "VBN"
                    for a in c.children
                    if a.dep_ == "agent"
                    for g in a.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            return shared
        controller = _object_controller(tok)
        if controller is not None:
            return controller  # "supporting the government of Iraq to defeat terrorism": the government defeats
        if tok.dep_ in ("xcomp", "conj", "advcl", "acomp") and tok.head != tok:
            via_conj = tok.dep_ == "conj"
            tok = tok.head  # "the army is ready to storm ...": through the adjective to the copula's subject
            seen += 1
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head != tok.head:
            # "After repelling attacks, the army ...", "made progress in clearing areas": the gerund's doer is
            # the subject of the clause it modifies (through the noun the phrase qualifies).
            tok = tok.head.head
            if tok.dep_ in ("dobj", "pobj", "attr") and tok.pos_ == "NOUN":
                tok = tok.head
            seen += 1
            continue
        return None
    return None


# Nouns of an undertaking whose infinitive says what it is for ("the mission to recapture Mosul").
_UNDERTAKINGS = frozenset(
    {"mission", "operation", "campaign", "offensive", "bid", "effort", "attempt", "plan", "drive", "push"}
)


def _aim_of(verb: Token) -> Token | None:
    """The undertaking noun right before an infinitive ("mission" of "the Iraqi mission to recapture"), or None."""
    if verb.i < 2 or verb.doc[verb.i - 1].lower_ != "to" or verb.dep_ not in ("advcl", "xcomp", "acl", "relcl"):
        return None
    noun = verb.doc[verb.i - 2]
    return noun if noun.pos_ == "NOUN" and noun.lemma_.lower() in _UNDERTAKINGS else None


# Verbs whose own subject does what their infinitive says, whatever their object ("used warplanes to bomb",
# "promised Turkey to withdraw").
_SUBJECT_CONTROL = frozenset({"use", "promise", "take", "need", "spend", "pay", "cost", "employ"})


def _misparsed_act(tok: Token) -> bool:
    """ "An air strike killed 12 Palestinians ..., officials said": the parser reads the main verb as a participle
    on the subject of "said"; a participle with an object of its own and no subject is that subject's act."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and tok.head.dep_ in ("nsubj", "nsubjpass")
        and any(c.dep_ == "dobj" for c in tok.children)
        and not any(c.dep_.startswith("nsubj") for c in tok.children)
    )


def _past_dateline(subjects: list[Token]) -> Token:
    """The subject a dateline hides: "ADEN, Yemen (Reuters) - Saudi-led coalition warplanes struck ..." is
    parsed with the city as the subject and the warplanes as its apposition, "KHARTOUM (Reuters) - Sudan's
    Rapid Support Forces attacked ..." with the city as a second subject."""
    subj = subjects[0]
    dash = dateline_dash(subj.doc)
    if dash is None or subj.i > dash:
        return subj
    after = [s for s in subjects if s.i > dash]
    if after:
        return after[0]
    return next((c for c in subj.subtree if c.i > dash and c.dep_ == "appos"), subj)


def _object_controller(tok: Token) -> Token | None:
    """The object of the verb an infinitive complements, which is its doer ("urged the rebels to attack")."""
    if tok.dep_ != "xcomp" or tok.head == tok or tok.head.lemma_.lower() in _SUBJECT_CONTROL:
        return None
    return next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)


def obj(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    return None


def _lemmas(tokens: object) -> set[str]:
    return {t.lemma_.lower() for t in tokens}  # type: ignore[attr-defined]


def _armed_vehicle(tok: Token) -> bool:
    """A vehicle a force runs ("Israeli army bulldozers", "military jets"): its force acts through it."""
    return tok.lemma_.lower() in W.VEHICLES | {"bulldozer", "tank"} and any(
        c.lemma_.lower() in W.TROOPS for c in tok.children if c.dep_ in ("compound", "amod")
    )


def _people(tok: Token) -> bool:
    """People named as people: a crowd noun, candidates and the like, or a plural demonym ("Albanians")."""
    lemma = tok.lemma_.lower()
    return lemma in W.PEOPLE or lemma in _PERSON_NOUNS or (tok.ent_type_ == "NORP" and tok.tag_ in ("NNS", "NNPS"))


# Nouns for persons by role that a ban or a rally names ("banned opposition candidates").
_PERSON_NOUNS = frozenset({"candidate", "politician", "leader", "member", "journalist", "lawmaker", "figure"})


def _has_disaster(tok: Token | None) -> bool:
    return tok is not None and bool(_lemmas(tok.subtree) & W.DISASTER)


# A gas blast is an accident ("a gas explosion at a noodle shop", "a gas cylinder exploded") unless the gas is
# a weapon ("a chlorine gas attack", "gas-filled bombs").
_GAS_BLASTS = frozenset({"explosion", "blast", "leak", "cylinder", "canister", "tank", "explode", "fire", "pipe"})
_GAS_AS_WEAPON = frozenset({"attack", "chemical", "chlorine", "sarin", "mustard", "nerve", "tear", "weapon", "bomb"})


def _gas_accident(sent: SpacySpan) -> bool:
    """A gas blast in the sentence, or one the sentence calls "the blast" right after it."""
    if _gas_blast(sent):
        return True
    retold = any(
        t.lemma_.lower() in ("blast", "explosion") and any(c.lower_ == "the" for c in t.children) for t in sent
    )
    return retold and sent.start > 0 and _gas_blast(sent.doc[sent.start - 1].sent)


def _gas_blast(sent: SpacySpan) -> bool:
    words = {t.lemma_.lower() for t in sent}
    if "gas" not in words or words & _GAS_AS_WEAPON:
        return False
    return any(
        t.lemma_.lower() == "gas" and (t.head.lemma_.lower() in _GAS_BLASTS or t.nbor(1).lemma_.lower() in _GAS_BLASTS)
        for t in sent
        if t.i + 1 < len(t.doc)
    )


def _around(noun: Token) -> set[str]:
    """Lemmas of ``noun``'s phrase and of the subject and object of the verb it hangs on ("a gas leak caused an
    explosion"), leaving out that verb's other clauses ("before the jet crashed")."""
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    words = _lemmas(noun.subtree)
    if verb is not None:
        words.add(verb.lemma_.lower())
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj", "agent"):
                words |= _lemmas(child.subtree)
    return words


def _clause_words(tok: Token) -> set[str]:
    head = tok
    while head.dep_ not in ("ROOT", "ccomp", "relcl", "advcl") and head.head != head:
        head = head.head
    return _lemmas(head.subtree) | _lemmas(tok.subtree)


def _check(cond: str, tok: Token, sent: SpacySpan) -> bool:
    subj, dobj = subject(tok), obj(tok)
    if cond == "":
        return True
    others = {t.lemma_.lower() for t in sent if t.i != tok.i}  # "storm" the verb is not a storm
    if cond == "forces_obj":
        # "deployed 500 troops", "the army deployed", "deployed warships"; not "deployed a camera"
        return _a_force(dobj) if dobj is not None else subj is not None and _a_force(subj)
    if cond == "not_said_obj":
        # "withdrew its troops" is a retreat; "withdrew its report" takes back words (attribute: retract)
        return dobj is None or dobj.lemma_.lower() not in W.STATEMENT_NOUNS
    if cond in ("actor_subj", "harm") and _in_training(sent) and not _takes_someone_or_somewhere(dobj):
        return False  # "We got to shoot with them for two weeks before this exercise": drill, not attack
    if cond in ("actor_subj", "harm") and _figurative_patient(tok, dobj):
        return False  # "the deal had been killed by the Pentagon", "we hit a home run", "stocks hit a record"
    if cond == "actor_subj":
        if tok.lemma_.lower() == "target" and dobj is not None and dobj.lemma_.lower() in _AIMS:
            return False  # "we're targeting the training", "targeting voters": aiming an effort, no attack
        if others & W.SPORT:
            return False  # "Pakistan defeated India in a cricket match", "Russia beat Croatia in the final"
        if subj is not None:
            return not _has_disaster(subj)
        return not (others & W.DISASTER)
    if cond == "harm":
        doer = tok.head if subj is not None and subj.lower_ in ("that", "which") and tok.dep_ == "relcl" else subj
        accidental = _gas_accident(sent)
        if (
            doer is not None
            and doer.lemma_.lower() in W.ATTACK_CONTEXT
            and not _around(doer) & W.DISASTER
            and not accidental
        ):
            # "the US airstrike that killed Iranian general ...": an attack's own harm, whatever else the
            # sentence tells ("before the jet crashed")
            return True
        words = _clause_words(tok) | others
        if words & W.DISASTER or accidental or any(_is_illness(t) for t in sent):
            return False  # "killed in the earthquake", "died of natural causes, most likely a heart attack"
        if subj is not None and subj.lemma_.lower() in W.ATTACK_CONTEXT | {"airstrike", "strike"}:
            return True
        if subj is not None and is_actor_phrase(subj, military=True):
            return True  # "Serb forces killed three ...": armed actors harming someone is an attack
        if victims_owner(subj or tok) is not None:
            return True  # "two of Khan's victims died": a person's victims suffered his act
        return bool(words & W.ATTACK_CONTEXT)
    if cond == "territory":
        return dobj is not None and (dobj.ent_type_ in ("GPE", "LOC", "FAC") or dobj.lemma_.lower() in W.TERRITORY)
    if cond == "troop_subj":
        return subj is not None and (subj.lemma_.lower() in W.TROOPS or is_actor_phrase(subj, military=True))
    if cond == "troops_into_ground":
        # "The Syrian Army entered Tell Tamer and Ain Issa"; not "the SDF entered into an agreement"
        ground = dobj is not None and (dobj.pos_ == "PROPN" or dobj.lemma_.lower() in W.TERRITORY)
        return ground and subj is not None and (subj.lemma_.lower() in W.TROOPS or is_actor_phrase(subj, military=True))
    if cond == "troop_obj":
        return dobj is not None and dobj.lemma_.lower() in W.TROOPS
    if cond == "hostile_obj":
        return _hostile(dobj)
    if cond == "threat_to_someone":
        # "threatened to attack", "threatened Turkey"; not "The officers' lives were seriously threatened" (danger)
        endangered = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        by_someone = any(c.dep_ == "agent" for c in tok.children)
        return by_someone or endangered is None or endangered.lemma_.lower() not in _ENDANGERED
    if cond == "repel":
        # "repelled attacks", "repelled the rebels", "troops repelled ..."; not "Many were repelled" (disgust)
        pushed_back = _hostile(dobj) or (dobj is not None and dobj.lemma_.lower() in W.ATTACK_CONTEXT)
        return pushed_back or (subj is not None and is_actor_phrase(subj, military=True))
    if cond == "weapon_obj":
        return _holds_weapon(dobj)
    if cond == "open_fire":
        return dobj is not None and dobj.lower_ == "fire"
    if cond == "people_subj":
        # "thousands demonstrated", "100 ethnic Albanians demonstrated" (a people named by its demonym)
        return dobj is None and subj is not None and (_people(subj) or subj.pos_ == "NUM")
    if cond == "person_obj":
        if dobj is None and tok.dep_ == "conj" and tok.tag_ == "VBN":
            dobj = obj(tok.head)  # "who was arrested and banned from the election": the shared passive subject
        # "banned Babaryka from the election", "banned opposition candidates from participating"
        return dobj is not None and (dobj.ent_type_ == "PERSON" or dobj.pos_ == "PRON" or _people(dobj))
    if cond == "to_police":
        return any(t.lemma_.lower() in ("police", "authority", "officer") for t in tok.subtree)
    if cond == "security_obj":
        return dobj is not None and "security" in _lemmas(dobj.subtree)
    if cond == "executed_obj":
        # "militants executed 12 prisoners", "five civilians were executed": people put to death by someone,
        # never "executed the plan" (nor "executing Fields would not bring her back", a sentence debated)
        passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        victim = passive if passive is not None else (dobj if subj is not None else None)
        return victim is not None and (
            victim.ent_type_ == "PERSON" or victim.lemma_.lower() in W.CAPTIVES | W.PEOPLE | {"civilian", "child"}
        )
    if cond == "captive_obj":
        return dobj is not None and (dobj.lemma_.lower() in W.CAPTIVES or dobj.ent_type_ == "PERSON")
    if cond == "call_on":
        # "called on the government to ...", "were called upon to resign"; not "Police were called to the home
        # on the 200 block" (summoned somewhere)
        on = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
        if on is None:
            return False
        asked = next((g for g in on.children if g.dep_ == "pobj"), None)
        summoned_to = any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
        return asked is None or not summoned_to or asked.pos_ in ("PRON", "PROPN") or is_actor_phrase(asked)
    if cond == "legal":
        return any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.subtree)
    if cond == "dobj":
        return any(c.dep_ == "dobj" for c in tok.children)
    if cond == "consult":
        return dobj is not None or any(c.lower_ == "with" for c in tok.children)
    return True


# What a danger, not a threat made by someone, is said to threaten ("lives were threatened").
_ENDANGERED = frozenset({"life", "lives", "safety", "security", "stability", "peace", "future", "existence", "health"})
_SANCTION_WORDS = frozenset({"sanction", "sanctions", "listing", "listings", "embargo", "blacklist", "designation"})


def _figurative_patient(tok: Token, dobj: Token | None) -> bool:
    """What a harm verb is done to is a plan, a deal or a figure: no one is harmed."""
    patient = dobj or next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    return patient is not None and patient.lemma_.lower() in W.FIGURATIVE_PATIENTS


def _about_sanctions(tok: Token, sent: SpacySpan) -> bool:
    """True when "target" speaks of sanctions: its paragraph names them, its sentence no attack and its doer
    is no armed force ("Coalition jets targeted ISIL positions")."""
    doer = subject(tok)
    armed = doer is not None and (doer.lemma_.lower() in W.TROOPS | W.MATERIEL or is_actor_phrase(doer, military=True))
    return bool(_lemmas(tok.doc) & _SANCTION_WORDS) and not _lemmas(sent) & W.ATTACK_CONTEXT and not armed


def _hostile(dobj: Token | None) -> bool:
    """An enemy as object: "engaged ISIL units", "repelled the rebels"."""
    return dobj is not None and (dobj.lemma_.lower() in W.HOSTILE_OBJECTS or is_actor_phrase(dobj))


def _holds_weapon(phrase: Token | None) -> bool:
    """ "fired rockets", "the use of chemical weapons": a weapon word in the phrase."""
    return phrase is not None and bool(_lemmas(phrase.subtree) & W.WEAPONS.keys())


def _is_illness(tok: Token) -> bool:
    """ "a heart attack", "natural causes": illness, not anyone's act."""
    return tok.lemma_.lower() in ("attack", "cause") and any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in W.ILLNESS_MODIFIERS for c in tok.children
    )


def _in_training(sent: SpacySpan) -> bool:
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in W.TRAINING for t in sent)


def _a_force(tok: Token) -> bool:
    """Troops, a unit ("the 507th ARW", "airmen") or military hardware."""
    lemma = tok.lemma_.lower()
    if lemma in W.TROOPS | W.MATERIEL or lemma in ("airman", "airmen", "wing", "reservist"):
        return True
    return is_actor_phrase(tok, military=True) or any(c.ent_type_ == "ORDINAL" for c in tok.children)


def _a_foe(dobj: Token | None, subj: Token, sent: SpacySpan) -> bool:
    """Whether a figurative verb of force is force here: no election in the sentence, and a hostile object
    ("defeat ISIL", "combat terrorism") or, with none, an armed subject ("the army fought for days")."""
    if _lemmas(sent) & (_ELECTIONS | W.SPORT) or _SCORE.search(sent.text):
        return False  # "Democrats beat the incumbent", "Wales beat Hungary 2-0 to qualify"
    if dobj is None:
        return subj.lemma_.lower() in W.TROOPS or is_actor_phrase(subj, military=True)
    lemma = dobj.lemma_.lower()
    return (
        lemma in W.HOSTILE_OBJECTS | W.ATTACK_CONTEXT | _FOES
        or lemma.endswith("attack")  # "fought off several counterattacks and six VBIEDs"
        or lemma in W.WEAPONS
        or lemma in W.MEANS_OF_ATTACK
        or _takes_someone_or_somewhere(dobj)  # people, places, named groups and states
    )


def _takes_someone_or_somewhere(dobj: Token | None) -> bool:
    if dobj is None:
        return False
    counted = prep_object(dobj, "of")
    if counted is not None and dobj.ent_type_ in ("PERCENT", "CARDINAL", "QUANTITY"):
        dobj = counted  # "have taken back 30% of territory"
    lemma = dobj.lemma_.lower()
    return (
        dobj.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "NORP")
        or lemma in W.TERRITORY | W.CAPTIVES | W.PEOPLE | {"control", "power"}
        or is_actor_phrase(dobj)
    )


# What a military operation is launched to do to ground or an enemy.
_CAMPAIGN_AIMS = frozenset(
    {"isolate", "liberate", "retake", "recapture", "capture", "clear", "seize", "encircle", "besiege", "storm"}
    | {"expel", "defeat", "oust", "dislodge", "free", "drive", "push"}
)


def victims_owner(word: Token) -> Token | None:
    """Whose victims a phrase names: "Khan" of "Khan's victims" or "two of Khan's victims", "gunman" of "the
    gunman's victims"; None for other phrases."""
    victims = prep_object(word, "of") if word.lemma_.lower() != "victim" else word
    if victims is None or victims.lemma_.lower() != "victim":
        return None
    return next((c for c in victims.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)


def _noun_check(cond: str, tok: Token, sent: SpacySpan) -> bool:
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")}
    if cond == "mil_mod":
        # "Russia's operation", "the army's operations"; not "Mahan's operations" (an airline's flights)
        return (
            bool(mods & {"military", "ground", "army", "offensive", "air", "combat", "counter", "assault"})
            or any(c.dep_ == "poss" and (c.pos_ == "PRON" or is_actor_phrase(c)) for c in tok.children)
            # "the operation to isolate Raqqah"
            or any(c.dep_ == "acl" and c.lemma_.lower() in _CAMPAIGN_AIMS for c in tok.children)
            # "The SDF began the operation"
            or (
                tok.dep_ == "dobj"
                and (subj := subject(tok.head)) is not None
                and (subj.lemma_.lower() in W.TROOPS or is_actor_phrase(subj, military=True))
            )
        )
    if cond == "ceasefire":
        head = tok.head.lemma_.lower()
        acl = {c.lemma_.lower() for c in tok.children if c.dep_ == "acl"}
        return bool({head, *acl} & {"announce", "agree", "declare", "sign", "reach", "broker", "implement"})
    if cond == "warrant":
        return "arrest" in mods and tok.head.lemma_.lower() in ("issue", "seek", "sign")
    if cond == "phone":
        return bool(mods & {"phone", "telephone"})
    if cond == "fought_now":
        # "Street battles raged in Baghdad"; not "the Raqqa battle" a writer recalls, nor "the battle against ISIS"
        return not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in tok.children) and not (
            prep_object(tok, "against") or prep_object(tok, "for")
        )
    if cond == "access":
        return tok.head.lemma_.lower() in ("give", "grant", "allow", "provide")
    if cond == "control_of":
        # "claims full control of Aleppo", "regained control of Palmyra"; not "under the control of" a group
        place = prep_object(tok, "of")
        return (
            tok.dep_ == "dobj"
            and tok.head.lemma_.lower() in _CONTROL_TAKING
            and place is not None
            and (
                place.ent_type_ in ("GPE", "LOC", "FAC") or place.pos_ == "PROPN" or place.lemma_.lower() in W.TERRITORY
            )
        )
    if cond == "weapon_of":
        # "the use of chemical weapons by Daesh in Marea"; not "the use of force" or "the use of translators"
        return _holds_weapon(prep_object(tok, "of"))
    if cond == "people_mod":
        return bool(_lemmas(sent) & {"protester", "demonstrator", "supporter"})
    return True


def _is_specified(tok: Token) -> bool:
    """True when an event noun names its actor, target, time or count (not just "the attack")."""
    for child in tok.children:
        dep, low = child.dep_, child.lemma_.lower()
        if low in W.UNREAL_MODIFIERS:
            return False
        if dep == "poss" and child.pos_ != "PRON" and not is_time_owner(child):
            return True
        if any(t.lower_ == "counter" for t in child.subtree):
            continue  # "counter-ISIL operations" are against ISIL, not by it
        if dep in ("amod", "compound") and (
            child.ent_type_ in ("NORP", "GPE", "ORG", "DATE") or is_actor_phrase(child)
        ):
            return True
        if dep == "nummod":
            return True
        if dep == "prep" and low in ("on", "against", "by", "near"):
            return True
        if dep == "prep":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            # "the bombing of Raed Karmi" (a name the model may tag ORG), "the shelling of Aleppo"
            if pobj is not None and (pobj.ent_type_ == "DATE" or (low == "of" and pobj.pos_ == "PROPN")):
                return True
    return False


def is_time_owner(tok: Token) -> bool:
    """A day or a time of day as the possessor of an act noun: "last night's", "Sunday's", "yesterday's" (not
    "last week's protests", which are others than the news of the day)."""
    return tok.dep_ == "poss" and tok.lower_ in W.DAY_OWNERS


def _told_as_done(noun: Token) -> bool:
    """Whether a noun is the subject or object of a verb in the past ("clashes erupted", "launched airstrikes",
    "have killed"): what it names happened, however "new" or "further" it is."""
    head = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj") or head.pos_ not in ("VERB", "AUX"):
        return False
    aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "would", "could", "may", "might", "should", "must", "to", "can"}:
        return False
    return head.tag_ == "VBD" or bool(aux & {"has", "have", "had", "was", "were"})


def _noun_reported(tok: Token) -> tuple[bool, bool]:
    """(is reported as an act, is a bare anaphor) for an event noun."""
    anchor = tok
    while anchor.dep_ == "conj" and anchor.head.i < anchor.i:
        anchor = anchor.head  # "shelling and airstrikes": the second noun shares the first one's role
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ("report", "reports"):
        return True, False  # "There are also reports of air strikes on ..."
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lemma_.lower() in W.TRANSPARENT:
        anchor = anchor.head.head
    if any(c.lemma_.lower() in W.UNREAL_MODIFIERS for c in tok.children if c.dep_ in ("amod", "advmod")):
        if not _told_as_done(anchor):
            return False, False  # "to prevent further attacks", "possible strikes"
        return True, False  # "Further clashes erupted in Tripoli", "Israel launched new airstrikes on Gaza"
    if anchor.dep_ in ("attr", "compound") or (anchor.dep_ == "pobj" and anchor.head.lower_ in ("as", "including")):
        return False, False
    specified = _is_specified(tok)
    # "last night's attack", "Sunday's bombing": an act named by its day is one, and one the article has told
    named_by_day = any(is_time_owner(c) for c in tok.children)
    is_definite = named_by_day or any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in tok.children)
    anaphor = not specified and is_definite
    head = anchor.head
    if is_definite and anchor.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in _PURPOSE_PREDICATES:
        # "The army's operation in X is aimed at ...": a definite act whose purpose is described is one the
        # article already reported, however specified its phrase; it joins that act rather than being new.
        return True, True
    if anchor.dep_ in ("nsubj", "nsubjpass") and head.lemma_ != "be":
        return True, anaphor
    if anchor.dep_ in ("dobj", "xcomp") and head.lemma_.lower() in W.LIGHT_VERBS:
        return True, anaphor
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ("report", "reports"):
        return True, False
    if anchor.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "VERB":
        return True, anaphor
    if anchor.dep_ == "nsubj" and head.lemma_ == "be" and any(c.lower_ == "there" for c in head.children):
        return True, anaphor
    return specified or named_by_day, anaphor


_NAMED_THINGS = frozenset({"ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"})


def _entry_for(tok: Token) -> TriggerEntry | None:
    lex = trigger_lexicon()
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" and tok.ent_iob_ == "I" and tok.ent_type_ in _NAMED_THINGS:
        return None  # a word of an organisation's name: the ruling "Democratic Rally" holds no rally
    # Gerunds the parser tags as verbs: "shooting" as a subject, "facing shelling" (xcomp of a light verb).
    nounish = tok.pos_ in ("NOUN", "PROPN") or (
        tok.pos_ == "VERB"
        and tok.tag_ == "VBG"
        and (
            tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj")
            or (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in W.LIGHT_VERBS)
        )
    )
    if nounish:
        return lex.get((lemma, "NOUN")) or lex.get((tok.lower_, "NOUN")) or lex.get((tok.lower_.rstrip("s"), "NOUN"))
    if tok.pos_ == "VERB" and tok.tag_ == "VBN" and tok.dep_ in _NOMINAL_DEPS and _has_article(tok):
        return None  # "where the wounded were first in line to be evacuated": people, not an act
    if tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound", "nmod"):
        taken = obj(tok)
        if taken is not None and taken.lemma_.lower() == "control" and lemma in _CONTROL_TAKING:
            return None  # "took / seized control of the town": the act is the control taken (see "control_of")
        entry = lex.get((lemma, "VERB"))
        if entry is not None:
            return entry
        if tok.dep_ not in _CLAUSE_DEPS or subject(tok) is None or obj(tok) is None or lemma in W.LIGHT_VERBS:
            return None
        if (taken := obj(tok)) is not None and taken.lemma_.lower() in ("sanction", "embargo"):
            return None  # "slapped an embargo on Cuba": the sanction is the act (see _sanctions), no slap
        code = cameo_verbs().get(lemma)
        info = cameo_codes().get(code or "")
        subj = subject(tok)
        if subj is None or (subj.lemma_.lower() in W.VEHICLES and not _armed_vehicle(subj)):
            return None  # "the aircraft overran the runway" is an accident; "army bulldozers demolished homes" no
        if not (is_actor_phrase(subj) or _armed_vehicle(subj)):
            return None
        if lemma in _VAGUE_CAMEO_VERBS and not _takes_someone_or_somewhere(obj(tok)):
            return None  # "will take all necessary action", "removed his knife": no seizure, no expulsion
        if lemma in _FIGURATIVE_FORCE and not _a_foe(obj(tok), subj, tok.sent):
            return None  # "Democrats beat incumbent Gov. Matt Bevin", "London fighting dirty air"
        if info is not None and info.root in _CAMEO_ROOTS and info.plover:
            return TriggerEntry(lemma, "VERB", info.plover, info.mode, info.code, "actor_subj")
    return None


_TOLERATING = frozenset({"tolerate", "allow", "permit", "accept", "condone", "prevent", "deter", "stop"})


def _acts_in_general(noun: Token) -> bool:
    """ "We will not tolerate attacks on our citizens": acts of that kind, not one that happened."""
    return (
        noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in _TOLERATING
        and noun.tag_ == "NNS"
        and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)
    )


_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj"})


def _has_article(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in tok.children)


def find_triggers(sent: SpacySpan) -> list[Trigger]:
    """Triggers of one sentence, in text order."""
    found: list[Trigger] = []
    for tok in sent:
        entry = _entry_for(tok)
        if entry is None:
            continue
        if entry.pos == "VERB":
            if not _check(entry.condition, tok, sent):
                continue
            if (
                tok.dep_ == "acl"
                and not _misparsed_act(tok)
                and not any(c.dep_ in ("agent", "nsubj") for c in tok.children)
            ):
                # "prisoners arrested during the campaign", "equipment captured near X": a modifier; but "reports
                # that ISIL has killed 70 members" is a clause with its own subject, and "An air strike killed 12
                # Palestinians, officials said" (misparsed as a participle on "strike") has its own object
                continue
            if tok.lemma_.lower() == "shoot" and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
                found.append(Trigger(tok, "ASSAULT", "heavy-weapons", "194", False))
                continue
            if tok.lemma_.lower() == "target" and _about_sanctions(tok, sent):
                # "We are targeting developers ... of chemical weapons" among new sanctions listings
                found.append(Trigger(tok, "SANCTION", None, "163", False))
                continue
            found.append(
                Trigger(
                    tok,
                    entry.plover,
                    entry.mode,
                    entry.cameo,
                    False,
                    needs_distinct_actors=entry.condition == "consult",
                )
            )
            continue
        if not _noun_check(entry.condition, tok, sent) or _is_illness(tok) or _acts_in_general(tok):
            continue
        # Nouns with their own syntactic condition ("given access", "issued arrest warrants", "a phone
        # conversation", "the ceasefire announced by") are reported by that condition.
        reported, anaphor = (True, False) if entry.condition in _SELF_REPORTING else _noun_reported(tok)
        if not reported:
            continue
        plover, mode, cameo = entry.plover, entry.mode, entry.cameo
        if entry.condition == "clash" and _lemmas(sent) & {"protester", "demonstrator", "counter", "rally"}:
            plover, mode, cameo = "PROTEST", "riot", "145"
        walkout = _walkout(tok)
        if walkout is not None:
            plover, mode, cameo = "PROTEST", walkout, "142" if walkout == "hunger" else "143"
        found.append(Trigger(tok, plover, mode, cameo, True, is_anaphor=anaphor))
    found.extend(_modal_requests(sent, {t.token.i for t in found}))
    found.extend(_refusals(sent, {t.token.i for t in found}))
    found.extend(_arson(sent, {t.token.i for t in found}))
    found.extend(_exceptional_rule(sent, {t.token.i for t in found}))
    found.extend(_sanctions(sent, {t.token.i for t in found}))
    return sorted(found, key=lambda t: t.token.i)


def _sanctions(sent: SpacySpan, taken: set[int]) -> list[Trigger]:
    """Sanctions or an embargo imposed ("imposed sanctions on the Taliban"), and aid or ties cut ("halted
    economic aid to Serbia", "suspended diplomatic relations"): PLOVER SANCTION."""
    out: list[Trigger] = []
    for tok in sent:
        if tok.i in taken or tok.dep_ != "dobj":
            continue
        lemma, verb = tok.lemma_.lower(), tok.head.lemma_.lower()
        if lemma in ("sanction", "embargo") and verb in _IMPOSING | {"levy", "slap", "tighten", "expand", "reimpose"}:
            out.append(Trigger(tok, "SANCTION", None, "163", True))
        elif lemma in TIES and verb in _CUTTING and tok.head.i not in taken:
            out.append(Trigger(tok.head, "SANCTION", None, "161" if lemma in ("relation", "tie") else "162", False))
    return out


# What a state cuts to sanction another, and the verbs that cut it.
TIES = frozenset({"aid", "assistance", "funding", "tie", "relation", "cooperation"})
_CUTTING = frozenset({"halt", "suspend", "cut", "freeze", "stop", "sever", "break", "withdraw", "end"})


def _exceptional_rule(sent: SpacySpan, taken: set[int]) -> list[Trigger]:
    """A curfew, martial law or a state of emergency or siege declared or imposed (PLOVER COERCE curfew,
    martial-law); lifting or easing one is no coercion."""
    out: list[Trigger] = []
    for tok in sent:
        if tok.i in taken or tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "nsubjpass"):
            continue
        lemma = tok.lemma_.lower()
        state = prep_object(tok, "of") if lemma == "state" else None
        if lemma == "curfew":
            mode, cameo = "curfew", "1723"
        elif (lemma == "law" and any(c.lower_ == "martial" for c in tok.children)) or (
            state is not None and state.lemma_.lower() in ("emergency", "siege")
        ):
            mode, cameo = "martial-law", "1724"
        else:
            continue
        if tok.head.lemma_.lower() in _IMPOSING:
            out.append(Trigger(tok, "COERCE", mode, cameo, True))
    return out


# Verbs that put a curfew or martial law in force ("declared a state of siege", "imposed a curfew").
_IMPOSING = frozenset({"declare", "impose", "extend", "announce", "introduce", "enforce", "order", "proclaim"})


def _walkout(tok: Token) -> str | None:
    """ "hunger" for a hunger strike, "strike" for a work stoppage ("a general strike", "workers began a
    strike"), None for any other strike (an attack)."""
    if tok.lemma_.lower() != "strike":
        return None
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss")}
    if "hunger" in mods:
        return "hunger"
    if mods & _WORK_STOPPAGES:
        return "strike"
    doer = subject(tok.head) if tok.dep_ == "dobj" else None
    return "strike" if doer is not None and doer.lemma_.lower() in _WORKFORCES else None


# Words that make a strike a work stoppage, and who stops work.
_WORK_STOPPAGES = frozenset({"general", "labor", "labour", "national", "nationwide", "worker", "teacher", "union"})
_WORKFORCES = frozenset({"worker", "teacher", "union", "employee", "driver", "doctor", "nurse", "miner", "staff"})


def _arson(sent: SpacySpan, taken: set[int]) -> list[Trigger]:
    """ "set fire to a police station", "set the offices ablaze": an attack by fire (an actor must set it)."""
    out: list[Trigger] = []
    for tok in sent:
        if tok.lower_ not in _SET_FORMS or tok.i in taken or tok.pos_ != "VERB":
            continue
        kids = {c.lower_ for c in tok.children if c.dep_ in ("dobj", "oprd", "acomp", "advmod", "prt", "xcomp")}
        if not kids & ARSON_WORDS or not _check("actor_subj", tok, sent):
            continue
        doer = subject(tok)
        if doer is not None and doer.lemma_.lower() in _CROWDS:
            out.append(Trigger(tok, "PROTEST", "riot", "145", False))  # protesters burning a building riot
        else:
            out.append(Trigger(tok, "ASSAULT", None, "190", False))
    return out


# The words that make "set" an arson ("set fire to", "set ... ablaze").
ARSON_WORDS = frozenset({"fire", "ablaze", "alight"})
_CROWDS = frozenset({"protester", "demonstrator", "rioter", "crowd", "mob", "protestor"})
_SET_FORMS = frozenset({"set", "sets", "setting"})


_REFUSING = frozenset({"consider", "accept", "recognize", "recognise", "tolerate"})


def _refusals(sent: SpacySpan, taken: set[int]) -> list[Trigger]:
    """ "would not consider requests" is a refusal; "we will not allow X to ..." a threat (dev README)."""
    out: list[Trigger] = []
    for tok in sent:
        if tok.i in taken or tok.pos_ != "VERB" or not any(c.dep_ == "neg" for c in tok.children):
            continue
        lemma = tok.lemma_.lower()
        subj = subject(tok)
        judged = any(c.dep_ in ("oprd", "attr", "acomp", "xcomp") for c in tok.children)
        if lemma in _REFUSING and obj(tok) is not None and not judged:
            # "would not consider requests"; not "can't be considered a significant change" (a judgement)
            out.append(Trigger(tok, "REJECT", None, "120", False, is_refusal=True))
        elif (
            lemma == "allow"
            and subj is not None
            and subj.lower_ in ("we", "i")
            and any(c.lower_ in ("will", "'ll", "would") for c in tok.children)
        ):
            out.append(Trigger(tok, "THREATEN", "violence", "130", False, is_refusal=True))
    return out


def _modal_requests(sent: SpacySpan, taken: set[int]) -> list[Trigger]:
    """ "X must/should do Y" with an actor subject: a demand on X (README: REQUEST incl. "must")."""
    out: list[Trigger] = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.i in taken or tok.lemma_ in ("be", "have", "remain", "understand", "know"):
            continue
        aux = [c for c in tok.children if c.dep_ == "aux" and c.lower_ in ("must", "should")]
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if not aux or subj is None or subj.lower_ in ("it", "this", "that", "there", "i", "we", "you", "one"):
            continue
        if subj.pos_ == "PRON" and subj.lower_ != "they":
            continue
        out.append(Trigger(tok, "REQUEST", "yield", "100", False))
    return out
