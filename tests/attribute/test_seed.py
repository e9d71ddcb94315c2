"""The founding article: its claims as the brief describes them (tests/data/seed gold, oracle mentions)."""

from __future__ import annotations

import json
from dataclasses import replace

from eventwatch import ingest, pipeline
from eventwatch.attribute import attribute_analysis
from eventwatch.attribute.oracle import oracle_mentions
from eventwatch.config import load_config
from eventwatch.eval.gold import score_article
from eventwatch.export import to_gold_json
from eventwatch.nlp import parse_article
from eventwatch.records import Analysis, Article
from tests.conftest import TEST_DATA

SEED = TEST_DATA / "seed" / "000_3df5cc3808da9925"


def _seed_scores():
    gold = json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))
    text = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    article = Article(id="seed", content_hash="seed", text=text, title=gold["title"])
    parsed = parse_article(article, load_config())
    analysis = attribute_analysis(Analysis(parsed=parsed, event_mentions=oracle_mentions(parsed, gold)))
    return analysis, score_article(to_gold_json(analysis), gold, text)


def test_seed_every_gold_claim_found_with_stance_and_hedge():
    _, score = _seed_scores()
    counts = score.tally.counts()
    assert (counts["claim_fn"], counts["claim_fp"]) == (0, 0)
    metrics = score.tally.metrics()
    assert (metrics["stance_accuracy"], metrics["hedge_accuracy"]) == (1.0, 1.0)


def test_seed_factuality_contested_and_headline():
    analysis, score = _seed_scores()
    assert score.tally.metrics()["factuality_accuracy"] == 1.0
    assert [m.is_contested for m in analysis.event_mentions] == [False, False, True, False, False]
    assert analysis.headline_overstates


def test_seed_peskov_denial_typed():
    analysis, _ = _seed_scores()
    denial = next(c for c in analysis.event_mentions[2].claims if c.stance == "deny")
    assert (denial.source.kind, denial.source.country, denial.about) == (
        "official",
        "RUS",
        "Russian involvement",
    )
    assert replace(denial, about=None).source.text.startswith("Dmitry Peskov")


def test_seed_headline_overstates_through_the_whole_pipeline():
    # The extract merges "the Syrian army's offensive" into the Russian strikes as further evidence; the
    # headline still names the offensive, which only "appears to" be confirmed.
    gold = json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))
    cfg = load_config()
    article = ingest.read_text(SEED.with_suffix(".txt").read_text(encoding="utf-8"), "seed", cfg, title=gold["title"])
    assert pipeline.analyse(article, cfg).headline_overstates
