"""Named entities from the parser's own token vectors: a tagger in place of the model's entity recognizer.

The small English model's ``ner`` runs an embedding and a four-layer CNN of its own, then a transition loop:
about half of the whole parse. This tagger reads what is there already: the vectors the shared ``tok2vec``
computed for the tagger and the parser (``doc.tensor``) for the token and two tokens either side, a hashed
embedding of the lower-case forms of the token and its neighbours, and the recognizer's own hashed word table
(copied into the weights, looked up without its CNN). One hidden layer gives BILUO tags; a Viterbi pass over
the tokens it is unsure of keeps them well formed. ``scripts/train_entities.py`` trained it to give the
entities the recognizer gives (distillation, on shipped text and the development data in ``shared/``); the
weights are ``data/nlp/entity_tagger.npz``, and ``entity_recognizer = "spacy"`` brings back the recognizer.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np
from spacy.language import Language
from spacy.training import biluo_tags_to_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc

WEIGHTS = "entity_tagger.npz"
_SURE_OUTSIDE = 0.98  # tokens at least this sure of "O" split the Viterbi pass into short runs
_IMPOSSIBLE = -1e9


class EntityTagger:
    """A spaCy pipeline component (after ``tok2vec``) that sets ``doc.ents``."""

    def __init__(self, weights: dict[str, np.ndarray]) -> None:
        self.embed = weights["embed"].astype(np.float32)  # (rows + 1, width); the last row pads
        self.hidden_w, self.hidden_b = weights["hidden_w"], weights["hidden_b"]
        self.out_w, self.out_b = weights["out_w"], weights["out_b"]
        self.window = int(weights["window"])
        self.tags: tuple[str, ...] = tuple(str(t) for t in weights["tags"])
        self.rows = self.embed.shape[0] - 1
        # The model's own recognizer's word table (hashed lower-case forms, learned on OntoNotes), if the
        # weights carry a copy: what it knows of names, looked up without its CNN.
        self.known = weights["known_words"].astype(np.float32) if "known_words" in weights else None
        self.known_seed = int(weights["known_seed"]) if "known_seed" in weights else 0
        self.transitions, self.first, self.last = _biluo_constraints(self.tags)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._tag(batch)
                batch = []
        if batch:
            yield from self._tag(batch)

    def _tag(self, docs: list[Doc]) -> list[Doc]:
        sized = [doc for doc in docs if len(doc)]
        if not sized:
            return docs
        features = np.concatenate([self._features(doc) for doc in sized])
        hidden = np.maximum(features @ self.hidden_w + self.hidden_b, 0.0)
        scores = hidden @ self.out_w + self.out_b
        scores -= scores.max(axis=1, keepdims=True)
        log_probs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
        start = 0
        for doc in sized:
            tags = self._decode(log_probs[start : start + len(doc)])
            start += len(doc)
            doc.set_ents(biluo_tags_to_spans(doc, [self.tags[t] for t in tags]), default="outside")
        return docs

    def _features(self, doc: Doc) -> np.ndarray:
        n, w = len(doc), self.window
        vectors = np.asarray(doc.tensor, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[0] != n:
            raise ValueError("entity tagger: no token vectors on the doc; it must run after the tok2vec component")
        padded = np.zeros((n + 2 * w, vectors.shape[1]), dtype=np.float32)
        padded[w : w + n] = vectors
        context = [padded[i : i + n] for i in range(2 * w + 1)]
        norms = doc.to_array("NORM").astype(np.uint64)
        ids = np.concatenate([[self.rows], (norms % np.uint64(self.rows)).astype(np.int64), [self.rows]])
        words = [self.embed[ids[i : i + n]] for i in range(3)]
        if self.known is None:
            return np.concatenate([*context, *words], axis=1)
        known = np.zeros((n + 2, self.known.shape[1]), dtype=np.float32)
        known[1 : n + 1] = known_word_vectors(self.known, self.known_seed, norms)
        return np.concatenate([*context, *words, *(known[i : i + n] for i in range(3))], axis=1)

    def _decode(self, log_probs: np.ndarray) -> list[int]:
        """The best well-formed tag sequence; sure "O" tokens are fixed, the runs between them decoded."""
        tags = [0] * len(log_probs)
        unsure = log_probs[:, 0] < np.log(_SURE_OUTSIDE)
        i, n = 0, len(log_probs)
        while i < n:
            if not unsure[i]:
                i += 1
                continue
            j = i
            while j < n and unsure[j]:
                j += 1
            tags[i:j] = self._viterbi(log_probs[i:j])
            i = j
        return tags

    def _viterbi(self, log_probs: np.ndarray) -> list[int]:
        score = log_probs[0] + self.first
        back = []
        for row in log_probs[1:]:
            candidates = score[:, None] + self.transitions
            best = candidates.argmax(axis=0)
            back.append(best)
            score = candidates[best, np.arange(len(score))] + row
        path = [int((score + self.last).argmax())]
        for best in reversed(back):
            path.append(int(best[path[-1]]))
        return path[::-1]


def known_word_vectors(table: np.ndarray, seed: int, norms: np.ndarray) -> np.ndarray:
    """spaCy's hashed embedding of ``norms`` (thinc ``HashEmbed``: four hashed rows, summed)."""
    keys = _hash(np.ascontiguousarray(norms, dtype=np.uint64), seed) % np.uint32(table.shape[0])
    vectors: np.ndarray = table[keys].sum(axis=1)
    return vectors


@functools.cache
def _hasher():  # type: ignore[no-untyped-def]
    from thinc.api import NumpyOps

    return NumpyOps().hash


def _hash(ids: np.ndarray, seed: int) -> np.ndarray:
    return np.asarray(_hasher()(ids, seed))


def _biluo_constraints(tags: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Transition, first-tag and last-tag scores: 0 where BILUO allows the tag, a huge penalty where not."""

    def parts(tag: str) -> tuple[str, str]:
        return (tag[0], tag[2:]) if tag != "O" else ("O", "")

    def allowed(a: str, b: str) -> bool:
        (pa, la), (pb, lb) = parts(a), parts(b)
        if pa in "BI":
            return pb in "IL" and la == lb
        return pb in "OBU"

    transitions = np.array([[0.0 if allowed(a, b) else _IMPOSSIBLE for b in tags] for a in tags], np.float32)
    first = np.array([0.0 if parts(t)[0] in "OBU" else _IMPOSSIBLE for t in tags], np.float32)
    last = np.array([0.0 if parts(t)[0] in "OLU" else _IMPOSSIBLE for t in tags], np.float32)
    return transitions, first, last


@Language.factory("eventwatch_entity_tagger")
def make_entity_tagger(nlp: Language, name: str) -> EntityTagger:
    return EntityTagger(load_weights())


@functools.cache
def load_weights() -> dict[str, np.ndarray]:
    path = resources.files("eventwatch") / "data" / "nlp" / WEIGHTS
    with resources.as_file(path) as file, np.load(file) as archive:
        return {name: archive[name] for name in archive.files}
