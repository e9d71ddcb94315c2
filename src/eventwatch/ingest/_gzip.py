"""Streaming gzip decompression with a cap on the decompressed size (gzip-bomb guard)."""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from eventwatch.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024


class CappedGunzip(io.RawIOBase):
    """A read-only stream of the decompressed bytes of a (multi-member) gzip stream ``raw``.

    Raises :class:`InputError` naming ``origin`` when more than ``max_bytes`` would come out (a gzip bomb is
    refused after reading at most ``max_bytes`` plus one chunk) and when the compressed data is corrupt or
    truncated; the bytes delivered before the error stay valid.
    """

    def __init__(self, raw: BinaryIO, max_bytes: int, origin: str) -> None:
        super().__init__()
        self._raw = raw
        self._max_bytes = max_bytes
        self._origin = origin
        self._decomp = zlib.decompressobj(wbits=31)
        self._in = b""
        self._buf = bytearray()
        self._read_in = 0
        self._total_out = 0
        self._in_member = False
        self._done = False

    def readable(self) -> bool:
        return True

    def _fail(self, what: str) -> InputError:
        self._done = True
        at = self._read_in - len(self._in)
        return InputError(self._origin, f"{what} at compressed byte {at}; read what came before it")

    def _fill(self, want: int) -> None:
        while len(self._buf) < want and not self._done:
            if not self._in:
                self._in = self._raw.read(_CHUNK)
                self._read_in += len(self._in)
                if not self._in:
                    if self._in_member:
                        raise self._fail("gzip stream truncated")
                    self._done = True
                    return
            if not self._in_member and not self._in.strip(b"\x00"):
                self._in = b""  # NUL padding after the last member, as some writers leave
                continue
            self._in_member = True
            try:
                out = self._decomp.decompress(self._in, _CHUNK)
            except zlib.error as exc:
                raise self._fail(f"gzip stream corrupt ({exc})") from exc
            self._total_out += len(out)
            if self._total_out > self._max_bytes:
                raise self._fail(f"decompressed size over the {self._max_bytes} B limit (gzip bomb?)")
            self._buf += out
            if self._decomp.eof:
                self._in = self._decomp.unused_data
                self._decomp = zlib.decompressobj(wbits=31)
                self._in_member = False
            else:
                self._in = self._decomp.unconsumed_tail

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        want = len(buffer)
        self._fill(want)
        n = min(want, len(self._buf))
        buffer[:n] = self._buf[:n]
        del self._buf[:n]
        return n

    def read_all(self) -> bytes:
        """Every remaining decompressed byte (at most ``max_bytes``)."""
        chunks = []
        while chunk := self.read(_CHUNK):
            chunks.append(chunk)
        return b"".join(chunks)


def gunzip(data: bytes, max_bytes: int, origin: str) -> bytes:
    """Decompress a whole gzip payload held in memory, with the same cap and errors as :class:`CappedGunzip`."""
    return CappedGunzip(io.BytesIO(data), max_bytes, origin).read_all()
