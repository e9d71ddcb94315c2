"""Being a polite client: a least delay between requests to one host, and robots.txt rules per origin."""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, replace

__all__ = ["HostPacer", "RobotsRules", "WatchStopped"]


class WatchStopped(Exception):
    """The stop event was set while waiting; the caller ends the cycle early."""


class HostPacer:
    """Spaces request starts to one host (``scheme://host:port``) at least ``delay_s`` apart.

    Waiting uses ``stop.wait`` so that SIGINT/SIGTERM ends a wait at once (raising :class:`WatchStopped`).
    """

    def __init__(self, delay_s: float, stop: threading.Event, clock: Callable[[], float] = time.monotonic) -> None:
        self._delay_s = delay_s
        self._stop = stop
        self._clock = clock
        self._last_start: dict[str, float] = {}

    def wait_turn(self, origin: str) -> None:
        """Block until a request to ``origin`` may start, then record that it starts now."""
        last = self._last_start.get(origin)
        if last is not None:
            remaining = last + self._delay_s - self._clock()
            if remaining > 0 and self._stop.wait(remaining):
                raise WatchStopped
        if self._stop.is_set():
            raise WatchStopped
        self._last_start[origin] = self._clock()


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """The robots.txt rules of one origin, as RFC 9309 says to treat each outcome of fetching it."""

    parser: urllib.robotparser.RobotFileParser
    fetched_at: float
    unreachable: str | None = None  # why robots.txt could not be read, when it could not

    @classmethod
    def from_text(cls, text: str, fetched_at: float) -> RobotsRules:
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(text.splitlines())
        return cls(parser, fetched_at)

    @classmethod
    def allow_all(cls, fetched_at: float) -> RobotsRules:
        """RFC 9309 §2.3.1.3: robots.txt "unavailable" (a 4xx status) means no rules apply."""
        return cls.from_text("", fetched_at)

    @classmethod
    def disallow_all(cls, fetched_at: float, reason: str) -> RobotsRules:
        """RFC 9309 §2.3.1.4: robots.txt "unreachable" (5xx, network error) means assume complete disallow."""
        return replace(cls.from_text("User-agent: *\nDisallow: /\n", fetched_at), unreachable=reason)

    def allows(self, user_agent: str, url: str) -> bool:
        return self.parser.can_fetch(user_agent, url)
