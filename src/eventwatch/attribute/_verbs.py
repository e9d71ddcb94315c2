"""Verbal reporting structures: "X said (that) S", "S, X said", "was denied by X", "X appear to confirm",
"It reports X saying the following: <quote>", "X said:" + block, "X claimed responsibility for N"."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwatch.attribute._anaphora import ATTACK_NOUNS, CLAIM_NOUNS, RESPONSIBILITY, anaphor_of
from eventwatch.attribute._model import Attribution
from eventwatch.attribute._syntax import ArticleView, Sent, child, children, misparsed_relative, offsets
from eventwatch.attribute.cues import ReportingCue, verb_cues
from eventwatch.attribute.hedges import find_hedge, hedge_scope
from eventwatch.attribute.resolve import SourceResolver
from eventwatch.attribute.sources import word_kind
from eventwatch.records import Source, SourceKind, Span, Stance

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

_RAISING = frozenset({"appear", "seem"})
# Pronouns that stand for a fact or a thing, never for a speaker ("This explains why ...").
_NOT_SOURCES = frozenset({"this", "that", "these", "those", "what", "which", "there", "something", "nothing"})
_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "state", "write", "tweet", "post", "comment", "remark"})
_RELAY_VERBS = frozenset({"report", "quote", "cite", "carry", "air", "broadcast", "publish"})
_CONTAINER_NOUNS = frozenset({"report", "data", "figure", "account", "information", "reporting"})
# Non-human subjects allowed as sources: documents and records (an attack does not "show" as a source).
_DOCUMENT_NOUNS = frozenset(
    {
        "report",
        "statement",
        "video",
        "footage",
        "image",
        "document",
        "data",
        "release",
        "investigation",
        "inquiry",
        "study",
        "analysis",
        "record",
        "photo",
        "photograph",
        "letter",
        "tweet",
        "post",
        "message",
        "communique",
        "announcement",
        "figure",
        "source",
        "reports",
        "media",
        "agency",
        "outlet",
        "office",
    }
)
# Objects that are the content of a claim, denial or confirmation ("claims full control", "denied the
# attack").
# What a retraction takes back ("withdrew the statement", "retracted its claim").
_RETRACTABLE = CLAIM_NOUNS | frozenset(
    {"statement", "remark", "comment", "story", "article", "tweet", "post", "word", "figure", "apology", "it", "this"}
)
_OBJECT_CONTENT = (
    CLAIM_NOUNS
    | RESPONSIBILITY
    | frozenset(
        {
            "control",
            "involvement",
            "role",
            "attack",
            "strike",
            "strikes",
            "bombing",
            "shooting",
            "killing",
            "arrest",
            "arrests",
            "operation",
            "offensive",
            "raid",
            "incident",
            "reports",
            "claims",
        }
    )
)
# A quote this close to the cue (characters between) belongs to it: “...,” Cook said / He added, “...”.
_QUOTE_GAP = 4
_WORDS = re.compile(r"\w")
# Reporting verbs whose object is an act someone else did (responsibility claimed, a strike denied); "announce"
# is left out: a ceasefire "announced by Russia and Turkey" is their own act, not a claim about it.
_ACT_VERBS = frozenset({"claim", "confirm", "deny"})
_ISSUED_NOUNS = frozenset({"statement", "communique", "communiqué", "release", "report", "letter", "message", "video"})


def _is_parenthetical(token: Token) -> bool:
    """Whether a reporting clause sits between commas inside the clause it reports ("..., X said, ...")."""
    edge = list(token.subtree)
    first, last = edge[0], edge[-1]
    doc = token.doc
    before = first if first.is_punct else (doc[first.i - 1] if first.i > 0 else None)
    after = last if last.is_punct else (doc[last.i + 1] if last.i + 1 < len(doc) else None)
    return (
        token.dep_ == "parataxis"
        and before is not None
        and after is not None
        and before.text == ","
        and after.text == ","
        and token.i < token.head.i
    )


def _conditional(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children)


# Verbs of knowing and telling: "I can't describe it", "we don't know" deny nothing that happened.
_UNKNOWING = frozenset({"describe", "know", "understand", "imagine", "explain", "remember", "believe", "forget"})


def _negated(content: Token) -> bool:
    """ "no traces were found", "were not involved": the content says the thing did not happen."""
    if content.lemma_ in _UNKNOWING:
        return False
    if any(c.dep_ == "neg" for c in content.children):
        return True
    subject = child(content, "nsubj", "nsubjpass")
    return subject is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def _is_sourcey(head: Token) -> bool:
    """Whether a subject can be a source: a person, organisation, place, pronoun or document, not an event."""
    if head.lower_ in _NOT_SOURCES:
        return False
    if head.pos_ in ("PRON", "PROPN") or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if head.lemma_ in _DOCUMENT_NOUNS:
        return True
    phrase = " ".join(t.text for t in head.subtree)
    return word_kind(phrase) is not None


# Prepositions whose gerund shares the clause's subject and keeps its meaning ("forceful in blaming Iran",
# "after denying the report"); "without confirming" is no confirmation.
_GERUND_PREPOSITIONS = frozenset({"in", "by", "after", "while", "when", "before", "on", "upon"})


def _subject_of(verb: Token, depth: int = 0) -> Token | None:
    subject = child(verb, "nsubj")
    if subject is not None or depth > 3 or verb.head.i == verb.i:
        return subject
    if verb.dep_ in ("conj", "advcl", "xcomp", "ccomp"):
        return _subject_of(verb.head, depth + 1)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in _GERUND_PREPOSITIONS:
        host = verb.head.head
        host = host.head if host.dep_ == "acomp" else host  # "was more forceful in blaming"
        return _subject_of(host, depth + 1) if host.pos_ in ("VERB", "AUX") else None
    return None


def _container_inner(head: Token) -> Token | None:
    if head.lemma_ not in _CONTAINER_NOUNS:
        return None
    for prep in children(head, "prep"):
        if prep.lower_ in ("from", "by"):
            return child(prep, "pobj")
    return None


def _speaker(token: Token) -> tuple[Token | None, Token | None, Token | None, str | None]:
    """(source head, relaying source head, content noun phrase, hedge) of a reporting verb."""
    agent = child(token, "agent")
    passive_subject = child(token, "nsubjpass")
    if token.dep_ == "acl" and agent is not None and token.lemma_ in _ACT_VERBS:
        # "attacks …, including one in Baghdad claimed by Daesh": the agent speaks, the noun is the act it claims
        # ("the assailant, reported by The Guardian as …" is not an act)
        return child(agent, "pobj"), None, token.head, None
    if passive_subject is None and agent is not None and token.tag_ == "VBN" and token.lemma_ in _ACT_VERBS:
        # "multiple attacks, also claimed by Da'esh, have killed ...": a participle the parser made the root,
        # with the act as its subject; the agent speaks all the same
        passive_subject = child(token, "nsubj") if not children(token, "aux") else None
    if passive_subject is not None:
        if token.lemma_ in _RELAY_VERBS and any(p.lower_ == "as" for p in children(token, "prep")):
            return None, None, None, None  # "X was quoted by Y as saying ...": the saying carries the claim
        if agent is not None:
            return child(agent, "pobj"), None, passive_subject, None
        return None, None, None, None
    subject = child(token, "nsubj")
    if subject is not None and _told_before_speaker(token) is not None:
        subject = children(token, "nsubj")[-1]  # "An air strike killed 12 people, officials said": the officials
    if subject is not None:
        subject = _past_the_victims(subject)
        left = subject.left_edge.i
        appos = child(subject, "appos")
        if appos is not None and left >= 2 and [t.lower_ for t in token.doc[left - 2 : left]] == ["according", "to"]:
            # "According to news agency ISNA, the prosecutor general of Tehran, …, said": the parser takes the
            # agency for the subject and the speaker for its appositive; the agency relays the speaker
            return appos, subject, None, None
        return subject, None, None, None
    head = token.head
    if head.i == token.i:
        return _subject_before(token), None, None, None
    if token.dep_ == "xcomp" and head.lemma_ in _RAISING:
        return child(head, "nsubj"), None, None, f"{head.text} to"
    if token.dep_ in ("advcl", "acl") and head.lemma_ in _RELAY_VERBS and child(head, "dobj") is not None:
        return child(head, "dobj"), child(head, "nsubj"), None, None
    relayed = _relayed_speaker(token)
    if relayed is not None:
        return relayed, child(relayed.head, "nsubj") or _agent(relayed.head), None, None
    if token.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        # "the task force released a statement saying …": whoever issued the statement says it
        issuer = child(head.head, "nsubj") if head.dep_ == "dobj" and head.lemma_ in _ISSUED_NOUNS else None
        if head.dep_ == "pobj" and head.head.dep_ == "prep":
            # "posted a message on Twitter blaming ...": the parser hangs the participle on the medium
            holder = head.head.head
            issued = holder if holder.dep_ == "dobj" else child(holder, "dobj")
            if issued is not None and issued.lemma_ in _ISSUED_NOUNS:
                issuer = child(issued.head, "nsubj")
        return issuer or head, None, None, None
    if token.dep_ == "pcomp" and head.head.lemma_ == "report" and child(head.head, "nsubjpass") is not None:
        return child(head.head, "nsubjpass"), None, None, None
    return _subject_of(token), None, None, None


# Verbs that lay an act at someone's door, and the preposition that names the act: "blamed Iran for the
# attack", "accused the army of the massacre" (a gerund there, "of shelling", is a clause of its own).
_BLAME_PREPOSITIONS = {"blame": "for", "accuse": "of"}


def blame(token: Token) -> tuple[Token, Token | None] | None:
    """(the act, who is blamed for it) of a blaming verb: "blamed Iran for the attack", "accused the army of
    the massacre", "blamed the attack on Boko Haram", "the strike, which they blamed on Israel"."""
    preposition = _BLAME_PREPOSITIONS.get(token.lemma_.lower())
    obj = child(token, "dobj")
    if preposition is None or obj is None:
        return None
    for prep in children(token, "prep"):
        if prep.lower_ == preposition:
            act = child(prep, "pobj")
            if act is not None and act.pos_ == "NOUN":
                return act, obj
            done = child(prep, "pcomp")
            if done is not None and done.tag_ == "VBG":
                return done, obj  # "accused the army of shelling residential areas"
    # "blamed the attack on Boko Haram" (the parser may hang "on Boko Haram" on the attack)
    on = next((p for p in [*children(token, "prep"), *children(obj, "prep")] if p.lower_ == "on"), None)
    if token.lemma_.lower() == "blame" and on is not None:
        if obj.lower_ in ("which", "that") and token.dep_ == "relcl":
            return token.head, child(on, "pobj")  # "the strike, which they blamed on Israel"
        return (obj, child(on, "pobj")) if obj.pos_ == "NOUN" else None
    return None


