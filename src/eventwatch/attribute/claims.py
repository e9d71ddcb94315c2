"""Reporting structures over the dependency parse: who says what, with which cue, covering which text.

Each :class:`Attribution` is one reporting act: its sources (a compound source is split, dev README
"Claims"), the stance of its cue, a hedge, and the *scope* — the character ranges of the content it covers
(a ``that``-clause, the clause an "according to" attaches to, a quotation, a "said:" block). The linker
(``link.py``) turns attributions into claims on event mentions.

Patterns: "X said (that) S", "S, X said", "according to X", "X told Y", "X denied/rejected reports that",
"was denied by X", "X claimed responsibility for N", "X's claim that S", "reports of N", "reportedly",
"X appear to confirm", "It reports X saying the following" + a quotation (X via It), "X said:" + block.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwatch.attribute._anaphora import anaphor_of
from eventwatch.attribute._model import Attribution
from eventwatch.attribute._syntax import (
    ArticleView,
    Sent,
    child,
    children,
    misparsed_relative,
    np_tokens,
    offsets,
)
from eventwatch.attribute._verbs import verb_attribution as _verb_impl
from eventwatch.attribute.cues import ReportingCue, noun_cues, sentence_hedges, verb_cues
from eventwatch.attribute.hedges import find_hedge, hedge_scope
from eventwatch.attribute.quotes import find_quotes
from eventwatch.attribute.resolve import SourceResolver
from eventwatch.nlp.text import doc_text as paragraph_text
from eventwatch.records import Source, SourceKind, Span, Stance

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

# Nouns that stand for what a source produced; "a report from X" / "data from X" / "a report citing
# X" keep the
# original speaker (dev README: nested attribution keeps the original speaker).
_CONTAINER_NOUNS = frozenset({"report", "data", "figure", "account", "information", "reporting"})
# Agentless passives of a reporting verb over an infinitive: "was reported / is said / is believed to have".
_UNNAMED_PASSIVES = {
    "report": Stance.REPORT,
    "say": Stance.REPORT,
    "believe": Stance.REPORT,
    "think": Stance.REPORT,
    "understand": Stance.REPORT,
    "rumour": Stance.CLAIM,
    "rumor": Stance.CLAIM,
    "allege": Stance.CLAIM,
    "claim": Stance.CLAIM,
}
_DOUBT = frozenset({"unconfirmed", "unverified", "uncorroborated", "conflicting"})
_UNNAMED_ADVERBS = {
    "reportedly": Stance.REPORT,
    "allegedly": Stance.CLAIM,
    "purportedly": Stance.CLAIM,
    "supposedly": Stance.CLAIM,
}


def find_attributions(view: ArticleView, outlet: str | None) -> list[Attribution]:
    """Every attribution in the article, in text order."""
    resolver = SourceResolver(view, outlet)
    quotes = find_quotes(view.text)
    found: list[Attribution] = []
    for sent in view.sents:
        for token in sent.span:
            attribution = _attribution(view, sent, token, resolver, quotes)
            if attribution is not None:
                found.append(attribution)
                resolver.remember(attribution.sources)
        resolver.end_sentence(sent)
    found = _verification_hedges(view, found)
    log.debug("attribute: %d attributions", len(found))
    return found


def _verification_hedges(view: ArticleView, found: list[Attribution]) -> list[Attribution]:
    """Unhedged claims in a sentence with a verification marker, or in the sentence before a marker that makes
    no claim of its own, are hedged by it ("Activists said ..., a claim that could not be independently
    verified"; "... state TV said. There was no independent confirmation.")."""
    markers: dict[int, str] = {}
    for sent in view.sents:
        words = [t.lower_ for t in sent.span]
        for cue in sentence_hedges():
            at = next((i for i in range(len(words) - len(cue) + 1) if tuple(words[i : i + len(cue)]) == cue), None)
            if at is not None:
                markers[sent.index] = sent.span[at : at + len(cue)].text
                break
    if not markers:
        return found
    claiming = {a.sentence for a in found}
    out = []
    for a in found:
        marker = markers.get(a.sentence)
        if marker is None and a.sentence + 1 not in claiming:
            marker = markers.get(a.sentence + 1)
        out.append(replace(a, hedge=marker) if marker is not None and a.hedge is None else a)
    return out


def _attribution(
    view: ArticleView, sent: Sent, token: Token, resolver: SourceResolver, quotes: list[Span]
) -> Attribution | None:
    lower = token.lower_
    if lower == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
        return _according_to(sent, token, resolver)
    if lower in _UNNAMED_ADVERBS and token.dep_ == "advmod":
        head = token.head
        if head.lemma_ in verb_cues() or head.i == token.i:
            return None  # "has reportedly confirmed": a hedge of that cue, not a source
        if _in_a_report(head):
            return None  # "the army allegedly executed 12 prisoners, rights groups said": a hedge of their claim
        return _adverb(sent, token, head)
    if token.pos_ == "NOUN" and token.lemma_ == "report":
        return _reports_of(sent, token, resolver)
    if token.lemma_ in _UNNAMED_PASSIVES and token.tag_ == "VBN":
        found = _unnamed_passive(sent, token)
        if found is not None:
            return found
    if token.pos_ in ("VERB", "AUX") and token.tag_ != "JJ" and token.dep_ != "amod":
        cue = verb_cues().get(token.lemma_)
        if cue is None and _characterises(token):
            cue = verb_cues().get("describe")  # "in what officials called a terrorist attack"
        found = _verb(view, sent, token, cue, resolver, quotes) if cue is not None else None
        if found is not None:
            return found
    source = _inverted_source(token)
    if source is not None:
        return _inverted(sent, token, source, resolver)  # what the parser could not read as a reporting verb
    if token.pos_ == "NOUN" and token.lemma_ in noun_cues() and token.lemma_ != "report":
        return _noun_claim(sent, token, resolver)
    return None


def _inverted_source(token: Token) -> Token | None:
    """The source of an inverted cue: "S, reported officials, ...", "S, said the minister." The parser reads the
    cue as an adjective of its source or as a verb taking the source for its object. None for other tokens."""
    if token.lemma_ not in ("report", "say") or token.tag_ not in ("VBD", "VBN"):
        return None
    if token.i <= token.sent.start or token.doc[token.i - 1].text != ",":
        return None
    if token.dep_ == "amod" and token.head.i == token.i + 1 and token.head.pos_ == "NOUN":
        source: Token | None = token.head
    elif any(c.dep_.startswith("nsubj") and c.i < token.i for c in token.children):
        return None  # "S, officials reported": the ordinary order
    else:
        source = next((c for c in token.children if c.dep_ in ("dobj", "nsubj") and c.i > token.i), None)
    if source is None:
        return None
    after = source.right_edge.i + 1
    return source if after >= token.sent.end or token.doc[after].is_punct else None


def _inverted(sent: Sent, token: Token, source: Token, resolver: SourceResolver) -> Attribution | None:
    """The claim of "S, reported officials": the stretch before the cue is the content."""
    cue_end = sent.offset + token.idx + len(token.text) + 1  # the source's words start after the cue
    sources = tuple(
        replace(
            s,
            text=s.text[len(token.text) + 1 :],
            span=Span(cue_end, s.span.end),
            name=s.name if s.name != s.text else s.text[len(token.text) + 1 :],
        )
        if s.span is not None and s.text.startswith(token.text + " ")
        else s
        for s in _sources(sent, source, resolver)
    )
    # the comma-separated stretch just before the cue ("..., with the death toll rising to 22, reported
    # officials"): the part of the sentence they report, not all of it
    before = [t for t in token.sent if t.i < token.i - 1]
    commas = [t.i for t in before if t.text == ","]
    if commas:
        before = [t for t in before if t.i > commas[-1]]
    if not sources or not before:
        return None
    cue = verb_cues().get(token.lemma_)
    unnamed = all(s.kind in (SourceKind.MEDIA, SourceKind.MEDIA_STATE, SourceKind.UNNAMED) for s in sources)
    stance = Stance.REPORT if token.lemma_ == "report" and unnamed else cue.stance if cue else Stance.ASSERT
    return Attribution(
        sources=sources,
        stance=stance,
        cue=token.text,
        cue_span=offsets(sent, [token]),
        hedge=None,
        scope=(offsets(sent, before),),
        heads=(sent.offset + token.sent.root.idx,),
        sentence=sent.index,
        cue_offset=sent.offset + token.idx,
    )


# Verbs that characterise rather than report; a statement only as "what X called a Y" (never "called on").
_CHARACTERISING = frozenset({"call", "label", "term", "brand", "dub"})


def _characterises(token: Token) -> bool:
    dobj = child(token, "dobj")
    return (
        token.lemma_ in _CHARACTERISING
        and dobj is not None
        and dobj.lower_ == "what"
        and child(token, "oprd") is not None
    )


def _sources(sent: Sent, head: Token, resolver: SourceResolver) -> tuple[Source, ...]:
    """The sources a subject/agent phrase names, container nouns opened and coordinations split."""
    inner = _open_container(head)
    if inner is not None:
        found = list(_sources(sent, inner, resolver))
        # "reports from the ministry and from Vyasna": the second source hangs on a coordinated preposition.
        for prep in (p for p in inner.head.children if p.dep_ == "conj" and p.pos_ == "ADP"):
            found.extend(s for obj in children(prep, "pobj") for s in _sources(sent, obj, resolver))
        return tuple(found)
    return resolver.split(sent, head)


def _open_container(head: Token) -> Token | None:
    """The speaker inside "a report from X" / "data from X" / "a report citing X", if there is one."""
    if head.lemma_ not in _CONTAINER_NOUNS:
        return None
    for prep in children(head, "prep"):
        if prep.lower_ in ("from", "by"):
            obj = child(prep, "pobj")
            if obj is not None:
                return obj
    for acl in children(head, "acl"):
        if acl.lemma_ in ("cite", "quote"):
            obj = child(acl, "dobj")
            if obj is not None:
                return obj
    return None


def _clause_scope(sent: Sent, verb: Token, *exclude: Token | None) -> tuple[Span, ...]:
    """The clause of ``verb`` without the attribution phrases ``exclude`` (one or more ranges)."""
    dropped = {x.i for e in exclude if e is not None for x in e.subtree}
    tokens = [t for t in verb.subtree if t.i not in dropped]
    tokens = [t for t in tokens if not t.is_space]
    if not tokens:
        return ()
    ranges: list[list[Token]] = [[tokens[0]]]
    for t in tokens[1:]:
        if t.i == ranges[-1][-1].i + 1:
            ranges[-1].append(t)
        else:
            ranges.append([t])
    return tuple(offsets(sent, r) for r in ranges)


def _according_to(sent: Sent, token: Token, resolver: SourceResolver) -> Attribution | None:
    to = token.doc[token.i + 1]
    obj = child(to, "pobj") or child(token, "pobj")
    if obj is None:
        return None
    sources = _sources(sent, obj, resolver)
    unnamed = all(s.kind is SourceKind.UNNAMED for s in sources)
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if misparsed_relative(verb) is not None:
        verb = verb.head  # "S, according to police, who said ...": the parser hung "according" on "said"
    stray = _stray_conjunct(token, verb)
    if stray is not None:
        sources = (*sources, *_sources(sent, stray, resolver))
    relatives = [c for c in verb.children if misparsed_relative(c) is not None]
    scope = _clause_scope(sent, verb, token, stray, *relatives)
    anaphor, about, demonstrative = anaphor_of(None, verb)
    # The cue is "according to" itself; the words after it are the source's ("according to prosecutor Josh Bash").
    cue_tokens = [token, to]
    return Attribution(
        sources=sources,
        stance=Stance.REPORT if unnamed and obj.lemma_ == "report" else Stance.ASSERT,
        cue=f"{token.text} {to.text}",
        cue_span=offsets(sent, cue_tokens),
        hedge=find_hedge(c for c in obj.children if c.dep_ == "amod"),  # "according to unconfirmed reports"
        scope=scope,
        heads=(sent.offset + verb.idx,),
        sentence=sent.index,
        anaphor=anaphor,
        is_demonstrative=demonstrative,
        about=about,
        cue_offset=sent.offset + token.idx,
    )


def _stray_conjunct(according: Token, verb: Token) -> Token | None:
    """The second source of "according to A, and B, S" when the parser made B a subject of S.

    spaCy attaches "and B" after an "according to" phrase as a second ``nsubj`` of the main verb; a clause
    has one subject, so a subject right after the phrase's "and" while a later subject exists is a
    misattached conjunct of the phrase's object, i.e. one more source.
    """
    cc = next((c for c in according.children if c.dep_ == "cc"), None)
    if cc is None or cc.i + 1 >= len(cc.doc):
        return None
    candidate = cc.doc[cc.i + 1]
    if candidate.dep_ != "nsubj" or candidate.head.i != verb.i or candidate.pos_ not in ("PROPN", "NOUN"):
        return None
    later = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > candidate.i]
    return candidate if later else None


