"""How certain is it that a predicate happened: a small regressor on UDS-IH2's scale, -3 (did not) to 3 (did).

Features are read off the spaCy parse: the predicate's lemma, tag and auxiliaries, negation, and the verbs,
conjunctions and modals on the path to the sentence root (the "want"/"said"/"if" that embeds it), plus three
small groups: ``anc_*`` flags that summarise the whole path to the root (a negation, modal, "will", "if",
reporting, hedging or intending verb anywhere above), ``pos_dep=``/``dep_aux=``/``dep_up1=`` pairs (a
"to"-infinitive purpose clause, a nominal object) and ``stop_*`` flags for an act that nearly happened or that
a governor stops, delays or calls off ("the flight was delayed", "failed to win approval"); the training script
ships weights only for the groups its cross-validation keeps (:data:`FEATURE_GROUPS`). A linear model over them
is trained by ``scripts/train_factuality.py`` on UDS-IH2 and MEANTIME and shipped as JSON weights
(``data/attribute/factuality_model.json``): no pickle, no run-time training, and scoring a predicate is a
sum of a few dozen weights.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
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
_CONDITIONALS = frozenset({"if", "whether", "unless"})
_FUTURE = frozenset({"will", "'ll"})
# Verbs whose complement is wanted, planned or attempted rather than done (MEANTIME marks it FUTURE/POSSIBLE).
_INTENDING = frozenset(
    {"want", "wish", "hope", "plan", "intend", "aim", "prepare", "threaten", "vow", "pledge", "promise", "warn"}
    | {"order", "urge", "demand", "seek", "attempt", "try", "need", "ask", "expect", "propose", "schedule"}
    | {"decide", "agree", "offer", "refuse", "fail"}
)
# Feature groups: the training script selects groups by cross-validation and ships weights only for those.
FEATURE_GROUPS = ("base", "path", "pairs", "stop")
_GROUP_PREFIXES = {
    "anc_": "path",
    "cond": "path",
    "future": "path",
    "pos_dep": "pairs",
    "dep_": "pairs",
    "stop_": "stop",
}
# Verbs and nouns that stop, delay or call off what they govern ("the flight was delayed", "the deal had been
# killed", "would cease looking", "the delay in delivery"): MEANTIME rates such events -3 or 0, UDS-IH2 low too.
_STOP_GOV = frozenset(
    {"delay", "cancel", "postpone", "kill", "cease", "stop", "halt", "prevent", "avoid", "block", "scrap", "abandon"}
    | {"suspend", "reject", "refuse", "fail", "thwart", "foil", "drop", "veto", "ban", "deny", "defer", "shelve"}
    | {"abort", "end", "quit", "freeze", "stall", "hinder", "bar", "forbid", "prohibit", "miss", "lack", "oppose"}
)
_STOP_NOUNS = frozenset(
    {"delay", "cancellation", "postponement", "suspension", "end", "halt", "lack", "absence", "failure", "ban"}
    | {"freeze", "prevention"}
)
_STOP_MODS = ("cancel", "abort", "scrap", "delay", "postpon", "fail", "foil", "thwart", "suspend", "shelv", "abandon")
_NEARLY = frozenset({"nearly", "almost"})


def feature_group(name: str) -> str:
    """Which of :data:`FEATURE_GROUPS` a feature name (without a domain prefix) belongs to."""
    return next((group for prefix, group in _GROUP_PREFIXES.items() if name.startswith(prefix)), "base")


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
    return feats + _path_features(token) + _pair_features(token) + _stop_features(token)


def _path_features(token: Token) -> list[str]:
    """Flags for cues anywhere on the path to the root ("not", "could", "will", "if", "said", "plan")."""
    from eventwatch.attribute.cues import verb_cues

    cues = verb_cues()
    flags = set()
    for c in token.children:
        if c.dep_ == "mark" and c.lower_ in _CONDITIONALS:
            flags.add("cond")
        elif c.dep_ == "aux" and c.lower_ in _FUTURE:
            flags.add("future")
    for head in token.ancestors:
        lemma = head.lemma_.lower()
        cue = cues.get(lemma)
        if cue is not None:
            flags.add("anc_factive" if cue.is_factive else "anc_hedge_cue" if cue.is_hedge else "anc_report")
        if lemma in _INTENDING:
            flags.add("anc_intend")
        for c in head.children:
            word = c.lower_
            if c.dep_ == "neg" or (word in _NEGATIONS and c.dep_ in ("advmod", "det", "dep")):
                flags.add("anc_negated")
            elif c.dep_ in ("aux", "auxpass") and word in _MODALS:
                flags.add("anc_future" if word in _FUTURE else "anc_modal")
            elif c.dep_ == "mark" and word in _CONDITIONALS:
                flags.add("anc_cond")
    return sorted(flags)


def _pair_features(token: Token) -> list[str]:
    """The predicate's relation paired with its part of speech, its auxiliaries/markers and its governor."""
    feats = [f"pos_dep={token.pos_}|{token.dep_}", f"dep_up1={token.dep_}|{token.head.lemma_.lower()}"]
    feats += sorted(
        {f"dep_aux={token.dep_}|{c.lower_}" for c in token.children if c.dep_ in ("aux", "auxpass", "mark")}
    )
    if token.head is not token:
        feats.append(f"pos_dep_up1pos={token.pos_}|{token.dep_}|{token.head.pos_}")
    return feats


