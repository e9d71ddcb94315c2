"""The watch state file: round trip, atomic writes, unreadable files, default location."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.errors import ConfigError
from eventwatch.watch import Validators, WatchState, default_state_path


def test_watch_state_round_trips_validators_and_seen_links(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "w.watch.json"
    state = WatchState.load(path)
    state.set_validators("http://h/feed", Validators('"e1"', "Tue, 14 Nov 2023 22:13:20 GMT"))
    state.set_validators("http://h/page", Validators(etag='W/"x"'))
    state.set_seen("http://h/feed", ["http://h/b", "http://h/a", "http://h/a"])
    state.save()
    again = WatchState.load(path)
    assert again.validators("http://h/feed") == Validators('"e1"', "Tue, 14 Nov 2023 22:13:20 GMT")
    assert again.validators("http://h/page") == Validators(etag='W/"x"')
    assert again.validators("http://h/other") == Validators()
    assert again.seen("http://h/feed") == {"http://h/a", "http://h/b"}
    assert sorted(p.name for p in path.parent.iterdir()) == ["w.watch.json"]  # no temporary file left


def test_watch_state_forgets_empty_validators(tmp_path: Path) -> None:
    state = WatchState.load(tmp_path / "s.json")
    state.set_validators("http://h/feed", Validators(etag='"e1"'))
    state.set_validators("http://h/feed", Validators())
    state.save()
    assert '"http://h/feed"' not in (tmp_path / "s.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["{not json", '{"version": 99, "validators": {}, "seen": {}}', "[]", '{"version": 1}'])
def test_watch_state_refuses_an_unreadable_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "s.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"s\.json is unreadable"):
        WatchState.load(path)


@pytest.mark.parametrize(
    ("db", "expected"),
    [
        ("events.db", "events.db.watch.json"),
        ("sqlite:///data/events.db", "data/events.db.watch.json"),
        ("postgresql://u@127.0.0.1:5432/ew", "eventwatch.watch.json"),
    ],
)
def test_default_state_path_sits_beside_a_sqlite_store(db: str, expected: str) -> None:
    assert default_state_path(db) == Path(expected)
