"""Property tests (issue 10 item 2), hypothesis ``ci`` profile: any bytes into each parser give articles or input
errors and nothing else; every evidence offset of real pipeline output slices to its text.

(Export then import gives the same records: ``tests/export/test_records_json.py``.)
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwatch import pipeline
from eventwatch.config import load_config
from eventwatch.errors import InputError
from eventwatch.ingest import read_bytes, read_html, read_text
from eventwatch.ingest.jsonl import read_jsonl
from eventwatch.ingest.warc import read_warc
from eventwatch.records import Analysis, Article, Span
from tests.conftest import REPO, TEST_DATA

CFG = load_config()
HOSTILE = TEST_DATA / "hostile"
# Real inputs of every format to mutate: hypothesis reaches deep parser states from these faster than from noise.
SEEDS = (
    *(
        (HOSTILE / name).read_bytes()
        for name in ("good-corpus-00.jsonl", "good-corpus-01.txt", "good-corpus-02.html", "bad-truncated-warc-00.warc")
    ),
    (TEST_DATA / "ingest" / "warc" / "sample.warc").read_bytes(),
    gzip.compress(b"WARC/1.0\r\n", mtime=0),
)


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    """A real input cut, spliced with noise, or with bytes overwritten."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(("cut", "insert", "overwrite")))
        noise = draw(st.binary(min_size=1, max_size=16))
        if op == "cut":
            del data[at:]
        elif op == "insert":
            data[at:at] = noise
        else:
            data[at : at + len(noise)] = noise
    return bytes(data)


_ANY_BYTES = st.binary(max_size=2048) | _mutated()
_NAMES = st.sampled_from(("x.txt", "x.html", "x.jsonl", "x.warc", "x.warc.gz", "x.gz", "x"))


def _check(items: Iterator[Article | InputError]) -> None:
    for item in items:
        assert isinstance(item, Article | InputError), type(item)
        if isinstance(item, Article):
            assert CFG.min_text_chars <= len(item.text.strip()) and len(item.text) <= CFG.max_text_chars
            assert "\x00" not in item.text
            item.text.encode("utf-8")  # storable: no unpaired surrogates


@given(_ANY_BYTES, _NAMES)
def test_property_read_bytes_gives_articles_or_input_errors(data: bytes, name: str) -> None:
    _check(read_bytes(data, "fuzz", CFG, name=name))


@given(_ANY_BYTES)
def test_property_read_jsonl_gives_articles_or_input_errors(data: bytes) -> None:
    _check(read_jsonl(data, "fuzz.jsonl", CFG))


@given(_ANY_BYTES)
def test_property_read_warc_gives_articles_or_input_errors(data: bytes) -> None:
    _check(read_warc(data, "fuzz.warc", CFG))


def _one(call: object) -> Iterator[Article | InputError]:
    try:
        yield call()  # type: ignore[operator]
    except InputError as exc:
        yield exc


@given(_ANY_BYTES)
def test_property_read_html_gives_an_article_or_an_input_error(data: bytes) -> None:
    _check(_one(lambda: read_html(data, "fuzz.html", CFG)))


@given(st.text(max_size=2048) | _mutated().map(lambda b: b.decode("utf-8", "surrogateescape")))
def test_property_read_text_gives_an_article_or_an_input_error(text: str) -> None:
    _check(_one(lambda: read_text(text, "fuzz.txt", CFG)))


# Generated articles for the offset property: real corpus sentences, shuffled and joined with odd separators,
# so spans land after multi-byte characters, blank lines and stray punctuation.
_SENTENCES = tuple(
    s.strip() + "."
    for line in (REPO / "src" / "eventwatch" / "data" / "corpus" / "articles.jsonl")
    .read_text("utf-8")
    .splitlines()[:40]
    for s in json.loads(line)["text"].split(". ")
    if 40 < len(s) < 300
)
_GLUE = st.sampled_from((" ", "\n\n", " — ", "\n\n“", "” ", " (é) ", "\t", "\n\n– "))


@st.composite
def _article_text(draw: st.DrawFn) -> str:
    picked = draw(st.lists(st.sampled_from(_SENTENCES), min_size=2, max_size=6))
    return "".join(s + draw(_GLUE) for s in picked)


def _surfaces(analysis: Analysis) -> Iterator[tuple[str, Span, str | None]]:
    """(what, span, the surface string the record keeps for it, or None where it keeps none)."""
    for sent in analysis.parsed.sentences:
        yield "sentence", sent.span, None
    for place in analysis.places:
        if place.span:
            yield "place", place.span, place.name
    for m in analysis.event_mentions:
        yield "trigger", m.trigger, None
        yield from (("evidence", e, None) for e in m.evidence)
        yield from (("actor", a.span, a.text) for a in (m.actor1, m.actor2) if a and a.span)
        yield from (("casualties", c.span, None) for c in m.casualties)
        yield from (("location", p.span, p.name) for p in m.locations if p.span)
        for claim in m.claims:
            yield "claim evidence", claim.evidence, None
            if claim.cue_span:
                yield "cue", claim.cue_span, claim.cue
            sources = [claim.source]
            while sources:
                source = sources.pop()
                if source.span:
                    yield "source", source.span, source.text
                sources.extend(source.via)


@settings(max_examples=15)  # each example runs the whole pipeline: a few seconds in all
@given(_article_text())
def test_property_every_evidence_offset_slices_to_its_text(text: str) -> None:
    try:
        article = read_text(text, "generated", CFG)
    except InputError:
        pytest.fail("generated article rejected")
    analysis = pipeline.analyse(article, CFG)
    body = analysis.article.text
    for what, span, surface in _surfaces(analysis):
        assert span.end <= len(body), what
        if surface is not None:
            assert body[span.start : span.end] == surface, what
        elif what != "sentence":
            assert body[span.start : span.end].strip(), what  # evidence is never an empty slice
