"""The watch loop end to end: a served site, the real pipeline and a real SQLite store."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path

from eventwatch.config import Config
from eventwatch.store import SqlStore
from eventwatch.watch import (
    Fetcher,
    PollCounts,
    TargetKind,
    Watcher,
    WatchState,
    WatchTarget,
    run_watch,
)
from tests.watch._server import STORIES, FeedServer, Route, http_date, news_page, rss


def _serve_story(site: FeedServer, n: int) -> tuple[str, str]:
    title, paragraphs = STORIES[n]
    path = f"/news/{n}.html"
    site.routes[path] = Route(body=news_page(title, paragraphs))
    return title, path


def _watcher(
    site: FeedServer, targets: list[WatchTarget], store: SqlStore, cfg: Config, state_path: Path
) -> tuple[Watcher, Fetcher, list[str], threading.Event]:
    problems: list[str] = []
    stop = threading.Event()
    fetcher = Fetcher(cfg, stop)
    state = WatchState.load(state_path)
    watcher = Watcher(targets, store, cfg, state, fetcher, on_problem=problems.append, stop=stop)
    return watcher, fetcher, problems, stop


def _stored_urls(store: SqlStore) -> set[str]:
    return {a.url or "" for a in store.iter_articles()}


def test_watch_ingests_an_item_added_to_the_feed_within_one_interval(
    site: FeedServer, store: SqlStore, fast_cfg: Config, tmp_path: Path
) -> None:
    first = _serve_story(site, 0)
    site.routes["/feed.xml"] = Route(body=rss([first]), content_type="application/rss+xml")
    targets = [WatchTarget(site.url("/feed.xml"))]
    watcher, fetcher, problems, stop = _watcher(site, targets, store, fast_cfg, tmp_path / "s.json")

    def add_item_after_first_cycle(number: int, counts: PollCounts) -> None:
        if number == 1:
            second = _serve_story(site, 1)
            site.routes["/feed.xml"] = Route(body=rss([second, first]), content_type="application/rss+xml")

    started = time.monotonic()
    with fetcher:
        cycles, total = run_watch(watcher, interval_s=1.0, stop=stop, max_cycles=2, on_cycle=add_item_after_first_cycle)
    assert problems == []
    assert (cycles, total.stored, total.duplicates) == (2, 2, 0)
    assert _stored_urls(store) == {site.url("/news/0.html"), site.url("/news/1.html")}
    assert store.counts().events >= 2  # a protest and a shelling went through the whole pipeline
    # The second poll took only the new item: the first story's page was fetched once.
    assert len(site.requests_to("/news/0.html")) == 1 and len(site.requests_to("/news/1.html")) == 1
    feed_polls = site.requests_to("/feed.xml")
    # The item added after poll 1 was stored by poll 2, which started one interval after poll 1.
    assert len(feed_polls) == 2 and feed_polls[1].at - started >= 1.0


def test_watch_survives_bad_servers_with_one_line_each(
    site: FeedServer, store: SqlStore, fast_cfg: Config, tmp_path: Path
) -> None:
    good = _serve_story(site, 2)
    site.routes["/good.xml"] = Route(body=rss([good, ("broken page", "/broken.html")]), content_type="text/xml")
    site.routes["/broken.html"] = Route(body=b"<html><body><nav>Home</nav></body></html>")
    site.routes["/500.xml"] = Route(body=b"Internal Server Error", status=500, content_type="text/plain")
    site.routes["/invalid.xml"] = Route(body=b'<?xml version="1.0"?><rss><channel><<<&&&', content_type="text/xml")
    site.routes["/huge.xml"] = Route(stream_bytes=50_000_000, content_type="application/rss+xml")
    site.routes["/slow.xml"] = Route(body=rss([]), delay_s=3.0, content_type="application/rss+xml")
    bad = ["/500.xml", "/invalid.xml", "/huge.xml", "/slow.xml"]
    targets = [WatchTarget(site.url(p)) for p in [*bad[:2], "/good.xml", *bad[2:]]]
    watcher, fetcher, problems, _ = _watcher(site, targets, store, fast_cfg, tmp_path / "s.json")
    with fetcher:
        counts = watcher.run_cycle()
    assert counts.stored == 1 and _stored_urls(store) == {site.url("/news/2.html")}
    assert counts.problems == 5 and len(problems) == 5
    for path, reason in [
        ("/500.xml", "HTTP 500"),
        ("/invalid.xml", "not a valid feed"),
        ("/huge.xml", "cap; download stopped"),
        ("/slow.xml", "timed out"),
        ("/broken.html", "body too short"),
    ]:
        [line] = [p for p in problems if site.url(path) + ":" in p]
        assert reason in line and "\n" not in line


def test_watch_sends_validators_from_the_state_file_and_counts_304(
    site: FeedServer, store: SqlStore, fast_cfg: Config, tmp_path: Path
) -> None:
    story = _serve_story(site, 3)
    modified = http_date(1_700_000_000)
    site.routes["/feed.xml"] = Route(
        body=rss([story]), content_type="application/rss+xml", etag='"rev-1"', last_modified=modified
    )
    targets = [WatchTarget(site.url("/feed.xml"), TargetKind.FEED)]
    watcher, fetcher, _, _ = _watcher(site, targets, store, fast_cfg, tmp_path / "s.json")
    with fetcher:
        assert watcher.run_cycle().stored == 1
    # A new process: the validators come from the state file.
    watcher, fetcher, problems, _ = _watcher(site, targets, store, fast_cfg, tmp_path / "s.json")
    with fetcher:
        counts = watcher.run_cycle()
    assert (counts.not_modified, counts.stored, problems) == (1, 0, [])
    second = site.requests_to("/feed.xml")[1]
    assert second.headers["If-None-Match"] == '"rev-1"' and second.headers["If-Modified-Since"] == modified


def test_watch_skips_articles_already_in_the_store(
    site: FeedServer, store: SqlStore, fast_cfg: Config, tmp_path: Path
) -> None:
    story = _serve_story(site, 0)
    site.routes["/feed.xml"] = Route(body=rss([story]), content_type="application/rss+xml")
    page = WatchTarget(site.url("/news/0.html"), TargetKind.PAGE)
    watcher, fetcher, _, _ = _watcher(site, [page], store, fast_cfg, tmp_path / "a.json")
    with fetcher:
        assert watcher.run_cycle().stored == 1
    # Another state file knows nothing, so the feed's item is fetched, but the store already has it.
    watcher, fetcher, _, _ = _watcher(site, [WatchTarget(site.url("/feed.xml"))], store, fast_cfg, tmp_path / "b.json")
    with fetcher:
        counts = watcher.run_cycle()
    assert (counts.stored, counts.duplicates) == (0, 1)
    assert store.counts().articles == 1


def test_watch_retries_transient_failures_but_not_permanent_ones(
    site: FeedServer, store: SqlStore, fast_cfg: Config, tmp_path: Path
) -> None:
    story = _serve_story(site, 1)
    site.routes["/feed.xml"] = Route(
        body=rss([story, ("gone", "/gone.html")]), content_type="application/rss+xml", etag='"e"'
    )
    site.routes["/news/1.html"] = Route(body=b"busy", status=503)
    targets = [WatchTarget(site.url("/feed.xml"))]
    watcher, fetcher, _problems, _ = _watcher(site, targets, store, fast_cfg, tmp_path / "s.json")
    with fetcher:
        first = watcher.run_cycle()
        _serve_story(site, 1)  # the server recovers
        second = watcher.run_cycle()
    assert (first.stored, first.problems) == (0, 2)
    assert (second.stored, second.problems, second.not_modified) == (1, 0, 0)
    assert len(site.requests_to("/gone.html")) == 1  # a 404 item is not asked for again
    assert "If-None-Match" not in site.requests_to("/feed.xml")[1].headers  # feed re-read in full


def test_watch_observes_robots_txt_for_feed_items(
    site: FeedServer, store: SqlStore, fast_cfg: Config, tmp_path: Path
) -> None:
    site.routes["/robots.txt"] = Route(body=b"User-agent: *\nDisallow: /news/\n", content_type="text/plain")
    story = _serve_story(site, 2)
    site.routes["/feed.xml"] = Route(body=rss([story]), content_type="application/rss+xml")
    watcher, fetcher, problems, _ = _watcher(
        site, [WatchTarget(site.url("/feed.xml"))], store, fast_cfg, tmp_path / "s.json"
    )
    with fetcher:
        counts = watcher.run_cycle()
    assert counts.stored == 0 and len(problems) == 1 and "disallowed by robots.txt" in problems[0]
    assert site.requests_to("/news/2.html") == []


def test_watch_paces_requests_to_one_host_across_a_cycle(
    site: FeedServer, store: SqlStore, fast_cfg: Config, tmp_path: Path
) -> None:
    items = [_serve_story(site, n) for n in range(3)]
    site.routes["/feed.xml"] = Route(body=rss(items), content_type="application/rss+xml")
    cfg = replace(fast_cfg, watch_host_delay_s=0.4)
    watcher, fetcher, _, _ = _watcher(site, [WatchTarget(site.url("/feed.xml"))], store, cfg, tmp_path / "s.json")
    started = time.monotonic()
    with fetcher:
        assert watcher.run_cycle().stored == 3
    assert len(site.requests) == 5  # robots.txt, feed, 3 pages
    # The k-th request cannot leave before k delays have passed, and arrives (same clock) after it leaves.
    for k, request in enumerate(site.requests):
        assert request.at - started >= k * 0.4, (k, request.at - started)


def test_run_watch_returns_promptly_when_stopped_between_cycles(
    site: FeedServer, store: SqlStore, fast_cfg: Config, tmp_path: Path
) -> None:
    site.routes["/feed.xml"] = Route(body=rss([]), content_type="application/rss+xml")
    watcher, fetcher, _, stop = _watcher(
        site, [WatchTarget(site.url("/feed.xml"))], store, fast_cfg, tmp_path / "s.json"
    )
    threading.Timer(0.5, stop.set).start()
    started = time.monotonic()
    with fetcher:
        cycles, _ = run_watch(watcher, interval_s=3600.0, stop=stop)
    assert cycles == 1 and time.monotonic() - started < 30
