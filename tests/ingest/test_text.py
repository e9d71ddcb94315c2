from __future__ import annotations

import pytest

from eventwatch.config import Config
from eventwatch.errors import InputError
from eventwatch.ingest import read_text

from .conftest import SEED

BODY = "Riot police dispersed a crowd of several hundred people outside the parliament on Monday."


def test_read_text_seed_gives_title_body_and_residue(cfg: Config) -> None:
    article = read_text(SEED.read_text(encoding="utf-8"), str(SEED), cfg, ext_id=SEED.stem)
    assert article.title == "CONFIRMED: Syrian army launches major offensive in Aleppo"
    assert article.text.startswith("Reports from Syrian")
    assert "View all comments" in article.removed_residue
    assert article.ext_id == "000_3df5cc3808da9925"


def test_read_text_ids_are_stable(cfg: Config) -> None:
    first = read_text(BODY, "a", cfg, url="https://example.org/x?utm_source=a")
    second = read_text(BODY + "\r\n", "b", cfg, url="https://EXAMPLE.org/x/")
    assert (first.id, first.content_hash) == (second.id, second.content_hash)
    assert first.url == "https://example.org/x"


def test_read_text_takes_published_from_dateline(cfg: Config) -> None:
    article = read_text(f"Tuesday, October 8, 2019\n\n{BODY}", "x", cfg, title="T")
    assert article.published == "2019-10-08"
    assert article.text.startswith("Tuesday, October 8, 2019")


def test_read_text_keeps_given_metadata(cfg: Config) -> None:
    article = read_text(BODY, "x", cfg, title="  A  title ", published="2020-01", outlet="Wikinews", ext_id="wn-1")
    assert (article.title, article.published, article.outlet, article.ext_id) == (
        "A title",
        "2020-01",
        "Wikinews",
        "wn-1",
    )


@pytest.mark.parametrize(
    ("text", "overrides", "reason"),
    [
        ("Too short.", {}, "body too short"),
        ("Leave a comment\n\nShare this article", {}, "body too short"),
        (BODY * 10, {"max_text_chars": 200}, "body too long"),
    ],
)
def test_read_text_rejects_bodies_outside_length_limits(text: str, overrides: dict[str, int], reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        read_text(text, "x", Config(**overrides), title="T")
