"""Fuzz ``eventwatch.ingest.jsonl.read_jsonl``: byte-order marks, UTF-8, JSON, field types.

Run: ``python fuzz/fuzz_jsonl.py fuzz/corpus/jsonl -max_total_time=600``
"""

from __future__ import annotations

import atheris

with atheris.instrument_imports(include=["eventwatch"]):
    from eventwatch.ingest.jsonl import read_jsonl

from _harness import CONFIG, check_items, fuzz


def one_input(data: bytes) -> None:
    check_items(read_jsonl(data, "fuzz", CONFIG))


if __name__ == "__main__":
    fuzz(one_input)
