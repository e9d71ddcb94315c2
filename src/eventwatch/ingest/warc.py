"""WARC and WARC.gz to :class:`Article`: HTML response records, read with fastwarc.

Decompression goes through :func:`~eventwatch.ingest._gzip.gunzip` (gzip-bomb cap) into memory,
because fastwarc needs a seekable stream (fastwarc 2.0.0 panics on a non-seekable Python stream); byte
offsets of records in a ``.warc.gz`` are therefore offsets in the decompressed stream. A damaged record is one
:class:`InputError` naming ``path record at byte N``; the records before it are kept, and reading goes on
where the damage allows it.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

from fastwarc.warc import ArchiveIterator, WarcRecordType

from eventwatch.config import Config
from eventwatch.errors import InputError
from eventwatch.ingest._gzip import GZIP_MAGIC, gunzip
from eventwatch.ingest.html import read_html
from eventwatch.records import Article

__all__ = ["read_warc"]

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _records(data: bytes, origin: str, cfg: Config) -> Iterator[Article | InputError]:
    found = 0
    html = 0
    damaged = 0  # records already reported one by one: the file-level summary would repeat them
    iterator = ArchiveIterator(
        io.BytesIO(data), record_types=WarcRecordType.response | WarcRecordType.resource, parse_http=True,
        stream_detect=False, fsspec_args=False,
    )  # fmt: skip
    while True:
        try:
            record = next(iterator)
        except StopIteration:
            break
        except OSError as exc:
            yield InputError(origin, f"WARC stream unreadable after {found} records ({exc})")
            return
        found += 1
        where = f"{origin} record at byte {record.stream_pos}"
        declared = record.content_length
        if declared > cfg.max_input_bytes:
            damaged += 1
            yield InputError(where, f"record of {declared} B over the {cfg.max_input_bytes} B limit")
            continue
        payload = record.reader.read(declared + 1)
        if len(payload) < declared:
            damaged += 1
            yield InputError(where, f"truncated (declared {declared} B, read {len(payload)} B)")
            continue
        content_type = (record.http_content_type or "").lower() if record.is_http else ""
        if record.record_type == WarcRecordType.resource:
            content_type = (record.headers.get("Content-Type") or "").lower()
        if not content_type.startswith(_HTML_TYPES):
            log.debug("%s: %s is not HTML; skipped", where, content_type or "no content type")
            continue
        html += 1
        uri = record.headers.get("WARC-Target-URI") or None
        try:
            yield read_html(payload, where, cfg, url=uri.strip("<>") if uri else None)
        except InputError as exc:
            yield exc
    if found == 0:
        yield InputError(origin, "no WARC response records found")
    elif html == 0 and damaged < found:
        yield InputError(origin, f"no HTML among {found - damaged} readable response records")


def read_warc(data: bytes, origin: str, cfg: Config) -> Iterator[Article | InputError]:
    """Yield one :class:`Article` per HTML response (or resource) record of a WARC or gzipped WARC.

    ``data`` is the file's bytes; gzip is detected from the magic bytes and decompressed with a cap of
    ``cfg.max_decompressed_bytes``; a damaged gzip member yields an error and costs only the records in it.
    Non-HTML records are skipped; request, metadata and warcinfo records are not read. The article's ``url``
    is the record's ``WARC-Target-URI``.
    """
    damage: tuple[InputError, ...] = ()
    if data.startswith(GZIP_MAGIC):
        unzipped = gunzip(data, cfg.max_decompressed_bytes, origin)
        data, damage = unzipped.data, unzipped.errors
    yield from damage
    if data.strip():
        yield from _records(data, origin, cfg)
    elif not damage:
        yield InputError(origin, "empty (no WARC records)")
