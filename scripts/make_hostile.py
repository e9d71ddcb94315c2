"""Write the hostile-input corpus under tests/data/hostile/ (run from the repository root; output is committed).

    .venv/bin/python scripts/make_hostile.py

Deterministic: fixed seeds, gzip mtime 0, inputs taken from the bundled sample corpus (public-domain and
CC BY texts, see ``src/eventwatch/data/corpus/SOURCE.md``) and the Scrapinghub Article Extraction Benchmark
(MIT, ``../shared/html/scrapinghub_aeb``). ``MANIFEST.json`` says for every file what ``eventwatch run`` must
do with it:

- ``stored``: a good article (``kind`` ``corpus`` or ``aeb``) or a hostile input that is still a readable
  article (recoverable encodings, pathological text aimed at a regular expression): stored, no error line;
- ``rejected``: a bad input: not stored, exactly one error line naming it.

The big inputs (50 MB single line, gzip bombs, a body over ``max_text_chars``) are written at test time into a
temporary folder by ``tests/reliability/_big_inputs.py``, not committed.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import random
import sys
import zlib
from collections.abc import Callable
from html import escape
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "tests" / "data" / "hostile"
CORPUS = REPO / "src" / "eventwatch" / "data" / "corpus" / "articles.jsonl"
AEB = REPO.parent / "shared" / "html" / "scrapinghub_aeb"
SEED = 20241125

N_GOOD_CORPUS = 35  # corpus records 0..34 are good inputs; 35.. feed the hostile ones
N_GOOD_AEB = 20


class Corpus:
    """Collects the files and their expected outcome; names are unique and never prefixes of each other."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.manifest: dict[str, dict[str, str]] = {}

    def add(self, name: str, data: bytes, expect: str, kind: str, why: str) -> None:
        assert name not in self.files, name
        assert expect in ("stored", "rejected"), expect
        self.files[name] = data
        self.manifest[name] = {"expect": expect, "kind": kind, "why": why}

    def bad(self, kind: str, ext: str, data: bytes, why: str) -> None:
        n = sum(1 for m in self.manifest.values() if m["kind"] == kind)
        self.add(f"bad-{kind}-{n:02d}{ext}", data, "rejected", kind, why)

    def stress(self, kind: str, ext: str, data: bytes, why: str) -> None:
        n = sum(1 for m in self.manifest.values() if m["kind"] == kind)
        self.add(f"stress-{kind}-{n:02d}{ext}", data, "stored", kind, why)


def _gz(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=6) as f:
        f.write(data)
    return buf.getvalue()


def _records() -> list[dict[str, str]]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _page(rec: dict[str, str], charset: str = "utf-8") -> str:
    """A plain news page around a corpus record, as a CMS would serve it."""
    paras = "".join(f"<p>{escape(p.strip())}</p>\n" for p in rec["text"].split("\n") if p.strip())
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="{charset}">'
        f"<title>{escape(rec.get('title') or '')}</title></head>\n"
        f"<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>\n"
        f"<article><h1>{escape(rec.get('title') or '')}</h1>\n{paras}</article>\n"
        "<footer>Contact us</footer></body></html>\n"
    )


def _warc_record(kind: str, uri: str | None, block: bytes, content_type: str) -> bytes:
    digest = hashlib.sha1(kind.encode() + (uri or "").encode() + block).hexdigest()
    rid = f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"
    head = f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2020-01-05T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
    if uri:
        head += f"WARC-Target-URI: {uri}\r\n"
    head += f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    return head.encode() + block + b"\r\n\r\n"


def _http(body: bytes, content_type: str, status: str = "200 OK") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


def _response(uri: str, body: bytes, content_type: str = "text/html; charset=utf-8") -> bytes:
    return _warc_record("response", uri, _http(body, content_type), "application/http; msgtype=response")


def add_good(c: Corpus, recs: list[dict[str, str]]) -> None:
    for i, rec in enumerate(recs[:N_GOOD_CORPUS]):
        line = {k: rec.get(k) for k in ("id", "url", "title", "published", "outlet", "text")}
        if i % 3 == 0:
            c.add(f"good-corpus-{i:02d}.jsonl", (json.dumps(line) + "\n").encode(), "stored", "corpus", rec["id"])
        elif i % 3 == 1:
            c.add(f"good-corpus-{i:02d}.txt", rec["text"].encode(), "stored", "corpus", rec["id"])
        else:
            c.add(f"good-corpus-{i:02d}.html", _page(rec).encode(), "stored", "corpus", rec["id"])
    if not AEB.is_dir():
        sys.exit(f"make_hostile: {AEB} missing (clone the project with shared/ beside it)")
    pages = sorted((AEB / "html").glob("*.html.gz"))
    rng = random.Random(SEED)
    for j, path in enumerate(sorted(rng.sample(pages, N_GOOD_AEB))):
        c.add(f"good-aeb-{j:02d}.html.gz", path.read_bytes(), "stored", "aeb", path.name)


