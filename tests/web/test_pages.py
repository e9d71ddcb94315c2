"""The pages over HTTP (no browser): status codes, escaping, links, the CSP-friendly markup, shipped assets."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from html.parser import HTMLParser

import httpx
import pytest

from eventwatch.api import create_app
from eventwatch.config import load_config
from eventwatch.web import STATIC_DIR
from tests._live_server import live_server
from tests.web._corpus import EVIL_URLS, XSS_PAYLOADS, is_hostile

PAGES = ["/", "/events/{event}", "/articles/{article}", "/articles/{article}?hl=0-30"]


@pytest.fixture(scope="module")
def ids(base_url: str) -> dict[str, str]:
    events = httpx.get(base_url + "/api/events", params={"limit": "1000"}).json()["items"]
    hostile = next(e for e in events if is_hostile(e))
    detail = httpx.get(f"{base_url}/api/events/{hostile['id']}").json()
    return {"event": hostile["id"], "article": detail["mentions"][0]["article_id"]}


def _get(base_url: str, path: str) -> httpx.Response:
    return httpx.get(base_url + path, follow_redirects=False)


@pytest.mark.parametrize("page", PAGES)
def test_pages_are_html_without_inline_scripts_or_styles(base_url: str, ids: dict[str, str], page: str) -> None:
    response = _get(base_url, page.format(**ids))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<a class="skip-link" href="#main">' in html
    # CSP default-src 'self': every script is a file; no <style>, style or on* attributes; no foreign assets.
    tags = _tags(html)
    assert all(dict(attrs).get("src") for tag, attrs in tags if tag == "script")
    assert [tag for tag, _ in tags if tag in ("style", "iframe", "object", "embed", "base", "img")] == []
    assert [name for _, attrs in tags for name, _ in attrs if name == "style" or name.startswith("on")] == []
    assets = [
        value for tag, attrs in tags if tag in ("script", "link") for name, value in attrs if name in ("src", "href")
    ]
    assert assets and all(value and value.startswith("/static/") for value in assets)


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    collector = _TagCollector()
    collector.feed(html)
    return collector.tags


@pytest.mark.parametrize("path", ["/events/no-such-event", "/articles/no-such-article"])
def test_pages_unknown_ids_answer_404_html(base_url: str, path: str) -> None:
    response = _get(base_url, path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "No such" in response.text


def test_pages_escape_payloads_and_never_link_script_urls(base_url: str) -> None:
    events = httpx.get(base_url + "/api/events", params={"limit": "1000"}).json()["items"]
    article_ids = {
        m["article_id"]
        for e in events
        if is_hostile(e)
        for m in httpx.get(f"{base_url}/api/events/{e['id']}").json()["mentions"]
    }
    html = "".join(_get(base_url, f"/articles/{article_id}").text for article_id in sorted(article_ids))
    for payload in XSS_PAYLOADS:
        assert payload not in html or not set("<>\"'") & set(payload)  # markup characters arrive escaped
    assert "&lt;script&gt;window.__xss(1)&lt;/script&gt;" in html
    for url in EVIL_URLS:
        assert f'href="{url}' not in html
    assert 'href="javascript:' not in html.lower() and 'href="data:' not in html.lower()


@pytest.mark.parametrize(("hl", "marks"), [("0-30", 1), ("30-0", 0), ("0-99999999", 0), ("x-1", 0), ("", 0)])
def test_pages_article_highlight_only_for_a_valid_range(
    base_url: str, ids: dict[str, str], hl: str, marks: int
) -> None:
    html = _get(base_url, f"/articles/{ids['article']}?hl={hl}").text
    assert html.count('<mark id="hl"') == marks


def test_pages_static_assets_are_shipped(base_url: str) -> None:
    for path in ["/static/vendor/leaflet/leaflet.js", "/static/vendor/leaflet/leaflet.css", "/static/map.js"]:
        assert _get(base_url, path).status_code == 200
    for name in ["vendor/leaflet/LICENSE", "vendor/leaflet/SOURCE.md", "outline/SOURCE.md"]:
        assert (STATIC_DIR / name).is_file()


def test_pages_outline_is_small_valid_geojson() -> None:
    path = STATIC_DIR / "outline" / "countries-110m.geojson"
    assert path.stat().st_size < 1_000_000
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) > 150
    names = {f["properties"]["name"] for f in collection["features"]}
    assert {"Syria", "Ukraine", "Sudan"} <= names
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for polygon in polygons:
            for ring in polygon:
                assert len(ring) >= 4 and ring[0] == ring[-1]
                assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)
                # Cut at the antimeridian: no edge jumps across the map (except along a pole, for Antarctica).
                jumps = [(a, b) for a, b in itertools.pairwise(ring) if abs(b[0] - a[0]) > 180]
                assert all(abs(a[1]) == 90 and a[1] == b[1] for a, b in jumps), feature["properties"]["name"]


@pytest.fixture(scope="module")
def tiled_url(web_db: str) -> Iterator[str]:
    cfg = load_config(
        db=web_db, web_tile_url="https://tile.example.org/{z}/{x}/{y}.png", web_tile_attribution="© Tiles"
    )
    with live_server(create_app(cfg)) as url:
        yield url


def test_pages_map_uses_the_configured_tile_url(tiled_url: str, base_url: str) -> None:
    html = _get(tiled_url, "/").text
    assert 'data-tile-url="https://tile.example.org/{z}/{x}/{y}.png"' in html
    assert 'data-tile-attribution="© Tiles"' in html
    assert 'data-tile-url=""' in _get(base_url, "/").text
