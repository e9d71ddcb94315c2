"""Typed records exchanged by the pipeline stages.

Every record is a frozen, slotted dataclass; closed vocabularies are ``StrEnum``s whose values are the
strings of the article gold format (``shared/gold/SCHEMA.md``), so ``str(member)`` is the JSON value.

Provenance is always a :class:`Span` of character offsets into ``Article.text`` (the stored, cleaned body):
``article.text[span.start:span.end]`` is the surface string. Evidence is a slice, never a copy.

Flow (see ``pipeline.py``)::

    Article --nlp--> ParsedArticle --extract--> Analysis --attribute--> Analysis --geo--> Analysis --fuse--> Analysis
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy is imported lazily: records must stay cheap to import (CLI start-up, Dask pickling).
    from spacy.tokens import Doc


class Plover(enum.StrEnum):
    """The 16 PLOVER event types (shared/specs/plover/plover_codebook.json)."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Factuality(enum.StrEnum):
    """Whether an event mention happened according to the text (SCHEMA.md `factuality`)."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    PLANNED = "planned"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"


class Stance(enum.StrEnum):
    """What a source does with an event in a claim (SCHEMA.md `stance`)."""

    ASSERT = "assert"
    CONFIRM = "confirm"
    REPORT = "report"
    CLAIM = "claim"
    DENY = "deny"
    RETRACT = "retract"


class SourceKind(enum.StrEnum):
    """Who a source is (SCHEMA.md `source_kind`)."""

    AUTHOR = "author"
    MEDIA = "media"
    MEDIA_STATE = "media_state"
    OFFICIAL = "official"
    MILITARY = "military"
    ARMED_GROUP = "armed_group"
    NGO_MONITOR = "ngo_monitor"
    UN_IO = "un_io"
    WITNESS_LOCAL = "witness_local"
    EXPERT = "expert"
    UNNAMED = "unnamed"


class Precision(enum.StrEnum):
    """How precisely a place is known, finest first."""

    POINT = "point"
    DISTRICT = "district"
    CITY = "city"
    ADMIN2 = "admin2"
    ADMIN1 = "admin1"
    COUNTRY = "country"
    REGION = "region"


class DatePrecision(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Status(enum.StrEnum):
    """Corroboration status of a fused event (or of one claim within it)."""

    SINGLE_SOURCE = "single-source"
    CORROBORATED = "corroborated"
    CONTESTED = "contested"
    DENIED_ONLY = "denied-only"


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` into ``Article.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Article:
    """One ingested article. ``text`` is the cleaned body (page residue removed); all offsets point into it.

    ``id`` derives from the canonical URL and the normalized text (``ingest.identity``); ``content_hash``
    from the normalized text alone, so the same text under two URLs is stored once. ``ext_id`` is the id the
    input gave (JSONL ``id``, file stem), used to name per-article outputs.
    """

    id: str
    content_hash: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``
    outlet: str | None = None
    ext_id: str | None = None
    origin: str = ""  # where it came from: a path, ``path:line``, ``warc:offset`` or ``<stdin>``
    language: str | None = None
    removed_residue: tuple[str, ...] = ()  # lines dropped from the raw text as page residue


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int
    paragraph: int
    span: Span


@dataclass(frozen=True, slots=True)
class ParsedDoc:
    """A spaCy ``Doc`` for one paragraph; ``offset`` maps ``token.idx`` to ``Article.text`` offsets."""

    offset: int
    doc: Doc


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """Output of the nlp stage: sentences plus the parsed paragraphs they come from."""

    article: Article
    sentences: tuple[Sentence, ...]
    docs: tuple[ParsedDoc, ...]


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor or recipient: the text that names it, resolved to a name, ISO alpha-3 country and sector."""

    text: str
    span: Span | None = None
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3; None for transnational, multinational and unknown actors
    sector: str | None = None  # PLOVER/CAMEO sector code(s), alternatives joined with "/"


@dataclass(frozen=True, slots=True)
class Casualties:
    """A casualty figure as one source gives it (``low``/``high`` keep ranges and "at least" bounds)."""

    kind: str  # "killed" | "injured"
    low: int | None
    high: int | None
    best: int | None
    span: Span
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """Who says so. ``via`` keeps reporting chains: a commander quoted by Fars is ``commander`` via ``Fars``."""

    text: str
    kind: SourceKind
    span: Span | None = None
    name: str | None = None  # normalized name (outlet registry entry, resolved pronoun)
    country: str | None = None
    affiliation: str | None = None
    via: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """A source's stance on an event mention (or on part of it, named by ``about``)."""

    source: Source
    stance: Stance
    evidence: Span
    cue: str | None = None
    cue_span: Span | None = None
    is_hedged: bool = False
    hedge: str | None = None  # the hedge cue, e.g. "appear to", "apparently"
    about: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved against the gazetteer."""

    name: str  # as written in the text
    span: Span | None
    lat: float | None
    lon: float | None
    precision: Precision
    geonameid: int | None = None
    resolved_name: str | None = None
    country: str | None = None  # ISO alpha-3
    admin1: str | None = None
    admin2: str | None = None
    feature_code: str | None = None
    qualifier: str | None = None  # sub-city text kept: "eastern districts"
    rule: str | None = None  # how it was chosen as the event's place: "clause", "sentence", "dateline", ...
    is_approximate: bool = False


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one article reports it. ``evidence`` holds the clauses describing it (first = main)."""

    id: str
    article_id: str
    sentence_index: int
    evidence: tuple[Span, ...]
    trigger: Span
    plover: Plover
    mode: str | None = None
    acled: str | None = None
    acled_sub: str | None = None
    cameo: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    date: str | None = None  # ISO day or ``YYYY-MM``
    date_precision: DatePrecision | None = None
    fatalities: int | None = None
    injured: int | None = None
    casualties: tuple[Casualties, ...] = ()
    factuality: Factuality = Factuality.ASSERTED
    claims: tuple[Claim, ...] = ()
    locations: tuple[Place, ...] = ()
    is_contested: bool = False
    is_background: bool = False
    summary: str | None = None  # short "what" line
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A fused event: the mentions (possibly from several articles) that report one real event."""

    id: str
    mention_ids: tuple[str, ...]
    plover: Plover
    status: Status
    date: str | None = None
    location: Place | None = None
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the pipeline knows about one article; each stage returns a new one with its fields filled."""

    parsed: ParsedArticle
    event_mentions: tuple[EventMention, ...] = ()
    places: tuple[Place, ...] = ()  # every toponym resolved in the article
    events: tuple[Event, ...] = ()  # per-article fused events (cross-article fusion happens in the store)
    headline_overstates: bool = False  # headline asserts more than the body ("CONFIRMED:" over "appear to")
    notes: tuple[str, ...] = field(default=())

    @property
    def article(self) -> Article:
        return self.parsed.article


JSONValue = Any  # what ``json.loads`` returns; used at the export edges only
