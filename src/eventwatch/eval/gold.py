"""Score gold-format predictions against hand-made gold (shared/gold/SCHEMA.md, "Scores eventwatch eval
reports").

Both sides are article dicts in the gold format; a prediction is what ``eventwatch extract --format
gold-json`` prints and may also carry ``"body"``, the extracted text. Events are matched one-to-one by
evidence overlap (see ``_matching``); every accuracy is counted on matched events only, so a detection
error is counted once, in event precision or recall. Which events each field is scored on:

- PLOVER, ACLED type and sub-type, actors, factuality, fatalities: every matched event; null == null is
  right, and a missing actor counts as an actor with null country and sector.
- location within 25 / 161 km and median error: matched events whose gold has coordinates; a prediction
  without coordinates is wrong and stays out of the median.
- date accuracy: matched events with a gold date; date precision: matched events with a predicted date.
- claims: matched one-to-one inside each matched event pair, by evidence overlap and source overlap; stance
  and hedge accuracy on matched claims.
- contested: P/R/F1 on matched events, plus gold-contested events that were missed as false negatives.
- not_events: a gold not_event is hit when an unmatched predicted event's evidence overlaps it. A predicted
  event matched to a gold event is not penalised for also overlapping a not_event: the dev README takes
  not_events only from sentences without gold event evidence so that citing whole sentences is safe.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwatch.errors import EventwatchError, InputError
from eventwatch.eval._fields import as_evidence, codes_agree, location_error_km, same_text, source_overlap
from eventwatch.eval._matching import ArticleText, assign, normalize_space
from eventwatch.eval._report import describe, format_table
from eventwatch.eval._tally import LOWER_IS_BETTER, METRIC_NAMES, ArticleScore, GoldScores, Ratio, Tally
from eventwatch.records import Article

__all__ = [
    "LOWER_IS_BETTER",
    "METRIC_NAMES",
    "ArticleScore",
    "GoldPair",
    "GoldScores",
    "evaluate_dir",
    "explain",
    "format_table",
    "read_gold_pairs",
    "score_article",
    "score_corpus",
]

log = logging.getLogger(__name__)

# Radii of the location accuracy: 25 km is the usual "same town" threshold of geoparser evaluations and
# 161 km (100 miles) the looser one (Gritta et al. 2018, "What's missing in geographical parsing?").
_NEAR_KM = 25.0
_FAR_KM = 161.0
# The gold fields handed to ``predict`` as article metadata (what the corpus record carries).
_META_KEYS = ("id", "title", "outlet", "published")


def _items(article: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = article.get(key)
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _actor_field(event: Mapping[str, Any], actor: str, key: str) -> Any:
    value = event.get(actor)
    return value.get(key) if isinstance(value, Mapping) else None


def _same_count(pred: Any, gold: Any) -> bool:
    if isinstance(pred, int | float) and isinstance(gold, int | float):
        return float(pred) == float(gold)
    return pred is None and gold is None


def _field_checks(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, bool]:
    """Per-field agreement of two matched events, for the fields scored on every matched event."""
    checks = {
        "plover": same_text(pred.get("plover"), gold.get("plover")),
        "acled": same_text(pred.get("acled"), gold.get("acled")),
        "acled_sub": same_text(pred.get("acled_sub"), gold.get("acled_sub")),
        "factuality": same_text(pred.get("factuality"), gold.get("factuality")),
        "fatalities": _same_count(pred.get("fatalities"), gold.get("fatalities")),
    }
    for actor in ("actor1", "actor2"):
        for key in ("country", "sector"):
            checks[f"{actor}_{key}"] = codes_agree(_actor_field(pred, actor, key), _actor_field(gold, actor, key))
    return checks


def _agreement(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> int:
    """Fields two events agree on; breaks ties between equally overlapping assignments."""
    agree = sum(_field_checks(pred, gold).values())
    agree += same_text(pred.get("date"), gold.get("date"))
    error = location_error_km(_items(pred, "locations"), _items(gold, "locations"))
    agree += error is not None and error <= _NEAR_KM
    agree += bool(pred.get("contested")) == bool(gold.get("contested"))
    return agree + (same_text(pred.get("what"), gold.get("what")))


def _claim_evidence(claim: Mapping[str, Any]) -> list[str]:
    return as_evidence(claim.get("evidence"))


def _score_claims(
    doc: ArticleText, pred: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]], label: str
) -> tuple[Tally, list[str]]:
    overlaps = [
        [
            doc.evidence_overlap(_claim_evidence(p), _claim_evidence(g))
            if source_overlap(p.get("source"), g.get("source"))
            else 0
            for g in gold
        ]
        for p in pred
    ]
    agreements = [
        [
            same_text(p.get("stance"), g.get("stance"))
            + (bool(p.get("hedged")) == bool(g.get("hedged")))
            + same_text(p.get("source"), g.get("source"))
            + same_text(p.get("source_kind"), g.get("source_kind"))
            for g in gold
        ]
        for p in pred
    ]
    pairs = assign(overlaps, agreements)
    stance, hedge, notes = Ratio(), Ratio(), []
    for i, j in pairs:
        p, g = pred[i], gold[j]
        stance_ok = same_text(p.get("stance"), g.get("stance"))
        hedge_ok = bool(p.get("hedged")) == bool(g.get("hedged"))
        stance, hedge = stance + Ratio(stance_ok, 1), hedge + Ratio(hedge_ok, 1)
        if not stance_ok:
            notes.append(f"{label} claim {g.get('source')!r} stance: pred {p.get('stance')}, gold {g.get('stance')}")
        if not hedge_ok:
            notes.append(f"{label} claim {g.get('source')!r} hedged: pred {p.get('hedged')}, gold {g.get('hedged')}")
    matched_pred, matched_gold = {i for i, _ in pairs}, {j for _, j in pairs}
    notes += [
        f"{label} claim FP {p.get('source')!r}: {_claim_evidence(p)[:1]}"
        for i, p in enumerate(pred)
        if i not in matched_pred
    ]
    notes += [
        f"{label} claim FN {g.get('source')!r}: {_claim_evidence(g)[:1]}"
        for j, g in enumerate(gold)
        if j not in matched_gold
    ]
    tally = Tally(
        claim_tp=len(pairs),
        claim_fp=len(pred) - len(pairs),
        claim_fn=len(gold) - len(pairs),
        stance=stance,
        hedge=hedge,
    )
    return tally, notes


def _score_pair(doc: ArticleText, pred: Mapping[str, Any], gold: Mapping[str, Any]) -> tuple[Tally, list[str]]:
    """Tally and mismatch notes of one matched (predicted, gold) event pair."""
    label = str(gold.get("id") or gold.get("what") or "event")
    checks = _field_checks(pred, gold)
    notes = [
        f"{label} {name}: pred {_show(pred, name)}, gold {_show(gold, name)}" for name, ok in checks.items() if not ok
    ]
    counts: dict[str, Any] = {name: Ratio(ok, 1) for name, ok in checks.items()}

    gold_places = _items(gold, "locations")
    if location_error_km(gold_places, gold_places) is not None:  # gold has coordinates
        error = location_error_km(_items(pred, "locations"), gold_places)
        counts["location_25km"] = Ratio(error is not None and error <= _NEAR_KM, 1)
        counts["location_161km"] = Ratio(error is not None and error <= _FAR_KM, 1)
        counts["location_errors_km"] = () if error is None else (error,)
        if error is None or error > _NEAR_KM:
            where = "none" if error is None else f"{error:.0f} km off"
            notes.append(f"{label} location: pred {where}, gold {[g.get('name') for g in gold_places]}")
    date_ok = same_text(pred.get("date"), gold.get("date"))
    if gold.get("date") is not None:
        counts["date"] = Ratio(date_ok, 1)
    if pred.get("date") is not None:
        counts["date_predicted"] = Ratio(date_ok, 1)
    if not date_ok:
        notes.append(f"{label} date: pred {pred.get('date')}, gold {gold.get('date')}")

    pred_contested, gold_contested = bool(pred.get("contested")), bool(gold.get("contested"))
    counts["contested_tp"] = int(pred_contested and gold_contested)
    counts["contested_fp"] = int(pred_contested and not gold_contested)
    counts["contested_fn"] = int(gold_contested and not pred_contested)
    if pred_contested != gold_contested:
        notes.append(f"{label} contested: pred {pred_contested}, gold {gold_contested}")

    claims, claim_notes = _score_claims(doc, _items(pred, "claims"), _items(gold, "claims"), label)
    return Tally(event_tp=1, **counts) + claims, notes + claim_notes


def _show(event: Mapping[str, Any], name: str) -> Any:
    if name.startswith("actor"):
        actor, key = name.split("_", 1)
        return _actor_field(event, actor, key)
    return event.get(name)


def _first_evidence(event: Mapping[str, Any]) -> str:
    evidence = as_evidence(event.get("evidence"))
    return evidence[0] if evidence else f"<no evidence> {event.get('what')!r}"


def score_article(pred: Mapping[str, Any], gold: Mapping[str, Any], text: str) -> ArticleScore:
    """Score one prediction against its gold; ``text`` is the article text the evidence strings quote.

    Pure: no I/O, inputs are not modified. Missing or malformed fields in ``pred`` count as wrong, never
    raise.
    """
    doc = ArticleText.of(text)
    pred_events, gold_events = _items(pred, "events"), _items(gold, "events")
    pred_evidence = [as_evidence(e.get("evidence")) for e in pred_events]
    gold_evidence = [as_evidence(e.get("evidence")) for e in gold_events]
    overlaps = [[doc.evidence_overlap(p, g) for g in gold_evidence] for p in pred_evidence]
    agreements = [[_agreement(p, g) for g in gold_events] for p in pred_events]
    pairs = assign(overlaps, agreements)

    tally = Tally(
        event_fp=len(pred_events) - len(pairs),
        event_fn=len(gold_events) - len(pairs),
        distractor_events=len(pred_events) if not gold_events else 0,
    )
    notes: list[str] = []
    for i, j in pairs:
        pair_tally, pair_notes = _score_pair(doc, pred_events[i], gold_events[j])
        tally, notes = tally + pair_tally, notes + pair_notes
    matched_pred, matched_gold = {i for i, _ in pairs}, {j for _, j in pairs}
    missed = [g for j, g in enumerate(gold_events) if j not in matched_gold]
    tally += Tally(contested_fn=sum(bool(g.get("contested")) for g in missed))

    unmatched_evidence = [ev for i, ev in enumerate(pred_evidence) if i not in matched_pred]
    not_events = [str(n.get("evidence") or "") for n in _items(gold, "not_events")]
    hits = [n for n in not_events if any(doc.evidence_overlap(ev, [n]) for ev in unmatched_evidence)]
    tally += Tally(not_event_hit=Ratio(len(hits), len(not_events)))

    lines = [line for line in gold.get("body_excludes") or [] if isinstance(line, str)]
    leaked = _leaked_lines(doc, pred, pred_evidence, lines)
    tally += Tally(body_leak=Ratio(len(leaked), len(lines)))

    return ArticleScore(
        article_id=str(gold.get("id") or pred.get("id") or ""),
        tally=tally,
        false_positives=tuple(_first_evidence(e) for i, e in enumerate(pred_events) if i not in matched_pred),
        false_negatives=tuple(f"{g.get('id')}: {_first_evidence(g)}" for g in missed),
        mismatches=tuple(notes),
        not_event_hits=tuple(hits),
        leaked_lines=tuple(leaked),
    )


def _leaked_lines(
    doc: ArticleText, pred: Mapping[str, Any], pred_evidence: list[list[str]], lines: list[str]
) -> list[str]:
    """The gold ``body_excludes`` lines found in the predicted body or overlapping any predicted evidence
    (event and claim evidence alike)."""
    body = pred.get("body")
    body_norm = normalize_space(body) if isinstance(body, str) else ""
    evidence = [ev for evs in pred_evidence for ev in evs]
    evidence += [ev for event in _items(pred, "events") for c in _items(event, "claims") for ev in _claim_evidence(c)]
    leaked = []
    for line in lines:
        line_norm = normalize_space(line)
        in_body = bool(line_norm) and line_norm in body_norm
        if in_body or doc.evidence_overlap(evidence, [line]):
            leaked.append(line)
    return leaked


def score_corpus(pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any], str]]) -> GoldScores:
    """Score ``(pred, gold, text)`` triples; corpus metrics are micro-averaged over all of them."""
    return GoldScores(articles=tuple(score_article(pred, gold, text) for pred, gold, text in pairs))


def explain(pred: Mapping[str, Any], gold: Mapping[str, Any], text: str) -> str:
    """A plain-text error analysis of one article: false positives and negatives with their evidence,
    field mismatches on matched events and claims, not_events hit and residue lines leaked."""
    return describe(score_article(pred, gold, text))


@dataclass(frozen=True, slots=True)
class GoldPair:
    """One gold article: ``<id>.json`` and its ``<id>.txt``; ``article`` is the text as an unprocessed
    ``Article`` (no residue removal) with the gold's title, outlet and publication date."""

    txt_path: Path
    gold: dict[str, Any]
    text: str

    @property
    def meta(self) -> dict[str, Any]:
        return {key: self.gold.get(key) for key in _META_KEYS}

    @property
    def article(self) -> Article:
        stem = self.txt_path.stem
        return Article(
            id=stem,
            content_hash=stem,
            text=self.text,
            title=self.gold.get("title"),
            outlet=self.gold.get("outlet"),
            published=self.gold.get("published"),
            ext_id=stem,
        )


