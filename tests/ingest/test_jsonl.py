from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwatch.config import Config
from eventwatch.errors import InputError
from eventwatch.ingest import SAMPLE_CORPUS
from eventwatch.ingest.jsonl import read_jsonl
from eventwatch.records import Article

from .conftest import DATA

MIXED = DATA / "jsonl" / "mixed.jsonl"


def test_read_jsonl_bad_lines_name_path_and_line(cfg: Config) -> None:
    results = list(read_jsonl(MIXED.read_bytes(), str(MIXED), cfg))
    errors = {e.origin.rsplit(":", 1)[1]: e.reason for e in results if isinstance(e, InputError)}
    assert errors == {
        "2": errors["2"], "3": "no 'text' field", "4": "'text' is int, not a string",
        "5": "expected a JSON object, got list", "7": "invalid UTF-8 at byte 31",
    }  # fmt: skip
    assert errors["2"].startswith("invalid JSON")


def test_read_jsonl_goes_on_after_bad_lines(cfg: Config) -> None:
    articles = [a for a in read_jsonl(MIXED.read_bytes(), str(MIXED), cfg) if isinstance(a, Article)]
    assert [a.ext_id for a in articles] == ["fx-1", "fx-2"]
    assert articles[1].origin == f"{MIXED}:8"
    assert articles[0].outlet == "Fixture News" and articles[0].published == "2021-03-16"


def test_read_jsonl_rejects_wrong_typed_metadata(cfg: Config) -> None:
    line = json.dumps({"id": 7, "text": "A long enough body text for one article, with a full stop."})
    [result] = read_jsonl(line.encode(), "x.jsonl", cfg)
    assert isinstance(result, InputError) and "'id' is int" in result.reason


def test_read_jsonl_reads_utf16_file(cfg: Config) -> None:
    line = json.dumps(
        {"id": "u", "text": "Des manifestants ont défilé à Paris samedi, selon la police."},
        ensure_ascii=False,
    )
    [article] = read_jsonl(line.encode("utf-16"), "x.jsonl", cfg)
    assert isinstance(article, Article) and "défilé" in article.text


def test_read_jsonl_sample_corpus_reads_every_record(cfg: Config) -> None:
    results = list(read_jsonl(SAMPLE_CORPUS.read_bytes(), str(SAMPLE_CORPUS), cfg))
    assert len(results) == 150
    assert all(isinstance(r, Article) for r in results)
    assert len({r.id for r in results if isinstance(r, Article)}) == 150


@settings(max_examples=200, deadline=None)
@given(
    st.binary(max_size=2048)
    | st.lists(
        st.dictionaries(
            st.sampled_from(["id", "text", "url", "title"]), st.none() | st.integers() | st.text(max_size=200)
        )
    ).map(lambda ds: "\n".join(map(json.dumps, ds)).encode())
)
def test_read_jsonl_gives_articles_or_input_errors(data: bytes) -> None:
    for result in read_jsonl(data, "fuzz.jsonl", Config()):
        assert isinstance(result, Article | InputError)
