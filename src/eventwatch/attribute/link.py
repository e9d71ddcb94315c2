"""From attributions to claims on event mentions.

An attribution speaks to an event when its scope covers the event's trigger (the innermost one wins:
"Johnson said: '... the Syrian army now claims ...'" gives the army's claim), when it sits in the sentence of
one of the event's other evidence clauses (a claim about a detail, with ``about``), or when its content
refers back to the event ("these strikes", "this has been denied", "Syrian aircraft are involved"). An
event nobody speaks to gets the author's assertion (dev README "Claims").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwatch.attribute._model import Attribution
from eventwatch.attribute._syntax import ArticleView, Sent
from eventwatch.attribute.cues import verb_cues
from eventwatch.attribute.registry import country_of_name
from eventwatch.records import Claim, EventMention, Plover, Source, SourceKind, Span, Stance

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

# How far back (sentences) a back-reference looks for its event: "this"/"these strikes" point at the last
# few sentences; "the attack" in a long story names its main event wherever it was told; a denial matched by
# shared words lies in between (dev articles: Navalny's hospital denial comes 7 sentences after the claim).
_ANAPHOR_WINDOW = 4
_DEFINITE_WINDOW = 40
_LEXICAL_WINDOW = 8
_CORE_ARGS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj"})
_HARM_VERBS = frozenset({"kill", "die", "injure", "wound", "hurt"})
# Event nouns of a back-reference and the PLOVER types they can name.
_NOUN_TYPES: dict[str, frozenset[Plover]] = {
    "arrest": frozenset({Plover.COERCE}),
    "protest": frozenset({Plover.PROTEST}),
    "rally": frozenset({Plover.PROTEST}),
    "march": frozenset({Plover.PROTEST}),
    "demonstration": frozenset({Plover.PROTEST}),
}
_DEFAULT_TYPES = frozenset({Plover.ASSAULT})
_WORD = re.compile(r"[A-Za-z]+")
_STOP = frozenset(
    [
        "that",
        "this",
        "these",
        "those",
        "there",
        "their",
        "they",
        "were",
        "have",
        "been",
        "with",
        "from",
        "which",
        "would",
        "could",
        "about",
        "said",
        "says",
        "also",
        "into",
        "after",
        "before",
    ]
)
_DEAD = re.compile(r"\b(kill|killed|dead|died|die|death|toll)\b", re.I)
_INJURED = re.compile(r"\b(injur\w*|wound\w*|hurt)\b", re.I)


@dataclass(frozen=True, slots=True)
class Link:
    """A claim on one mention, with what the factuality step needs to know about it."""

    claim: Claim
    attribution: Attribution | None  # None: the author's own assertion
    covers_main: bool  # the attribution covers the event's main clause (its trigger)


def _token(view: ArticleView, offset: int) -> tuple[Sent, Token] | None:
    return view.token_at(offset)


def _event_token(view: ArticleView, span: Span) -> tuple[Sent, Token] | None:
    """The head of an evidence clause; a reporting verb's complement when the clause is "X said S"."""
    found = view.main_token(span)
    if found is None:
        return None
    sent, token = found
    if token.lemma_ in verb_cues():
        for c in token.children:
            if c.dep_ in ("ccomp",) and span.start <= sent.offset + c.idx < span.end:
                return sent, c
    return found


def covers(attribution: Attribution, sent: Sent, token: Token) -> bool:
    """Whether ``attribution`` reports the event whose trigger is ``token``."""
    offset = sent.offset + token.idx
    if offset == attribution.cue_offset:
        return True
    if not attribution.covers(offset):
        return False
    if token.pos_ in ("NOUN", "PROPN") and not attribution.is_quote:
        # A nominal event inside reported content is presupposed ("alongside the Russian strikes, the army
        # has started ...") unless it is the content itself or a core argument of the content's head.
        if offset in attribution.heads:
            return True
        head_offset = sent.offset + token.head.idx
        if token.dep_ in _CORE_ARGS and head_offset in attribution.heads:
            return True
        # "reports that 20 civilians were killed in airstrikes": the airstrikes are how the reported deaths came
        harm = token.head.head if token.dep_ == "pobj" and token.head.lower_ in ("in", "by") else None
        return harm is not None and harm.lemma_.lower() in _HARM_VERBS and sent.offset + harm.idx in attribution.heads
    return True


