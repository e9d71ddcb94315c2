"""What watch remembers between polls: HTTP validators per URL and the feed items already taken.

Kept in a small JSON file (next to a SQLite store by default), rewritten atomically after every target, so a
crash or ``kill -9`` leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eventwatch.errors import ConfigError

__all__ = ["Validators", "WatchState", "default_state_path"]

log = logging.getLogger(__name__)

_FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Validators:
    """A response's cache validators, sent back as ``If-None-Match`` / ``If-Modified-Since`` (RFC 9110 §13.1)."""

    etag: str | None = None
    last_modified: str | None = None


def default_state_path(db: str) -> Path:
    """``<db>.watch.json`` beside a SQLite store; ``eventwatch.watch.json`` here for a server URL."""
    if "://" in db and not db.startswith("sqlite:"):
        return Path("eventwatch.watch.json")
    path = db.removeprefix("sqlite:///").removeprefix("sqlite://")
    return Path(path + ".watch.json")


class WatchState:
    """Validators per polled URL and, per feed, the item links already taken (so they are not fetched again)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._validators: dict[str, Validators] = {}
        self._seen: dict[str, list[str]] = {}

    @classmethod
    def load(cls, path: Path) -> WatchState:
        """The state saved at ``path``; empty when the file does not exist. Raises ConfigError when unreadable."""
        state = cls(path)
        if not path.exists():
            return state
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if raw.get("version") != _FORMAT_VERSION:
                raise ValueError(f"format version {raw.get('version')!r}, expected {_FORMAT_VERSION}")
            for url, item in raw["validators"].items():
                state._validators[url] = Validators(item.get("etag"), item.get("last_modified"))
            state._seen = {feed: [str(link) for link in links] for feed, links in raw["seen"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(f"watch: state file {path} is unreadable ({exc}); move it away to start afresh") from exc
        return state

    def validators(self, url: str) -> Validators:
        return self._validators.get(url, Validators())

    def set_validators(self, url: str, validators: Validators) -> None:
        if validators.etag or validators.last_modified:
            self._validators[url] = validators
        else:
            self._validators.pop(url, None)

    def seen(self, feed_url: str) -> frozenset[str]:
        return frozenset(self._seen.get(feed_url, ()))

    def set_seen(self, feed_url: str, links: Iterable[str]) -> None:
        """Replace the taken links of a feed (callers keep only links still in the feed, which bounds the file)."""
        self._seen[feed_url] = sorted(set(links))

    def save(self) -> None:
        """Write the state atomically (temporary file in the same folder, fsync, rename)."""
        data = {
            "version": _FORMAT_VERSION,
            "validators": {
                url: {"etag": v.etag, "last_modified": v.last_modified} for url, v in sorted(self._validators.items())
            },
            "seen": dict(sorted(self._seen.items())),
        }
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, indent=1)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
