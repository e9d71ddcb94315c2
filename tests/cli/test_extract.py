"""`eventwatch extract` on the founding article: the events and claims the project promises."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import TEST_DATA

SEED = TEST_DATA / "seed" / "000_3df5cc3808da9925.txt"
RESIDUE = [
    "0 0 vote",
    "Article Rating",
    "Patreon",
    "Notify of",
    "Inline Feedbacks",
    "View all comments",
    "What do you think?",
    "do not necessarily represent",
    "BREAKING: Massive Russian",
    "Russian MP calls for sanctions",
]


@pytest.fixture(scope="module")
def seed_output() -> dict:  # type: ignore[type-arg]
    from tests.cli.conftest import run_cli

    result = run_cli("extract", str(SEED), "--format", "gold-json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])  # type: ignore[no-any-return]


def _events_with(output: dict, *words: str) -> list[dict]:  # type: ignore[type-arg]
    found = []
    for event in output["events"]:
        text = " ".join(event["evidence"]).lower()
        if all(w.lower() in text for w in words):
            found.append(event)
    return found


def test_extract_seed_ground_offensive_reported_by_two_agencies_hedged(seed_output: dict) -> None:  # type: ignore[type-arg]
    events = _events_with(seed_output, "ground operation")
    assert len(events) == 1
    claims = events[0]["claims"]
    countries = {c["country"] for c in claims if c["source_kind"] in ("media", "media_state")}
    assert {"SYR", "IRN"} <= countries
    assert all(c["hedged"] for c in claims if c["country"] in ("SYR", "IRN"))
    assert events[0]["actor1"]["country"] == "SYR"


def test_extract_seed_east_aleppo_strikes_contested_with_peskov_denial(seed_output: dict) -> None:  # type: ignore[type-arg]
    events = [e for e in _events_with(seed_output, "air strikes") if "Idlib" not in " ".join(e["evidence"])]
    assert len(events) == 1
    event = events[0]
    assert event["contested"] is True
    stances = {c["stance"] for c in event["claims"]}
    assert {"confirm", "claim", "deny"} <= stances
    denial = [c for c in event["claims"] if c["stance"] == "deny"]
    assert any("Peskov" in c["source"] for c in denial)
    confirm = [c for c in event["claims"] if c["stance"] == "confirm"]
    assert any("military" in c["source"].lower() and c["hedged"] for c in confirm)


def test_extract_seed_russian_strikes_in_idlib_and_homs(seed_output: dict) -> None:  # type: ignore[type-arg]
    events = _events_with(seed_output, "Idlib", "Homs")
    assert events
    assert events[0]["plover"] == "ASSAULT"
    assert {p["name"] for p in events[0]["locations"]} >= {"Idlib", "Homs"}


def test_extract_seed_storming_is_planned_never_happened(seed_output: dict) -> None:  # type: ignore[type-arg]
    planned = [e for e in _events_with(seed_output, "storm") if e["factuality"] == "planned"]
    assert planned and all(e["acled"] is None for e in planned)
    happened = [e for e in seed_output["events"] if e["factuality"] in ("asserted", "reported")]
    assert not any("storm" in e["what"].lower() for e in happened)


def test_extract_seed_no_residue_in_any_evidence(seed_output: dict) -> None:  # type: ignore[type-arg]
    evidence = [s for e in seed_output["events"] for s in e["evidence"]]
    evidence += [c["evidence"] for e in seed_output["events"] for c in e["claims"]]
    for line in RESIDUE:
        assert not any(line in s for s in evidence), line


def test_extract_seed_operation_name_is_not_a_place(seed_output: dict) -> None:  # type: ignore[type-arg]
    places = {p["name"] for e in seed_output["events"] for p in e["locations"]}
    assert not any("Saraqib" in p for p in places)


def test_extract_out_dir_names_files_by_jsonl_id(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    record = {
        "id": "wn-test-1",
        "url": "https://example.org/a",
        "title": "Bomb kills five in Kabul",
        "published": "2019-09-05",
        "outlet": "Wikinews",
        "text": "A car bomb exploded near a checkpoint in Kabul on Thursday, killing five soldiers, police said.",
    }
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli("extract", str(src), "--format", "gold-json", "--out", str(out))
    assert result.returncode == 0, result.stderr
    written = json.loads((out / "wn-test-1.json").read_text(encoding="utf-8"))
    assert written["id"] == "wn-test-1"
    assert written["published"] == "2019-09-05"


def test_extract_text_format_reads_as_the_brief_describes_the_seed() -> None:
    from tests.cli.conftest import run_cli

    result = run_cli("extract", str(SEED), "--format", "text")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "/None" not in text  # an event with no mode shows none
    assert "confirm (hedged: 'appear to'): Syrian news agencies" in text
    assert "confirm (hedged: 'apparently') about Syrian involvement: The Syrian military" in text
    assert "@ Aleppo (eastern districts)" in text
    assert "deny about Russian involvement: Dmitry Peskov" in text
    assert "Russian [RUS, GOV/MIL] -> al-Qaeda [REB/IMG]" in text  # who did it to whom
    assert "! the headline asserts more than the body says" in text  # "CONFIRMED:" over "appear to confirm"
    assert not any(line.endswith((" ", "\u00a0")) for line in text.splitlines())
    assert not any(residue in text for residue in RESIDUE)
