"""Headline overstating the body (attribute/headline.py)."""

from __future__ import annotations

from eventwatch.records import Plover

A = Plover.ASSAULT
BODY = (
    "Reports from Syrian and Iranian news agencies appear to confirm that the Syrian army has now started a "
    "major offensive in and around Aleppo."
)
EVENT = ("the Syrian army has now started a major offensive in and around Aleppo", "started", A)


def test_headline_certainty_over_hedged_body(analyse):
    title = "CONFIRMED: Syrian army launches major offensive in Aleppo"
    assert analyse(BODY, [EVENT], title=title).headline_overstates


def test_headline_without_certainty_word(analyse):
    title = "Syrian army launches major offensive in Aleppo"
    assert not analyse(BODY, [EVENT], title=title).headline_overstates


def test_headline_certainty_over_unhedged_body(analyse):
    body = "The Syrian army said it has now started a major offensive in and around Aleppo."
    event = ("it has now started a major offensive in and around Aleppo", "started", A)
    title = "CONFIRMED: Syrian army launches major offensive in Aleppo"
    assert not analyse(body, [event], title=title).headline_overstates


def test_headline_read_from_body_when_title_missing(analyse, seed_text):
    event = ("the Syrian army has now started a major ground operation in and around Aleppo", "started", A)
    assert analyse(seed_text, [event]).headline_overstates
