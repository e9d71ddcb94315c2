from __future__ import annotations

import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwatch.config import Config
from eventwatch.errors import InputError
from eventwatch.ingest.warc import read_warc
from eventwatch.records import Article

from .conftest import DATA

WARC = DATA / "warc"
PAGE_URL = "https://news.example.org/wiki/Farmers_block_highway_near_Riverton"


@pytest.mark.parametrize("name", ["sample.warc", "sample.warc.gz"])
def test_read_warc_yields_html_responses_with_target_uri(cfg: Config, name: str) -> None:
    results = list(read_warc((WARC / name).read_bytes(), name, cfg))
    assert all(isinstance(r, Article) for r in results)
    assert [r.url for r in results if isinstance(r, Article)] == [
        PAGE_URL,
        "https://news.example.org/wiki/Second_copy",
    ]


def test_read_warc_origin_names_record_offset(cfg: Config) -> None:
    first = next(read_warc((WARC / "sample.warc").read_bytes(), "s.warc", cfg))
    assert first.origin == "s.warc record at byte 665"


def test_read_warc_truncated_record_is_error_after_good_records(cfg: Config) -> None:
    results = list(read_warc((WARC / "truncated.warc").read_bytes(), "t.warc", cfg))
    assert isinstance(results[0], Article)
    assert isinstance(results[1], InputError)
    assert str(results[1]) == "ingest: t.warc record at byte 4150: truncated (declared 2699 B, read 556 B); skipped"


def test_read_warc_damaged_gzip_member_keeps_other_records(cfg: Config) -> None:
    results = list(read_warc((WARC / "misgzipped.warc.gz").read_bytes(), "m.warc.gz", cfg))
    errors = [r for r in results if isinstance(r, InputError)]
    assert len(errors) == 1 and "gzip member at compressed byte 515" in errors[0].reason
    assert [r.url for r in results if isinstance(r, Article)] == ["https://news.example.org/wiki/Second_copy"]


def test_read_warc_gzip_bomb_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bomb = tmp_path / "bomb.warc.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as out:
        out.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 50000000\r\n\r\n")
        for _ in range(50):
            out.write(b"\0" * 1_000_000)
    results = list(read_warc(bomb.read_bytes(), str(bomb), Config(max_decompressed_bytes=5_000_000)))
    assert isinstance(results[0], InputError) and "gzip bomb" in results[0].reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"WARC/1.0\r\n", "no WARC response records"),
        (b"hello world", "unreadable"),
        (gzip.compress(b"x")[:5], "gzip stream truncated"),
        (b"", "empty"),
    ],
)
def test_read_warc_rejects_non_warc(cfg: Config, data: bytes, reason: str) -> None:
    results = list(read_warc(data, "x.warc", cfg))
    assert len(results) == 1 and isinstance(results[0], InputError) and reason in results[0].reason


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048) | st.binary(max_size=1024).map(lambda b: b"WARC/1.0\r\n" + b))
def test_read_warc_gives_articles_or_input_errors(data: bytes) -> None:
    for result in read_warc(data, "fuzz.warc", Config()):
        assert isinstance(result, Article | InputError)
