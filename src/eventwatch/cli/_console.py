"""Terminal plumbing: logging to stderr, rich progress only when stderr is a terminal."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

T = TypeVar("T")

stderr = Console(stderr=True, highlight=False, soft_wrap=True)
stdout = Console(highlight=False, soft_wrap=True)


def setup_logging(verbose: bool) -> None:
    """WARNING (rejected inputs) by default, DEBUG with --verbose; plain one-line messages on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.WARNING)
    # CRITICAL, not ERROR: trafilatura logs "empty HTML tree" at ERROR for a page our ingest then rejects with
    # its own one-line message, so a bad page would get two lines (and a line without its file name).
    for noisy in ("trafilatura", "htmldate", "courlan", "urllib3", "charset_normalizer", "dateparser"):
        logging.getLogger(noisy).setLevel(logging.CRITICAL)


def progress(items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]:
    """Iterate with a progress bar on stderr when it is a terminal; otherwise just iterate."""
    if not sys.stderr.isatty():
        yield from items
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=True) as bar:
        task = bar.add_task(description, total=total)
        for item in items:
            yield item
            bar.advance(task)
