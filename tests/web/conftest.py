"""Browser-test fixtures: one store built by the real pipeline, one live server, one Chromium per session.

Chromium is Debian's (/usr/bin/chromium, installed by ``make test``); when it is missing the tests fail.
Screenshots go to ``<pytest basetemp>/web-screenshots/`` and their paths are printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Request, sync_playwright

from eventwatch.api import create_app
from eventwatch.config import load_config
from eventwatch.fuse import fuse_store
from eventwatch.store import open_store
from tests._live_server import live_server
from tests.web._corpus import hostile_analyses, store_pipeline_articles

CHROMIUM = Path("/usr/bin/chromium")
# Defined before any page script runs; a payload that executes calls it and the test sees the call.
XSS_PROBE = "window.__xssCalls = []; window.__xss = (n) => { window.__xssCalls.push(n); };"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store: the seed and reports through the pipeline, plus the hostile records saved directly."""
    path = str(tmp_path_factory.mktemp("web") / "web.db")
    cfg = load_config(db=path)
    with open_store(path) as store:
        store_pipeline_articles(store, cfg)
        for analysis in hostile_analyses():
            store.save(analysis)
        fuse_store(store, cfg)
    return path


@pytest.fixture(scope="session")
def base_url(web_db: str) -> Iterator[str]:
    with live_server(create_app(load_config(db=web_db))) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make test does)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("web-screenshots", numbered=False)


@dataclass
class Watch:
    """What a page did: every request URL, dialogs, console errors, uncaught errors."""

    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def foreign_requests(self, base_url: str) -> list[str]:
        """Requests to any host but the server (``data:`` URLs never leave the page and are allowed)."""
        server = urlsplit(base_url).netloc
        return [u for u in self.requests if not u.startswith("data:") and urlsplit(u).netloc != server]


@dataclass
class WatchedPage:
    page: Page
    watch: Watch
    base_url: str
    screenshot_dir: Path

    def goto(self, path: str) -> None:
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.ok, f"GET {path}: {response.status if response else 'no answer'}"

    def wait_for_map(self) -> None:
        self.page.wait_for_selector('#app[data-state="ready"]', timeout=15_000)

    def screenshot(self, name: str) -> Path:
        path = self.screenshot_dir / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        print(f"screenshot: {path}")
        return path

    def xss_calls(self) -> list[Any]:
        return list(self.page.evaluate("window.__xssCalls || []"))


def open_page(browser: Browser, base_url: str, screenshot_dir: Path, **context: Any) -> Iterator[WatchedPage]:
    ctx = browser.new_context(**context)
    ctx.add_init_script(XSS_PROBE)
    page = ctx.new_page()
    watch = Watch()

    def on_dialog(dialog: Dialog) -> None:
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            watch.console_errors.append(message.text)

    def on_request(request: Request) -> None:
        watch.requests.append(request.url)

    page.on("request", on_request)
    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    try:
        yield WatchedPage(page, watch, base_url, screenshot_dir)
    finally:
        ctx.close()


@pytest.fixture
def desktop(browser: Browser, base_url: str, screenshot_dir: Path) -> Iterator[WatchedPage]:
    yield from open_page(browser, base_url, screenshot_dir, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone(browser: Browser, base_url: str, screenshot_dir: Path) -> Iterator[WatchedPage]:
    yield from open_page(
        browser,
        base_url,
        screenshot_dir,
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