def read_gold_pairs(gold_dir: Path) -> list[GoldPair]:
    """Every ``<id>.json`` gold in ``gold_dir`` with its text, sorted by id. A directory without gold, a gold
    file without its text or an unreadable one raises :class:`EventwatchError`."""
    gold_paths = sorted(Path(gold_dir).glob("*.json"))
    if not gold_paths:
        raise EventwatchError(f"eval: {gold_dir}: no <id>.json gold files; nothing to score")
    pairs = []
    for gold_path in gold_paths:
        txt_path = gold_path.with_suffix(".txt")
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            # Bytes, decoded without newline translation: evidence offsets are into the text as stored.
            text = txt_path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise EventwatchError(f"eval: {gold_path}: cannot read gold or its .txt ({exc}); stopping") from exc
        if not isinstance(gold, dict):
            raise EventwatchError(f"eval: {gold_path}: gold is not a JSON object; stopping")
        pairs.append(GoldPair(txt_path, gold, text))
    return pairs


def evaluate_dir(gold_dir: Path, predict: Callable[[Path, dict[str, Any]], dict[str, Any]]) -> GoldScores:
    """Run ``predict(txt_path, gold_meta)`` on every ``<id>.txt`` with an ``<id>.json`` gold in ``gold_dir``
    and score the predictions. ``gold_meta`` holds the gold's id, title, outlet and published.

    An :class:`InputError` from ``predict`` is logged and the article is scored as predicting nothing (its
    gold events all count as missed) and named in ``GoldScores.failed``. A gold file without its text, an
    unreadable gold file or a directory without gold raises :class:`EventwatchError`.
    """
    triples: list[tuple[dict[str, Any], dict[str, Any], str]] = []
    failed: list[str] = []
    for pair in read_gold_pairs(gold_dir):
        try:
            pred = predict(pair.txt_path, pair.meta)
        except InputError as exc:
            log.warning("eval: %s: prediction failed (%s); scored as predicting nothing", pair.txt_path, exc)
            failed.append(str(pair.gold.get("id") or pair.txt_path.stem))
            pred = {"id": pair.gold.get("id"), "events": []}
        triples.append((pred, pair.gold, pair.text))
        log.debug("eval: scored %s", pair.txt_path.stem)
    scores = score_corpus(triples)
    log.info("eval: scored %d articles from %s (%d failed)", len(triples), gold_dir, len(failed))
    return GoldScores(articles=scores.articles, failed=tuple(failed))
