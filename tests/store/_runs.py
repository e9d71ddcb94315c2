"""Real ``eventwatch run`` processes over slices of the sample corpus, for the store and scale-out tests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from eventwatch.ingest import SAMPLE_CORPUS

RUN_TIMEOUT_S = 240


@dataclass(frozen=True)
class RunResult:
    returncode: int
    stderr: str

    @property
    def stored(self) -> int:
        """How many articles this run stored, from its summary line."""
        match = re.search(r"articles: \d+ in store \((\d+) stored", self.stderr)
        assert match, f"no summary line in:\n{self.stderr[-3000:]}"
        return int(match.group(1))


def corpus_slice(folder: Path, start: int, stop: int) -> Path:
    """Lines ``start:stop`` of the sample corpus (JSONL) as a new file in ``folder``."""
    lines = SAMPLE_CORPUS.read_text(encoding="utf-8").splitlines()[start:stop]
    path = folder / f"corpus_{start}_{stop}.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def start_run(*args: str, db: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """``eventwatch run ARGS --db DB`` in a new process (EVENTWATCH_DB of the test environment ignored)."""
    full_env = {k: v for k, v in os.environ.items() if k != "EVENTWATCH_DB"} | (env or {})
    return subprocess.Popen(
        [sys.executable, "-m", "eventwatch.cli.main", "run", *args, "--db", db],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=full_env,
    )


def finish_run(proc: subprocess.Popen[str], timeout_s: float = RUN_TIMEOUT_S) -> RunResult:
    try:
        _, err = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        raise AssertionError(f"eventwatch run still running after {timeout_s} s:\n{err[-3000:]}") from None
    return RunResult(proc.returncode, err)


def run(*args: str, db: str, env: dict[str, str] | None = None) -> RunResult:
    return finish_run(start_run(*args, db=db, env=env))