# Conjunctions of a clause that sets another view against the reported one: "X said A, while Y ...".
_CONTRASTIVE = frozenset({"while", "whereas", "although", "though"})


def _own_clause(content: Token, source: Token) -> list[Token]:
    """The reported clause without a contrastive clause the parser hung on it ("the army shelled the town,
    while the army blamed the rebels": the second half is not the witnesses') and without the source, where
    the parser put the source inside it ("S, killing 12 civilians, the Observatory said")."""
    dropped = {
        t.i
        for c in content.children
        if c.dep_ == "advcl" and c.i > content.i and any(m.lower_ in _CONTRASTIVE for m in children(c, "mark"))
        for t in c.subtree
    }
    if content.left_edge.i <= source.i <= content.right_edge.i and not source.is_ancestor(content):
        dropped.update(t.i for t in source.subtree)
    # "..., a figure the government disputed": another source's word on this content, not part of it
    dropped.update(
        t.i
        for t in content.subtree
        if t.dep_ in ("appos", "npadvmod") and t.lemma_ in CLAIM_NOUNS and child(t, "relcl") is not None
        for t in t.subtree
    )
    tokens = [t for t in content.subtree if t.i not in dropped]
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    return tokens


def _past_the_victims(subject: Token) -> Token:
    """ "..., killing at least 10 people, police and witnesses said": the parser coordinates the participle's
    object with the speakers; the speakers are the conjuncts after it."""
    doc = subject.doc
    before = subject.left_edge.i - 1
    conj = child(subject, "conj")
    if conj is None or before < 1 or doc[before].tag_ != "VBG" or doc[before - 1].text != ",":
        return subject
    return conj


