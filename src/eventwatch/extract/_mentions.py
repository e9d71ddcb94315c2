"""One article: sentences → candidates → merged candidates → ``EventMention`` records."""

from __future__ import annotations

import hashlib
import logging
import re
from typing import TYPE_CHECKING

from eventwatch.extract import _words as W
from eventwatch.extract._build import (
    PATIENT_NOUNS,
    REFLEXIVES,
    SUFFER_VERBS,
    TAKING_GROUND,
    Candidate,
    build,
    is_headline_line,
)
from eventwatch.extract.actors import (
    QUANTITY_NOUNS,
    ArticleActors,
    after_ethnic,
    armed_groups,
    article_country,
    involved_forces,
    is_nisba,
    is_state_force,
    named_coalition,
    names_held_ground,
    note_group_subjects,
    publisher_actor,
    register_persons,
    settle_attackers,
)
from eventwatch.extract.casualties import told_dead_later, toll
from eventwatch.extract.clauses import prep_object
from eventwatch.extract.coding import acled
from eventwatch.extract.dates import EventDate, find_date, parse_published
from eventwatch.extract.merge import carry_dates, consolidate
from eventwatch.extract.triggers import ARSON_WORDS, TIES
from eventwatch.nlp.syntax import GROUND_VERBS
from eventwatch.nlp.text import doc_text
from eventwatch.records import DatePrecision, EventMention, Factuality, ParsedArticle, Plover

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

# Opening paragraphs searched for the article's own country (dateline, lead).
_LEAD_PARAGRAPHS = 3
_DEFINITE_ANAPHORS = frozenset(["the", "this", "these", "that", "those"])
_ANAPHOR_NOUNS = frozenset(
    [
        "attack",
        "attacks",
        "strike",
        "strikes",
        "shooting",
        "operation",
        "operations",
        "stabbing",
        "bombing",
        "raid",
    ]
)


def _refers_back(cand: Candidate) -> bool:
    """True when the clause points at an earlier event: "killed in the attack", "during the operation"."""
    doc = cand.trigger.token.doc
    tok = cand.trigger.token
    for t in tok.sent:
        if t.lower_ in _ANAPHOR_NOUNS and t.i not in cand.tokens and t.dep_ == "pobj":
            det = [c for c in t.children if c.dep_ == "det"]
            mods = [c for c in t.children if c.dep_ in ("amod", "compound", "poss", "nummod", "prep")]
            if det and det[0].lower_ in _DEFINITE_ANAPHORS and not mods and t.head.head.i in cand.tokens | {tok.head.i}:
                return True
    del doc
    return False


def _mention_id(article_id: str, cand: Candidate) -> str:
    span = cand.trigger_span
    return hashlib.sha1(f"{article_id}:{span.start}:{span.end}".encode()).hexdigest()[:16]


_NOUN_PREPOSITIONS = (
    (
        "on",
        frozenset(
            {"attack", "strike", "airstrike", "raid", "bombing", "shelling", "assault", "bombardment"} | {"warrant"}
        ),
    ),
    ("against", frozenset({"offensive", "operation", "campaign", "counteroffensive", "counter-offensive"})),
    ("against", frozenset({"rally", "protest", "demonstration", "march", "strike", "sit-in"})),
    ("of", PATIENT_NOUNS),
    ("with", frozenset({"clash", "fighting", "battle", "fight", "skirmish", "confrontation", "gunfight"})),
)


