"""One event per real event in an article: aggregates dropped, anaphors and repeated mentions merged.

Rules (gold/dev README "Granularity" and "Background events"):

* an aggregate ("conducted 23 strikes") whose count is the sum of other same-type mentions' counts in the
  article is not an event — but it still lends its actor and date to the list lines after it; counted
  strikes that are the subject of what they did ("Near X, 15 strikes engaged ...") are list items, never
  aggregates;
* a list continuation without its own actor or date ("Near X, one strike destroyed ...") takes them from the
  mention just before it when that one named its actor as a clause subject;
* an anaphor ("the attack", "in the strike", "during the operation") is merged into the nearest earlier
  mention of the same type; a repeated mention with the same type, mode, actors, date and compatible places
  is merged too; "Near X" lines (different places) and strikes on different days stay apart;
* events dated more than a year before publication are dropped, those older than a few weeks are background.
"""

from __future__ import annotations

import logging
from itertools import pairwise

from eventwatch.extract._build import CAMPAIGN_NOUNS, Candidate
from eventwatch.extract._resources import countries
from eventwatch.extract._words import ONGOING
from eventwatch.extract.dates import EventDate, days_before
from eventwatch.extract.triggers import is_time_owner, victims_owner
from eventwatch.records import Actor, DatePrecision, Factuality

log = logging.getLogger(__name__)

# README: background events are coded when they happened "within about a year before publication".
MAX_BACKGROUND_DAYS = 400
# A dated event this many days before publication is background rather than the news of the article.
BACKGROUND_DAYS = 21
# List continuations inherit from a mention at most this many sentences earlier (CENTCOM daily reports:
# the "In Syria, ... conducted 23 strikes" line is directly followed by its "Near X" lines).
MAX_LIST_GAP = 2
_MAX_SUBSET = 16
# Verbs that tell what an attack did to people: with no doer of their own they tell its toll.
_TOLL_VERBS = frozenset({"kill", "die", "injure", "wound"})


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and _key(a) == _key(b)


def _key(actor: Actor | None) -> tuple[str | None, str | None] | None:
    if actor is None:
        return None
    words = (actor.name or actor.text).split()
    if 1 < len(words) <= 4 and all(w[:1].isupper() for w in words):
        return ("name", (actor.name or actor.text).lower())  # a named person or group: compare names
    return (actor.country, (actor.sector or "")[:3] or None) if actor.country or actor.sector else (actor.name, None)


def _new_act_on_a_target(a: Candidate, b: Candidate) -> bool:
    """A later sentence's verb that acts on a named target ("After repelling terrorists' attacks ...") tells a
    new act, not an earlier mention without a target ("started a major ground operation") again. In one
    sentence it is part of the same act ("started attacking people there, and one of them died")."""
    return (
        b.actor2 is not None
        and a.actor2 is None
        and not b.trigger.is_noun
        and a.sent_start != b.sent_start
        and _lemma(a) != _lemma(b)
    )


def _lemma(cand: Candidate) -> str:
    return cand.trigger.token.lemma_.lower()


def _names_alike(act: Candidate, anaphor: Candidate) -> bool:
    """Whether an act was told with the anaphor's word ("an attack" ... "the attack"), itself or in a mention
    merged into it."""
    return _lemma(anaphor) in act.absorbed_lemmas | {_lemma(act)}


