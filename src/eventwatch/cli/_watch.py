"""``eventwatch watch``: poll feeds and pages until stopped; SIGINT/SIGTERM stop it between two requests."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer

from eventwatch.cli import _console
from eventwatch.cli._console import stderr
from eventwatch.config import load_config
from eventwatch.errors import ConfigError

if TYPE_CHECKING:
    from eventwatch.watch import PollCounts

# Same meaning as in cli/main.py: done, but some inputs were rejected.
_EXIT_REJECTED = 3


def watch(
    feeds_file: Annotated[
        Path, typer.Argument(help="Watch list: one URL per line, optionally 'feed URL' or 'page URL'; # comments.")
    ],
    interval: Annotated[
        str | None,
        typer.Option(
            "--interval", help="Time between polls: 30s, 5m, 1h [default: $EVENTWATCH_WATCH_INTERVAL_S or 5m]"
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option("--db", help="SQLite path or postgresql:// URL [default: $EVENTWATCH_DB or ./eventwatch.db]"),
    ] = None,
    state: Annotated[
        Path | None,
        typer.Option("--state", help="State file (validators, items taken) [default: <db>.watch.json]"),
    ] = None,
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit (same as --max-cycles 1).")] = False,
    max_cycles: Annotated[int | None, typer.Option("--max-cycles", min=1, help="Stop after N polls.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug logging on stderr.")] = False,
) -> None:
    """Poll RSS/Atom feeds and article pages, and store each new article; runs until SIGINT/SIGTERM.

    Example: eventwatch watch feeds.txt --interval 5m --db events.db

    Prints one line on stderr per bad feed, page or server, one per poll and a summary at the end; exits 3
    when there were problems. The watch list format is in docs/watch.md.
    """
    from eventwatch import store
    from eventwatch.watch import (
        Fetcher,
        Watcher,
        WatchState,
        default_state_path,
        parse_interval,
        read_watch_list,
        run_watch,
    )

    _console.setup_logging(verbose)
    cfg = load_config(db=db or None)
    try:
        interval_s = parse_interval(interval) if interval is not None else cfg.watch_interval_s
        targets = read_watch_list(feeds_file)
        watch_state = WatchState.load(state or default_state_path(cfg.db))
    except ConfigError as exc:
        raise typer.BadParameter(str(exc)) from exc
    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        del frame
        stderr.print(f"watch: {signal.Signals(signum).name} received; stopping after the current request", markup=False)
        stop.set()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, request_stop)

    def print_cycle(number: int, counts: PollCounts) -> None:
        stderr.print(f"watch: poll {number}: {counts.describe()}", markup=False)

    with store.open_store(cfg.db) as st, Fetcher(cfg, stop) as fetcher:
        watcher = Watcher(
            targets, st, cfg, watch_state, fetcher, on_problem=lambda line: stderr.print(line, markup=False), stop=stop
        )
        cycles, total = run_watch(
            watcher, interval_s=interval_s, stop=stop, max_cycles=1 if once else max_cycles, on_cycle=print_cycle
        )
    stderr.print(f"watch: {cycles} poll(s) of {len(targets)} URL(s); {total.describe()}; store: {cfg.db}", markup=False)
    if total.problems:
        raise typer.Exit(_EXIT_REJECTED)
