"""Clause spans: the part of a sentence that describes one event (gold evidence is clause-level).

A clause is the subtree of the trigger's predicate minus the branches that hold another event's trigger,
coordinated clauses with their own subject and parataxis; it stays one contiguous slice of the text.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from eventwatch.extract import _words as W

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

log = logging.getLogger(__name__)

_EDGE_DROP = frozenset({"punct", "cc", "mark", "prep"})
# A clause this short is not a description on its own; the sentence is used instead.
# Participles that make a name a holder of the place after it ("the Al-Qaeda controlled eastern districts").
_CONTROL_PARTICIPLES = frozenset(["control", "hold", "occupy", "besiege", "run", "administer"])
MIN_CLAUSE_TOKENS = 4


def prep_object(tok: Token, prep: str) -> Token | None:
    """The object of ``tok``'s first ``prep`` phrase: "of" → "Palmyra" for "control of Palmyra"."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == prep:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def predicate(tok: Token) -> Token:
    """The verb whose clause describes the event that ``tok`` triggers."""
    cur = tok
    if cur.pos_ in ("NOUN", "PROPN") or (cur.pos_ == "VERB" and cur.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")):
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lemma_.lower() in W.TRANSPARENT:
            cur = cur.head.head
        if cur.dep_ == "dobj" and cur.head.lemma_.lower() in W.REACTION_VERBS:
            return tok  # "The United States condemns ISIL's attacks in Tel Tamer": the act is the noun phrase
        if cur.dep_ in ("nsubj", "nsubjpass", "dobj") and cur.head.pos_ in ("VERB", "AUX"):
            cur = cur.head
        elif cur.dep_ == "pobj" and cur.head.lower_ == "with" and cur.head.head.pos_ == "VERB":
            cur = cur.head.head
        else:
            return tok
    for _ in range(4):
        if cur.dep_ == "xcomp" or (cur.dep_ == "acomp" and cur.head.pos_ in ("AUX", "VERB")):
            cur = cur.head
        else:
            break
    if cur.dep_ == "xcomp" and cur.head.dep_ == "acomp":
        cur = cur.head.head
    return cur


# Modifiers that can be cut off the end of a phrase with what they hold ("in retaliation for the killing").
_TRAILING_MODIFIERS = frozenset({"prep", "advcl", "relcl", "acl", "npadvmod"})


def _trailing_modifier(branch: Token, avoid: set[int]) -> Token | None:
    """The modifier inside ``branch`` that holds another event's trigger and ends where the branch ends, so
    that cutting it keeps the rest: "launched missiles targeting US troops [in retaliation for the killing of
    ...]" keeps the missiles and their targets. None when the trigger sits in no such modifier."""
    doc = branch.doc
    for i in sorted(avoid):
        tok = doc[i]
        while tok.i != branch.i and tok.head.i != tok.i:
            if (
                tok.dep_ in _TRAILING_MODIFIERS
                and tok.head.pos_ in ("VERB", "AUX")
                and tok.right_edge.i == branch.right_edge.i
                and tok.left_edge.i > branch.i
            ):
                return tok
            tok = tok.head
    return None


_DATELINE_DASHES = frozenset({"-", "\u2014", "\u2013", "--"})
_DATELINE_TOKENS = 12


def dateline_dash(doc: Doc) -> int | None:
    """Index of the dash that ends the paragraph's opening dateline ("ADEN, Yemen (Reuters) -"), if any."""
    dash = next(
        (
            t.i
            for t in doc[1:_DATELINE_TOKENS]
            if t.text in _DATELINE_DASHES and doc[t.i - 1].whitespace_ and t.whitespace_  # not al-Qaida's hyphen
        ),
        None,
    )
    # only names, dates and the agency before it: "ADEN, Yemen (Reuters) -", "Indianapolis –", not "A series of"
    if dash is None or not all(t.pos_ in ("PROPN", "PUNCT", "NUM") or t.is_upper for t in doc[:dash]):
        return None
    return dash


def clause_bounds(head: Token, keep: set[int], avoid: set[int], sent: SpacySpan) -> tuple[int, int]:
    """Token index range ``[start, end)`` of ``head``'s clause, cutting branches with ``avoid`` triggers.

    ``keep``: token indices that must stay inside (this event's triggers).
    """
    prep = head.head
    if head.dep_ == "pcomp" and prep.pos_ == "ADP" and any(c.dep_ == "pobj" for c in prep.children):
        # "After repelling terrorists' attacks on ... positions, the soldiers ...": the parser hangs the verb's
        # object on the preposition, so the clause is the prepositional phrase.
        head = prep
    left, right = head.left_edge.i, head.right_edge.i
    for child in head.children:
        sub = {t.i for t in child.subtree}
        if sub & keep:
            continue
        own_clause = child.dep_ in ("conj", "parataxis") and (
            child.pos_ in ("VERB", "AUX") and any(c.dep_.startswith("nsubj") for c in child.children)
        )
        if not (own_clause or sub & avoid or child.dep_ == "parataxis"):
            continue
        lo, hi = child.left_edge.i, child.right_edge.i
        if hi < head.i:
            left = max(left, hi + 1)
        elif lo > head.i:
            deep = None if own_clause or child.dep_ == "parataxis" else _trailing_modifier(child, sub & avoid)
            right = min(right, (deep.left_edge.i if deep is not None else lo) - 1)
    doc = head.doc
    after = doc[right + 1] if right + 1 < sent.end else None
    if (
        after is not None
        and after.dep_ == "amod"
        and after.tag_ in ("VBN", "VBD")  # the small model tags "controlled" either way
        and after.lemma_.lower() in _CONTROL_PARTICIPLES
        and after.head.i > after.i
    ):
        # "air strikes on the Al-Qaeda controlled eastern districts of Aleppo": the parser ends the phrase at the
        # name and hangs "controlled eastern districts" elsewhere; the districts are what was struck.
        right = max(right, after.head.right_edge.i)
    while left < right and doc[left].dep_ in _EDGE_DROP | {"nsubj"} and doc[left].pos_ in ("PUNCT", "CCONJ", "SCONJ"):
        left += 1
    while right > left and (doc[right].pos_ in ("PUNCT", "CCONJ", "SPACE") or doc[right].dep_ == "cc"):
        right -= 1
    last = doc[right]
    # "charged with one count of murder pertaining [to a shooting]": a participle whose phrase was cut away
    # says nothing alone
    dangling = last.dep_ in ("acl", "advcl") and last.tag_ == "VBG" and all(c.i > right for c in last.children)
    if right > left and dangling and last.i not in keep:
        right = last.i - 1
        while right > left and doc[right].pos_ in ("PUNCT", "SPACE"):
            right -= 1
    left, right = max(left, sent.start), min(right, sent.end - 1)
    dash = dateline_dash(doc)
    if dash is not None and left <= dash < head.i:
        left = dash + 1  # the dateline is where the story is filed from, not part of the event's clause
    if right - left + 1 < MIN_CLAUSE_TOKENS and head.dep_ == "relcl" and head.head.i < head.i:
        left = max(head.head.left_edge.i, sent.start)  # "Viktar Babaryka, who was arrested": with whom it is about
    if right - left + 1 < MIN_CLAUSE_TOKENS:
        return sent.start, sent.end
    return left, right + 1
