"""``eventwatch.store._read`` through ``Store.query_events``: filters, paging, hostile values."""

from __future__ import annotations

import pytest

from eventwatch.records import Plover, Status
from eventwatch.store import EventFilters, Store
from tests.store._records import city, one_event_analysis, variant_text

# id: (PLOVER type, status, date, place); ids sort in this order, which is the order results come in.
EVENTS = {
    "ev-aleppo": (
        Plover.ASSAULT,
        Status.CORROBORATED,
        "2016-10-01",
        city("Aleppo", 36.20124, 37.16117, "SYR"),
    ),
    "ev-damascus": (
        Plover.ASSAULT,
        Status.CONTESTED,
        "2016-10-05",
        city("Damascus", 33.5102, 36.29128, "SYR"),
    ),
    "ev-kyiv": (Plover.PROTEST, Status.SINGLE_SOURCE, "2022-03-01", city("Kyiv", 50.45466, 30.5238, "UKR")),
    "ev-nowhere": (Plover.THREATEN, Status.SINGLE_SOURCE, None, None),
    "ev-sanaa": (Plover.COERCE, Status.DENIED_ONLY, "2015-05", city("Sanaa", 15.35472, 44.20667, "YEM")),
    "ev-suva": (
        Plover.PROTEST,
        Status.SINGLE_SOURCE,
        "2020-01-01",
        city("Suva", -18.14161, 178.44149, "FJI"),
    ),
}
ALL = list(EVENTS)


@pytest.fixture
def events_store(store: Store) -> Store:
    for n, (event_id, (plover, status, date, place)) in enumerate(EVENTS.items()):
        analysis = one_event_analysis(variant_text(n), event_id, plover=plover, status=status, date=date, place=place)
        store.save(analysis)
    return store


def _ids(store: Store, filters: EventFilters) -> list[str]:
    return [e.id for e in store.query_events(filters)]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilters(), ALL),
        (EventFilters(since="2016-10-02"), ["ev-damascus", "ev-kyiv", "ev-suva"]),
        (EventFilters(until="2016-10-01"), ["ev-aleppo", "ev-sanaa"]),
        (EventFilters(since="2016-10-01", until="2016-10-31"), ["ev-aleppo", "ev-damascus"]),
        (EventFilters(since="2015-05"), ["ev-aleppo", "ev-damascus", "ev-kyiv", "ev-sanaa", "ev-suva"]),
        (EventFilters(plover=Plover.PROTEST), ["ev-kyiv", "ev-suva"]),
        (EventFilters(country="SYR"), ["ev-aleppo", "ev-damascus"]),
        (EventFilters(status=Status.DENIED_ONLY), ["ev-sanaa"]),
        (EventFilters(contested=True), ["ev-damascus"]),
        (EventFilters(contested=False), ["ev-aleppo", "ev-kyiv", "ev-nowhere", "ev-sanaa", "ev-suva"]),
        (EventFilters(near=(36.2, 37.15, 50.0)), ["ev-aleppo"]),
        (EventFilters(near=(36.2, 37.15, 400.0)), ["ev-aleppo", "ev-damascus"]),
        (EventFilters(near=(-18.0, -179.9, 200.0)), ["ev-suva"]),  # across the antimeridian
        (EventFilters(near=(89.9, 0.0, 100.0)), []),  # the box reaches the pole
        (EventFilters(plover=Plover.ASSAULT, country="SYR", contested=True), ["ev-damascus"]),
        (EventFilters(limit=2), ["ev-aleppo", "ev-damascus"]),
        (EventFilters(after_id="ev-kyiv", limit=2), ["ev-nowhere", "ev-sanaa"]),
    ],
    ids=repr,
)
def test_query_events_filters(events_store: Store, filters: EventFilters, expected: list[str]) -> None:
    assert _ids(events_store, filters) == expected


def test_query_events_near_fills_limit_past_box_corners(events_store: Store) -> None:
    # Aleppo is inside the bounding box around Damascus but 303 km away: the first page (by id) holds only
    # Aleppo, which the haversine test drops, so the query must read on to fill the limit.
    assert _ids(events_store, EventFilters(near=(33.5102, 36.29128, 303.0), limit=1)) == ["ev-damascus"]


def test_query_events_pages_cover_every_event_once(events_store: Store) -> None:
    seen: list[str] = []
    after = None
    while page := _ids(events_store, EventFilters(limit=4, after_id=after)):
        seen += page
        after = page[-1]
    assert seen == ALL


def test_query_events_row_carries_place_and_counts(events_store: Store) -> None:
    (row,) = events_store.query_events(EventFilters(country="UKR"))
    got = (row.plover, row.status, row.date, row.place_name, row.latitude, row.n_mentions, row.n_articles)
    assert got == (Plover.PROTEST, Status.SINGLE_SOURCE, "2022-03-01", "Kyiv", 50.45466, 1, 1)


HOSTILE = [
    "' OR '1'='1",
    "x'; DROP TABLE events; --",
    '" OR 1=1 --',
    "SYR' UNION SELECT * FROM articles --",
    "%",
    "\x00",
]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("field", ["plover", "country", "status"])
def test_query_events_hostile_equality_value_matches_nothing(events_store: Store, field: str, value: str) -> None:
    before = events_store.counts()
    assert events_store.query_events(EventFilters(**{field: value})) == []
    assert events_store.counts() == before


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("field", ["since", "until", "after_id"])
def test_query_events_hostile_range_value_is_only_compared(events_store: Store, field: str, value: str) -> None:
    before = events_store.counts()
    rows = events_store.query_events(EventFilters(**{field: value}))
    assert {r.id for r in rows} <= set(ALL)
    assert events_store.counts() == before
