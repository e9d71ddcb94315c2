"""Name keys for gazetteer lookup: spelling-insensitive folding of transliterated place names.

Two keys per name:

* :func:`plain` — case, diacritics, apostrophes and punctuation removed ("Ma`arrat an-Nu`man" →
  "maarrat an numan"); two names with the same plain key are the same spelling.
* :func:`fold` — :func:`plain` plus transliteration folding for Arabic-derived names as English
  newsrooms write them: the article (al-/el-/ad-/ash-/ar-/…) dropped, doubled letters collapsed,
  vowel spellings merged (ee/ei/ey/ay/ai/e → i, ou/oo/aw/o → u), q → k, ph → f, a final h after a vowel
  dropped. "Khan al-Asal" and "Khan al-Assal" share a key, as do "Rashedeen" and "Rashidin". The key is
  only a candidate filter: resolution ranks candidates by how well the plain spelling matches.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Arabic definite article as transliterated, with its sun-letter assimilations (ad-, ar-, ash-, ...).
_ARTICLES = frozenset(str.split("al el il ul ad ed ud ar er ur as es us ash esh at et az ez an en ath adh"))
_APOSTROPHES = "'`´‘’ʿʾʻʼ′"
_NON_WORD = re.compile(r"[^0-9a-z]+")
_VOWEL_RULES: tuple[tuple[str, str], ...] = (
    ("ou", "u"),
    ("oo", "u"),
    ("aw", "u"),
    ("ee", "i"),
    ("ei", "i"),
    ("ey", "i"),
    ("ay", "i"),
    ("ai", "i"),
    ("ie", "i"),
    ("e", "i"),
    ("o", "u"),
    ("q", "k"),
    ("ph", "f"),
)
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=[aiu])h\b")


@lru_cache(maxsize=65536)
def plain(name: str) -> str:
    """Lower-case ASCII words of ``name`` separated by one space; "" if nothing Latin is left."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    for mark in _APOSTROPHES:
        stripped = stripped.replace(mark, "")
    lowered = stripped.lower().replace("ß", "ss").replace("ı", "i").replace("ø", "o").replace("æ", "ae")
    return _NON_WORD.sub(" ", lowered).strip()


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Transliteration-folded key of ``name`` (see module docstring); "" if nothing Latin is left."""
    words = plain(name).split()
    # Keep a lone article ("As", "An") rather than fold a whole name away.
    kept = [w for w in words if w not in _ARTICLES] or words
    out: list[str] = []
    for word in kept:
        for src, dst in _VOWEL_RULES:
            word = word.replace(src, dst)
        word = _DOUBLED.sub(r"\1", word)
        out.append(word)
    return _FINAL_H.sub("", " ".join(out))


def is_latin(name: str) -> bool:
    """True when ``name`` is written (mostly) in Latin script, the only script English news uses."""
    letters = [ch for ch in name if ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin * 10 >= len(letters) * 9
