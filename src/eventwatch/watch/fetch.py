"""HTTP fetching for watch: conditional GET, per-host pacing, robots.txt, time limits and a size cap.

Every failure is a :class:`FetchError` naming the URL; ``is_transient`` tells the caller whether trying again
next poll may help (network errors, timeouts, 5xx, 429) or not (4xx, over the size cap, disallowed by
robots.txt).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

import httpx

from eventwatch.config import Config
from eventwatch.errors import InputError
from eventwatch.watch._politeness import HostPacer, RobotsRules, WatchStopped
from eventwatch.watch.state import Validators

__all__ = ["FetchError", "Fetched", "Fetcher", "WatchStopped"]

log = logging.getLogger(__name__)

# RFC 9309 §2.4: crawlers should not use a cached robots.txt for more than 24 hours. An unreachable one is
# asked for again sooner, so a short outage does not hide a host for a day.
_ROBOTS_TTL_S = 24 * 3600.0
_ROBOTS_RETRY_S = 300.0
# RFC 9309 §2.5: crawlers must parse at least the first 500 KiB of a robots.txt.
_ROBOTS_MAX_BYTES = 500 * 1024
_MAX_REDIRECTS = 5


class FetchError(InputError):
    """One URL could not be fetched; ``is_transient`` when the next poll may succeed."""

    def __init__(self, url: str, reason: str, *, is_transient: bool) -> None:
        super().__init__(url, reason)
        self.is_transient = is_transient


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response: ``status`` 200 with its body, or 304 (not modified) with an empty body."""

    url: str  # where the body came from, after redirects
    status: int
    body: bytes
    content_type: str  # lowercased media type without parameters, "" when absent
    validators: Validators

    @property
    def is_not_modified(self) -> bool:
        return self.status == 304


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _media_type(header: str | None) -> str:
    return (header or "").split(";", 1)[0].strip().lower()


class Fetcher:
    """One HTTP client for a watch session (connections are reused); close it, or use it as a context manager.

    ``fetch`` consults robots.txt (cached per origin), waits its turn for the host, sends the validators it is
    given as a conditional GET, streams the body and stops at ``cfg.watch_max_bytes``.
    """

    def __init__(
        self, cfg: Config, stop: threading.Event | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._cfg = cfg
        self._clock = clock
        self._stop = stop or threading.Event()
        self._pacer = HostPacer(cfg.watch_host_delay_s, self._stop, clock)
        self._robots: dict[str, RobotsRules] = {}
        timeout = httpx.Timeout(
            connect=cfg.watch_connect_timeout_s,
            read=cfg.watch_read_timeout_s,
            write=cfg.watch_read_timeout_s,
            pool=cfg.watch_connect_timeout_s,
        )
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            max_redirects=_MAX_REDIRECTS,
            headers={"User-Agent": cfg.watch_user_agent},
        )

    def fetch(self, url: str, validators: Validators | None = None) -> Fetched:
        """GET ``url``; raises :class:`FetchError` (robots.txt, HTTP status, network, size, time) or
        :class:`WatchStopped` when the stop event is set while waiting for the host."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(url, "not an http(s) URL", is_transient=False)
        robots = self._robots_for(url)
        if robots.unreachable is not None:
            raise FetchError(url, f"robots.txt unreachable ({robots.unreachable}); not fetched", is_transient=True)
        if not robots.allows(self._cfg.watch_user_agent, url):
            raise FetchError(url, f"disallowed by robots.txt for {self._cfg.watch_user_agent!r}", is_transient=False)
        headers: dict[str, str] = {}
        if validators is not None and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators is not None and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        return self._get(url, headers, self._cfg.watch_max_bytes)

    def _robots_for(self, url: str) -> RobotsRules:
        origin = _origin(url)
        now = self._clock()
        rules = self._robots.get(origin)
        if rules is not None and now - rules.fetched_at < _ROBOTS_TTL_S:
            return rules
        robots_url = origin + "/robots.txt"
        try:
            fetched = self._get(robots_url, {}, _ROBOTS_MAX_BYTES, truncate=True)
            rules = RobotsRules.from_text(fetched.body.decode("utf-8", errors="replace"), now)
        except FetchError as exc:
            if exc.is_transient:
                rules = RobotsRules.disallow_all(now - _ROBOTS_TTL_S + _ROBOTS_RETRY_S, exc.reason)
            else:
                rules = RobotsRules.allow_all(now)
        self._robots[origin] = rules
        return rules

    def _get(self, url: str, headers: dict[str, str], max_bytes: int, *, truncate: bool = False) -> Fetched:
        """One GET with the host's turn, time limits and a body cap (``truncate``: keep the first ``max_bytes``
        instead of failing, as robots.txt parsing does)."""
        self._pacer.wait_turn(_origin(url))
        deadline = self._clock() + self._cfg.watch_fetch_timeout_s
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                final_url = str(response.url)
                if response.status_code == 304:
                    return Fetched(final_url, 304, b"", "", self._validators(response))
                if response.status_code >= 400:
                    transient = response.status_code >= 500 or response.status_code in (408, 429)
                    raise FetchError(url, f"HTTP {response.status_code}", is_transient=transient)
                if response.status_code != 200:
                    raise FetchError(url, f"unexpected HTTP {response.status_code}", is_transient=False)
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > max_bytes and not truncate:
                    raise FetchError(
                        url, f"declared body of {declared} B over the {max_bytes} B cap", is_transient=False
                    )
                body = self._read_body(response, url, max_bytes, deadline, truncate=truncate)
                return Fetched(
                    final_url, 200, body, _media_type(response.headers.get("Content-Type")), self._validators(response)
                )
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({type(exc).__name__})", is_transient=True) from exc
        except httpx.TooManyRedirects as exc:
            raise FetchError(url, f"more than {_MAX_REDIRECTS} redirects", is_transient=False) from exc
        except httpx.DecodingError as exc:
            raise FetchError(url, f"undecodable response ({exc})", is_transient=False) from exc
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise FetchError(url, f"network error ({type(exc).__name__}: {exc})", is_transient=True) from exc

    def _read_body(
        self, response: httpx.Response, url: str, max_bytes: int, deadline: float, *, truncate: bool
    ) -> bytes:
        body = bytearray()
        # Decoded bytes are counted, so a gzip Content-Encoding cannot smuggle a bomb past the cap.
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > max_bytes:
                if truncate:
                    return bytes(body[:max_bytes])
                raise FetchError(url, f"body over the {max_bytes} B cap; download stopped", is_transient=False)
            if self._clock() > deadline:
                raise FetchError(
                    url, f"download slower than the {self._cfg.watch_fetch_timeout_s:g} s limit", is_transient=True
                )
        return bytes(body)

    @staticmethod
    def _validators(response: httpx.Response) -> Validators:
        return Validators(response.headers.get("ETag"), response.headers.get("Last-Modified"))

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
