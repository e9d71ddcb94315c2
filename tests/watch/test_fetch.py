"""Fetcher against a real server on 127.0.0.1: conditional GET, status codes, caps, time limits, robots, pacing."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import pytest

from eventwatch.config import Config
from eventwatch.watch import Fetcher, FetchError, Validators, WatchStopped
from tests.watch._server import FeedServer, Route, http_date, news_page


def test_fetch_returns_body_type_and_validators(site: FeedServer, fast_cfg: Config) -> None:
    modified = http_date(1_700_000_000)
    site.routes["/a"] = Route(body=news_page("t", ["p"]), etag='"v1"', last_modified=modified)
    with Fetcher(fast_cfg) as fetcher:
        fetched = fetcher.fetch(site.url("/a"))
    assert fetched.status == 200 and fetched.body.startswith(b"<!DOCTYPE html>")
    assert fetched.content_type == "text/html"
    assert fetched.validators == Validators('"v1"', modified)
    assert site.requests_to("/a")[0].headers["User-Agent"] == fast_cfg.watch_user_agent


def test_fetch_sends_if_none_match_and_handles_304(site: FeedServer, fast_cfg: Config) -> None:
    site.routes["/feed"] = Route(body=b"<rss/>", etag='"abc"')
    with Fetcher(fast_cfg) as fetcher:
        fetched = fetcher.fetch(site.url("/feed"), Validators(etag='"abc"'))
    assert fetched.is_not_modified and fetched.body == b""
    assert site.requests_to("/feed")[0].headers["If-None-Match"] == '"abc"'


def test_fetch_sends_if_modified_since_and_handles_304(site: FeedServer, fast_cfg: Config) -> None:
    modified = http_date(1_700_000_000)
    site.routes["/feed"] = Route(body=b"<rss/>", last_modified=modified)
    with Fetcher(fast_cfg) as fetcher:
        fetched = fetcher.fetch(site.url("/feed"), Validators(last_modified=modified))
    assert fetched.is_not_modified
    request = site.requests_to("/feed")[0]
    assert request.headers["If-Modified-Since"] == modified and "If-None-Match" not in request.headers


def test_fetch_without_validators_sends_no_conditional_headers(site: FeedServer, fast_cfg: Config) -> None:
    site.routes["/feed"] = Route(body=b"<rss/>", etag='"abc"')
    with Fetcher(fast_cfg) as fetcher:
        assert fetcher.fetch(site.url("/feed")).status == 200
    headers = site.requests_to("/feed")[0].headers
    assert "If-None-Match" not in headers and "If-Modified-Since" not in headers


@pytest.mark.parametrize(
    ("status", "is_transient"), [(500, True), (503, True), (429, True), (404, False), (403, False), (410, False)]
)
def test_fetch_error_status_is_a_fetch_error(
    site: FeedServer, fast_cfg: Config, status: int, is_transient: bool
) -> None:
    site.routes["/x"] = Route(body=b"oops", status=status)
    with Fetcher(fast_cfg) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(site.url("/x"))
    assert caught.value.is_transient is is_transient
    assert f"HTTP {status}" in str(caught.value) and site.url("/x") in str(caught.value)


def test_fetch_read_timeout_is_transient_and_prompt(site: FeedServer, fast_cfg: Config) -> None:
    site.routes["/slow"] = Route(body=b"late", delay_s=3.0)
    started = time.monotonic()
    with Fetcher(fast_cfg) as fetcher, pytest.raises(FetchError, match="timed out") as caught:
        fetcher.fetch(site.url("/slow"))
    assert caught.value.is_transient
    assert time.monotonic() - started < 2.5  # gave up at the read timeout, not after the server's 3 s


def test_fetch_stops_a_50_mb_body_at_the_cap(site: FeedServer, fast_cfg: Config) -> None:
    site.routes["/big"] = Route(stream_bytes=50_000_000)  # no Content-Length: only streaming can stop it
    with Fetcher(fast_cfg) as fetcher, pytest.raises(FetchError, match="over the 1000000 B cap") as caught:
        fetcher.fetch(site.url("/big"))
    assert not caught.value.is_transient
    deadline = time.monotonic() + 5
    while "/big" not in site.streamed and time.monotonic() < deadline:
        time.sleep(0.05)
    assert site.streamed["/big"] < 20_000_000  # the client hung up early; the rest was never sent


def test_fetch_refuses_a_declared_length_over_the_cap_before_reading(site: FeedServer, fast_cfg: Config) -> None:
    site.routes["/big"] = Route(stream_bytes=50_000_000, declare_length=True)
    with Fetcher(fast_cfg) as fetcher, pytest.raises(FetchError, match="declared body of 50000000 B"):
        fetcher.fetch(site.url("/big"))


def test_fetch_stops_a_dripping_download_at_the_time_limit(site: FeedServer, fast_cfg: Config) -> None:
    # Each byte comes within the read timeout, so only the whole-download limit can end it.
    site.routes["/drip"] = Route(body=b"x" * 200, drip_s=0.05)
    cfg = replace(fast_cfg, watch_fetch_timeout_s=0.5)
    with Fetcher(cfg) as fetcher, pytest.raises(FetchError, match=r"slower than the 0\.5 s limit") as caught:
        fetcher.fetch(site.url("/drip"))
    assert caught.value.is_transient


def test_fetch_unreachable_server_is_a_transient_fetch_error(fast_cfg: Config) -> None:
    with Fetcher(fast_cfg) as fetcher, pytest.raises(FetchError, match="network error") as caught:
        fetcher.fetch("http://127.0.0.1:9/feed")  # discard port: nothing listens there
    assert caught.value.is_transient


def test_fetch_follows_redirects_and_reports_the_final_url(site: FeedServer, fast_cfg: Config) -> None:
    site.routes["/old"] = Route(status=301, location="/new")
    site.routes["/new"] = Route(body=b"<p>moved here</p>")
    with Fetcher(fast_cfg) as fetcher:
        fetched = fetcher.fetch(site.url("/old"))
    assert fetched.url == site.url("/new") and fetched.body == b"<p>moved here</p>"


def test_fetch_gives_up_on_a_redirect_loop(site: FeedServer, fast_cfg: Config) -> None:
    site.routes["/loop"] = Route(status=302, location="/loop")
    with Fetcher(fast_cfg) as fetcher, pytest.raises(FetchError, match="redirects") as caught:
        fetcher.fetch(site.url("/loop"))
    assert not caught.value.is_transient


def test_fetch_obeys_robots_disallow_without_requesting_the_page(site: FeedServer, fast_cfg: Config) -> None:
    site.routes["/robots.txt"] = Route(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.routes["/private/feed"] = Route(body=b"<rss/>")
    site.routes["/public/feed"] = Route(body=b"<rss/>")
    with Fetcher(fast_cfg) as fetcher:
        with pytest.raises(FetchError, match=r"disallowed by robots\.txt") as caught:
            fetcher.fetch(site.url("/private/feed"))
        assert fetcher.fetch(site.url("/public/feed")).status == 200
    assert not caught.value.is_transient
    assert site.requests_to("/private/feed") == []
    assert len(site.requests_to("/robots.txt")) == 1  # cached per origin


def test_fetch_obeys_robots_rules_for_its_own_user_agent(site: FeedServer, fast_cfg: Config) -> None:
    site.routes["/robots.txt"] = Route(
        body=b"User-agent: eventwatch\nDisallow: /\n\nUser-agent: *\nAllow: /\n", content_type="text/plain"
    )
    site.routes["/feed"] = Route(body=b"<rss/>")
    with Fetcher(fast_cfg) as fetcher, pytest.raises(FetchError, match=r"disallowed by robots\.txt"):
        fetcher.fetch(site.url("/feed"))


def test_fetch_treats_a_failing_robots_txt_as_disallow_all(site: FeedServer, fast_cfg: Config) -> None:
    site.routes["/robots.txt"] = Route(body=b"down", status=503)
    site.routes["/feed"] = Route(body=b"<rss/>")
    with (
        Fetcher(fast_cfg) as fetcher,
        pytest.raises(FetchError, match=r"robots.txt unreachable \(HTTP 503\)") as caught,
    ):
        fetcher.fetch(site.url("/feed"))
    assert caught.value.is_transient
    assert site.requests_to("/feed") == []


def test_fetch_paces_requests_to_one_host(site: FeedServer, fast_cfg: Config) -> None:
    site.routes["/robots.txt"] = Route(body=b"User-agent: *\nAllow: /\n", content_type="text/plain")
    for n in range(3):
        site.routes[f"/p{n}"] = Route(body=b"<p>x</p>")
    cfg = replace(fast_cfg, watch_host_delay_s=0.3)
    started = time.monotonic()
    with Fetcher(cfg) as fetcher:
        for n in range(3):
            fetcher.fetch(site.url(f"/p{n}"))
    assert [r.path for r in site.requests] == ["/robots.txt", "/p0", "/p1", "/p2"]
    # The k-th request cannot leave before k delays have passed, and arrives (same clock) after it leaves.
    for k, request in enumerate(site.requests):
        assert request.at - started >= k * 0.3, (k, request.at - started)


def test_fetch_wait_for_the_host_ends_when_stopped(site: FeedServer, fast_cfg: Config) -> None:
    site.routes["/p"] = Route(body=b"<p>x</p>")
    stop = threading.Event()
    cfg = replace(fast_cfg, watch_host_delay_s=30.0)
    with Fetcher(cfg, stop) as fetcher:
        threading.Timer(0.3, stop.set).start()
        started = time.monotonic()
        with pytest.raises(WatchStopped):
            fetcher.fetch(site.url("/p"))  # robots.txt first, then a 30 s wait for the host's next turn
    assert time.monotonic() - started < 10
    assert [r.path for r in site.requests] == ["/robots.txt"]


def test_fetch_refuses_a_non_http_url(fast_cfg: Config) -> None:
    with Fetcher(fast_cfg) as fetcher, pytest.raises(FetchError, match="not an http"):
        fetcher.fetch("file:///etc/passwd")
