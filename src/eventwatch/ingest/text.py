"""Plain text to :class:`Article`: residue removal, headline and dateline, length limits, content ids."""

from __future__ import annotations

import logging
import re
from datetime import datetime

from eventwatch.config import Config
from eventwatch.errors import InputError
from eventwatch.ingest.identity import article_id, canonical_url, content_hash, normalize_text
from eventwatch.ingest.residue import clean_text, is_date_line
from eventwatch.records import Article

__all__ = ["read_text"]

log = logging.getLogger(__name__)

_DATE_FORMATS = (
    *("%A, %B %d, %Y", "%B %d, %Y", "%A, %d %B %Y", "%d %B %Y"),
    *("%A, %b %d, %Y", "%b %d, %Y", "%d %b %Y", "%Y-%m-%d"),
)
# C0 controls other than tab, newline and the vertical breaks (read as newlines), and DEL: no article means
# them, PostgreSQL refuses NUL in text, and they make exports unreadable. Unpaired surrogates (JSON "\\ud800"
# escapes) cannot be encoded as UTF-8 at all.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# A dateline sits in the first lines of a story (Wikinews puts it first; some pages put it under a kicker).
_DATELINE_LINES = 3


def _dateline(text: str) -> str | None:
    """ISO date of a date-only line among the first lines of ``text``, if any."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()][:_DATELINE_LINES]
    for line in lines:
        if not is_date_line(line):
            continue
        cleaned = line.replace(".", "").replace("Sept ", "Sep ")
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(cleaned, fmt).date().isoformat()
            except ValueError:
                continue
    return None


def _sanitize(text: str) -> str:
    """``text`` without control characters, unpaired surrogates replaced by U+FFFD (storable everywhere)."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text)).replace("\x0b", "\n").replace("\x0c", "\n")


def _clean_field(value: str | None) -> str | None:
    if value is None:
        return None
    value = normalize_text(_sanitize(value))
    return value or None


def read_text(
    text: str,
    origin: str,
    cfg: Config,
    *,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    ext_id: str | None = None,
    language: str | None = None,
) -> Article:
    """Build an :class:`Article` from plain article text.

    Page residue is removed (``Article.removed_residue`` keeps the lines); with no ``title``, a headline-like
    first line becomes the title; with no ``published``, a date-only dateline among the first lines gives it.
    ``url`` is stored canonical. Raises :class:`InputError` naming ``origin`` when the cleaned body is shorter
    than ``cfg.min_text_chars`` or longer than ``cfg.max_text_chars``.
    """
    text = _sanitize(text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    title = _clean_field(title)
    cleaned = clean_text(text, title=title, take_title=title is None)
    body = cleaned.text
    if len(body.strip()) < cfg.min_text_chars:
        residue = f" after removing {len(cleaned.removed)} residue lines" if cleaned.removed else ""
        raise InputError(origin, f"body too short ({len(body.strip())} chars < {cfg.min_text_chars}){residue}")
    if len(body) > cfg.max_text_chars:
        raise InputError(origin, f"body too long ({len(body)} chars > {cfg.max_text_chars})")
    url = canonical_url(_sanitize(url)) if url and url.strip() else None
    if published is None:
        published = _dateline(body)
    if cleaned.removed:
        log.debug("%s: removed %d residue lines", origin, len(cleaned.removed))
    return Article(
        id=article_id(url, body),
        content_hash=content_hash(body),
        text=body,
        title=_clean_field(cleaned.title),
        url=url,
        published=_clean_field(published),
        outlet=_clean_field(outlet),
        ext_id=_clean_field(ext_id),
        origin=origin,
        language=_clean_field(language),
        removed_residue=cleaned.removed,
    )
