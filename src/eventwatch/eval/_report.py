"""Plain-text renderings of gold scores: the corpus table and one article's error analysis.

Plain text only; the CLI decides how to style it (rich) and where it goes (stdout).
"""

from __future__ import annotations

from eventwatch.eval._tally import ArticleScore, GoldScores, Ratio, Tally

__all__ = ["describe", "format_table"]


def _support(tally: Tally) -> dict[str, str]:
    """The ``hits/total`` behind each metric, so a reader sees how little a 1.000 may rest on."""
    tp, fp, fn = tally.event_tp, tally.event_fp, tally.event_fn
    ctp, cfp, cfn = tally.claim_tp, tally.claim_fp, tally.claim_fn
    xtp, xfp, xfn = tally.contested_tp, tally.contested_fp, tally.contested_fn
    out = {
        "event_precision": f"{tp}/{tp + fp}",
        "event_recall": f"{tp}/{tp + fn}",
        "event_f1": f"tp {tp} fp {fp} fn {fn}",
        "claim_source_precision": f"{ctp}/{ctp + cfp}",
        "claim_source_recall": f"{ctp}/{ctp + cfn}",
        "claim_source_f1": f"tp {ctp} fp {cfp} fn {cfn}",
        "contested_precision": f"{xtp}/{xtp + xfp}",
        "contested_recall": f"{xtp}/{xtp + xfn}",
        "contested_f1": f"tp {xtp} fp {xfp} fn {xfn}",
        "location_median_error_km": f"n {len(tally.location_errors_km)}",
        "date_precision": _ratio(tally.date_predicted),
        "body_leak_rate": _ratio(tally.body_leak),
        "not_event_fp_rate": _ratio(tally.not_event_hit),
    }
    for name in ("plover", "acled", "acled_sub", "date", "factuality", "fatalities", "stance", "hedge"):
        out[f"{name}_accuracy"] = _ratio(getattr(tally, name))
    for name in ("actor1_country", "actor1_sector", "actor2_country", "actor2_sector"):
        out[f"{name}_accuracy"] = _ratio(getattr(tally, name))
    for radius in ("25km", "161km"):
        out[f"location_{radius}_accuracy"] = _ratio(getattr(tally, f"location_{radius}"))
    return out


def _ratio(ratio: Ratio) -> str:
    return f"{ratio.hits}/{ratio.total}"


def _value(value: float | int | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}"


def format_table(scores: GoldScores) -> str:
    """Corpus metrics (value and support, "—" where nothing was counted), then one row per article."""
    tally = scores.tally
    support = _support(tally)
    metrics = tally.metrics()
    width = max(len(name) for name in metrics)
    lines = [f"{'metric':<{width}}  {'value':>8}  support", "-" * (width + 28)]
    lines += [
        f"{name:<{width}}  {_value(value):>8}  {support.get(name, '')}".rstrip() for name, value in metrics.items()
    ]
    lines.append(f"articles: {len(scores.articles)}" + (f", failed: {len(scores.failed)}" if scores.failed else ""))
    if scores.articles:
        id_width = max(len("article"), *(len(a.article_id) for a in scores.articles))
        lines += ["", f"{'article':<{id_width}}  gold  pred    tp    fp    fn  event_f1  claim_f1"]
        for article in scores.articles:
            t, m = article.tally, article.tally.metrics()
            n_gold, n_pred = t.event_tp + t.event_fn, t.event_tp + t.event_fp
            lines.append(
                f"{article.article_id:<{id_width}}  {n_gold:>4}  {n_pred:>4}"
                f"  {t.event_tp:>4}  {t.event_fp:>4}  {t.event_fn:>4}  {_value(m['event_f1']):>8}"
                f"  {_value(m['claim_source_f1']):>8}"
            )
    return "\n".join(lines)


def describe(score: ArticleScore) -> str:
    """One article's error analysis as plain text, one finding per line; "no errors" when it is perfect."""
    t = score.tally
    lines = [
        f"article {score.article_id}: events tp {t.event_tp} fp {t.event_fp} fn {t.event_fn}; "
        f"claims tp {t.claim_tp} fp {t.claim_fp} fn {t.claim_fn}"
    ]
    sections = (
        ("false positive (predicted, unmatched)", score.false_positives),
        ("false negative (gold, missed)", score.false_negatives),
        ("mismatch", score.mismatches),
        ("not_event hit", score.not_event_hits),
        ("body residue leaked", score.leaked_lines),
    )
    for title, items in sections:
        lines += [f"  {title}: {item}" for item in items]
    if len(lines) == 1:
        lines.append("  no errors")
    return "\n".join(lines)
