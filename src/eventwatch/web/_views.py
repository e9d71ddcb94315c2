"""What the event page shows, computed from the store's :class:`EventDetail` (no HTML here)."""

from __future__ import annotations

from dataclasses import dataclass

from eventwatch.records import Stance, Status
from eventwatch.store.rows import ClaimRow, EventDetail, MentionDetail
from eventwatch.web._highlight import Piece, split_marks

# Stances in the order the event page lists them: who stands behind the event first, then who rejects it.
STANCE_ORDER: tuple[Stance, ...] = (
    Stance.CONFIRM,
    Stance.ASSERT,
    Stance.REPORT,
    Stance.CLAIM,
    Stance.DENY,
    Stance.RETRACT,
)
STANCE_HEADINGS: dict[Stance, str] = {
    Stance.CONFIRM: "Confirm",
    Stance.ASSERT: "Assert",
    Stance.REPORT: "Report",
    Stance.CLAIM: "Claim",
    Stance.DENY: "Deny",
    Stance.RETRACT: "Retract",
}
AGAINST: frozenset[Stance] = frozenset({Stance.DENY, Stance.RETRACT})
STATUS_LABELS: dict[Status, str] = {
    Status.CONTESTED: "Contested",
    Status.CORROBORATED: "Corroborated",
    Status.SINGLE_SOURCE: "Single source",
    Status.DENIED_ONLY: "Denied only",
}


@dataclass(frozen=True, slots=True)
class ClaimView:
    claim: ClaimRow
    evidence: tuple[Piece, ...]  # the evidence sentence with its cue marked
    article_id: str
    article_title: str | None
    article_url: str | None


@dataclass(frozen=True, slots=True)
class StanceGroup:
    stance: Stance
    heading: str
    is_against: bool
    claims: tuple[ClaimView, ...]


@dataclass(frozen=True, slots=True)
class MentionView:
    mention: MentionDetail
    evidence: tuple[Piece, ...]  # the evidence sentence with its trigger marked


@dataclass(frozen=True, slots=True)
class EventView:
    detail: EventDetail
    status_label: str
    title: str
    supporters: tuple[str, ...]  # source names with a supporting claim, first seen first
    deniers: tuple[str, ...]  # source names with a denying or retracting claim
    groups: tuple[StanceGroup, ...]  # only stances with claims, in STANCE_ORDER
    mentions: tuple[MentionView, ...]


def _unique(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def event_title(detail: EventDetail) -> str:
    """The first mention's summary, else "PLOVER at place" from the event row."""
    for mention in detail.mentions:
        if mention.summary:
            return mention.summary
    event = detail.event
    return f"{event.plover} at {event.place_name}" if event.place_name else str(event.plover)


def event_view(detail: EventDetail) -> EventView:
    mentions = {m.id: m for m in detail.mentions}
    claim_views: list[ClaimView] = []
    for claim in detail.claims:
        mention = mentions.get(claim.event_mention_id)
        if mention is None:  # a claim always belongs to one of the event's mentions; keep the page up if not
            continue
        cue = (claim.cue_start_in_evidence, claim.cue_end_in_evidence, "cue")
        claim_views.append(
            ClaimView(
                claim=claim,
                evidence=split_marks(claim.evidence_text, [cue]),
                article_id=mention.article_id,
                article_title=mention.article_title,
                article_url=mention.article_url,
            )
        )
    groups = tuple(
        StanceGroup(stance, STANCE_HEADINGS[stance], stance in AGAINST, members)
        for stance in STANCE_ORDER
        if (members := tuple(c for c in claim_views if c.claim.stance == stance))
    )
    mention_views = tuple(
        MentionView(
            m,
            split_marks(
                m.evidence_text, [(m.trigger_start - m.evidence_start, m.trigger_end - m.evidence_start, "trigger")]
            ),
        )
        for m in detail.mentions
    )
    return EventView(
        detail=detail,
        status_label=STATUS_LABELS.get(detail.event.status, str(detail.event.status)),
        title=event_title(detail),
        supporters=_unique([c.claim.source_name for c in claim_views if c.claim.stance not in AGAINST]),
        deniers=_unique([c.claim.source_name for c in claim_views if c.claim.stance in AGAINST]),
        groups=groups,
        mentions=mention_views,
    )
