"""From the map to the evidence: filter to contested events, open the seed's east-Aleppo strike, read the
Peskov denial highlighted on the event page and inside its article."""

from __future__ import annotations

import httpx

from eventwatch.ingest import canonical_url
from tests.web._corpus import SEED_URL
from tests.web.conftest import WatchedPage

PESKOV_SENTENCE = "However this has been categorically denied by Dmitry Peskov, Putin’s spokesman."


def _open_seed_strike(p: WatchedPage) -> None:
    p.goto("/")
    p.wait_for_map()
    p.page.select_option("#f-status", "contested")
    p.page.wait_for_url("**/?status=contested")
    p.wait_for_map()
    aleppo = p.page.locator("#event-list li", has_text="Aleppo, SYR")
    assert aleppo.count() == 1
    p.screenshot("map-contested-aleppo")
    aleppo.locator(".event-link").click()
    p.page.wait_for_url("**/events/*")


def test_event_seed_strike_shows_contested_sides_and_highlighted_denial(desktop: WatchedPage) -> None:
    _open_seed_strike(desktop)
    page = desktop.page
    badge = page.locator(".badge-contested")
    assert badge.inner_text() == "CONTESTED"
    assert "Dmitry Peskov" in page.inner_text(".side-against")
    supporters = page.inner_text(".side-for")
    assert "The Syrian military" in supporters and "Dmitry Peskov" not in supporters
    deny = page.locator(".stance-deny")
    assert deny.locator("h3").inner_text().startswith("Deny")
    evidence = deny.locator("mark.mark-evidence")
    assert evidence.inner_text() == PESKOV_SENTENCE
    assert evidence.is_visible()
    cue = evidence.locator("mark.mark-cue")
    assert cue.inner_text() == "denied"
    # The highlight is visible: the mark's background differs from the page's.
    background = evidence.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
    source_link = deny.locator("a.external")
    assert source_link.get_attribute("href") == canonical_url(SEED_URL)
    # Stances are grouped: supporting groups come before the denial.
    headings = page.eval_on_selector_all(".stance h3", "els => els.map(e => e.firstChild.textContent.trim())")
    assert headings.index("Deny") == len(headings) - 1 and "Confirm" in headings
    # The locator map draws the outline and the event's marker, shaped by its status.
    page.locator("#event-map .marker .symbol-contested").wait_for()
    assert page.locator("#event-map path.country").count() > 150
    desktop.screenshot("event-seed-aleppo-strike")
    assert desktop.watch.foreign_requests(desktop.base_url) == []
    assert desktop.watch.console_errors == [] and desktop.watch.page_errors == []


def test_event_denial_link_highlights_the_sentence_in_its_article(desktop: WatchedPage) -> None:
    _open_seed_strike(desktop)
    desktop.page.locator(".stance-deny .claim-links a").first.click()
    desktop.page.wait_for_url("**/articles/*")
    mark = desktop.page.locator("#hl")
    assert mark.inner_text() == PESKOV_SENTENCE
    assert desktop.page.locator(".article-text mark").count() == 1
    # The fragment scrolls the highlighted sentence into view.
    assert mark.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    text = desktop.page.inner_text(".article-text")
    assert "Syrian army" in text and len(text) > 1000
    assert desktop.page.locator('.article-events a[href^="/events/"]').count() >= 1
    desktop.screenshot("article-seed-peskov-highlighted")
    assert desktop.watch.foreign_requests(desktop.base_url) == []


def test_event_page_is_readable_on_a_phone(phone: WatchedPage) -> None:
    contested = httpx.get(phone.base_url + "/api/events", params={"status": "contested", "limit": "1000"}).json()
    aleppo = [e for e in contested["items"] if e["place_name"] == "Aleppo"]
    assert len(aleppo) == 1
    phone.goto(f"/events/{aleppo[0]['id']}")
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.page.locator(".stance-deny mark.mark-evidence").inner_text() == PESKOV_SENTENCE
    phone.screenshot("event-seed-aleppo-strike-phone")
