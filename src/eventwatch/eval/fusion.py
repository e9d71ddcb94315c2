"""Cross-article fusion accuracy: pairwise merge precision and recall on a hand-checked dev set.

The dev set (``data/eval/fusion_dev.jsonl``, built as docs/fusion.md describes) is JSON lines, one cluster each::

    {"cluster": "navalny-poisoning", "kind": "same" | "lookalike", "note": "...",
     "mentions": [{"article_id": "wn-5f59f378b7", "evidence": "His associates have alleged Navalny was poisoned"}]}

``article_id`` is the corpus id (``Article.ext_id``) and ``evidence`` a string of that article's text (its first
occurrence is meant). A predicted mention stands for a gold one when one of its evidence spans overlaps the
gold string (the largest overlap wins). Every pair of listed mentions from different articles is scored:
same cluster = should merge; different clusters = must stay apart (look-alikes are one-mention clusters). A
gold mention no predicted mention covers counts as unmerged. Pairs within one article are left out (merging
inside an article is the extract stage's work, scored by ``eval gold``). A held-out file of the same format
is scored the same way.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwatch import fuse, ingest, pipeline
from eventwatch.config import Config
from eventwatch.errors import EventwatchError, InputError
from eventwatch.records import Analysis, Span
from eventwatch.store import EventFilters, open_store

DEV_SET = Path(__file__).resolve().parents[1] / "data" / "eval" / "fusion_dev.jsonl"


@dataclass(frozen=True, slots=True)
class GoldMention:
    article_id: str  # corpus id (Article.ext_id)
    evidence: str


@dataclass(frozen=True, slots=True)
class GoldCluster:
    cluster: str
    kind: str  # "same" | "lookalike"
    note: str
    mentions: tuple[GoldMention, ...]


@dataclass(frozen=True, slots=True)
class FusionScores:
    precision: float
    recall: float
    f1: float
    true_merges: int
    false_merges: int
    missed_merges: int
    gold_mentions: int
    matched_mentions: int
    lookalike_pairs_apart: int
    lookalike_pairs: int
    errors: tuple[str, ...] = field(default=())


def read_dev_set(path: Path) -> list[GoldCluster]:
    """The clusters of a fusion dev (or held-out) file; raises InputError on a malformed line."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            mentions = tuple(GoldMention(m["article_id"], m["evidence"]) for m in d["mentions"])
            out.append(GoldCluster(d["cluster"], d.get("kind", "same"), d.get("note", ""), mentions))
        except (ValueError, KeyError, TypeError) as exc:
            raise EventwatchError(f"eval fusion: {path}:{n}: not a cluster line ({exc}); stopped") from exc
    return out


def _match(gold: GoldMention, analyses: Mapping[str, Analysis]) -> str | None:
    """The id of the predicted mention whose evidence overlaps the gold evidence most; None when none does."""
    analysis = analyses.get(gold.article_id)
    if analysis is None:
        return None
    start = analysis.article.text.find(gold.evidence)
    if start < 0:
        return None
    target = Span(start, start + len(gold.evidence))
    best: tuple[int, str] | None = None
    for m in analysis.event_mentions:
        overlap = max((min(e.end, target.end) - max(e.start, target.start) for e in m.evidence), default=0)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, m.id)
    return best[1] if best else None


