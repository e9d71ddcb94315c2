"""Train the entity tagger shipped as ``src/eventwatch/data/nlp/entity_tagger.npz`` (``eventwatch/nlp/entities.py``).

Distillation: the spaCy model's own recognizer (``ner``) labels text, and the tagger learns to give the same
entities from the vectors the shared ``tok2vec`` computes anyway. No hand labels are needed, so any English
text will do; these are used (every one split into paragraphs as the pipeline does):

  - ``shared/events/plover_synthetic_ngec/ngec_synthetic_stories.jsonl``: 4,500 GPT-2 news stories and their
    titles (MIT), about 1.1 million tokens;
  - ``bench/data/aeb_bodies.jsonl``: the article bodies of 104 general web pages (shipped, see its SOURCE.md);
  - ``shared/events/re3d/re3d_free_subsets.jsonl``: defence and security texts (CC BY-SA 3.0 / OGL);
  - ``src/eventwatch/data/corpus/articles.jsonl``: the sample corpus (Wikinews and official statements on Syria
    and Iraq, shipped), so the tagger sees the names of the conflicts eventwatch is about;
  - ``shared/geo/trnews/dev.jsonl.gz``: the 59 news articles of the TR-News dev split (MIT), for their people
    and places (the test split is kept out).

The dev gold articles (``shared/gold/dev``) are kept out; the script reports the tagger's agreement with the
recognizer on them (entity-level precision, recall and F1, by label). The window, hidden width and number of
epochs were chosen on that agreement and on ``eventwatch eval gold`` over the dev gold.

Model: for each token, the ``tok2vec`` vectors of the token and ``--window`` tokens either side, and a hashed
embedding (``--rows`` x ``--width``) of the lower-case forms of the token and its two neighbours; one ReLU layer
(``--hidden``); a softmax over BILUO tags. Adam on mini-batches for the dense weights, plain SGD for the
embedding rows; fixed seed, so a rerun gives the same weights.

    .venv/bin/python scripts/train_entities.py  # about 10 minutes on 2 cores
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from spacy.training import biluo_tags_to_spans
from spacy.training.iob_utils import doc_to_biluo_tags

from eventwatch.config import load_config
from eventwatch.nlp import load_model, split_paragraphs
from eventwatch.nlp.entities import WEIGHTS, EntityTagger, known_word_vectors

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "src" / "eventwatch" / "data" / "nlp" / WEIGHTS


def _jsonl_texts(path: Path, *fields: str) -> Iterator[str]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for field in fields:
                if record.get(field):
                    yield record[field]


def training_texts() -> Iterator[str]:
    yield from _jsonl_texts(SHARED / "events/plover_synthetic_ngec/ngec_synthetic_stories.jsonl", "title", "text")
    yield from _jsonl_texts(ROOT / "bench/data/aeb_bodies.jsonl", "text")
    yield from _jsonl_texts(SHARED / "events/re3d/re3d_free_subsets.jsonl", "text")
    yield from _jsonl_texts(ROOT / "src/eventwatch/data/corpus/articles.jsonl", "text")
    with gzip.open(SHARED / "geo/trnews/dev.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)["text"]


def dev_texts() -> Iterator[str]:
    for path in sorted((SHARED / "gold" / "dev").glob("*.txt")):
        yield path.read_text(encoding="utf-8")


def paragraphs(texts: Iterator[str]) -> list[str]:
    cfg = load_config()
    out = []
    for text in texts:
        for span in split_paragraphs(text, max_chars=cfg.max_paragraph_chars, max_word_chars=cfg.max_word_chars):
            if span.slice(text).strip():
                out.append(span.slice(text))
    return out


class Teacher:
    """The model's own recognizer, run with the shared ``tok2vec`` (which sets ``doc.tensor``)."""

    def __init__(self) -> None:
        self.nlp = load_model(load_config().spacy_model, "spacy")

    def word_table(self) -> tuple[np.ndarray, int]:
        """The recognizer's hashed embedding of lower-case forms (``NORM``) and its hash seed."""
        for node in self.nlp.get_pipe("ner").model.get_ref("tok2vec").walk():
            if node.name == "hashembed" and node.attrs["column"] == 0:
                return np.asarray(node.get_param("E")), int(node.attrs["seed"])
        raise LookupError("the recognizer has no NORM embedding")

    def label(self, texts: list[str]) -> tuple[list, list[list[str]]]:
        docs, tags = [], []
        with self.nlp.select_pipes(enable=["tok2vec", "ner"]):
            for doc in self.nlp.pipe(texts, batch_size=256):
                if len(doc):
                    docs.append(doc)
                    tags.append(doc_to_biluo_tags(doc))
        return docs, tags


