"""Corroboration status of an event from its claims.

Independence follows the outlet registry: sources that share an affiliation (two outlets of one state, an
outlet and the wire it republishes) count once, so "corroborated" means at least two *independent* sources
assert, confirm or report the event.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventwatch.records import Claim, SourceKind, Stance, Status

_SUPPORTING = frozenset({Stance.ASSERT, Stance.CONFIRM, Stance.REPORT, Stance.CLAIM})
_DENYING = frozenset({Stance.DENY, Stance.RETRACT})


def independence_key(claim: Claim) -> str:
    """Sources with the same key are not independent of each other."""
    source = claim.source
    origin = source.via[-1] if source.via else source
    if origin.affiliation and origin.kind is SourceKind.MEDIA_STATE:
        # State media of one country speak with one voice (e.g. SANA and Syrian state TV).
        return f"state:{origin.country or origin.affiliation}"
    if origin.affiliation:
        return f"aff:{origin.affiliation.casefold()}"
    return f"name:{(origin.name or origin.text).casefold()}"


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
