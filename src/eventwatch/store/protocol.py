"""What every store back end offers; the pipeline, CLI and API depend on this, not on an engine."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import Protocol, Self

from eventwatch.errors import StoreError
from eventwatch.records import Analysis, Article
from eventwatch.store._fusion import PlanFn, SummarizeFn, WindowsFn
from eventwatch.store.rows import (
    ArticleDetail,
    ArticleRow,
    EventDetail,
    EventFilters,
    EventRow,
    SaveOutcome,
    SourceDetail,
    SourceRow,
    StoreCounts,
)


class Store(Protocol):
    def save(self, analysis: Analysis) -> SaveOutcome:
        """Store one article and everything found in it, all in one transaction.

        Idempotent: an article whose id or content hash is already stored is left as it is and DUPLICATE is
        returned (a new URL for it is recorded in ``article_urls``). Raises StoreError when the write fails;
        then nothing of this article is stored.
        """
        ...

    def save_many(self, analyses: Sequence[Analysis]) -> list[SaveOutcome | StoreError]:
        """Store a batch of articles in one transaction, each article still all-or-nothing: per article the
        ``save`` outcome, or the StoreError that kept it out; when a write fails the batch is rolled back and
        its articles are saved one by one, so none is lost."""
        ...

    def has_article(self, article_id: str) -> bool: ...

    def counts(self) -> StoreCounts: ...

    def query_events(self, filters: EventFilters) -> list[EventRow]:
        """Fused events matching every given filter, ordered by id, at most ``filters.limit``."""
        ...

    def get_event(self, event_id: str) -> EventDetail | None:
        """The event with its mentions, their claims and places; None when no such event.

        An id that cross-article fusion merged into another event returns that event (its ``event.id``
        differs from the id asked for; the old id is among its ``aliases``).
        """
        ...

    def fuse_events(self, plan: PlanFn, summarize: SummarizeFn, windows: WindowsFn) -> int:
        """Fuse the mentions not yet fused across articles, in one write transaction; returns how many.

        ``plan`` gets the fused mentions that may be the same event (same types, dated in the ``windows`` of the new
        ones)
        and the new mentions, and says which event each new mention joins and which events merge;
        ``summarize`` then computes the record of every event that changed. Concurrent callers serialize.
        """
        ...

    def list_articles(self, limit: int, after_id: str | None = None) -> list[ArticleRow]:
        """Stored articles ordered by id, at most ``limit``, with ids after ``after_id`` (keyset paging)."""
        ...

    def get_article(self, article_id: str) -> ArticleDetail | None:
        """The article with its text and the fused events found in it; None when no such article."""
        ...

    def list_sources(self, limit: int, after_id: str | None = None) -> list[SourceRow]:
        """Distinct sources ordered by id, at most ``limit``, with ids after ``after_id``."""
        ...

    def get_source(self, source_id: str, max_claims: int) -> SourceDetail | None:
        """The source with at most ``max_claims`` of its claims; None when no such source."""
        ...

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, ordered by id."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...