def _weapon_fired(cand: Candidate) -> str | None:
    """The weapon a fire/launch verb names as its object when its recipient is elsewhere ("missiles"; the
    "fire" of "opened fire at")."""
    tok = cand.trigger.token
    if cand.trigger.is_noun or tok.lemma_.lower() not in ("fire", "launch", "open", "use"):
        return None
    weapon = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if weapon is None or cand.actor2 is None or cand.actor2.span is None:
        return None
    if _in_recipient(cand, weapon):
        return None
    if tok.lemma_.lower() != "use":
        # the weapon with the words that make its kind ("tear gas", "ballistic missiles"), not its count
        first = weapon
        while first.i > 0 and first.nbor(-1).head.i == weapon.i and first.nbor(-1).dep_ in ("compound", "amod"):
            first = first.nbor(-1)
        return weapon.doc[first.i : _counted_end(weapon).i + 1].text
    # "used water cannons and tear gas against protesters": the whole of what was used
    last = max(
        (c for c in weapon.subtree if c.dep_ == "conj" and c.head.i == weapon.i), key=lambda c: c.i, default=weapon
    )
    return weapon.doc[weapon.left_edge.i : last.i + 1].text


def _counted_end(weapon: Token) -> Token:
    """The last word of a weapon phrase: "dozens of rockets", not "dozens"."""
    counted = prep_object(weapon, "of") if weapon.lower_ in QUANTITY_NOUNS else None
    return counted if counted is not None else weapon


def _in_recipient(cand: Candidate, tok: Token) -> bool:
    """Whether ``tok`` lies in the phrase that names the candidate's recipient."""
    span = cand.actor2.span if cand.actor2 is not None else None
    return span is not None and span.start <= cand.doc_offset + tok.idx < span.end


def _arson_words(cand: Candidate) -> str | None:
    """The word that makes "set" an arson ("fire", "ablaze", "alight"), or None."""
    tok = cand.trigger.token
    if cand.trigger.is_noun or tok.lemma_.lower() != "set":
        return None
    return next((c.lower_ for c in tok.children if c.lower_ in ARSON_WORDS), None)


def _own_preposition(cand: Candidate) -> str | None:
    """The preposition that introduces the recipient after the act noun itself ("a shooting at a party")."""
    if cand.actor2 is None or cand.actor2.span is None:
        return None
    shift = cand.doc_offset  # token offsets to article offsets
    for prep in cand.trigger.token.children:
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.dep_ == "prep" else None
        # the recipient is the object's own phrase, not a clause hung on it ("in the town ..., which targeted X")
        if pobj is not None and pobj.left_edge.idx + shift <= cand.actor2.span.start <= pobj.idx + shift:
            return prep.lower_
    return None