def _by_same_country(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and a.country is not None and a.country == b.country


def _may_be_by(earlier: Actor | None, anaphor: Actor | None) -> bool:
    """Whether an act by ``earlier`` may be the one an anaphor by ``anaphor`` names: "the Russian bombing" is
    not an act whose actor is known and of no or another country."""
    if earlier is None or anaphor is None or anaphor.country is None:
        return True
    return earlier.country == anaphor.country


def _tells_toll(cand: Candidate) -> bool:
    """A verb of harm that may tell an earlier act's toll: not a relative clause that sets it elsewhere
    ("another in Chippewa Falls, where at least five died")."""
    tok = cand.trigger.token
    return _lemma(cand) in _TOLL_VERBS and not any(c.lower_ in ("where", "when") for c in tok.children)


def _doer_named(cand: Candidate) -> str | None:
    """The named possessor of the victims a clause of harm names ("Khan" of "two of Khan's victims"), or None."""
    for tok in cand.trigger.token.children:
        owner = victims_owner(tok) if tok.dep_ in ("nsubj", "nsubjpass") else None
        if owner is not None and owner.pos_ == "PROPN":
            return owner.text
    return None


def _toll_of(act: Candidate, cand: Candidate) -> bool:
    """Whether an agentless verb of harm tells the toll of an earlier act of its paragraph and day."""
    return (
        _tells_toll(cand)
        and cand.factuality in (Factuality.ASSERTED, Factuality.REPORTED)
        and cand.mode in (None, act.mode)
        and act.paragraph == cand.paragraph
        and not _dated_apart(act, cand)
    )


def _named_by_day(cand: Candidate) -> bool:
    return any(is_time_owner(c) for c in cand.trigger.token.children)


def _dated_apart(a: Candidate, b: Candidate) -> bool:
    days = (a.date.date if a.date else None), (b.date.date if b.date else None)
    return None not in days and days[0] != days[1]


def _is_definite(cand: Candidate) -> bool:
    tok = cand.trigger.token
    return cand.trigger.is_noun and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def _retold_by(earlier: Candidate, definite: Candidate) -> bool:
    """Whether a definite act noun names ``earlier`` again: same type, an actor it may be by, and a target
    phrase that is the earlier one's or its start ("a petrol station" / "a petrol station in al-Hilla")."""
    if earlier.plover != definite.plover or earlier.actor2 is None or definite.actor2 is None:
        return False
    if not _may_be_by(earlier.actor1, definite.actor1) or earlier.factuality != Factuality.ASSERTED:
        return False
    if _name_words(earlier.actor2) & _name_words(definite.actor2):
        # "journalist Jamal Khashoggi was murdered" ... "the killing of Jamal": one person, one killing, wherever
        # the sentence that retells it is set
        return True
    if earlier.places and definite.places and not earlier.places & definite.places:
        return False
    a, b = _bare(earlier.actor2.text), _bare(definite.actor2.text)
    return len(min(a, b, key=len).split()) >= 2 and (a.startswith(b) or b.startswith(a))


# Words before a name that are no part of it ("Journalist Jamal Khashoggi", "President Trump").
_TITLES = frozenset({"journalist", "president", "general", "minister", "mr", "mrs", "ms", "dr", "prime", "leader"})


def _name_words(actor: Actor) -> set[str]:
    """The capitalised words of a one-person name ("Jamal", "Khashoggi"); empty for other phrases."""
    words = [w for w in (actor.name or actor.text).split() if w.lower() not in _TITLES]
    if len(words) > 4 or any(w.lower() in ("and", "of", "the") for w in words):
        return set()
    # "Syrian civilians" and "the Syrian army" share a nationality, not a name
    return {w for w in words if w[:1].isupper() and len(w) > 2 and w.isalpha() and w.lower() not in countries()}


def _bare(text: str) -> str:
    """A phrase lower-cased without its leading article ("a petrol station" -> "petrol station")."""
    words = text.lower().split()
    return " ".join(words[1:] if words[:1] in (["a"], ["an"], ["the"]) else words)


def _is_sum(target: int, parts: list[int]) -> bool:
    parts = parts[:_MAX_SUBSET]
    reachable = {0}
    for p in parts:
        reachable |= {r + p for r in reachable if r + p <= target}
    return target in reachable and len(parts) >= 2


def mark_aggregates(cands: list[Candidate]) -> None:
    for cand in cands:
        if cand.count is None or cand.count < 2:
            continue
        if cand.trigger.token.dep_ in ("nsubj", "nsubjpass"):
            continue  # "Near X, 15 strikes engaged ...": strikes that did something are list items, not a total
        smaller = [
            o.count
            for o in cands
            if o is not cand
            and o.count is not None
            and o.count < cand.count
            and (o.plover, o.mode) == (cand.plover, cand.mode)
        ]
        if _is_sum(cand.count, smaller):
            cand.is_aggregate = True


def inherit_list_context(cands: list[Candidate], sentence_of: dict[int, int]) -> None:
    striker: Candidate | None = None
    for cand in cands:
        # Itemised strike reports ("Near X, one strike destroyed ...") name the force once, in the summary
        # sentence that opens the list ("Coalition military forces conducted 34 strikes ..."): an agentless
        # strike noun is carried out by the latest force named as conducting strikes of the same kind.
        if (
            cand.plover == "ASSAULT"
            and cand.trigger.is_noun
            and cand.actor1 is None
            and cand.count is not None  # an itemised line counts its strikes; "reports of strikes" is news
            and striker is not None
            and striker.mode in (cand.mode, None)
            and sentence_of[id(cand)] - sentence_of[id(striker)] <= MAX_STRIKE_LIST_SENTENCES
        ):
            cand.actor1 = striker.actor1
        elif (
            cand.plover == "ASSAULT" and cand.actor1_from_subject and cand.actor1 is not None and cand.count is not None
        ):
            striker = cand
    for prev, cand in pairwise(cands):
        if (prev.plover, prev.mode) != (cand.plover, cand.mode) or not prev.actor1_from_subject:
            continue
        if sentence_of[id(cand)] - sentence_of[id(prev)] > MAX_LIST_GAP:
            continue
        if cand.actor1 is None and not _same_actor(cand.actor2, prev.actor1):
            # (not "the gunman ... before he was killed": who underwent it did not do it)
            cand.actor1 = prev.actor1
            cand.actor1_from_subject = True
        if cand.date is None and prev.date is not None:
            cand.date = prev.date


def _same_kind(a: Candidate, b: Candidate) -> bool:
    """Same type and mode; or a later mention by one of the weapons an earlier mention named in one phrase
    ("Russian air and cruise missile strikes ..." then "cruise missile strikes are targeting ..."). Two
    mentions of one sentence stay apart: shelling and air strikes named together are two events."""
    if a.plover != b.plover:
        return False
    if a.mode == b.mode:
        return True
    return a.sent_start != b.sent_start and {a.mode, b.mode} <= a.named_modes


def _office_retold(a: Candidate, b: Candidate) -> bool:
    """ "Boris Johnson met the Iraqi Foreign Minister" ... "The Foreign Secretary met the Iraqi Foreign Minister":
    a meeting or statement told once by name and once by office (same country and sector, same counterpart).
    Acts of force are not merged so: two strikes by one country's forces on one enemy are often two strikes."""
    one, other = a.actor1, b.actor1
    if a.plover in _MATERIAL_TYPES or one is None or other is None or a.actor2 is None or b.actor2 is None:
        return False
    same_side = one.country is not None and (one.country, (one.sector or "")[:3]) == (
        other.country,
        (other.sector or "")[:3],
    )
    return same_side and _key(a.actor2) == _key(b.actor2)


def _campaign_retold(a: Candidate, b: Candidate) -> bool:
    """ "Turkey began a military offensive into Syria on Wednesday" ... "On Wednesday, Turkey began a military
    offensive with airstrikes": one campaign of one day, told once without its means and once with them."""
    return (
        a.plover == b.plover
        and None in (a.mode, b.mode)
        and bool(a.lemmas & b.lemmas & CAMPAIGN_NOUNS)
        and _same_day(a, b)
    )


def _same_day(a: Candidate, b: Candidate) -> bool:
    return a.date is not None and b.date is not None and a.date.date is not None and a.date.date == b.date.date


def _compatible(a: Candidate, b: Candidate) -> bool:
    if not _same_kind(a, b) and not _campaign_retold(a, b):
        return False
    retold = _key(a.actor1) != _key(b.actor1) and _office_retold(a, b)
    if _key(a.actor1) is None or (_key(a.actor1) != _key(b.actor1) and not retold):
        return False
    if a.actor2 is not None and b.actor2 is not None and _key(a.actor2) != _key(b.actor2):
        return False
    if _new_act_on_a_target(a, b):
        return False
    if a.factuality != b.factuality and not b.trigger.is_noun:
        return False  # "will aim to storm" is not the offensive that started; "the army's offensive" is
    if a.count is not None and b.count is not None:
        return False  # two counted items of a list ("one strike ...", "five strikes ...")
    days = (a.date.date if a.date else None), (b.date.date if b.date else None)
    if days[0] != days[1] and not (retold and days[1] is None):
        return False  # (a meeting retold by office need not repeat its day)
    return not (a.places and b.places and not a.places & b.places)


def _purpose_of(act: Candidate, purpose: Candidate) -> bool:
    """Whether ``purpose`` is the infinitive that says what the attack ``act`` was for ("conducted a strike ... to
    target enemy fighters"), by the same doer."""
    tok = purpose.trigger.token
    if act.plover != "ASSAULT" or tok.dep_ not in ("advcl", "xcomp", "acl") or tok.tag_ != "VB":
        return False
    if not any(c.tag_ == "TO" for c in tok.children):
        return False
    head = act.trigger.token
    if tok.head not in (head, head.head) or tok.doc is not head.doc:
        return False
    return purpose.actor1 is None or act.actor1 is None or _key(purpose.actor1) == _key(act.actor1)


def _same_person_attacked(a: Candidate, b: Candidate) -> bool:
    """Whether ``b`` tells an attack on the person ``a`` was attacked, on the same day, by no other doer (``b`` may
    name the person by surname alone, which the tagger may not read as a person: "al-Quaety")."""
    if a.plover != "ASSAULT" or not a.victim_is_person or a.actor2 is None or b.actor2 is None:
        return False
    if a.factuality != b.factuality or _dated_apart(a, b):
        return False
    doers = a.actor1, b.actor1
    if None not in doers and _key(a.actor1) != _key(b.actor1) and not _by_same_country(*doers):
        return False  # ("US" and "United States" are one doer)
    return _surname_of(a.actor2) == _surname_of(b.actor2) != ""


def _surname_of(actor: Actor) -> str:
    """The last word of a name, lower-cased, its e and i, o and u alike ("bin Laden" is "bin Ladin")."""
    words = (actor.name or actor.text).split()
    if not words or not any(ch.isupper() for ch in words[-1]):  # "al-Quaety" counts
        return ""
    return words[-1].lower().translate(_TRANSLITERATED_VOWELS)


_TRANSLITERATED_VOWELS = str.maketrans({"e": "i", "o": "u"})


def _absorb(into: Candidate, other: Candidate) -> None:
    other.merged_into = into
    into.absorbed_lemmas |= {_lemma(other)} | other.absorbed_lemmas
    into.evidence.extend(span for span in other.evidence if span not in into.evidence)
    into.actor1 = into.actor1 or other.actor1
    into.actor2 = into.actor2 or other.actor2
    if (into.date is None or into.date.date is None) and not _tells_toll(other):
        # (a toll is often dated by the report that gives it: "By reports on Saturday, two victims died")
        into.date = other.date or into.date
    into.casualties.extend(other.casualties)
    into.named_victim = into.named_victim or other.named_victim


def merge_mentions(cands: list[Candidate]) -> None:
    live = [c for c in cands if not c.is_aggregate]
    for i, cand in enumerate(live):
        earlier = [c for c in live[:i] if c.merged_into is None]
        if cand.is_anaphor:
            # "The Russian bombing" names its actor: an act by someone else is another act.
            same = [
                c
                for c in reversed(earlier)
                if c.plover == cand.plover
                and _may_be_by(c.actor1, cand.actor1)
                and (None in (c.mode, cand.mode) or _same_kind(c, cand))  # "the bombardment" is no chemical attack
            ]
            # "the operation" names an earlier operation before any other act of its type, and "the Russian
            # bombing" an act by Russia before one by nobody named.
            same.sort(key=lambda c: (not _by_same_country(c.actor1, cand.actor1), not _names_alike(c, cand)))
            # An anaphor refers to something that happened, not to a threatened or possible act; one named by
            # its day ("Sunday's attack") to an act of that day.
            target = next(
                (
                    c
                    for c in same
                    if c.factuality in (Factuality.ASSERTED, Factuality.REPORTED)
                    and not (_named_by_day(cand) and _dated_apart(c, cand))
                ),
                None,
            )
            if target is not None:
                _absorb(target, cand)
                continue
        target = next((c for c in reversed(earlier) if _compatible(c, cand)), None)
        if target is None and cand.plover == "ASSAULT":
            # "conducted a precision strike on the location to target enemy fighters": what the strike was for
            target = next((c for c in reversed(earlier) if _purpose_of(c, cand)), None)
        if target is None and cand.plover == "ASSAULT" and cand.actor2 is not None:
            # "died ... after being shot in his car" ... "Multiple assailants attacked al-Quaety": an attack on
            # the same named person the same day is the one told, whoever the text says did it
            target = next((c for c in reversed(earlier) if _same_person_attacked(c, cand)), None)
        if target is None and _is_definite(cand) and cand.actor2 is not None:
            # "an attack on a petrol station and restaurant in al-Hilla" ... "the shocking attack on a petrol
            # station and restaurant at al-Hilla": a definite act noun on the same target retells that act.
            target = next((c for c in reversed(earlier) if _retold_by(c, cand)), None)
        if (
            target is None
            and cand.actor1 is None
            and not cand.places
            and cand.plover == "ASSAULT"
            and not cand.trigger.is_noun  # "reports of air strikes on X" is news of its own
        ):
            # An agentless, placeless repeat ("The man was then shot") is the earlier event retold, and the
            # wounded of a clause after an attack ("...died in last night's attack; twenty more were injured")
            # its toll.
            others = [
                c for c in reversed(earlier) if c.plover == cand.plover and not _same_actor(cand.actor2, c.actor1)
            ]
            doer = _doer_named(cand)
            if doer is not None:
                # "two of Khan's victims died": the toll of Khan's act (whenever reported), not of the police
                # shooting told since
                others = [c for c in others if c.actor1 is not None and doer in (c.actor1.name or c.actor1.text)]
                target = others[0] if others and cand.factuality in (Factuality.ASSERTED, Factuality.REPORTED) else None
            target = target or next((c for c in others if (c.mode, cand.date) == (cand.mode, None)), None)
            target = target or next((c for c in others if _toll_of(c, cand)), None)
        if target is not None:
            _absorb(target, cand)


def _age(date: EventDate | None, published: str | None) -> int | None:
    """Days from ``date`` to publication (a year-only date counts whole years), None when unknown."""
    age = days_before(date.date if date else None, published)
    if age is None and date is not None and date.year is not None and published and published[:4].isdigit():
        age = (int(published[:4]) - date.year) * 365
    return age


def _after(date: EventDate, published: str | None) -> bool:
    """Whether the date is after publication (for a month- or year-only publication date, after that period)."""
    if not date.date or not published:
        return False
    period = len(published)  # "YYYY-MM-DD", "YYYY-MM" or "YYYY": compare at the publication's own precision
    return date.date[:period] > published


def _long_before(date: EventDate, published: str | None) -> bool:
    age = _age(date, published)
    return age is not None and age > MAX_BACKGROUND_DAYS


def mark_background(cands: list[Candidate], published: str | None) -> None:
    for cand in cands:
        age = _age(cand.date, published)
        if age is None:
            continue
        if age > MAX_BACKGROUND_DAYS:
            cand.merged_into = cand  # dropped: older history is not coded
        elif age > BACKGROUND_DAYS:
            cand.is_background = True


def consolidate(cands: list[Candidate], sentence_of: dict[int, int], published: str | None) -> list[Candidate]:
    """The candidates that become events, in text order (others are merged, aggregates or too old)."""
    mark_aggregates(cands)
    inherit_list_context(cands, sentence_of)
    mark_background(cands, published)
    merge_mentions([c for c in cands if c.merged_into is None])
    return [c for c in cands if c.merged_into is None and not c.is_aggregate]


def _tells_past_act(cand: Candidate) -> bool:
    """True when the event's verb is a simple past ("destroyed", "was arrested", "had a call").

    A present, present-perfect or progressive verb ("have made progress", "are investigating", "continue to
    liberate", "are facing shelling") tells an ongoing activity, which the gold/dev README leaves undated.
    """
    tok = cand.trigger.token
    for _ in range(5):
        if tok.pos_ in ("VERB", "AUX") or tok.head == tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return True  # a verbless line ("Near X, one strike.") is told in the report's time frame
    clause = tok.head if tok.dep_ == "conj" else tok
    if clause.dep_ == "relcl" and clause.head.ent_type_ == "PERSON":
        return False  # "Viktar Babaryka, who was arrested and banned": who a person is, not the story's day
    if tok.tag_ in ("VBP", "VBZ") or tok.head.lemma_.lower() in ONGOING:
        return False
    return not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ", "MD") for c in tok.children)


# A time adverbial this close to the start of a sentence ("On Monday 19 December the Council ...", "Late on
# Sunday, ...") is fronted: it sets the time frame of the narrative that follows.
_FRONTED_CHARS = 16
_SPEECH_CARRY_SENTENCES = 2
# How far an itemised strike list runs after its summary sentence (a daily CENTCOM report lists up to
# about twenty "Near X" lines).
MAX_STRIKE_LIST_SENTENCES = 25
_MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "PROTEST", "AID", "SANCTION"})


