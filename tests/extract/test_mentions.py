"""Event mentions as the extract stage emits them (extract/_mentions.py)."""

from __future__ import annotations

from tests.extract.conftest import Extract


def test_mentions_summary_names_each_place_whole(extract_text: Extract) -> None:
    analysis = extract_text("On Saturday a gunman shot shoppers at a store in El Paso, Texas, killing 22 people.")
    assert [m.summary for m in analysis.event_mentions] == ["a gunman shot shoppers in El Paso, Texas"]
