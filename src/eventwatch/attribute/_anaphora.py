"""Back-references in reported content: "these strikes", "this was denied", "Syrian aircraft are involved".

The linker (``link.py``) resolves them to an earlier event mention; here they are only recognized, with the
part of the event the claim is about ("Russian involvement", "responsibility").
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from eventwatch.attribute._syntax import child, children

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

# Objects that make "claimed X" a claim of responsibility for the event named after "for".
RESPONSIBILITY = frozenset({"responsibility", "credit"})
# Nouns that refer back to a claim, not an event ("Iran denied the accusation").
CLAIM_NOUNS = frozenset(
    {"accusation", "claim", "allegation", "report", "charge", "suggestion", "assertion"}
    | {"figure", "toll", "estimate", "tally", "account"}  # "at least 21 killed, a figure the government disputed"
)
# Predicates whose clause speaks about an event without naming it ("Syrian aircraft are involved", "Russian
# jets were believed to have carried out the raids", "denied its aircraft had flown over the area").
_INVOLVEMENT = frozenset({"involve", "responsible", "behind", "participate", "take", "carry", "fly"})


def anaphor_of(content_np: Token | None, content: Token | None) -> tuple[str | None, str | None, bool]:
    """(back-reference lemma, about, is demonstrative) of content that points at an earlier event or claim."""
    if content_np is not None:
        if content_np.lemma_ in RESPONSIBILITY:
            target = next((child(p, "pobj") for p in children(content_np, "prep") if p.lower_ == "for"), None)
            return (target.lemma_ if target is not None else "it"), "responsibility", False
        if content_np.pos_ == "PRON" or content_np.lower_ in ("this", "that"):
            return "this", None, True
        if content_np.lemma_ in CLAIM_NOUNS:
            return "claim", None, True
        det = child(content_np, "det")
        return content_np.lemma_, None, det is not None and det.lower_ in _DEMONSTRATIVES
    if content is None:
        return None, None, False
    for token in content.subtree:
        det = child(token, "det")
        is_definite = det is not None and det.lower_ in (*_DEMONSTRATIVES, "the")
        # A lower-case event noun tagged PROPN is a tagger slip ("the march" read as the month).
        is_noun = token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_lower)
        if is_noun and is_definite and det is not None and token.lemma_ in _EVENT_NOUNS:
            return token.lemma_, _involvement(content), det.lower_ in _DEMONSTRATIVES
    if _involving(_believed(content)) is not None:
        return "implicit", _involvement(content), True
    return None, None, False


def _believed(content: Token) -> Token:
    """The clause a belief verb holds: "Russian jets were believed to have carried out the raids"."""
    inner = child(content, "xcomp") if content.lemma_ in _BELIEVED else None
    return inner if inner is not None else content


def _involving(content: Token) -> Token | None:
    """``content`` when it says someone took part in an event ("are involved", "carried out the raids",
    "flew over the area"), else None; "Wiranto was flown to a hospital" is not such a clause."""
    lemma = content.lemma_
    if lemma not in _INVOLVEMENT:
        return None
    if lemma == "carry" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in content.children):
        return None
    if lemma == "fly" and not any(c.dep_ == "prep" and c.lower_ == "over" for c in content.children):
        return None
    return content


_BELIEVED = frozenset({"believe", "think", "suspect", "expect", "appear", "seem", "say", "report"})


_DEMONSTRATIVES = ("these", "this", "those", "that")
# Violent acts: whoever "claims" one claims to have done it ("Da'esh claimed dual attacks").
ATTACK_NOUNS = frozenset(
    {
        "attack",
        "strike",
        "airstrike",
        "bombing",
        "shooting",
        "shelling",
        "raid",
        "assault",
        "explosion",
        "blast",
        "killing",
        "ambush",
        "stabbing",
        "poisoning",
        "assassination",
        "bombardment",
        "kidnapping",
        "abduction",
    }
)
_EVENT_NOUNS = ATTACK_NOUNS | frozenset(
    {
        "offensive",
        "operation",
        "crash",
        "incident",
        "arrest",
        "protest",
        "rally",
        "march",
        "demonstration",
        "clash",
        "fighting",
        "battle",
        "campaign",
    }
)


def _involvement(content: Token) -> str | None:
    """ "the Russians are involved" -> "Russian involvement" (the part of the event a claim is about)."""
    involving = _involving(_believed(content))
    if involving is None:
        return None
    content = involving
    subject = child(content, "nsubj", "nsubjpass")
    if subject is None and content.dep_ == "xcomp":
        subject = child(content.head, "nsubj", "nsubjpass")  # "Russian jets were believed to have carried out"
    if subject is None:
        return "involvement"
    adjective = next((t for t in subject.subtree if t.ent_type_ == "NORP"), None)
    word = adjective.text if adjective is not None else subject.text
    word = word[:-1] if word.endswith("s") and adjective is not None and word[0].isupper() else word
    return f"{word} involvement"
