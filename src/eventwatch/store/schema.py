"""The store's tables, written once with SQLAlchemy Core so SQLite and PostgreSQL get the same schema.

Plain tables with single-column foreign keys where possible, ISO-8601 text for dates and times and TEXT for
closed vocabularies (with a CHECK listing the codes), so Datasette browses the SQLite file as it is.
Offsets (``start``, ``end``, ``*_start``, ``*_end``) are character offsets into ``articles.text``; the
views expose the text they select. ``docs/data-model.md`` documents every column.

This module describes the current schema; ``migrations/`` turns an older database into it.
"""

from __future__ import annotations

import enum

import sqlalchemy as sa
from sqlalchemy.sql.ddl import CreateView

from eventwatch.records import DatePrecision, Factuality, Plover, Precision, SourceKind, Stance, Status

# Named constraints: SQLite can only change a constraint by rebuilding its table, and a rebuild (like
# PostgreSQL's ALTER ... DROP CONSTRAINT) needs to know the constraint's name.
metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _vocab(enum_cls: type[enum.StrEnum], name: str) -> sa.Enum:
    """A closed vocabulary stored as its string values (not member names) with a CHECK constraint."""
    return sa.Enum(
        enum_cls,
        name=name,
        native_enum=False,  # VARCHAR + CHECK on both engines: no PostgreSQL ENUM type to migrate
        create_constraint=True,
        validate_strings=False,  # an unknown code reaches the CHECK and fails the whole article
        values_callable=lambda e: [m.value for m in e],
        length=16,
    )


def _fk(target: str) -> sa.ForeignKey:
    return sa.ForeignKey(target, ondelete="CASCADE")


def _span(prefix: str, *, nullable: bool) -> list[sa.Column[int]]:
    return [
        sa.Column(f"{prefix}start", sa.Integer, nullable=nullable),
        sa.Column(f"{prefix}end", sa.Integer, nullable=nullable),
    ]


def _actor(n: int) -> list[sa.Column[object]]:
    p = f"actor{n}_"
    cols: list[sa.Column[object]] = [sa.Column(p + "text", sa.Text)]
    cols += _span(p, nullable=True)  # type: ignore[arg-type]
    cols += [sa.Column(p + name, sa.Text) for name in ("name", "country", "sector")]
    return cols


schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("applied_at", sa.Text, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.Text, nullable=False, unique=True),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Text, index=True),
    sa.Column("outlet", sa.Text),
    sa.Column("ext_id", sa.Text),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("language", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("removed_residue", sa.Text, nullable=False),  # JSON array of strings
    sa.Column("ingested_at", sa.Text, nullable=False),
    sa.Column("headline_overstates", sa.Boolean, nullable=False),
)

article_urls = sa.Table(
    "article_urls",
    metadata,
    sa.Column("article_id", sa.Text, _fk("articles.id"), primary_key=True),
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("seen_at", sa.Text, nullable=False),
)