def _subject_before(verb: Token) -> Token | None:
    """The noun phrase just before a clause-final reporting verb the parser left without a subject: "S, killing
    12 civilians, the Syrian Observatory for Human Rights said." (the name read as an appositive of
    "civilians"). Only after a reported clause (a ``ccomp`` before the verb) and after a comma."""
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children) or verb.i < 2:
        return None
    doc = verb.doc
    comma = next((i for i in range(verb.i - 1, verb.sent.start - 1, -1) if doc[i].text == ","), None)
    if comma is None or comma == verb.i - 1:
        return None
    head = doc[verb.i - 1]
    while comma < head.head.i < verb.i and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("NOUN", "PROPN") else None


def _relayed_speaker(token: Token) -> Token | None:
    """The speaker a relaying outlet names as the object of "cited X as saying" / "quoted X saying"."""
    head = token.head
    if token.dep_ == "pcomp" and head.lower_ == "as" and head.dep_ == "prep":
        # the parser may hang "as saying" on a later verb: the relay verb is the nearest one above it
        relay_verb = next((v for v in head.ancestors if v.lemma_ in _RELAY_VERBS), head.head)
    elif token.dep_ == "acl" and head.dep_ == "dobj":
        relay_verb = head.head
    else:
        return None
    if relay_verb.lemma_ not in _RELAY_VERBS:
        return None
    speaker = child(relay_verb, "dobj") or child(relay_verb, "nsubjpass")  # "X was quoted by Y as saying"
    relay = child(relay_verb, "nsubj") or _agent(relay_verb)
    if relay is None or speaker is None:
        return None
    return speaker if speaker.i < token.i else None