def _summary(cand: Candidate, text: str) -> str:
    parts = []
    if cand.trigger.token.lemma_.lower() in SUFFER_VERBS and cand.actor2 is not None:
        # "at least five died": those who suffered it come first; the act had no named doer
        parts = [cand.actor2.name or cand.actor2.text, cand.trigger_span.slice(text)]
        return _with_places(parts, cand)
    if cand.actor1 is not None:
        parts.append(cand.actor1.name or cand.actor1.text)
    tok = cand.trigger.token
    if cand.trigger.is_noun and tok.lemma_.lower() == "control" and tok.dep_ == "dobj":
        parts.append(tok.head.text)  # "Government forces regained control of Palmyra"
    if cand.trigger.is_refusal:
        # the "will not" is the refusal or threat itself: "U.S. will not allow al-Qaeda", "would not consider"
        parts += [c.text for c in tok.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < tok.i]
    if cand.trigger.is_noun and cand.mode in ("curfew", "martial-law") and tok.head.pos_ == "VERB":
        # "The military government declared a 30-day state of siege", "will extend the night-time curfew"
        parts += [tok.head.text, tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text]
        return _with_places(parts, cand)
    parts.append(cand.trigger_span.slice(text))
    if not cand.trigger.is_noun:
        reflexive = next(
            (c for c in tok.children if c.dep_ == "dobj" and c.lower_ in REFLEXIVES and cand.plover == "ASSAULT"), None
        )
        if reflexive is not None:
            parts.append(reflexive.text)  # "blew himself up", and whom that killed after it
        parts += [c.text for c in tok.children if c.dep_ == "prt"]  # "blew up", "shot down"
        if reflexive is not None and cand.actor2 is not None:
            parts[-1] += ","
            parts.append("killing")
        if cand.plover == "REQUEST" and tok.lemma_.lower() == "call" and cand.actor2 is not None:
            parts += [c.text for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")][:1]
    arson = _arson_words(cand)
    if arson == "fire":
        parts.append("fire to")  # "Militants set fire to a police station"
    if cand.trigger.is_noun and tok.lemma_.lower() in ("use", "control"):
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            parts.append(" ".join(t.text for t in of.subtree))  # "use of chemical weapons", "control of Palmyra"
    if cand.actor2 is not None:
        # an event noun takes its recipient with a preposition: "offensive against X", "strike on X"
        lemma = cand.trigger.token.lemma_.lower()
        preposition = _own_preposition(cand) or next((p for p, nouns in _NOUN_PREPOSITIONS if lemma in nouns), None)
        if cand.trigger.is_noun and preposition is not None:
            parts.append(preposition)
        weapon = _weapon_fired(cand)
        if weapon is not None:
            # "Iran launched missiles at US troops", not "launched US troops"
            parts += [weapon, "against" if cand.trigger.token.lemma_.lower() == "use" else "at"]
        parts += _object_before_recipient(cand)
        undergoer = _unowned_undergoer(cand)
        if undergoer is not None:
            # the recipient is the armed group the text around it is about, not the ground taken: "the SDF
            # liberated territory from ISIL" (not "liberated ISIL")
            parts += [undergoer, "from"]
        # the phrase itself for ground a group holds: "recaptured the ISIL-held town of Hit", not "recaptured ISIL"
        parts.append(cand.actor2.text if names_held_ground(cand.actor2) else cand.actor2.name or cand.actor2.text)
        if arson not in (None, "fire"):
            parts.append(arson)  # "Protesters set the governor's office ablaze"
    elif not cand.trigger.is_noun and tok.lemma_.lower() in ("use", "fire", "launch"):
        used = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if used is not None:
            parts.append(tok.doc[used.left_edge.i : _counted_end(used).i + 1].text)  # "ISIL used chemical weapons"
    parts += _undertaking(cand)
    return _with_places(parts, cand)


# Speech acts: made as they are said (their summary tells what they are to do; a statement dates them).
_SPEECH_ACTS = frozenset({"AGREE", "REQUEST", "THREATEN", "REJECT"})
_UNDERTAKING_WORDS = 8  # enough for "to conduct new completely fair elections", short of a whole programme


def _undertaking(cand: Candidate) -> list[str]:
    """What a promise, demand or threat with no recipient named is to do: "promised to conduct new completely
    fair elections" (the summary was only "Sviatlana Tsikhanouskaya promised")."""
    tok = cand.trigger.token
    if cand.plover not in _SPEECH_ACTS or cand.trigger.is_noun or cand.actor2 is not None:
        return []
    act = next((c for c in tok.children if c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children)), None)
    if act is None:
        return []
    done = next((c for c in act.children if c.dep_ in ("dobj", "attr")), None)
    end = min(done.right_edge.i if done is not None else act.i, act.i + _UNDERTAKING_WORDS)
    said = tok.doc[act.i : end + 1].text
    for bracket in ("(", "["):
        if bracket in said:
            said = said[: said.index(bracket)]  # "Rep. Ilhan Omar (D-Minn.", "uprising.[1]": not half an aside
    return ["to", said.rstrip(" .,;:-")]


