from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def run_cli(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """The real command line in a subprocess (what a user types), with the test's environment."""
    env = dict(os.environ)
    env.pop("EVENTWATCH_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "eventwatch.cli.main", *args],
        cwd=cwd,
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


@pytest.fixture
def cli():  # type: ignore[no-untyped-def]
    return run_cli
