"""``eventwatch serve``: the API and web app under uvicorn, on loopback unless told otherwise."""

from __future__ import annotations

import logging
from typing import Any

import uvicorn

from eventwatch.config import Config

log = logging.getLogger(__name__)


def uvicorn_options(cfg: Config) -> dict[str, Any]:
    """The uvicorn settings ``serve`` uses. Keep-alive is ``cfg.keep_alive_s``: longer than clients' idle
    timeouts (httpx 5 s, browsers 60 s and more), so the server never closes a connection just as a client
    reuses it -- the client would see a reset instead of an answer."""
    return {"timeout_keep_alive": int(cfg.keep_alive_s), "server_header": False, "log_level": "warning"}


def serve(cfg: Config, host: str, port: int) -> None:
    """Run the app until interrupted."""
    from eventwatch.api import create_app

    app = create_app(cfg)
    writable = "read-write (token set)" if cfg.api_token else "read-only"
    log.info("serve: http://%s:%d/ on %s, %s", host, port, cfg.db, writable)
    uvicorn.run(app, host=host, port=port, **uvicorn_options(cfg))
