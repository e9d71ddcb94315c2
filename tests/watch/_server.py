"""A real HTTP server on 127.0.0.1 (free port, one thread per request) serving feeds and pages to watch tests.

Routes are set and changed while it runs; every request is recorded with its headers and arrival time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

_CHUNK = 64 * 1024


@dataclass
class Route:
    """What one path answers. ``stream_bytes``: that many bytes made on the fly (never held in memory), with
    ``Content-Length`` only when ``declare_length``. ``drip_s``: pause between 1-byte writes of ``body``."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay_s: float = 0.0
    stream_bytes: int = 0
    declare_length: bool = False
    drip_s: float = 0.0
    location: str | None = None


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    at: float  # time.monotonic() when the request arrived


@dataclass
class FeedServer:
    port: int = 0
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    streamed: dict[str, int] = field(default_factory=dict)  # bytes written per streamed path
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def requests_to(self, path: str) -> list[Request]:
        with self.lock:
            return [r for r in self.requests if r.path == path]


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            del format, args

        def do_GET(self) -> None:
            with server.lock:
                server.requests.append(Request(self.path, dict(self.headers.items()), time.monotonic()))
                route = server.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if route.delay_s:
                time.sleep(route.delay_s)
            if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified
            ):
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.etag:
                self.send_header("ETag", route.etag)
            if route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            if route.location:
                self.send_header("Location", route.location)
            if route.stream_bytes:
                self._stream(route)
                return
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            try:
                if route.drip_s:
                    for i in range(len(route.body)):
                        self.wfile.write(route.body[i : i + 1])
                        self.wfile.flush()
                        time.sleep(route.drip_s)
                else:
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _stream(self, route: Route) -> None:
            if route.declare_length:
                self.send_header("Content-Length", str(route.stream_bytes))
            self.end_headers()
            sent = 0
            chunk = b"<p>" + b"x" * (_CHUNK - 7) + b"</p>\n"
            try:
                while sent < route.stream_bytes:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            with server.lock:
                server.streamed[self.path] = sent

    return Handler


@contextmanager
def serving() -> Iterator[FeedServer]:
    """A running :class:`FeedServer`; shut down (and its port closed) on exit."""
    state = FeedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def http_date(seconds: float) -> str:
    return formatdate(seconds, usegmt=True)


def rss(items: list[tuple[str, str]], title: str = "Fixture wire") -> bytes:
    """An RSS 2.0 feed of (title, link) items."""
    entries = "".join(f"<item><title>{escape(t)}</title><link>{escape(link)}</link></item>" for t, link in items)
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>http://127.0.0.1/</link><description>test feed</description>{entries}</channel></rss>"
    ).encode()


def news_page(title: str, paragraphs: list[str]) -> bytes:
    """A news page with navigation residue around the story, as sites serve it."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
        f'<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav><article><h1>{escape(title)}</h1>'
        f"{body}</article><footer>Share this article</footer></body></html>"
    ).encode()


# Distinct story pages: (title, paragraphs). Written for these tests; place names are real, events invented.
STORIES: list[tuple[str, list[str]]] = [
    (
        "Farmers block highway near Kherson in protest over water rights",
        [
            "Several hundred farmers blocked the main highway north of Kherson on Saturday with tractors, "
            "protesting a new regional rule that cuts the water they may draw from the reservoir.",
            "The regional police said the blockade lasted nine hours and that no one was hurt.",
        ],
    ),
    (
        "Shelling damages hospital in Kharkiv, officials say",
        [
            "Artillery shelling damaged a hospital in Kharkiv on Tuesday night, the regional governor said, "
            "adding that two staff members were wounded.",
            "The defence ministry denied that its forces had fired on the city.",
        ],
    ),
    (
        "Thousands march in Tbilisi against foreign agents bill",
        [
            "Thousands of people marched through central Tbilisi on Sunday against a draft law on foreign "
            "agents, according to organisers.",
            "Police said the march was peaceful and that three people were detained for minor offences.",
        ],
    ),
    (
        "Drone strike hits fuel depot in Bryansk region, governor says",
        [
            "A drone struck a fuel depot in the Bryansk region early on Friday, starting a fire that burned for "
            "several hours, the regional governor said on Telegram.",
            "There were no casualties, he said. Kyiv did not comment on the report.",
        ],
    ),
]
