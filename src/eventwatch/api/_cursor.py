"""Opaque, signed keyset cursors: a client can hand back a cursor, but not forge or alter one.

A cursor is ``base64url(json) + "." + base64url(hmac)``; the JSON holds what is paged (``events``,
``articles``, ``sources``), the last id of the page and a digest of the filters, so a cursor only continues
the listing it came from. Any other string is a :class:`BadCursor`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from collections.abc import Mapping

_MAC_BYTES = 16  # 128 bits: forging one is out of reach; shorter cursors in URLs


class BadCursor(ValueError):
    """The cursor is malformed, was altered, or belongs to another listing."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class CursorCodec:
    """Signs and checks cursors with one key (the ``api_cursor_secret`` setting, or a random one)."""

    def __init__(self, secret: str = "") -> None:
        self._key = secret.encode("utf-8") if secret else secrets.token_bytes(32)

    @staticmethod
    def filters_digest(filters: Mapping[str, object]) -> str:
        """A short digest of the listing's filters; equal filters give equal digests."""
        canonical = json.dumps({k: filters[k] for k in sorted(filters)}, default=str, ensure_ascii=True)
        return hashlib.sha256(canonical.encode("ascii")).hexdigest()[:16]

    def _mac(self, payload: bytes) -> bytes:
        return hmac.new(self._key, payload, hashlib.sha256).digest()[:_MAC_BYTES]

    def encode(self, kind: str, last_id: str, filters_digest: str) -> str:
        payload = json.dumps({"k": kind, "after": last_id, "f": filters_digest}, separators=(",", ":")).encode()
        return f"{_b64(payload)}.{_b64(self._mac(payload))}"

    def decode(self, cursor: str, kind: str, filters_digest: str) -> str:
        """The last id the cursor points after; raises BadCursor unless it is one of ours for this listing."""
        body, _, mac = cursor.partition(".")
        try:
            payload, given = _unb64(body), _unb64(mac)
        except (binascii.Error, ValueError) as exc:
            raise BadCursor("cursor is not valid base64url") from exc
        if not hmac.compare_digest(given, self._mac(payload)):
            raise BadCursor("cursor signature does not match (altered, or from another server key)")
        data = json.loads(payload)  # we signed it, so it is our JSON
        if data.get("k") != kind or data.get("f") != filters_digest:
            raise BadCursor(f"cursor belongs to another listing than this {kind} query")
        return str(data["after"])
