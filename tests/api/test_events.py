"""GET /api/events and /api/events/{id}: filters, paging, the event detail, the error shape."""

from __future__ import annotations

import httpx
import pytest

from tests.api._data import N_EVENTS


def _ids(client: httpx.Client, **params: object) -> list[str]:
    r = client.get("/api/events", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    return [e["id"] for e in r.json()["items"]]


def test_events_lists_every_event_in_id_order(client: httpx.Client) -> None:
    ids = _ids(client)
    assert len(ids) == N_EVENTS
    assert ids == sorted(ids)


def test_events_items_carry_the_contract_fields(client: httpx.Client) -> None:
    item = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    expected = {"id", "plover", "acled", "status", "date", "latitude", "longitude", "place_name", "country"}
    expected |= {"confidence", "n_mentions", "n_articles", "first_seen", "summary"}
    assert expected <= set(item)


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"status": "contested"}, lambda e: e["status"] == "contested"),
        ({"plover": "protest"}, lambda e: e["plover"] == "PROTEST"),
        ({"country": "irq"}, lambda e: e["country"] == "IRQ"),
        ({"since": "2016-06-01", "until": "2016-09-30"}, lambda e: "2016-06-01" <= (e["date"] or "") <= "2016-09-30"),
        ({"bbox": "30,30,45,40"}, lambda e: 30 <= e["longitude"] <= 45 and 30 <= e["latitude"] <= 40),
        ({"bbox": "170,-20,-170,-10"}, lambda e: e["place_name"] in ("Suva", "Apia")),  # across the antimeridian
        ({"near": "36.2,37.16,10"}, lambda e: e["place_name"] == "Aleppo"),
        ({"acled": "Battles"}, lambda e: e["acled"] == "Battles"),
        ({"q": "GROUND OPERATION"}, lambda e: True),
    ],
)
def test_events_filter_returns_only_and_some_matching(client: httpx.Client, params: dict, check) -> None:  # type: ignore[no-untyped-def,type-arg]
    items = client.get("/api/events", params={"limit": 1000, **params}).json()["items"]
    assert items, params
    assert all(check(e) for e in items), params
    assert len(items) < N_EVENTS or "q" in params


def test_events_actor_filter_matches_either_actor_case_insensitively(client: httpx.Client) -> None:
    ids = _ids(client, actor="SYRIAN ARMY")
    assert ids == [i for i in _ids(client) if i.startswith("ev-a-") and i.endswith("-0")]


def test_events_text_filter_matches_evidence_and_summary(client: httpx.Client) -> None:
    assert len(_ids(client, q="categorically denied")) == 1  # Peskov's denial sentence
    assert len(_ids(client, q="starts a ground operation")) == 1  # the seed's first summary
    assert _ids(client, q="100% certain") == []  # % is a literal character, not a wildcard


def test_events_paging_with_cursor_visits_every_event_once(client: httpx.Client) -> None:
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 7, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/events", params=params).json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == _ids(client)


def test_events_cursor_from_another_filter_is_a_400(client: httpx.Client) -> None:
    cursor = client.get("/api/events", params={"limit": 2}).json()["next_cursor"]
    r = client.get("/api/events", params={"limit": 2, "status": "contested", "cursor": cursor})
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "bad_request"


def test_events_altered_cursor_is_a_400(client: httpx.Client) -> None:
    cursor = client.get("/api/events", params={"limit": 2}).json()["next_cursor"]
    body, mac = cursor.split(".")
    forged = body[:-2] + ("A" if body[-2] != "A" else "B") + body[-1] + "." + mac
    r = client.get("/api/events", params={"limit": 2, "cursor": forged})
    assert r.status_code == 400
    assert set(r.json()) == {"error"}


@pytest.mark.parametrize("limit", [0, -1, 1001, "many"])
def test_events_limit_out_of_range_is_a_400(client: httpx.Client, limit: object) -> None:
    r = client.get("/api/events", params={"limit": limit})
    assert r.status_code == 400
    assert r.json()["error"]["status"] == 400


def test_event_detail_has_mentions_claims_and_evidence_offsets(client: httpx.Client) -> None:
    contested = client.get("/api/events", params={"status": "contested", "q": "air strikes"}).json()["items"]
    assert len(contested) == 1
    detail = client.get(f"/api/events/{contested[0]['id']}").json()
    assert set(detail) >= {"event", "mentions", "claims"}
    denial = [c for c in detail["claims"] if c["stance"] == "deny"]
    assert denial and denial[0]["source_name"] == "Dmitry Peskov"
    article = client.get(f"/api/articles/{detail['mentions'][0]['article_id']}").json()
    for c in detail["claims"]:
        assert article["text"][c["evidence_start"] : c["evidence_end"]] == c["evidence_text"]
    m = detail["mentions"][0]
    assert article["text"][m["evidence_start"] : m["evidence_end"]] == m["evidence_text"]


def test_event_unknown_id_is_a_404_in_the_error_shape(client: httpx.Client) -> None:
    r = client.get("/api/events/ev-does-not-exist")
    assert r.status_code == 404
    assert r.json() == {"error": {"status": 404, "code": "not_found", "message": "no event with this id"}}


def test_unknown_route_is_a_404_in_the_error_shape(client: httpx.Client) -> None:
    r = client.get("/api/nothing-here")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found"


def test_every_answer_carries_the_security_headers(client: httpx.Client) -> None:
    for path in ("/api/events", "/api/nothing-here", "/api/docs", "/api/openapi.json"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
