"""RSS and Atom feeds to the article links they list, with feedparser (which never fetches by itself here).

feedparser gets the bytes wrapped in a stream: given a ``str`` it would fetch URLs and open file paths itself,
outside our robots.txt, pacing and size rules. Its XML parser does not load external entities, and expat
(>= 2.4.1) refuses billion-laughs entity expansion.
"""

from __future__ import annotations

import io
import logging
import re
from urllib.parse import urljoin, urlsplit

import feedparser

from eventwatch.errors import InputError

__all__ = ["feed_links", "looks_like_feed"]

log = logging.getLogger(__name__)

_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"})
_XML_TYPES = frozenset({"application/xml", "text/xml"})
# The root element after an XML declaration, comments and processing instructions.
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(!doctype html|html)[\s>]", re.IGNORECASE)
_SNIFF_BYTES = 2048


def looks_like_feed(content_type: str, body: bytes) -> bool:
    """Whether a response is a feed: a feed media type, or XML/unknown whose root element is rss, feed or RDF."""
    if content_type in _FEED_TYPES:
        return True
    if content_type and content_type not in _XML_TYPES and not content_type.startswith("text/plain"):
        return False  # text/html and everything else is a page
    head = body[:_SNIFF_BYTES]
    return _FEED_ROOT.search(head) is not None and _HTML_ROOT.search(head) is None


def feed_links(body: bytes, feed_url: str, content_type: str, max_items: int) -> tuple[str, ...]:
    """The http(s) links of a feed's items, absolute, each once, in feed order, at most ``max_items``.

    Raises :class:`InputError` naming ``feed_url`` when the body is not a feed (feedparser finds no feed
    element and no item). A feed with a recoverable XML error and items still gives its items.
    """
    try:
        parsed = feedparser.parse(
            io.BytesIO(body),
            response_headers={"content-type": content_type or "application/xml", "content-location": feed_url},
            resolve_relative_uris=False,
            sanitize_html=False,
        )
    except (ValueError, LookupError) as exc:
        # feedparser 6.0.14 lets some errors out instead of setting ``bozo``: a non-UTF-8 byte inside the XML
        # declaration's encoding name raises UnicodeDecodeError in encodings.convert_to_utf8 (found by
        # fuzz/fuzz_feed.py; input kept in fuzz/regressions/feed/).
        raise InputError(feed_url, f"not a valid feed ({type(exc).__name__}: {exc})") from exc
    entries = parsed.get("entries") or []
    if parsed.get("bozo") and not entries:
        problem = parsed.get("bozo_exception")
        raise InputError(feed_url, f"not a valid feed ({type(problem).__name__}: {problem})")
    if not entries and not parsed.get("version"):
        raise InputError(feed_url, "not an RSS or Atom feed")
    if parsed.get("bozo"):
        log.info("%s: feed has XML errors (%s); its %d items are used", feed_url, parsed.get("bozo_exception"),
                 len(entries))  # fmt: skip
    links: dict[str, None] = {}
    for entry in entries:
        link = entry.get("link")
        if not isinstance(link, str) or not link.strip():
            continue
        absolute = urljoin(feed_url, link.strip())
        if urlsplit(absolute).scheme in ("http", "https"):
            links.setdefault(absolute.split("#", 1)[0])
        if len(links) >= max_items:
            break
    return tuple(links)
