"""Train the PLOVER event-type classifier shipped as ``src/eventwatch/data/extract/plover_type_model.json``.

Data (train splits only; each set's deterministic ``split`` field, see shared/events/README.md):
  - shared/events/plover_gsr_cameo/plover_gsr_cameo.jsonl: OEDA gold sentences (CC BY-SA 4.0); the trigger is
    the first sentence token among the gold event words.
  - shared/events/plover_synthetic_ngec/ngec_synthetic_stories.jsonl: GPT-2 stories with the prompt's type as a
    weak label (MIT); the lead sentence, its trigger the first lexicon / CAMEO-dictionary word, else the root.
Model: scikit-learn multinomial logistic regression (lbfgs, deterministic). The L2 strength ``C`` and the
synthetic examples' weight were chosen on the GSR *dev* split (``--grid`` prints it); test is never read.

    .venv/bin/python scripts/train_plover_type.py [--grid]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from eventwatch.config import load_config
from eventwatch.extract._resources import cameo_verbs, trigger_lexicon
from eventwatch.extract.type_model import MODEL_PATH, features
from eventwatch.nlp import load_model

SHARED = Path(__file__).resolve().parents[2] / "shared" / "events"
GSR = SHARED / "plover_gsr_cameo" / "plover_gsr_cameo.jsonl"
SYNTH = SHARED / "plover_synthetic_ngec" / "ngec_synthetic_stories.jsonl"
SEED = 13
C = 0.5  # chosen on GSR dev (--grid)
SYNTH_WEIGHT = 0.3  # ditto: weak labels count less than gold sentences
MIN_COUNT = 2  # features seen once carry no generalisable weight and bloat the JSON


def _rows(path: Path, split: str) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["split"] == split]


def gsr_examples(nlp: Any, split: str) -> tuple[list[list[str]], list[str]]:
    xs, ys = [], []
    for r in _rows(GSR, split):
        doc = nlp(r["text"])
        gold = {w.lower() for w in (r.get("event_text") or "").split()}
        hits = [t for t in doc if t.lower_ in gold and t.pos_ in ("VERB", "NOUN")] or [
            t for t in doc if t.lower_ in gold
        ]
        tok = hits[0] if hits else next(iter(doc.sents)).root
        xs.append(features(tok))
        ys.append(r["event"])
    return xs, ys


def synth_examples(nlp: Any) -> tuple[list[list[str]], list[str]]:
    lex = {lemma for lemma, _pos in trigger_lexicon()}
    verbs = cameo_verbs()
    rows = _rows(SYNTH, "train")
    xs, ys = [], []
    for r, doc in zip(rows, nlp.pipe(r["text"].split("\n")[0][:600] for r in rows), strict=True):
        sent = next(iter(doc.sents))
        tok = next((t for t in sent if t.lemma_.lower() in lex or t.lemma_.lower() in verbs), sent.root)
        xs.append(features(tok))
        ys.append(r["event"])
    return xs, ys


def fit(xs: list[list[str]], ys: list[str], weights: list[float], c: float) -> tuple[DictVectorizer, Any]:
    counts: dict[str, int] = {}
    for x in xs:
        for f in set(x):
            counts[f] = counts.get(f, 0) + 1
    vec = DictVectorizer()
    mat = vec.fit_transform([{f: 1.0 for f in x if counts[f] >= MIN_COUNT} for x in xs])
    # Balanced classes: the synthetic set is 19 % CONCEDE, which would otherwise pull every unsure sentence there.
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED, class_weight="balanced")
    model.fit(mat, ys, sample_weight=np.array(weights))
    return vec, model


def accuracy(vec: DictVectorizer, model: Any, xs: list[list[str]], ys: list[str]) -> float:
    pred = model.predict(vec.transform([{f: 1.0 for f in x} for x in xs]))
    return float(np.mean([p == y for p, y in zip(pred, ys, strict=True)]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--grid", action="store_true", help="print GSR dev accuracy over C and the synthetic weight")
    args = ap.parse_args()
    nlp = load_model(load_config().spacy_model)
    gx, gy = gsr_examples(nlp, "train")
    sx, sy = synth_examples(nlp)
    dx, dy = gsr_examples(nlp, "dev")
    if args.grid:
        for sw in (0.1, 0.3):
            for c in (0.5, 2.0, 8.0):
                vec, model = fit(gx + sx, gy + sy, [1.0] * len(gx) + [sw] * len(sx), c)
                print(f"synth_weight {sw} C {c}: GSR dev accuracy {accuracy(vec, model, dx, dy):.3f}")
    vec, model = fit(gx + sx, gy + sy, [1.0] * len(gx) + [SYNTH_WEIGHT] * len(sx), C)
    print(f"GSR dev accuracy (gold trigger) {accuracy(vec, model, dx, dy):.3f}; {len(gx)} GSR + {len(sx)} synthetic")
    names = vec.get_feature_names_out()
    coef = model.coef_  # (classes, features)
    weights = {
        str(f): [round(float(v), 3) for v in coef[:, j]]
        for j, f in enumerate(names)
        if np.abs(coef[:, j]).max() >= 0.005
    }
    # The always-on "bias" feature absorbs the intercept, so the loader needs no separate term.
    bias = coef[:, list(names).index("bias")] + model.intercept_
    weights["bias"] = [round(float(v), 3) for v in bias]
    out = {
        "about": "PLOVER type classifier; scripts/train_plover_type.py; see SOURCE.md",
        "classes": [str(c) for c in model.classes_],
        "weights": weights,
    }
    MODEL_PATH.write_text(json.dumps(out, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size} bytes, {len(weights)} features)")


if __name__ == "__main__":
    main()