def _about(view: ArticleView, attribution: Attribution) -> str | None:
    """What part of the event a detail claim is about, from the words of its content."""
    if attribution.about:
        return attribution.about
    content = " ".join(s.slice(view.text) for s in attribution.scope)
    if _DEAD.search(content):
        return "death toll"
    if _INJURED.search(content):
        return "injuries"
    if "terror" in content.lower():
        return "terrorist nature"
    return "details"


def _evidence(view: ArticleView, attribution: Attribution, event_sentence: int | None) -> Span:
    cue_sent = view.sents[attribution.sentence].char_span()
    if event_sentence is None or event_sentence == attribution.sentence:
        return cue_sent
    other = view.sents[event_sentence].char_span()
    # The cue and the quoted content it introduces ("X said:" + paragraph): evidence runs from one to
    # the other.
    return Span(min(cue_sent.start, other.start), max(cue_sent.end, other.end))


def _claims(view: ArticleView, attribution: Attribution, evidence: Span, about: str | None) -> list[Claim]:
    return [
        Claim(
            source=source,
            stance=attribution.stance,
            evidence=evidence,
            cue=attribution.cue,
            cue_span=attribution.cue_span,
            is_hedged=attribution.hedge is not None,
            hedge=attribution.hedge,
            about=about,
        )
        for source in attribution.sources
    ]


def resolve_anaphors(
    view: ArticleView, mentions: tuple[EventMention, ...], attributions: list[Attribution]
) -> dict[int, tuple[int, str | None]]:
    """For each back-referring attribution (by index): the index of the mention it speaks to and ``about``.

    Besides explicit back-references (``Attribution.anaphor``), content in a sentence no mention touches
    speaks to an earlier attack when it gives casualty figures ("Two women and a man were injured, according
    to the reports": a toll is a detail of an ASSAULT told before it) or names its perpetrator by role
    ("police suspect the attackers ...", "the gunman was ...": a definite role noun presupposes the attack).
    """
    triggers = []
    for m_index, mention in enumerate(mentions):
        found = _token(view, mention.trigger.start)
        if found is not None:
            triggers.append((m_index, found))
    touched = _touched_sentences(view, mentions)
    out: dict[int, tuple[int, str | None]] = {}
    for a_index, attribution in enumerate(attributions):
        if attribution.anaphor is None:
            if attribution.is_quote or attribution.sentence in touched:
                # A quotation is the speaker's own words, not a report of a toll; casualty words there
                # are rhetoric as often as figures.
                continue
            if _names_participant(view, attribution):
                window = _DEFINITE_WINDOW  # "the suspect", like "the attack", names the main event
            elif _is_casualty_content(view, attribution):
                window = _LEXICAL_WINDOW
            else:
                named = _named_person_event(view, mentions, attribution)
                if named is None and _alleges(view, attribution):
                    # "Associates of Navalny alleged he drank tea laced with poison": an allegation that
                    # shares its words with an earlier attack is about that attack
                    lexical = _lexical(view, mentions, attribution)
                    if lexical is not None and mentions[lexical[0]].plover in _DEFAULT_TYPES:
                        named = lexical[0]  # an attack: an election "victory" claimed shares words, not the event
                if named is not None:
                    out[a_index] = (named, _about(view, attribution))
                continue
            chosen = _best_mention(view, mentions, attribution, _DEFAULT_TYPES, window, nearest=False)
            if chosen is not None:
                out[a_index] = (chosen, _about(view, attribution))
            continue
        if any(covers(attribution, sent, tok) for _, (sent, tok) in triggers):
            continue  # its content names an event of its own
        target = _antecedent(view, mentions, triggers, attributions, out, a_index)
        if target is not None:
            out[a_index] = target
    return _innermost(attributions, out)


