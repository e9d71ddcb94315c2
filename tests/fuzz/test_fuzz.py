"""A fixed-budget, coverage-guided fuzz run (atheris/libFuzzer) of each ingest harness under fuzz/: no crash.

Each harness starts from its seed corpus (fuzz/corpus/<name>/) and the inputs of crashes fixed before
(fuzz/regressions/<name>/), then runs a fixed number of mutations with a fixed seed. A crash fails the test
with the harness's report and the path of the input that caused it. Longer campaigns: docs/fuzzing.md.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import REPO

FUZZ = REPO / "fuzz"
# Mutations per harness: about 30 s of CI time for the five together (trafilatura makes html the slowest);
# max_total_time only guards a slow machine.
RUNS = {"read_bytes": 1500, "html": 600, "jsonl": 3000, "warc": 1500, "feed": 1500}
MAX_TOTAL_TIME_S = 25
# One input taking this long is a hang: libFuzzer reports it as a crash ("timeout").
PER_INPUT_TIMEOUT_S = 20


def test_every_harness_has_a_budget_and_a_seed_corpus() -> None:
    harnesses = {p.stem.removeprefix("fuzz_") for p in FUZZ.glob("fuzz_*.py")}
    assert harnesses == set(RUNS)
    for name in harnesses:
        assert any((FUZZ / "corpus" / name).iterdir()), name


@pytest.mark.parametrize("name", sorted(RUNS))
def test_fuzz_harness_finds_no_crash(name: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(FUZZ / "corpus" / name, corpus)  # libFuzzer adds new inputs to it: keep the repo's clean
    regressions = FUZZ / "regressions" / name
    extra = [str(regressions)] if regressions.is_dir() else []
    result = subprocess.run(
        [
            sys.executable,
            str(FUZZ / f"fuzz_{name}.py"),
            str(corpus),
            *extra,
            f"-runs={RUNS[name]}",
            "-seed=1",
            f"-max_total_time={MAX_TOTAL_TIME_S}",
            f"-timeout={PER_INPUT_TIMEOUT_S}",
            "-rss_limit_mb=2048",
            f"-artifact_prefix={tmp_path}/",
        ],
        capture_output=True,
        text=True,
        timeout=MAX_TOTAL_TIME_S + 120,
        check=False,
    )
    report = (result.stdout + result.stderr)[-6000:]
    crashes = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-")))
    assert result.returncode == 0 and not crashes, f"{name}: {crashes}\n{report}"
    assert "Done " in report, report  # libFuzzer ran to its budget
