"""Corroboration status of an event from its claims.

Independence follows the outlet registry: sources that share an affiliation (two outlets of one state, an
outlet and the wire it republishes) count once, so "corroborated" means at least two *independent* sources
assert, confirm or report the event.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventwatch.records import Claim, SourceKind, Stance, Status

SUPPORTING = frozenset({Stance.ASSERT, Stance.CONFIRM, Stance.REPORT, Stance.CLAIM})
DENYING = frozenset({Stance.DENY, Stance.RETRACT})
_SUPPORTING, _DENYING = SUPPORTING, DENYING

# Kinds that speak for a state: one country's officials, military and state media are one voice.
_STATE_VOICES = frozenset({SourceKind.MEDIA_STATE, SourceKind.OFFICIAL, SourceKind.MILITARY})


def voice_key(name: str, kind: SourceKind, country: str | None, affiliation: str | None) -> str:
    """Sources with the same key are not independent of each other (same state, same owner, same name)."""
    if kind is SourceKind.MEDIA_STATE and (country or affiliation):
        # State media of one country speak with one voice (e.g. SANA and Syrian state TV).
        return f"state:{country or affiliation}"
    if kind in _STATE_VOICES and country:
        return f"state:{country}"
    if affiliation:
        return f"aff:{affiliation.casefold()}"
    return f"name:{' '.join(name.casefold().split())}"


def independence_key(claim: Claim) -> str:
    """Sources with the same key are not independent of each other (judged on the chain's origin)."""
    source = claim.source
    origin = source.via[-1] if source.via else source
    return voice_key(origin.name or origin.text, origin.kind, origin.country, origin.affiliation)


def corroboration_status(claims: Iterable[Claim], is_contested: bool = False) -> Status:
    """``contested`` beats everything; ``denied-only`` when nobody supports; else count independent voices."""
    claims = list(claims)
    supporting = {independence_key(c) for c in claims if c.stance in _SUPPORTING}
    denying = [c for c in claims if c.stance in _DENYING]
    if is_contested or (supporting and denying):
        return Status.CONTESTED
    if denying and not supporting:
        return Status.DENIED_ONLY
    if len(supporting) >= 2:
        return Status.CORROBORATED
    return Status.SINGLE_SOURCE
