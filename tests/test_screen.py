"""screen: which articles go on to the parser (counts of conflict words, conflict countries, armed groups)."""

from __future__ import annotations

import pytest

from eventwatch.records import Article
from eventwatch.screen import conflict_mentions, worth_parsing


def _article(text: str, title: str | None = None) -> Article:
    return Article(id="a", content_hash="a", text=text, title=title)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a checkpoint near the town on Monday.",  # gunmen, attacked
        "Police arrested six protesters outside the parliament.",  # police, arrested (protesters is no lemma)
        "The ministry said talks on Syria and Iraq would resume in Geneva.",  # two conflict countries
        "Al-Shabaab claimed the blast, officials in the capital said.",  # an armed group, blast
    ],
)
def test_screen_an_article_about_conflict_is_worth_parsing(text: str) -> None:
    assert worth_parsing(_article(text), 2)


@pytest.mark.parametrize(
    "text",
    [
        "The new laptop hit 44 dBa under load; reviewers liked the keyboard.",  # "hit" is an everyday word
        "Russia beat Croatia on Monday to reach the Davis Cup final.",
        "The storm cleared the coast by Friday, and the company said it would strike a deal.",
        "A hunter was killed by a falling tree, the local paper said.",  # one mention in passing
    ],
)
def test_screen_an_article_that_only_mentions_in_passing_is_not(text: str) -> None:
    assert not worth_parsing(_article(text), 2)


def test_screen_counts_inflected_forms_the_title_and_country_names() -> None:
    article = _article("Soldiers were deployed after the shelling.", title="Clashes in Yemen")
    assert conflict_mentions(article) == 5  # clashes, yemen, soldiers, deployed, shelling


def test_screen_zero_lets_every_article_through() -> None:
    assert worth_parsing(_article("Nothing happened today."), 0)


def test_screen_an_acronym_alias_counts_in_capitals_only() -> None:
    assert conflict_mentions(_article("It is what it is, and this is it.")) == 0
    assert conflict_mentions(_article("IS claimed it.")) == 1


def test_screen_a_long_page_that_names_conflict_in_passing_is_not_about_it() -> None:
    page = "The keyboard is quiet and the screen is bright. " * 100 + "Police arrested a shoplifter."
    assert worth_parsing(_article(page), 2, 0.0)
    assert not worth_parsing(_article(page), 2, 3.0)
