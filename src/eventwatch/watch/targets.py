"""The watch list: which URLs ``eventwatch watch`` polls, and the poll interval as people write it.

Format of a watch list (UTF-8 text), one target per line::

    # comments start with '#' (at the start of a line or after a space); blank lines are ignored
    https://example.org/world/rss.xml          kind detected from the response
    feed https://example.org/atom              always read as an RSS/Atom feed
    page https://example.org/2026/11/report    always read as one article page
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

from eventwatch.errors import ConfigError

__all__ = ["TargetKind", "WatchTarget", "parse_interval", "read_watch_list"]

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$", re.IGNORECASE)
# A comment starts a line or follows whitespace; a '#' inside a URL is its fragment.
_COMMENT = re.compile(r"(?:^|\s)#")
_UNIT_S = {"s": 1.0, "m": 60.0, "h": 3600.0}


class TargetKind(StrEnum):
    """How a watched URL is read: ``auto`` decides from the response (content type, then the body's root)."""

    AUTO = "auto"
    FEED = "feed"
    PAGE = "page"


@dataclass(frozen=True, slots=True)
class WatchTarget:
    """One line of a watch list: an http(s) URL and how to read it."""

    url: str
    kind: TargetKind = TargetKind.AUTO


def _target(line: str, where: str) -> WatchTarget:
    words = line.split()
    kind = TargetKind.AUTO
    if len(words) == 2 and words[0].lower() in (TargetKind.FEED, TargetKind.PAGE):
        kind = TargetKind(words[0].lower())
        words = words[1:]
    if len(words) != 1:
        raise ConfigError(f"watch: {where}: expected 'URL', 'feed URL' or 'page URL', got {line!r}")
    url = words[0]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"watch: {where}: {url!r} is not an http(s) URL")
    return WatchTarget(url, kind)


def read_watch_list(path: Path) -> tuple[WatchTarget, ...]:
    """The targets of the watch list at ``path``, in file order, each URL once.

    Raises :class:`ConfigError` naming ``path:line`` for a line that is not a target, and for an unreadable
    or empty list.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"watch: cannot read the watch list {path} ({exc})") from exc
    targets: dict[str, WatchTarget] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _COMMENT.split(raw, maxsplit=1)[0].strip()
        if not line:
            continue
        target = _target(line, f"{path}:{number}")
        targets.setdefault(target.url, target)
    if not targets:
        raise ConfigError(f"watch: the watch list {path} names no URL")
    return tuple(targets.values())


def parse_interval(text: str) -> float:
    """Seconds in an interval written ``30s``, ``5m``, ``1h`` or a bare number of seconds; must be > 0.

    Raises :class:`ConfigError` for anything else.
    """
    match = _INTERVAL.match(text)
    if match is None:
        raise ConfigError(f"watch: interval {text!r} is not like 30s, 5m or 1h")
    seconds = float(match.group(1)) * _UNIT_S[(match.group(2) or "s").lower()]
    if seconds <= 0:
        raise ConfigError(f"watch: interval {text!r} must be longer than zero")
    return seconds
