import pytest

from eventwatch.config import SETTINGS, load_config
from eventwatch.errors import ConfigError


def test_load_config_reads_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWATCH_MAX_INPUT_BYTES", "1234")
    assert load_config().max_input_bytes == 1234


def test_load_config_overrides_beat_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWATCH_DB", "from-env.db")
    assert load_config(db="given.db").db == "given.db"


def test_load_config_rejects_bad_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWATCH_DOC_TIMEOUT_S", "soon")
    with pytest.raises(ConfigError, match="EVENTWATCH_DOC_TIMEOUT_S"):
        load_config()


def test_settings_defaults_match_config() -> None:
    cfg = load_config()
    for setting in SETTINGS:
        assert setting.help
        assert type(getattr(cfg, setting.name)) is setting.type
