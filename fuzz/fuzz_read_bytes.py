"""Fuzz ``eventwatch.ingest.read_bytes``: content sniffing, gzip, and every parser behind it.

The first input byte picks the file name the bytes arrive under (names break sniffing ties and select WARC
for gzip); the rest is the file. Run: ``python fuzz/fuzz_read_bytes.py fuzz/corpus/read_bytes -max_total_time=600``
"""

from __future__ import annotations

import atheris

with atheris.instrument_imports(include=["eventwatch"]):
    from eventwatch.ingest import read_bytes

from _harness import CONFIG, check_items, fuzz

NAMES = ("", "a.txt", "a.html", "a.jsonl", "a.warc", "a.warc.gz", "a.gz", "a.jsonl.gz")


def one_input(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    check_items(read_bytes(data[1:], "fuzz", CONFIG, name=name))


if __name__ == "__main__":
    fuzz(one_input)
