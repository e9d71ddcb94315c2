"""Regenerate docs/settings.md and docs/cli.md from config.SETTINGS and the CLI's --help.

python scripts/gen_docs.py          # write
python scripts/gen_docs.py --check  # exit 1 if the docs are stale (tests/test_docs.py runs this)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from eventwatch.config import SETTINGS

DOCS = Path(__file__).resolve().parents[1] / "docs"
COMMANDS = [
    [],
    ["run"],
    ["extract"],
    ["events"],
    ["serve"],
    ["show"],
    ["eval"],
    ["eval", "gold"],
    ["eval", "html"],
    ["eval", "geo"],
    ["config"],
    ["watch"],
]


def settings_md() -> str:
    lines = [
        "# Settings",
        "",
        "Generated from `src/eventwatch/config.py` by `scripts/gen_docs.py`; do not edit.",
        "",
        "| setting | environment variable | type | default | meaning |",
        "|---|---|---|---|---|",
    ]
    for s in SETTINGS:
        lines.append(f"| `{s.name}` | `{s.env}` | {s.type.__name__} | `{s.default!r}` | {s.help} |")
    return "\n".join(lines) + "\n"


def cli_md() -> str:
    env = dict(os.environ, COLUMNS="100", TERM="dumb", NO_COLOR="1")
    parts = [
        "# Command-line reference",
        "",
        "Generated from `eventwatch --help` by `scripts/gen_docs.py`; do not edit.",
        "",
    ]
    for cmd in COMMANDS:
        out = subprocess.run(
            [sys.executable, "-m", "eventwatch.cli.main", *cmd, "--help"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
        parts += [f"## eventwatch {' '.join(cmd)}".rstrip(), "", "```", out.rstrip(), "```", ""]
    return "\n".join(parts)


def main() -> int:
    wanted = {DOCS / "settings.md": settings_md(), DOCS / "cli.md": cli_md()}
    if "--check" in sys.argv:
        stale = [str(p) for p, text in wanted.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        if stale:
            print("stale docs (run python scripts/gen_docs.py):", ", ".join(stale))
            return 1
        return 0
    for path, text in wanted.items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
