"""Cut a text into plain and marked pieces by character offsets, for templates to escape and wrap in <mark>.

Templates never build HTML from the text: they loop over :class:`Piece` s and print each ``text`` through
autoescaping, wrapping marked pieces in an element named by ``mark``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_RANGE = re.compile(r"([0-9]{1,9})-([0-9]{1,9})")


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    mark: str | None = None  # what the piece is ("cue", "trigger", "evidence"); None = plain text


def split_marks(text: str, marks: Iterable[tuple[int | None, int | None, str]]) -> tuple[Piece, ...]:
    """``text`` as consecutive pieces whose concatenation is ``text``, with ``marks`` (start, end, kind) marked.

    Offsets are character offsets into ``text``. A mark with a missing offset, an empty or out-of-range span, or
    one overlapping an earlier (leftmost-first) mark is ignored, so hostile or stale offsets never raise.
    """
    spans = sorted(
        (start, end, kind)
        for start, end, kind in marks
        if start is not None and end is not None and 0 <= start < end <= len(text)
    )
    pieces: list[Piece] = []
    pos = 0
    for start, end, kind in spans:
        if start < pos:
            continue
        if start > pos:
            pieces.append(Piece(text[pos:start]))
        pieces.append(Piece(text[start:end], kind))
        pos = end
    if pos < len(text) or not pieces:
        pieces.append(Piece(text[pos:]))
    return tuple(pieces)


def parse_range(raw: str | None) -> tuple[int, int] | None:
    """``"START-END"`` (the article page's ``?hl=``) as two ints, or None when absent or malformed."""
    # ASCII digits only: str.isdigit() accepts "²", which int() rejects.
    match = _RANGE.fullmatch(raw or "")
    return (int(match[1]), int(match[2])) if match else None
