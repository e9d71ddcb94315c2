"""Feed detection and item links: RSS, Atom, relative links, broken and non-feed bodies."""

from __future__ import annotations

import pytest

from eventwatch.errors import InputError
from eventwatch.watch import feed_links, looks_like_feed
from tests.watch._server import rss

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:x</id><updated>2026-11-25T00:00:00Z</updated>
<entry><title>One</title><id>urn:1</id><link rel="alternate" href="https://news.example.org/one"/></entry>
<entry><title>Two</title><id>urn:2</id><link href="/two"/></entry>
</feed>"""


def test_feed_links_reads_rss_items_in_order_resolving_relative_links() -> None:
    body = rss([("a", "/2026/a.html"), ("b", "https://other.example.org/b#comments"), ("a again", "/2026/a.html")])
    assert feed_links(body, "https://news.example.org/feed.xml", "application/rss+xml", 100) == (
        "https://news.example.org/2026/a.html",
        "https://other.example.org/b",
    )


def test_feed_links_reads_atom_entries() -> None:
    assert feed_links(ATOM, "https://news.example.org/atom", "application/atom+xml", 100) == (
        "https://news.example.org/one",
        "https://news.example.org/two",
    )


def test_feed_links_keeps_at_most_max_items() -> None:
    body = rss([(str(n), f"/{n}") for n in range(10)])
    assert len(feed_links(body, "http://h/feed", "application/rss+xml", 3)) == 3


def test_feed_links_drops_non_http_links() -> None:
    body = rss([("mail", "mailto:desk@example.org"), ("js", "javascript:alert(1)"), ("ok", "/ok")])
    assert feed_links(body, "http://h/feed", "application/rss+xml", 10) == ("http://h/ok",)


@pytest.mark.parametrize(
    "body",
    [
        b'<?xml version="1.0"?><rss><channel><<<>>>&&&',
        b"\x00\xff\xfe" * 50,
        b"plain words, not a feed at all",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
        b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
        b'<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>'
        b"<rss><channel><title>&h;</title></channel></rss>",
    ],
    ids=["invalid-xml", "binary", "text", "billion-laughs"],
)
def test_feed_links_refuses_a_body_that_is_not_a_feed(body: bytes) -> None:
    with pytest.raises(InputError, match="http://h/feed: not"):
        feed_links(body, "http://h/feed", "application/xml", 10)


def test_feed_links_keeps_the_items_of_a_feed_with_a_recoverable_error() -> None:
    body = b'<rss version="2.0"><channel><title>x</title><item><link>http://h/1</link></item>'  # unclosed
    assert feed_links(body, "http://h/feed", "application/rss+xml", 10) == ("http://h/1",)


@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        ("application/rss+xml", b"anything", True),
        ("application/atom+xml", b"", True),
        ("application/xml", b'<?xml version="1.0"?>\n<!-- c --><rss version="2.0">', True),
        ("text/xml", b"<feed xmlns='http://www.w3.org/2005/Atom'>", True),
        ("", b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', True),
        ("text/html", b"<rss>", False),
        ("application/xml", b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><p>feed', False),
        ("", b"<!DOCTYPE html><html><body><p>The <feed> tag", False),
        ("image/png", b"\x89PNG", False),
    ],
)
def test_looks_like_feed(content_type: str, body: bytes, expected: bool) -> None:
    assert looks_like_feed(content_type, body) is expected


def test_feed_links_turns_a_feedparser_decoding_crash_into_an_input_error() -> None:
    # Found by fuzz/fuzz_feed.py: feedparser 6.0.14 raised UnicodeDecodeError for a non-UTF-8 encoding name.
    body = b'<?xml version="1.0" encoding="\xff\xffutf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>'
    with pytest.raises(InputError, match=r"not a valid feed \(UnicodeDecodeError"):
        feed_links(body, "http://h/feed", "application/atom+xml", 10)
