"""The store: articles, event mentions, claims, sources, places and fused events in SQL tables.

``open_store("eventwatch.db")`` or ``open_store("postgresql://...")`` gives a :class:`Store`.
"""

from eventwatch.store._fusion import (
    CandidateWindows,
    FusedEventInput,
    FusedEventUpdate,
    FusionAssignment,
    FusionCasualtyRow,
    FusionClaimRow,
    FusionMentionRow,
)
from eventwatch.store.protocol import Store
from eventwatch.store.rows import (
    ArticleDetail,
    ArticleRow,
    CasualtyBound,
    ClaimRow,
    EventDetail,
    EventFilters,
    EventRow,
    EventSource,
    MentionDetail,
    PlaceRow,
    SaveOutcome,
    SourceClaim,
    SourceDetail,
    SourceRow,
    StoreCounts,
)
from eventwatch.store.sql import SqlStore, open_store

__all__ = [
    "ArticleDetail",
    "ArticleRow",
    "CandidateWindows",
    "CasualtyBound",
    "ClaimRow",
    "EventDetail",
    "EventFilters",
    "EventRow",
    "EventSource",
    "FusedEventInput",
    "FusedEventUpdate",
    "FusionAssignment",
    "FusionCasualtyRow",
    "FusionClaimRow",
    "FusionMentionRow",
    "MentionDetail",
    "PlaceRow",
    "SaveOutcome",
    "SourceClaim",
    "SourceDetail",
    "SourceRow",
    "SqlStore",
    "Store",
    "StoreCounts",
    "open_store",
]
