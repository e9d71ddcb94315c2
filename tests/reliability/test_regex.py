"""Every regular expression of the package against text built to make it backtrack (issue 10 item 1).

The bait for each pattern is in ``scripts/make_hostile.py`` (``regex_attacks``); the hostile corpus embeds it at
3,000 characters in real articles. Here each pattern meets its bait and a few generic ones at 100,000
characters, called the way the package calls it: a linear pattern takes milliseconds, a quadratic one minutes,
so the per-document time limit separates them with a wide margin on any machine.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from collections.abc import Iterator

import pytest
from scripts.make_hostile import regex_attacks

import eventwatch
from eventwatch.config import load_config

BAIT_CHARS = 100_000
# Patterns the package only applies at a fixed position, or to a bounded head of the input.
USES: dict[str, str] = {
    "ingest.residue._END_MARKER": "fullmatch",
    "ingest.residue._CALL": "match",
    "ingest.residue._CREDIT": "match",
    "ingest.residue._LEGEND": "match",
    "ingest.residue._DATE_LINE": "match",
    "extract.dates._EXPLICIT_AFTER": "match",
    "extract.casualties._COUNT_NEXT": "match",
    "fuse.cross._REFERENCE": "match",
    "fuse.cross._LAST_PERIOD": "match",
    "nlp.paragraphs._LEAD": "match",
    "ingest.decode._META_CHARSET": "head:4096",
    "ingest.html._HTML_LANG": "head:8192",
    "watch.feeds._FEED_ROOT": "head:2048",
    "watch.feeds._HTML_ROOT": "head:2048",
}
# Patterns that never see ingested content, with the reason.
NOT_ON_INPUT: dict[str, str] = {
    "extract._resources._VERB_BLOCK": "reads the packaged CAMEO dictionary",
    "extract._resources._WORD": "reads the packaged CAMEO dictionary",
    "scale.cluster._LOCAL": "parses the --cluster option",
    "scale.cluster._SCHEDULER": "parses the --cluster option",
    "watch.targets._INTERVAL": "parses the user's own targets file",
    "watch.targets._COMMENT": "parses the user's own targets file",
    "store._migrate._STEP_NAME": "matches migration module names",
}
_GENERIC = ("1," * (BAIT_CHARS // 2), " " * BAIT_CHARS, "a" * BAIT_CHARS, "\n" * BAIT_CHARS, "<a " * (BAIT_CHARS // 3))


def _patterns() -> Iterator[tuple[str, re.Pattern[str] | re.Pattern[bytes]]]:
    """Every compiled pattern held at module level (alone or in a tuple of tuples) outside ``eventwatch.eval``."""
    for info in pkgutil.walk_packages(eventwatch.__path__, "eventwatch."):
        if info.name.startswith(("eventwatch.eval", "eventwatch.api", "eventwatch.web", "eventwatch.cli")):
            continue
        module = importlib.import_module(info.name)
        short = info.name.removeprefix("eventwatch.")
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern):
                yield f"{short}.{attr}", value
            elif isinstance(value, tuple):
                for item in value:
                    for inner in item if isinstance(item, tuple) else (item,):
                        if isinstance(inner, re.Pattern):
                            yield f"{short}.{attr}", inner


PATTERNS = sorted(_patterns(), key=lambda kv: kv[0])
ATTACKS = regex_attacks(BAIT_CHARS)


def test_regex_every_pattern_has_bait_or_a_reason() -> None:
    names = {name for name, _ in PATTERNS}
    assert names - set(ATTACKS) - set(NOT_ON_INPUT) == set()
    assert len(names) >= 40  # the walk found the package's patterns


def _apply(name: str, pattern: re.Pattern[str] | re.Pattern[bytes], text: str) -> None:
    use = USES.get(name, "finditer")
    data: str | bytes = text.encode("utf-8", "surrogatepass") if isinstance(pattern.pattern, bytes) else text
    if use.startswith("head:"):
        data = data[: int(use.split(":")[1])]
        use = "finditer"
    if use == "fullmatch":
        pattern.fullmatch(data)  # type: ignore[arg-type]
    elif use == "match":
        pattern.match(data)  # type: ignore[arg-type]
    else:
        for _ in pattern.finditer(data):  # type: ignore[arg-type]
            pass


_ON_INPUT = [p for p in PATTERNS if p[0] not in NOT_ON_INPUT]


@pytest.mark.parametrize(("name", "pattern"), _ON_INPUT, ids=[f"{n}-{i}" for i, (n, _) in enumerate(_ON_INPUT)])
def test_regex_bait_runs_within_the_document_time_limit(
    name: str, pattern: re.Pattern[str] | re.Pattern[bytes]
) -> None:
    limit_s = load_config().doc_timeout_s
    own = (ATTACKS[name](0),) if name in ATTACKS else ()  # a pattern without bait fails the test above
    for bait in (*own, *_GENERIC):
        start = time.perf_counter()
        _apply(name, pattern, bait)
        assert time.perf_counter() - start < limit_s, (name, bait[:40])
