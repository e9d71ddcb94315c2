from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwatch.errors import InputError
from eventwatch.ingest.decode import declared_charset, decode_bytes

from .conftest import DATA

TEXT_DIR = DATA / "text"
EXPECTED = (TEXT_DIR / "utf8.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name", ["utf8.txt", "cp1252.txt", "utf16le_bom.txt", "utf16le_nobom.txt", "utf16be_nobom.txt"]
)
def test_decode_bytes_reads_undeclared_encodings(name: str) -> None:
    assert decode_bytes((TEXT_DIR / name).read_bytes(), name) == EXPECTED


def test_decode_bytes_reads_latin1() -> None:
    text = decode_bytes((TEXT_DIR / "latin1.txt").read_bytes(), "latin1.txt")
    assert "Río Blanco" in text and "café" in text and "«next month»" in text


@pytest.mark.parametrize(
    ("name", "reason"), [("empty.txt", "empty"), ("whitespace.txt", "empty"), ("binary.txt", "binary")]
)
def test_decode_bytes_rejects_empty_and_binary(name: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        decode_bytes((TEXT_DIR / name).read_bytes(), name)


def test_decode_bytes_uses_declared_charset_when_utf8_fails() -> None:
    data = "<meta charset='koi8-r'><p>Привет, мир</p>".encode("koi8_r")
    assert declared_charset(data) == "koi8-r"
    assert "Привет" in decode_bytes(data, "x", declared=declared_charset(data))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_decode_bytes_gives_text_or_input_error(data: bytes) -> None:
    with contextlib.suppress(InputError):
        assert isinstance(decode_bytes(data, "fuzz"), str)