def _innermost(
    attributions: list[Attribution], resolved: dict[int, tuple[int, str | None]]
) -> dict[int, tuple[int, str | None]]:
    """Drop a back-reference whose content holds another one's cue for the same mention ("He told the BBC
    that police suspect the attackers ...": the police's claim, not the teller's), as ``link_mention`` keeps
    the innermost covering attribution (dev README: nested attribution keeps the original speaker)."""
    outer = {
        a
        for a, (m, _) in resolved.items()
        for b, (n, _) in resolved.items()
        if a != b and m == n and attributions[a].covers(attributions[b].cue_offset)
    }
    return {a: target for a, target in resolved.items() if a not in outer}


def _touched_sentences(view: ArticleView, mentions: tuple[EventMention, ...]) -> set[int]:
    """Sentences holding a mention's trigger or evidence (claims there link through the evidence)."""
    found: set[int] = set()
    for mention in mentions:
        for span in (mention.trigger, *mention.evidence):
            for offset in (span.start, max(span.start, span.end - 1)):
                sent = view.sent_at(offset)
                if sent is not None:
                    found.add(sent.index)
    return found


def _is_casualty_content(view: ArticleView, attribution: Attribution) -> bool:
    content = " ".join(s.slice(view.text) for s in attribution.scope)
    return bool(_DEAD.search(content) or _INJURED.search(content))


# Role nouns that, definite, presuppose an attack already told ("the attackers", "the suspect", "the
# gunman"); news English names the perpetrator by role once the event is introduced.
_ROLE_NOUNS = frozenset(
    {
        "attacker",
        "assailant",
        "gunman",
        "shooter",
        "bomber",
        "perpetrator",
        "suspect",
        "killer",
        "stabber",
    }
)


def _names_participant(view: ArticleView, attribution: Attribution) -> bool:
    """Whether the content names an attack's perpetrator by a definite role noun ("the suspects")."""
    for span in attribution.scope:
        sent = view.sent_at(span.start)
        if sent is None:
            continue
        for token in sent.span:
            if not span.start <= sent.offset + token.idx < span.end:
                continue
            if token.pos_ == "NOUN" and token.lemma_ in _ROLE_NOUNS:
                det = next((c for c in token.children if c.dep_ in ("det", "poss")), None)
                if det is not None and det.lower_ not in ("a", "an", "no", "any"):
                    return True
    return False


_ALLEGING = frozenset({"allege", "claim", "accuse"})


def _alleges(view: ArticleView, attribution: Attribution) -> bool:
    """Whether the attribution is a named source's allegation ("X alleged ..."), not a belief ("X thinks")
    or a bare adverb ("Allegedly, ...")."""
    found = _token(view, attribution.cue_offset)
    return (
        attribution.stance is Stance.CLAIM
        and found is not None
        and found[1].pos_ == "VERB"
        and found[1].lemma_.lower() in _ALLEGING
    )


def _named_person_event(view: ArticleView, mentions: tuple[EventMention, ...], attribution: Attribution) -> int | None:
    """The earlier attack whose victim or attacker the content names as a person ("Al Jazeera reported that
    Wiranto was flown to a hospital": a detail of the stabbing of Wiranto); the latest such one."""
    names: set[str] = set()
    for span in attribution.scope:
        sent = view.sent_at(span.start)
        if sent is None:
            continue
        names.update(
            t.text
            for t in sent.span
            if span.start <= sent.offset + t.idx < span.end and t.ent_type_ == "PERSON" and t.pos_ == "PROPN"
        )
    if not names:
        return None

    def names_a_participant(mention: EventMention) -> bool:
        words = {w for a in (mention.actor1, mention.actor2) if a is not None for w in a.text.split()}
        return mention.plover in _DEFAULT_TYPES and bool(names & words)

    return _latest_before(view, mentions, attribution, _LEXICAL_WINDOW, names_a_participant)


# Participant words and the actor sector they name: content that speaks of "police" is about the event whose
# actor is a police force ("police discharged their firearms" -> "officers shot him"), whatever the wording.
_SECTOR_WORDS = {
    "police": "COP",
    "officer": "COP",
    "cop": "COP",
    "soldier": "MIL",
    "troop": "MIL",
    "army": "MIL",
    "military": "MIL",
    "forces": "MIL",
    "airstrike": "MIL",
    "rebel": "REB",
    "militant": "REB",
    "insurgent": "REB",
    "protester": "CVL",
    "demonstrator": "CVL",
    "civilian": "CVL",
}


