"""Helpers for the attribute tests: parse a real text and attach hand-built event mentions to it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from eventwatch.attribute import attribute_analysis
from eventwatch.config import load_config
from eventwatch.nlp import parse_article
from eventwatch.records import Analysis, Article, EventMention, Factuality, Plover, Span

# (evidence, trigger word inside it, PLOVER type) — the trigger is searched from the evidence's start.
EventSpec = tuple[str, str, Plover]
Analyse = Callable[..., Analysis]


def mention(text: str, index: int, spec: EventSpec, factuality: Factuality = Factuality.ASSERTED) -> EventMention:
    evidence, trigger, plover = spec
    start = text.index(evidence)
    at = text.index(trigger, start)
    return EventMention(
        id=f"m{index}",
        article_id="t",
        sentence_index=0,
        evidence=(Span(start, start + len(evidence)),),
        trigger=Span(at, at + len(trigger)),
        plover=plover,
        factuality=factuality,
    )


def _analyse(
    text: str,
    events: Sequence[EventSpec],
    *,
    title: str | None = None,
    outlet: str | None = None,
    factuality: Factuality = Factuality.ASSERTED,
) -> Analysis:
    article = Article(id="t", content_hash="t", text=text, title=title, outlet=outlet)
    parsed = parse_article(article, load_config())
    mentions = tuple(mention(text, i, spec, factuality) for i, spec in enumerate(events))
    return attribute_analysis(Analysis(parsed=parsed, event_mentions=mentions))


@pytest.fixture(scope="session")
def analyse() -> Analyse:
    """``analyse(text, [(evidence, trigger, plover), ...], title=, outlet=)`` -> the attributed Analysis."""
    return _analyse
