"""The HTTP API: a FastAPI app over a store, JSON under ``/api``, exports and the self-hosted docs page.

``create_app(cfg)`` builds it; ``eventwatch serve`` runs it with uvicorn. ``docs/api.md`` describes the routes.
"""

from eventwatch.api._app import create_app
from eventwatch.api._params import ApiError, EventQuery, event_filters

__all__ = ["ApiError", "EventQuery", "create_app", "event_filters"]
