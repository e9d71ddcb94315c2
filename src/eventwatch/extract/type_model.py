"""A small learned PLOVER event-type classifier over a trigger's sentence (multinomial logistic regression).

Trained by ``scripts/train_plover_type.py`` on the *train* splits of ``shared/events/plover_gsr_cameo`` (OEDA
gold sentences) and ``shared/events/plover_synthetic_ngec`` (weak labels); weights ship as JSON in
``data/extract/plover_type_model.json`` (see its SOURCE.md). The rule stage stays in charge: ``_build.py`` asks
the model only to break ties the lexicon cannot (see ``reconsider``).

``features`` is shared by training and inference, so both see the same parse-derived strings.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwatch.extract._resources import EXTRACT_DATA, cameo_codes, cameo_verbs, trigger_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

MODEL_PATH = EXTRACT_DATA / "plover_type_model.json"
# The model overrules the lexicon only when it is sure of another type and nearly excludes the lexicon's: on
# the gold/dev articles no lexicon type is overruled at these values (the model's largest disagreeing
# probability there is 0.37); on GSR dev the two overrules are "began a hunger strike" (ASSAULT -> PROTEST)
# and "threatened to break relations" (ASSAULT -> THREATEN). The model alone is right on 49 % of GSR dev
# sentences, the lexicon's sense far more often where it fires, hence a veto, never a vote.
MIN_OVERRULE_P = 0.45
MAX_LEXICON_P = 0.1
_CHILD_DEPS = frozenset(
    {"dobj", "xcomp", "ccomp", "neg", "aux", "prt", "agent", "attr", "amod", "compound", "acomp", "dative"}
)
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})


def features(tok: Token) -> list[str]:
    """Feature strings of a trigger token: its lemma and syntax, its arguments' lemmas, the sentence's content
    lemmas and the lexicon's / CAMEO dictionary's answer for the lemma."""
    lemma = tok.lemma_.lower()
    out = ["bias", f"t={lemma}", f"tp={tok.pos_}", f"td={tok.dep_}"]
    if tok.head is not tok:
        out.append(f"h={tok.head.dep_}:{tok.head.lemma_.lower()}")
    for c in tok.children:
        if c.dep_ in _CHILD_DEPS:
            out.append(f"c={c.dep_}:{c.lemma_.lower()}")
        elif c.dep_ == "prep":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            out.append(f"p={c.lower_}:{pobj.lemma_.lower() if pobj is not None else ''}")
        elif c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_:
            out.append(f"s={c.dep_}:{c.ent_type_}")
    lex = trigger_lexicon()
    for pos in ("VERB", "NOUN"):
        entry = lex.get((lemma, pos))
        if entry is not None:
            out.append(f"lex={entry.plover}")
    code = cameo_codes().get(cameo_verbs().get(lemma) or "")
    if code is not None and code.plover:
        out.append(f"cameo={code.plover}")
    out.extend(f"w={w.lemma_.lower()}" for w in tok.sent if w.is_alpha and not w.is_stop and w.pos_ in _CONTENT_POS)
    return out


@dataclass(frozen=True, slots=True)
class TypeModel:
    """Class names and, per feature string, one weight per class (absent features weigh nothing)."""

    classes: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]

    def probabilities(self, feats: list[str]) -> dict[str, float]:
        """Softmax over the classes of the summed weights of ``feats`` (repeats count once)."""
        scores = [0.0] * len(self.classes)
        for f in set(feats):
            w = self.weights.get(f)
            if w is not None:
                for i, v in enumerate(w):
                    scores[i] += v
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}


@functools.cache
def load_type_model() -> TypeModel:
    """The shipped model (read once per process)."""
    raw = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return TypeModel(tuple(raw["classes"]), {f: tuple(w) for f, w in raw["weights"].items()})


def type_probabilities(tok: Token) -> dict[str, float]:
    """P(PLOVER type | trigger token and its sentence) under the shipped model."""
    return load_type_model().probabilities(features(tok))


def reconsider_type(tok: Token, plover: str) -> str:
    """The PLOVER type for trigger ``tok`` given the lexicon's ``plover``: the model's type when it is confident
    and gives the lexicon's type almost no chance ("began a hunger strike" is no ASSAULT), else ``plover``."""
    probs = type_probabilities(tok)
    top = max(probs, key=probs.__getitem__)
    if top != plover and probs[top] >= MIN_OVERRULE_P and probs.get(plover, 0.0) <= MAX_LEXICON_P:
        return top
    return plover
