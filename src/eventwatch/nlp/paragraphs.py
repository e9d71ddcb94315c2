"""Paragraph splitting before spaCy: sentences never cross a line break.

Scraped pages, JSONL bodies and official statements all use line breaks as hard boundaries (CENTCOM's
"Near X, ..." lines have single newlines, Wikinews paragraphs blank lines), so every non-blank line is a
paragraph of its own.
"""

from __future__ import annotations

import re

from eventwatch.records import Span

_LINE = re.compile(r"[^\n]+")
# A leading list marker (". ", "- ", "• ") is layout, not prose; the parser does better without it.
_LEAD = re.compile(r"[\s.\-•*·]*")


def split_paragraphs(text: str) -> list[Span]:
    """Spans of the non-blank lines of ``text``, stripped of surrounding whitespace and list markers."""
    spans: list[Span] = []
    for match in _LINE.finditer(text):
        start, end = match.start(), match.end()
        lead = _LEAD.match(text, start, end)
        if lead is not None:
            start = lead.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end))
    return spans
