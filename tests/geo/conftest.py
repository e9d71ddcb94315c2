"""Fixtures for the geo tests: the gazetteer index (built once if missing) and a spaCy parse helper."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from eventwatch.config import DATA_DIR, load_config
from eventwatch.geo import Gazetteer
from eventwatch.geo.build import build_index
from eventwatch.nlp import parse_article
from eventwatch.records import Article, ParsedArticle

DATA = Path(__file__).resolve().parents[1] / "data" / "geo"


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The index built at set-up; when it is missing the session builds one (about 40 s), never skips."""
    path = DATA_DIR / "gazetteer.sqlite"
    if path.is_file():
        return path
    built = tmp_path_factory.mktemp("geo") / "gazetteer.sqlite"
    build_index(built)
    return built


@pytest.fixture(scope="session")
def gaz(gazetteer_path: Path) -> Iterator[Gazetteer]:
    g = Gazetteer.open(gazetteer_path)
    yield g
    g.close()


@pytest.fixture(scope="session")
def parse() -> Callable[[str], ParsedArticle]:
    cfg = load_config()

    def _parse(text: str) -> ParsedArticle:
        return parse_article(Article(id="t", content_hash="t", text=text), cfg)

    return _parse


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (DATA / "seed_3df5cc3808da9925.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(parse: Callable[[str], ParsedArticle], seed_text: str) -> ParsedArticle:
    return parse(seed_text)
