"""Does the headline assert more than the body? ("CONFIRMED: Syrian army launches major offensive" over a body
where the offensive only "appears to" be confirmed.)

A headline overstates when it carries a certainty marker and the body event it names (the mention sharing
the most content words with it) is supported only by hedged claims.
"""

from __future__ import annotations

import logging
import re

from eventwatch.records import Article, EventMention, SourceKind

log = logging.getLogger(__name__)

# Words that present a headline's content as settled fact. "BREAKING" claims urgency rather than certainty,
# but in the seed's genre it is used the same way ("BREAKING: Massive Russian strikes").
_CERTAINTY = re.compile(r"^\s*(confirmed|breaking|official|proven|it'?s official)\b|\bconfirm(s|ed)\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "has",
        "have",
        "had",
        "its",
        "it",
        "this",
        "that",
        "these",
        "those",
        "after",
        "over",
        "into",
        "confirmed",
        "breaking",
        "official",
    ]
)
# A headline names a body event when they share this many content words (prefix-matched, so "launches"
# meets "launched" and "offensive" meets "offensive").
_MIN_SHARED = 2


def headline_of(article: Article) -> str | None:
    """The article's title, or a leading short line of the body that reads as one (scraped pages)."""
    if article.title:
        return article.title
    for line in article.text.splitlines()[:6]:
        stripped = line.strip()
        if stripped and _CERTAINTY.search(stripped) and len(stripped) < 160 and not stripped.endswith("."):
            return stripped
    return None


def _stems(text: str) -> set[str]:
    return {w.lower()[:5] for w in _WORD.findall(text) if w.lower() not in _STOP}


def headline_overstates(article: Article, mentions: tuple[EventMention, ...]) -> bool:
    """Whether the headline asserts with certainty what the body supports only with hedges."""
    title = headline_of(article)
    if title is None or not _CERTAINTY.search(title):
        return False
    title_stems = _stems(title)
    best: tuple[tuple[int, int], EventMention] | None = None
    for mention in mentions:
        # the mention's own clause first: merged evidence may retell words of other events ("to resist the
        # Syrian army's offensive" merged into the Russian strikes)
        own = len(title_stems & _stems(mention.evidence[0].slice(article.text))) if mention.evidence else 0
        shared = len(title_stems & _stems(" ".join(s.slice(article.text) for s in mention.evidence)))
        if shared >= _MIN_SHARED and (best is None or (own, shared) > best[0]):
            best = ((own, shared), mention)
    if best is None:
        return False
    claims = [c for c in best[1].claims if c.source.kind is not SourceKind.AUTHOR and c.about is None]
    return bool(claims) and all(c.is_hedged for c in claims)
