"""Oracle event mentions from a gold article, for scoring the attribute stage on its own.

Each gold event becomes an :class:`EventMention` with its evidence located in the text, a trigger (the head
of the first evidence clause; the complement's head when the clause is "X said S"), its PLOVER type and its
factuality — except that ``reported`` is turned into ``asserted``, so the stage has to recover it. Claims
and the contested flag are left empty. Used by ``scripts/dev_attribute.py`` and the dev-set floor test.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from typing import Any

from eventwatch.attribute._syntax import ArticleView
from eventwatch.attribute.cues import verb_cues
from eventwatch.records import Actor, EventMention, Factuality, ParsedArticle, Plover, Span

log = logging.getLogger(__name__)


def _locate(text: str, needle: str, after: int) -> Span | None:
    at = text.find(needle, after)
    if at < 0:
        at = text.find(needle)
    return Span(at, at + len(needle)) if at >= 0 and needle else None


def _trigger(view: ArticleView, span: Span) -> Span:
    found = view.main_token(span)
    if found is None:
        return Span(span.start, span.start)
    sent, token = found
    if token.lemma_ in verb_cues():
        for c in token.children:
            if c.dep_ == "ccomp" and span.start <= sent.offset + c.idx < span.end:
                token = c
    if token.lemma_ == "be" and any(c.dep_ == "expl" for c in token.children):
        # "There are (also) reports of air strikes": the event is what the reports are of.
        token = next((c for c in token.children if c.dep_ == "attr"), token)
        if token.lemma_ == "report":
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            token = obj if obj is not None else token
    start = sent.offset + token.idx
    return Span(start, start + len(token.text))


def oracle_mentions(parsed: ParsedArticle, gold: Mapping[str, Any]) -> tuple[EventMention, ...]:
    """Mentions for the gold events of ``gold`` (SCHEMA.md article object) over ``parsed``."""
    text = parsed.article.text
    view = ArticleView(parsed)
    out: list[EventMention] = []
    for event in gold.get("events", []):
        spans: list[Span] = []
        for evidence in event.get("evidence", []):
            span = _locate(text, evidence, 0)
            if span is not None:
                spans.append(span)
        if not spans:
            continue
        factuality = Factuality(event.get("factuality") or "asserted")
        if factuality is Factuality.REPORTED:
            factuality = Factuality.ASSERTED
        actor = event.get("actor1") or None
        sentence = view.sent_at(spans[0].start)
        digest = hashlib.sha1(f"{parsed.article.id}:{event.get('id')}".encode()).hexdigest()[:16]
        out.append(
            EventMention(
                id=digest,
                article_id=parsed.article.id,
                sentence_index=sentence.index if sentence is not None else 0,
                evidence=tuple(spans),
                trigger=_trigger(view, spans[0]),
                plover=Plover(event["plover"]),
                actor1=Actor(text=actor["name"], name=actor["name"], country=actor.get("country")) if actor else None,
                factuality=factuality,
            )
        )
    return tuple(out)
