"""Helpers for the extract tests: run real text through the nlp and extract stages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwatch import extract
from eventwatch.config import load_config
from eventwatch.nlp import parse_article
from eventwatch.records import Analysis, Article

Extract = Callable[..., Analysis]
_CACHE: dict[tuple[str, str | None, str | None], Analysis] = {}


def _extract(text: str, published: str | None = None, outlet: str | None = None) -> Analysis:
    key = (text, published, outlet)
    if key not in _CACHE:
        cfg = load_config()
        article = Article(id="t", content_hash="t", text=text, published=published, outlet=outlet)
        _CACHE[key] = next(extract.run([parse_article(article, cfg)], cfg))
    return _CACHE[key]


@pytest.fixture(scope="session")
def extract_text() -> Extract:
    """``extract_text(text, published=None, outlet=None)`` -> the Analysis of that text (cached per session)."""
    return _extract
