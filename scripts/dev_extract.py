"""Dev harness for the extract stage: gold dev articles -> nlp -> extract -> gold scorer.

    .venv/bin/python scripts/dev_extract.py [GOLD_DIR] [--explain ID ...|all] [--events] [--json]

Prints the detection and coding metrics of the extract stage; ``--explain`` prints the scorer's error
analysis of the named articles; ``--events`` prints every predicted event.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from eventwatch import extract
from eventwatch.config import load_config
from eventwatch.eval.gold import explain, read_gold_pairs, score_corpus
from eventwatch.export import to_gold_json
from eventwatch.nlp import parse_article

METRICS = (
    "event_precision",
    "event_recall",
    "event_f1",
    "plover_accuracy",
    "acled_accuracy",
    "acled_sub_accuracy",
    "actor1_country_accuracy",
    "actor1_sector_accuracy",
    "actor2_country_accuracy",
    "actor2_sector_accuracy",
    "date_accuracy",
    "factuality_accuracy",
    "fatalities_accuracy",
    "not_event_fp_rate",
    "distractor_events",
)


def predict(gold_dir: Path) -> list[tuple[dict[str, Any], dict[str, Any], str]]:
    cfg = load_config()
    triples = []
    for pair in read_gold_pairs(gold_dir):
        analysis = next(extract.run([parse_article(pair.article, cfg)], cfg))
        triples.append((to_gold_json(analysis), pair.gold, pair.text))
    return triples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", nargs="?", default="/work/shared/gold/dev")
    parser.add_argument("--explain", nargs="*", default=[])
    parser.add_argument("--events", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    triples = predict(Path(args.gold_dir))
    metrics = score_corpus(triples).tally.metrics()
    if args.json:
        json.dump({m: metrics.get(m) for m in METRICS}, sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        for m in METRICS:
            value = metrics.get(m)
            sys.stdout.write(f"{m}: {value:.3f}\n" if isinstance(value, float) else f"{m}: {value}\n")
    for pred, gold, text in triples:
        if args.explain and ("all" in args.explain or gold["id"] in args.explain):
            sys.stdout.write(explain(pred, gold, text) + "\n")
        if args.events:
            sys.stdout.write(f"== {gold['id']}\n")
            for e in pred["events"]:
                a1, a2 = e["actor1"], e["actor2"]
                sys.stdout.write(
                    f"  {e['plover']}/{e['mode']} {e['acled_sub']} {e['factuality']}"
                    f" d={e['date']} f={e['fatalities']}"
                    f" A1={a1 and (a1['name'], a1['country'], a1['sector'])}"
                    f" A2={a2 and (a2['name'], a2['country'], a2['sector'])}\n    {e['evidence']}\n"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