sentences = sa.Table(
    "sentences",
    metadata,
    sa.Column("article_id", sa.Text, _fk("articles.id"), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("paragraph", sa.Integer, nullable=False),
    *_span("", nullable=False),
)

# The API lists events in id order, one page at a time, under equality filters (status, type, country) and
# range filters (date, latitude/longitude box). Ending each index with ``id`` lets an equality filter read its
# page in id order and stop at the limit, and lets a range filter find its ids in the index alone (covering)
# before sorting them; with the column alone SQLite visits every matching row and sorts (EXPLAIN QUERY PLAN).
# Migration m0003 replaced the single-column indexes named in REPLACED_EVENT_INDEXES with these.
EVENT_INDEXES = (
    sa.Index("ix_events_status_id", "status", "id"),
    sa.Index("ix_events_plover_id", "plover", "id"),
    sa.Index("ix_events_country_plover_id", "country", "plover", "id"),
    sa.Index("ix_events_date_id", "date", "id"),
    sa.Index("ix_events_latitude_longitude_id", "latitude", "longitude", "id"),
)
REPLACED_EVENT_INDEXES = (
    "ix_events_status",
    "ix_events_plover",
    "ix_events_country",
    "ix_events_date",
    "ix_events_latitude_longitude",
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("plover", _vocab(Plover, "plover"), nullable=False),
    sa.Column("status", _vocab(Status, "status"), nullable=False),
    sa.Column("date", sa.Text),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("place_name", sa.Text),
    sa.Column("geonameid", sa.Integer),
    sa.Column("country", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("precision", _vocab(Precision, "precision")),
    sa.Column("confidence", sa.Float),
    sa.Column("first_seen", sa.Text, nullable=False),
    sa.Column("n_mentions", sa.Integer, nullable=False),
    sa.Column("n_articles", sa.Integer, nullable=False),
    *EVENT_INDEXES,
)

event_mentions = sa.Table(
    "event_mentions",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("article_id", sa.Text, _fk("articles.id"), nullable=False, index=True),
    sa.Column("event_id", sa.Text, sa.ForeignKey("events.id", ondelete="SET NULL"), index=True),
    sa.Column("sentence_idx", sa.Integer, nullable=False),
    *_span("evidence_", nullable=False),
    sa.Column("evidence_spans", sa.Text, nullable=False),  # JSON [[start, end], ...], main span first
    *_span("trigger_", nullable=False),
    sa.Column("plover", _vocab(Plover, "plover"), nullable=False),
    sa.Column("mode", sa.Text),
    sa.Column("acled", sa.Text),
    sa.Column("acled_sub", sa.Text),
    sa.Column("cameo", sa.Text),
    *_actor(1),
    *_actor(2),
    sa.Column("date", sa.Text),
    sa.Column("date_precision", _vocab(DatePrecision, "date_precision")),
    sa.Column("fatalities", sa.Integer),
    sa.Column("injured", sa.Integer),
    sa.Column("factuality", _vocab(Factuality, "factuality"), nullable=False),
    sa.Column("is_contested", sa.Boolean, nullable=False),
    sa.Column("is_background", sa.Boolean, nullable=False),
    sa.Column("summary", sa.Text),
    sa.Column("confidence", sa.Float),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
)

casualties = sa.Table(
    "casualties",
    metadata,
    sa.Column("event_mention_id", sa.Text, _fk("event_mentions.id"), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("low", sa.Integer),
    sa.Column("high", sa.Integer),
    sa.Column("best", sa.Integer),
    *_span("", nullable=False),
    sa.Column("source", sa.Text),
)

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", _vocab(SourceKind, "kind"), nullable=False),
    sa.Column("country", sa.Text),
    sa.Column("affiliation", sa.Text),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("event_mention_id", sa.Text, _fk("event_mentions.id"), nullable=False, index=True),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("source_id", sa.Text, sa.ForeignKey("sources.id"), nullable=False, index=True),
    sa.Column("source_text", sa.Text, nullable=False),
    *_span("source_", nullable=True),
    sa.Column("stance", _vocab(Stance, "stance"), nullable=False),
    sa.Column("is_hedged", sa.Boolean, nullable=False),
    sa.Column("hedge", sa.Text),
    sa.Column("cue", sa.Text),
    *_span("cue_", nullable=True),
    *_span("evidence_", nullable=False),
    sa.Column("about", sa.Text),
)

claim_via = sa.Table(
    "claim_via",
    metadata,
    sa.Column("claim_id", sa.Text, _fk("claims.id"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("source_id", sa.Text, sa.ForeignKey("sources.id"), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    *_span("", nullable=True),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("article_id", sa.Text, _fk("articles.id"), nullable=False, index=True),
    sa.Column("event_mention_id", sa.Text, _fk("event_mentions.id"), index=True),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    *_span("", nullable=True),
    sa.Column("geonameid", sa.Integer),
    sa.Column("resolved_name", sa.Text),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("country", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("admin2", sa.Text),
    sa.Column("feature_code", sa.Text),
    sa.Column("precision", _vocab(Precision, "precision"), nullable=False),
    sa.Column("qualifier", sa.Text),
    sa.Column("rule", sa.Text),
    sa.Column("is_approximate", sa.Boolean, nullable=False),
)


def slice_text(
    text: sa.ColumnElement[str], start: sa.ColumnElement[int], end: sa.ColumnElement[int]
) -> sa.ColumnElement[str]:
    """``text[start:end]`` in SQL: substr counts characters from 1 on both SQLite and PostgreSQL."""
    return sa.func.substr(text, start + 1, end - start)


_m, _a = event_mentions, articles
event_mentions_view = CreateView(
    sa.select(
        _m.c.id,
        _m.c.article_id,
        _m.c.event_id,
        _a.c.title.label("article_title"),
        _a.c.url.label("article_url"),
        _m.c.plover,
        _m.c.factuality,
        _m.c.date,
        slice_text(_a.c.text, _m.c.trigger_start, _m.c.trigger_end).label("trigger_text"),
        slice_text(_a.c.text, _m.c.evidence_start, _m.c.evidence_end).label("evidence_text"),
        sa.func.coalesce(_m.c.actor1_name, _m.c.actor1_text).label("actor1"),
        sa.func.coalesce(_m.c.actor2_name, _m.c.actor2_text).label("actor2"),
        _m.c.fatalities,
        _m.c.injured,
        _m.c.is_contested,
        _m.c.latitude,
        _m.c.longitude,
    ).join_from(_m, _a, _m.c.article_id == _a.c.id),
    "event_mentions_view",
    metadata=metadata,
)

_c, _s = claims, sources
claims_view = CreateView(
    sa.select(
        _c.c.id,
        _c.c.event_mention_id,
        _m.c.article_id,
        _s.c.name.label("source_name"),
        _s.c.kind.label("source_kind"),
        _s.c.country.label("source_country"),
        _c.c.stance,
        _c.c.is_hedged,
        _c.c.hedge,
        _c.c.cue,
        slice_text(_a.c.text, _c.c.evidence_start, _c.c.evidence_end).label("evidence_text"),
        _c.c.about,
    )
    .join_from(_c, _s, _c.c.source_id == _s.c.id)
    .join(_m, _c.c.event_mention_id == _m.c.id)
    .join(_a, _m.c.article_id == _a.c.id),
    "claims_view",
    metadata=metadata,
)


# --- Cross-article fusion (migration m0002_fusion) -----------------------------------------------------------
# ``events`` gains the fused record's consensus and spread columns; the tables below say which mentions are
# fused, which old event ids now point to another event, and the per-claim status and casualty bounds.

FUSION_EVENT_COLUMNS = (
    sa.Column("date_low", sa.Text),  # earliest date any of its mentions gives (ISO)
    sa.Column("date_high", sa.Text),  # latest date
    sa.Column("date_spread_days", sa.Integer),
    sa.Column("place_spread_km", sa.Float),  # farthest mention place from the consensus place
    sa.Column("n_sources", sa.Integer),  # independent sources asserting, confirming or reporting it
    sa.Column("fatalities_low", sa.Integer),
    sa.Column("fatalities_best", sa.Integer),
    sa.Column("fatalities_high", sa.Integer),
    sa.Column("injured_low", sa.Integer),
    sa.Column("injured_best", sa.Integer),
    sa.Column("injured_high", sa.Integer),
)
for _col in FUSION_EVENT_COLUMNS:
    events.append_column(_col)

# --- Claim origins (migration m0004_claim_origin) ------------------------------------------------------------
# The country and affiliation of a claim's origin (its last relay, else its source) as *its own article* gave
# them. The shared ``sources`` row keeps the smallest value any article gave, which changes as articles arrive
# ("Officials" of one article and of another share a row), so independence keys read from it made a fused
# event's source count depend on the order articles were stored in.

CLAIM_ORIGIN_COLUMNS = (
    sa.Column("origin_country", sa.Text),
    sa.Column("origin_affiliation", sa.Text),
)
for _col in CLAIM_ORIGIN_COLUMNS:
    claims.append_column(_col)

event_aliases = sa.Table(
    "event_aliases",
    metadata,
    sa.Column("alias_id", sa.Text, primary_key=True),  # an id the event had before it was merged into event_id
    sa.Column("event_id", sa.Text, _fk("events.id"), nullable=False, index=True),
    sa.Column("merged_at", sa.Text, nullable=False),
)

fused_mentions = sa.Table(
    "fused_mentions",
    metadata,
    sa.Column("event_mention_id", sa.Text, _fk("event_mentions.id"), primary_key=True),
    sa.Column("event_id", sa.Text, _fk("events.id"), nullable=False, index=True),
    sa.Column("score", sa.Float),  # similarity to the event it joined; NULL when it started its own
    sa.Column("fused_at", sa.Text, nullable=False),
)

fused_claims = sa.Table(
    "fused_claims",
    metadata,
    sa.Column("claim_id", sa.Text, _fk("claims.id"), primary_key=True),
    sa.Column("event_id", sa.Text, _fk("events.id"), nullable=False, index=True),
    sa.Column("status", _vocab(Status, "status"), nullable=False),  # of what the claim is about, in its event
    sa.Column("independence_key", sa.Text, nullable=False),  # claims sharing it are one voice
    sa.Column("is_independent", sa.Boolean, nullable=False),  # the first supporting claim of its voice
)

event_casualties = sa.Table(
    "event_casualties",
    metadata,
    sa.Column("event_id", sa.Text, _fk("events.id"), primary_key=True),
    sa.Column("kind", sa.Text, primary_key=True),  # "killed" | "injured"
    sa.Column("bound", sa.Text, primary_key=True),  # "low" | "best" | "high"
    sa.Column("value", sa.Integer, nullable=False),
    sa.Column("event_mention_id", sa.Text, _fk("event_mentions.id"), nullable=False),
    sa.Column("source", sa.Text),  # who gives the figure: the claim's source, else the article's outlet
)


# --- Text search (migration m0003_text_search) ---------------------------------------------------------------
# The API's ``q`` and ``actor`` filters match a substring, case-insensitively, in texts spread over mentions,
# claims and articles (evidence is a slice of the article text). Scanning them costs a full pass over every
# mention per request, so each searchable text is copied here, one row per piece, and indexed by trigrams:
# an FTS5 ``trigram`` table on SQLite (https://sqlite.org/fts5.html#the_trigram_tokenizer), a pg_trgm GIN
# index on PostgreSQL (https://www.postgresql.org/docs/15/pgtrgm.html#PGTRGM-INDEX). Both answer substring
# queries of 3 or more characters from the index, so the filters keep their substring semantics.


class SearchField(enum.StrEnum):
    """Which text of an event mention a ``mention_texts`` row holds."""

    EVIDENCE = "evidence"  # the mention's main evidence span
    SUMMARY = "summary"
    CLAIM = "claim"  # a claim's evidence span
    ACTOR = "actor"  # an actor's surface text or resolved name


mention_texts = sa.Table(
    "mention_texts",
    metadata,
    # An INTEGER PRIMARY KEY is SQLite's rowid, which the FTS5 index refers to; a plain rowid could be
    # renumbered by VACUUM.
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("event_mention_id", sa.Text, _fk("event_mentions.id"), nullable=False, index=True),
    sa.Column("field", _vocab(SearchField, "field"), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

MENTION_TEXTS_FTS = "mention_texts_fts"  # SQLite only: FTS5 over mention_texts.text, kept in step by triggers
_FTS_ROW = f"{MENTION_TEXTS_FTS}(rowid, text)"
_FTS_DELETE = f"INSERT INTO {MENTION_TEXTS_FTS}({MENTION_TEXTS_FTS}, rowid, text) VALUES ('delete', old.id, old.text);"


def _ddl(statement: str, dialect: str) -> sa.DDL:
    """A DDL statement run only on ``dialect`` (table create and drop events)."""
    ddl: sa.DDL = sa.DDL(statement).execute_if(dialect=dialect)  # type: ignore[no-untyped-call]
    return ddl


for _ddl_text in (
    # External content: the index stores trigrams only; the text stays in mention_texts.
    f"CREATE VIRTUAL TABLE {MENTION_TEXTS_FTS} USING fts5(text, content='mention_texts', content_rowid='id', "
    "tokenize='trigram')",
    f"CREATE TRIGGER mention_texts_ai AFTER INSERT ON mention_texts BEGIN "
    f"INSERT INTO {_FTS_ROW} VALUES (new.id, new.text); END",
    f"CREATE TRIGGER mention_texts_ad AFTER DELETE ON mention_texts BEGIN {_FTS_DELETE} END",
    f"CREATE TRIGGER mention_texts_au AFTER UPDATE ON mention_texts BEGIN {_FTS_DELETE} "
    f"INSERT INTO {_FTS_ROW} VALUES (new.id, new.text); END",
):
    sa.event.listen(mention_texts, "after_create", _ddl(_ddl_text, "sqlite"))
sa.event.listen(mention_texts, "before_drop", _ddl(f"DROP TABLE IF EXISTS {MENTION_TEXTS_FTS}", "sqlite"))
# pg_trgm ships with PostgreSQL (contrib) and is a trusted extension since PostgreSQL 13: the database owner
# may create it without superuser rights.
sa.event.listen(mention_texts, "before_create", _ddl("CREATE EXTENSION IF NOT EXISTS pg_trgm", "postgresql"))
sa.Index(
    "ix_mention_texts_text_trgm",
    mention_texts.c.text,
    postgresql_using="gin",
    postgresql_ops={"text": "gin_trgm_ops"},
).ddl_if(dialect="postgresql")
