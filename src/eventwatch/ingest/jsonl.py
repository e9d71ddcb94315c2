"""JSON Lines to :class:`Article`: one object per line with ``id, url, title, published, outlet, text``.

A bad line is one :class:`InputError` naming ``path:line``; the rest of the file goes on. Extra fields
(``licence``, ``attribution``, ...) are ignored.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator

from eventwatch.config import Config
from eventwatch.errors import InputError
from eventwatch.ingest.decode import decode_bytes
from eventwatch.ingest.text import read_text
from eventwatch.records import Article

__all__ = ["read_jsonl"]

_META_FIELDS = ("id", "url", "title", "published", "outlet")
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def _article(line: bytes, origin: str, cfg: Config) -> Article:
    try:
        raw = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(origin, f"invalid UTF-8 at byte {exc.start}") from exc
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(origin, f"invalid JSON ({exc.msg} at column {exc.colno})") from exc
    except RecursionError as exc:  # "[[[[...": json recurses per nesting level
        raise InputError(origin, "invalid JSON (nested too deeply)") from exc
    if not isinstance(record, dict):
        raise InputError(origin, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise InputError(origin, "no 'text' field")
    if not isinstance(text, str):
        raise InputError(origin, f"'text' is {type(text).__name__}, not a string")
    meta: dict[str, str | None] = {}
    for name in _META_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(origin, f"{name!r} is {type(value).__name__}, not a string or null")
        meta[name] = value
    return read_text(
        text, origin, cfg, title=meta["title"], url=meta["url"], published=meta["published"],
        outlet=meta["outlet"], ext_id=meta["id"],
    )  # fmt: skip


def read_jsonl(data: bytes, origin: str, cfg: Config) -> Iterator[Article | InputError]:
    """Yield an :class:`Article` or an :class:`InputError` (origin ``origin:line``) per non-blank line.

    Lines are UTF-8 (a UTF-8 BOM is ignored); a file with a UTF-16/32 byte-order mark is decoded whole first.
    """
    if data.startswith(_WIDE_BOMS):
        try:
            data = decode_bytes(data, origin).encode("utf-8")
        except InputError as exc:
            yield exc
            return
    data = data.removeprefix(codecs.BOM_UTF8)
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            yield _article(line.rstrip(b"\r"), f"{origin}:{number}", cfg)
        except InputError as exc:
            yield exc
