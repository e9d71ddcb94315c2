"""Counts behind the gold scores and the metrics computed from them.

A :class:`Tally` holds integer counts only, so adding the tallies of all articles and then dividing gives
micro-averaged corpus metrics (every event, claim or line weighs the same, whatever article it is in).
"""

from __future__ import annotations

import dataclasses
import json
import statistics
from dataclasses import dataclass, field
from typing import Any

__all__ = ["LOWER_IS_BETTER", "METRIC_NAMES", "ArticleScore", "GoldScores", "Ratio", "Tally"]


@dataclass(frozen=True, slots=True)
class Ratio:
    """``hits`` out of ``total``; its value is undefined (None) when nothing was counted."""

    hits: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts for one article, or for a corpus when tallies are added."""

    event_tp: int = 0
    event_fp: int = 0
    event_fn: int = 0
    # Accuracies on matched events; each counts only the events the field is scored on (see gold.py).
    plover: Ratio = Ratio()
    acled: Ratio = Ratio()
    acled_sub: Ratio = Ratio()
    actor1_country: Ratio = Ratio()
    actor1_sector: Ratio = Ratio()
    actor2_country: Ratio = Ratio()
    actor2_sector: Ratio = Ratio()
    location_25km: Ratio = Ratio()
    location_161km: Ratio = Ratio()
    location_errors_km: tuple[float, ...] = ()
    date: Ratio = Ratio()
    date_predicted: Ratio = Ratio()
    factuality: Ratio = Ratio()
    fatalities: Ratio = Ratio()
    claim_tp: int = 0
    claim_fp: int = 0
    claim_fn: int = 0
    stance: Ratio = Ratio()
    hedge: Ratio = Ratio()
    contested_tp: int = 0
    contested_fp: int = 0
    contested_fn: int = 0
    body_leak: Ratio = Ratio()
    not_event_hit: Ratio = Ratio()
    distractor_events: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in dataclasses.fields(self)})

    def metrics(self) -> dict[str, float | int | None]:
        """Metric name -> value; None where the metric counted nothing (no gold dates, no claims, ...)."""
        p, r, f = _prf(self.event_tp, self.event_fp, self.event_fn)
        cp, cr, cf = _prf(self.claim_tp, self.claim_fp, self.claim_fn)
        xp, xr, xf = _prf(self.contested_tp, self.contested_fp, self.contested_fn)
        errors = self.location_errors_km
        return {
            "event_precision": p,
            "event_recall": r,
            "event_f1": f,
            "plover_accuracy": self.plover.value,
            "acled_accuracy": self.acled.value,
            "acled_sub_accuracy": self.acled_sub.value,
            "actor1_country_accuracy": self.actor1_country.value,
            "actor1_sector_accuracy": self.actor1_sector.value,
            "actor2_country_accuracy": self.actor2_country.value,
            "actor2_sector_accuracy": self.actor2_sector.value,
            "location_25km_accuracy": self.location_25km.value,
            "location_161km_accuracy": self.location_161km.value,
            "location_median_error_km": statistics.median(errors) if errors else None,
            "date_accuracy": self.date.value,
            "date_precision": self.date_predicted.value,
            "factuality_accuracy": self.factuality.value,
            "fatalities_accuracy": self.fatalities.value,
            "claim_source_precision": cp,
            "claim_source_recall": cr,
            "claim_source_f1": cf,
            "stance_accuracy": self.stance.value,
            "hedge_accuracy": self.hedge.value,
            "contested_precision": xp,
            "contested_recall": xr,
            "contested_f1": xf,
            "body_leak_rate": self.body_leak.value,
            "not_event_fp_rate": self.not_event_hit.value,
            "distractor_events": self.distractor_events,
        }

    def counts(self) -> dict[str, int | list[int]]:
        """The raw counts behind :meth:`metrics`: ints, and ``[hits, total]`` for ratios."""
        out: dict[str, int | list[int]] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Ratio):
                out[f.name] = [value.hits, value.total]
            elif isinstance(value, int):
                out[f.name] = value
        out["location_errors_n"] = len(self.location_errors_km)
        return out


def _prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1; each None when its denominator is 0. F1 is 2tp / (2tp + fp + fn), so it is
    0.0, not undefined, when nothing was predicted but something was missed."""
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
    return precision, recall, f1


METRIC_NAMES: tuple[str, ...] = tuple(Tally().metrics())
# Error rates and counts, where 0 is perfect; every other metric is a share where 1 is perfect, except the
# median location error (km, 0 is perfect). An accuracy floor applies only to the higher-is-better ones.
LOWER_IS_BETTER: frozenset[str] = frozenset(
    {"location_median_error_km", "body_leak_rate", "not_event_fp_rate", "distractor_events"}
)


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """One article's tally plus the items behind its errors, for error analysis (:func:`explain`)."""

    article_id: str
    tally: Tally
    false_positives: tuple[str, ...] = ()
    false_negatives: tuple[str, ...] = ()
    mismatches: tuple[str, ...] = ()
    not_event_hits: tuple[str, ...] = ()
    leaked_lines: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.article_id,
            "metrics": self.tally.metrics(),
            "counts": self.tally.counts(),
            "false_positives": list(self.false_positives),
            "false_negatives": list(self.false_negatives),
            "mismatches": list(self.mismatches),
            "not_event_hits": list(self.not_event_hits),
            "leaked_lines": list(self.leaked_lines),
        }


@dataclass(frozen=True, slots=True)
class GoldScores:
    """Corpus scores: micro-averaged over ``articles``; ``failed`` names articles whose prediction raised
    an input error and were scored as predicting nothing."""

    articles: tuple[ArticleScore, ...] = ()
    failed: tuple[str, ...] = field(default=())

    @property
    def tally(self) -> Tally:
        return sum((a.tally for a in self.articles), Tally())

    def metrics(self) -> dict[str, float | int | None]:
        return self.tally.metrics()

    def as_dict(self) -> dict[str, Any]:
        """``{"metrics", "counts", "n_articles", "failed", "articles"}``; metric keys are METRIC_NAMES."""
        tally = self.tally
        return {
            "metrics": tally.metrics(),
            "counts": tally.counts(),
            "n_articles": len(self.articles),
            "failed": list(self.failed),
            "articles": [a.as_dict() for a in self.articles],
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False)
