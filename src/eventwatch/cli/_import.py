"""``eventwatch import``: store records dumps (``eventwatch extract --format records``) without reprocessing."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated

import typer

from eventwatch.cli import _console
from eventwatch.cli._console import stderr
from eventwatch.config import Config, load_config
from eventwatch.errors import InputError
from eventwatch.records import Analysis

EXIT_REJECTED = 3


def _lines(stream: IO[bytes], origin: str, max_bytes: int) -> Iterator[tuple[int, bytes | InputError]]:
    """Numbered lines of the stream, each read with a cap of ``max_bytes``; a longer line is an error, skipped."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            yield number, InputError(f"{origin}:{number}", f"line over the {max_bytes} B limit")
            while line and not line.endswith(b"\n"):  # drop the rest of the line in bounded reads
                line = stream.readline(max_bytes + 1)
            continue
        yield number, line


def _analyses(path: str, cfg: Config) -> Iterator[Analysis | InputError]:
    """The analyses (or one error per bad line) of a records dump at ``path`` (``-``: stdin)."""
    from eventwatch.export.records_json import read_record_line

    def decode(stream: IO[bytes], origin: str) -> Iterator[Analysis | InputError]:
        for number, line in _lines(stream, origin, cfg.max_input_bytes):
            if isinstance(line, InputError):
                yield line
            elif line.strip():
                yield read_record_line(line, f"{origin}:{number}")

    if path == "-":
        yield from decode(sys.stdin.buffer, "<stdin>")
        return
    try:
        with Path(path).open("rb") as stream:
            yield from decode(stream, path)
    except OSError as exc:
        yield InputError(path, f"cannot read ({exc.strerror or exc})")


def import_records(
    files: Annotated[list[str], typer.Argument(help="Records dumps (JSON Lines) or - (stdin).")],
    db: Annotated[
        str | None,
        typer.Option("--db", help="SQLite path or postgresql:// URL [default: $EVENTWATCH_DB or ./eventwatch.db]"),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug logging on stderr.")] = False,
) -> None:
    """Store analysed articles from records dumps, exactly as `run` would have stored them.

    A dump holds one analysed article per line, as written by `eventwatch extract --format records`. Importing
    is idempotent: articles already in the store are left as they are. Cross-article fusion runs afterwards.

    Example: eventwatch extract news/ --format records > news.jsonl; eventwatch import news.jsonl --db events.db
    """
    import os

    from eventwatch import fuse, store
    from eventwatch.store import SaveOutcome

    _console.setup_logging(verbose)
    cfg = load_config(db=db or os.environ.get("EVENTWATCH_DB") or "eventwatch.db")
    stored = duplicates = rejected = 0
    with store.open_store(cfg.db) as st:
        for path in files:
            for item in _analyses(path, cfg):
                if isinstance(item, InputError):
                    rejected += 1
                    stderr.print(str(item), markup=False)
                elif st.save(item) is SaveOutcome.STORED:
                    stored += 1
                else:
                    duplicates += 1
        fuse.fuse_store(st, cfg)
        counts = st.counts()
    stderr.print(
        f"articles: {counts.articles} in store ({stored} stored, {duplicates} duplicate, {rejected} rejected)",
        markup=False,
    )
    stderr.print(f"store: {cfg.db}", markup=False)
    if rejected:
        raise typer.Exit(EXIT_REJECTED)
