"""GET /api/articles, /api/sources (+ their detail pages) and /api/stats."""

from __future__ import annotations

import httpx

from tests.api._data import N_EXTRA
from tests.store._records import seed_analysis


def _all(client: httpx.Client, route: str, limit: int) -> list[dict]:  # type: ignore[type-arg]
    items: list[dict] = []  # type: ignore[type-arg]
    cursor = None
    while True:
        page = client.get(route, params={"limit": limit, **({"cursor": cursor} if cursor else {})}).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


def test_articles_pages_cover_every_article_once_in_id_order(client: httpx.Client) -> None:
    items = _all(client, "/api/articles", 4)
    ids = [a["id"] for a in items]
    assert len(ids) == 1 + N_EXTRA
    assert ids == sorted(set(ids))
    assert "text" not in items[0]  # listings leave the text out


def test_article_detail_has_text_and_its_events(client: httpx.Client) -> None:
    seed_id = seed_analysis().article.id
    article = client.get(f"/api/articles/{seed_id}").json()
    assert "categorically denied by Dmitry Peskov" in article["text"]
    assert len(article["event_ids"]) == 3
    for event_id in article["event_ids"]:
        assert client.get(f"/api/events/{event_id}").status_code == 200


def test_sources_list_and_detail_with_claim_records(client: httpx.Client) -> None:
    sources = _all(client, "/api/sources", 3)
    peskov = next(s for s in sources if s["name"] == "Dmitry Peskov")
    assert peskov["n_claims"] == 1
    detail = client.get(f"/api/sources/{peskov['id']}").json()
    assert detail["source"]["id"] == peskov["id"]
    (claim,) = detail["claims"]
    assert claim["claim"]["stance"] == "deny"
    assert claim["event_id"] and claim["article_id"]
    assert "categorically denied" in claim["claim"]["evidence_text"]


def test_unknown_article_and_source_are_404(client: httpx.Client) -> None:
    for route in ("/api/articles/a-nope", "/api/sources/nope"):
        r = client.get(route)
        assert r.status_code == 404
        assert r.json()["error"]["code"] == "not_found"


def test_stats_counts_the_store(client: httpx.Client) -> None:
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 1 + N_EXTRA
    assert stats["events"] == 3 + N_EXTRA
    assert stats["contested_events"] >= 1
