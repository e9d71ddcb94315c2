"""The web app: HTML pages (map + timeline + filters, event page, article page) and their static files.

:func:`mount` adds them to the API's FastAPI app, so one process serves both; pages read the store put on
``app.state.store`` and the settings on ``app.state.cfg``. Text reaches HTML only through autoescaped Jinja2
templates (server side) or DOM ``textContent`` (``static/*.js``); the pages load nothing from other hosts.
"""

from eventwatch.web._pages import STATIC_DIR, mount

__all__ = ["STATIC_DIR", "mount"]
