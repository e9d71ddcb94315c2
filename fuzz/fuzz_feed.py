"""Fuzz ``eventwatch.watch.feed_links`` and ``looks_like_feed``: feeds from servers watch does not control.

Property: a tuple of absolute http(s) links, at most ``max_items``, or an ``InputError``.
Run: ``python fuzz/fuzz_feed.py fuzz/corpus/feed -max_total_time=600``
"""

from __future__ import annotations

from urllib.parse import urlsplit

import atheris

# feedparser is instrumented too: its encoding and parser fallbacks are where hostile feeds go wrong.
with atheris.instrument_imports(include=["eventwatch", "feedparser"]):
    from eventwatch.errors import InputError
    from eventwatch.watch.feeds import feed_links, looks_like_feed

from _harness import fuzz

MAX_ITEMS = 20


def one_input(data: bytes) -> None:
    looks_like_feed("application/xml", data)
    try:
        links = feed_links(data, "https://news.example.org/feed.xml", "application/rss+xml", MAX_ITEMS)
    except InputError:
        return
    if len(links) > MAX_ITEMS or len(set(links)) != len(links):
        raise AssertionError(f"{len(links)} links, duplicates or over {MAX_ITEMS}")
    for link in links:
        if urlsplit(link).scheme not in ("http", "https"):
            raise AssertionError(f"non-http link {link!r}")


if __name__ == "__main__":
    fuzz(one_input)
