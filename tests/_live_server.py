"""A real uvicorn server on a free 127.0.0.1 port, in a thread, for tests that talk HTTP or drive a browser."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

READY_TIMEOUT_S = 30.0


def free_port() -> int:
    """A TCP port nobody listens on right now (the kernel picks it; there is a small race, as always)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_server(app: Any, **uvicorn_options: Any) -> Iterator[str]:
    """Serve ``app`` on 127.0.0.1 until the block ends; yields the base URL (``http://127.0.0.1:PORT``).

    Extra keyword arguments go to :class:`uvicorn.Config` (e.g. ``timeout_keep_alive``). Fails (never skips)
    when the server does not come up within READY_TIMEOUT_S.
    """
    port = free_port()
    options: dict[str, Any] = {"log_level": "warning", "lifespan": "on", **uvicorn_options}
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, **options))
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + READY_TIMEOUT_S
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError(f"live_server: uvicorn on port {port} exited before it started")
        if time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError(f"live_server: uvicorn on port {port} not ready after {READY_TIMEOUT_S} s")
        time.sleep(0.02)
    try:
        yield base_url
    finally:
        server.should_exit = True
        thread.join(timeout=READY_TIMEOUT_S)
