"""``eventwatch.eval.fusion``: the fusion dev set's floors, and the scorer on a held-out file of the same format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwatch.config import load_config
from eventwatch.errors import EventwatchError
from eventwatch.eval.fusion import DEV_SET, FusionScores, evaluate_fusion, read_dev_set
from eventwatch.ingest import SAMPLE_CORPUS

FLOORS = json.loads((Path(__file__).parent / "fusion_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dev_scores() -> FusionScores:
    return evaluate_fusion(DEV_SET, SAMPLE_CORPUS, load_config())


def test_fusion_dev_set_every_evidence_is_in_its_article() -> None:
    texts = {}
    for line in SAMPLE_CORPUS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts[record["id"]] = record["text"]
    clusters = read_dev_set(DEV_SET)
    assert {c.kind for c in clusters} == {"same", "lookalike"}
    for cluster in clusters:
        for mention in cluster.mentions:
            assert mention.evidence in texts[mention.article_id], (cluster.cluster, mention.evidence)


def test_fusion_dev_every_gold_mention_is_found(dev_scores: FusionScores) -> None:
    assert dev_scores.matched_mentions == dev_scores.gold_mentions


@pytest.mark.parametrize("metric", ["precision", "recall"])
def test_fusion_dev_pairwise_merge_above_floor(dev_scores: FusionScores, metric: str) -> None:
    assert getattr(dev_scores, metric) >= FLOORS["fusion_dev"][metric], "\n".join(dev_scores.errors)


def test_fusion_dev_keeps_lookalikes_apart(dev_scores: FusionScores) -> None:
    assert dev_scores.lookalike_pairs > 0
    assert dev_scores.lookalike_pairs_apart == dev_scores.lookalike_pairs


def _cluster(name: str, kind: str, *mentions: tuple[str, str]) -> str:
    items = [{"article_id": a, "evidence": e} for a, e in mentions]
    return json.dumps({"cluster": name, "kind": kind, "note": "held-out test", "mentions": items})


def test_fusion_scorer_scores_a_held_out_file(tmp_path: Path) -> None:
    # Clusters the dev set does not hold: a same-event pair and a look-alike of a third article.
    held_out = tmp_path / "heldout.jsonl"
    held_out.write_text(
        "\n".join(
            [
                _cluster(
                    "kerala-elephant-arrest",
                    "same",
                    ("wn-4f20fe784e", "Indian officials in Kerala arrested a man"),
                    ("wn-f9659e81f5", "one suspect was arrested in connection with the death"),
                ),
                _cluster("magnitogorsk", "lookalike", ("wn-e8d671d308", "another explosion hit a gas-powered minibus")),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    scores = evaluate_fusion(held_out, SAMPLE_CORPUS, load_config())
    assert (scores.gold_mentions, scores.matched_mentions) == (3, 3)
    assert scores.true_merges + scores.missed_merges == 1
    assert scores.lookalike_pairs == 2


def test_fusion_scorer_rejects_a_malformed_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"cluster": "x"}\n', encoding="utf-8")
    with pytest.raises(EventwatchError, match=r"bad\.jsonl:1"):
        read_dev_set(bad)


def test_fusion_calibration_bins_every_fused_event(tmp_path: Path, shared_dir: Path) -> None:
    import shutil

    from eventwatch.eval.fusion import calibrate_confidence

    for name in ("gov-5a1cc2becd", "gov-7357edeefd"):
        for suffix in (".txt", ".json"):
            shutil.copy(shared_dir / "gold" / "dev" / f"{name}{suffix}", tmp_path / f"{name}{suffix}")
    cal = calibrate_confidence(tmp_path, load_config())
    assert cal.events > 0 and 0 < cal.matched <= cal.events
    assert sum(b.events for b in cal.bins) == cal.events
    assert 0.0 <= cal.brier <= 1.0