def add_empty(c: Corpus) -> None:
    for ext in (".txt", ".html", ".jsonl", ".warc", ".htm", ".text"):
        c.bad("empty", ext, b"", "zero bytes")
    c.bad("empty", ".txt", b" \t\r\n" * 50, "whitespace only")
    c.bad("empty", ".jsonl", b"\n\n\r\n\n", "blank lines only")
    c.bad("empty", ".txt", b"\xef\xbb\xbf", "UTF-8 byte-order mark only")
    c.bad("empty", ".txt.gz", _gz(b""), "gzip of nothing")
    c.bad("empty", ".warc.gz", _gz(b"\r\n\r\n"), "gzip of blank lines named WARC")
    c.bad("empty", ".html", b"<html><head></head><body></body></html>", "empty page")


_MAGIC = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    "elf": b"\x7fELF\x02\x01\x01\x00",
    "sqlite": b"SQLite format 3\x00",
    "gif": b"GIF89a\x01\x00\x01\x00",
    "wasm": b"\x00asm\x01\x00\x00\x00",
    "class": b"\xca\xfe\xba\xbe\x00\x00\x00\x34",
    "bzip2": b"BZh91AY&SY",
}


def add_binary(c: Corpus) -> None:
    rng = random.Random(SEED + 1)
    exts = (".txt", ".html", ".warc", ".gz", ".htm", ".text", ".xhtml", ".ndjson")
    for i in range(24):
        size = rng.choice((1, 7, 100, 1000, 4096, 10_000, 65_536))
        data = bytes(rng.getrandbits(8) for _ in range(size))
        ext = exts[i % len(exts)]
        if ext == ".ndjson":  # one line, so the file is one bad input
            data = data.replace(b"\n", b"\x00").replace(b"\r", b"\x00")
        c.bad("binary", ext, data, f"{size} random bytes")
    for name, magic in _MAGIC.items():
        payload = bytes(rng.getrandbits(8) for _ in range(2000))
        c.bad("binary", ".txt" if len(c.files) % 2 else ".html", magic + payload, f"{name} file under a text name")


def _one_record_warc(rec: dict[str, str]) -> tuple[bytes, int, int]:
    """A WARC with one HTML response; returns it with the payload's first and last byte offsets."""
    page = _page(rec).encode()
    warc = _response(rec.get("url") or "https://news.example.org/a", page)
    start = warc.index(page)
    return warc, start, start + len(page)


def add_truncated_warc(c: Corpus, recs: list[dict[str, str]]) -> None:
    rng = random.Random(SEED + 2)
    for i in range(20):
        warc, _start, end = _one_record_warc(recs[40 + i])
        cut = rng.randrange(12, end - 1)  # anywhere before the payload's last byte
        c.bad("truncated-warc", ".warc", warc[:cut], f"cut at byte {cut} of {len(warc)}")
    for i in range(20):
        warc, _start, _end = _one_record_warc(recs[60 + i])
        packed = _gz(warc)
        cut = rng.randrange(10, len(packed) - 8)  # before the gzip trailer: the member never ends
        c.bad("truncated-warc", ".warc.gz", packed[:cut], f"gzip cut at byte {cut} of {len(packed)}")


