"""Evidence overlap and one-to-one assignment for the gold scorer.

The overlap rule is SCHEMA.md "Field values" / `evidence`: two evidence strings overlap when one contains the
other, or when they share at least half of the shorter one's characters *in one sentence*. Shared characters
are measured on the strings' spans in the article text (a string may occur several times; the best pair of
occurrences counts). A string that cannot be located falls back to string containment and the longest common
substring, which is the closest a text-free comparison gets to "shared characters".
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

__all__ = ["ArticleText", "assign", "normalize_space"]

_SPACE = re.compile(r"\s+")
# A sentence ends at . ! ? (plus closing quotes/brackets) before whitespace and a capital, digit or opening
# quote, or at a line break (the CENTCOM strike lists and map legends are one item per line).
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n+")
# Abbreviations whose full stop does not end a sentence ("U.S. Central Command", "Gen. Votel", "Jan. 8").
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Rep|Sen|Gov|Pres|Prof|Jr|Sr|No|vs|etc|"
    r"Inc|Ltd|Co|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\.$"
)
# Most occurrences of one string looked at; evidence strings are clauses, so more is pathological input.
_MAX_OCCURRENCES = 20


def normalize_space(value: str) -> str:
    """Collapse every run of whitespace (no-break spaces included) to one space and strip the ends."""
    return _SPACE.sub(" ", value).strip()


@dataclass(frozen=True, slots=True)
class ArticleText:
    """An article text with its sentence boundaries, for overlap measurements on spans."""

    text: str
    sentence_starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> ArticleText:
        """Split ``text`` into sentences once; every later overlap query reuses the boundaries."""
        starts = [0]
        for boundary in _BOUNDARY.finditer(text):
            if boundary.group().startswith("\n") or not _ABBREVIATION.search(text[: boundary.start()][-8:]):
                starts.append(boundary.end())
        return cls(text, tuple(sorted(set(starts))))

    def spans(self, value: str) -> list[tuple[int, int]]:
        """Character spans where ``value`` occurs verbatim (at most ``_MAX_OCCURRENCES``)."""
        found: list[tuple[int, int]] = []
        start = self.text.find(value) if value else -1
        while start >= 0 and len(found) < _MAX_OCCURRENCES:
            found.append((start, start + len(value)))
            start = self.text.find(value, start + 1)
        return found

    def _shared_in_one_sentence(self, a: tuple[int, int], b: tuple[int, int]) -> int:
        """Characters the two spans share inside the single sentence where they share the most."""
        lo, hi = max(a[0], b[0]), min(a[1], b[1])
        if lo >= hi:
            return 0
        best = 0
        index = bisect.bisect_right(self.sentence_starts, lo) - 1
        while index < len(self.sentence_starts) and self.sentence_starts[index] < hi:
            sentence_end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else len(self.text)
            best = max(best, min(hi, sentence_end) - max(lo, self.sentence_starts[index]))
            index += 1
        return best

    def overlap(self, a: str, b: str) -> int:
        """Overlap size of two evidence strings: 0 when they do not match under the SCHEMA.md rule.

        Otherwise the number of shared characters (the shorter string's length when one contains the
        other), which the assignment uses to prefer the closer of two candidate pairs.
        """
        a_norm, b_norm = normalize_space(a), normalize_space(b)
        if not a_norm or not b_norm:
            return 0
        shorter = min(len(a_norm), len(b_norm))
        a_fold, b_fold = a_norm.casefold(), b_norm.casefold()
        if a_fold in b_fold or b_fold in a_fold:
            return shorter
        a_spans, b_spans = self.spans(a.strip()), self.spans(b.strip())
        if a_spans and b_spans:
            shared = max(self._shared_in_one_sentence(sa, sb) for sa in a_spans for sb in b_spans)
        else:
            # Not both in the text (a paraphrased or re-spaced prediction): the longest common substring
            # stands in for the shared span, without the sentence check it cannot make.
            matcher = difflib.SequenceMatcher(None, a_fold, b_fold, autojunk=False)
            shared = matcher.find_longest_match(0, len(a_fold), 0, len(b_fold)).size
        return shared if 2 * shared >= shorter else 0

    def evidence_overlap(self, pred: Sequence[str], gold: Sequence[str]) -> int:
        """Best overlap between any predicted and any gold evidence string (0: the items do not match)."""
        return max((self.overlap(p, g) for p in pred for g in gold), default=0)


# Lexicographic weights for the assignment: first as many matches as possible, then the most shared
# evidence characters, then the most agreeing fields. Agreement only breaks ties, which is what makes gold
# scored against itself perfect when two gold events share one evidence sentence (dev README
# "Granularity": two chemical attacks named in one sentence).
_PER_MATCH = 1e12
_PER_CHAR = 1e3


def assign(overlaps: Sequence[Sequence[int]], agreements: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(row, column)`` with a positive overlap, maximizing matches, overlap, agreement.

    ``overlaps[i][j]`` is the overlap of predicted item ``i`` with gold item ``j`` (0 = no match);
    ``agreements[i][j]`` (below 1000) counts fields on which they agree. Pairs are returned by row.
    """
    if not overlaps or not overlaps[0]:
        return []
    weight = np.zeros((len(overlaps), len(overlaps[0])))
    for i, row in enumerate(overlaps):
        for j, size in enumerate(row):
            if size > 0:
                weight[i, j] = _PER_MATCH + _PER_CHAR * size + agreements[i][j]
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols, strict=True) if overlaps[i][j] > 0]
