"""Query-string values to store filters. Every value is checked here; a bad one is an :class:`ApiError` 400."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from eventwatch.config import Config
from eventwatch.records import Plover, Status
from eventwatch.store import EventFilters

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")  # events.date may be YYYY, YYYY-MM or YYYY-MM-DD
_COUNTRY = re.compile(r"[A-Za-z]{3}")


class ApiError(Exception):
    """An answer other than 2xx, rendered as ``{"error": {"status", "code", "message"}}``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def bad_request(message: str) -> ApiError:
    return ApiError(400, "bad_request", message)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """The raw event filters of one request, as the client sent them (``None``: not given)."""

    since: str | None = None
    until: str | None = None
    bbox: str | None = None
    near: str | None = None
    plover: str | None = None
    acled: str | None = None
    actor: str | None = None
    country: str | None = None
    status: str | None = None
    q: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {name: getattr(self, name) for name in self.__slots__}


def _floats(name: str, raw: str, n: int) -> tuple[float, ...]:
    parts = raw.split(",")
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        values = ()
    if len(values) != n or not all(math.isfinite(v) for v in values):
        raise bad_request(f"{name} takes {n} comma-separated finite numbers")
    return values


def _text(name: str, raw: str | None, cfg: Config) -> str | None:
    if raw is None or raw == "":
        return None
    if len(raw) > cfg.max_filter_chars:
        raise bad_request(f"{name} is longer than {cfg.max_filter_chars} characters")
    return raw


def check_limit(limit: int | None, cfg: Config) -> int:
    """The page size asked for (default ``page_size``); 400 beyond ``max_page_size``."""
    if limit is None:
        return cfg.page_size
    if not 1 <= limit <= cfg.max_page_size:
        raise bad_request(f"limit must be between 1 and {cfg.max_page_size}")
    return limit


def event_filters(query: EventQuery, cfg: Config, *, limit: int, after_id: str | None) -> EventFilters:
    """The store filters for ``query``; raises ApiError 400 naming the first bad value."""
    for name in ("since", "until"):
        value = getattr(query, name)
        if value is not None and not _DATE.fullmatch(value):
            raise bad_request(f"{name} must be a date YYYY-MM-DD (or YYYY-MM, YYYY)")
    bbox = near = None
    if query.bbox:
        min_lon, min_lat, max_lon, max_lat = _floats("bbox", query.bbox, 4)
        if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
            raise bad_request("bbox must be minlon,minlat,maxlon,maxlat in degrees (minlat <= maxlat)")
        bbox = (min_lon, min_lat, max_lon, max_lat)
    if query.near:
        lat, lon, km = _floats("near", query.near, 3)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
            raise bad_request("near must be lat,lon,km with lat in [-90, 90], lon in [-180, 180], km > 0")
        near = (lat, lon, km)
    plover = None
    if query.plover:
        try:
            plover = Plover(query.plover.upper())
        except ValueError:
            raise bad_request(f"plover must be one of {', '.join(Plover)}") from None
    status = None
    if query.status:
        try:
            status = Status(query.status.lower())
        except ValueError:
            raise bad_request(f"status must be one of {', '.join(Status)}") from None
    country = None
    if query.country:
        if not _COUNTRY.fullmatch(query.country):
            raise bad_request("country must be an ISO 3166-1 alpha-3 code, e.g. SYR")
        country = query.country.upper()
    return EventFilters(
        since=query.since or None,
        until=query.until or None,
        plover=plover,
        country=country,
        near=near,
        status=status,
        limit=limit,
        after_id=after_id,
        bbox=bbox,
        acled=_text("acled", query.acled, cfg),
        actor=_text("actor", query.actor, cfg),
        text=_text("q", query.q, cfg),
    )
