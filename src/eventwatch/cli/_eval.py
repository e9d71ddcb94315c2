"""``eventwatch eval gold``: run the pipeline on gold articles and score them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwatch import ingest, pipeline
from eventwatch.config import load_config
from eventwatch.export import to_gold_json


def predict_gold_article(txt_path: Path, meta: dict[str, Any]) -> dict[str, Any]:
    """Gold-format prediction for one gold ``<id>.txt``, with the gold's metadata as the ingest metadata.

    Title, outlet and publication date are what a JSONL record would carry; the annotations are not used.
    """
    cfg = load_config()
    article = ingest.read_text(
        txt_path.read_text(encoding="utf-8"),
        str(txt_path),
        cfg,
        title=meta.get("title"),
        published=meta.get("published"),
        outlet=meta.get("outlet"),
        ext_id=meta.get("id") or txt_path.stem,
    )
    return to_gold_json(pipeline.analyse(article, cfg))


def run_gold_eval(gold_dir: Path, *, as_json: bool, explain: bool) -> str:
    from eventwatch.eval.gold import evaluate_dir, format_table

    scores = evaluate_dir(gold_dir, predict_gold_article)
    if as_json:
        return scores.to_json() + "\n"
    text = format_table(scores) + "\n"
    if explain:
        from eventwatch.eval.gold import explain as explain_article

        for txt in sorted(gold_dir.glob("*.txt")):
            gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
            pred = predict_gold_article(txt, gold)
            text += explain_article(pred, gold, txt.read_text(encoding="utf-8")) + "\n"
    return text
