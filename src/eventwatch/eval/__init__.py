"""eval stage: scores against gold data.

gold.py scores gold-format predictions against the hand-made gold (shared/gold/SCHEMA.md).
"""

from eventwatch.eval.gold import (
    LOWER_IS_BETTER,
    METRIC_NAMES,
    ArticleScore,
    GoldPair,
    GoldScores,
    evaluate_dir,
    explain,
    format_table,
    read_gold_pairs,
    score_article,
    score_corpus,
)

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