def _object_before_recipient(cand: Candidate) -> list[str]:
    """What a verb acted on when its recipient is someone else the clause names, with the word that joins them:
    the forces a mobilisation raises ("mobilized army reservists against Iraq"), the aid or ties a sanction cuts
    ("halted economic aid to Serbia", "severed diplomatic ties with Iran")."""
    tok = cand.trigger.token
    if cand.trigger.is_noun or cand.plover not in ("MOBILIZE", "SANCTION") or cand.actor2 is None:
        return []
    done = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if done is None or cand.actor2.span is None or _in_recipient(cand, done):
        return []
    if cand.plover == "MOBILIZE":
        return [done.doc[done.left_edge.i : done.i + 1].text, "against"]
    prep = next(
        (p.lower_ for h in (done, tok) for p in h.children if p.dep_ == "prep" and p.lower_ in ("to", "with", "for")),
        None,
    )
    return [done.doc[done.left_edge.i : done.i + 1].text, prep] if done.lemma_.lower() in TIES and prep else []


def _unowned_undergoer(cand: Candidate) -> str | None:
    """The ground a verb took when its recipient is not that ground's phrase but whom it was taken from, given
    from the text around it or a "from" phrase: the object, or the noun a participle describes ("areas already
    liberated", "liberated the Syrian town of Dabiq from ISIL control")."""
    tok = cand.trigger.token
    if cand.trigger.is_noun or cand.actor2 is None or cand.plover not in ("ASSAULT", "COERCE"):
        return None
    if tok.dep_ in ("amod", "acl", "relcl") and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        ground: Token | None = tok.head
    else:
        # a bare participle's "subject" is what underwent it ("areas already liberated" misparsed as a clause)
        bare_participle = tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        objects = ("dobj", "nsubjpass", "nsubj") if bare_participle else ("dobj", "nsubjpass")
        ground = next((c for c in tok.children if c.dep_ in objects), None)
    if ground is None or (ground.lemma_.lower() not in W.TERRITORY and tok.lemma_.lower() not in TAKING_GROUND):
        return None
    if _in_recipient(cand, ground):
        return None  # the recipient is the ground's own phrase ("retook the ISIL-held town of Hit")
    end = ground.right_edge.i if ground.right_edge.i - ground.left_edge.i < _SHORT_PHRASE else ground.i
    return ground.doc[ground.left_edge.i : end + 1].text


# Tokens of a noun phrase short enough to quote whole in a summary ("the Syrian town of Dabiq").
_SHORT_PHRASE = 8


def _with_places(parts: list[str], cand: Candidate) -> str:
    said = " ".join(parts)
    # a place the phrase already names is not repeated: not "the Embassy in Baghdad in Baghdad"
    places = sorted(p for p in cand.places if not re.search(rf"(?<!\w){re.escape(p)}(?!\w)", said))
    if places:
        # "The Syrian Army entered Tell Tamer": the ground a verb takes is its object, not "in" it
        tok = cand.trigger.token
        into = tok.lemma_.lower() in GROUND_VERBS and tok.tag_ in ("VBD", "VBN", "VBZ", "VBP") and not cand.actor2
        parts.append(("" if into else "in ") + ", ".join(places))
    return " ".join(parts)


def _fatalities(cand: Candidate, text: str) -> tuple[int | None, int | None]:
    if cand.plover not in ("ASSAULT", "PROTEST"):
        # a release, an arrest or a withdrawal kills no one: a toll in its clause is another act's ("Rittenhouse,
        # the suspect in a shooting ... that left two people dead, was released")
        return None, None
    fat = toll(cand.casualties, "killed", text, 1 if cand.named_victim else None)
    inj = toll(cand.casualties, "injured", text)
    if fat is None and inj is not None and cand.plover == "ASSAULT":
        fat = 0  # README: 0 when the text says victims were injured only
    return fat, inj


