"""Event dates: date expressions in a clause resolved against the article's publication date.

Conventions (gold/dev README "Dates"): weekday names are the most recent such day *before* publication;
"yesterday" is the day before; ``YYYY-MM`` when only the month follows ("in May", "between 11-13 Dec");
"last week" has week precision; no date for ongoing activity ("in the last 24 hours") or when the anchor is
unknown (a weekday in an article published with month precision only).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from eventwatch.records import DatePrecision

log = logging.getLogger(__name__)

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    (
        "range",
        re.compile(r"\b(?:between\s+)?\d{1,2}\s*(?:-|–|to|and)\s*\d{1,2}\s+" + _MONTH + r"(?:\s+(?P<y>\d{4}))?"),
    ),
    ("dmy", re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(?P<y>\d{4}))?")),
    ("mdy", re.compile(r"\b" + _MONTH + r"\s?(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{4}))?")),
    (
        "ongoing",
        re.compile(r"\b(?:in|over|during) the (?:last|past) (?:24|48|72) hours\b|\bthis week\b", re.I),
    ),
    # "since 1995" says how long something has gone on ("in power since 1995"), not when the act told happened
    # ("amendments issued ... since 1995" does not date the promise to cancel them); "detained since October
    # 2016" does say when the detention began
    ("ongoing", re.compile(r"\b(?i:since)\s+(?:19|20)\d{2}\b")),
    # Approximate distances in time ("approximately one week after an attack") give the month only (gold/dev
    # README "Dates": "approximately one week" before a known date is ``YYYY-MM``).
    (
        "approx",
        re.compile(
            r"\b(?:approximately|about|around|roughly|nearly|almost|some)\s+(?P<n>a|an|one|two|three|four|\d{1,2})"
            r"\s+(?P<unit>weeks?)\s+(?:after|before|earlier|later|ago)\b",
            re.I,
        ),
    ),
    # Times told only relative to another event or a vague span ("that week", "hours later") name no date
    # of their own; they also stop an earlier sentence's date from being carried onto the event.
    (
        "vague",
        re.compile(
            r"\b(?:that|the same|the previous|the following) (?:week|month|weekend)\b"
            r"|\b(?:hours|days|weeks|months|a day|a week) (?:later|earlier|before|after)\b"
            r"|\bearlier this (?:week|month|year)\b|\bin recent (?:days|weeks|months)\b",
            re.I,
        ),
    ),
    # the preposition in any case ("In June 1968 ..." opens a sentence), the month name capitalised
    ("month", re.compile(r"\b(?i:in|since|during|early|late|mid-?)\s+" + _MONTH + r"(?:\s+(?P<y>\d{4}))?\b")),
    ("yesterday", re.compile(r"\b(?:yesterday|last night|overnight)\b", re.I)),
    ("today", re.compile(r"\b(?:today|this morning|this afternoon|this evening|tonight)\b", re.I)),
    ("lastweek", re.compile(r"\blast week\b", re.I)),
    ("weekday", re.compile(r"\b" + _WEEKDAY + r"\b")),
    ("year", re.compile(r"\b(?i:in|during)\s+(?P<y>(?:19|20)\d{2})\b")),
)
# A calendar date right after a weekday name ("Tuesday, October 8", "Thursday, Dec. 15").
_EXPLICIT_AFTER = re.compile(r",?\s+(?:" + _MONTH + r"\s?\d{1,2}|\d{1,2}\s+" + _MONTH.replace("?P<mon>", "?:") + r")")


@dataclass(frozen=True, slots=True)
class EventDate:
    date: str | None  # ISO day, ``YYYY-MM``, or None (ongoing / unresolvable)
    precision: DatePrecision | None
    start: int  # offset of the expression in the searched text
    year: int | None = None  # the year the expression names, even when ``date`` is None


def parse_published(published: str | None) -> tuple[dt.date | None, int | None, int | None]:
    """(day, year, month) known from ``published`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``)."""
    if not published:
        return None, None, None
    parts = published.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else None
        day = dt.date(year, month, int(parts[2])) if len(parts) > 2 and month else None
    except ValueError:
        return None, None, None
    return day, year, month


def _year_for(month: int, day: int, pub_year: int | None, pub_month: int | None) -> int | None:
    if pub_year is None:
        return None
    # An expression without a year is the latest such date not after publication (a December date in a
    # January article is last year's).
    if pub_month is not None and month > pub_month + 1:
        return pub_year - 1
    return pub_year


def _resolve(kind: str, m: re.Match[str], published: str | None) -> EventDate | None:
    pub_day, pub_year, pub_month = parse_published(published)
    groups = m.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    if kind == "iso":
        return EventDate(m.group(0), DatePrecision.DAY, m.start(), int(m.group("y")))
    if kind in ("ongoing", "vague"):
        return EventDate(None, None, m.start())
    if kind == "approx":
        if pub_day is None and pub_year is None:
            return EventDate(None, None, m.start())
        n_text = groups["n"].lower()
        n = int(n_text) if n_text.isdigit() else _SMALL_NUMBERS.get(n_text, 1)
        days = n * 7
        anchor = pub_day or dt.date(pub_year or 1, pub_month or 1, 1)
        when = anchor - dt.timedelta(days=days)
        return EventDate(f"{when.year:04d}-{when.month:02d}", DatePrecision.MONTH, m.start(), when.year)
    if kind == "year":
        return EventDate(None, None, m.start(), year)
    if kind in ("dmy", "mdy", "range", "month"):
        month = _MONTHS[groups["mon"].lower()[:3]]
        if kind in ("range", "month"):
            y = year or _year_for(month, 1, pub_year, pub_month)
            return EventDate(f"{y:04d}-{month:02d}" if y else None, DatePrecision.MONTH if y else None, m.start(), y)
        day = int(groups["d"])
        y = year or _year_for(month, day, pub_year, pub_month)
        try:
            return EventDate(dt.date(y, month, day).isoformat(), DatePrecision.DAY, m.start(), y) if y else None
        except ValueError:
            return None
    if pub_day is None:
        if kind in ("today", "yesterday") and pub_year is not None and pub_month is not None:
            # a statement dated only by its month: what happened "today" happened that month (a day earlier
            # crosses into another month one day in thirty)
            return EventDate(f"{pub_year:04d}-{pub_month:02d}", DatePrecision.MONTH, m.start(), pub_year)
        return EventDate(None, None, m.start())
    if kind == "yesterday":
        return EventDate((pub_day - dt.timedelta(days=1)).isoformat(), DatePrecision.DAY, m.start(), pub_day.year)
    if kind == "today":
        return EventDate(pub_day.isoformat(), DatePrecision.DAY, m.start(), pub_day.year)
    if kind == "lastweek":
        return EventDate((pub_day - dt.timedelta(days=7)).isoformat(), DatePrecision.WEEK, m.start(), pub_day.year)
    if kind == "weekday":
        target = _WEEKDAYS.index(groups["wd"].lower())
        back = (pub_day.weekday() - target) % 7 or 7
        day_ = pub_day - dt.timedelta(days=back)
        return EventDate(day_.isoformat(), DatePrecision.DAY, m.start(), day_.year)
    return None


def find_date(text: str, published: str | None) -> EventDate | None:
    """The first date expression in ``text`` (by position), resolved; None when there is none."""
    best: EventDate | None = None
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            if kind == "weekday" and _EXPLICIT_AFTER.match(text, m.end()):
                continue  # "Tuesday, October 8": the calendar date that follows is the date
            resolved = _resolve(kind, m, published)
            if resolved is None:
                continue
            # A resolvable expression wins over an unresolvable one ("On Thursday, Dec. 15" in an article
            # published with month precision), then the earliest in the text.
            rank = (resolved.date is None, resolved.start)
            if best is None or rank < (best.date is None, best.start):
                best = resolved
    return best


def days_before(date: str | None, published: str | None) -> int | None:
    """How many days ``date`` lies before publication (month dates count from the month's first day)."""
    if date is None:
        return None
    pub_day, pub_year, pub_month = parse_published(published)
    anchor = pub_day or (dt.date(pub_year, pub_month or 1, 1) if pub_year else None)
    if anchor is None:
        return None
    parts = [int(p) for p in date.split("-")]
    when = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return (anchor - when).days