def _sectors(text: str) -> set[str]:
    found = set()
    for word in _WORD.findall(text.lower()):
        for key, sector in _SECTOR_WORDS.items():
            if word.startswith(key):
                found.add(sector)
    return found


def _affinity(view: ArticleView, mention: EventMention, content: str, head: str | None) -> int:
    """How well an event mention matches back-referring content: the words of its head (the event noun of
    "the attack", else the whole content) shared with the mention's trigger, and the actor sectors the
    content's participant words name. Names in the content are not compared: a claim names the accused
    ("the crash was Iran's doing"), who may be the actor of another, unrelated event."""
    actors = [a for a in (mention.actor1, mention.actor2) if a is not None]
    score = len(_stems(head or content) & _stems(mention.trigger.slice(view.text)))
    actor_sectors = {x for a in actors for x in (a.sector or "").split("/") if x}
    actor_sectors |= _sectors(" ".join(a.text for a in actors))
    return score + len(_sectors(content) & actor_sectors)


def _best_mention(
    view: ArticleView,
    mentions: tuple[EventMention, ...],
    attribution: Attribution,
    types: frozenset[Plover] | None,
    window: int,
    *,
    nearest: bool,
) -> int | None:
    """The earlier mention (within ``window`` sentences, of one of ``types``) that back-referring content
    speaks to: the best participant/word match; on a tie the nearest one (``nearest``, for "this"/"these")
    or else the first one told, the article's main event ("the attack" in a long story names its main
    event, not the last background incident)."""
    content = " ".join(s.slice(view.text) for s in attribution.scope)
    best: tuple[int, int, int] | None = None
    for m_index, mention in enumerate(mentions):
        sent = view.sent_at(mention.trigger.start)
        if sent is None or not 0 <= attribution.sentence - sent.index <= window:
            continue
        if types is not None and mention.plover not in types:
            continue
        order = mention.trigger.start if nearest else -mention.trigger.start
        key = (_affinity(view, mention, content, attribution.anaphor), order, m_index)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best is not None else None


def _antecedent(
    view: ArticleView,
    mentions: tuple[EventMention, ...],
    triggers: list[tuple[int, tuple[Sent, Token]]],
    attributions: list[Attribution],
    resolved: dict[int, tuple[int, str | None]],
    a_index: int,
) -> tuple[int, str | None] | None:
    attribution = attributions[a_index]
    lemma = attribution.anaphor or ""
    if lemma == "claim":
        claimant = _claimant_event(view, triggers, attributions, resolved, a_index)
        if claimant is not None:
            return claimant
    if lemma in ("this", "claim"):
        # "this has been denied" / "Iran denied the accusation": the previous claim's event and part.
        for earlier in range(a_index - 1, -1, -1):
            if earlier in resolved and attribution.sentence - attributions[earlier].sentence <= 2:
                m_index, about = resolved[earlier]
                # "at least 21 killed, a figure the government disputed": the part the earlier claim spoke to,
                # unless its own words say ("The interior ministry put the toll at nine")
                own = _about(view, attribution)
                told = own if own != "details" else None
                return m_index, told or about or _about(view, attributions[earlier])
    if lemma == "lexical":
        return _lexical(view, mentions, attribution)
    if lemma == "it" and attribution.about == "responsibility":
        # "ISIL subsequently claimed responsibility": for the latest attack told, however many paragraphs of
        # reactions came between
        nearest = _latest_before(view, mentions, attribution, _DEFINITE_WINDOW, lambda m: m.plover is Plover.ASSAULT)
        return (nearest, attribution.about) if nearest is not None else None
    near = lemma in ("this", "claim", "implicit", "it") or attribution.is_demonstrative
    window = _ANAPHOR_WINDOW if near else _DEFINITE_WINDOW
    types = None if lemma in ("this", "claim", "implicit", "it") else _NOUN_TYPES.get(lemma, _DEFAULT_TYPES)
    if near:
        # "this", "these strikes": the nearest earlier mention, as before (no word matching).
        nearest = _latest_before(view, mentions, attribution, window, lambda m: types is None or m.plover in types)
        return (nearest, attribution.about) if nearest is not None else None
    told_before = (
        _told_just_before(view, mentions, attribution, types) if attribution.about == "responsibility" else None
    )
    if told_before is not None:
        return told_before, attribution.about
    target = _best_mention(view, mentions, attribution, types, window, nearest=False)
    return (target, attribution.about) if target is not None else None


