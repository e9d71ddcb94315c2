"""Cross-document event coreference on MEANTIME (gold mentions), scored with the CoNLL metrics.

MEANTIME (Minard et al., LREC 2016; ``shared/attribution/meantime_en``, CC BY 4.0): 120 English Wikinews
articles in four topic folders, every event mention annotated and linked (``REFERS_TO``) to a corpus-level
event instance (``instance_id``) or to a document-level event. Gold clusters: mentions of one instance (or,
without an instance, of one document-level event); a mention linked to nothing is a singleton.

System: each gold mention becomes a :class:`~eventwatch.fuse.FusionMention` and the fuse stage's clustering
runs per topic folder, exactly as on news (type, place and actors are unknown here, so they score neutral;
the date is the document's creation time, as a news article's publication date). Text: the trigger's
predicate lemma (``pred``) alone: MEANTIME marks single-word triggers, and their sentences share so many
words within a document that adding them merges unrelated mentions (CoNLL F1 24 instead of 71 at the
default threshold). Unlike on news, two mentions of one document may be clustered (each mention is its own
"article"): MEANTIME scores within-document links too. Baselines printed beside: every mention alone, and
one cluster per (topic, lemma).

Metrics (Pradhan et al., 2014, "Scoring coreference partitions"): MUC, B-cubed and CEAF-e, and their F1
average (CoNLL F1), singletons included as in the ECB+ gold-mention papers.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

from eventwatch.config import Config
from eventwatch.errors import EventwatchError
from eventwatch.fuse import FusionMention, fuse_mentions, fusion_params

Cluster = frozenset[str]

# Published CoNLL F1 of cross-document event coreference on the ECB+ test set with gold mentions, as the
# papers report them (a different corpus: printed beside ours for scale, not as a like-for-like comparison).
ECB_PLUS_PUBLISHED = (
    ("Barhom et al. 2019, joint entity-event model (ACL 2019)", 79.5),
    ("Cattan et al. 2021, end-to-end model, gold mentions (Findings of ACL 2021)", 81.0),
)


@dataclass(frozen=True, slots=True)
class GoldMention:
    id: str  # "<doc id>:<m_id>"
    doc: str
    topic: str
    pred: str
    sentence: str
    dct: str | None
    gold: str  # gold cluster key


@dataclass(frozen=True, slots=True)
class MetricScores:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class CorefScores:
    muc: MetricScores
    b_cubed: MetricScores
    ceaf_e: MetricScores
    conll_f1: float
    mentions: int
    gold_clusters: int
    predicted_clusters: int
    baseline_singletons_conll_f1: float | None = None
    baseline_same_lemma_conll_f1: float | None = None


def read_meantime(root: Path) -> list[GoldMention]:
    """The gold event mentions of every CAT XML file under ``root`` (``intra_cross-doc_annotation``)."""
    files = sorted(root.glob("*/*.xml"))
    if not files:
        raise EventwatchError(f"eval coref: {root}: no MEANTIME CAT XML files (corpus_*/*.xml); stopped")
    out: list[GoldMention] = []
    for path in files:
        out.extend(_read_document(path, path.parent.name))
    return out


def _read_document(path: Path, topic: str) -> list[GoldMention]:
    try:
        doc = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EventwatchError(f"eval coref: {path}: not XML ({exc}); stopped") from exc
    doc_id = doc.get("doc_id") or path.stem
    tokens = {t.get("t_id"): (t.text or "", t.get("sentence")) for t in doc.iter("token")}
    by_sentence: dict[str | None, list[str]] = defaultdict(list)
    for text, sentence in tokens.values():
        by_sentence[sentence].append(text)
    markables = doc.find("Markables")
    relations = doc.find("Relations")
    if markables is None:
        return []
    dct = next(
        (t.get("value") for t in markables.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None
    )
    instance = {e.get("m_id"): e.get("instance_id") or f"{doc_id}:doc:{e.get('m_id')}" for e in markables.iter("EVENT")}
    target_of: dict[str, str] = {}
    for rel in relations.iter("REFERS_TO") if relations is not None else ():
        target = rel.find("target")
        if target is None or target.get("m_id") not in instance:
            continue
        for source in rel.findall("source"):
            target_of[source.get("m_id") or ""] = instance[target.get("m_id")]
    out = []
    for mention in markables.iter("EVENT_MENTION"):
        m_id = mention.get("m_id") or ""
        anchors = [a.get("t_id") for a in mention.findall("token_anchor")]
        sentence = tokens.get(anchors[0], ("", None))[1] if anchors else None
        out.append(
            GoldMention(
                id=f"{doc_id}:{m_id}",
                doc=doc_id,
                topic=topic,
                pred=mention.get("pred") or " ".join(tokens.get(a, ("", None))[0] for a in anchors),
                sentence=" ".join(by_sentence.get(sentence, [])),
                dct=dct,
                gold=target_of.get(m_id, f"{doc_id}:single:{m_id}"),
            )
        )
    return out


def predict_clusters(mentions: Sequence[GoldMention], cfg: Config) -> list[Cluster]:
    """The fuse stage's clusters of the mentions, topic by topic (see the module docstring)."""
    params = fusion_params(cfg)
    by_topic: dict[str, list[GoldMention]] = defaultdict(list)
    for m in mentions:
        by_topic[m.topic].append(m)
    clusters: list[Cluster] = []
    for topic in sorted(by_topic):
        items = [
            FusionMention(
                id=m.id,
                article_id=m.id,
                home_id=m.id,
                plover="EVENT",
                text=m.pred,
                date=m.dct,
            )
            for m in by_topic[topic]
        ]
        plan = fuse_mentions([], items, params)
        grouped: dict[str, set[str]] = defaultdict(set)
        for mid, event in plan.event_of.items():
            grouped[event].add(mid)
        clusters += [frozenset(c) for c in grouped.values()]
    return clusters


