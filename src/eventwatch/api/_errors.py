"""One JSON error shape for every 4xx and 5xx: ``{"error": {"status", "code", "message"}}``."""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwatch.api._params import ApiError
from eventwatch.errors import QueryTimeoutError, StoreError

log = logging.getLogger(__name__)


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"status": status, "code": code, "message": message}}
    return JSONResponse(body, status_code=status, headers=headers)


def _code(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "error"


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    return error_response(exc.status, exc.code, exc.message, headers)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers) if exc.headers else None
    return error_response(exc.status_code, _code(exc.status_code), str(exc.detail), headers)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body"))
    message = f"{where}: {first.get('msg', 'invalid value')}" if where else str(first.get("msg", "invalid request"))
    return error_response(400, "bad_request", message)


async def _timeout(_request: Request, exc: Exception) -> JSONResponse:
    return error_response(503, "query_timeout", f"{exc}; narrow the filters or ask for a smaller page")


async def _store_error(_request: Request, exc: Exception) -> JSONResponse:
    log.error("api: %s", exc)
    return error_response(503, "store_unavailable", "the store could not answer; try again later")


async def _internal(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("api: unexpected error", exc_info=exc)
    return error_response(500, "internal_error", "unexpected server error (logged)")


def install(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(QueryTimeoutError, _timeout)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(Exception, _internal)
