"""The hostile inputs too big to commit, written at test time: a 50 MB single line, gzip bombs, an overlong body.

Each is a bad input (``eventwatch run`` must reject it with one line); sizes follow the settings, so the files
stay just past the limits they attack whatever the defaults become.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

from eventwatch.config import Config

_MB = 1 << 20
_SENTENCE = b"Troops attacked the town near the border on Monday, killing three people, officials said. "


def _write_gzip(path: Path, head: bytes, filler: bytes, total: int) -> None:
    """A gzip file of ``head`` then ``filler`` repeated to ``total`` bytes, compressed in 1 MB steps."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = (filler * (_MB // len(filler) + 1))[:_MB]
    with path.open("wb") as out:
        out.write(packer.compress(head))
        for _ in range(total // _MB + 1):
            out.write(packer.compress(chunk))
        out.write(packer.flush())


def write_big_inputs(folder: Path, cfg: Config) -> list[str]:
    """Write the big bad inputs into ``folder``; returns their file names."""
    folder.mkdir(parents=True, exist_ok=True)
    line = (_SENTENCE * (50 * _MB // len(_SENTENCE) + 1))[: 50 * _MB]
    (folder / "big-line-50mb.txt").write_bytes(line)
    # Just under the input cap, so it is read, decoded and cleaned before its length rejects it.
    (folder / "big-line-under-cap.txt").write_bytes(line[: cfg.max_input_bytes - 1])
    record = json.dumps({"id": "big", "text": (_SENTENCE.decode() + "\n\n") * (cfg.max_text_chars // 80)})
    (folder / "big-body-over-max-text.jsonl").write_text(record + "\n", encoding="utf-8")
    bomb = cfg.max_decompressed_bytes + 16 * _MB
    _write_gzip(folder / "big-bomb-zeros.txt.gz", b"", b"\0", bomb)
    _write_gzip(folder / "big-bomb-text.html.gz", b"<html><body><p>", _SENTENCE, bomb)
    _write_gzip(folder / "big-bomb.warc.gz", b"WARC/1.0\r\nWARC-Type: response\r\n", b"\0", bomb)
    _write_gzip(folder / "big-bomb.jsonl.gz", b'{"text": "', b"a", bomb)
    return sorted(p.name for p in folder.iterdir())
