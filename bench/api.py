"""API latency under concurrent keep-alive clients over a store of 20,000 events (issue 8 figure).

Fills a SQLite store with synthetic one-event articles saved through the real store (``--n`` events, reused
when the file already holds them), starts ``eventwatch serve`` in its own process on a free loopback port,
warms up, then for each client count runs that many concurrent keep-alive clients (one connection each,
``--requests`` requests each) over a fixed mix of listing, filter, paging and detail queries. Prints p50/p95/p99
latency in ms, requests/s and errors (transport errors and 5xx answers) per client count. The issue's bar:
0 errors at 8 clients and p99 < 250 ms.

    .venv/bin/python bench/api.py [--n 20000] [--clients 8,32] [--requests 100] [--db PATH] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from _common import emit, machine, percentile
from eventwatch.records import (
    Actor,
    Analysis,
    Article,
    Claim,
    Event,
    EventMention,
    Factuality,
    ParsedArticle,
    Place,
    Plover,
    Precision,
    Sentence,
    Source,
    SourceKind,
    Span,
    Stance,
    Status,
)
from eventwatch.store import open_store

SEED = 8
PLACES = [
    ("Aleppo", 36.20124, 37.16117, "SYR"),
    ("Idlib", 35.93062, 36.63393, "SYR"),
    ("Mosul", 36.335, 43.11889, "IRQ"),
    ("Kharkiv", 49.98081, 36.25272, "UKR"),
    ("Khartoum", 15.55177, 32.53241, "SDN"),
    ("Gao", 16.27167, -0.04472, "MLI"),
    ("Sanaa", 15.35472, 44.20667, "YEM"),
    ("Mogadishu", 2.03711, 45.34375, "SOM"),
]
ACTORS = ["Syrian army", "rebel fighters", "Russian aircraft", "police", "militants", "protesters"]
SOURCES = [("the Syrian Observatory", SourceKind.NGO_MONITOR), ("a military spokesman", SourceKind.MILITARY)]
PLOVERS = [Plover.ASSAULT, Plover.ASSAULT, Plover.PROTEST, Plover.COERCE, Plover.MOBILIZE]
STATUSES = [Status.SINGLE_SOURCE, Status.SINGLE_SOURCE, Status.CORROBORATED, Status.CONTESTED, Status.DENIED_ONLY]


def _analysis(i: int, rng: random.Random) -> Analysis:
    """One short article with one event mention, one claim and one place; ids distinct per ``i``."""
    place, lat, lon, country = rng.choice(PLACES)
    actor = rng.choice(ACTORS)
    source, kind = rng.choice(SOURCES)
    date = f"20{rng.randint(14, 24):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    sentence = f"On {date} {actor} attacked positions near {place}, {source} said in report {i}."
    text = sentence + f"\n\nResidents described heavy damage in {place} after the attack."
    digest = hashlib.sha1(text.encode()).hexdigest()[:16]
    art_id = f"a-bench-{digest}"
    article = Article(art_id, digest, text, title=f"Attack near {place} ({i})", url=f"https://bench.example/{i}")
    ev_start = text.index(actor)
    evidence = Span(ev_start, text.index(", " + source))
    src_start = text.index(source)
    jitter = (rng.random() - 0.5) * 0.2
    loc = Place(place, Span(text.index(place), text.index(place) + len(place)), lat + jitter, lon + jitter,
                Precision.CITY, resolved_name=place, country=country, admin1=place)  # fmt: skip
    plover = rng.choice(PLOVERS)
    mention = EventMention(
        id=f"{art_id}-m0",
        article_id=art_id,
        sentence_index=0,
        evidence=(evidence,),
        trigger=Span(text.index("attacked"), text.index("attacked") + len("attacked")),
        plover=plover,
        actor1=Actor(actor, Span(ev_start, ev_start + len(actor))),
        date=date,
        factuality=Factuality.REPORTED,
        locations=(loc,),
        claims=(Claim(Source(source, kind, Span(src_start, src_start + len(source))), Stance.CLAIM, evidence),),
        acled="Battles" if plover is Plover.ASSAULT else None,
        summary=f"{actor} attack near {place}",
    )
    sentences = (
        Sentence(art_id, 0, 0, Span(0, len(sentence))),
        Sentence(art_id, 1, 1, Span(len(sentence) + 2, len(text))),
    )
    event = Event(f"ev-bench-{i:06d}", (mention.id,), plover, rng.choice(STATUSES), date, loc, rng.random())
    return Analysis(ParsedArticle(article, sentences, ()), (mention,), (loc,), (event,))


def fill_store(db: str, n: int) -> float:
    """Store ``n`` synthetic events (skipped when the store already holds them); returns seconds spent."""
    started = time.perf_counter()
    with open_store(db) as st:
        have = st.counts().events
        if have >= n:
            return 0.0
        rng = random.Random(SEED)
        for i in range(n):
            analysis = _analysis(i, rng)
            if i >= have:
                st.save(analysis)
    return time.perf_counter() - started


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


Request = tuple[str, str, dict[str, Any]]  # kind, path, query parameters


def _requests(rng: random.Random, ids: list[str], cursor: str) -> list[Request]:
    """A fixed mix: plain listing, filters (status, type + country, bbox, near, date range, actor, text), a
    second page by cursor, and event details (6 of 15)."""
    mix: list[Request] = [
        ("list", "/api/events", {"limit": 100}),
        ("status", "/api/events", {"status": "contested", "limit": 50}),
        ("type_country", "/api/events", {"plover": "PROTEST", "country": "SYR", "limit": 50}),
        ("bbox", "/api/events", {"bbox": "36,35,38,37", "limit": 100}),
        ("near", "/api/events", {"near": "36.2,37.16,25", "limit": 50}),
        ("dates", "/api/events", {"since": "2020-01-01", "until": "2020-12-31", "limit": 100}),
        ("actor", "/api/events", {"actor": "rebel", "limit": 20}),
        ("text", "/api/events", {"q": "heavy damage", "limit": 20}),  # in every article, in no evidence
        ("cursor", "/api/events", {"limit": 100, "cursor": cursor}),
    ]
    mix += [("detail", f"/api/events/{rng.choice(ids)}", {}) for _ in range(6)]
    return mix


async def _client(
    url: str, n: int, rng: random.Random, ids: list[str], cursor: str
) -> tuple[list[tuple[str, float]], list[str]]:
    latencies: list[tuple[str, float]] = []
    errors: list[str] = []  # "<kind> <status> <code>" or "<kind> <exception>" per failed request
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as c:
        mix = _requests(rng, ids, cursor)
        for _ in range(n):
            kind, path, params = rng.choice(mix)
            t = time.perf_counter()
            try:
                r = await c.get(path, params=params)
                if r.status_code >= 500:
                    errors.append(f"{kind} {r.status_code} {r.json().get('error', {}).get('code')}")
            except httpx.TransportError as exc:
                errors.append(f"{kind} {type(exc).__name__}")
            latencies.append((kind, (time.perf_counter() - t) * 1000))
    return latencies, errors


async def _run(url: str, clients: int, n: int, ids: list[str], cursor: str) -> dict[str, Any]:
    started = time.perf_counter()
    tasks = [_client(url, n, random.Random(SEED + k), ids, cursor) for k in range(clients)]
    results = await asyncio.gather(*tasks)
    wall = time.perf_counter() - started
    latencies = [ms for lat, _ in results for _kind, ms in lat]
    by_kind: dict[str, list[float]] = {}
    for lat, _ in results:
        for kind, ms in lat:
            by_kind.setdefault(kind, []).append(ms)
    return {
        "clients": clients,
        "requests": len(latencies),
        "errors": sum(len(e) for _, e in results),
        "error_kinds": sorted(e for _, errs in results for e in errs),
        "p50_ms": percentile(latencies, 0.50),
        "p95_ms": percentile(latencies, 0.95),
        "p99_ms": percentile(latencies, 0.99),
        "requests_per_s": len(latencies) / wall,
        "p50_ms_by_kind": {k: percentile(v, 0.50) for k, v in sorted(by_kind.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="events in the store")
    parser.add_argument("--clients", default="8,32", help="comma-separated client counts")
    parser.add_argument("--requests", type=int, default=100, help="requests per client")
    parser.add_argument("--db", default="", help="SQLite file to fill or reuse (default: a temporary file)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "bench.db")
    fill_s = fill_store(db, args.n)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWATCH_")}
    cmd = [sys.executable, "-m", "eventwatch.cli.main", "serve", "--db", db, "--port", str(port)]
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url + "/api/stats", timeout=5).raise_for_status()
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("bench/api.py: eventwatch serve did not start") from None
                time.sleep(0.2)
        first = httpx.get(url + "/api/events", params={"limit": 1000}).json()
        ids = [e["id"] for e in first["items"]]
        cursor = httpx.get(url + "/api/events", params={"limit": 100}).json()["next_cursor"]
        asyncio.run(_run(url, 4, 25, ids, cursor))  # warm-up: connections, caches, page cache
        runs = [asyncio.run(_run(url, int(c), args.requests, ids, cursor)) for c in args.clients.split(",")]
    finally:
        server.terminate()
        server.wait(timeout=30)
        tmp.cleanup()

    figures = {"machine": machine(), "events": args.n, "fill_s": fill_s, "runs": runs}
    lines = [f"store: {args.n} events (filled in {fill_s:.1f} s; 0 = reused)", f"machine: {machine()}"]
    for r in runs:
        lines.append(
            f"api_latency_{r['clients']}_clients: p50 {r['p50_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, "
            f"p99 {r['p99_ms']:.1f} ms (n={r['requests']}, {r['requests_per_s']:.0f} req/s)"
        )
        what = f"; {', '.join(r['error_kinds'])}" if r["error_kinds"] else ""
        lines.append(f"api_errors_{r['clients']}_clients: {r['errors']} (n={r['requests']}{what})")
        kinds = ", ".join(f"{k} {v:.0f}" for k, v in r["p50_ms_by_kind"].items())
        lines.append(f"api_p50_by_kind_{r['clients']}_clients: {kinds} (ms)")
    emit(figures, lines, args.json)


if __name__ == "__main__":
    main()
