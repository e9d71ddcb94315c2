"""Write the seed corpora under fuzz/corpus/<harness>/ from the small real inputs in tests/data/ingest.

Seeds give libFuzzer valid structure to mutate (a WARC header, a JSON object, an RSS item) instead of finding
it from nothing. Deterministic: re-running writes the same files.

python fuzz/make_corpus.py
"""

from __future__ import annotations

import gzip
import hashlib
import io
import shutil
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType

FUZZ = Path(__file__).resolve().parent
CORPUS = FUZZ / "corpus"
DATA = FUZZ.parent / "tests" / "data" / "ingest"
# Seeds above this size slow every mutation down; the small test inputs are all under it.
MAX_SEED_BYTES = 16 * 1024

# fuzz_read_bytes.py: the first byte picks the name, in the order of its NAMES.
NAME_BYTE = {"": 0, ".txt": 1, ".html": 2, ".jsonl": 3, ".warc": 4, ".warc.gz": 5, ".gz": 6}

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://news.example.org/</link><description>d</description>
<item><title>Shelling damages hospital</title><link>https://news.example.org/2026/11/shelling.html</link>
<pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate><guid>https://news.example.org/2026/11/shelling.html</guid></item>
<item><title>Relative</title><link>/2026/11/march.html</link></item>
</channel></rss>
"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2026-11-24T08:00:00Z</updated>
<entry><title>One</title><id>urn:1</id><updated>2026-11-24T08:00:00Z</updated>
<link rel="alternate" href="https://news.example.org/one"/></entry>
<entry><title>Two</title><id>urn:2</id><updated>2026-11-24T08:00:00Z</updated><link href="two"/></entry>
</feed>
"""
RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://news.example.org/"><title>Wire</title></channel>
<item rdf:about="https://news.example.org/r1"><title>R1</title><link>https://news.example.org/r1</link></item>
</rdf:RDF>
"""


def _inputs(folder: str) -> list[Path]:
    return sorted(p for p in (DATA / folder).iterdir() if p.name != "SOURCE.md" and p.stat().st_size <= MAX_SEED_BYTES)


def _write(harness: str, name: str, data: bytes) -> None:
    folder = CORPUS / harness
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1(data).hexdigest()[:8]
    (folder / f"{name}-{digest}").write_bytes(data)


def _warc_html_payloads(path: Path) -> list[bytes]:
    """The HTML bodies of a WARC's response records (real pages, with their real markup)."""
    payloads = []
    for record in ArchiveIterator(io.BytesIO(path.read_bytes()), record_types=WarcRecordType.response, parse_http=True):
        if (record.http_content_type or "").startswith("text/html"):
            payloads.append(record.reader.read())
    return payloads


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in (".warc.gz", ".jsonl", ".html", ".warc", ".txt", ".gz"):
        if name.endswith(suffix):
            return suffix
    return ""


def main() -> None:
    shutil.rmtree(CORPUS, ignore_errors=True)
    every = _inputs("html") + _inputs("jsonl") + _inputs("text") + _inputs("warc")
    for path in every:
        _write("read_bytes", path.name, bytes([NAME_BYTE[_suffix(path)]]) + path.read_bytes())
    for path in _inputs("text")[:2]:  # gzip over plain text, under a .gz name
        _write("read_bytes", path.name + ".gz", bytes([NAME_BYTE[".gz"]]) + gzip.compress(path.read_bytes(), mtime=0))
    for path in _inputs("html"):
        _write("html", path.name, path.read_bytes())
    for number, payload in enumerate(_warc_html_payloads(DATA / "warc" / "sample.warc")):
        _write("html", f"sample.warc-{number}.html", payload)
    for path in _inputs("jsonl"):
        _write("jsonl", path.name, path.read_bytes())
    for path in _inputs("warc"):
        _write("warc", path.name, path.read_bytes())
    for name, data in (("rss", RSS), ("atom", ATOM), ("rdf", RDF)):
        _write("feed", name, data)
    for harness in sorted(p.name for p in CORPUS.iterdir()):
        files = list((CORPUS / harness).iterdir())
        print(f"{harness}: {len(files)} seeds, {sum(f.stat().st_size for f in files)} B")


if __name__ == "__main__":
    main()
