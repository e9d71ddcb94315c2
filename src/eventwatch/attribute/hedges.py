"""Hedge detection: the cue that qualifies an attribution or its content ("appear to", "apparently").

A claim is hedged when the attribution itself or the claimed content is qualified (dev README "hedged"):
the search looks at the cue verb's own dependents, the raising verb above it and the top of the content
clause, never the whole sentence (a "may" three clauses away qualifies something else).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from eventwatch.attribute.cues import hedge_cues

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

# Phrases the seed lists do not have but the dev README names as hedges of a claim: first-person belief in a
# quotation and an investigation of an open question.
_EXTRA = (
    ("i", "think"),
    ("i", "assume"),
    ("i", "believe"),
    ("investigating", "whether"),
    ("suspect",),
    ("likely",),
)


_BE = frozenset({"be", "is", "are", "was", "were", "been", "being"})


def _same_word(found: str, cue: str) -> bool:
    """A cue word, any form of "be" standing for another ("is believed to" in "were believed to")."""
    return found == cue or (cue in _BE and found in _BE)


def _sequences() -> tuple[tuple[str, ...], ...]:
    return (*(cue.words for cue in hedge_cues()), *_EXTRA)


def find_hedge(tokens: Iterable[Token]) -> str | None:
    """The longest hedge cue whose words occur in ``tokens`` (in text order, contiguous), as written."""
    ordered = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    if not ordered:
        return None
    doc = ordered[0].doc
    present = {t.i for t in ordered}
    best: tuple[int, str] | None = None
    for words in _sequences():
        for token in ordered:
            if not _same_word(token.lower_, words[0]):
                continue
            end = token.i + len(words)
            if end > len(doc) or not all(_same_word(doc[token.i + k].lower_, w) for k, w in enumerate(words)):
                continue
            if not all(i in present or doc[i].lower_ in ("to", *_BE) for i in range(token.i, end)):
                continue
            if best is None or len(words) > best[0]:
                best = (len(words), doc[token.i : end].text)
    return best[1] if best else None


def hedge_scope(cue: Token, content: Token | None) -> list[Token]:
    """Tokens where a hedge of this attribution may sit: the cue, its modifiers, raising verbs above it, and
    the content head with its modifiers and auxiliaries."""
    # The cue itself is not searched: "alleged" is the claim's cue, not a hedge on it.
    tokens: list[Token] = []
    tokens.extend(c for c in cue.children if c.dep_ in ("advmod", "aux", "neg", "npadvmod", "acomp"))
    head = cue.head
    if cue.dep_ == "xcomp" and head.i != cue.i:
        # "appear to confirm": the raising verb and its "to".
        tokens.append(head)
        tokens.extend(c for c in cue.children if c.dep_ == "aux")
    if content is not None:
        tokens.append(content)
        for c in content.children:
            if c.dep_ in ("advmod", "aux", "auxpass", "acomp", "mark", "attr"):
                # "was likely Iran's doing": the hedge modifies the predicate noun.
                tokens.extend([c, *[g for g in c.children if g.dep_ in ("advmod", "aux", "amod")]])
            if c.dep_ == "xcomp":
                tokens.append(c)
    return tokens
