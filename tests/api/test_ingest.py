"""POST /api/articles with the token: the real pipeline runs on the posted text or HTML and the result is stored."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from eventwatch.api import create_app
from tests._live_server import live_server
from tests.api.conftest import TOKEN, api_config
from tests.conftest import TEST_DATA

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def ingest_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = str(tmp_path_factory.mktemp("ingest") / "eventwatch.db")
    with live_server(create_app(api_config(db))) as url:
        yield url


def test_ingest_seed_text_stores_the_contested_strike(ingest_url: str, seed_text: str) -> None:
    body = {"text": seed_text, "url": "https://theduran.com/confirmed-syrian-army-launches-major-offensive-in-aleppo/"}
    r = httpx.post(ingest_url + "/api/articles", json=body, headers=AUTH, timeout=300)
    assert r.status_code == 201, r.text
    stored = r.json()
    assert stored["outcome"] == "stored" and stored["event_ids"]
    contested = httpx.get(ingest_url + "/api/events", params={"status": "contested", "q": "Peskov"}).json()["items"]
    assert contested
    detail = httpx.get(ingest_url + f"/api/events/{contested[0]['id']}").json()
    assert any(c["stance"] == "deny" and "Peskov" in c["source_name"] for c in detail["claims"])

    again = httpx.post(ingest_url + "/api/articles", json=body, headers=AUTH, timeout=300)
    assert again.status_code == 200  # re-ingest is a no-op
    assert again.json()["outcome"] == "duplicate"
    assert again.json()["article_id"] == stored["article_id"]


def test_ingest_html_page(ingest_url: str) -> None:
    html = (TEST_DATA / "ingest" / "html" / "protest_page.html").read_text(encoding="utf-8")
    r = httpx.post(ingest_url + "/api/articles", json={"html": html}, headers=AUTH, timeout=300)
    assert r.status_code == 201, r.text
    article = httpx.get(ingest_url + f"/api/articles/{r.json()['article_id']}").json()
    assert article["text"]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"text": "too short"}, 422),
        ({}, 400),
        ({"text": "a" * 100, "html": "<p>b</p>"}, 400),
        ({"text": 5}, 400),
        ({"text": "a" * 100, "unknown": 1}, 400),
    ],
)
def test_ingest_bad_body_is_a_4xx_and_stores_nothing(ingest_url: str, body: dict, status: int) -> None:  # type: ignore[type-arg]
    before = httpx.get(ingest_url + "/api/stats").json()["articles"]
    r = httpx.post(ingest_url + "/api/articles", json=body, headers=AUTH)
    assert r.status_code == status, r.text
    assert r.json()["error"]["status"] == status
    assert httpx.get(ingest_url + "/api/stats").json()["articles"] == before
