"""Reading what an export writes: every event matching the filters, page by page, with its details."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from datetime import datetime

from eventwatch.store import EventDetail, EventFilters, EventRow, Store

_PAGE = 500  # events per store query while exporting: big enough to be fast, small enough to stream


def iter_events(store: Store, filters: EventFilters, max_rows: int) -> Iterator[EventRow]:
    """Events matching ``filters`` in id order after its ``after_id``, at most ``max_rows`` (its limit ignored)."""
    after = filters.after_id
    left = max_rows
    while left > 0:
        page = store.query_events(dataclasses.replace(filters, limit=min(_PAGE, left), after_id=after))
        yield from page
        if len(page) < min(_PAGE, left):
            return
        left -= len(page)
        after = page[-1].id


def iter_details(store: Store, events: Iterable[EventRow]) -> Iterator[EventDetail]:
    """Each event with its mentions and claims (events deleted meanwhile are left out)."""
    for event in events:
        detail = store.get_event(event.id)
        if detail is not None:
            yield detail


def unix_time(iso: str | None) -> int | None:
    """Seconds since 1970 of an ISO 8601 time with offset; None when missing or unreadable."""
    if not iso:
        return None
    try:
        return int(datetime.fromisoformat(iso).timestamp())
    except ValueError:
        return None


def distinct_sources(detail: EventDetail) -> list[str]:
    """Names of the sources claiming something about the event, first claim first, each once."""
    return list(dict.fromkeys(c.source_name for c in detail.claims))
