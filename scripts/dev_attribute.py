"""Dev harness for the attribute stage: oracle (gold) event mentions -> attribute -> gold scorer.

    .venv/bin/python scripts/dev_attribute.py [GOLD_DIR] [--explain ID ...] [--claims] [--json] [--pipeline]

Prints the scorer's table for the claim, factuality and contested metrics; ``--explain`` prints the error
analysis of the named articles (or ``all``); ``--claims`` prints every predicted claim; ``--pipeline`` takes the event
mentions from the whole pipeline (as ``eventwatch eval gold``) instead of the gold.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from eventwatch.attribute import attribute_analysis
from eventwatch.attribute.oracle import oracle_mentions
from eventwatch.cli._eval import predict_gold_article
from eventwatch.config import load_config
from eventwatch.eval.gold import explain, read_gold_pairs, score_corpus
from eventwatch.export import to_gold_json
from eventwatch.nlp import parse_article
from eventwatch.records import Analysis

METRICS = (
    "claim_source_precision",
    "claim_source_recall",
    "claim_source_f1",
    "stance_accuracy",
    "hedge_accuracy",
    "factuality_accuracy",
    "contested_precision",
    "contested_recall",
    "contested_f1",
)


def predict(gold_dir: Path, *, pipeline: bool = False) -> list[tuple[dict[str, Any], dict[str, Any], str]]:
    cfg = load_config()
    triples = []
    for pair in read_gold_pairs(gold_dir):
        if pipeline:
            triples.append((predict_gold_article(pair.txt_path, pair.gold), pair.gold, pair.text))
            continue
        parsed = parse_article(pair.article, cfg)
        analysis = attribute_analysis(Analysis(parsed=parsed, event_mentions=oracle_mentions(parsed, pair.gold)))
        triples.append((to_gold_json(analysis), pair.gold, pair.text))
    return triples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/gold/dev"))
    parser.add_argument("--explain", nargs="*", default=[])
    parser.add_argument("--claims", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--pipeline", action="store_true")
    args = parser.parse_args()
    triples = predict(Path(args.gold_dir), pipeline=args.pipeline)
    scores = score_corpus(triples)
    metrics = scores.tally.metrics()
    if args.json:
        json.dump({m: metrics[m] for m in METRICS}, sys.stdout, indent=1)
        print()
    else:
        for m in METRICS:
            value = metrics[m]
            print(f"{m}: {value:.3f}" if value is not None else f"{m}: —")
    for pred, gold, text in triples:
        if "all" in args.explain or gold["id"] in args.explain:
            print(f"\n=== {gold['id']}\n{explain(pred, gold, text)}")
        if args.claims:
            print(f"\n=== {gold['id']} headline_overstates={pred['headline_overstates']}")
            for event in pred["events"]:
                print(
                    f" {event['id']} {event['plover']} {event['factuality']} contested={event['contested']}"
                    f" | {event['evidence'][0][:90]}"
                )
                for c in event["claims"]:
                    print(
                        f"    {c['source']!r} {c['source_kind']} {c['country']} {c['stance']} "
                        f"hedged={c['hedged']}"
                        f" cue={c['cue']!r} about={c.get('about')!r} via={c.get('via')} | "
                        f"{c['evidence'][:100]!r}"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
