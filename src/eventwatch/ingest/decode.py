"""Bytes to text: byte-order marks, BOM-less UTF-16, UTF-8, a declared charset, then cp1252.

Undeclared legacy encodings are decoded, not rejected: news archives are full of Latin-1 and cp1252 files.
Only content that decodes to implausible text (control characters, NULs, replacement characters) is refused,
because that is a binary file (image, archive, executable) under a text name.
"""

from __future__ import annotations

import codecs
import logging
import re

from eventwatch.errors import InputError

__all__ = ["declared_charset", "decode_bytes"]

log = logging.getLogger(__name__)

_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Share of implausible characters above which decoded text is taken for binary. Real text has none; 1% leaves
# room for a stray form feed or an odd control character in scraped pages.
_MAX_BAD_SHARE = 0.01
# BOM-less UTF-16 of mostly-Latin text has a NUL in every other byte; 30% leaves room for CJK or Cyrillic.
_UTF16_NUL_SHARE = 0.3
_SNIFF_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")


def _bad_share(text: str) -> float:
    return len(_BAD_CHARS.findall(text)) / max(len(text), 1)


def _utf16_without_bom(sample: bytes) -> str | None:
    half = len(sample) // 2
    if half < 2:
        return None
    even_nuls = sample[0::2].count(0) / half
    odd_nuls = sample[1::2].count(0) / half
    if odd_nuls >= _UTF16_NUL_SHARE and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls >= _UTF16_NUL_SHARE and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its start, if Python knows the codec."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(data: bytes, origin: str, *, declared: str | None = None) -> str:
    """Decode ``data`` to text and return it.

    Order: byte-order mark; BOM-less UTF-16 (NUL in every other byte); strict UTF-8; ``declared`` (an HTTP
    or ``<meta>`` charset); cp1252 (a superset of Latin-1's printable range). The first candidate that decodes
    strictly to plausible text wins. Raises :class:`InputError` for empty input and for binary content.
    """
    if not data.strip():
        raise InputError(origin, "empty (no text)")
    candidates: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            data = data[len(bom) :]
            candidates.append(encoding)
            break
    else:
        utf16 = _utf16_without_bom(data[:_SNIFF_BYTES])
        if utf16:
            candidates.append(utf16)
        candidates.append("utf-8")
        if declared:
            candidates.append(declared)
        candidates.append("cp1252")
    for encoding in dict.fromkeys(candidates):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _bad_share(text) <= _MAX_BAD_SHARE:
            if encoding not in ("utf-8", "ascii"):
                log.debug("%s: decoded as %s", origin, encoding)
            return text
    raise InputError(origin, f"binary or undecodable content (tried {', '.join(dict.fromkeys(candidates))})")