def gold_clusters(mentions: Iterable[GoldMention]) -> list[Cluster]:
    grouped: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        grouped[m.gold].add(m.id)
    return [frozenset(c) for c in grouped.values()]


def _prf(p_num: float, p_den: float, r_num: float, r_den: float) -> MetricScores:
    p = p_num / p_den if p_den else 0.0
    r = r_num / r_den if r_den else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return MetricScores(round(p, 4), round(r, 4), round(f, 4))


def muc(key: Sequence[Cluster], response: Sequence[Cluster]) -> MetricScores:
    """MUC (Vilain et al., 1995): links kept, counted by how many pieces the other side cuts a cluster into."""

    def score(clusters: Sequence[Cluster], other: Sequence[Cluster]) -> tuple[float, float]:
        where = {m: k for k, c in enumerate(other) for m in c}
        num = den = 0
        for c in clusters:
            parts = {where.get(m, ("alone", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num, den

    r_num, r_den = score(key, response)
    p_num, p_den = score(response, key)
    return _prf(p_num, p_den, r_num, r_den)


def b_cubed(key: Sequence[Cluster], response: Sequence[Cluster]) -> MetricScores:
    """B-cubed (Bagga and Baldwin, 1998): per mention, the overlap of its key and response clusters."""
    key_of = {m: c for c in key for m in c}
    resp_of = {m: c for c in response for m in c}
    mentions = set(key_of) | set(resp_of)
    p = r = 0.0
    for m in mentions:
        k, s = key_of.get(m, frozenset({m})), resp_of.get(m, frozenset({m}))
        overlap = len(k & s)
        p += overlap / len(s)
        r += overlap / len(k)
    return _prf(p, len(mentions), r, len(mentions))


def ceaf_e(key: Sequence[Cluster], response: Sequence[Cluster]) -> MetricScores:
    """Entity-based CEAF (Luo, 2005) with phi4 = 2|K & R| / (|K| + |R|) and the best one-to-one alignment."""
    index = {m: k for k, c in enumerate(response) for m in c}
    sim = np.zeros((len(key), len(response)))
    for i, k in enumerate(key):
        for m in k:
            j = index.get(m)
            if j is not None:
                sim[i, j] += 1
    sizes_k = np.array([len(c) for c in key], dtype=float)[:, None]
    sizes_r = np.array([len(c) for c in response], dtype=float)[None, :]
    phi = 2 * sim / (sizes_k + sizes_r)
    rows, cols = linear_sum_assignment(-phi)
    total = float(phi[rows, cols].sum())
    return _prf(total, len(response), total, len(key))


def score_coref(key: Sequence[Cluster], response: Sequence[Cluster]) -> CorefScores:
    m, b, c = muc(key, response), b_cubed(key, response), ceaf_e(key, response)
    return CorefScores(
        muc=m,
        b_cubed=b,
        ceaf_e=c,
        conll_f1=round((m.f1 + b.f1 + c.f1) / 3, 4),
        mentions=sum(len(k) for k in key),
        gold_clusters=len(key),
        predicted_clusters=len(response),
    )


def evaluate_meantime(root: Path, cfg: Config) -> CorefScores:
    """Score the fuse stage's clusters of MEANTIME's gold mentions, with the two baselines."""
    mentions = read_meantime(root)
    key = gold_clusters(mentions)
    same_lemma: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        same_lemma[(m.topic, m.pred.casefold())].add(m.id)
    scores = score_coref(key, predict_clusters(mentions, cfg))
    return replace(
        scores,
        baseline_singletons_conll_f1=score_coref(key, [frozenset({m.id}) for m in mentions]).conll_f1,
        baseline_same_lemma_conll_f1=score_coref(key, [frozenset(c) for c in same_lemma.values()]).conll_f1,
    )


def format_table(scores: CorefScores) -> str:
    lines = [
        "MEANTIME cross-document event coreference (gold mentions, clustered per topic)",
        f"{'metric':<8} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    for name, s in (("MUC", scores.muc), ("B3", scores.b_cubed), ("CEAF-e", scores.ceaf_e)):
        lines.append(f"{name:<8} {s.precision * 100:6.1f} {s.recall * 100:6.1f} {s.f1 * 100:6.1f}")
    lines.append(
        f"CoNLL F1 {scores.conll_f1 * 100:.1f}  ({scores.mentions} mentions, {scores.gold_clusters} gold / "
        f"{scores.predicted_clusters} predicted clusters)"
    )
    if scores.baseline_singletons_conll_f1 is not None and scores.baseline_same_lemma_conll_f1 is not None:
        lines.append(
            f"baselines: every mention alone {scores.baseline_singletons_conll_f1 * 100:.1f}; "
            f"one cluster per topic and lemma {scores.baseline_same_lemma_conll_f1 * 100:.1f}"
        )
    lines.append("Published CoNLL F1 on ECB+ (another corpus, for scale):")
    lines += [f"  {name}: {f1}" for name, f1 in ECB_PLUS_PUBLISHED]
    return "\n".join(lines)