def _adverb(sent: Sent, token: Token, head: Token) -> Attribution:
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "shot him dead, reportedly outside a store": the report is a detail of "shot"
    heads = (sent.offset + head.idx, sent.offset + verb.idx)
    return _unnamed(sent, token, _UNNAMED_ADVERBS[token.lower_], _clause_scope(sent, head), heads)


def _unnamed(sent: Sent, cue: Token, stance: Stance, scope: tuple[Span, ...], heads: tuple[int, ...]) -> Attribution:
    """A report whose only source is its cue word ("reportedly", "was reported to have"), hedged by that word."""
    span = offsets(sent, [cue])
    return Attribution(
        sources=(Source(text=cue.text, kind=SourceKind.UNNAMED, span=span),),
        stance=stance,
        cue=cue.text,
        cue_span=span,
        hedge=cue.text,
        scope=scope,
        heads=heads,
        sentence=sent.index,
        cue_offset=sent.offset + cue.idx,
    )


def _in_a_report(token: Token) -> bool:
    """Whether the word stands inside what a reporting verb above it reports (a hedge of that report)."""
    return any(a.lemma_ in verb_cues() and a.pos_ == "VERB" for a in token.ancestors)


def _unnamed_passive(sent: Sent, token: Token) -> Attribution | None:
    """ "A bombing was reported to have killed X", "the strike is believed to have hit": a report with no
    source named, hedged like "reportedly"; the act is the raised subject with its infinitive."""
    subject, content = child(token, "nsubjpass"), child(token, "xcomp")
    if subject is not None and subject.lower_ == "it" and content is None:
        # "It was reported (on Saturday) that S", "It is believed the militants fired": the clause is the content
        content, subject = child(token, "ccomp"), None
    if content is None or child(token, "agent") is not None or child(token, "neg") is not None:
        return None
    if subject is None and content.dep_ != "ccomp":
        return None
    if _in_a_report(token):
        return None  # "The monitor said Russian jets were believed to have carried out the raids": its hedge
    return _unnamed(
        sent,
        token,
        _UNNAMED_PASSIVES[token.lemma_],
        _clause_scope(sent, content) + (_clause_scope(sent, subject) if subject is not None else ()),
        (sent.offset + content.idx, *((sent.offset + subject.idx,) if subject is not None else ())),
    )


