"""Train the shipped factuality model (src/eventwatch/data/attribute/factuality_model.json).

Ridge regression over the binary parse features of ``eventwatch.attribute.factuality_model`` on the UDS-IH2
and MEANTIME *train* splits; the ridge strength and MEANTIME's sample weight are chosen on the *dev* splits.
Test splits are never read here (``eventwatch eval factuality`` reports them).

    .venv/bin/python scripts/train_factuality.py --shared ../shared
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import Ridge

from eventwatch.attribute.factuality_model import MODEL_RESOURCE, NEWS, FactualityModel, predicate_features
from eventwatch.config import load_config
from eventwatch.eval.factuality import pearson, read_targets
from eventwatch.nlp import load_model

_PRUNE_BELOW = 1e-3  # weights this small change no score by more than a rounding error; dropping them halves the file


def _load(path: Path, nlp, domain: str | None) -> tuple[list[dict[str, int]], list[float]]:  # type: ignore[no-untyped-def]
    """Feature dicts and labels; news rows also get each feature under the ``news:`` prefix (see the model)."""
    feats, labels = [], []
    for token, label in read_targets(path, nlp):
        names = predicate_features(token)
        if domain:
            names += [f"{domain}:{n}" for n in names]
        feats.append(dict.fromkeys(names, 1))
        labels.append(label)
    print(f"{path}: {len(labels)} targets", file=sys.stderr)
    return feats, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=Path("src/eventwatch") / MODEL_RESOURCE)
    args = parser.parse_args()
    uds = args.shared / "attribution/uds_ih2_factuality"
    mt = args.shared / "attribution/meantime_en/benchmark_splits"
    nlp = load_model(load_config().spacy_model)

    uds_x, uds_y = _load(uds / "train.jsonl", nlp, None)
    mt_x, mt_y = _load(mt / "train.jsonl", nlp, NEWS)
    dev = {"uds": _load(uds / "dev.jsonl", nlp, None), "meantime": _load(mt / "dev.jsonl", nlp, NEWS)}

    vec = DictVectorizer()
    x_train = vec.fit_transform(uds_x + mt_x)
    y_train = np.array(uds_y + mt_y)
    best = None
    for alpha in (10.0, 30.0, 100.0):
        for mt_weight in (10.0, 30.0, 100.0):
            weights = np.array([1.0] * len(uds_y) + [mt_weight] * len(mt_y))
            ridge = Ridge(alpha=alpha).fit(x_train, y_train, sample_weight=weights)
            rs = {}
            for name, (x, y) in dev.items():
                rs[name] = pearson(list(np.clip(ridge.predict(vec.transform(x)), -3, 3)), y)
            # Both domains matter: UDS-IH2 is the bigger benchmark, MEANTIME is news like ours.
            objective = rs["uds"] + rs["meantime"]
            print(f"alpha {alpha:5.1f} meantime x{mt_weight:4.1f}: dev r {rs}", file=sys.stderr)
            if best is None or objective > best[0]:
                best = (objective, alpha, mt_weight, ridge)
    assert best is not None
    _, alpha, mt_weight, ridge = best
    names = vec.get_feature_names_out()
    weights_by_name = {str(n): round(float(w), 4) for n, w in zip(names, ridge.coef_, strict=True)}
    weights_by_name = {n: w for n, w in weights_by_name.items() if abs(w) >= _PRUNE_BELOW}
    weights_by_name["bias"] = round(weights_by_name.get("bias", 0.0) + float(ridge.intercept_), 4)
    args.out.write_text(FactualityModel(weights_by_name).to_json() + "\n", encoding="utf-8")
    print(f"chose alpha {alpha}, MEANTIME weight {mt_weight}; {len(weights_by_name)} weights -> {args.out}")


if __name__ == "__main__":
    main()