def score_fusion(
    clusters: Sequence[GoldCluster], analyses: Mapping[str, Analysis], event_of: Mapping[str, str]
) -> FusionScores:
    """Pairwise scores of predicted events (``event_of``: mention id -> event id) against the gold clusters.

    ``analyses`` maps corpus article ids to the analyses whose mentions ``event_of`` covers.
    """
    items = []
    for c in clusters:
        for g in c.mentions:
            mid = _match(g, analyses)
            items.append((c, g, mid, event_of.get(mid) if mid else None))
    tp = fp = fn = apart = lookalikes = 0
    errors = []
    for (c1, g1, m1, e1), (c2, g2, m2, e2) in itertools.combinations(items, 2):
        if g1.article_id == g2.article_id:
            continue
        gold_same = c1.cluster == c2.cluster
        predicted_same = e1 is not None and e1 == e2
        if c1.kind == "lookalike" or c2.kind == "lookalike":
            lookalikes += not gold_same
            apart += not gold_same and not predicted_same
        if gold_same and predicted_same:
            tp += 1
        elif predicted_same:
            fp += 1
            errors.append(f"merged: {c1.cluster} {g1.article_id} {g1.evidence[:50]!r} + {c2.cluster} {g2.article_id}")
        elif gold_same:
            fn += 1
            why = "unmatched" if m1 is None or m2 is None else "apart"
            errors.append(
                f"{why}: {c1.cluster} {g1.article_id} {g1.evidence[:40]!r} / {g2.article_id} {g2.evidence[:40]!r}"
            )
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return FusionScores(
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(f1, 4),
        true_merges=tp,
        false_merges=fp,
        missed_merges=fn,
        gold_mentions=len(items),
        matched_mentions=sum(1 for *_, m, _e in items if m is not None),
        lookalike_pairs_apart=apart,
        lookalike_pairs=lookalikes,
        errors=tuple(errors),
    )


def analyse_corpus(corpus: Path, article_ids: Iterable[str], cfg: Config) -> dict[str, Analysis]:
    """Run the pipeline on the named articles of a JSONL corpus; keyed by corpus id."""
    wanted = set(article_ids)
    out: dict[str, Analysis] = {}
    for item in ingest.read_inputs([str(corpus)], cfg):
        if isinstance(item, InputError) or item.ext_id not in wanted:
            continue
        result = pipeline.analyse(item, cfg)
        out[item.ext_id] = result
    return out


def fuse_through_store(analyses: Mapping[str, Analysis], cfg: Config, db: str) -> dict[str, str]:
    """Store the analyses one by one, fusing after each (as a feed arrives), and read back mention -> event."""
    event_of: dict[str, str] = {}
    with open_store(db) as store:
        for ext_id in sorted(analyses):
            store.save(analyses[ext_id])
            fuse.fuse_store(store, cfg)
        after = None
        while page := store.query_events(EventFilters(limit=500, after_id=after)):
            for row in page:
                detail = store.get_event(row.id)
                if detail is not None:
                    event_of |= {m.id: row.id for m in detail.mentions}
            after = page[-1].id
    return event_of


def evaluate_fusion(dev: Path, corpus: Path, cfg: Config) -> FusionScores:
    """Run the pipeline on the dev set's articles, store and fuse them in a scratch SQLite file, and score."""
    clusters = read_dev_set(dev)
    analyses = analyse_corpus(corpus, {m.article_id for c in clusters for m in c.mentions}, cfg)
    with tempfile.TemporaryDirectory(prefix="eventwatch-fusion-") as tmp:
        event_of = fuse_through_store(analyses, cfg, str(Path(tmp) / "fusion.db"))
    return score_fusion(clusters, analyses, event_of)


def format_table(scores: FusionScores) -> str:
    lines = [
        f"pairwise merge precision: {scores.precision:.3f}",
        f"pairwise merge recall:    {scores.recall:.3f}",
        f"pairwise merge F1:        {scores.f1:.3f}",
        f"merges: {scores.true_merges} right, {scores.false_merges} wrong, {scores.missed_merges} missed",
        f"gold mentions matched: {scores.matched_mentions}/{scores.gold_mentions}",
        f"look-alike pairs kept apart: {scores.lookalike_pairs_apart}/{scores.lookalike_pairs}",
    ]
    lines += [f"  {e}" for e in scores.errors]
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class ReliabilityBin:
    low: float
    high: float
    events: int
    mean_confidence: float | None
    observed: float | None  # share of the bin's events that match a gold event