def add_misgzipped_warc(c: Corpus, recs: list[dict[str, str]]) -> None:
    rng = random.Random(SEED + 3)
    for i in range(12):
        warc, _s, _e = _one_record_warc(recs[80 + i])
        packed = bytearray(_gz(warc))
        at = rng.randrange(12, len(packed) - 8)
        packed[at] ^= 0xFF
        c.bad("misgzipped-warc", ".warc.gz", bytes(packed), f"gzip byte {at} flipped")
    warc, _s, _e = _one_record_warc(recs[92])
    packed = _gz(warc)
    c.bad("misgzipped-warc", ".warc.gz", packed[:-4], "gzip trailer (ISIZE) cut")
    c.bad("misgzipped-warc", ".warc.gz", packed[:-8] + b"\x00" * 8, "gzip trailer zeroed (CRC mismatch)")
    c.bad(
        "misgzipped-warc",
        ".warc.gz",
        b"\x1f\x8b" + bytes(rng.getrandbits(8) for _ in range(3000)),
        "gzip magic, then noise",
    )
    c.bad("misgzipped-warc", ".warc.gz", b"\x1f\x8b\x08\x00" + b"\x00" * 6, "gzip header only")
    c.bad("misgzipped-warc", ".warc.gz", b"\x1f\x8b\x09" + packed[3:], "gzip with an unknown compression method")
    c.bad("misgzipped-warc", ".warc.gz", zlib.compress(warc), "zlib stream (no gzip header) named .warc.gz")
    c.bad("misgzipped-warc", ".warc.gz", _gz(_page(recs[93]).encode()), "gzipped HTML page, not a WARC")
    c.bad("misgzipped-warc", ".warc.gz", _gz(bytes(range(256)) * 40), "gzipped binary named .warc.gz")


def add_encodings(c: Corpus, recs: list[dict[str, str]]) -> None:
    text = recs[95]["text"]
    c.bad("encoding", ".txt", text.encode("utf-32-le"), "UTF-32 without a byte-order mark")
    c.bad("encoding", ".txt", text.encode("utf-32-be"), "UTF-32 big-endian without a byte-order mark")
    c.bad("encoding", ".txt", text.encode("cp500", "replace"), "EBCDIC (cp500)")
    c.bad("encoding", ".html", _page(recs[96]).encode("cp037", "replace"), "EBCDIC (cp037) HTML")
    c.bad("encoding", ".txt", b"\xff\xfe" + text.encode("utf-16-le")[:-1], "UTF-16 with a BOM and an odd byte count")
    c.bad("encoding", ".txt", b"\xfe\xff" + text.encode("utf-16-be") + b"\x00", "UTF-16 BE BOM, odd byte count")
    # Recoverable: wrong or missing declarations, mixed encodings. Stored, decoded as well as the bytes allow.
    body = recs[97]["text"] + " Le président a déclaré à la presse: « Nous répondrons »."
    c.stress("encoding", ".txt", body.encode("cp1252"), "cp1252 without a declaration")
    page = _page(recs[98], charset="utf-8").replace("</h1>", "</h1><p>Café, naïve, São Paulo, Zürich.</p>")
    c.stress("encoding", ".html", page.encode("cp1252"), "declares UTF-8, is cp1252")
    page = _page(recs[99], charset="koi8-r")
    c.stress("encoding", ".html", page.encode("utf-8"), "declares KOI8-R, is ASCII/UTF-8")
    page = _page(recs[100], charset="no-such-charset")
    c.stress("encoding", ".html", page.encode("utf-8"), "declares an unknown charset")
    lines = recs[101]["text"].split("\n")
    mixed = b"\n".join(ln.encode("utf-8") if k % 2 else ln.encode("cp1252", "replace") for k, ln in enumerate(lines))
    c.stress("encoding", ".txt", mixed + "\nDéjà vu à Köln.".encode("cp1252"), "UTF-8 and cp1252 lines mixed")
    c.stress("encoding", ".txt", b"\xef\xbb\xbf" + recs[102]["text"].encode("utf-8"), "UTF-8 with BOM")
    c.stress("encoding", ".txt", b"\xff\xfe" + recs[103]["text"].encode("utf-16-le"), "UTF-16 LE with BOM")
    c.stress("encoding", ".txt", recs[104]["text"].encode("utf-16-be"), "UTF-16 BE without BOM")
    c.stress("encoding", ".txt", recs[105]["text"].encode("latin-1", "replace"), "Latin-1")


