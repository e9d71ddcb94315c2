"""Hand-built ``Analysis`` records over the seed article (no spaCy): real sentences, real offsets."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

from eventwatch.records import (
    Actor,
    Analysis,
    Article,
    Claim,
    DatePrecision,
    Event,
    EventMention,
    Factuality,
    ParsedArticle,
    Place,
    Plover,
    Precision,
    Sentence,
    Source,
    SourceKind,
    Span,
    Stance,
    Status,
)

SEED_PATH = Path(__file__).resolve().parents[1] / "data" / "seed" / "000_3df5cc3808da9925.txt"
SEED_URL = "https://theduran.com/confirmed-syrian-army-launches-major-offensive-in-aleppo/"


def load_seed() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


def _sha(*parts: str) -> str:
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]


def span(text: str, needle: str, after: str = "") -> Span:
    """The span of ``needle`` (its first occurrence after ``after``) in ``text``."""
    start = text.index(needle, text.index(after) if after else 0)
    return Span(start, start + len(needle))


def split_sentences(article_id: str, text: str) -> tuple[Sentence, ...]:
    """One paragraph per non-empty line, sentences ended by . ! ? (a stand-in for spaCy in tests)."""
    out: list[Sentence] = []
    for para, line in enumerate(re.finditer(r"[^\n]+", text)):
        for m in re.finditer(r"[^.!?\s][^.!?]*[.!?]*[”\"]?", line.group()):
            start = line.start() + m.start()
            out.append(Sentence(article_id, len(out), para, Span(start, start + len(m.group().rstrip()))))
    return tuple(out)


def article(text: str, url: str | None = SEED_URL, **extra: str) -> Article:
    """An article whose ids follow ingest's rule: id from URL + text, content hash from the text alone."""
    return Article(
        id="a-" + _sha(url or "", text),
        content_hash=_sha(text),
        text=text,
        title="CONFIRMED: Syrian army launches major offensive in Aleppo",
        url=url,
        published="2016-10-01",
        outlet="The Duran",
        origin="tests/data/seed/000_3df5cc3808da9925.txt",
        language="en",
        **extra,
    )


def aleppo(text: str, after: str) -> Place:
    return Place(
        "Aleppo",
        span(text, "Aleppo", after),
        36.20124,
        37.16117,
        Precision.CITY,
        geonameid=170063,
        resolved_name="Aleppo",
        country="SYR",
        admin1="Aleppo",
        rule="clause",
    )