def _claimant_event(
    view: ArticleView,
    triggers: list[tuple[int, tuple[Sent, Token]]],
    attributions: list[Attribution],
    resolved: dict[int, tuple[int, str | None]],
    a_index: int,
) -> tuple[int, str | None] | None:
    """ "The Russian government dismissed the claim from Berlin": the event of the latest earlier claim whose
    source the claim noun names (by name, or by its country or capital), however far back it was made."""
    attribution = attributions[a_index]
    found = _token(view, attribution.heads[0]) if attribution.heads else None
    if found is None:
        return None
    noun = found[1]
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) or next(
        (
            g
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in ("from", "by")
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )
    if owner is None or owner.pos_ == "PRON":
        return None
    named = " ".join(t.text for t in owner.subtree)
    country = country_of_name(named)
    for earlier in range(a_index - 1, -1, -1):
        sources = attributions[earlier].sources
        if not any((country is not None and s.country == country) or owner.text in s.text for s in sources):
            continue
        if earlier in resolved:
            return resolved[earlier]
        for m_index, (sent, tok) in triggers:
            if covers(attributions[earlier], sent, tok):
                return m_index, attributions[earlier].about
    return None


def _told_just_before(
    view: ArticleView, mentions: tuple[EventMention, ...], attribution: Attribution, types: frozenset[Plover] | None
) -> int | None:
    """The act the same sentence has just told ("a Ukrainian drone struck an oil depot ..., Russian officials
    said, blaming Kyiv for the attack"): whom "the attack" is blamed on there is that act's doer, not the
    article's main event's (a definite act noun otherwise names the main event: "The officers shot him dead
    ... in what the police declared a terrorist-related attack" is the stabbing)."""
    found = None
    for index, mention in enumerate(mentions):
        sent = view.sent_at(mention.trigger.start)
        if (
            sent is not None
            and sent.index == attribution.sentence
            and mention.trigger.start < attribution.cue_offset
            and (types is None or mention.plover in types)
        ):
            found = index
    return found


def _stems(text: str) -> set[str]:
    return {w.lower()[:6] for w in _WORD.findall(text) if len(w) > 3 and w.lower() not in _STOP}


def _lexical(
    view: ArticleView, mentions: tuple[EventMention, ...], attribution: Attribution
) -> tuple[int, str | None] | None:
    """A denial naming no event: the nearest earlier mention sharing a content word with it ("no traces of
    poison were found" -> "Navalny was poisoned")."""
    content = _stems(" ".join(s.slice(view.text) for s in attribution.scope))
    nearest = _latest_before(
        view,
        mentions,
        attribution,
        _LEXICAL_WINDOW,
        lambda m: bool(content & _stems(" ".join(s.slice(view.text) for s in m.evidence))),
    )
    return (nearest, None) if nearest is not None else None


def _latest_before(
    view: ArticleView,
    mentions: tuple[EventMention, ...],
    attribution: Attribution,
    window: int,
    accept: Callable[[EventMention], bool],
) -> int | None:
    """The index of the last-told mention that ``accept`` takes, in the attribution's sentence or up to
    ``window`` sentences before it."""
    best: tuple[int, int] | None = None
    for m_index, mention in enumerate(mentions):
        sent = view.sent_at(mention.trigger.start)
        if sent is None or not 0 <= attribution.sentence - sent.index <= window:
            continue
        if accept(mention) and (best is None or mention.trigger.start > best[0]):
            best = (mention.trigger.start, m_index)
    return best[1] if best is not None else None


def link_mention(
    view: ArticleView,
    mention: EventMention,
    m_index: int,
    attributions: list[Attribution],
    anaphors: dict[int, tuple[int, str | None]],
) -> list[Link]:
    """The claims on one mention (without the author claim)."""
    links: list[Link] = []
    seen: set[tuple[str, str, str | None]] = set()

    def add(attribution: Attribution, evidence: Span, about: str | None, main: bool) -> None:
        for claim in _claims(view, attribution, evidence, about):
            key = (claim.source.text.lower(), str(claim.stance), claim.about)
            if key not in seen:
                seen.add(key)
                links.append(Link(claim, attribution, main))

    for i, span in enumerate(mention.evidence):
        found = _token(view, mention.trigger.start) if i == 0 else _event_token(view, span)
        if found is None:
            found = _event_token(view, span)
        if found is None:
            continue
        sent, token = found
        covering = [a for a in attributions if covers(a, sent, token)]
        if covering:
            # the innermost report of the event wins; a claim of who did it ("which they blamed on Israel")
            # is about a part of the event and stands beside it
            reports = [a for a in covering if a.about != "responsibility"] or covering
            smallest = min(a.size() for a in reports)
            for attribution in covering:
                if attribution.size() <= smallest:
                    attribution = _relayed_by(attribution, attributions)
                if attribution.size() <= smallest or attribution.about == "responsibility":
                    # on the event itself a claim is about the whole of it, except who did it ("blamed the
                    # attack on Boko Haram")
                    whole = "responsibility" if attribution.about == "responsibility" else None
                    add(
                        attribution,
                        _evidence(view, attribution, sent.index),
                        whole if i == 0 else _about(view, attribution),
                        i == 0,
                    )
            continue
        for a_index, attribution in enumerate(attributions):
            if attribution.sentence != sent.index or attribution.covers(sent.offset + token.idx):
                continue  # elsewhere, or the event is presupposed inside its content (not a detail of it)
            if anaphors.get(a_index, (None, None))[0] == m_index:
                continue  # it speaks back to this event: added below, about the part it refers to
            overlap = sum(max(0, min(s.end, span.end) - max(s.start, span.start)) for s in attribution.scope)
            attached = any(span.start <= h < span.end for h in attribution.heads)
            if attached or overlap * 2 >= min(attribution.size(), span.end - span.start):
                add(attribution, _evidence(view, attribution, None), _about(view, attribution), False)
    for a_index, (target, about) in anaphors.items():
        if target == m_index:
            attribution = attributions[a_index]
            if about is None and attribution.anaphor not in ("lexical", "claim", "this"):
                # a denial matched by words, or of "the report" / "this", denies the event as a whole
                about = _about(view, attribution)
            add(attribution, _evidence(view, attribution, None), about, False)
    return links


def _relayed_by(inner: Attribution, attributions: list[Attribution]) -> Attribution:
    """Unnamed reports that a named source passes on ("the UN office said it had received reports that ...")
    are the reports via that source: the innermost report keeps the claim, the teller is its relay."""
    if not all(s.kind is SourceKind.UNNAMED and not s.via for s in inner.sources):
        return inner
    tellers = [
        a
        for a in attributions
        if a is not inner
        and a.sentence == inner.sentence
        and a.covers(inner.cue_offset)
        and all(s.kind is not SourceKind.UNNAMED for s in a.sources)
    ]
    if not tellers:
        return inner
    teller = min(tellers, key=lambda a: a.size())
    return replace(inner, sources=tuple(replace(s, via=teller.sources) for s in inner.sources))


def author_link(view: ArticleView, mention: EventMention, outlet: str | None, attributions: list[Attribution]) -> Link:
    """The author's own assertion of an event nobody else speaks to (dev README "author claim").

    Its evidence is the sentence of the first evidence clause the author states in their own voice (outside
    every attribution's scope), else of the trigger.
    """
    evidence: Span | None = None
    for span in mention.evidence:
        if not any(a.covers(span.start) or a.covers(span.end - 1) for a in attributions):
            sent = view.sent_at(span.start)
            evidence = sent.char_span() if sent is not None else span
            break
    if evidence is None:
        sent = view.sent_at(mention.trigger.start) or view.sent_at(mention.evidence[0].start)
        evidence = sent.char_span() if sent is not None else mention.evidence[0]
    source = Source(text=outlet or "the author", kind=SourceKind.AUTHOR, name=outlet)
    return Link(Claim(source=source, stance=Stance.ASSERT, evidence=evidence), None, True)
