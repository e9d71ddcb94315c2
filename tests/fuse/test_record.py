"""``eventwatch.fuse.record``: the fused record of one event from its mentions, claims and casualties."""

from __future__ import annotations

from dataclasses import replace

from eventwatch.fuse import summarize_event
from eventwatch.records import Factuality, Plover, SourceKind, Stance, Status
from eventwatch.store import FusedEventInput, FusionCasualtyRow, FusionClaimRow, FusionMentionRow


def _mention(mid: str, article: str, **kw: object) -> FusionMentionRow:
    fields: dict[str, object] = {
        "id": mid,
        "article_id": article,
        "event_id": "ev-1",
        "plover": Plover.ASSAULT,
        "acled": "Explosions/Remote violence",
        "evidence_text": f"air strikes hit eastern Aleppo ({article})",
        "date": "2016-10-16",
        "date_precision": "day",
        "published": "2016-10-17",
        "outlet": f"outlet {article}",
        "latitude": 36.2021,
        "longitude": 37.1343,
        "place_name": "Aleppo",
        "geonameid": 170063,
        "country": "SYR",
        "admin1": "Aleppo",
        "precision": "city",
        "actor1": None,
        "actor1_country": None,
        "actor2": None,
        "actor2_country": None,
        "actor2_sector": None,
        "factuality": Factuality.ASSERTED,
        "is_contested": False,
        "is_background": False,
        "fatalities": None,
        "injured": None,
        "confidence": 0.8,
        "first_seen": f"2016-10-17T00:00:0{article[-1]}",
    }
    fields.update(kw)
    return FusionMentionRow(**fields)  # type: ignore[arg-type]


def _claim(cid: str, mention: FusionMentionRow, name: str, stance: Stance, **kw: object) -> FusionClaimRow:
    kind = kw.pop("kind", SourceKind.NGO_MONITOR)
    country = kw.pop("country", None)
    affiliation = kw.pop("affiliation", None)
    return FusionClaimRow(
        id=cid,
        event_mention_id=mention.id,
        article_id=mention.article_id,
        outlet=mention.outlet,
        source_id=f"src-{name}",
        source_name=name,
        source_kind=kind,  # type: ignore[arg-type]
        source_country=country,  # type: ignore[arg-type]
        source_affiliation=affiliation,  # type: ignore[arg-type]
        origin_name=str(kw.pop("origin_name", name)),
        origin_kind=kw.pop("origin_kind", kind),  # type: ignore[arg-type]
        origin_country=kw.pop("origin_country", country),  # type: ignore[arg-type]
        origin_affiliation=kw.pop("origin_affiliation", affiliation),  # type: ignore[arg-type]
        stance=stance,
        is_hedged=False,
        about=None,
    )


M1, M2, M3 = _mention("m1", "a1"), _mention("m2", "a2"), _mention("m3", "a3")


def _event(mentions: list[FusionMentionRow], claims: list[FusionClaimRow], casualties=()) -> FusedEventInput:  # type: ignore[no-untyped-def]
    return FusedEventInput("ev-1", tuple(mentions), tuple(claims), tuple(casualties))


def test_summarize_event_one_voice_is_single_source() -> None:
    record = summarize_event(_event([M1], [_claim("c1", M1, "SOHR", Stance.ASSERT)]))
    assert record.columns["status"] is Status.SINGLE_SOURCE


def test_summarize_event_two_independent_voices_corroborate() -> None:
    claims = [_claim("c1", M1, "SOHR", Stance.ASSERT), _claim("c2", M2, "White Helmets", Stance.CONFIRM)]
    record = summarize_event(_event([M1, M2], claims))
    assert (record.columns["status"], record.columns["n_sources"]) == (Status.CORROBORATED, 2)


def test_summarize_event_two_state_outlets_of_one_country_count_once() -> None:
    claims = [
        _claim("c1", M1, "SANA", Stance.ASSERT, kind=SourceKind.MEDIA_STATE, country="SYR"),
        _claim("c2", M2, "Syrian state TV", Stance.ASSERT, kind=SourceKind.MEDIA_STATE, country="SYR"),
    ]
    record = summarize_event(_event([M1, M2], claims))
    assert (record.columns["status"], record.columns["n_sources"]) == (Status.SINGLE_SOURCE, 1)
    assert [independent for *_, independent in record.claims] == [True, False]


