"""Readings of the parse that more than one stage needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs whose object is ground: a name right after one is a place, whatever the tagger says ("entered Tell
# Tamer", "stormed Sirte", "shelled Kafranbel").
GROUND_VERBS = frozenset(
    {"enter", "reach", "storm", "besiege", "encircle", "shell", "overrun", "retake", "recapture", "liberate"}
)


def takes_ground(verb: Token) -> bool:
    """Whether a word is a verb whose object is ground (see ``GROUND_VERBS``)."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in GROUND_VERBS


# Verbs whose "from" phrase names where a strike or a movement started, not where the act took place.
ORIGIN_VERBS = frozenset({"come", "launch", "fire", "originate", "fly", "shoot"})


def is_origin(token: Token) -> bool:
    """Whether a noun names where something came from: "the attacks came from Yemen", "rockets fired from
    Gaza", "refugees coming to Lebanon from Syria and Iraq"."""
    while token.dep_ in ("compound", "amod") and token.head.i > token.i:
        token = token.head  # "from northern Syria": the phrase's head
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head  # "from Syria and Iraq"
    return token.dep_ == "pobj" and token.head.lower_ == "from" and token.head.head.lemma_.lower() in ORIGIN_VERBS
