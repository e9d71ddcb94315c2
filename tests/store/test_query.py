"""``eventwatch.store._query``: the text (``q``) and actor filters search ``mention_texts`` through its trigram
index (FTS5 on SQLite, pg_trgm on PostgreSQL) and keep their meaning: a case-insensitive substring of a mention's
evidence, summary or claim evidence (``q``), or of an actor's surface text or name (``actor``)."""

from __future__ import annotations

import pytest

from eventwatch.records import Analysis
from eventwatch.store import EventFilters, Store


@pytest.fixture
def seed_store(store: Store, seed: Analysis) -> Store:
    store.save(seed)
    return store


def _event_of(seed: Analysis) -> dict[str, str]:
    return {mid: ev.id for ev in seed.events for mid in ev.mention_ids}


def _expected_text(seed: Analysis, needle: str) -> set[str]:
    """The events the ``q`` filter must find, computed from the records (ASCII needles: every fold agrees)."""
    text, event_of, found = seed.article.text, _event_of(seed), set()
    for m in seed.event_mentions:
        texts = [text[m.evidence[0].start : m.evidence[0].end], m.summary or ""]
        texts += [text[c.evidence.start : c.evidence.end] for c in m.claims]
        if any(needle.lower() in t.lower() for t in texts):
            found.add(event_of[m.id])
    return found


def _expected_actor(seed: Analysis, needle: str) -> set[str]:
    event_of, found = _event_of(seed), set()
    for m in seed.event_mentions:
        names = [v for a in (m.actor1, m.actor2) if a is not None for v in (a.text, a.name or "")]
        if any(needle.lower() in v.lower() for v in names):
            found.add(event_of[m.id])
    return found


def _ids(store: Store, **filters: str) -> set[str]:
    return {e.id for e in store.query_events(EventFilters(**filters))}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "needle",
    [
        "ground operation",  # main evidence
        "GROUND OPERATION",  # case-insensitive
        "round operatio",  # inside words: a substring, not a word or phrase match
        "starts a ground",  # summary only
        "appear to confirm",  # a claim's evidence only
        "categorically denied",
        "Syrian",  # several events
        "ar",  # shorter than a trigram: matched without the index
        "a",
        "Al-Qaeda controlled",  # punctuation
        "storm militants",
    ],
)
def test_query_events_text_matches_substring_of_evidence_summary_or_claim(
    seed_store: Store, seed: Analysis, needle: str
) -> None:
    expected = _expected_text(seed, needle)
    assert expected, f"bad test case: {needle!r} matches nothing"
    assert _ids(seed_store, text=needle) == expected


@pytest.mark.parametrize(
    "needle",
    [
        "CONFIRMED: Syrian army launches",  # the title: article text, in no evidence
        "100% certain",  # % is a literal character
        "ground_operation",  # _ too
        '"ground operation"',  # quotes are characters, not FTS5 syntax
        'ground" OR "Aleppo',
        "ground operation*",
        "NEAR(ground operation)",
        "zz",
    ],
)
def test_query_events_text_outside_evidence_or_with_query_syntax_matches_nothing(
    seed_store: Store, needle: str
) -> None:
    assert _ids(seed_store, text=needle) == set()


def test_query_events_text_matches_non_ascii_evidence(seed_store: Store, seed: Analysis) -> None:
    needle = "Putin’s spokesman"  # U+2019 in a claim's evidence
    assert _ids(seed_store, text=needle) == _expected_text(seed, needle) != set()


@pytest.mark.parametrize("needle", ["Syrian Army", "syrian ARMY", "rian ar", "the Syrian army", "nobody at all", "y"])
def test_query_events_actor_matches_substring_of_either_actor(seed_store: Store, seed: Analysis, needle: str) -> None:
    assert _ids(seed_store, actor=needle) == _expected_actor(seed, needle)


def test_query_events_actor_and_text_hold_for_the_same_mention(seed_store: Store, seed: Analysis) -> None:
    (syrian_army,) = _expected_actor(seed, "Syrian Army")
    assert _ids(seed_store, actor="Syrian Army", text="ground operation") == {syrian_army}
    # Both filters match the store, but in different mentions: no event has one mention matching both.
    assert _ids(seed_store, text="categorically denied") != set()
    assert _ids(seed_store, actor="Syrian Army", text="categorically denied") == set()
