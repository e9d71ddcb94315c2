"""Accuracy gate: the attribute stage on the dev gold with oracle event mentions (tests/eval_floors.json)."""

from __future__ import annotations

import json

import pytest

from eventwatch.attribute import attribute_analysis
from eventwatch.attribute.oracle import oracle_mentions
from eventwatch.config import load_config
from eventwatch.eval.gold import read_gold_pairs, score_corpus
from eventwatch.export import to_gold_json
from eventwatch.nlp import parse_article
from eventwatch.records import Analysis
from tests.conftest import REPO

# Scores move by one claim in ~130 between spaCy patch releases; a floor is checked minus this.
NOISE = 0.01
FLOORS = json.loads((REPO / "tests" / "eval_floors.json").read_text(encoding="utf-8"))["attribute_dev"]


@pytest.fixture(scope="module")
def dev_metrics(shared_dir):
    cfg = load_config()
    triples = []
    pairs = read_gold_pairs(shared_dir / "gold" / "dev")
    assert len(pairs) == 20, "shared/gold/dev should hold 20 gold articles"
    for pair in pairs:
        parsed = parse_article(pair.article, cfg)
        analysis = attribute_analysis(Analysis(parsed=parsed, event_mentions=oracle_mentions(parsed, pair.gold)))
        triples.append((to_gold_json(analysis), pair.gold, pair.text))
    return score_corpus(triples).tally.metrics()


@pytest.mark.parametrize("metric", sorted(k for k in FLOORS if not k.startswith("_")))
def test_attribute_dev_floor(dev_metrics, metric):
    value = dev_metrics[metric]
    assert value is not None and value >= FLOORS[metric] - NOISE, f"{metric} {value} below floor {FLOORS[metric]}"
