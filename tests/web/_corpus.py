"""What the browser tests serve: the seed and a few short reports run through the real pipeline, plus hostile
articles whose titles, texts, source names, places and URLs carry script-injection payloads.

Every payload, if it ever ran, would call ``window.__xss(n)`` (or alert, or load a file from another host);
the tests assert that none does and that each payload is shown as text.
"""

from __future__ import annotations

import hashlib
from typing import Any

from eventwatch import ingest, pipeline
from eventwatch.config import Config
from eventwatch.errors import InputError
from eventwatch.records import (
    Actor,
    Analysis,
    Article,
    Claim,
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
from eventwatch.store import Store
from tests.conftest import TEST_DATA

SEED_PATH = TEST_DATA / "seed" / "000_3df5cc3808da9925.txt"
SEED_URL = "https://theduran.com/confirmed-syrian-army-launches-major-offensive-in-aleppo/"
SEED_TITLE = "CONFIRMED: Syrian army launches major offensive in Aleppo"
EVIL_HOST = "evil.invalid"  # a request to it would mean markup from the data was rendered

# Payloads covering the usual injection contexts: element content, attributes (quoted and not), URLs,
# <title>/<textarea> breakouts, SVG/MathML parsing quirks, entity tricks, template syntax, remote loads.
XSS_PAYLOADS: tuple[str, ...] = (
    "<script>window.__xss(1)</script>",
    "<img src=x onerror=window.__xss(2)>",
    "<svg onload=window.__xss(3)>",
    '"><script>window.__xss(4)</script>',
    "'><img src=x onerror=window.__xss(5)>",
    '<iframe src="javascript:parent.__xss(6)"></iframe>',
    "<body onload=window.__xss(7)>",
    '<a href="javascript:window.__xss(8)">click me 8</a>',
    "<details open ontoggle=window.__xss(9)>",
    "<input autofocus onfocus=window.__xss(10)>",
    "<video><source onerror=window.__xss(11)></video>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss(12)>",
    "</textarea><script>window.__xss(13)</script>",
    "</title><script>window.__xss(14)</script>",
    '<object data="javascript:window.__xss(15)"></object>',
    '<embed src="javascript:window.__xss(16)">',
    "{{7*7}}${window.__xss(17)}<img src=x onerror=window.__xss(17)>",
    '" onmouseover="window.__xss(18)" autofocus onfocus="window.__xss(18)" x="',
    "' onfocus='window.__xss(19)' autofocus='",
    '<img src=x onerror="&#119;indow.__xss(20)">',
    "<scr<script>ipt>window.__xss(21)</scr</script>ipt>",
    "<svg><script>window.__xss(22)</script></svg>",
    '<base href="javascript:window.__xss(23)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__xss(24)">',
    "<form><button formaction=javascript:window.__xss(25)>go 25</button></form>",
    f'<img src="http://{EVIL_HOST}/26.png" onerror=window.__xss(26)>',
    f"<link rel=stylesheet href=http://{EVIL_HOST}/27.css>",
    '<noscript><p title="</noscript><img src=x onerror=window.__xss(28)>">',
    "<select><template><img src=x onerror=window.__xss(29)></template></select>",
    "javascript:alert(30)",
    "<img src=x onerror=alert(31)>",
    '<div style="background:url(javascript:window.__xss(32))">32</div>',
)
EVIL_URLS = ("javascript:window.__xss(40)", "data:text/html,<script>window.__xss(41)</script>")

# Short reports written for these tests (not real news), so the map has several events, places and dates.
REPORTS: tuple[tuple[str, str, str], ...] = (
    (
        "Shelling kills three in Donetsk, officials say",
        "https://example.org/news/donetsk-shelling",
        "DONETSK, March 4, 2022 — Artillery shells hit a residential district of Donetsk on Friday, "
        "killing three civilians and wounding seven, local officials said.\n"
        "The Russian defence ministry said Ukrainian forces fired the shells. "
        "Ukraine's military denied that its forces had shelled the city.",
    ),
    (
        "Protesters rally in Khartoum",
        "https://example.org/news/khartoum-protest",
        "KHARTOUM, June 30, 2022 — Thousands of protesters marched in Khartoum on Thursday to demand civilian rule, "
        "witnesses said.\nPolice fired tear gas at the crowd near the presidential palace, according to Reuters.",
    ),
)


def _sha(*parts: str) -> str:
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]


