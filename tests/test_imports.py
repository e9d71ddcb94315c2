"""The stages' modules import on their own, each first in a fresh interpreter.

The stages import one another's small helpers (extract reads attribute's registries, attribute reads extract's
publisher reading); an import cycle only shows when a module is imported first, which the test session, having
imported everything already, never does.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import eventwatch

# Stages whose modules import across stages; every other package is imported first as a whole.
_CROSSING = ("extract", "attribute", "geo", "nlp")


def _first_import(name: str) -> str | None:
    result = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True, text=True, timeout=300)
    if result.returncode == 0:
        return None
    lines = result.stderr.strip().splitlines()
    return f"{name}: {lines[-1] if lines else result.returncode}"


def test_each_module_of_the_crossing_stages_imports_first() -> None:
    infos = list(pkgutil.walk_packages(eventwatch.__path__, "eventwatch."))
    names = [i.name for i in infos if i.name.split(".")[1] in _CROSSING or (i.ispkg and i.name.count(".") == 1)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        failed = [f for f in pool.map(_first_import, names) if f is not None]
    assert not failed, failed
