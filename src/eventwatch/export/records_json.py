"""The records codec: a whole :class:`~eventwatch.records.Analysis` as JSON and back, to the identical records.

One JSON object per analysed article (``eventwatch extract --format records`` writes them one per line;
``eventwatch import`` stores them)::

    {"format": "eventwatch-records", "version": 1, "article": {...}, "sentences": [...],
     "event_mentions": [...], "places": [...], "events": [...], "headline_overstates": false, "notes": []}

Every record becomes an object with all its fields; a :class:`~eventwatch.records.Span` is ``[start, end]``,
an enum member its value, a tuple a list. Decoding follows the record classes' type annotations, so a field
added to ``records.py`` is carried without a change here, and a value of the wrong type is refused
(:class:`~eventwatch.errors.InputError`) instead of being stored. The parsed spaCy documents
(``ParsedArticle.docs``) are not carried: nothing downstream of the stages reads them, and the store keeps the
sentences; decoded analyses have ``docs == ()``.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import types
import typing
from collections.abc import Iterable, Iterator
from typing import Any

from eventwatch import records
from eventwatch.errors import InputError
from eventwatch.records import Analysis, Article, EventMention, JSONValue, ParsedArticle, Place, Sentence, Span

__all__ = [
    "FORMAT",
    "VERSION",
    "analysis_from_json",
    "analysis_to_json",
    "read_record_line",
    "read_records",
    "without_docs",
]

FORMAT = "eventwatch-records"
VERSION = 1


def without_docs(analysis: Analysis) -> Analysis:
    """``analysis`` as a dump carries it: the same records without the spaCy documents."""
    return dataclasses.replace(analysis, parsed=dataclasses.replace(analysis.parsed, docs=()))


def _encode(value: object) -> JSONValue:
    if isinstance(value, Span):
        return [value.start, value.end]
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


def analysis_to_json(analysis: Analysis) -> dict[str, JSONValue]:
    """The JSON object of one analysis (plain dicts, lists and scalars; ``json.dumps`` it as is)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "article": _encode(analysis.article),
        "sentences": _encode(analysis.parsed.sentences),
        "event_mentions": _encode(analysis.event_mentions),
        "places": _encode(analysis.places),
        "events": _encode(analysis.events),
        "headline_overstates": analysis.headline_overstates,
        "notes": list(analysis.notes),
    }


class _Mismatch(ValueError):
    """A JSON value does not fit the record field it is decoded into; ``where`` is its path."""

    def __init__(self, where: str, what: str) -> None:
        super().__init__(f"{where}: {what}")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


def _decode(tp: Any, value: JSONValue, where: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        options = typing.get_args(tp)
        if value is None and type(None) in options:
            return None
        (inner,) = [t for t in options if t is not type(None)]
        return _decode(inner, value, where)
    if origin is tuple:
        item_type = typing.get_args(tp)[0]
        if not isinstance(value, list):
            raise _Mismatch(where, f"expected a list, got {type(value).__name__}")
        return tuple(_decode(item_type, v, f"{where}[{i}]") for i, v in enumerate(value))
    if tp is Span:
        if not (isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)):
            raise _Mismatch(where, "expected a span [start, end]")
        try:
            return Span(value[0], value[1])
        except ValueError as exc:
            raise _Mismatch(where, str(exc)) from exc
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(value)
        except ValueError as exc:
            raise _Mismatch(where, f"{value!r} is not a {tp.__name__}") from exc
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _decode_record(tp, value, where)
    if tp is float:
        if type(value) not in (int, float):
            raise _Mismatch(where, f"expected a number, got {type(value).__name__}")
        return float(value)
    if tp in (str, int, bool):
        if type(value) is not tp:  # bool is an int subclass: compare exact types
            raise _Mismatch(where, f"expected {tp.__name__}, got {type(value).__name__}")
        return value
    raise _Mismatch(where, f"cannot decode a {tp!r}")


