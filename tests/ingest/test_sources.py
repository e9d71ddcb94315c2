from __future__ import annotations

import gzip
import io
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eventwatch.ingest as ingest
from eventwatch.config import Config
from eventwatch.errors import InputError
from eventwatch.ingest import SAMPLE_CORPUS, read_bytes, read_inputs
from eventwatch.records import Article

from .conftest import DATA, SEED

PAGE = DATA / "html" / "protest_page.html"


def _errors(results: list[Article | InputError]) -> list[InputError]:
    return [r for r in results if isinstance(r, InputError)]


def test_ingest_exports_public_api() -> None:
    for name in ingest.__all__:
        assert hasattr(ingest, name)
    assert {"read_inputs", "read_text", "read_html", "SAMPLE_CORPUS"} <= set(ingest.__all__)


def test_sample_corpus_is_bundled_with_licences() -> None:
    assert SAMPLE_CORPUS.is_file()
    assert (SAMPLE_CORPUS.parent / "SOURCE.md").is_file()
    assert (SAMPLE_CORPUS.parent / "licences" / "CC-BY-2.5.txt").is_file()


def test_read_inputs_same_input_gives_same_ids(cfg: Config) -> None:
    first = [a.id for a in read_inputs([str(SAMPLE_CORPUS)], cfg) if isinstance(a, Article)]
    second = [a.id for a in read_inputs([str(SAMPLE_CORPUS)], cfg) if isinstance(a, Article)]
    assert first == second and len(first) == 150


def test_read_inputs_walks_directory_sorted_and_skips_non_inputs(tmp_path: Path, cfg: Config) -> None:
    (tmp_path / "b").mkdir()
    shutil.copy(SEED, tmp_path / "b" / "z.txt")
    shutil.copy(PAGE, tmp_path / "a.html")
    (tmp_path / "README.md").write_text("not an input")
    results = list(read_inputs([str(tmp_path)], cfg))
    assert [Path(r.origin).name for r in results] == ["a.html", "z.txt"]


def test_read_inputs_expands_globs(tmp_path: Path, cfg: Config) -> None:
    shutil.copy(SEED, tmp_path / "one.txt")
    shutil.copy(SEED, tmp_path / "two.txt")
    results = list(read_inputs([str(tmp_path / "*.txt"), str(tmp_path / "*.none")], cfg))
    assert [type(r).__name__ for r in results] == ["Article", "Article", "InputError"]


def test_read_inputs_reports_missing_path(cfg: Config) -> None:
    [error] = read_inputs(["/nonexistent/file.txt"], cfg)
    assert isinstance(error, InputError) and error.reason == "no such file or directory"


def test_read_inputs_reads_stdin(monkeypatch: pytest.MonkeyPatch, cfg: Config) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    [article] = read_inputs(["-"], cfg)
    assert isinstance(article, Article) and article.origin == "<stdin>"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("whitespace.txt", "empty file"),
        ("binary.txt", "binary"),
        ("short.txt", "too short"),
    ],
)
def test_read_inputs_rejects_bad_text_files(cfg: Config, name: str, reason: str) -> None:
    [error] = read_inputs([str(DATA / "text" / name)], cfg)
    assert isinstance(error, InputError) and reason in error.reason


@pytest.mark.parametrize(
    "name", ["latin1.txt", "cp1252.txt", "utf16le_bom.txt", "utf16le_nobom.txt", "utf16be_nobom.txt"]
)
def test_read_inputs_accepts_legacy_encodings(cfg: Config, name: str) -> None:
    [article] = read_inputs([str(DATA / "text" / name)], cfg)
    assert isinstance(article, Article) and "Río Blanco" in article.text and article.published == "2021-03-16"


def test_read_inputs_refuses_oversized_file_before_reading(cfg: Config) -> None:
    [error] = read_inputs([str(PAGE)], Config(max_input_bytes=1000))
    assert isinstance(error, InputError) and "over the 1000 B limit" in error.reason


def test_read_inputs_reads_gzipped_html(tmp_path: Path, cfg: Config) -> None:
    target = tmp_path / "page.html.gz"
    target.write_bytes(gzip.compress(PAGE.read_bytes()))
    [article] = read_inputs([str(target)], cfg)
    assert isinstance(article, Article) and article.title.startswith("Farmers block highway")


def test_read_inputs_refuses_gzip_bomb(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as out:
        out.write(b"<html><body><p>")
        for _ in range(20):
            out.write(b" " * 1_000_000)
    [error] = read_inputs([str(bomb)], Config(max_decompressed_bytes=2_000_000))
    assert isinstance(error, InputError) and "gzip bomb" in error.reason


def test_read_inputs_reads_plain_file_named_gz(tmp_path: Path, cfg: Config) -> None:
    target = tmp_path / "page.html.gz"
    shutil.copy(PAGE, target)
    [article] = read_inputs([str(target)], cfg)
    assert isinstance(article, Article)


def test_read_inputs_rejects_deep_html_file(tmp_path: Path, cfg: Config) -> None:
    deep = tmp_path / "deep.html"
    deep.write_bytes(b"<html><body>" + b"<div>" * 10_000 + b"x" + b"</div>" * 10_000)
    [error] = read_inputs([str(deep)], cfg)
    assert isinstance(error, InputError) and "nested deeper" in error.reason


def test_read_inputs_batch_goes_on_after_errors(cfg: Config) -> None:
    results = list(read_inputs([str(DATA)], cfg))
    articles = [r for r in results if isinstance(r, Article)]
    assert len(articles) == 15 and len(_errors(results)) == 11


@pytest.mark.parametrize("name", ["x.txt", "x.html", "x.jsonl", "x.warc", "x.warc.gz", "x.html.gz", "x"])
@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=2048))
def test_read_bytes_gives_articles_or_input_errors(name: str, data: bytes) -> None:
    for result in read_bytes(data, name, Config(), name=name):
        assert isinstance(result, Article | InputError)
