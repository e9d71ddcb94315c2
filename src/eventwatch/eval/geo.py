"""TR-News scorer for the geo stage (Kamalloo & Rafiei 2018; metrics as in Gritta et al. 2018).

Two protocols, both on ``shared/geo/trnews/{dev,test}.jsonl.gz``:

* resolution with gold spans given — each gold toponym with coordinates is resolved in its article's
  context; Acc@161km, mean/median error (km), AUC of ln(1 + error) normalised by ln(20039) (trapezoidal
  rule over the sorted errors), exact geonameid match; with and without demonym mentions;
* end-to-end recognition — :func:`eventwatch.geo.find_places` (demonyms included, as TR-News annotates
  them) against the gold spans: precision/recall/F1 of exact span matches.
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwatch.geo.gazetteer import Gazetteer
from eventwatch.geo.recognize import mention_for_span
from eventwatch.geo.resolve import haversine_km, resolve_mentions

_EARTH_HALF_CIRCUMFERENCE_KM = 20039.0


@dataclass(frozen=True, slots=True)
class GeoScores:
    """Scores of one TR-News split; ``n`` counts gold toponyms with coordinates."""

    split: str
    n: int
    acc161: float
    mean_km: float
    median_km: float
    auc: float
    exact_id: float
    acc161_no_demonyms: float
    n_no_demonyms: int
    unresolved: int
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None


def auc_of_errors(errors_km: list[float]) -> float:
    """Area under the curve of sorted ln(1 + error), trapezoidal, normalised to 0–1 (lower is better)."""
    if len(errors_km) < 2:
        return math.log1p(errors_km[0]) / math.log(_EARTH_HALF_CIRCUMFERENCE_KM) if errors_km else 0.0
    ys = [math.log1p(e) for e in sorted(errors_km)]
    area = sum((a + b) / 2 for a, b in itertools.pairwise(ys))
    return area / (math.log(_EARTH_HALF_CIRCUMFERENCE_KM) * (len(ys) - 1))


def read_split(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _is_demonym(gaz: Gazetteer, text: str) -> bool:
    return gaz.demonym_country(text) is not None


def evaluate_trnews(path: Path, gaz: Gazetteer, end_to_end: bool = False) -> GeoScores:
    """Score resolution (gold spans given) on one TR-News split; with ``end_to_end`` also recognition
    P/R/F1 (runs spaCy, slower)."""
    errors: list[float] = []
    plain_errors: list[float] = []
    exact = unresolved = 0
    docs = read_split(path)
    for doc in docs:
        gold = doc["toponyms"]
        mentions = [mention_for_span(doc["text"], t["start"], t["end"], gaz) for t in gold]
        resolve_mentions(mentions, gaz, doc["text"])
        for t, m in zip(gold, mentions, strict=True):
            if t.get("lat") is None:
                continue
            if m.chosen is None:
                unresolved += 1
                err = _EARTH_HALF_CIRCUMFERENCE_KM
            else:
                err = haversine_km(t["lat"], t["lon"], m.chosen.lat, m.chosen.lon)
                exact += int(m.chosen.geonameid == t.get("geonameid"))
            errors.append(err)
            if not _is_demonym(gaz, t["text"]):
                plain_errors.append(err)
    n = len(errors)
    scores = GeoScores(
        split=path.name.split(".")[0],
        n=n,
        acc161=sum(e < 161 for e in errors) / n,
        mean_km=statistics.fmean(errors),
        median_km=statistics.median(errors),
        auc=auc_of_errors(errors),
        exact_id=exact / n,
        acc161_no_demonyms=sum(e < 161 for e in plain_errors) / max(1, len(plain_errors)),
        n_no_demonyms=len(plain_errors),
        unresolved=unresolved,
    )
    if not end_to_end:
        return scores
    p, r, f = _recognition(docs, gaz)
    return GeoScores(**{**{k: getattr(scores, k) for k in scores.__slots__}, "precision": p, "recall": r, "f1": f})


def _recognition(docs: list[dict[str, Any]], gaz: Gazetteer) -> tuple[float, float, float]:
    from eventwatch.config import load_config
    from eventwatch.geo.places import find_places
    from eventwatch.nlp import parse_article
    from eventwatch.records import Article

    cfg = load_config()
    tp = n_pred = n_gold = 0
    for doc in docs:
        article = Article(id=str(doc["doc_id"]), content_hash=str(doc["doc_id"]), text=doc["text"])
        predicted = {(p.span.start, p.span.end) for p in find_places(parse_article(article, cfg), gaz, True) if p.span}
        gold = {(t["start"], t["end"]) for t in doc["toponyms"]}
        tp += len(predicted & gold)
        n_pred += len(predicted)
        n_gold += len(gold)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def format_table(rows: list[GeoScores]) -> str:
    """A Markdown table of the scores, one row per split."""
    head = (
        "| split | n | Acc@161km | mean km | median km | AUC | exact id | Acc@161 w/o demonyms | "
        "unresolved | P | R | F1 |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    lines = [head]
    for s in rows:
        prf = [f"{v:.3f}" if v is not None else "—" for v in (s.precision, s.recall, s.f1)]
        lines.append(
            f"| {s.split} | {s.n} | {s.acc161:.3f} | {s.mean_km:.0f} | {s.median_km:.0f} | {s.auc:.3f} | "
            f"{s.exact_id:.3f} | {s.acc161_no_demonyms:.3f} (n={s.n_no_demonyms}) | {s.unresolved} | "
            + " | ".join(prf)
            + " |"
        )
    return "\n".join(lines)
