"""ingest stage: files, directories, globs, stdin, JSONL, HTML and WARC to ``Article`` records.

Per-input problems are yielded as :class:`~eventwatch.errors.InputError`, never raised by
:func:`read_inputs`. ``SAMPLE_CORPUS`` is the bundled sample corpus, the default input of ``eventwatch run``.
"""

from pathlib import Path

from eventwatch.config import DATA_DIR
from eventwatch.ingest.html import read_html
from eventwatch.ingest.identity import article_id, canonical_url, content_hash, normalize_text
from eventwatch.ingest.residue import CleanText, clean_text
from eventwatch.ingest.sources import read_bytes, read_inputs
from eventwatch.ingest.text import read_text

SAMPLE_CORPUS: Path = DATA_DIR / "corpus" / "articles.jsonl"

__all__ = [
    "SAMPLE_CORPUS",
    "CleanText",
    "article_id",
    "canonical_url",
    "clean_text",
    "content_hash",
    "normalize_text",
    "read_bytes",
    "read_html",
    "read_inputs",
    "read_text",
]
