"""Fuzz ``eventwatch.ingest.read_html``: depth guard, charset detection, trafilatura extraction.

Run: ``python fuzz/fuzz_html.py fuzz/corpus/html -max_total_time=600``
"""

from __future__ import annotations

import atheris

with atheris.instrument_imports(include=["eventwatch"]):
    from eventwatch.ingest import read_html

from _harness import CONFIG, check_call, fuzz


def one_input(data: bytes) -> None:
    check_call(lambda: read_html(data, "fuzz", CONFIG, url="https://news.example.org/a"))


if __name__ == "__main__":
    fuzz(one_input)
