"""``eventwatch.store.rows``: filter values are checked when built."""

from __future__ import annotations

import pytest

from eventwatch.store import EventFilters


@pytest.mark.parametrize(
    "kwargs",
    [
        {"limit": 0},
        {"limit": -5},
        {"near": (91.0, 0.0, 10.0)},
        {"near": (0.0, 181.0, 10.0)},
        {"near": (0.0, 0.0, 0.0)},
        {"near": (0.0, 0.0, -1.0)},
        {"near": (0.0, 0.0, float("inf"))},
        {"near": (0.0, 0.0, float("nan"))},
    ],
    ids=repr,
)
def test_event_filters_reject_bad_values(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        EventFilters(**kwargs)


def test_event_filters_default_is_everything_first_page() -> None:
    f = EventFilters()
    assert (f.since, f.plover, f.near, f.contested, f.limit, f.after_id) == (
        None,
        None,
        None,
        None,
        100,
        None,
    )
