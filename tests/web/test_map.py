"""The map page in Chromium: events from the API on the map, the timeline and the list; filters; keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi import FastAPI, Response
from playwright.sync_api import Browser

from eventwatch.api import create_app
from eventwatch.config import load_config
from eventwatch.records import Status
from eventwatch.web import STATIC_DIR
from tests._live_server import live_server
from tests.web.conftest import WatchedPage, open_page

STATUSES = {str(s) for s in Status}


def _api_events(base_url: str, **params: str) -> list[dict]:  # type: ignore[type-arg]
    items: list[dict] = []  # type: ignore[type-arg]
    query: dict[str, str] = {"limit": "1000", **params}
    while True:
        body = httpx.get(base_url + "/api/events", params=query).json()
        items += body["items"]
        if not body["next_cursor"]:
            return items
        query["cursor"] = body["next_cursor"]


def _list_ids(p: WatchedPage) -> list[str]:
    return list(p.page.eval_on_selector_all("#event-list li.event-item", "els => els.map(e => e.dataset.eventId)"))


def _marker_ids(p: WatchedPage) -> list[str]:
    return list(p.page.eval_on_selector_all(".leaflet-marker-icon", "els => els.map(e => e.dataset.eventId)"))


def _assert_clean(p: WatchedPage) -> None:
    assert p.watch.foreign_requests(p.base_url) == []
    assert p.watch.console_errors == []
    assert p.watch.page_errors == []


def test_map_shows_every_event_on_map_and_list_with_outline_and_legend(desktop: WatchedPage) -> None:
    desktop.goto("/")
    desktop.wait_for_map()
    events = _api_events(desktop.base_url)
    assert sorted(_list_ids(desktop)) == sorted(e["id"] for e in events)
    placed = [e["id"] for e in events if e["latitude"] is not None and e["longitude"] is not None]
    assert placed and sorted(_marker_ids(desktop)) == sorted(placed)
    # The shipped Natural Earth outline is drawn without any tile server.
    assert desktop.page.locator("path.country").count() > 150
    assert desktop.page.locator(".leaflet-tile").count() == 0
    legend = desktop.page.inner_text(".legend")
    for label in ("Contested", "Corroborated", "Single source", "Denied only"):
        assert label in legend
    # Each status has its own marker shape class, not only a colour.
    statuses = desktop.page.eval_on_selector_all(".leaflet-marker-icon", "els => els.map(e => e.dataset.status)")
    assert set(statuses) <= STATUSES and len(set(statuses)) >= 3
    desktop.screenshot("map-all-events")
    _assert_clean(desktop)


def test_map_status_filter_keeps_only_contested_events(desktop: WatchedPage) -> None:
    desktop.goto("/")
    desktop.wait_for_map()
    desktop.page.select_option("#f-status", "contested")
    desktop.page.wait_for_url("**/?status=contested")
    desktop.wait_for_map()
    contested = _api_events(desktop.base_url, status="contested")
    assert contested and sorted(_list_ids(desktop)) == sorted(e["id"] for e in contested)
    statuses = desktop.page.eval_on_selector_all("#event-list li", "els => els.map(e => e.dataset.status)")
    assert set(statuses) == {"contested"}
    assert len(_list_ids(desktop)) < len(_api_events(desktop.base_url))
    desktop.screenshot("map-contested")
    _assert_clean(desktop)


def test_map_text_and_country_filters_reach_the_api(desktop: WatchedPage) -> None:
    desktop.goto("/?country=SDN&q=protesters")
    desktop.wait_for_map()
    expected = _api_events(desktop.base_url, country="SDN", q="protesters")
    assert sorted(_list_ids(desktop)) == sorted(e["id"] for e in expected)
    assert desktop.page.input_value("#f-country") == "SDN"
    desktop.page.fill("#f-country", "")
    desktop.page.fill("#f-q", "")
    desktop.page.wait_for_url(lambda url: "country=" not in url and "q=" not in url)
    desktop.wait_for_map()
    assert len(_list_ids(desktop)) == len(_api_events(desktop.base_url))


def test_map_timeline_brush_selects_a_date_range(desktop: WatchedPage) -> None:
    desktop.goto("/")
    desktop.wait_for_map()
    total = len(_list_ids(desktop))
    box = desktop.page.locator("#timeline svg").bounding_box()
    assert box is not None
    # Drag over the right third: the hostile reports of May 2023 are the latest dated events.
    y = box["y"] + box["height"] / 3
    desktop.page.mouse.move(box["x"] + box["width"] * 0.66, y)
    desktop.page.mouse.down()
    desktop.page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=5)
    desktop.page.mouse.up()
    since = desktop.page.input_value("#f-since")
    until = desktop.page.input_value("#f-until")
    assert since and until and since <= until
    dates = desktop.page.eval_on_selector_all(
        "#event-list li .event-meta", "els => els.map(e => (e.textContent.match(/\\d{4}-\\d{2}-\\d{2}/) || [''])[0])"
    )
    assert 0 < len(dates) < total
    assert all(since <= d <= until for d in dates)
    assert len(_marker_ids(desktop)) == len(dates)
    assert "since=" in desktop.page.url
    desktop.screenshot("map-brushed")
    desktop.page.click("#timeline-clear")
    assert len(_list_ids(desktop)) == total
    assert desktop.page.input_value("#f-since") == ""


def test_map_keyboard_skip_link_and_markers_open_popups(desktop: WatchedPage) -> None:
    desktop.goto("/")
    desktop.wait_for_map()
    desktop.page.keyboard.press("Tab")
    assert desktop.page.evaluate("document.activeElement.className") == "skip-link"
    desktop.page.keyboard.press("Enter")
    assert desktop.page.evaluate("document.activeElement.id") == "main"
    marker = desktop.page.locator(".leaflet-marker-icon").first
    assert marker.get_attribute("tabindex") == "0"
    assert marker.get_attribute("aria-label")
    marker.focus()
    desktop.page.keyboard.press("Enter")
    popup_link = desktop.page.locator(".leaflet-popup .popup-title")
    popup_link.wait_for()
    event_id = marker.get_attribute("data-event-id")
    assert popup_link.get_attribute("href") == f"/events/{event_id}"
    # List entries are links, reachable by keyboard; focusing one marks its marker.
    first = desktop.page.locator("#event-list li .event-link").first
    first.focus()
    item_id = desktop.page.locator("#event-list li").first.get_attribute("data-event-id")
    assert desktop.page.locator(f'.leaflet-marker-icon.is-active[data-event-id="{item_id}"]').count() == 1
    for selector in ("#f-plover", "#f-status", "#f-country", "#f-q", "#f-since", "#f-until"):
        assert desktop.page.locator(f'label[for="{selector[1:]}"]').count() == 1


def test_map_is_readable_on_a_phone(phone: WatchedPage) -> None:
    phone.goto("/")
    phone.wait_for_map()
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    viewport = phone.page.get_attribute('meta[name="viewport"]', "content")
    assert viewport is not None and "width=device-width" in viewport
    map_box = phone.page.locator("#map").bounding_box()
    assert map_box is not None and map_box["width"] > 300
    phone.screenshot("map-phone")
    _assert_clean(phone)


@pytest.fixture(scope="module")
def tile_server() -> Iterator[tuple[str, list[str]]]:
    """A loopback tile server (every tile is the same small PNG) and the paths it was asked for."""
    asked: list[str] = []
    tile = (STATIC_DIR / "vendor" / "leaflet" / "images" / "layers.png").read_bytes()
    app = FastAPI()

    @app.get("/tiles/{z}/{x}/{y}.png")
    def get_tile(z: int, x: int, y: int) -> Response:
        asked.append(f"{z}/{x}/{y}")
        return Response(tile, media_type="image/png")

    with live_server(app) as url:
        yield url, asked


@pytest.fixture
def configured(
    browser: Browser, web_db: str, screenshot_dir: Path, tile_server: tuple[str, list[str]]
) -> Iterator[WatchedPage]:
    """The map page on a server with a tile URL, a cap of 5 events and canvas markers past 2."""
    tiles = tile_server[0] + "/tiles/{z}/{x}/{y}.png"
    cfg = load_config(db=web_db, web_tile_url=tiles, web_max_events=5, web_max_element_markers=2)
    with live_server(create_app(cfg)) as url:
        yield from open_page(browser, url, screenshot_dir, viewport={"width": 1280, "height": 900})


def test_map_uses_configured_tiles_and_caps_the_events_loaded(
    configured: WatchedPage, tile_server: tuple[str, list[str]]
) -> None:
    configured.goto("/")
    configured.wait_for_map()
    assert len(_list_ids(configured)) == 5
    notice = configured.page.locator("#load-error")
    assert notice.is_visible() and "first 5 events" in notice.inner_text()
    configured.page.locator(".leaflet-tile-loaded").first.wait_for()
    assert tile_server[1], "the tile server was never asked"
    tile_host = urlsplit(tile_server[0]).netloc
    foreign = configured.watch.foreign_requests(configured.base_url)
    assert foreign and {urlsplit(u).netloc for u in foreign} == {tile_host}
    assert configured.watch.console_errors == []  # the CSP allows the tile host's images
    configured.screenshot("map-with-tiles-capped")


def test_map_draws_many_markers_on_a_canvas_reachable_from_the_list(configured: WatchedPage) -> None:
    configured.goto("/")
    configured.wait_for_map()
    page = configured.page
    assert page.get_attribute("#app", "data-markers") == "canvas"
    assert page.locator(".leaflet-marker-icon").count() == 0
    assert page.locator(".leaflet-overlay-pane canvas").count() == 1
    item = page.locator("#event-list li.event-item").nth(1)
    event_id = item.get_attribute("data-event-id")
    item.locator(".show-on-map").click()
    link = page.locator(f'.leaflet-popup-content a[href="/events/{event_id}"]')
    link.wait_for()
    assert page.evaluate("document.activeElement.getAttribute('href')") == f"/events/{event_id}"
    configured.screenshot("map-canvas-markers")