def _agent(verb: Token) -> Token | None:
    agent = child(verb, "agent")
    return child(agent, "pobj") if agent is not None else None


def _block_after(view: ArticleView, sent: Sent, quotes: list[Span]) -> Span | None:
    """The text a "said:" / "saying the following" introduces: the next quotation, else the rest of "
    "the text."""
    para_end = sent.end
    text = view.text
    nxt = len(text)
    for later in view.sents:
        if later.paragraph > sent.paragraph:
            nxt = later.start
            break
    if nxt >= len(text):
        return None
    for quote in quotes:
        if nxt <= quote.start <= nxt + 2:
            return quote
    return Span(nxt, len(text)) if para_end <= nxt else None


def _introduces_block(sent: Sent, token: Token) -> bool:
    after = [t for t in sent.span if t.i > token.i and not t.is_space]
    if not after:
        return True
    if after[0].text == ":" and len(after) == 1:
        return True
    rest = " ".join(t.lower_ for t in after)
    return rest in ("the following", "the following :", "as follows", "as follows :", ":")


def _quote_near(text: str, sent: Sent, token: Token, quotes: list[Span]) -> list[Span]:
    """Quotations that belong to this cue: one ending just before its clause or starting just after it."""
    clause = list(token.subtree) if token.dep_ not in ("ROOT",) else [token, *token.children]
    left = sent.offset + min(t.idx for t in clause if t.dep_ != "ccomp" or t is token)
    right_tok = max((t for t in clause if t.dep_ not in ("ccomp",)), key=lambda t: t.i)
    right = sent.offset + right_tok.idx + len(right_tok.text)
    cue_at = sent.offset + token.idx
    out: list[Span] = []
    for quote in quotes:
        ends_before = quote.end <= cue_at and _gap(text, quote.end, left) <= _QUOTE_GAP
        starts_after = quote.start >= cue_at and _gap(text, right, quote.start) <= _QUOTE_GAP
        inside = quote.start <= cue_at < quote.end
        if (ends_before or starts_after) and not inside:
            out.append(quote)
    return out


def _gap(text: str, a: int, b: int) -> int:
    """Word characters between article offsets a and b (punctuation and spaces do not count); a line break
    between them means the quotation is in another paragraph."""
    if b < a:
        return 0
    between = text[a:b]
    return 99 if "\n" in between else len(_WORDS.findall(between))


def _unconfirmed_source(sources: tuple[Source, ...]) -> str | None:
    """ "Unconfirmed reports said ...": the source phrase itself says it is not verified."""
    words = (w for source in sources for w in source.text.lower().split())
    return next((w for w in words if w in ("unconfirmed", "unverified")), None)