def test_summarize_event_two_outlets_relaying_one_wire_count_once() -> None:
    claims = [
        _claim("c1", M1, "a witness", Stance.ASSERT, origin_name="Reuters", origin_kind=SourceKind.MEDIA),
        _claim("c2", M2, "a resident", Stance.ASSERT, origin_name="Reuters", origin_kind=SourceKind.MEDIA),
    ]
    record = summarize_event(_event([M1, M2], claims))
    assert record.columns["status"] is Status.SINGLE_SOURCE


def test_summarize_event_republished_article_counts_once() -> None:
    copy = replace(M2, evidence_text=M1.evidence_text)
    author = SourceKind.AUTHOR
    claims = [
        _claim("c1", M1, "the author", Stance.ASSERT, kind=author),
        _claim("c2", copy, "the author", Stance.ASSERT, kind=author),
    ]
    record = summarize_event(_event([M1, copy], claims))
    assert record.columns["status"] is Status.SINGLE_SOURCE


def test_summarize_event_assert_and_deny_is_contested() -> None:
    claims = [
        _claim("c1", M1, "SOHR", Stance.CONFIRM),
        _claim("c2", M2, "Dmitry Peskov", Stance.DENY, kind=SourceKind.OFFICIAL, country="RUS"),
    ]
    record = summarize_event(_event([M1, M2], claims))
    assert record.columns["status"] is Status.CONTESTED
    assert {status for _, status, _, _ in record.claims} == {Status.CONTESTED}


def test_summarize_event_only_denials_is_denied_only() -> None:
    claims = [_claim("c1", M1, "Kremlin", Stance.DENY, kind=SourceKind.OFFICIAL, country="RUS")]
    assert summarize_event(_event([M1], claims)).columns["status"] is Status.DENIED_ONLY


def test_summarize_event_different_perpetrators_is_contested() -> None:
    russian, syrian = replace(M1, actor1="Russian jets", actor1_country="RUS"), replace(M2, actor1_country="SYR")
    claims = [_claim("c1", russian, "SOHR", Stance.ASSERT), _claim("c2", syrian, "SANA", Stance.ASSERT)]
    assert summarize_event(_event([russian, syrian], claims)).columns["status"] is Status.CONTESTED


def test_summarize_event_incompatible_casualty_figures_are_contested() -> None:
    few = FusionCasualtyRow("m1", "a1", "outlet a1", "killed", 4, 4, 4, "SANA")
    many = FusionCasualtyRow("m2", "a2", "outlet a2", "killed", 30, None, 30, "SOHR")
    claims = [_claim("c1", M1, "SOHR", Stance.ASSERT), _claim("c2", M2, "SANA", Stance.ASSERT)]
    assert summarize_event(_event([M1, M2], claims, [few, many])).columns["status"] is Status.CONTESTED


def test_summarize_event_casualty_bounds_name_their_source() -> None:
    figures = [
        FusionCasualtyRow("m1", "a1", "outlet a1", "killed", 10, 12, 11, "SOHR"),
        FusionCasualtyRow("m2", "a2", "outlet a2", "killed", 12, 12, 12, None),
        FusionCasualtyRow("m3", "a3", "outlet a3", "killed", 9, 9, 9, "SANA"),
    ]
    record = summarize_event(_event([M1, M2, M3], [], figures))
    bounds = {(b.bound, b.value, b.source) for b in record.casualties}
    assert bounds == {("low", 9, "SANA"), ("best", 11, "SOHR"), ("high", 12, "SOHR")}
    assert (record.columns["fatalities_low"], record.columns["fatalities_high"]) == (9, 12)


def test_summarize_event_consensus_date_and_spread() -> None:
    late = replace(M3, date="2016-10-17")
    record = summarize_event(_event([M1, M2, late], []))
    assert (record.columns["date"], record.columns["date_low"], record.columns["date_high"]) == (
        "2016-10-16",
        "2016-10-16",
        "2016-10-17",
    )
    assert record.columns["date_spread_days"] == 1


def test_summarize_event_consensus_place_is_the_medoid_with_its_spread() -> None:
    district = replace(M3, latitude=36.25, longitude=37.2, place_name="Hanano", precision="district")
    record = summarize_event(_event([M1, M2, district], []))
    assert record.columns["place_name"] == "Aleppo"
    assert 5 < record.columns["place_spread_km"] < 15


def test_summarize_event_confidence_grows_with_independent_articles() -> None:
    one = summarize_event(_event([M1], [_claim("c1", M1, "SOHR", Stance.ASSERT)])).columns["confidence"]
    claims = [_claim("c1", M1, "SOHR", Stance.ASSERT), _claim("c2", M2, "White Helmets", Stance.CONFIRM)]
    two = summarize_event(_event([M1, M2], claims)).columns["confidence"]
    assert 0 < one < two <= 1
