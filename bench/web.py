"""Web map page in Chromium over a store of 5,000 events: time until the map, timeline and list are drawn.

Fills a SQLite store with the synthetic events of ``bench/api.py`` (``--n``, reused when the file already holds
them), serves the app with ``live_server``-style uvicorn in this process on a free loopback port, and drives
Debian's Chromium (``/usr/bin/chromium``) through Playwright: after one warm-up load, ``--loads`` fresh page
loads of ``/`` (from navigation to the page's ``data-state="ready"``: every API page fetched, every marker, list
entry and timeline bar drawn), then as many status-filter changes (select "contested" to redrawn) and event
page loads. Prints p50/p95 in ms.

    .venv/bin/python bench/web.py [--n 5000] [--loads 5] [--db PATH] [--json]
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import Page, sync_playwright

from _common import emit, machine, percentile
from api import fill_store
from eventwatch.api import create_app
from eventwatch.config import load_config

CHROMIUM = "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ready(page: Page) -> None:
    page.wait_for_selector('#app[data-state="ready"]', timeout=120_000)


def _load_map(page: Page, url: str) -> float:
    started = time.perf_counter()
    page.goto(url + "/")
    _ready(page)
    return (time.perf_counter() - started) * 1000


def _filter_contested(page: Page) -> float:
    page.select_option("#f-status", "")
    _ready(page)
    started = time.perf_counter()
    page.select_option("#f-status", "contested")
    page.wait_for_function("document.getElementById('app').dataset.state === 'loading'", timeout=10_000)
    _ready(page)
    return (time.perf_counter() - started) * 1000


def _load_event(page: Page, url: str, event_id: str) -> float:
    started = time.perf_counter()
    page.goto(f"{url}/events/{event_id}")
    page.wait_for_selector("#event-map .marker", timeout=60_000)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="events in the store (the page loads up to 5000)")
    parser.add_argument("--loads", type=int, default=5, help="timed loads of each kind")
    parser.add_argument("--db", default="", help="SQLite file to fill or reuse (default: a temporary file)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "bench.db")
    fill_s = fill_store(db, args.n)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(load_config(db=db)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            _load_map(page, url)  # warm-up: server caches, browser caches for the static files
            shown = page.locator("#event-list li.event-item").count()
            markers = page.get_attribute("#app", "data-markers") or "none"  # "elements" or "canvas"
            event_id = page.locator("#event-list li").first.get_attribute("data-event-id") or ""
            map_ms = [_load_map(page, url) for _ in range(args.loads)]
            filter_ms = [_filter_contested(page) for _ in range(args.loads)]
            event_ms = [_load_event(page, url, event_id) for _ in range(args.loads)]
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        tmp.cleanup()

    runs = {"map_load": map_ms, "filter_contested": filter_ms, "event_page": event_ms}
    figures = {
        "machine": machine(),
        "events": args.n,
        "events_shown": shown,
        "markers": markers,
        "fill_s": fill_s,
        **{k: {"p50_ms": percentile(v, 0.5), "p95_ms": percentile(v, 0.95), "n": len(v)} for k, v in runs.items()},
    }
    lines = [
        f"store: {args.n} events (filled in {fill_s:.1f} s; 0 = reused); markers as {markers}, "
        f"{shown} list entries drawn",
        f"machine: {machine()}",
    ]
    for name, values in runs.items():
        lines.append(
            f"web_{name}: p50 {percentile(values, 0.5):.0f} ms, p95 {percentile(values, 0.95):.0f} ms (n={len(values)})"
        )
    emit(figures, lines, args.json)


if __name__ == "__main__":
    main()
