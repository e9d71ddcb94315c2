"""HTML routes: ``/`` (map, timeline, filters), ``/events/{id}`` and ``/articles/{id}``, plus ``/static``.

Pages are rendered by Jinja2 with autoescaping; the map page's data comes from the JSON API (``static/map.js``).
Handlers are plain ``def`` so FastAPI runs the blocking store reads in its thread pool.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from eventwatch.config import Config
from eventwatch.records import Plover, Status
from eventwatch.store.protocol import Store
from eventwatch.web._highlight import parse_range, split_marks
from eventwatch.web._views import STATUS_LABELS, event_title, event_view

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"
# Jinja2Templates autoescapes .html templates; every page extends base.html.
TEMPLATES = Jinja2Templates(directory=WEB_DIR / "templates")
_LINKABLE_SCHEMES = ("http://", "https://")


def http_url(url: str | None) -> str:
    """``url`` when it is an http(s) URL, else "" (a stored ``javascript:`` URL must never become a link)."""
    return url if url and url.strip().lower().startswith(_LINKABLE_SCHEMES) and url == url.strip() else ""


TEMPLATES.env.filters["http_url"] = http_url


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _render(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status_code)


def _not_found(request: Request, what: str) -> Response:
    return _render(request, "not_found.html", status_code=404, what=what)


def map_page(request: Request) -> Response:
    cfg: Config = request.app.state.cfg
    return _render(
        request,
        "map.html",
        plovers=[str(p) for p in Plover],
        statuses=[(str(s), STATUS_LABELS[s]) for s in Status],
        tile_url=cfg.web_tile_url,
        tile_attribution=cfg.web_tile_attribution,
        max_events=cfg.web_max_events,
        max_element_markers=cfg.web_max_element_markers,
        page_size=cfg.max_page_size,
    )


def event_page(request: Request, event_id: str) -> Response:
    detail = _store(request).get_event(event_id)
    if detail is None:
        return _not_found(request, "event")
    cfg: Config = request.app.state.cfg
    return _render(request, "event.html", view=event_view(detail), tile_url=cfg.web_tile_url)


def article_page(request: Request, article_id: str, hl: str | None = None) -> Response:
    """The article's text; ``?hl=START-END`` (character offsets) marks that span, e.g. an evidence sentence."""
    store = _store(request)
    detail = store.get_article(article_id)
    if detail is None:
        return _not_found(request, "article")
    span = parse_range(hl)
    marks = [(span[0], span[1], "evidence")] if span else []
    pieces = split_marks(detail.text, marks)
    cfg: Config = request.app.state.cfg
    events = [e for e in (store.get_event(i) for i in detail.event_ids[: cfg.max_page_size]) if e is not None]
    return _render(
        request,
        "article.html",
        detail=detail,
        events=[(e.event, event_title(e), STATUS_LABELS.get(e.event.status, str(e.event.status))) for e in events],
        text_pieces=pieces,
        is_highlighted=any(p.mark for p in pieces),
    )


def mount(app: FastAPI) -> None:
    """Add the HTML pages and ``/static`` to ``app`` (called last by ``eventwatch.api.create_app``)."""
    for path, endpoint in (
        ("/", map_page),
        ("/events/{event_id}", event_page),
        ("/articles/{article_id}", article_page),
    ):
        app.add_api_route(path, endpoint, methods=["GET"], response_class=HTMLResponse, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
