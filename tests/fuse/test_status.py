import pytest

from eventwatch.fuse import corroboration_status
from eventwatch.records import Claim, Source, SourceKind, Span, Stance, Status


def _claim(
    name: str,
    stance: Stance,
    kind: SourceKind = SourceKind.OFFICIAL,
    affiliation: str | None = None,
    country: str | None = None,
) -> Claim:
    return Claim(Source(name, kind, affiliation=affiliation, country=country), stance, Span(0, 1))


def test_corroboration_status_single_source() -> None:
    assert corroboration_status([_claim("SOHR", Stance.ASSERT)]) is Status.SINGLE_SOURCE


def test_corroboration_status_two_independent_sources_corroborate() -> None:
    claims = [_claim("SOHR", Stance.ASSERT), _claim("Reuters", Stance.CONFIRM)]
    assert corroboration_status(claims) is Status.CORROBORATED


def test_corroboration_status_state_outlets_of_one_country_count_once() -> None:
    claims = [
        _claim("SANA", Stance.ASSERT, SourceKind.MEDIA_STATE, "state-owned news agency", "SYR"),
        _claim("Syrian state TV", Stance.ASSERT, SourceKind.MEDIA_STATE, "state broadcaster", "SYR"),
    ]
    assert corroboration_status(claims) is Status.SINGLE_SOURCE


@pytest.mark.parametrize(
    ("stances", "expected"),
    [
        ([Stance.CLAIM, Stance.DENY], Status.CONTESTED),
        ([Stance.DENY], Status.DENIED_ONLY),
        ([Stance.DENY, Stance.RETRACT], Status.DENIED_ONLY),
    ],
)
def test_corroboration_status_with_denials(stances: list[Stance], expected: Status) -> None:
    claims = [_claim(f"source {i}", s) for i, s in enumerate(stances)]
    assert corroboration_status(claims) is expected