@dataclass(frozen=True, slots=True)
class Calibration:
    """How well fused-event confidence predicts "this is a real event of the gold" (docs/fusion.md)."""

    events: int
    matched: int
    brier: float
    bins: tuple[ReliabilityBin, ...]


def _gold_spans(text: str, gold: Mapping[str, Any]) -> list[tuple[int, int]]:
    spans = []
    for event in gold.get("events") or []:
        evidence = event.get("evidence") or []
        for string in [evidence] if isinstance(evidence, str) else evidence:
            start = text.find(string) if string else -1
            if start >= 0:
                spans.append((start, start + len(string)))
    return spans


def calibrate_confidence(gold_dir: Path, cfg: Config, n_bins: int = 5) -> Calibration:
    """Run the pipeline on a gold folder (``<id>.txt`` + ``<id>.json``), store and fuse, and compare each fused
    event's confidence with whether one of its mentions' evidence overlaps a gold event's evidence."""
    from eventwatch.eval.gold import read_gold_pairs

    pairs = read_gold_pairs(gold_dir)
    spans_of: dict[str, list[tuple[int, int]]] = {}
    evidence_of: dict[str, tuple[str, list[Span]]] = {}
    with (
        tempfile.TemporaryDirectory(prefix="eventwatch-calibration-") as tmp,
        open_store(str(Path(tmp) / "c.db")) as st,
    ):
        for pair in pairs:
            meta = pair.meta
            article = ingest.read_text(
                pair.text,
                str(pair.txt_path),
                cfg,
                title=meta.get("title"),
                published=meta.get("published"),
                outlet=meta.get("outlet"),
                ext_id=meta.get("id") or pair.txt_path.stem,
            )
            analysis = pipeline.analyse(article, cfg)
            st.save(analysis)
            spans_of[article.id] = _gold_spans(article.text, pair.gold)
            for em in analysis.event_mentions:
                evidence_of[em.id] = (article.id, list(em.evidence))
        fuse.fuse_store(st, cfg)
        outcomes: list[tuple[float, bool]] = []
        after = None
        while page := st.query_events(EventFilters(limit=500, after_id=after)):
            for row in page:
                detail = st.get_event(row.id)
                if detail is None or row.confidence is None:
                    continue
                hit = False
                for m in detail.mentions:
                    article_id, spans = evidence_of[m.id]
                    gold = spans_of.get(article_id, [])
                    hit = hit or any(s.start < b and a < s.end for s in spans for a, b in gold)
                outcomes.append((row.confidence, hit))
            after = page[-1].id
    bins = []
    for k in range(n_bins):
        low, high = k / n_bins, (k + 1) / n_bins
        inside = [(c, o) for c, o in outcomes if low <= c < high or (k == n_bins - 1 and c == 1.0)]
        bins.append(
            ReliabilityBin(
                low=low,
                high=high,
                events=len(inside),
                mean_confidence=round(sum(c for c, _ in inside) / len(inside), 3) if inside else None,
                observed=round(sum(o for _, o in inside) / len(inside), 3) if inside else None,
            )
        )
    brier = sum((c - o) ** 2 for c, o in outcomes) / len(outcomes) if outcomes else 0.0
    return Calibration(len(outcomes), sum(o for _, o in outcomes), round(brier, 4), tuple(bins))


def format_calibration(cal: Calibration) -> str:
    lines = [
        f"fused events: {cal.events}, matching a gold event: {cal.matched}; Brier score {cal.brier:.3f}",
        "confidence bin   events  mean conf  observed",
    ]
    for b in cal.bins:
        mean = f"{b.mean_confidence:.2f}" if b.mean_confidence is not None else "-"
        seen = f"{b.observed:.2f}" if b.observed is not None else "-"
        lines.append(f"[{b.low:.1f}, {b.high:.1f})   {b.events:>6}  {mean:>9}  {seen:>8}")
    return "\n".join(lines)
