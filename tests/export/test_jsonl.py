"""JSON Lines export: one fused event per line with its location, sources and mentions (with evidence)."""

from __future__ import annotations

import json

import httpx

from eventwatch import export
from eventwatch.store import EventDetail


def test_jsonl_one_event_per_line_with_the_required_fields(details: list[EventDetail]) -> None:
    lines = export.to_events_jsonl(details).splitlines()
    assert len(lines) == len(details)
    for line, detail in zip(lines, details, strict=True):
        record = json.loads(line)
        required = {"id", "status", "confidence", "plover", "acled", "date", "location", "sources", "mentions"}
        assert required <= set(record)
        assert record["id"] == detail.event.id
        assert record["location"]["latitude"] == detail.event.latitude
        for mention in record["mentions"]:
            assert mention["article_id"] and mention["evidence_text"]


def test_jsonl_contested_event_lists_both_sides(details: list[EventDetail]) -> None:
    records = [json.loads(line) for line in export.to_events_jsonl(details).splitlines()]
    contested = next(r for r in records if r["status"] == "contested" and r["id"].startswith("ev-a-"))
    stances = {s["name"]: s["stances"] for s in contested["sources"]}
    assert stances["Dmitry Peskov"] == ["deny"]
    assert stances["The Syrian military"] == ["confirm"]


def test_jsonl_evidence_slices_the_article_text(details: list[EventDetail], client_export: httpx.Client) -> None:
    record = json.loads(export.to_events_jsonl(details[:1]))
    mention = record["mentions"][0]
    text = client_export.get(f"/api/articles/{mention['article_id']}").json()["text"]
    assert text[mention["evidence_start"] : mention["evidence_end"]] == mention["evidence_text"]


def test_jsonl_export_over_http_equals_the_library_output(
    details: list[EventDetail], client_export: httpx.Client
) -> None:
    served = client_export.get("/api/export/events.jsonl")
    assert served.headers["content-type"].startswith("application/x-ndjson")
    assert [json.loads(x)["id"] for x in served.text.splitlines()] == [d.event.id for d in details]
