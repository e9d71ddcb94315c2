"""What every ingest fuzz harness checks, and how it starts atheris.

The property (STYLE.md §9): any bytes give an ``Article`` or an ``InputError`` — nothing else is yielded,
and no other exception escapes. Anything else is a crash that libFuzzer reports with the input that caused it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable

import atheris

from eventwatch.config import Config
from eventwatch.errors import InputError
from eventwatch.records import Article

# Default limits, as `eventwatch run` uses them: the fuzzer explores what a user's run would meet.
CONFIG = Config()


def check_items(items: Iterable[object]) -> int:
    """Consume a parser's output; raise AssertionError for anything but Article or InputError. Returns the count."""
    count = 0
    for item in items:
        if not isinstance(item, Article | InputError):
            raise AssertionError(f"parser yielded {type(item).__name__}, not an Article or an InputError")
        count += 1
    return count


def check_call(parse: Callable[[], object]) -> None:
    """Call a parser that returns one Article or raises InputError; raise AssertionError for anything else."""
    try:
        result = parse()
    except InputError:
        return
    if not isinstance(result, Article):
        raise AssertionError(f"parser returned {type(result).__name__}, not an Article")


def fuzz(one_input: Callable[[bytes], None]) -> None:
    """Run libFuzzer (arguments from the command line, e.g. ``-runs=1000 corpus/``) on ``one_input``."""
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
