"""Content-derived identity: canonical URLs, normalized text, content hashes and article ids.

Ids derive from content only, so ingesting the same input twice gives the same ids (re-ingest is a no-op in
the store) and the same text found under two URLs shares one ``content_hash``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["article_id", "canonical_url", "content_hash", "normalize_text"]

# Query parameters that identify a campaign or a click, never the page (Google Analytics utm_*, Facebook,
# Google Ads, Microsoft Ads, Mailchimp, HubSpot, Instagram, Yandex).
_TRACKING_PREFIXES = ("utm_", "mc_", "_hs", "hsa_")
_TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "igshid",
        "yclid",
        "ref_src",
        "_ga",
        "mkt_tok",
    }
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SPACE = re.compile(r"\s+")


def canonical_url(url: str) -> str:
    """Return ``url`` in one spelling per page.

    Lowercases scheme and host, drops the default port, the fragment and tracking parameters (``utm_*``,
    ``fbclid``, ...), sorts the remaining query parameters, and removes a trailing slash from non-root paths
    (``/a/b/`` and ``/a/b`` are one page on news sites). The root path is always ``/``. Strings that are not
    absolute URLs come back stripped and otherwise unchanged.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # "http://[::1" or a non-numeric port: not a URL we can normalise
        return url
    scheme = parts.scheme.lower()
    if not scheme or not parts.netloc:
        return url
    host = (parts.hostname or "").rstrip(".")
    if port is not None and _DEFAULT_PORTS.get(scheme) != port:
        host = f"{host}:{port}"
    if parts.username or parts.password:
        host = f"{parts.username or ''}{':' + parts.password if parts.password else ''}@{host}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in _TRACKING_PARAMS and not k.lower().startswith(_TRACKING_PREFIXES)
    ]
    return urlunsplit((scheme, host, path, urlencode(sorted(query)), ""))


def normalize_text(text: str) -> str:
    """NFC-normalise ``text`` and collapse every run of whitespace to one space, stripped at both ends."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    """First 32 hex digits of the SHA-256 of :func:`normalize_text` of ``text``."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:32]


def article_id(url: str | None, text: str) -> str:
    """First 16 hex digits of the SHA-256 of the canonical URL and the normalized text.

    An article without a URL is identified by its text alone, so a file and a JSONL record carrying the same
    body without URLs share an id.
    """
    key = (canonical_url(url) if url else "") + "\n" + normalize_text(text)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
