"""Inputs to articles: paths, directories, globs and stdin, dispatched by content sniffing and extension.

Every per-input problem becomes one yielded :class:`InputError` and the batch goes on; nothing here raises
for a bad input.
"""

from __future__ import annotations

import glob
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from eventwatch.config import Config
from eventwatch.errors import InputError
from eventwatch.ingest._gzip import GZIP_MAGIC, gunzip
from eventwatch.ingest.decode import decode_bytes
from eventwatch.ingest.html import read_html
from eventwatch.ingest.jsonl import read_jsonl
from eventwatch.ingest.text import read_text
from eventwatch.ingest.warc import read_warc
from eventwatch.records import Article

__all__ = ["INPUT_SUFFIXES", "read_bytes", "read_inputs"]

log = logging.getLogger(__name__)

# Files a directory walk picks up; other files there (README, licences, images) are not inputs. An explicit
# path with any other name is still read, by its content.
INPUT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".warc", ".gz")
_GLOB_CHARS = frozenset("*?[")
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<meta", b"<!--", b"<div", b"<p>")


def _kind(data: bytes, name: str) -> str:
    """'warc', 'jsonl', 'html' or 'text': the content decides, the name breaks ties."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf\r\n\t ")
    lowered = head.lower()
    if head.startswith(b"WARC/"):
        return "warc"
    name = name.lower()
    if name.endswith((".jsonl", ".ndjson")) or (head.startswith(b"{") and b'"text"' in data[:65536]):
        return "jsonl"
    if lowered.startswith(_HTML_STARTS) or name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    return "text"


def read_bytes(data: bytes, origin: str, cfg: Config, *, name: str = "") -> Iterator[Article | InputError]:
    """Read one input's bytes (``name``: its file name, for tie-breaking) and yield what it holds.

    Gzip is recognised by its magic bytes, whatever the name says, and decompressed with a cap of
    ``cfg.max_decompressed_bytes``; a ``.gz`` name over plain content is read as the plain content.
    """
    if not data.strip():
        yield InputError(origin, "empty file")
        return
    inner = name.lower().removesuffix(".gz")
    if data.startswith(GZIP_MAGIC):
        if inner.endswith(".warc") or inner.endswith(".arc"):
            yield from read_warc(data, origin, cfg)
            return
        unzipped = gunzip(data, cfg.max_decompressed_bytes, origin)
        if unzipped.errors:
            yield unzipped.errors[0]
            return
        data = unzipped.data
    elif name.lower().endswith(".gz"):
        log.debug("%s: named .gz but not gzip; read as is", origin)
    kind = _kind(data, inner)
    log.debug("%s: read as %s", origin, kind)
    if kind == "warc":
        yield from read_warc(data, origin, cfg)
    elif kind == "jsonl":
        yield from read_jsonl(data, origin, cfg)
    else:
        try:
            if kind == "html":
                yield read_html(data, origin, cfg)
            else:
                yield read_text(decode_bytes(data, origin), origin, cfg, ext_id=_stem(name) or None)
        except InputError as exc:
            yield exc


def _stem(name: str) -> str:
    base = Path(name).name
    for suffix in (".gz", ".txt", ".text", ".html", ".htm", ".xhtml"):
        base = base.removesuffix(suffix)
    return base


def _read_path(path: Path, cfg: Config) -> Iterator[Article | InputError]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > cfg.max_input_bytes:
            yield InputError(origin, f"file of {size} B over the {cfg.max_input_bytes} B limit")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(origin, f"cannot read ({exc.strerror or exc})")
        return
    yield from read_bytes(data, origin, cfg, name=path.name)


def _read_stdin(cfg: Config) -> Iterator[Article | InputError]:
    data = sys.stdin.buffer.read(cfg.max_input_bytes + 1)
    if len(data) > cfg.max_input_bytes:
        yield InputError("<stdin>", f"input over the {cfg.max_input_bytes} B limit")
        return
    yield from read_bytes(data, "<stdin>", cfg)


def _walk(directory: Path) -> Iterator[Path]:
    for path in sorted(directory.rglob("*")):
        if path.is_file() and path.name.lower().endswith(INPUT_SUFFIXES) and not path.name.startswith("."):
            yield path


def _expand(spec: str) -> Iterator[Path | InputError]:
    path = Path(spec)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists():
        yield path
    elif _GLOB_CHARS & set(spec):
        matches = sorted(glob.glob(spec, recursive=True))
        if not matches:
            yield InputError(spec, "no file matches this pattern")
        for match in matches:
            found = Path(match)
            yield from (_walk(found) if found.is_dir() else [found])
    else:
        yield InputError(spec, "no such file or directory")


def read_inputs(inputs: Sequence[str], cfg: Config) -> Iterator[Article | InputError]:
    """Yield an :class:`Article` or an :class:`InputError` for everything the inputs hold, in order.

    Each input is a file path, a directory (walked recursively in sorted order, files with
    :data:`INPUT_SUFFIXES` only), a glob (``**`` recursive) or ``-`` for stdin. Formats: plain text, HTML,
    JSON Lines, WARC, each optionally gzipped. A file over ``cfg.max_input_bytes`` is refused before reading.
    """
    for spec in inputs:
        if spec == "-":
            yield from _read_stdin(cfg)
            continue
        for item in _expand(spec):
            if isinstance(item, InputError):
                yield item
            else:
                yield from _read_path(item, cfg)
