"""How certain is it that a predicate happened: a small regressor on UDS-IH2's scale, -3 (did not) to 3 (did).

Features are read off the spaCy parse: the predicate's lemma, tag and auxiliaries, negation, and the verbs,
conjunctions and modals on the path to the sentence root (the "want"/"said"/"if" that embeds it). A linear
model over them is trained by ``scripts/train_factuality.py`` on the UDS-IH2 and MEANTIME train splits and
shipped as JSON weights (``data/attribute/factuality_model.json``): no pickle, no run-time training, and
scoring a predicate is a sum of a few dozen weights.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

MODEL_RESOURCE = "data/attribute/factuality_model.json"
NEWS = "news"

# Words that make what they embed less than certain; UDS-IH2 annotators rate these complements low.
_MODALS = frozenset({"will", "would", "could", "can", "may", "might", "should", "must", "shall", "ought", "'ll", "'d"})
_NEGATIONS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "neither", "nor", "without"})
_HEDGES = frozenset(
    {"reportedly", "allegedly", "apparently", "possibly", "probably", "perhaps", "maybe", "likely", "seemingly"}
)
_CLAUSE_MARKERS = frozenset({"if", "whether", "unless", "until", "before", "once", "when", "that", "to", "so"})
_MAX_DEPTH = 3  # governors farther up than this rarely change the predicate's factuality


def predicate_features(token: Token) -> list[str]:
    """Binary feature names describing one predicate token in its parsed sentence."""
    lemma = token.lemma_.lower()
    feats = [
        "bias",
        f"lemma={lemma}",
        f"tag={token.tag_}",
        f"pos={token.pos_}",
        f"dep={token.dep_}",
        f"lemma_tag={lemma}|{token.tag_}",
    ]
    feats += _local_features(token, "")
    sent = token.sent
    if sent.text.rstrip().endswith("?"):
        feats.append("question")
    if token.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for c in token.children):
        feats.append("bare_imperative")
    head, child, depth = token.head, token, 1
    while head != child and depth <= _MAX_DEPTH:
        prefix = f"up{depth}"
        head_lemma = head.lemma_.lower()
        feats.append(f"{prefix}_via={child.dep_}")
        feats.append(f"{prefix}_lemma={head_lemma}")
        feats.append(f"{prefix}_lemma_via={head_lemma}|{child.dep_}")
        feats.append(f"{prefix}_tag={head.tag_}")
        feats += _local_features(head, f"{prefix}_")
        child, head, depth = head, head.head, depth + 1
    return feats


def _local_features(token: Token, prefix: str) -> list[str]:
    feats = []
    for c in token.children:
        word = c.lower_
        if c.dep_ in ("aux", "auxpass"):
            feats.append(f"{prefix}aux={word}")
            if word in _MODALS:
                feats.append(f"{prefix}modal")
        elif c.dep_ == "neg" or (word in _NEGATIONS and c.dep_ in ("advmod", "det", "dep")):
            feats.append(f"{prefix}negated")
        elif c.dep_ == "mark" or (c.dep_ == "advmod" and word in _CLAUSE_MARKERS):
            feats.append(f"{prefix}mark={word}")
        elif c.dep_ == "advmod" and word in _HEDGES:
            feats.append(f"{prefix}hedge")
            feats.append(f"{prefix}hedge={word}")
        elif c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we", "you"):
            feats.append(f"{prefix}subj={c.lower_}")
    return feats


@dataclass(frozen=True, slots=True)
class FactualityModel:
    """A linear model: the score is the sum of the weights of a predicate's features, clipped to [-3, 3].

    Trained with "frustratingly easy" domain adaptation (Daume III 2007): every feature has a general weight
    and, learnt on MEANTIME only, a ``news:`` weight. News text (our input) is scored with both; other text
    (the web genres of UDS-IH2) with the general weights alone.
    """

    weights: dict[str, float]

    def score_features(self, features: Iterable[str], *, domain: str | None = NEWS) -> float:
        unique = set(features)
        total = sum(self.weights.get(f, 0.0) for f in unique)
        if domain:
            total += sum(self.weights.get(f"{domain}:{f}", 0.0) for f in unique)
        return max(-3.0, min(3.0, total))

    def score(self, token: Token, *, domain: str | None = NEWS) -> float:
        return self.score_features(predicate_features(token), domain=domain)

    def to_json(self) -> str:
        return json.dumps({"format": 1, "weights": self.weights}, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> FactualityModel:
        data = json.loads(text)
        if data.get("format") != 1 or not isinstance(data.get("weights"), dict):
            raise ValueError("not an eventwatch factuality model (format 1)")
        return cls({str(k): float(v) for k, v in data["weights"].items()})


@functools.cache
def load_factuality_model() -> FactualityModel:
    """The shipped model (loaded once per process)."""
    text = resources.files("eventwatch").joinpath(MODEL_RESOURCE).read_text(encoding="utf-8")
    return FactualityModel.from_json(text)
