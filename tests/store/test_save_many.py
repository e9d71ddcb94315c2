"""Store.save_many: one transaction per batch, each article atomic on its own (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from eventwatch.errors import StoreError
from eventwatch.records import Analysis, Span
from eventwatch.store import SaveOutcome, Store, open_store
from tests.reliability._signature import content_signature
from tests.store._records import seed_analysis, variant_text


def _bad_stance(a: Analysis) -> Analysis:
    """An analysis whose write fails half-way, at its third mention's claim (a CHECK constraint)."""
    m = a.event_mentions[2]
    return replace(a, event_mentions=(*a.event_mentions[:2], replace(m, claims=(replace(m.claims[0], stance="x"),))))


def _past_the_end(a: Analysis) -> Analysis:
    """An analysis refused before any write: a span past the end of its text."""
    n = len(a.article.text)
    return replace(a, event_mentions=(replace(a.event_mentions[0], trigger=Span(n - 1, n + 5)),))


def test_a_batch_stores_what_saving_one_by_one_stores(tmp_path: Path, store_url: str) -> None:
    batch = [seed_analysis(variant_text(i)) for i in range(1, 4)]
    reference = str(tmp_path / "one-by-one.db")
    with open_store(reference) as st:
        for analysis in batch:
            st.save(analysis)
    with open_store(store_url) as st:
        assert st.save_many(batch) == [SaveOutcome.STORED] * 3
    one_by_one, batched = content_signature(reference), content_signature(store_url)
    assert batched == {name: rows for name, rows in one_by_one.items() if name in batched}


@pytest.mark.parametrize("spoil", [_bad_stance, _past_the_end])
def test_a_failing_article_is_rolled_back_alone_and_reported_in_its_place(store: Store, spoil) -> None:  # type: ignore[no-untyped-def]
    good = [seed_analysis(variant_text(1)), seed_analysis(variant_text(3))]
    bad = spoil(seed_analysis(variant_text(2)))
    first, error, last = store.save_many([good[0], bad, good[1]])
    assert (first, last) == (SaveOutcome.STORED, SaveOutcome.STORED)
    assert isinstance(error, StoreError) and bad.article.id in str(error)
    assert not store.has_article(bad.article.id)
    assert all(store.has_article(a.article.id) for a in good)
    assert store.counts().articles == 2
    assert store.save(seed_analysis(variant_text(2))) is SaveOutcome.STORED  # the store is fine afterwards


def test_an_article_twice_in_a_batch_or_already_stored_is_a_duplicate(store: Store) -> None:
    stored = seed_analysis(variant_text(1))
    store.save(stored)
    again = seed_analysis(variant_text(2))
    assert store.save_many([stored, again, again]) == [SaveOutcome.DUPLICATE, SaveOutcome.STORED, SaveOutcome.DUPLICATE]
    assert store.counts().articles == 2


def test_an_empty_batch_stores_nothing(store: Store) -> None:
    assert store.save_many([]) == []
    assert store.counts().articles == 0