def _to_mention(
    parsed: ParsedArticle, cand: Candidate, sentence_of: int, folded: bool, criminal: bool = False
) -> EventMention:
    article = parsed.article
    fat, inj = _fatalities(cand, article.text)
    acled_type, acled_sub = acled(
        cand.plover,
        cand.mode,
        cand.factuality,
        cand.lemmas,
        cand.actor1.sector if cand.actor1 else None,
        cand.actor2.sector if cand.actor2 else None,
        folded,
    )
    if criminal:
        acled_type, acled_sub = None, None
    return EventMention(
        id=_mention_id(article.id, cand),
        article_id=article.id,
        sentence_index=sentence_of,
        evidence=tuple(cand.evidence),
        trigger=cand.trigger_span,
        plover=Plover(cand.plover),
        mode=cand.mode,
        acled=acled_type,
        acled_sub=acled_sub,
        cameo=cand.cameo,
        actor1=cand.actor1,
        actor2=cand.actor2,
        date=cand.date.date if cand.date else None,
        date_precision=cand.date.precision if cand.date and cand.date.date else None,
        fatalities=fat,
        injured=inj,
        casualties=tuple(cand.casualties),
        factuality=cand.factuality,
        is_background=cand.is_background,
        summary=_summary(cand, article.text),
    )


def _date_own_statements(kept: list[Candidate], published: str | None) -> None:
    """A government's own statement makes its demands, threats and promises the day it is published ("The regime
    and those who back it must immediately deliver on their obligations" in a GOV.UK statement of 23 December;
    gold/dev gov-5a1cc2becd). A statement dated only by its month leaves them undated."""
    day, _, _ = parse_published(published)
    if day is None:
        return
    for cand in kept:
        if cand.date is None and cand.plover in _SPEECH_ACTS and cand.factuality is Factuality.ASSERTED:
            cand.date = EventDate(day.isoformat(), DatePrecision.DAY, 0, day.year)


def _note_later_deaths(kept: list[Candidate], parsed: ParsedArticle) -> None:
    """An attack on a named person whom a later sentence says died killed that person ("... was shot ... by a
    prisoner" and, two paragraphs on, "he was later pronounced dead")."""
    sentences = [(p.offset + sent.start_char, sent) for p in parsed.docs for sent in p.doc.sents]
    for cand in kept:
        if cand.plover != "ASSAULT" or not cand.victim_is_person or cand.named_victim or cand.actor2 is None:
            continue
        words = (cand.actor2.name or cand.actor2.text).replace('"', " ").split()
        if not words:
            continue
        after = [sent for start, sent in sentences if start > cand.trigger_span.start]
        if told_dead_later(words[-1], after):
            cand.named_victim = True


def _sentence_index(parsed: ParsedArticle, offset: int) -> int:
    for sentence in parsed.sentences:
        if sentence.span.start <= offset < sentence.span.end:
            return sentence.index
    return 0


# ACLED's United States coverage leaves out gun violence with no political actor or motive (gold/dev README
# "ACLED": null for non-political mass shootings in the US); a shooting framed as terrorism has a CRM/REB
# attacker and stays coded.
_CRIMINAL_VIOLENCE_COUNTRIES = frozenset({"USA"})


def _is_criminal_shooting(cand: Candidate, country: str | None) -> bool:
    """A shooting (or killing by unstated means) by an unidentified gunman in a country whose ACLED coverage
    leaves out non-political gun violence."""
    attacker = (cand.actor1.sector or "") if cand.actor1 else "UAF"
    return (
        country in _CRIMINAL_VIOLENCE_COUNTRIES
        and cand.plover == "ASSAULT"
        and cand.mode in ("firearms", None)
        and attacker == "UAF"
    )


def _is_folded(cand: Candidate, cands: list[Candidate]) -> bool:
    """An arrest by police at a protest or of an attacker is part of that event for ACLED (README)."""
    actor = (cand.actor1.sector or "")[:3] if cand.actor1 else ""
    recipient = (cand.actor2.sector or "")[:3] if cand.actor2 else ""
    if cand.plover == "ASSAULT" and actor == "COP" and recipient in ("UAF", "CRM"):
        # Police shooting or chasing the attacker during the attack is part of that attack.
        return any(
            c.plover == "ASSAULT" and c is not cand and (c.actor1 is None or c.actor1 is not cand.actor1) for c in cands
        )
    if (cand.plover, cand.mode) != ("COERCE", "arrest"):
        return False
    # Arrested by the police, or an attacker giving himself up ("the gunman surrendered to police").
    by_police = actor in ("COP", "", "UAF", "CRM")
    context = any(c.plover in ("PROTEST", "ASSAULT") and not c.is_background for c in cands if c is not cand)
    return by_police and context and recipient not in ("OPP", "GOV", "JRN")


