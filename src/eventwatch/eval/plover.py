"""PLOVER type and actor/recipient country accuracy on the OEDA gold-standard sentences, beside a baseline.

Each record of ``plover_gsr_cameo.jsonl`` is one sentence coding one event. The whole pipeline reads the
sentence as an article; its answer is the event mention whose trigger is one of the gold event words (else
its first mention). The keyword baseline is what a bag-of-words coder does: the first lemma found in the
trigger lexicon or the CAMEO verb dictionary gives the type, and the first and second country names or
demonyms in the sentence are the actor and recipient. No syntax, no modality, no actor resolution: the gap
between the two rows is what eventwatch's structure adds.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from eventwatch.config import Config
from eventwatch.extract._resources import cameo_codes, cameo_verbs, countries, trigger_lexicon
from eventwatch.nlp import load_model
from eventwatch.records import EventMention


@dataclass(frozen=True, slots=True)
class Coding:
    """One coder's answer for one sentence (None: nothing found)."""

    plover: str | None
    actor_country: str | None
    recipient_country: str | None


@dataclass(frozen=True, slots=True)
class PloverScores:
    coder: str
    split: str
    n_records: int
    plover_accuracy: float
    n_with_actor_country: int
    actor_country_accuracy: float
    n_with_recipient_country: int
    recipient_country_accuracy: float


def read_records(path: Path, split: str) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


def code_with_pipeline(cfg: Config) -> Callable[[dict[str, Any]], Coding]:
    """The whole eventwatch pipeline as a sentence coder."""
    from eventwatch.ingest import read_text
    from eventwatch.pipeline import analyse

    # The screen judges whole articles of a stream; a one-sentence record would rarely pass it, and every
    # record here is an event to code.
    sentence_cfg = replace(cfg, min_text_chars=1, screen_min_mentions=0)

    def code(record: dict[str, Any]) -> Coding:
        article = read_text(record["text"], record["id"], sentence_cfg, title=record["id"])
        mentions = analyse(article, sentence_cfg).event_mentions
        if not mentions:
            return Coding(None, None, None)
        gold_words = {w.lower() for w in (record.get("event_text") or "").split()}
        best = next((m for m in mentions if _trigger_text(article.text, m) in gold_words), mentions[0])
        return Coding(
            best.plover.value,
            best.actor1.country if best.actor1 else None,
            best.actor2.country if best.actor2 else None,
        )

    return code


def _trigger_text(text: str, mention: EventMention) -> str:
    return text[mention.trigger.start : mention.trigger.end].lower()


def code_with_keywords(cfg: Config) -> Callable[[dict[str, Any]], Coding]:
    """The keyword baseline described in the module docstring (spaCy is used for lemmas only)."""
    nlp = load_model(cfg.spacy_model, cfg.entity_recognizer)
    lexicon = {lemma: entry.plover for (lemma, _pos), entry in trigger_lexicon().items()}
    verbs, codes, names = cameo_verbs(), cameo_codes(), countries()

    def plover_of(lemma: str) -> str | None:
        if lemma in lexicon:
            return lexicon[lemma]
        code = codes.get(verbs.get(lemma, ""))
        return code.plover if code else None

    def code(record: dict[str, Any]) -> Coding:
        doc = nlp(record["text"])
        plover = next((p for t in doc if (p := plover_of(t.lemma_.lower()))), None)
        found: list[str] = []
        i = 0
        while i < len(doc):
            two = doc[i : i + 2].text.lower()
            if i + 1 < len(doc) and two in names:
                found.append(names[two])
                i += 2
                continue
            if doc[i].text.lower() in names:
                found.append(names[doc[i].text.lower()])
            i += 1
        return Coding(plover, found[0] if found else None, found[1] if len(found) > 1 else None)

    return code


def score(
    coder: str, split: str, records: Iterable[dict[str, Any]], code: Callable[[dict[str, Any]], Coding]
) -> PloverScores:
    n = right = n_actor = right_actor = n_recipient = right_recipient = 0
    for record in records:
        answer = code(record)
        n += 1
        right += answer.plover == record["event"]
        actor_countries = {a["country"] for a in record["actor"] if a.get("country")}
        recipient_countries = {a["country"] for a in record["recipient"] if a.get("country")}
        if actor_countries:
            n_actor += 1
            right_actor += answer.actor_country in actor_countries
        if recipient_countries:
            n_recipient += 1
            right_recipient += answer.recipient_country in recipient_countries
    return PloverScores(
        coder,
        split,
        n,
        right / n if n else 0.0,
        n_actor,
        right_actor / n_actor if n_actor else 0.0,
        n_recipient,
        right_recipient / n_recipient if n_recipient else 0.0,
    )


def evaluate(path: Path, split: str, cfg: Config) -> list[PloverScores]:
    """eventwatch and the keyword baseline on one split (``train``, ``dev``, ``test`` or ``all``)."""
    records = read_records(path, split)
    return [
        score("eventwatch", split, records, code_with_pipeline(cfg)),
        score("keyword baseline", split, records, code_with_keywords(cfg)),
    ]


def format_table(scores: list[PloverScores]) -> str:
    lines = [
        "| coder | split | records | PLOVER type | actor country | recipient country |",
        "|---|---|---|---|---|---|",
    ]
    for s in scores:
        lines.append(
            f"| {s.coder} | {s.split} | {s.n_records} | {s.plover_accuracy:.3f} | "
            f"{s.actor_country_accuracy:.3f} (n={s.n_with_actor_country}) | "
            f"{s.recipient_country_accuracy:.3f} (n={s.n_with_recipient_country}) |"
        )
    return "\n".join(lines)
