"""Article text is hostile input: payloads in titles, texts, source names, places, summaries and URLs reach
the pages only as text. Checked in Chromium: no payload runs, opens a dialog or loads anything, and the page
talks to no host but the server."""

from __future__ import annotations

import re
from urllib.parse import quote

import httpx
import pytest

from tests.web._corpus import XSS_PAYLOADS, is_hostile
from tests.web.conftest import WatchedPage


def _hostile_events(base_url: str) -> list[dict]:  # type: ignore[type-arg]
    items = httpx.get(base_url + "/api/events", params={"limit": "1000"}).json()["items"]
    return [e for e in items if is_hostile(e)]


def _assert_nothing_ran(p: WatchedPage) -> None:
    assert p.xss_calls() == []
    assert p.watch.dialogs == []
    assert p.watch.page_errors == []
    assert p.watch.foreign_requests(p.base_url) == []
    # No element or attribute came from the data: no script-bearing links, frames, objects or handlers.
    assert p.page.locator('a[href^="javascript:" i], a[href^="data:" i], [formaction]').count() == 0
    assert p.page.locator("main iframe, main object, main embed, main svg script, main base, main meta").count() == 0
    handlers = p.page.evaluate(
        "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))"
        ".filter(n => n.startsWith('on'))"
    )
    assert handlers == []


def _text(p: WatchedPage) -> str:
    return re.sub(r"\s+", " ", p.page.inner_text("body"))


def test_xss_corpus_has_enough_payloads() -> None:
    assert len(set(XSS_PAYLOADS)) >= 25


def test_xss_map_list_and_popups_show_payloads_as_text(desktop: WatchedPage) -> None:
    desktop.goto("/")
    desktop.wait_for_map()
    hostile = _hostile_events(desktop.base_url)
    assert len(hostile) == len(XSS_PAYLOADS)
    listed = re.sub(r"\s+", " ", desktop.page.inner_text("#event-list"))
    for payload in XSS_PAYLOADS:
        assert payload in listed
    # Open a few popups (built from DOM nodes) through the list's "Show on map" buttons.
    for event in hostile[:6]:
        item = desktop.page.locator(f'#event-list li[data-event-id="{event["id"]}"]')
        item.locator(".show-on-map").click()
        popup = desktop.page.locator(f'.leaflet-popup-content a[href="/events/{event["id"]}"]')
        popup.wait_for()
        assert popup.inner_text() == event["summary"]
    # The text filter takes a payload as a search string, not as markup.
    desktop.page.fill("#f-q", XSS_PAYLOADS[1])
    desktop.page.wait_for_url(lambda url: "q=" in url)
    desktop.wait_for_map()
    desktop.screenshot("xss-map")
    _assert_nothing_ran(desktop)


def test_xss_event_pages_show_payloads_as_text(desktop: WatchedPage) -> None:
    hostile = _hostile_events(desktop.base_url)
    shown: set[str] = set()
    for event in hostile:
        desktop.goto(f"/events/{event['id']}")
        text = _text(desktop)
        shown |= {p for p in XSS_PAYLOADS if p in text}
        _assert_nothing_ran(desktop)
    assert shown == set(XSS_PAYLOADS)
    desktop.screenshot("xss-event-page")


@pytest.mark.parametrize("with_highlight", [False, True])
def test_xss_article_pages_show_payloads_as_text(desktop: WatchedPage, with_highlight: bool) -> None:
    article_ids = {m["article_id"] for e in _hostile_events(desktop.base_url) for m in _mentions(desktop, e["id"])}
    assert len(article_ids) == 2
    shown: set[str] = set()
    for article_id in sorted(article_ids):
        desktop.goto(f"/articles/{article_id}" + ("?hl=0-40#hl" if with_highlight else ""))
        text = _text(desktop)
        shown |= {p for p in XSS_PAYLOADS if p in text}
        _assert_nothing_ran(desktop)
    assert shown == set(XSS_PAYLOADS)


def test_xss_pipeline_report_with_payload_title_and_sources(desktop: WatchedPage) -> None:
    desktop.goto("/?q=market")
    desktop.wait_for_map()
    links = desktop.page.locator("#event-list li .event-link")
    assert links.count() >= 1
    links.first.click()
    desktop.page.wait_for_url("**/events/*")
    text = _text(desktop)
    assert XSS_PAYLOADS[13] in text  # the article title, as the mention's article link
    _assert_nothing_ran(desktop)
    desktop.page.locator(".mention-article a").first.click()
    desktop.page.wait_for_url("**/articles/*")
    text = _text(desktop)
    for payload in (XSS_PAYLOADS[0], XSS_PAYLOADS[1], XSS_PAYLOADS[2], XSS_PAYLOADS[3], XSS_PAYLOADS[13]):
        assert payload in text
    desktop.screenshot("xss-pipeline-article")
    _assert_nothing_ran(desktop)


def _mentions(p: WatchedPage, event_id: str) -> list[dict]:  # type: ignore[type-arg]
    return httpx.get(f"{p.base_url}/api/events/{event_id}").json()["mentions"]  # type: ignore[no-any-return]


def test_xss_payload_in_a_filter_shows_the_api_error_as_text(desktop: WatchedPage) -> None:
    payload = "<img src=x onerror=window.__xss(50)>"
    desktop.page.goto(desktop.base_url + "/?country=" + quote(payload))
    desktop.page.wait_for_selector('#app[data-state="error"]')
    error = desktop.page.locator("#load-error")
    assert error.is_visible() and "country" in error.inner_text()
    assert desktop.page.input_value("#f-country") == payload
    assert desktop.page.locator("#event-list li").count() == 0
    _assert_nothing_ran(desktop)
