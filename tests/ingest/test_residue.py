from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwatch.ingest import clean_text
from eventwatch.ingest.residue import is_headline_like

from .conftest import GOLD_DEV, SEED

SEED_RESIDUE = (
    "0 0 vote",
    "Article Rating",
    "Help us grow. Support The Duran on Patreon!",
    "The statements, views and opinions expressed in this column are solely those of the author and do not "
    "necessarily represent those of The Duran.",
    "What do you think?",
    "Notify of",
    "Inline Feedbacks",
    "View all comments",
    "BREAKING: Massive Russian air and cruise missile strikes on Al-Qaeda in Syria",
    "Russian MP calls for sanctions against Soros, Nuland and Biden",
)
PROSE = (
    "Police said a man was arrested near the station on Monday after a fight broke out between two groups."
    "\n\n"
    "Witnesses told reporters that several people were injured and taken to the city hospital."
)


def _gold_files() -> list[Path]:
    files = sorted(GOLD_DEV.glob("*.json"))
    assert len(files) == 20, f"expected the 20 gold dev files under {GOLD_DEV}"
    return files


def test_clean_text_removes_seed_footer_and_dateline() -> None:
    result = clean_text(SEED.read_text(encoding="utf-8"))
    assert result.removed == ("in ,", *SEED_RESIDUE)
    assert result.text.startswith("Reports from Syrian and Iranian news agencies")
    assert result.text.endswith("humanitarian pauses is at an end.")


def test_clean_text_takes_seed_headline_as_title() -> None:
    result = clean_text(SEED.read_text(encoding="utf-8"))
    assert result.title == "CONFIRMED: Syrian army launches major offensive in Aleppo"
    assert "CONFIRMED" not in result.text


def test_clean_text_keeps_paragraph_breaks() -> None:
    result = clean_text(SEED.read_text(encoding="utf-8"))
    assert len(result.text.split("\n\n")) == 9  # the seed body has 9 paragraphs
    assert "\n\n\n" not in result.text


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_clean_text_drops_gold_body_excludes(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    cleaned = clean_text(path.with_suffix(".txt").read_text(encoding="utf-8"), title=gold["title"])
    for line in gold.get("body_excludes", []):
        assert line not in cleaned.text


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_clean_text_keeps_gold_evidence(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    cleaned = clean_text(path.with_suffix(".txt").read_text(encoding="utf-8"), title=gold["title"])
    evidence = [e for ev in gold["events"] for e in ev["evidence"]]
    evidence += [c["evidence"] for ev in gold["events"] for c in ev.get("claims", [])]
    evidence += [n["evidence"] for n in gold.get("not_events", [])]
    for text in evidence:
        assert text in cleaned.text


@pytest.mark.parametrize(
    "footer",
    [
        "BREAKING: Massive Russian air and cruise missile strikes on Al-Qaeda in Syria\n\n"
        "Russian MP calls for sanctions against Soros, Nuland and Biden",
        "Share this article\nFollow us on Telegram\nSign up for our daily newsletter",
        "Leave a comment\n\nJohn: I agree with this, great piece of reporting overall.",
        "Copyright 2021 Example Media. All rights reserved.",
        "* * *",
    ],
)
def test_clean_text_removes_footer_residue(footer: str) -> None:
    result = clean_text(PROSE + "\n\n" + footer, title="Given")
    assert result.text == PROSE


@pytest.mark.parametrize(
    "line",
    [
        "—The mayor of London, Sadiq Khan",
        "██\u00a0Syrian Democratic Forces",
        " Operation Inherent Resolve - Targeted Operations Against ISIL Terrorists",
        "Home | World | Middle East",
        "Support us on Patreon",
    ],
)
def test_clean_text_removes_residue_line_mid_text(line: str) -> None:
    first, second = PROSE.split("\n\n")
    result = clean_text(f"{first}\n\n{line}\n\n{second}", title="Given")
    assert result.text == PROSE
    assert result.removed == (line.strip(),)


@pytest.mark.parametrize(
    "footer",
    [
        "Tour dates:\nJune 9 – West Palm Beach, FL @ Coral Sky Amphitheatre\nJune 10 – Tampa, FL @ Arena",
        "Syria\nIraq",
        "1. Unofficial results\n2. Relative to seats at dissolution",
    ],
)
def test_clean_text_keeps_content_lists_at_foot(footer: str) -> None:
    text = PROSE + "\n\n" + footer
    assert clean_text(text, title="Given").text == text


@pytest.mark.parametrize(
    "lines",
    [
        "— Man**\n— Ali***\n— Jo** Al****",  # a list of dash-led names, not one pull-quote credit
        "June 9 - Coral Sky - Palm Beach\nJune 10 - Tampa Arena - Tampa\nJune 14 - Bridgestone - Nashville",
    ],
)
def test_clean_text_keeps_runs_of_dash_lines(lines: str) -> None:
    text = f"{PROSE}\n\n{lines}\n\nThe tour ends in Nashville, the promoter said."
    assert clean_text(text, title="Given").text == text


def test_clean_text_comment_box_near_top_does_not_cut_article() -> None:
    text = "Leave a comment\n\n" + PROSE
    result = clean_text(text, title="Given")
    assert result.text == PROSE
    assert result.removed == ("Leave a comment",)


def test_clean_text_removes_repeated_title() -> None:
    result = clean_text("Farmers block highway\n\n" + PROSE, title="Farmers Block Highway")
    assert result.text == PROSE
    assert result.title == "Farmers Block Highway"


def test_clean_text_keeps_dateline_and_wraps() -> None:
    text = "Tuesday, October 8, 2019\n\nIn the past 24 hours, the U.S.-led\ncoalition\n conducted five strikes."
    assert clean_text(text).text == text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("CONFIRMED: Syrian army launches major offensive in Aleppo", True),
        ("Russian MP calls for sanctions against Soros, Nuland and Biden", True),
        ("The army said it had taken the town.", False),
        ("Tuesday, October 8, 2019", False),
        ("coalition", False),
        ("lowercase start of a wrapped line", False),
    ],
)
def test_is_headline_like_classifies(line: str, expected: bool) -> None:
    assert is_headline_like(line) is expected
