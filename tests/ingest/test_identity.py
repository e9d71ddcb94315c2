from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwatch.ingest import article_id, canonical_url, content_hash, normalize_text


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://News.Example.ORG/a/b/", "https://news.example.org/a/b"),
        ("https://example.org/a?utm_source=x&utm_medium=y&id=3#frag", "https://example.org/a?id=3"),
        ("https://example.org/a?b=2&a=1&fbclid=zz&gclid=q", "https://example.org/a?a=1&b=2"),
        ("https://example.org:443/", "https://example.org/"),
        ("http://example.org:8080", "http://example.org:8080/"),
        ("https://example.org", "https://example.org/"),
        ("  https://example.org/x  ", "https://example.org/x"),
        ("not a url", "not a url"),
        ("http://[::1", "http://[::1"),
    ],
)
def test_canonical_url_normalises(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_canonical_url_is_idempotent_on_examples() -> None:
    url = "HTTP://Example.org/Path/?utm_campaign=a&q=1#x"
    assert canonical_url(canonical_url(url)) == canonical_url(url)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a  b\n\nc\t", "a b c"), ("Cafe\u0301", "Café"), ("  ", "")],
)
def test_normalize_text_collapses_whitespace_and_composes(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


def test_content_hash_ignores_whitespace_layout() -> None:
    assert content_hash("One  two\n\nthree") == content_hash("One two three")
    assert len(content_hash("x")) == 32


def test_article_id_depends_on_canonical_url_and_text() -> None:
    text = "Body of the article."
    assert article_id("https://Example.org/a/?utm_source=rss", text) == article_id("https://example.org/a", text)
    assert article_id("https://example.org/a", text) != article_id("https://example.org/b", text)
    assert article_id(None, text) != article_id(None, text + " More.")
    assert len(article_id(None, text)) == 16


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_canonical_url_never_raises_and_is_idempotent(url: str) -> None:
    once = canonical_url(url)
    assert canonical_url(once) == once