def _decode_record(cls: type, value: JSONValue, where: str) -> Any:
    if not isinstance(value, dict):
        raise _Mismatch(where, f"expected an object for {cls.__name__}, got {type(value).__name__}")
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(value) - names
    if unknown:
        raise _Mismatch(where, f"unknown {cls.__name__} fields {sorted(unknown)}")
    kwargs = {}
    for field in dataclasses.fields(cls):
        if field.name in value:
            kwargs[field.name] = _decode(hints[field.name], value[field.name], f"{where}.{field.name}")
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise _Mismatch(where, f"{cls.__name__} field {field.name!r} missing")
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise _Mismatch(where, str(exc)) from exc


def analysis_from_json(obj: JSONValue, origin: str) -> Analysis:
    """The :class:`Analysis` a :func:`analysis_to_json` object describes (``docs`` empty).

    Raises :class:`InputError` naming ``origin`` for another format or version, a missing or mistyped field,
    or a span outside the article text.
    """
    if not isinstance(obj, dict):
        raise InputError(origin, f"expected a JSON object, got {type(obj).__name__}")
    if obj.get("format") != FORMAT or obj.get("version") != VERSION:
        raise InputError(origin, f"not an {FORMAT} v{VERSION} record (format {obj.get('format')!r})")
    try:
        article: Article = _decode(Article, obj.get("article"), "article")
        sentences = _decode(tuple[Sentence, ...], obj.get("sentences", []), "sentences")
        mentions = _decode(tuple[EventMention, ...], obj.get("event_mentions", []), "event_mentions")
        places = _decode(tuple[Place, ...], obj.get("places", []), "places")
        events = _decode(tuple[records.Event, ...], obj.get("events", []), "events")
        overstates = _decode(bool, obj.get("headline_overstates", False), "headline_overstates")
        notes = _decode(tuple[str, ...], obj.get("notes", []), "notes")
    except _Mismatch as exc:
        raise InputError(origin, f"bad record ({exc})") from exc
    analysis = Analysis(
        parsed=ParsedArticle(article=article, sentences=sentences, docs=()),
        event_mentions=mentions,
        places=places,
        events=events,
        headline_overstates=overstates,
        notes=notes,
    )
    _check_spans(analysis, origin)
    return analysis


def _spans(analysis: Analysis) -> Iterator[Span]:
    yield from (s.span for s in analysis.parsed.sentences)
    yield from (p.span for p in analysis.places if p.span)
    for m in analysis.event_mentions:
        yield m.trigger
        yield from m.evidence
        yield from (a.span for a in (m.actor1, m.actor2) if a and a.span)
        yield from (c.span for c in m.casualties)
        yield from (p.span for p in m.locations if p.span)
        for claim in m.claims:
            yield claim.evidence
            if claim.cue_span:
                yield claim.cue_span
            sources = [claim.source]
            while sources:
                source = sources.pop()
                if source.span:
                    yield source.span
                sources.extend(source.via)


def _check_spans(analysis: Analysis, origin: str) -> None:
    n = len(analysis.article.text)
    for span in _spans(analysis):
        if span.end > n:
            raise InputError(origin, f"span [{span.start}, {span.end}) past the article text end ({n})")


def read_record_line(raw: bytes, origin: str) -> Analysis | InputError:
    """Decode one line of a records dump; a bad line gives an :class:`InputError` naming ``origin``."""
    try:
        obj = json.loads(raw)
    except UnicodeDecodeError as exc:
        return InputError(origin, f"invalid UTF-8 at byte {exc.start}")
    except json.JSONDecodeError as exc:
        return InputError(origin, f"invalid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return InputError(origin, "invalid JSON (nested too deeply)")
    try:
        return analysis_from_json(obj, origin)
    except InputError as exc:
        return exc


def read_records(lines: Iterable[bytes], origin: str) -> Iterator[Analysis | InputError]:
    """Decode a records dump, one JSON object per line; a bad line is one :class:`InputError` (``origin:line``)."""
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            yield read_record_line(raw, f"{origin}:{number}")
