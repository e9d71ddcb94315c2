"""Who did it, by their own word: an attack the text names no doer for takes the group or state that claims
it ("the attack ..., for which Daesh has claimed responsibility", "multiple attacks, also claimed by Da'esh").
Others' blame ("the government blamed the attack on Boko Haram") names no doer: it stays a claim."""

from __future__ import annotations

from dataclasses import replace

from eventwatch.attribute.resolve import PRONOUNS
from eventwatch.extract._resources import find_registry_actor
from eventwatch.records import Actor, Claim, EventMention, Plover, SourceKind, Stance

# Who can claim an attack as their own, and the sector a claimant the registry does not know takes.
_CLAIMANT_SECTORS = {SourceKind.ARMED_GROUP: "REB", SourceKind.MILITARY: "MIL", SourceKind.OFFICIAL: "GOV"}


def claimed_perpetrator(mention: EventMention) -> EventMention:
    """``mention`` with the one claimant of responsibility as its doer, when the text named none (or only an
    unidentified attacker, or one it cannot code); unchanged when nobody, or more than one party, claims it."""
    if mention.plover is not Plover.ASSAULT:
        return mention
    named = mention.actor1
    if named is not None and named.sector != "UAF" and (named.sector is not None or named.country is not None):
        return mention  # a doer the text names and codes ("it" or a name we cannot code is none)
    # one party however written ("Daesh claimed ...", "also claimed by ISIL")
    claimants = {(a.name, a.country, a.sector): a for a in map(_claimant, mention.claims) if a is not None}
    if len(claimants) != 1:
        return mention
    (claimant,) = claimants.values()
    return replace(mention, actor1=claimant, summary=_retold(mention, claimant))


def _claimant(claim: Claim) -> Actor | None:
    """The actor a claim of one's own responsibility names ("X claimed ..."; not "X blamed Y for ...")."""
    source = claim.source
    sector = _CLAIMANT_SECTORS.get(source.kind)
    if claim.stance is not Stance.CLAIM or claim.about != "responsibility" or sector is None:
        return None
    if not (claim.cue or "").lower().startswith("claim"):
        return None
    entry = find_registry_actor(source.name or source.text)
    if entry is not None:
        return Actor(text=source.text, name=entry.name, country=entry.country, sector=entry.sector)
    words = source.text.split()
    if words[:1] and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if not words or words[0].lower() in PRONOUNS or not any(word[:1].isupper() for word in words):
        return None  # "the group", "they": nobody the reader could name
    return Actor(text=source.text, name=source.name or source.text, country=source.country, sector=sector)


def _retold(mention: EventMention, claimant: Actor) -> str | None:
    """The mention's summary with the claimant as its doer."""
    summary = mention.summary
    if summary is None:
        return None
    name = claimant.name or claimant.text
    before = mention.actor1
    if before is not None:
        old = before.name or before.text
        return name + summary[len(old) :] if summary.startswith(old) else summary
    victims = mention.actor2
    if victims is not None and summary.startswith(victims.name or victims.text):
        return summary  # "five people died": the sufferers come first
    return f"{name} {summary}"