def _reports_of(sent: Sent, token: Token, resolver: SourceResolver) -> Attribution | None:
    """ "reports of N" / "the initial reports were of N" / "reports that S": an unnamed report."""
    content: Token | None = None
    cue_word = None
    for prep in (*children(token, "prep"), *children(token.head, "prep")):
        if prep.lower_ == "of" and (prep.head.i == token.i or (token.dep_ == "nsubj" and prep.head.lemma_ == "be")):
            content, cue_word = child(prep, "pobj"), prep
    for clause in children(token, "acl", "ccomp"):
        if child(clause, "mark") is not None:
            content = clause
    if content is None or (token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in verb_cues()):
        return None
    if _open_container(token) is not None:
        return None
    # "reports of" alone is a neutral unnamed report (seed gold); it is hedged when qualified: "unconfirmed
    # reports", or a speaker "concerned by reports of" (dev README "hedged").
    qualifier = next((c.text for c in token.children if c.dep_ == "amod" and c.lower_ in _DOUBT), None)
    governor = token.head.head if token.head.lower_ == "by" else None
    if governor is not None and governor.lemma_ in ("concern", "worry", "alarm", "trouble"):
        qualifier = f"{governor.text} by"
    src_tokens = np_tokens(token, drop={"prep", "acl", "relcl", "punct"})
    span = offsets(sent, src_tokens)
    source = Source(text=_text(sent, span), kind=SourceKind.UNNAMED, span=span)
    cue = f"{token.text} {cue_word.text}" if cue_word is not None else token.text
    return Attribution(
        sources=(source,),
        stance=Stance.REPORT,
        cue=cue,
        cue_span=span,
        hedge=f"{qualifier} {cue}" if qualifier else None,
        scope=(offsets(sent, list(content.subtree)),),
        heads=(sent.offset + content.idx,),
        sentence=sent.index,
        cue_offset=sent.offset + token.idx,
    )


