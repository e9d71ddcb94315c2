"""The JSON API under ``/api``: events, articles, sources, stats, ingest and exports."""

from __future__ import annotations

import dataclasses
import hmac
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import TypeAdapter

from eventwatch.api._cursor import BadCursor, CursorCodec
from eventwatch.api._params import ApiError, EventQuery, bad_request, check_limit, event_filters
from eventwatch.api._schemas import (
    ArticleOut,
    ArticlePage,
    ErrorOut,
    EventPage,
    IngestIn,
    IngestOut,
    SourcePage,
)
from eventwatch.config import Config
from eventwatch.errors import InputError
from eventwatch.store import EventDetail, EventFilters, SourceDetail, Store, StoreCounts

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "A parameter is invalid."},
    503: {"model": ErrorOut, "description": "The query ran past its time limit, or the store is unavailable."},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {**ERRORS, 404: {"model": ErrorOut, "description": "No such item."}}

router = APIRouter(prefix="/api", responses=ERRORS)


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _cfg(request: Request) -> Config:
    cfg: Config = request.app.state.cfg
    return cfg


def _codec(request: Request) -> CursorCodec:
    codec: CursorCodec = request.app.state.cursor_codec
    return codec


StoreDep = Annotated[Store, Depends(_store)]
CfgDep = Annotated[Config, Depends(_cfg)]
CodecDep = Annotated[CursorCodec, Depends(_codec)]
Limit = Annotated[int | None, Query(description="Page size (default page_size, at most max_page_size).")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page.")]


def event_query(
    since: Annotated[str | None, Query(description="Earliest event date, YYYY-MM-DD (inclusive).")] = None,
    until: Annotated[str | None, Query(description="Latest event date, YYYY-MM-DD (inclusive).")] = None,
    bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat (RFC 7946 order).")] = None,
    near: Annotated[str | None, Query(description="lat,lon,km: events within km of a point.")] = None,
    plover: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT.")] = None,
    acled: Annotated[str | None, Query(description="ACLED event type, e.g. Battles.")] = None,
    actor: Annotated[str | None, Query(description="Text in either actor's name (case-insensitive).")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-3 code of the event's place.")] = None,
    status: Annotated[str | None, Query(description="single-source | corroborated | contested | denied-only")] = None,
    q: Annotated[str | None, Query(description="Text in an evidence sentence or summary (case-insensitive).")] = None,
) -> EventQuery:
    return EventQuery(since, until, bbox, near, plover, acled, actor, country, status, q)


EventQueryDep = Annotated[EventQuery, Depends(event_query)]


def _digest(filters: EventFilters) -> str:
    key = {k: v for k, v in dataclasses.asdict(filters).items() if k not in ("limit", "after_id")}
    return CursorCodec.filters_digest(key)


def _after(codec: CursorCodec, cursor: str | None, kind: str, digest: str) -> str | None:
    if not cursor:
        return None
    try:
        return codec.decode(cursor, kind, digest)
    except BadCursor as exc:
        raise bad_request(f"cursor: {exc}") from None


def _page(items: list[Any], limit: int, codec: CursorCodec, kind: str, digest: str) -> tuple[list[Any], str | None]:
    """The first ``limit`` items and a cursor after the last when one more item was found."""
    if len(items) <= limit:
        return items, None
    items = items[:limit]
    return items, codec.encode(kind, items[-1].id, digest)


# The busiest routes serialize their answer once, in pydantic-core, and return it as bytes: given the model
# itself, FastAPI validates it against response_model again, then encodes it with jsonable_encoder and
# json.dumps -- about 4x the CPU for a page of 100 events (0.9 ms vs 0.2 ms; bench/api.py runs this mix).
# response_model still documents the answer in the OpenAPI schema.
_EVENT_PAGE = TypeAdapter(EventPage)
_EVENT_DETAIL = TypeAdapter(EventDetail)


def _json(adapter: TypeAdapter[Any], value: object) -> Response:
    return Response(adapter.dump_json(value), media_type="application/json")


@router.get("/events", response_model=EventPage, summary="List fused events")
def list_events(
    store: StoreDep, cfg: CfgDep, codec: CodecDep, query: EventQueryDep, limit: Limit = None, cursor: Cursor = None
) -> Response:
    """Fused events matching every filter given, ordered by id, one page at a time."""
    size = check_limit(limit, cfg)
    filters = event_filters(query, cfg, limit=size + 1, after_id=None)
    digest = _digest(filters)
    filters = dataclasses.replace(filters, after_id=_after(codec, cursor, "events", digest))
    items, next_cursor = _page(store.query_events(filters), size, codec, "events", digest)
    return _json(_EVENT_PAGE, EventPage(items=items, next_cursor=next_cursor))


@router.get("/events/{event_id}", response_model=EventDetail, responses=NOT_FOUND, summary="One event")
def get_event(event_id: str, store: StoreDep) -> Response:
    """The event with its mentions (evidence offsets into each article's text), claims and sources."""
    detail = store.get_event(event_id)
    if detail is None:
        raise ApiError(404, "not_found", "no event with this id")
    return _json(_EVENT_DETAIL, detail)


@router.get("/articles", response_model=ArticlePage, summary="List articles")
def list_articles(
    store: StoreDep, cfg: CfgDep, codec: CodecDep, limit: Limit = None, cursor: Cursor = None
) -> ArticlePage:
    size = check_limit(limit, cfg)
    after = _after(codec, cursor, "articles", "")
    items, next_cursor = _page(store.list_articles(size + 1, after), size, codec, "articles", "")
    return ArticlePage(items=items, next_cursor=next_cursor)


@router.get("/articles/{article_id}", response_model=ArticleOut, responses=NOT_FOUND, summary="One article")
def get_article(article_id: str, store: StoreDep) -> ArticleOut:
    """The article and its text; every offset in events and claims points into ``text``."""
    detail = store.get_article(article_id)
    if detail is None:
        raise ApiError(404, "not_found", "no article with this id")
    fields = dataclasses.asdict(detail.article)
    return ArticleOut(**fields, text=detail.text, event_ids=list(detail.event_ids))


@router.get("/sources", response_model=SourcePage, summary="List sources")
def list_sources(
    store: StoreDep, cfg: CfgDep, codec: CodecDep, limit: Limit = None, cursor: Cursor = None
) -> SourcePage:
    size = check_limit(limit, cfg)
    after = _after(codec, cursor, "sources", "")
    items, next_cursor = _page(store.list_sources(size + 1, after), size, codec, "sources", "")
    return SourcePage(items=items, next_cursor=next_cursor)


@router.get("/sources/{source_id}", response_model=SourceDetail, responses=NOT_FOUND, summary="One source")
def get_source(source_id: str, store: StoreDep, cfg: CfgDep) -> SourceDetail:
    """The source with its claims (at most max_page_size), each with its article and event."""
    detail = store.get_source(source_id, cfg.max_page_size)
    if detail is None:
        raise ApiError(404, "not_found", "no source with this id")
    return detail


@router.get("/stats", response_model=StoreCounts, summary="Counts of stored items")
def stats(store: StoreDep) -> StoreCounts:
    return store.counts()


_INGEST_LOCK = threading.Lock()  # the spaCy pipeline is not shared between threads: one ingest at a time


def _check_token(cfg: Config, authorization: str | None) -> None:
    if not cfg.api_token:
        raise ApiError(403, "writes_disabled", "this server is read-only (set EVENTWATCH_API_TOKEN to allow ingest)")
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), cfg.api_token.encode()):
        raise ApiError(401, "unauthorized", "send Authorization: Bearer <token>")


