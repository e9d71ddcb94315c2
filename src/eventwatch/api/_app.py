"""The FastAPI application: JSON API, self-hosted docs page, security middleware, then the web pages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from eventwatch import __version__
from eventwatch.api import _errors
from eventwatch.api._cursor import CursorCodec
from eventwatch.api._middleware import BodySizeLimit, SecurityHeaders, content_security_policy
from eventwatch.api._routes import router
from eventwatch.config import Config
from eventwatch.store import Store, open_store

STATIC_DIR = Path(__file__).resolve().parent / "static"

DESCRIPTION = """Conflict events from news with their evidence: who claims, confirms or denies each event.

Offsets (`*_start`, `*_end`) are character offsets into the article text (`GET /api/articles/{id}`).
Every error answer has the shape `{"error": {"status", "code", "message"}}`. Read-only unless the server has
an API token; `POST /api/articles` then needs `Authorization: Bearer <token>`."""


def create_app(cfg: Config, *, store: Store | None = None) -> FastAPI:
    """The app serving the JSON API under ``/api`` and the web pages, on ``store`` or the store at ``cfg.db``.

    The store goes on ``app.state.store`` and the settings on ``app.state.cfg``. A store opened here (with
    ``cfg.query_timeout_s`` as its query time limit) is closed when the app shuts down; a given one is not.
    """
    owned = store is None
    app_store = store if store is not None else open_store(cfg.db, query_timeout_s=cfg.query_timeout_s)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            app_store.close()

    app = FastAPI(
        title="eventwatch",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/api/openapi.json",
        docs_url=None,  # FastAPI's own docs page loads Swagger UI from a CDN; ours is self-hosted
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = app_store
    app.state.cfg = cfg
    app.state.cursor_codec = CursorCodec(cfg.api_cursor_secret)
    _errors.install(app)
    app.include_router(router)
    app.mount("/api/static", StaticFiles(directory=STATIC_DIR), name="api_static")

    @app.get("/api/docs", include_in_schema=False)
    def docs_page() -> FileResponse:
        return FileResponse(STATIC_DIR / "docs.html", media_type="text/html")

    app.add_middleware(BodySizeLimit, max_bytes=cfg.max_request_bytes)
    app.add_middleware(SecurityHeaders, csp=content_security_policy(cfg.web_tile_url))

    from eventwatch import web  # the pages need the app's routes and state in place

    web.mount(app)
    return app