def _without_nationalities(doc: Doc) -> str:
    """The paragraph's text with the demonyms that say a person's nationality, make part of a name or name an
    ethnic group blanked out ("An Australian, Brenton Tarrant, appeared in Christchurch", "Russian Foreign Minister
    Sergei Lavrov", "Abu Jandal al-Kuwaiti", "ethnic Turks in Sweden"): they name no place the story happens in,
    so the article's own country is looked for past them."""
    text = doc_text(doc)
    for tok in doc:
        if (tok.ent_type_ == "NORP" and (_of_a_person(tok) or after_ethnic(tok))) or (tok.is_title and is_nisba(tok)):
            text = text[: tok.idx] + " " * len(tok.text) + text[tok.idx + len(tok.text) :]
    return text


def _of_a_person(tok: Token) -> bool:
    named = [c for c in tok.children if c.dep_ == "appos"]  # "An Australian, Brenton Tarrant"
    head = tok.head
    while head.dep_ == "compound" and head.head.i != head.i:  # "Russian Foreign Minister Sergei Lavrov"
        head = head.head
    return any(t.ent_type_ == "PERSON" for t in (*named, head))


def extract_mentions(parsed: ParsedArticle) -> tuple[EventMention, ...]:
    """The event mentions of one parsed article, in text order."""
    article = parsed.article
    author = publisher_actor(article.outlet)
    lead = [_without_nationalities(p.doc) for p in parsed.docs[:_LEAD_PARAGRAPHS]]
    ctx = ArticleActors(
        default_country=article_country(lead, publisher=author.country if author is not None else None),
        mentions_police=bool(re.search(r"\bpolice\b", article.text, re.I)),
        armed_groups=armed_groups(article.text),
        coalition=named_coalition(article.text),
        author=author,
    )
    register_persons([(p.offset, p.doc) for p in parsed.docs], ctx)
    cands: list[Candidate] = []
    sentence_dates: list[tuple[int, int, EventDate | None, int]] = []
    for paragraph, pdoc in enumerate(parsed.docs):
        for sent in pdoc.doc.sents:
            start = pdoc.offset + sent.start_char
            # A dateline or title line carries the publication date, not the time frame of the story.
            sent_date = None if is_headline_line(sent) else find_date(sent.text, article.published)
            sentence_dates.append((start, pdoc.offset + sent.end_char, sent_date, paragraph))
            for cand in build(sent, pdoc.offset, paragraph, article.published, ctx):
                cand.is_anaphor = cand.is_anaphor or _refers_back(cand)
                cands.append(cand)
            note_group_subjects(sent, pdoc.offset, ctx)
    sentence_of = {id(c): _sentence_index(parsed, c.trigger_span.start) for c in cands}
    kept = consolidate(cands, sentence_of, article.published)
    carry_dates(kept, sentence_dates, cands, article.published)
    kept = [c for c in kept if c.merged_into is None]
    if is_state_force(author):
        _date_own_statements(kept, article.published)
    _note_later_deaths(kept, parsed)
    involved_forces(kept, [(p.offset, p.doc) for p in parsed.docs], ctx)
    settle_attackers(kept, ctx, article.text)
    return tuple(
        _to_mention(parsed, c, sentence_of[id(c)], _is_folded(c, kept), _is_criminal_shooting(c, ctx.default_country))
        for c in kept
    )
