"""The watch loop: poll every target, take new feed items and pages, store them, fuse, sleep, repeat.

A bad feed, page or server costs one problem line naming its URL and the loop goes on. Transient failures
(network, timeouts, 5xx) are retried next poll: their feed's validators and the failed item links are not
remembered. Permanent ones (4xx, not a feed, no article text, over the size cap, robots.txt) are remembered,
so they are not fetched again while the feed still lists them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields

from eventwatch import pipeline
from eventwatch.config import Config
from eventwatch.errors import InputError
from eventwatch.fuse import fuse_store
from eventwatch.ingest import read_html
from eventwatch.records import Article
from eventwatch.store import SaveOutcome, Store
from eventwatch.watch.feeds import feed_links, looks_like_feed
from eventwatch.watch.fetch import Fetched, Fetcher, FetchError, WatchStopped
from eventwatch.watch.state import WatchState
from eventwatch.watch.targets import TargetKind, WatchTarget

__all__ = ["PollCounts", "Watcher", "run_watch"]

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class PollCounts:
    """What polling did: articles stored, already stored, targets not modified (HTTP 304), problem lines,
    and events newly fused across articles."""

    stored: int = 0
    duplicates: int = 0
    not_modified: int = 0
    problems: int = 0
    fused: int = 0

    def __add__(self, other: PollCounts) -> PollCounts:
        return PollCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def describe(self) -> str:
        return (
            f"{self.stored} stored, {self.duplicates} duplicate, {self.not_modified} not modified, "
            f"{self.problems} problems, {self.fused} fused"
        )


class _Tally:
    def __init__(self) -> None:
        self.stored = self.duplicates = self.not_modified = self.problems = 0

    def counts(self, fused: int) -> PollCounts:
        return PollCounts(self.stored, self.duplicates, self.not_modified, self.problems, fused)


def _page_article(page: Fetched, cfg: Config) -> Article:
    """The article in a fetched page; raises InputError for a non-HTML response or a page without article."""
    if page.content_type and not page.content_type.startswith(_HTML_TYPES):
        raise InputError(page.url, f"not an HTML page ({page.content_type})")
    return read_html(page.body, page.url, cfg, url=page.url)


class Watcher:
    """Polls a fixed list of targets once per :meth:`run_cycle`, writing articles to ``store``.

    ``on_problem`` receives one line per bad feed, page, server or article. ``state`` is saved after each
    target.
    """

    def __init__(
        self,
        targets: Iterable[WatchTarget],
        store: Store,
        cfg: Config,
        state: WatchState,
        fetcher: Fetcher,
        *,
        on_problem: Callable[[str], None],
        stop: threading.Event,
    ) -> None:
        self._targets = tuple(targets)
        self._store = store
        self._cfg = cfg
        self._state = state
        self._fetcher = fetcher
        self._on_problem = on_problem
        self._stop = stop

    def run_cycle(self) -> PollCounts:
        """Poll each target once, then fuse what was stored; returns early (state saved) when stopped."""
        tally = _Tally()
        try:
            for target in self._targets:
                if self._stop.is_set():
                    break
                self._poll(target, tally)
        except WatchStopped:
            log.info("watch: stopped mid-cycle")
        fused = fuse_store(self._store, self._cfg)
        return tally.counts(fused)

    def _problem(self, message: str, tally: _Tally) -> None:
        tally.problems += 1
        self._on_problem(message)

    def _poll(self, target: WatchTarget, tally: _Tally) -> None:
        try:
            fetched = self._fetcher.fetch(target.url, self._state.validators(target.url))
        except FetchError as exc:
            self._problem(str(exc), tally)
            return
        if fetched.is_not_modified:
            tally.not_modified += 1
            log.debug("%s: not modified", target.url)
            return
        is_feed = target.kind is TargetKind.FEED or (
            target.kind is TargetKind.AUTO and looks_like_feed(fetched.content_type, fetched.body)
        )
        is_complete = False  # stays False when stopped mid-feed: the feed is read again next time
        try:
            if is_feed:
                is_complete = self._take_feed(target.url, fetched, tally)
            else:
                self._take_article(_page_article(fetched, self._cfg), tally)
                is_complete = True
        except InputError as exc:  # not a feed, no article: the same bytes would fail the same way
            self._problem(str(exc), tally)
            is_complete = True
        finally:
            if is_complete:
                self._state.set_validators(target.url, fetched.validators)
            self._state.save()

    def _take_feed(self, feed_url: str, fetched: Fetched, tally: _Tally) -> bool:
        """Take the feed's new items; True when none failed transiently (so the feed need not be read again)."""
        links = feed_links(fetched.body, feed_url, fetched.content_type, self._cfg.watch_max_items)
        seen = self._state.seen(feed_url)
        taken = {link for link in links if link in seen}
        is_complete = True
        try:
            for link in links:
                if link in taken:
                    continue
                if self._stop.is_set():
                    raise WatchStopped
                try:
                    self._take_article(_page_article(self._fetcher.fetch(link), self._cfg), tally)
                except FetchError as exc:
                    self._problem(str(exc), tally)
                    if exc.is_transient:
                        is_complete = False
                        continue
                except InputError as exc:
                    self._problem(str(exc), tally)
                taken.add(link)
        except WatchStopped:
            is_complete = False
            raise
        finally:
            self._state.set_seen(feed_url, taken)  # links dropped from the feed are forgotten
        return is_complete

    def _take_article(self, article: Article, tally: _Tally) -> None:
        if self._store.has_article(article.id):
            tally.duplicates += 1
            return
        for result in pipeline.process([article], self._cfg):
            if isinstance(result, pipeline.ProcessingFailure):
                self._problem(result.message(), tally)
            elif self._store.save(result) is SaveOutcome.STORED:
                tally.stored += 1
            else:
                tally.duplicates += 1


def run_watch(
    watcher: Watcher,
    *,
    interval_s: float,
    stop: threading.Event,
    max_cycles: int | None = None,
    on_cycle: Callable[[int, PollCounts], None] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> tuple[int, PollCounts]:
    """Run cycles ``interval_s`` apart (start to start) until ``stop`` is set or ``max_cycles`` have run.

    ``on_cycle(number, counts)`` is called after each cycle. Returns the number of cycles and their summed counts.
    """
    total = PollCounts()
    number = 0
    while not stop.is_set():
        number += 1
        started = clock()
        counts = watcher.run_cycle()
        total += counts
        log.info("watch: cycle %d: %s", number, counts.describe())
        if on_cycle is not None:
            on_cycle(number, counts)
        if max_cycles is not None and number >= max_cycles:
            break
        remaining = interval_s - (clock() - started)
        if remaining > 0 and stop.wait(remaining):
            break
    return number, total
