"""Run ``eventwatch`` as a real subprocess and measure it: exit code, stderr lines with arrival times, peak RSS."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
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
    max_rss_mb: float  # the child's own peak resident set size (VmHWM of the program it runs)


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWATCH_")}
    env.update(extra)
    return env


# Runs the CLI and, at exit, writes the process's VmHWM: the peak RSS of the program's own address space.
# wait4's ru_maxrss is no measure of it: Linux carries the spawning process's peak across exec (Popen's vfork
# shares the parent's memory until then), so a child of a 1 GB pytest process "peaks" at 1 GB whatever it does.
_PEAK_WRAPPER = """
import atexit, runpy, sys
out = sys.argv.pop(1)
def _write_peak():
    with open("/proc/self/status") as status, open(out, "w") as f:
        f.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
atexit.register(_write_peak)
sys.argv[0] = "eventwatch"
runpy.run_module("eventwatch.cli.main", run_name="__main__", alter_sys=True)
"""


def run_measured(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> ChildRun:
    """``eventwatch ARGS`` in a child Python; stdout is discarded, stderr is read line by line as it comes."""
    start = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak_kb"
        proc = subprocess.Popen(
            [sys.executable, "-c", _PEAK_WRAPPER, str(peak_file), *args],
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
        proc.wait()
        assert proc.stderr is not None
        proc.stderr.close()
        # No file when the child died without running its exit handlers; then there is no figure.
        peak_kb = float(peak_file.read_text()) if peak_file.exists() else float("nan")
    return ChildRun(proc.returncode, lines, times, time.monotonic() - start, peak_kb / 1024)
