"""Run ``eventwatch`` as a real subprocess and measure it: exit code, stderr lines with arrival times, peak RSS."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ChildRun:
    returncode: int
    stderr_lines: list[str]
    line_times_s: list[float]  # seconds since the start, one per stderr line
    wall_s: float
    max_rss_mb: float  # the child's own peak resident set size (wait4), not its parent's or siblings'


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWATCH_")}
    env.update(extra)
    return env


def run_measured(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> ChildRun:
    """``python -m eventwatch.cli.main ARGS``; stdout is discarded, stderr is read line by line as it comes."""
    start = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwatch.cli.main", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env or cli_env(),
    )
    lines: list[str] = []
    times: list[float] = []

    def read() -> None:
        assert proc.stderr is not None
        for raw in proc.stderr:
            times.append(time.monotonic() - start)
            lines.append(raw.decode("utf-8", "replace").rstrip("\n"))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join()
    # wait4 gives this child's own resource usage; Popen.wait would reap it without it.
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.stderr is not None
    proc.stderr.close()
    return ChildRun(proc.returncode, lines, times, time.monotonic() - start, usage.ru_maxrss / 1024)