def pipeline_articles(cfg: Config) -> list[Article]:
    """The seed, the reports and one report whose title and text carry payloads, read by ``ingest.read_text``."""
    articles = [
        ingest.read_text(SEED_PATH.read_text(encoding="utf-8"), str(SEED_PATH), cfg, title=SEED_TITLE, url=SEED_URL)
    ]
    for title, url, text in REPORTS:
        articles.append(ingest.read_text(text, url, cfg, title=title, url=url))
    hostile_lines = [
        f"IDLIB, May 2, 2023 — {XSS_PAYLOADS[1]} An air strike hit a market in Idlib on Tuesday, killing five people, "
        f"the {XSS_PAYLOADS[2]} Syrian Observatory for Human Rights said.",
        f"A spokesman for {XSS_PAYLOADS[0]} the Syrian army denied that its aircraft had bombed the market.",
    ]
    articles.append(
        ingest.read_text(
            "\n".join(hostile_lines),
            "hostile-report",
            cfg,
            title=XSS_PAYLOADS[13] + " Air strike on Idlib market",
            url="https://example.org/news/idlib-market",
            outlet=XSS_PAYLOADS[3],
        )
    )
    return articles


def store_pipeline_articles(store: Store, cfg: Config) -> int:
    """Run the real pipeline over :func:`pipeline_articles` and save the results; returns how many stored."""
    stored = 0
    for result in pipeline.process(pipeline_articles(cfg), cfg):
        if isinstance(result, pipeline.ProcessingFailure):
            raise InputError(result.article.origin, result.message())
        store.save(result)
        stored += 1
    return stored


def hostile_analysis(payloads: tuple[str, ...], *, url: str, date: str) -> Analysis:
    """One article with one event per payload; the payload is the title part, the source, the place and the summary.

    Each line reads ``<payload> said an air strike hit the town, killing N people.`` and its event mention has
    the whole line as evidence, "air strike" as trigger, the payload as the claiming source and as the place.
    """
    lines = [f"{p} said an air strike hit the town, killing {n + 2} people." for n, p in enumerate(payloads)]
    text = "\n".join(lines)
    art = Article(
        id="a-hostile-" + _sha(url, text),
        content_hash=_sha(text),
        text=text,
        title=" ".join(payloads[:3]),
        url=url,
        published=date,
        outlet=payloads[-1],
        origin="tests/web/_corpus.py",
        language="en",
    )
    sentences: list[Sentence] = []
    mentions: list[EventMention] = []
    events: list[Event] = []
    start = 0
    statuses = (Status.CONTESTED, Status.SINGLE_SOURCE, Status.CORROBORATED, Status.DENIED_ONLY)
    for n, (payload, line) in enumerate(zip(payloads, lines, strict=True)):
        end = start + len(line)
        sentences.append(Sentence(art.id, n, n, Span(start, end)))
        source_span = Span(start, start + len(payload))
        cue_at = start + len(payload) + 1
        trigger_at = text.index("air strike", start)
        place = Place(
            payload,
            source_span,
            35.0 + n * 0.05,
            36.0 + n * 0.07,
            Precision.CITY,
            resolved_name=payload,
            country="SYR",
            admin1=payload,
        )
        stance = Stance.DENY if n % 4 == 3 else Stance.CLAIM
        mention = EventMention(
            id=f"{art.id}-m{n}",
            article_id=art.id,
            sentence_index=n,
            evidence=(Span(start, end),),
            trigger=Span(trigger_at, trigger_at + len("air strike")),
            plover=Plover.ASSAULT,
            acled="Explosions/Remote violence",
            actor1=Actor(payload, source_span, payload),
            actor2=Actor(payload, source_span),
            date=date,
            factuality=Factuality.REPORTED,
            fatalities=n + 2,
            claims=(
                Claim(
                    Source(payload, SourceKind.OFFICIAL, source_span, payload, "SYR", payload),
                    stance,
                    Span(start, end),
                    cue="said",
                    cue_span=Span(cue_at, cue_at + 4),
                    hedge=payload,
                    about=payload,
                ),
            ),
            locations=(place,),
            summary=payload,
            is_contested=stance is Stance.DENY,
            confidence=0.5,
        )
        mentions.append(mention)
        events.append(
            Event(
                f"ev-hostile-{_sha(art.id)}-{n:02d}", (mention.id,), Plover.ASSAULT, statuses[n % 4], date, place, 0.5
            )
        )
        start = end + 1
    return Analysis(
        parsed=ParsedArticle(art, tuple(sentences), docs=()),
        event_mentions=tuple(mentions),
        places=tuple(m.locations[0] for m in mentions),
        events=tuple(events),
    )


def is_hostile(event: dict[str, Any]) -> bool:
    """Whether an event item of ``GET /api/events`` is one of the hostile records (fusion gives it a new id)."""
    return event.get("summary") in XSS_PAYLOADS


def hostile_analyses() -> list[Analysis]:
    """Every payload as data, in two articles: one with an http URL, one with a ``javascript:`` URL."""
    half = len(XSS_PAYLOADS) // 2
    return [
        hostile_analysis(XSS_PAYLOADS[:half], url=EVIL_URLS[0], date="2023-05-01"),
        hostile_analysis(XSS_PAYLOADS[half:], url=EVIL_URLS[1], date="2023-05-09"),
    ]
