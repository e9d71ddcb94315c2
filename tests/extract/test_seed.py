"""The founding article (tests/data/seed) gives the events the issue asks for."""

from __future__ import annotations

from eventwatch.records import Analysis, Factuality
from tests.extract.conftest import Extract


def _body(seed_text: str) -> str:
    # The foot lines are page residue that ingest removes; the test feeds the body as ingest leaves it.
    return seed_text.split("0 0 vote")[0]


def _events(extract_text: Extract, seed_text: str) -> Analysis:
    return extract_text(_body(seed_text), None)


def test_seed_syrian_army_ground_offensive(extract_text: Extract, seed_text: str) -> None:
    text = _body(seed_text)
    found = [
        m
        for m in _events(extract_text, seed_text).event_mentions
        if "ground operation" in " ".join(s.slice(text) for s in m.evidence)
    ]
    assert len(found) == 1
    m = found[0]
    assert (m.plover, m.factuality, m.acled) == ("ASSAULT", Factuality.ASSERTED, "Battles")
    assert m.actor1 is not None and (m.actor1.country, m.actor1.sector) == ("SYR", "MIL")


def test_seed_russian_strikes_on_al_qaeda(extract_text: Extract, seed_text: str) -> None:
    text = _body(seed_text)
    found = [
        m
        for m in _events(extract_text, seed_text).event_mentions
        if "Idlib and Homs" in " ".join(s.slice(text) for s in m.evidence)
    ]
    assert len(found) == 1
    m = found[0]
    assert (m.plover, m.mode) == ("ASSAULT", "aerial")
    assert m.actor1 is not None and m.actor1.country == "RUS" and "MIL" in (m.actor1.sector or "")
    assert m.actor2 is not None and (m.actor2.country, m.actor2.sector) == (None, "REB/IMG")


def test_seed_strikes_on_eastern_aleppo_are_the_syrian_aircraft_the_military_confirms(
    extract_text: Extract, seed_text: str
) -> None:
    """Nobody is named in the strikes' sentence; the next one confirms "Syrian aircraft are involved" (the
    Russians' involvement, claimed and denied, is no actor)."""
    text = _body(seed_text)
    found = [
        m
        for m in _events(extract_text, seed_text).event_mentions
        if any(s.slice(text).startswith("air strikes on the Al-Qaeda") for s in m.evidence)
    ]
    assert len(found) == 1
    actor = found[0].actor1
    assert found[0].mode == "aerial" and actor is not None
    assert (actor.text, actor.country, actor.sector) == ("Syrian aircraft", "SYR", "MIL")


def test_seed_storming_is_planned_never_happened(extract_text: Extract, seed_text: str) -> None:
    text = _body(seed_text)
    storms = [m for m in _events(extract_text, seed_text).event_mentions if m.trigger.slice(text) == "storm"]
    assert storms
    assert all(m.factuality is Factuality.PLANNED and m.acled is None for m in storms)


def test_seed_repelled_attacks_in_western_aleppo(extract_text: Extract, seed_text: str) -> None:
    text = _body(seed_text)
    assert any(
        m.trigger.slice(text) == "repelling" and m.plover == "ASSAULT"
        for m in _events(extract_text, seed_text).event_mentions
    )


def test_seed_terrorist_offensives_list_is_not_an_event(extract_text: Extract, seed_text: str) -> None:
    text = _body(seed_text)
    assert not any(
        "Abu Omar Saraqib" in s.slice(text) for m in _events(extract_text, seed_text).event_mentions for s in m.evidence
    )


def test_seed_each_act_is_one_event_and_nothing_is_denied(extract_text: Extract, seed_text: str) -> None:
    # The Russian bombing sentences retell the strikes of the first paragraph; the author's storming is the
    # commander's planned storming; "They are not yet intended to support ..." denies a purpose, not an act.
    mentions = _events(extract_text, seed_text).event_mentions
    assert len(mentions) == 5
    assert not any(m.factuality is Factuality.NEGATED for m in mentions)
    (storming,) = [m for m in mentions if m.factuality is Factuality.PLANNED]
    assert storming.actor1 is not None and storming.actor1.country == "SYR"