def _stop_features(token: Token) -> list[str]:
    """An event that nearly happened, or that a governor stops, delays or calls off ("the now-cancelled deal")."""
    feats = set()
    for c in token.children:
        word = c.lower_
        if c.dep_ == "advmod" and word in _NEARLY:
            feats.add("stop_nearly")
        if c.dep_ in ("amod", "compound", "advmod") and any(s in word for s in _STOP_MODS):
            feats.add("stop_mod")
    gov, via = token.head, token.dep_
    if via == "pobj" and gov.dep_ == "prep" and gov.head is not gov:  # "the delay in [delivery]"
        gov, via = gov.head, f"prep_{gov.lower_}"
    if gov is not token:
        gov_lemma = gov.lemma_.lower()
        if (
            gov.pos_ in ("VERB", "AUX")
            and gov_lemma in _STOP_GOV
            and via in ("dobj", "nsubjpass", "xcomp", "prep_from", "prep_on", "prep_of")
        ):
            feats.add("stop_gov")
            feats.add(f"stop_gov={gov_lemma}")
        if gov.pos_ in ("NOUN", "PROPN") and gov_lemma in _STOP_NOUNS and via.startswith("prep_"):
            feats.add("stop_noun")
    child, head = token, token.head  # a stopping verb two or three levels up ("failed to win approval to [fly]")
    for depth in range(3):
        if head is child:
            break
        if depth > 0 and head.lemma_.lower() in _STOP_GOV and child.dep_ in ("xcomp", "dobj", "nsubjpass", "ccomp"):
            feats.add("stop_anc")
        child, head = head, head.head
    return sorted(feats)


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

    Every feature has a general weight (learnt on UDS-IH2) and may have a ``news:`` weight. Other text (the web
    genres of UDS-IH2) is scored with the general weights alone; news text (our input) with
    ``domain_scale["news"]`` times the general sum plus the ``news:`` weights, a correction learnt on MEANTIME
    on top of the general score (stacking; with a scale of 1 this is also Daume III 2007's "frustratingly easy"
    domain adaptation).
    """

    weights: dict[str, float]
    domain_scale: dict[str, float] = field(default_factory=dict)

    def score_features(self, features: Iterable[str], *, domain: str | None = NEWS) -> float:
        unique = set(features)
        total = sum(self.weights.get(f, 0.0) for f in unique)
        if domain:
            total *= self.domain_scale.get(domain, 1.0)
            total += sum(self.weights.get(f"{domain}:{f}", 0.0) for f in unique)
        return max(-3.0, min(3.0, total))

    def score(self, token: Token, *, domain: str | None = NEWS) -> float:
        return self.score_features(predicate_features(token), domain=domain)

    def to_json(self) -> str:
        data = {"format": 1, "weights": self.weights, "domain_scale": self.domain_scale}
        return json.dumps(data, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> FactualityModel:
        data = json.loads(text)
        if data.get("format") != 1 or not isinstance(data.get("weights"), dict):
            raise ValueError("not an eventwatch factuality model (format 1)")
        scale = data.get("domain_scale", {})
        return cls({str(k): float(v) for k, v in data["weights"].items()}, {str(k): float(v) for k, v in scale.items()})


@functools.cache
def load_factuality_model() -> FactualityModel:
    """The shipped model (loaded once per process)."""
    text = resources.files("eventwatch").joinpath(MODEL_RESOURCE).read_text(encoding="utf-8")
    return FactualityModel.from_json(text)
