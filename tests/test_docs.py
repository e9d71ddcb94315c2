import subprocess
import sys

from tests.conftest import REPO


def test_docs_settings_and_cli_reference_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_docs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_starts_with_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    head = readme.split("\n## ")[0]
    assert "make run" in head and "make test" in head
