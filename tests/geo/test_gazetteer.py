from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.errors import ConfigError
from eventwatch.geo import Gazetteer


def test_gazetteer_lookup_folds_spelling_variants(gaz: Gazetteer) -> None:
    ids = {c.geonameid for c in gaz.lookup("Khan al-Assal")}
    assert 168368 in ids  # Khan al `Asal, Aleppo governorate


def test_gazetteer_lookup_unknown_name_is_empty(gaz: Gazetteer) -> None:
    assert gaz.lookup("Qzxwvutopia") == ()


@pytest.mark.parametrize(
    ("word", "iso3"), [("Syrian", "SYR"), ("Russians", "RUS"), ("Turkish", "TUR"), ("Aleppo", None)]
)
def test_gazetteer_demonym_country(gaz: Gazetteer, word: str, iso3: str | None) -> None:
    assert gaz.demonym_country(word) == iso3


def test_gazetteer_country_entry(gaz: Gazetteer) -> None:
    syria = gaz.country("SYR")
    assert syria is not None and syria.geonameid == 163843


def test_gazetteer_open_missing_file_raises_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        Gazetteer.open(tmp_path / "nope.sqlite")


@pytest.mark.parametrize(("iso3", "lat", "lon"), [("RUS", 60.0, 100.0), ("CHN", 35.0, 105.0), ("BRA", -10.0, -55.0)])
def test_gazetteer_country_points_are_representative(gaz: Gazetteer, iso3: str, lat: float, lon: float) -> None:
    country = gaz.country(iso3)
    assert country is not None and (country.lat, country.lon) == (lat, lon) and not country.is_approximate
