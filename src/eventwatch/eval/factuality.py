"""Predicate factuality on the UDS-IH2 / MEANTIME benchmark files: Pearson r and mean absolute error.

Both files share one format (Rudinger et al. 2018 conversion, as redistributed by Jiang & de Marneffe 2021):
one sentence per line, ``{"text": tokenised sentence, "targets": [{"span1": [start, end], "label": float}]}``
with labels in [-3, 3]. Sentences are parsed from their own tokens, so target offsets stay aligned.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from eventwatch.attribute.factuality_model import FactualityModel, predicate_features

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class FactualityScores:
    path: str
    n_targets: int
    pearson_r: float
    mae: float


def read_targets(path: Path, nlp: Language, batch_size: int = 256) -> Iterator[tuple[Token, float]]:
    """Each target predicate's head token (in its parsed sentence) with its gold label."""
    from spacy.tokens import Doc

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = (Doc(nlp.vocab, words=row["text"].split()) for row in rows)
    for row, doc in zip(rows, nlp.pipe(docs, batch_size=batch_size), strict=True):
        for target in row["targets"]:
            start, end = target["span1"]
            span = doc[start:end]
            yield span.root, float(target["label"])


def pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    if n < 2:
        return math.nan
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else math.nan


def evaluate_file(path: Path, model: FactualityModel, nlp: Language, *, domain: str | None) -> FactualityScores:
    """Scores on one benchmark file; ``domain`` is ``"news"`` for news text (MEANTIME), None otherwise."""
    gold: list[float] = []
    predicted: list[float] = []
    for token, label in read_targets(path, nlp):
        gold.append(label)
        predicted.append(model.score_features(predicate_features(token), domain=domain))
    mae = sum(abs(p - g) for p, g in zip(predicted, gold, strict=True)) / len(gold) if gold else math.nan
    return FactualityScores(str(path), len(gold), pearson(predicted, gold), mae)


def format_table(scores: list[FactualityScores]) -> str:
    lines = ["| file | targets | Pearson r | MAE |", "|---|---|---|---|"]
    for s in scores:
        lines.append(f"| {s.path} | {s.n_targets} | {s.pearson_r:.3f} | {s.mae:.3f} |")
    return "\n".join(lines)
