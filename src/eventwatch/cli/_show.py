"""``eventwatch show``: one event with its claims and evidence, the cue highlighted in each sentence."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from eventwatch.export import row_dicts


def _highlight(sentence: str, start: int | None, end: int | None) -> Text:
    text = Text(sentence)
    if start is not None and end is not None and 0 <= start < end <= len(sentence):
        text.stylize("bold reverse", start, end)
    return text


def render_event(detail: Any, console: Console) -> None:
    """Print an ``EventDetail`` (from the store) for a person: header, mentions, claims by stance."""
    d = row_dicts([detail])[0]
    event = d.get("event", d)
    console.print(
        Text(f"{event.get('id')}  {event.get('plover')}  status: {event.get('status')}  date: {event.get('date')}")
    )
    if event.get("place_name"):
        console.print(Text(f"place: {event.get('place_name')} ({event.get('latitude')}, {event.get('longitude')})"))
    for mention in d.get("mentions", []):
        console.print(Text(f"\nmention {mention.get('id')} in article {mention.get('article_id')}", style="bold"))
        if mention.get("article_title"):
            console.print(Text(f"  {mention.get('article_title')}  {mention.get('article_url') or ''}"))
        console.print(Text("  evidence: ") + Text(str(mention.get("evidence_text", ""))))
    claims = d.get("claims", [])
    if claims:
        console.print(Text("\nclaims", style="bold"))
    for stance in ("confirm", "assert", "report", "claim", "deny", "retract"):
        for claim in (c for c in claims if c.get("stance") == stance):
            hedge = " (hedged)" if claim.get("is_hedged") else ""
            about = f" about {claim['about']}" if claim.get("about") else ""
            console.print(
                Text(f"  {stance.upper()}{hedge}{about}: {claim.get('source_name')} [{claim.get('source_kind')}]")
            )
            console.print(
                Text("    ")
                + _highlight(
                    str(claim.get("evidence_text", "")),
                    claim.get("cue_start_in_evidence"),
                    claim.get("cue_end_in_evidence"),
                )
            )
