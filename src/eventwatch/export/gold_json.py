"""An ``Analysis`` as the article gold format of ``shared/gold/SCHEMA.md`` (``extract --format gold-json``).

The shape is the gold's, field for field, so the scorer compares predictions and gold directly. Extra keys
(``body``, ``confidence``, ``via``, ``date_precision``...) are additions a scorer may ignore.
"""

from __future__ import annotations

from typing import Any

from eventwatch.records import Actor, Analysis, Claim, EventMention, Place, Source


def _actor(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"name": actor.name or actor.text, "country": actor.country, "sector": actor.sector}


def _place(place: Place) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid,
        "precision": str(place.precision),
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
    }
    if place.qualifier:
        out["qualifier"] = place.qualifier
    if place.rule:
        out["rule"] = place.rule
    if place.is_approximate:
        out["approx"] = True
    return out


def _source_chain(source: Source) -> list[str]:
    return [s.name or s.text for s in source.via]


def _claim(claim: Claim, text: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "source": claim.source.text,
        "source_kind": str(claim.source.kind),
        "country": claim.source.country,
        "stance": str(claim.stance),
        "hedged": claim.is_hedged,
        "cue": claim.cue,
        "evidence": claim.evidence.slice(text),
    }
    if claim.about:
        out["about"] = claim.about
    if claim.hedge:
        out["hedge"] = claim.hedge
    if claim.source.via:
        out["via"] = _source_chain(claim.source)
    if claim.source.affiliation:
        out["affiliation"] = claim.source.affiliation
    return out


def _event(index: int, mention: EventMention, text: str) -> dict[str, Any]:
    evidence = [span.slice(text) for span in mention.evidence]
    return {
        "id": f"E{index}",
        "mention_id": mention.id,
        "what": mention.summary or evidence[0],
        "evidence": evidence,
        "plover": str(mention.plover),
        "mode": mention.mode,
        "acled": mention.acled,
        "acled_sub": mention.acled_sub,
        "cameo": mention.cameo,
        "actor1": _actor(mention.actor1),
        "actor2": _actor(mention.actor2),
        "locations": [_place(p) for p in mention.locations],
        "date": mention.date,
        "date_precision": str(mention.date_precision) if mention.date_precision else None,
        "fatalities": mention.fatalities,
        "injured": mention.injured,
        "factuality": str(mention.factuality),
        "claims": [_claim(c, text) for c in mention.claims],
        "contested": mention.is_contested,
        "confidence": mention.confidence,
    }


def to_gold_json(analysis: Analysis) -> dict[str, Any]:
    """The article's events and claims in the gold format (``id`` is the input's id when it gave one)."""
    article = analysis.article
    return {
        "id": article.ext_id or article.id,
        "article_id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url,
        "headline_overstates": analysis.headline_overstates,
        "removed_residue": list(article.removed_residue),
        "body": article.text,
        "events": [_event(i, m, article.text) for i, m in enumerate(analysis.event_mentions, start=1)],
    }
