"""Fuzz ``eventwatch.ingest.warc.read_warc``: gzip members, WARC and HTTP headers, record lengths.

Run: ``python fuzz/fuzz_warc.py fuzz/corpus/warc -max_total_time=600``
"""

from __future__ import annotations

import atheris

with atheris.instrument_imports(include=["eventwatch"]):
    from eventwatch.ingest.warc import read_warc

from _harness import CONFIG, check_items, fuzz


def one_input(data: bytes) -> None:
    check_items(read_warc(data, "fuzz", CONFIG))


if __name__ == "__main__":
    fuzz(one_input)
