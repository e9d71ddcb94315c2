"""Paragraph splitting before spaCy: sentences never cross a line break.

Scraped pages, JSONL bodies and official statements all use line breaks as hard boundaries (CENTCOM's
"Near X, ..." lines have single newlines, Wikinews paragraphs blank lines), so every non-blank line is a
paragraph of its own.
"""

from __future__ import annotations

import functools
import re

from eventwatch.records import Span

_LINE = re.compile(r"[^\n]+")
# A leading list marker (". ", "- ", "• ") is layout, not prose; the parser does better without it.
_LEAD = re.compile(r"[\s.\-•*·]*")


# Where an over-long line is cut: after a sentence end, else at any whitespace.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]?\s")
_SPACE = re.compile(r"\s")


def _cut(text: str, start: int, end: int, max_chars: int) -> list[Span]:
    """``[start, end)`` in pieces of at most ``max_chars``, cut after the last sentence end (else space)."""
    pieces: list[Span] = []
    while end - start > max_chars:
        limit = start + max_chars
        cut = None
        for pattern in (_SENTENCE_END, _SPACE):
            ends = [m.end() for m in pattern.finditer(text, start + max_chars // 2, limit)]
            if ends:
                cut = ends[-1]
                break
        cut = cut if cut is not None and cut > start else limit
        stop = cut
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            pieces.append(Span(start, stop))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append(Span(start, end))
    return pieces


@functools.cache
def _long_run(max_word_chars: int) -> re.Pattern[str]:
    return re.compile(rf"\S{{{max_word_chars + 1},}}")


def _cut_runs(text: str, piece: Span, max_word_chars: int) -> list[Span]:
    """``piece`` with every run of non-space characters longer than ``max_word_chars`` cut into pieces of its
    own (of ``max_word_chars``); the text around such runs stays in one piece each side."""
    out: list[Span] = []
    at = piece.start
    for run in _long_run(max_word_chars).finditer(text, piece.start, piece.end):
        before = text[at : run.start()].rstrip()
        if before:
            out.append(Span(at, at + len(before)))
        out.extend(Span(i, min(i + max_word_chars, run.end())) for i in range(run.start(), run.end(), max_word_chars))
        at = run.end()
        while at < piece.end and text[at].isspace():
            at += 1
    if at < piece.end:
        out.append(Span(at, piece.end))
    return out


def split_paragraphs(text: str, max_chars: int | None = None, max_word_chars: int | None = None) -> list[Span]:
    """Spans of the non-blank lines of ``text``, stripped of surrounding whitespace and list markers.

    A line longer than ``max_chars`` is cut into pieces of at most ``max_chars`` (after a sentence end when
    there is one), and a run of non-space characters longer than ``max_word_chars`` into pieces of its own,
    so that no single tokenizer or parser call is unbounded (spaCy's suffix search is quadratic in the
    length of a run of punctuation: 8,000 characters of "!?" take 10 s).
    """
    lines: list[Span] = []
    for match in _LINE.finditer(text):
        start, end = match.start(), match.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if lines and _continues(text, lines[-1], start, end):
            lines[-1] = Span(lines[-1].start, end)
            continue
        lead = _LEAD.match(text, start, end)
        if lead is not None:
            start = lead.end()
        if end > start:
            lines.append(Span(start, end))
    spans: list[Span] = []
    for line in lines:
        pieces = _cut(text, line.start, line.end, max_chars) if max_chars else [line]
        if max_word_chars:
            pieces = [cut for piece in pieces for cut in _cut_runs(text, piece, max_word_chars)]
        spans.extend(pieces)
    return spans


def _continues(text: str, previous: Span, start: int, end: int) -> bool:
    """Whether a line goes on with the sentence of the line before: a page that set a link's words on a line of
    their own ("the U.S.-led" / "coalition" / " conducted five airstrikes"). Only a line that opens in lower
    case after a line without a final stop does, and only a word or three or one indented like a continuation,
    never a list item ("further joint action between UK and France")."""
    line = text[start:end]
    body = line.lstrip(" ")
    if not body[:1].islower() or text[previous.end - 1] in '.!?:;"”’)':
        return False
    return body is not line or len(body.split()) <= _LINK_WORDS


# Words a link's text set on a line of its own may have.
_LINK_WORDS = 3
