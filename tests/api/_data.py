"""Stores for the API tests: the hand-built seed analysis plus events spread over places, dates and types."""

from __future__ import annotations

from dataclasses import replace

from eventwatch.records import Analysis, Place, Plover, Precision, Source, SourceKind, Status
from eventwatch.store import Store
from tests.store._records import one_event_analysis, seed_analysis, variant_text

# (name, lat, lon, country): places far apart, one on each side of the antimeridian.
PLACES = [
    ("Aleppo", 36.20124, 37.16117, "SYR"),
    ("Mosul", 36.335, 43.11889, "IRQ"),
    ("Kharkiv", 49.98081, 36.25272, "UKR"),
    ("Suva", -18.14161, 178.44149, "FJI"),
    ("Apia", -13.83333, -171.76666, "WSM"),
]
PLOVERS = [Plover.ASSAULT, Plover.PROTEST, Plover.COERCE, Plover.MOBILIZE]
STATUSES = list(Status)
N_EXTRA = 20


def extra_analyses(n: int = N_EXTRA) -> list[Analysis]:
    """``n`` one-event articles: places, types, statuses and dates cycle so every filter selects a subset."""
    out = []
    for i in range(n):
        name, lat, lon, country = PLACES[i % len(PLACES)]
        text = variant_text(i)
        place = Place(name, None, lat, lon, Precision.CITY, resolved_name=name, country=country)
        sources = (Source(f"Monitor {i % 3}", SourceKind.NGO_MONITOR, None),)
        out.append(
            one_event_analysis(
                text,
                f"ev-extra-{i:03d}",
                plover=PLOVERS[i % len(PLOVERS)],
                status=STATUSES[i % len(STATUSES)],
                date=f"2016-{1 + i % 12:02d}-{1 + i % 28:02d}",
                place=place,
                sources=sources,
                url=f"https://example.org/news/{i}",
            )
        )
    return out


def fill(store: Store) -> None:
    """The seed (with its CONTESTED east-Aleppo strike and Peskov's denial) and the extra events."""
    seed = seed_analysis()
    m0 = replace(seed.event_mentions[0], acled="Battles", acled_sub="Armed clash", cameo="190", fatalities=3)
    store.save(replace(seed, event_mentions=(m0, *seed.event_mentions[1:])))
    for analysis in extra_analyses():
        store.save(analysis)


N_EVENTS = 3 + N_EXTRA
