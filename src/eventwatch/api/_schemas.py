"""Pydantic models of the API's requests and answers (the OpenAPI schema is generated from them).

Store rows (dataclasses in ``eventwatch.store.rows``) are embedded as they are, so a field added to a row
reaches the JSON answers and the OpenAPI schema without a change here.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from eventwatch.store import ArticleRow, EventDetail, EventRow, SourceDetail, SourceRow, StoreCounts


class ErrorBody(BaseModel):
    status: int = Field(description="The HTTP status code, repeated.")
    code: str = Field(description="A stable machine-readable code, e.g. not_found, bad_request, query_timeout.")
    message: str = Field(description="One line for people: what is wrong and what to do.")


class ErrorOut(BaseModel):
    """The one shape of every 4xx and 5xx answer."""

    error: ErrorBody


class EventPage(BaseModel):
    items: list[EventRow]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last page.")


class ArticlePage(BaseModel):
    items: list[ArticleRow]
    next_cursor: str | None


class SourcePage(BaseModel):
    items: list[SourceRow]
    next_cursor: str | None


class ArticleOut(BaseModel):
    """One article; every offset in events and claims is a character offset into ``text``."""

    id: str
    title: str | None
    url: str | None
    published: str | None
    outlet: str | None
    language: str | None
    ingested_at: str
    text: str
    event_ids: list[str]


class IngestIn(BaseModel):
    """An article to process and store: plain ``text`` or an ``html`` page (exactly one of them)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    outlet: str | None = None


class IngestOut(BaseModel):
    article_id: str
    outcome: str = Field(description="stored, or duplicate when the same article was stored before.")
    event_ids: list[str]


__all__ = [
    "ArticleOut",
    "ArticlePage",
    "ErrorOut",
    "EventDetail",
    "EventPage",
    "IngestIn",
    "IngestOut",
    "SourceDetail",
    "SourcePage",
    "StoreCounts",
]
