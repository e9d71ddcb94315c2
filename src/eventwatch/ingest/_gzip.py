"""Gzip decompression with a cap on the decompressed size (gzip-bomb guard) and member-level recovery."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from eventwatch.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
_MEMBER_START = b"\x1f\x8b\x08"  # magic + deflate method: where a gzip member can begin
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Gunzipped:
    """Decompressed bytes of the readable gzip members, and one error per damaged stretch."""

    data: bytes
    errors: tuple[InputError, ...]


def gunzip(data: bytes, max_bytes: int, origin: str) -> Gunzipped:
    """Decompress a (multi-member) gzip payload, never producing more than ``max_bytes``.

    Crawlers write one gzip member per WARC record, so a damaged member loses that record only: its partial
    output is dropped and decompression resumes at the next member header. Going over ``max_bytes`` (a gzip
    bomb) stops decompression for good after at most ``max_bytes`` plus one chunk of output.
    """
    out = bytearray()
    errors: list[InputError] = []
    pos = 0  # compressed offset of the current member
    while pos < len(data):
        if not data[pos:].strip(b"\x00"):
            break  # NUL padding after the last member, as some writers leave
        decomp = zlib.decompressobj(wbits=31)
        member = bytearray()
        feed = data[pos:]
        failure: str | None = None
        while True:
            try:
                chunk = decomp.decompress(feed, _CHUNK)
            except zlib.error as exc:
                failure = f"gzip stream corrupt ({exc})"
                break
            member += chunk
            if len(out) + len(member) > max_bytes:
                errors.append(InputError(origin, f"decompressed size over the {max_bytes} B limit (gzip bomb?)"))
                return Gunzipped(bytes(out), tuple(errors))
            if decomp.eof:
                break
            feed = decomp.unconsumed_tail
            if not feed:
                failure = "gzip stream truncated"
                break
        if failure is None:
            out += member
            pos = len(data) - len(decomp.unused_data)
            continue
        errors.append(InputError(origin, f"{failure} in the gzip member at compressed byte {pos}"))
        nxt = data.find(_MEMBER_START, pos + 1)
        if nxt < 0:
            break
        pos = nxt
    return Gunzipped(bytes(out), tuple(errors))