def carry_dates(
    cands: list[Candidate],
    sentence_dates: list[tuple[int, int, EventDate | None, int]],
    all_cands: list[Candidate] | None = None,
    published: str | None = None,
) -> None:
    """Give undated events the narrative date in force where they are told.

    News prose states a date once and tells what follows in that time frame ("On Jan. 8, forces conducted
    34 strikes. Near X, one strike ..."; "Following the update, the minister said: ..."), so an event
    without a date of its own takes the latest day-precise date before it: its sentence's, or else the date
    of the latest dated event or sentence. ``sentence_dates``: (start, end, date expression) of every
    prose sentence in text order (None for headline-like lines), with its paragraph. Planned and hypothetical
    events and ongoing activity stay undated (gold/dev README "Dates"), and an explicitly unresolvable or vague
    date ("in the last 24 hours", "that week") is kept as it is.

    A sentence dated long before publication ("Robert was killed in June 1968.") sets a past frame for the rest
    of its paragraph: an undated act told in it ("Sirhan shot him in the head") is that history, dropped like
    any act dated more than a year before publication, not an act of the news day; so is an act in a sentence
    that opens on such a date ("In 2006, Abqaiq was the target of an Al-Qaeda suicide attack").
    """
    starts = sorted(c.trigger_span.start for c in (all_cands if all_cands is not None else cands))
    by_start = sorted(cands, key=lambda c: c.trigger_span.start)
    current: EventDate | None = None
    current_at = 0  # index of the sentence that set ``current``
    i = 0
    history_in: int | None = None  # the paragraph a past frame holds in
    for index, (start, end, sent_date, paragraph) in enumerate(sentence_dates):
        if history_in is not None and paragraph != history_in:
            current, history_in = None, None
        inside = []
        while i < len(by_start) and by_start[i].trigger_span.start < end:
            if by_start[i].trigger_span.start >= start:
                inside.append(by_start[i])
            i += 1
        long_ago = sent_date is not None and _long_before(sent_date, published)
        if long_ago and sent_date is not None and sent_date.start < _FRONTED_CHARS:
            # "In 2006, Abqaiq was the target of an Al-Qaeda suicide attack": the sentence's own acts are history
            current, current_at, history_in = sent_date, index, paragraph
        for cand in inside:
            # A speech act (demand, threat, refusal) is dated by its statement, whatever the tense of its
            # content; it takes the frame only from the lines that introduce it ("Following the update, the
            # Foreign Secretary said: ...") — further on, commentary is usually undated.
            verbal = cand.plover not in _MATERIAL_TYPES and index - current_at <= _SPEECH_CARRY_SENTENCES
            if (
                cand.date is None
                and current is not None
                and (verbal or cand.factuality in (Factuality.ASSERTED, Factuality.REPORTED))
                and (verbal or (cand.plover in _MATERIAL_TYPES and _tells_past_act(cand)))
            ):
                cand.date = current
                if history_in is not None:
                    cand.merged_into = cand  # dropped: older history is not coded
        if long_ago:
            current, current_at, history_in = sent_date, index, paragraph
            continue
        # A date after publication ("until his next court appearance on April 5") frames nothing that happened.
        dated = [
            c.date
            for c in inside
            if c.date is not None and c.date.precision is DatePrecision.DAY and not _after(c.date, published)
        ]
        has_event = any(start <= s < end for s in starts)
        if dated:
            current, current_at = dated[-1], index
        elif (
            sent_date is not None
            and sent_date.precision is DatePrecision.DAY
            and not _after(sent_date, published)
            and (not has_event or sent_date.start < _FRONTED_CHARS)
        ):
            # A date inside a sentence that tells an event is that event's or its reporter's ("according
            # to reports on Friday"); only a fronted one or one in an event-free sentence sets the frame.
            current, current_at = sent_date, index