def add_nul(c: Corpus, recs: list[dict[str, str]]) -> None:
    rng = random.Random(SEED + 4)
    c.bad("nul", ".txt", b"\x00" * 4096, "NUL bytes only")
    c.bad("nul", ".html", b"\x00" * 100 + _page(recs[106]).encode(), "100 NULs, then a page")
    # Not every 2nd or 4th byte: "a\0b\0" is BOM-less UTF-16 and is read as such.
    for k, every in enumerate((3, 5, 7, 10, 20, 50)):
        data = bytearray(recs[107 + k]["text"].encode())
        for pos in range(every - 1, len(data), every):
            data[pos] = 0
        c.bad("nul", ".txt", bytes(data), f"every {every}th byte NUL")
    c.bad("nul", ".jsonl", b'{"text": "' + b"\x00" * 300 + b'"}\n', "raw NULs inside a JSON string")
    for k in range(3):
        data = bytearray(recs[113 + k]["text"].encode())
        for _ in range(3):
            data.insert(rng.randrange(len(data)), 0)
        c.stress("nul", ".txt", bytes(data), "three stray NULs in an article (below the binary threshold)")
    c.stress("nul", ".jsonl", (json.dumps({"text": recs[116]["text"] + "\u0000\u0007 end."}) + "\n").encode(),
             "escaped NUL and BEL in a JSON string")  # fmt: skip
    c.stress("nul", ".jsonl", (json.dumps({"text": recs[117]["text"] + " \ud800 \udfff end."}) + "\n").encode(),
             "unpaired surrogate escapes in a JSON string")  # fmt: skip