def _told_before_speaker(token: Token) -> list[Token] | None:
    """The clause before "..., officials said" when the parser made its subject a second subject of the speech
    verb ("An Israeli air strike killed 12 Palestinians ..., health officials said"), else None."""
    subjects = children(token, "nsubj")
    if len(subjects) < 2 or not subjects[0].i < subjects[-1].i < token.i:
        return None
    start = subjects[-1].left_edge.i
    if start == 0 or token.doc[start - 1].text != ",":
        return None
    return [t for t in token.sent if t.i < start - 1]


def _infinitive(token: Token) -> bool:
    return token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def verb_attribution(
    view: ArticleView,
    sent: Sent,
    token: Token,
    cue: ReportingCue,
    resolver: SourceResolver,
    quotes: list[Span],
) -> Attribution | None:
    """The attribution a reporting verb makes, or None when it has no source or no content."""
    if child(token, "neg") is not None:
        return None  # "did not confirm": no stance taken
    source_head, relay_head, content_np, hedge = _speaker(token)
    antecedent = misparsed_relative(token)
    if source_head is not None and source_head.lower_ in ("who", "that", "which") and token.dep_ == "relcl":
        source_head = token.head  # "Brett McGurk, who ... wrote": the relative pronoun stands for its noun
    elif antecedent is not None and source_head is not None and source_head.i > antecedent.i:
        source_head = antecedent
    if source_head is None or not _is_sourcey(source_head):
        return None
    if cue.is_hedge and (child(token, "ccomp") is None or _conditional(token)):
        return None  # "if we expect them to": a belief verb makes a claim only over a clause, never in an "if"
    content = child(token, "ccomp") or next((x for x in children(token, "xcomp") if token.lemma_ not in _RAISING), None)
    if content is None and token.dep_ == "pcomp":
        content = None
    dobj = child(token, "dobj")
    if content is None and dobj is not None and dobj.lemma_ in CLAIM_NOUNS:
        # "The UN have confirmed reports that ISIL has killed 70 members ...": the reports' clause is the content
        content = next((c for c in dobj.children if c.dep_ in ("acl", "ccomp") and child(c, "mark") is not None), None)
    if cue.stance is Stance.RETRACT and content is None and (dobj is None or dobj.lemma_ not in _RETRACTABLE):
        return None  # "RTHK withdrew its reporters from the field": nothing said is taken back
    scope: list[Span] = []
    heads: list[int] = []
    is_quote = False
    if content is not None:
        scope.append(offsets(sent, _own_clause(content, source_head)))
        heads.append(sent.offset + content.idx)
    elif dobj is not None and (dobj.lemma_ in _OBJECT_CONTENT or dobj.lower_ in ("this", "it", "that")):
        content_np = content_np or dobj
    elif dobj is None and token.dep_ == "relcl" and token.head.lemma_ in CLAIM_NOUNS:
        content_np = content_np or token.head  # "..., a figure the government disputed": the claim just made
    elif dobj is not None and dobj.lower_ == "what" and child(token, "oprd") is not None:
        content_np = content_np or child(token, "oprd")  # "in what the police declared a terrorist attack"
    blamed = blame(token) if content is None else None
    blamed_for = blamed[0] if blamed is not None else None
    if blamed_for is not None:
        content_np = blamed_for  # "X blamed Y for the attack": X claims who did the attack
    has_own_subject = child(token, "nsubj") is not None
    parenthetical = _is_parenthetical(token)
    if (
        (
            content is None
            and has_own_subject
            and antecedent is None  # a relative clause reports its own words, not the clause it hangs on
            and blamed_for is None  # "..., while the army blamed the rebels for the attack": its own content
            and token.dep_ in ("parataxis", "advcl", "ccomp", "conj")
            and (token.i > token.head.i or parenthetical)
            # "S, as X said" reports S; "S after X proposed ..." tells what came before it
            and not any(c.dep_ == "mark" and c.lower_ != "as" for c in token.children)
            # a speech tag is a finite verb: "S, X said"; not the infinitive of "not allow ISIL to maintain ..."
            and not _infinitive(token)
        )
        and token.head.pos_ in ("VERB", "AUX")
        and token.head.lemma_ not in verb_cues()
    ):
        own = {x.i for x in token.subtree}
        # "S, X said" reports the clause before the cue; a parenthetical "In A, X said, S" / "which, X
        # said, S" reports the whole clause around it.
        clause = [t for t in token.head.subtree if (parenthetical or t.i < token.i) and t.i not in own]
        if clause:
            scope.append(offsets(sent, clause))
            heads.append(sent.offset + token.head.idx)
    told = _told_before_speaker(token) if content is None else None
    if told is not None:
        scope.append(offsets(sent, told))
        first = children(token, "nsubj")[0]
        heads.append(sent.offset + first.idx)
        # "militants killed 30 farmers in an attack": the participle the parser hung on the subject is the act
        heads.extend(sent.offset + c.idx for c in children(first, "acl") if c.tag_ == "VBN")
    near = (
        _quote_near(view.text, sent, token, quotes)
        if token.lemma_ in _SPEECH_LEMMAS or cue.stance is Stance.ASSERT
        else []
    )
    if near:
        scope.extend(near)
        is_quote = True
    if _introduces_block(sent, token) or (dobj is not None and dobj.lower_ == "following"):
        block = _block_after(view, sent, quotes)
        if block is not None:
            scope.append(block)
            is_quote = True
    if content_np is not None:
        scope.append(offsets(sent, list(content_np.subtree)))
        heads.append(sent.offset + content_np.idx)
    if not scope:
        return None
    sources = _resolve_sources(sent, source_head, relay_head, resolver)
    if not sources:
        return None
    stance = cue.stance
    if token.lemma_ == "report" and all(
        s.kind in (SourceKind.MEDIA, SourceKind.MEDIA_STATE, SourceKind.UNNAMED) for s in sources
    ):
        stance = Stance.REPORT
    if cue.is_hedge:
        hedge = hedge or token.text
    content_hedge = find_hedge(hedge_scope(token, content))
    hedge = hedge or content_hedge or _unconfirmed_source(sources)
    if hedge is not None and hedge.lower() == "likely" and stance is Stance.ASSERT:
        stance = Stance.CLAIM  # dev README: "likely" makes a claim
    if stance is Stance.ASSERT and content is not None and _negated(content):
        stance = Stance.DENY  # "said no traces of poison were found" (dev README: a denial)
    anaphor, about, demonstrative = anaphor_of(content_np, content)
    if about is None and token.lemma_ == "claim" and content_np is not None and content_np.lemma_ in ATTACK_NOUNS:
        about = "responsibility"  # "Da'esh claimed dual attacks", "attacks claimed by Daesh": who did them
    if blamed_for is not None:
        about = "responsibility"
        if blamed_for.pos_ == "VERB":
            anaphor = None  # "accused the army of shelling ...": its own clause, which an event covers or not
    if anaphor is None and stance is Stance.DENY and content is not None:
        anaphor = "lexical"  # a denial that names no event: linked by shared words (link.py)
    subject = child(content, "nsubj", "nsubjpass") if content is not None else None
    cue_tokens = [token, *[t for t in token.children if t.dep_ in ("prt",)]]
    return Attribution(
        sources=sources,
        stance=stance,
        cue=" ".join(t.text for t in sorted(cue_tokens, key=lambda t: t.i)),
        cue_span=offsets(sent, [token]),
        hedge=hedge,
        scope=tuple(scope),
        heads=tuple(heads),
        sentence=sent.index,
        is_factive=cue.is_factive,
        anaphor=anaphor,
        is_demonstrative=demonstrative,
        about=about,
        is_quote=is_quote,
        content_subject=subject.lower_ if subject is not None else None,
        cue_offset=sent.offset + token.idx,
    )


def _resolve_sources(
    sent: Sent, source_head: Token, relay_head: Token | None, resolver: SourceResolver
) -> tuple[Source, ...]:
    inner = _container_inner(source_head)
    sources = resolver.split(sent, inner if inner is not None else source_head)
    if relay_head is None:
        return sources
    relay = resolver.split(sent, relay_head)
    via: list[Source] = []
    first = sources[0].span if sources else None
    for r in relay:
        # "It reports ..." where It is "A report from Fars": the relay is the outlet, not the report.
        if r.span is not None and first is not None and r.span.start < first.start < r.span.end:
            # the speaker hangs on the relay as its appositive: the relay's phrase ends before it
            kept = r.text[: first.start - r.span.start].rstrip(" ,")
            r = replace(r, text=kept, span=Span(r.span.start, r.span.start + len(kept)))
        via.append(r)
    return tuple(replace(s, via=(*via, *s.via)) for s in sources)