def tag_set(tags: list[list[str]]) -> list[str]:
    labels = sorted({t[2:] for seq in tags for t in seq if t != "O"})
    return ["O"] + [f"{move}-{label}" for label in labels for move in "BILU"]


def design(docs: list, window: int, rows: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Token vectors (float16), neighbour indices within each doc (-1 at the edges) and hashed word ids."""
    vectors = np.concatenate([doc.tensor for doc in docs]).astype(np.float16)
    lengths = np.array([len(doc) for doc in docs])
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    ends = starts + np.repeat(lengths, lengths)
    index = np.arange(len(vectors))
    offsets = range(-max(window, 1), max(window, 1) + 1)
    neighbours = np.stack([np.where((index + o >= starts) & (index + o < ends), index + o, -1) for o in offsets], 1)
    norms = np.concatenate([doc.to_array("NORM").astype(np.uint64) for doc in docs])
    return vectors, neighbours, (norms % np.uint64(rows)).astype(np.int64)


def train(
    docs: list, tags: list[list[str]], args: argparse.Namespace, known: tuple[np.ndarray, int] | None
) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(0)
    names = tag_set(tags)
    index = {t: i for i, t in enumerate(names)}
    gold = np.array([index[t] for seq in tags for t in seq])
    vectors, neighbours, words = design(docs, args.window, args.rows)
    vectors = np.vstack([vectors, np.zeros((1, vectors.shape[1]), np.float16)])  # row -1 pads
    words = np.append(words, args.rows)  # padding id
    if known is not None:
        table = known[0].astype(np.float16)
        norms = np.concatenate([doc.to_array("NORM").astype(np.uint64) for doc in docs])
        known_vectors = np.vstack(
            [
                known_word_vectors(table.astype(np.float32), known[1], norms).astype(np.float16),
                np.zeros((1, 96), np.float16),
            ]
        )
    middle = neighbours.shape[1] // 2
    context = neighbours[:, middle - args.window : middle + args.window + 1]
    near = neighbours[:, middle - 1 : middle + 2]
    n_in = context.shape[1] * vectors.shape[1] + 3 * args.width + (3 * 96 if known is not None else 0)
    params = {
        "embed": (rng.standard_normal((args.rows + 1, args.width)) * 0.1).astype(np.float32),
        "hidden_w": (rng.standard_normal((n_in, args.hidden)) * np.sqrt(2 / n_in)).astype(np.float32),
        "hidden_b": np.zeros(args.hidden, np.float32),
        "out_w": (rng.standard_normal((args.hidden, len(names))) * np.sqrt(1 / args.hidden)).astype(np.float32),
        "out_b": np.zeros(len(names), np.float32),
    }
    params["embed"][args.rows] = 0
    dense = ("hidden_w", "hidden_b", "out_w", "out_b")
    moment = {k: np.zeros_like(params[k]) for k in dense}
    square = {k: np.zeros_like(params[k]) for k in dense}
    lr, step = args.lr, 0
    for epoch in range(args.epochs):
        order = rng.permutation(len(gold))
        started, loss = time.time(), 0.0
        for first in range(0, len(order), args.batch):
            rows = order[first : first + args.batch]
            ids = words[near[rows]]
            parts = [
                vectors[context[rows]].reshape(len(rows), -1).astype(np.float32),
                params["embed"][ids].reshape(len(rows), -1),
            ]
            if known is not None:
                parts.append(known_vectors[near[rows]].reshape(len(rows), -1).astype(np.float32))
            x = np.concatenate(parts, axis=1)
            pre = x @ params["hidden_w"] + params["hidden_b"]
            hidden = np.maximum(pre, 0)
            scores = hidden @ params["out_w"] + params["out_b"]
            scores -= scores.max(axis=1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=1, keepdims=True)
            y = gold[rows]
            loss += float(-np.log(probs[np.arange(len(rows)), y] + 1e-9).sum())
            d_scores = probs
            d_scores[np.arange(len(rows)), y] -= 1
            d_scores /= len(rows)
            d_hidden = (d_scores @ params["out_w"].T) * (pre > 0)
            grads = {
                "out_w": hidden.T @ d_scores,
                "out_b": d_scores.sum(0),
                "hidden_w": x.T @ d_hidden,
                "hidden_b": d_hidden.sum(0),
            }
            first_word = context.shape[1] * vectors.shape[1]
            word_w = params["hidden_w"][first_word : first_word + 3 * args.width]
            d_words = (d_hidden @ word_w.T).reshape(-1, args.width)
            step += 1
            for k in dense:
                moment[k] = 0.9 * moment[k] + 0.1 * grads[k]
                square[k] = 0.999 * square[k] + 0.001 * grads[k] ** 2
                m_hat, v_hat = moment[k] / (1 - 0.9**step), square[k] / (1 - 0.999**step)
                params[k] -= lr * m_hat / (np.sqrt(v_hat) + 1e-8)
            np.add.at(params["embed"], ids.ravel(), -args.embed_lr * d_words)
            params["embed"][args.rows] = 0
        lr *= args.decay
        print(f"epoch {epoch + 1}: loss {loss / len(gold):.4f} ({time.time() - started:.0f} s)", file=sys.stderr)
    weights = {
        **params,
        "embed": params["embed"].astype(np.float16),
        "tags": np.array(names),
        "window": np.array(args.window),
    }
    if known is not None:
        weights["known_words"], weights["known_seed"] = known[0].astype(np.float16), np.array(known[1])
    return weights


def agreement(weights: dict[str, np.ndarray], docs: list, tags: list[list[str]]) -> dict[str, tuple[int, int, int]]:
    """Per label: (both, tagger only, recognizer only) entity counts; key "" is the total."""
    tagger = EntityTagger(weights)
    counts: Counter[tuple[str, str]] = Counter()
    for doc, teacher in zip(docs, tags, strict=True):
        want = {(e.start, e.end, e.label_) for e in biluo_tags_to_spans(doc, teacher)}
        got = {(e.start, e.end, e.label_) for e in tagger(doc).ents}
        for span in want | got:
            kind = "both" if span in want and span in got else "tagger" if span in got else "teacher"
            counts[(span[2], kind)] += 1
            counts[("", kind)] += 1
    return {
        label: (counts[(label, "both")], counts[(label, "tagger")], counts[(label, "teacher")]) for label, _ in counts
    }


def report(counts: dict[str, tuple[int, int, int]]) -> None:
    for label, (both, only_tagger, only_teacher) in sorted(counts.items(), key=lambda kv: -sum(kv[1])):
        precision = both / max(both + only_tagger, 1)
        recall = both / max(both + only_teacher, 1)
        f1 = 2 * both / max(2 * both + only_tagger + only_teacher, 1)
        print(f"{label or 'all':12} P {precision:.3f} R {recall:.3f} F1 {f1:.3f}  ({both + only_teacher} entities)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--window", type=int, default=2)
    parser.add_argument("--hidden", type=int, default=384)
    parser.add_argument("--rows", type=int, default=50021)
    parser.add_argument("--width", type=int, default=48)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--decay", type=float, default=0.7)
    parser.add_argument("--embed-lr", type=float, default=0.05)
    parser.add_argument("--no-known-words", action="store_true", help="Leave out the recognizer's word table.")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    teacher = Teacher()
    docs, tags = teacher.label(paragraphs(training_texts()))
    print(f"training: {len(docs)} paragraphs, {sum(map(len, docs))} tokens", file=sys.stderr)
    weights = train(docs, tags, args, None if args.no_known_words else teacher.word_table())
    del docs, tags
    dev_docs, dev_tags = teacher.label(paragraphs(dev_texts()))
    print("agreement with the model's recognizer on the dev gold articles:")
    report(agreement(weights, dev_docs, dev_tags))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **weights)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