def seed_analysis(text: str | None = None, url: str | None = SEED_URL) -> Analysis:
    """The seed article as the pipeline should see it: three events, five claims, a relayed source."""
    text = text or load_seed()
    art = article(text, url)
    t = text
    agencies = "Reports from Syrian and Iranian news agencies"
    m0 = EventMention(
        id=f"{art.id}-m0",
        article_id=art.id,
        sentence_index=2,
        evidence=(span(t, "the Syrian army has now started a major ground operation in and around Aleppo"),),
        trigger=span(t, "ground operation"),
        plover=Plover.ASSAULT,
        actor1=Actor("the Syrian army", span(t, "the Syrian army", agencies), "Syrian Army", "SYR", "MIL"),
        date="2016-10-01",
        date_precision=DatePrecision.DAY,
        factuality=Factuality.REPORTED,
        locations=(aleppo(t, "ground operation"),),
        claims=(
            Claim(
                Source(
                    "Syrian and Iranian news agencies",
                    SourceKind.MEDIA_STATE,
                    span(t, "Syrian and Iranian news agencies"),
                ),
                Stance.CONFIRM,
                span(
                    t,
                    agencies + " appear to confirm that alongside the Russian air and cruise missile strikes",
                ),
                cue="confirm",
                cue_span=span(t, "confirm", agencies),
                is_hedged=True,
                hedge="appear to",
            ),
        ),
        summary="Syrian army starts a ground operation around Aleppo",
        confidence=0.8,
    )
    strikes = "air strikes on the Al-Qaeda controlled eastern districts of Aleppo"
    peskov = Source("Dmitry Peskov", SourceKind.OFFICIAL, span(t, "Dmitry Peskov"), "Dmitry Peskov", "RUS", "Kremlin")
    m1 = EventMention(
        id=f"{art.id}-m1",
        article_id=art.id,
        sentence_index=3,
        evidence=(span(t, strikes), span(t, "Syrian aircraft are involved")),
        trigger=span(t, "air strikes", "There are also reports"),
        plover=Plover.ASSAULT,
        mode="air strike",
        factuality=Factuality.REPORTED,
        is_contested=True,
        locations=(replace(aleppo(t, strikes), qualifier="eastern districts"),),
        claims=(
            Claim(
                Source("The Syrian military", SourceKind.MILITARY, span(t, "The Syrian military"), country="SYR"),
                Stance.CONFIRM,
                span(t, "The Syrian military has apparently confirmed that Syrian aircraft are involved."),
                cue="confirmed",
                cue_span=span(t, "confirmed", "The Syrian military"),
                is_hedged=True,
                hedge="apparently",
                about="Syrian aircraft",
            ),
            Claim(
                Source("pro-Jihadi news outlets", SourceKind.MEDIA, span(t, "pro-Jihadi news outlets")),
                Stance.CLAIM,
                span(
                    t,
                    "pro-Jihadi news outlets are claiming that the Russians are involved in these strikes",
                ),
                cue="claiming",
                cue_span=span(t, "claiming"),
                about="Russian involvement",
            ),
            Claim(
                peskov,
                Stance.DENY,
                span(t, "However this has been categorically denied by Dmitry Peskov, Putin’s spokesman."),
                cue="denied",
                cue_span=span(t, "denied"),
                about="Russian involvement",
            ),
        ),
    )
    fars = Source(
        "the Iranian Fars news agency",
        SourceKind.MEDIA_STATE,
        span(t, "the Iranian Fars news agency"),
        "Fars",
        "IRN",
    )
    commander = Source(
        "a Syrian army field commander",
        SourceKind.MILITARY,
        span(t, "a Syrian army field commander"),
        country="SYR",
        via=(fars,),
    )
    m2 = EventMention(
        id=f"{art.id}-m2",
        article_id=art.id,
        sentence_index=9,
        evidence=(span(t, "the army soldiers are now ready to storm militants’ centres in Eastern Aleppo"),),
        trigger=span(t, "ready to storm"),
        plover=Plover.MOBILIZE,
        factuality=Factuality.REPORTED,
        locations=(replace(aleppo(t, "centres in Eastern"), qualifier="eastern"),),
        claims=(
            Claim(
                commander,
                Stance.CLAIM,
                span(
                    t,
                    "It reports a Syrian army field commander, presumably in the city, saying the following",
                ),
                cue="saying",
                cue_span=span(t, "saying"),
            ),
        ),
    )
    events = (
        Event(
            f"ev-{art.id}-0",
            (m0.id,),
            Plover.ASSAULT,
            Status.SINGLE_SOURCE,
            "2016-10-01",
            m0.locations[0],
            0.8,
        ),
        Event(f"ev-{art.id}-1", (m1.id,), Plover.ASSAULT, Status.CONTESTED, None, m1.locations[0], 0.6),
        Event(f"ev-{art.id}-2", (m2.id,), Plover.MOBILIZE, Status.SINGLE_SOURCE, None, m2.locations[0], 0.5),
    )
    idlib = Place("Idlib", span(t, "Idlib"), 35.93062, 36.63393, Precision.ADMIN1, 169389, "Idlib", "SYR")
    return Analysis(
        parsed=ParsedArticle(art, split_sentences(art.id, text), docs=()),
        event_mentions=(m0, m1, m2),
        places=(aleppo(t, "offensive in"), idlib),
        events=events,
        headline_overstates=True,
    )


def variant_text(n: int) -> str:
    """The seed text with a distinct last line, so each variant is a different article."""
    return load_seed() + f"\n\nUpdate {n}."


def one_event_analysis(
    text: str,
    event_id: str,
    *,
    plover: Plover = Plover.ASSAULT,
    status: Status = Status.SINGLE_SOURCE,
    date: str | None = None,
    place: Place | None = None,
    sources: tuple[Source, ...] = (),
    url: str | None = SEED_URL,
) -> Analysis:
    """An article with one event mention (the ground operation sentence) fused into event ``event_id``."""
    art = article(text, url)
    evidence = span(text, "the Syrian army has now started a major ground operation in and around Aleppo")
    claims = tuple(Claim(s, Stance.ASSERT, evidence) for s in sources)
    m = EventMention(
        id=f"{art.id}-m0",
        article_id=art.id,
        sentence_index=2,
        evidence=(evidence,),
        trigger=span(text, "ground operation"),
        plover=plover,
        date=date,
        claims=claims,
        locations=(place,) if place else (),
    )
    return Analysis(
        parsed=ParsedArticle(art, split_sentences(art.id, text), docs=()),
        event_mentions=(m,),
        events=(Event(event_id, (m.id,), plover, status, date, place),),
    )


def city(name: str, lat: float, lon: float, country: str) -> Place:
    return Place(name, None, lat, lon, Precision.CITY, resolved_name=name, country=country)
