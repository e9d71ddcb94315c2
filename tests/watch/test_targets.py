"""The watch list format and interval parsing."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.errors import ConfigError
from eventwatch.watch import TargetKind, WatchTarget, parse_interval, read_watch_list


def test_read_watch_list_reads_kinds_comments_and_fragments(tmp_path: Path) -> None:
    path = tmp_path / "feeds.txt"
    path.write_text(
        "# world news\n"
        "\n"
        "https://example.org/rss.xml\n"
        "feed https://example.org/atom   # Atom, served as text/plain\n"
        "PAGE https://example.org/2026/report.html#top\n"
        "https://example.org/rss.xml\n",
        encoding="utf-8",
    )
    assert read_watch_list(path) == (
        WatchTarget("https://example.org/rss.xml", TargetKind.AUTO),
        WatchTarget("https://example.org/atom", TargetKind.FEED),
        WatchTarget("https://example.org/2026/report.html#top", TargetKind.PAGE),
    )


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("ftp://example.org/feed", "not an http(s) URL"),
        ("example.org/feed", "not an http(s) URL"),
        ("blog https://example.org/feed", "expected 'URL'"),
        ("https://a.org/x https://b.org/y", "expected 'URL'"),
    ],
)
def test_read_watch_list_names_the_bad_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "feeds.txt"
    path.write_text(f"https://example.org/ok\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=f"feeds.txt:2: .*{problem.replace('(', '.').replace(')', '.')}"):
        read_watch_list(path)


@pytest.mark.parametrize("text", ["", "# only comments\n\n"])
def test_read_watch_list_refuses_an_empty_list(tmp_path: Path, text: str) -> None:
    path = tmp_path / "feeds.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="names no URL"):
        read_watch_list(path)


def test_read_watch_list_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read the watch list"):
        read_watch_list(tmp_path / "absent.txt")


@pytest.mark.parametrize(
    ("text", "seconds"), [("30s", 30.0), ("5m", 300.0), ("1h", 3600.0), ("2.5", 2.5), (" 1M ", 60.0), ("0.5s", 0.5)]
)
def test_parse_interval_reads_units(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "5 minutes", "-1s", "0s", "1d", "m5"])
def test_parse_interval_refuses_other_forms(text: str) -> None:
    with pytest.raises(ConfigError, match="interval"):
        parse_interval(text)