@router.post(
    "/articles",
    response_model=IngestOut,
    status_code=201,
    summary="Ingest an article (token required)",
    responses={
        200: {"model": IngestOut, "description": "The article was stored before; nothing changed."},
        401: {"model": ErrorOut, "description": "No or wrong bearer token."},
        403: {"model": ErrorOut, "description": "Writes are disabled (no token configured)."},
        413: {"model": ErrorOut, "description": "Request body over max_request_bytes."},
        422: {"model": ErrorOut, "description": "The article was rejected by ingest or processing."},
    },
)
def ingest_article(
    body: IngestIn,
    response: Response,
    store: StoreDep,
    cfg: CfgDep,
    authorization: Annotated[str | None, Header(description="Bearer <token>")] = None,
) -> IngestOut:
    """Run the whole pipeline on the posted text or HTML page and store the result (idempotent)."""
    from eventwatch import fuse, ingest, pipeline
    from eventwatch.store import SaveOutcome

    _check_token(cfg, authorization)
    if (body.text is None) == (body.html is None):
        raise bad_request("give exactly one of text and html")
    origin = f"api:{body.url}" if body.url else "api"
    try:
        if body.html is not None:
            article = ingest.read_html(body.html.encode("utf-8"), origin, cfg, url=body.url)
        else:
            assert body.text is not None
            article = ingest.read_text(
                body.text, origin, cfg, title=body.title, url=body.url, published=body.published, outlet=body.outlet
            )
    except InputError as exc:
        raise ApiError(422, "bad_input", str(exc)) from None
    with _INGEST_LOCK:
        if store.has_article(article.id):
            outcome = SaveOutcome.DUPLICATE
        else:
            try:
                analysis = pipeline.analyse(article, cfg)
            except Exception as exc:  # one bad input: report it, the server goes on (STYLE.md §6)
                raise ApiError(422, "processing_failed", f"{type(exc).__name__}: {exc}") from None
            outcome = store.save(analysis)
            fuse.fuse_store(store, cfg)
    if outcome is SaveOutcome.DUPLICATE:
        response.status_code = 200
    detail = store.get_article(article.id)
    return IngestOut(article_id=article.id, outcome=str(outcome), event_ids=list(detail.event_ids if detail else ()))


