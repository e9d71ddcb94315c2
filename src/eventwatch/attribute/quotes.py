"""Direct quotations: the character extents of quoted text in an article.

Curly quotes pair by direction; straight double quotes pair in order within a paragraph. A paragraph that
opens a curly quote without closing it continues into the next paragraph when that one opens with a quote
mark again (the news convention for multi-paragraph quotations, used in the GOV.UK statements).
"""

from __future__ import annotations

import logging
import re

from eventwatch.records import Span

log = logging.getLogger(__name__)

_PARAGRAPH = re.compile(r"[^\n]+")
# A quotation shorter than this is a scare quote ("unintentionally", 'human error'), not a statement.
MIN_QUOTE_CHARS = 25


def find_quotes(text: str) -> list[Span]:
    """Spans of quoted statements (inside the marks), in text order; scare quotes are left out."""
    quotes: list[Span] = []
    open_at: int | None = None
    for para in _PARAGRAPH.finditer(text):
        straight_open: int | None = None
        for i in range(para.start(), para.end()):
            ch = text[i]
            if ch == "“":
                if open_at is None:
                    open_at = i + 1
            elif ch == "”":
                if open_at is not None:
                    quotes.append(Span(open_at, i))
                    open_at = None
            elif ch == '"':
                if open_at is not None and straight_open is None:
                    quotes.append(Span(open_at, i))
                    open_at = None
                elif straight_open is None:
                    straight_open = i + 1
                else:
                    quotes.append(Span(straight_open, i))
                    straight_open = None
        if open_at is not None:
            following = _PARAGRAPH.search(text, para.end())
            if following is None or text[following.start()] not in '“"':
                quotes.append(Span(open_at, para.end()))
                open_at = None
            # else: the quotation goes on into the next paragraph, whose opening mark is a continuation
    if open_at is not None:
        quotes.append(Span(open_at, len(text)))
    return [q for q in quotes if q.end - q.start >= MIN_QUOTE_CHARS]