def add_nested_html(c: Corpus, recs: list[dict[str, str]]) -> None:
    depth = 10_000
    text = escape(recs[118]["text"].split("\n")[0])
    for tag in ("div", "span", "b", "i", "a", "font", "section", "blockquote", "table", "em", "x-custom", "svg"):
        page = f"<html><body>{f'<{tag}>' * depth}<p>{text}</p>{f'</{tag}>' * depth}</body></html>"
        c.bad("nested-html", ".html", page.encode(), f"{depth} nested <{tag}>")
    page = "<html><body>" + "<ul><li>" * depth + text + "</body></html>"
    c.bad("nested-html", ".html", page.encode(), f"{depth} nested unclosed <ul><li>")
    page = "<html><body>" + "<div><span>" * (depth // 2) + text
    c.bad("nested-html", ".htm", page.encode(), f"{depth} nested unclosed div/span, no end tags")
    c.bad("nested-html", ".html", ("<div>" * depth).encode(), f"{depth} bare <div>, no text")


_BAD_UTF8 = (
    (b"\xff", "0xFF byte"),
    (b"\xfe\xfe", "0xFE bytes"),
    (b"\xc3", "truncated 2-byte sequence"),
    (b"\xe2\x82", "truncated 3-byte sequence"),
    (b"\xf0\x9f\x98", "truncated 4-byte sequence"),
    (b"\xc0\xaf", "overlong slash"),
    (b"\xe0\x80\xaf", "overlong 3-byte"),
    (b"\xed\xa0\x80", "UTF-8-encoded surrogate"),
    (b"\xf5\x80\x80\x80", "code point above U+10FFFF"),
    (b"\x80", "lone continuation byte"),
    (b"\xe9", "Latin-1 e-acute"),
    (b"caf\xe9 cr\xe8me", "Latin-1 words"),
    (b"\x93quoted\x94", "cp1252 smart quotes"),
    (b"\xf8\x88\x80\x80\x80", "5-byte sequence"),
    (b"\xc3\x28", "invalid continuation"),
)


def add_jsonl(c: Corpus, recs: list[dict[str, str]]) -> None:
    text = recs[119]["text"]
    head = json.dumps({"id": "x", "title": "T"})[:-1].encode()
    for k, (bad, why) in enumerate(_BAD_UTF8):
        body = json.dumps(text[: 200 + k])[1:-1].encode()
        line = head + b', "text": "' + body[:100] + bad + body[100:] + b'"}\n'
        c.bad("jsonl-utf8", ".jsonl", line, f"invalid UTF-8 in the text: {why}")
    good = {"id": "j1", "url": "https://news.example.org/j1", "title": "A title", "outlet": "Example", "text": text}
    cases: list[tuple[object, str]] = [
        ({}, "empty object"),
        ({k: v for k, v in good.items() if k != "text"}, "no text field"),
        ({**good, "text": None}, "text null"),
        ({**good, "text": 42}, "text a number"),
        ({**good, "text": 4.5}, "text a float"),
        ({**good, "text": True}, "text a boolean"),
        ({**good, "text": [text]}, "text a list"),
        ({**good, "text": {"body": text}}, "text an object"),
        ({**good, "title": 7}, "title a number"),
        ({**good, "url": ["https://a"]}, "url a list"),
        ({**good, "published": {"y": 2020}}, "published an object"),
        ({**good, "published": 2020}, "published a number"),
        ({**good, "outlet": False}, "outlet a boolean"),
        ({**good, "id": 12345}, "id a number"),
        ([good], "array instead of object"),
        ("just a string", "string instead of object"),
        (17, "number instead of object"),
        (None, "null instead of object"),
        (True, "boolean instead of object"),
        ({**good, "text": ""}, "text empty"),
        ({**good, "text": "   \n\t "}, "text whitespace"),
        ({**good, "text": "Too short."}, "text under min_text_chars"),
        ({**good, "text": "Share this\nSubscribe\nFollow us\n12 comments\nAll rights reserved"}, "text all residue"),
    ]
    for value, why in cases:
        c.bad("jsonl-fields", ".jsonl", (json.dumps(value) + "\n").encode(), why)
    raw = json.dumps(good).encode()
    rng = random.Random(SEED + 5)
    for _ in range(8):
        cut = rng.randrange(1, len(raw) - 1)
        c.bad("jsonl-syntax", ".jsonl", raw[:cut] + b"\n", f"JSON cut at byte {cut}")
    c.bad("jsonl-syntax", ".jsonl", raw + b" trailing garbage\n", "trailing garbage")
    c.bad("jsonl-syntax", ".jsonl", raw.replace(b'"', b"'") + b"\n", "single quotes")
    c.bad("jsonl-syntax", ".jsonl", b"[" * 100_000 + b"]" * 100_000 + b"\n", "100,000 nested arrays")
    c.bad("jsonl-syntax", ".jsonl", b'{"text": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_001 + b"\n", "nested objects")
    c.bad("jsonl-syntax", ".jsonl", b'{"title": 1e999, "text": "x"}\n', "title overflows to infinity")
    c.bad("jsonl-syntax", ".jsonl", b"// comment\n", "a comment line")


def add_gzip_wrapped(c: Corpus, recs: list[dict[str, str]]) -> None:
    """Gzip around inputs that are bad inside: the decompressed content decides, once."""
    rng = random.Random(SEED + 6)
    for _ in range(8):
        size = rng.choice((100, 1000, 10_000))
        c.bad("gzip-wrapped", ".txt.gz", _gz(bytes(rng.getrandbits(8) for _ in range(size))), "gzipped noise")
    c.bad("gzip-wrapped", ".html.gz", _gz(b"<html><body></body></html>"), "gzipped empty page")
    c.bad("gzip-wrapped", ".jsonl.gz", _gz(b'{"title": "no text"}\n'), "gzipped JSONL without text")
    c.bad("gzip-wrapped", ".txt.gz", _gz(b"Too short."), "gzipped short text")
    c.bad("gzip-wrapped", ".html.gz", _gz(("<div>" * 10_000).encode()), "gzipped deep nesting")
    for k in range(8):
        packed = _gz(recs[121 + k]["text"].encode())
        cut = rng.randrange(10, len(packed) - 8)
        c.bad("gzip-wrapped", ".txt.gz", packed[:cut], f"gzipped article cut at byte {cut} of {len(packed)}")
    for k in range(6):
        flipped = bytearray(_gz(_page(recs[129 + k]).encode()))
        at = rng.randrange(12, len(flipped) - 8)
        flipped[at] ^= 0x55
        c.bad("gzip-wrapped", ".html.gz", bytes(flipped), f"gzipped page with byte {at} changed")


def add_short(c: Corpus) -> None:
    for k, body in enumerate(
        (
            "Hi.",
            "x" * 39,
            "Troops attacked.",
            "January 5, 2020",
            "BREAKING NEWS\n\n\n",
            "Share this\nTweet\nEmail\nPrint",
            "Subscribe\nSign up\nFollow us\nDonate",
            "Leave a comment\n0 comments\nNotify of",
            "© 2020 Example News. All rights reserved.",
            "Related:\nTags:\nAdvertisement",
        )
    ):
        c.bad("short", ".txt", body.encode(), f"no usable body ({k})")


def add_html_without_article(c: Corpus) -> None:
    pages = (
        ("<html><body><script>" + "var a = 1;" * 500 + "</script></body></html>", "script only"),
        ("<html><body><style>" + "p{color:red}" * 500 + "</style></body></html>", "style only"),
        ("<html><body><!-- " + "comment " * 500 + "--></body></html>", "a comment only"),
        ("<html><body><!-- unterminated comment " + "x " * 500, "an unterminated comment"),
        ("<html><body>" + "<img src='a.png'>" * 300 + "</body></html>", "images only"),
        ("<html><frameset><frame src='a.html'><frame src='b.html'></frameset></html>", "frameset"),
        ("<html><body><p>Short text.</p></body></html>", "text under min_text_chars"),
        ("<?xml version='1.0'?><rss><channel><title>Feed</title></channel></rss>", "an RSS feed with no items"),
        ("<svg xmlns='http://www.w3.org/2000/svg'><rect width='10' height='10'/></svg>", "an SVG image"),
        ("<html><body><![CDATA[" + "data " * 300 + "]]></body></html>", "CDATA only"),
        ("<html><body><form><input name='q'><button>Search</button></form></body></html>", "a search form"),
        ("<html><head><meta http-equiv='refresh' content='0;url=/a'></head></html>", "a redirect page"),
        ("<html><body><textarea>" + "Troops attacked the town. " * 50, "an unterminated textarea"),
    )
    for page, why in pages:
        c.bad("html-no-article", ".html", page.encode(), why)


def add_warc_structure(c: Corpus, recs: list[dict[str, str]]) -> None:
    info = _warc_record("warcinfo", None, b"software: make_hostile\r\n", "application/warc-fields")
    req = _warc_record("request", "https://a.example/x", b"GET /x HTTP/1.1\r\nHost: a.example\r\n\r\n",
                       "application/http; msgtype=request")  # fmt: skip
    page = _page(recs[120]).encode()
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(200))
    c.bad("warc-structure", ".warc", info, "warcinfo record only")
    c.bad("warc-structure", ".warc", info + req, "request record only")
    c.bad("warc-structure", ".warc", _response("https://a.example/p.png", png, "image/png"), "an image response")
    c.bad("warc-structure", ".warc", _response("https://a.example/j", b'{"a": 1}', "application/json"), "JSON response")
    c.bad("warc-structure", ".warc", b"WARC/1.0\r\n", "version line only")
    c.bad("warc-structure", ".warc", b"WARC/1.0\r\n" + b"X" * 5000, "header without a colon or an end")
    c.bad("warc-structure", ".warc", b"WARC/0.1\r\nWARC-Type: response\r\n\r\n", "unknown version, no length")
    bad_len = _response("https://a.example/b", page).replace(b"Content-Length: ", b"Content-Length: abc")
    c.bad("warc-structure", ".warc", bad_len, "non-numeric length")
    big = _response("https://a.example/c", page).replace(b"Content-Length: ", b"Content-Length: 9", 1)
    c.bad("warc-structure", ".warc", big, "declared length ten times the record")
    huge = _response("https://a.example/d", page).replace(b"Content-Length: ", b"Content-Length: 99999999999", 1)
    c.bad("warc-structure", ".warc", huge, "declared length 100 GB")
    c.bad("warc-structure", ".warc", _response("https://a.example/e", b""), "HTML response with an empty body")
    empty_page = b"<html><body></body></html>"
    c.bad("warc-structure", ".warc", info + _response("https://a.example/f", empty_page), "HTML response, no text")
    c.bad("warc-structure", ".warc.gz", _gz(info + req), "gzipped WARC without responses")
    c.bad("warc-structure", ".warc", b"WARC/1.0\r\n\r\n" * 100, "100 empty records")
    c.bad("warc-structure", ".warc", b"WARC/1.0\r\nContent-Length: -5\r\n\r\n", "negative length")


# Text aimed at each regular expression under src/eventwatch, built to make a backtracking engine try every
# start and every split: long runs of the characters a pattern repeats, near-misses repeated many times.
# Each is embedded in a real article so the input is still stored; ``tests/reliability/test_regex.py`` checks
# that every compiled pattern of the package is named here and runs each on its bait at 100,000 characters.
def regex_attacks(n: int) -> dict[str, Callable[[int], str]]:
    """Bait of about ``n`` characters per target; ``k`` varies it per file."""
    return {
        "ingest.residue._END_MARKER": lambda k: "1" * n + " " * (k + 1) + "2" * n + " votes",
        "ingest.residue._CALL": lambda k: "share " * (n // 6) + "|/" * 50 + " x",
        "ingest.residue._FUNDING": lambda k: "patreo " * (n // 7),
        "ingest.residue._DISCLAIMER": lambda k: "views expressed " * (n // 16),
        "ingest.residue._COPYRIGHT": lambda k: "(c) " + " " * n + "x",
        "ingest.residue._CREDIT": lambda k: "\u2014" * n + " x",
        "ingest.residue._LEGEND": lambda k: "\u2588" * n + "\u00a0" * n + "!",
        "ingest.residue._BANNER_SEP": lambda k: "Home" + " " * n + "x - y",
        "ingest.residue._TERMINAL": lambda k: ".'" * (n // 2) + "x",
        "ingest.residue._WORD": lambda k: "a" * n,
        "ingest.residue._LETTERS3": lambda k: "ab1" * n,
        "ingest.residue._DATE_LINE": lambda k: "Monday, " + "January " * (n // 8) + "1, 2020",
        "ingest.residue._LIST_MARKS": lambda k: " @" * n,
        "ingest.identity._SPACE": lambda k: " \t" * n + "x",
        "ingest.text._CONTROL": lambda k: "\x01" * 10 + "x" * n,
        "ingest.text._SURROGATE": lambda k: "\ud7ff\ue000" * (n // 2),
        "ingest.decode._META_CHARSET": lambda k: "<meta " * (n // 6),
        "ingest.decode._BAD_CHARS": lambda k: "\ufffd" * 20 + "x" * n,
        "ingest.html._HTML_LANG": lambda k: "<html " * (n // 6),
        "ingest.html._TAG": lambda k: "<a" * n,
        "nlp.paragraphs._LINE": lambda k: "\n" * n + "x",
        "nlp.paragraphs._LEAD": lambda k: ". - * " * (n // 6) + "x",
        "nlp.paragraphs._SENTENCE_END": lambda k: ".)" * (n // 2) + "x",
        "nlp.paragraphs._SPACE": lambda k: "x\u2003" * (n // 2),
        "fuse.cross._REFERENCE": lambda k: "th" * (n // 2),
        "fuse.cross._LAST_PERIOD": lambda k: "last " * (n // 5),
        "fuse.similarity._US": lambda k: "U.S" * (n // 3),
        "watch.feeds._FEED_ROOT": lambda k: "<rss" * (n // 4),
        "watch.feeds._HTML_ROOT": lambda k: "<!doctype htm" * (n // 13),
        "extract.casualties._PATTERNS": lambda k: "Troops killed " + "1," * n + " people." + " 5 men and" * (n // 9),
        "extract.casualties._COUNT_NEXT": lambda k: " " * n + "at least x",
        "extract.casualties._BEYOND": lambda k: "more   " * (n // 7) + "than",
        "attribute.sources._OPPONENT": lambda k: " against" * (n // 8) + "x",
        "attribute.resolve._OWN_OFFICE": lambda k: "Spokes" * (n // 6) + "x",
        "attribute.resolve._RANK": lambda k: "Capt Gen " * (n // 9) + "Lieutenan",
        "extract.dates._PATTERNS": lambda k: "Fighting began on " + "12 - 13 " * (n // 8) + "January.",
        "extract.dates._EXPLICIT_AFTER": lambda k: "Troops attacked on Monday," + " " * n + "x",
        "extract._build._HEADLINE_END": lambda k: "Troops attacked" + " " * n + "x",
        "fuse.similarity._WORD": lambda k: "a1" * n,
        "screen._WORD": lambda k: "a-'" * (n // 3),
        "extract.actors._TERROR_FRAMING": lambda k: "terroris" * (n // 8),
        "extract.actors._CLAIMS_AN_ATTACK": lambda k: "claimed full " * (n // 13) + "claims " * (n // 14),
        "extract.actors._HELD_PHRASE": lambda k: "a-" * (n // 2) + "held",
        "extract._resources._WORD_RUN": lambda k: "a" * n,
        "extract.triggers._SCORE": lambda k: "12-" * (n // 3) + "1-1",
        "geo._fold._NON_WORD": lambda k: "-" * n + "Aleppo",
        "geo._fold._DOUBLED": lambda k: "Aaaa" * (n // 4),
        "geo._fold._FINAL_H": lambda k: "ah " * (n // 3),
        "attribute.link._WORD": lambda k: "A" * n,
        "attribute.link._DEAD": lambda k: "kill" * (n // 4),
        "attribute.link._INJURED": lambda k: "injur" * (n // 5),
        "attribute._verbs._WORDS": lambda k: "_" * n,
        "attribute.quotes._PARAGRAPH": lambda k: "\n" * n + '"x"',
        "attribute.sources._WORD": lambda k: ".'-" * (n // 3),
        "attribute.headline._CERTAINTY": lambda k: "confirm " * (n // 8),
        "attribute.headline._WORD": lambda k: "a'" * (n // 2),
        # Patterns built at run time from word lists (actor names, outlets): alternations of escaped literals.
        "extract.actors.actor_pattern": lambda k: "U.S." * (n // 4) + " army",
        "attribute.registry.outlet_pattern": lambda k: "Reuter " * (n // 7) + "Reuters",
    }


def add_regex_attacks(c: Corpus, recs: list[dict[str, str]]) -> None:
    # 3,000 characters: enough to show a quadratic pattern's cost in the time limit test, small enough for spaCy,
    # whose tokenizer is itself quadratic in the length of a whitespace-free run (6,000 "—" take 15-25 s).
    for k, (target, attack) in enumerate(sorted(regex_attacks(3000).items())):
        rec = recs[N_GOOD_CORPUS + k]  # records no other readable hostile input uses: no duplicates
        paras = rec["text"].split("\n")
        middle = len(paras) // 2
        text = "\n".join([*paras[:middle], "", attack(k), "", *paras[middle:]])
        c.stress("regex", ".txt", text.encode(), f"backtracking bait for {target}")
    # The share-call pattern only meets lines of at most 25 words; an exponential one needs no more (2^24 steps).
    rec = recs[N_GOOD_CORPUS + len(regex_attacks(3000))]
    text = rec["text"] + "\n\n" + "Share " * 24 + "this story with your friends today"
    c.stress("regex", ".txt", text.encode(), "backtracking bait for ingest.residue._CALL within its 25-word guard")


def build() -> Corpus:
    recs = _records()
    c = Corpus()
    add_good(c, recs)
    add_empty(c)
    add_binary(c)
    add_truncated_warc(c, recs)
    add_misgzipped_warc(c, recs)
    add_encodings(c, recs)
    add_nul(c, recs)
    add_nested_html(c, recs)
    add_jsonl(c, recs)
    add_gzip_wrapped(c, recs)
    add_short(c)
    add_html_without_article(c)
    add_warc_structure(c, recs)
    add_regex_attacks(c, recs)
    return c


SOURCE_MD = """# Hostile-input corpus

Generated by `scripts/make_hostile.py` (deterministic; rerun it to regenerate, never edit by hand).
`MANIFEST.json` names every file with what `eventwatch run` must do with it (`stored` or `rejected`), its
family (`kind`) and why it is hostile. The big inputs (50 MB single line, gzip bombs, a body over
`max_text_chars`) are generated at test time by `tests/reliability/_big_inputs.py`.

Sources of the text:
- `good-corpus-*`, and the article text inside most hostile files: records of the bundled sample corpus
  `src/eventwatch/data/corpus/articles.jsonl` (Wikinews CC BY 2.5 and public-domain / OGL government texts;
  licences and attribution in `src/eventwatch/data/corpus/SOURCE.md` and `licences/`).
- `good-aeb-*.html.gz`: pages of the Scrapinghub Article Extraction Benchmark
  (https://github.com/scrapinghub/article-extraction-benchmark, MIT licence, Copyright (c) 2020 Scrapinghub),
  copied byte for byte from `shared/html/scrapinghub_aeb/html/`; file names in MANIFEST.json (`why`).
- Everything else (binary noise, broken WARC/gzip/JSON framing, nesting, regex bait) is written by the script.
"""


def main() -> None:
    corpus = build()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        if old.is_file():
            old.unlink()
    for name, data in corpus.files.items():
        (OUT / name).write_bytes(data)
    (OUT / "MANIFEST.json").write_text(json.dumps(corpus.manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (OUT / "SOURCE.md").write_text(SOURCE_MD, encoding="utf-8")
    expects = [m["expect"] for m in corpus.manifest.values()]
    good = sum(m["kind"] in ("corpus", "aeb") for m in corpus.manifest.values())
    size = sum(len(d) for d in corpus.files.values())
    print(
        f"make_hostile: {len(expects)} files ({good} good, {expects.count('rejected')} bad, "
        f"{expects.count('stored') - good} hostile but readable), {size / 1e6:.1f} MB in {OUT}"
    )


if __name__ == "__main__":
    main()
