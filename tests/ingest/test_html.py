from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwatch.config import Config
from eventwatch.errors import InputError
from eventwatch.ingest import read_html
from eventwatch.ingest.html import html_depth

from .conftest import DATA

PAGE = (DATA / "html" / "protest_page.html").read_bytes()


def test_read_html_extracts_body_without_boilerplate(cfg: Config) -> None:
    article = read_html(PAGE, "page.html", cfg)
    assert article.text.startswith("Sunday, March 14, 2021\n\nSeveral hundred farmers blocked")
    assert article.text.endswith("according to local media.")
    for residue in ("Share this article", "Storm damages bridges", "last edited", "Random article"):
        assert residue not in article.text


def test_read_html_reads_metadata(cfg: Config) -> None:
    article = read_html(PAGE, "page.html", cfg)
    assert article.title == "Farmers block highway near Riverton in protest over water rights"
    assert article.published == "2021-03-14"
    assert article.outlet == "Fixture News"
    assert article.url == "https://news.example.org/wiki/Farmers_block_highway_near_Riverton"
    assert article.language == "en"


def test_read_html_given_url_wins(cfg: Config) -> None:
    article = read_html(PAGE, "page.html", cfg, url="https://mirror.example.net/copy?utm_medium=x")
    assert article.url == "https://mirror.example.net/copy"


def test_read_html_paragraphs_are_blank_line_separated(cfg: Config) -> None:
    assert len(read_html(PAGE, "page.html", cfg).text.split("\n\n")) == 6


def test_read_html_accepts_malformed_markup(cfg: Config) -> None:
    broken = b"<html><body><div><p>" + b"Protesters gathered in the square on Sunday and marched to the ministry. " * 3
    assert read_html(broken, "broken.html", cfg).text.startswith("Protesters gathered")


@pytest.mark.parametrize(
    "data",
    [
        b"<html><head><title>x</title></head><body></body></html>",
        b"<html><body><nav>Home</nav></body></html>",
    ],
)
def test_read_html_rejects_page_without_body_text(cfg: Config, data: bytes) -> None:
    with pytest.raises(InputError):
        read_html(data, "empty.html", cfg)


def test_read_html_rejects_deep_nesting_before_parsing(cfg: Config) -> None:
    deep = b"<html><body>" + b"<div>" * 10_000 + b"text" + b"</div>" * 10_000 + b"</body></html>"
    with pytest.raises(InputError, match="nested deeper than 800"):
        read_html(deep, "deep.html", cfg)


def test_read_html_rejects_oversized_page() -> None:
    with pytest.raises(InputError, match="over the 100 B limit"):
        read_html(PAGE, "page.html", Config(max_input_bytes=100))


@pytest.mark.parametrize(
    ("data", "depth"),
    [
        (b"<div><p>a<p>b<p>c</div>", 2),  # unclosed <p> are siblings
        (b"<ul>" + b"<li>x" * 5000 + b"</ul>", 2),
        (b"<div><br><img src=x><span/></div>", 1),
        (b"<script>" + b"<div>" * 50 + b"</script><div></div>", 1),
        (b"<!-- <div><div><div> --><div>", 1),
        (b"<div><div><span></div></div>", 3),
    ],
)
def test_html_depth_counts_nesting(data: bytes, depth: int) -> None:
    assert html_depth(data, 800) == depth


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4096) | st.text(max_size=2000).map(lambda t: f"<html><body><p>{t}</p>".encode()))
def test_read_html_gives_article_or_input_error(data: bytes) -> None:
    with contextlib.suppress(InputError):
        read_html(data, "fuzz.html", Config())