# --- exports -------------------------------------------------------------------------------------------------

ExportLimit = Annotated[int | None, Query(description="Most events to export (default and maximum: max_export_rows).")]


def _export_rows(store: Store, cfg: Config, query: EventQuery, limit: int | None) -> Iterator[Any]:
    from eventwatch import export

    if limit is not None and not 1 <= limit <= cfg.max_export_rows:
        raise bad_request(f"limit must be between 1 and {cfg.max_export_rows}")
    filters = event_filters(query, cfg, limit=1, after_id=None)
    rows = list(export.iter_events(store, filters, limit or cfg.max_export_rows))  # errors before the 200
    return iter(rows)


def _details(store: Store, rows: Iterable[Any]) -> Iterator[EventDetail]:
    from eventwatch import export

    return export.iter_details(store, rows)


def _stream(chunks: Iterator[str], media_type: str, filename: str) -> StreamingResponse:
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return StreamingResponse((c.encode("utf-8") for c in chunks), media_type=media_type, headers=headers)


def _export(
    path: str, media_type: str, filename: str, write: Callable[[Store, Iterator[Any]], Iterator[str]], doc: str
) -> None:
    def endpoint(store: StoreDep, cfg: CfgDep, query: EventQueryDep, limit: ExportLimit = None) -> StreamingResponse:
        return _stream(write(store, _export_rows(store, cfg, query, limit)), media_type, filename)

    endpoint.__doc__ = doc
    router.add_api_route(
        path,
        endpoint,
        methods=["GET"],
        response_class=StreamingResponse,
        summary=f"Export events: {filename}",
        responses={200: {"content": {media_type: {}}, "description": doc}},
        name=f"export_{filename}",
    )


def _write_geojson(_store: Store, rows: Iterator[Any]) -> Iterator[str]:
    from eventwatch import export

    yield export.to_geojson(rows)


def _write_json(_store: Store, rows: Iterator[Any]) -> Iterator[str]:
    from eventwatch import export

    yield export.to_json(rows)


def _write_acled(store: Store, rows: Iterator[Any]) -> Iterator[str]:
    from eventwatch import export

    return export.iter_acled_csv(_details(store, rows))


def _write_claims(store: Store, rows: Iterator[Any]) -> Iterator[str]:
    from eventwatch import export

    return export.iter_claims_csv(_details(store, rows))


def _write_jsonl(store: Store, rows: Iterator[Any]) -> Iterator[str]:
    from eventwatch import export

    return export.iter_events_jsonl(_details(store, rows))


def _write_gdelt(store: Store, rows: Iterator[Any]) -> Iterator[str]:
    from eventwatch import export

    return export.iter_gdelt_tsv(_details(store, rows))


_export("/export/events.csv", "text/csv", "events.csv", _write_acled, "ACLED-style CSV, ACLED's column order.")
_export("/export/claims.csv", "text/csv", "claims.csv", _write_claims, "Companion claims CSV, one row per claim.")
_export(
    "/export/events.geojson", "application/geo+json", "events.geojson", _write_geojson, "RFC 7946 FeatureCollection."
)
_export("/export/events.jsonl", "application/x-ndjson", "events.jsonl", _write_jsonl, "JSON Lines, one event per line.")
_export(
    "/export/events.gdelt.tsv",
    "text/tab-separated-values",
    "events.gdelt.tsv",
    _write_gdelt,
    "GDELT 2.0-style events table (tab-separated, no header).",
)
_export("/export/events.json", "application/json", "events.json", _write_json, "Event rows as one JSON array.")