def _text(sent: Sent, span: Span) -> str:
    doc_text = paragraph_text(sent.span.doc)
    return doc_text[span.start - sent.offset : span.end - sent.offset]


def _noun_claim(sent: Sent, token: Token, resolver: SourceResolver) -> Attribution | None:
    """ "X's claim that S", "the denial by X of N": a nominal attribution with a named source."""
    owner = child(token, "poss")
    for prep in children(token, "prep"):
        if prep.lower_ in ("by", "from") and owner is None:
            owner = child(prep, "pobj")
    content = next((c for c in children(token, "acl", "ccomp") if child(c, "mark") is not None), None)
    if owner is None or content is None:
        return None
    return Attribution(
        sources=_sources(sent, owner, resolver),
        stance=noun_cues()[token.lemma_],
        cue=token.text,
        cue_span=offsets(sent, [token]),
        hedge=None,
        scope=(offsets(sent, list(content.subtree)),),
        heads=(sent.offset + content.idx,),
        sentence=sent.index,
        cue_offset=sent.offset + token.idx,
    )


def _verb(
    view: ArticleView,
    sent: Sent,
    token: Token,
    cue: ReportingCue,
    resolver: SourceResolver,
    quotes: list[Span],
) -> Attribution | None:
    found = _verb_impl(view, sent, token, cue, resolver, quotes)
    if found is None:
        return None
    if found.hedge is None:
        hedge = find_hedge(hedge_scope(token, None))
        if hedge:
            found = replace(found, hedge=hedge)
    return found
