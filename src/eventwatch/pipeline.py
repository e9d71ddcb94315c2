"""The only module that wires the stages together: ingest → screen → nlp → extract → attribute → geo → fuse.

An article the screen stops (no word of armed conflict, conflict-affected country or armed group, see
``screen``) is not parsed: its analysis has no sentences, no events and a note saying why.

Short articles are parsed a window at a time (one ``nlp.pipe`` call), then each article goes through the
later stages on its own, so one article that breaks a stage, or runs past the per-document time limit
(``doc_timeout_s``), is reported and skipped without stopping the batch (``ProcessingFailure``); the store is
written by the caller (each article all-or-nothing, see ``Store.save`` and ``Store.save_many``).
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from eventwatch import attribute, extract, fuse, geo, nlp, screen
from eventwatch.config import Config
from eventwatch.records import Analysis, Article, ParsedArticle

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ProcessingFailure:
    """An article that a stage could not process; the batch goes on."""

    article: Article
    stage: str
    reason: str

    def message(self) -> str:
        origin = self.article.origin or self.article.ext_id or self.article.id
        return f"process: {origin}: {self.stage} failed ({self.reason}); skipped"


_STAGES = (("extract", extract.run), ("attribute", attribute.run), ("geo", geo.run), ("fuse", fuse.run))


class DocumentTimeout(Exception):
    """An article ran past ``doc_timeout_s``; ``stage`` is where the deadline was found passed."""

    def __init__(self, stage: str, limit_s: float) -> None:
        self.stage = stage
        self.limit_s = limit_s
        super().__init__(f"timed out after {limit_s:g} s")


class _Deadline:
    """Cooperative per-document time limit, checked between parser batches and between stages.

    Signal-based alarms fire only in the main thread, and Dask workers run tasks in threads, so the stages
    check the clock instead, and input caps (``max_text_chars``, ``max_paragraph_chars``, ``max_word_chars``)
    keep each step between two checks bounded. (An asynchronous exception raised into the worker thread by
    a watchdog was tried and dropped: landing inside spaCy's generators it left the next documents slow or
    hung.) A stage is not interrupted: a document can overrun the limit by the one stage it was in.
    """

    def __init__(self, limit_s: float) -> None:
        self.limit_s = limit_s
        self.at = time.monotonic() + limit_s

    def check(self, stage: str) -> None:
        if time.monotonic() > self.at:
            raise DocumentTimeout(stage, self.limit_s)


def screened_out(article: Article, cfg: Config) -> Analysis | None:
    """The unparsed analysis of an article the screen stops; None when it goes on to the parser."""
    if screen.worth_parsing(article, cfg.screen_min_mentions, cfg.screen_per_thousand_words):
        return None
    unparsed = ParsedArticle(article=article, sentences=(), docs=())
    note = screen.screened_note(cfg.screen_min_mentions, cfg.screen_per_thousand_words)
    return Analysis(parsed=unparsed, notes=(note,))


def analyse(article: Article, cfg: Config) -> Analysis:
    """One article through every stage; raises what a stage raises, or ``DocumentTimeout`` when the article
    takes longer than ``cfg.doc_timeout_s`` (found between parser batches and between stages)."""
    screened = screened_out(article, cfg)
    return screened if screened is not None else _parse_and_analyse(article, cfg)


def _parse_and_analyse(article: Article, cfg: Config) -> Analysis:
    """``analyse`` for an article the screen let through (``process`` has screened it already)."""
    deadline = _Deadline(cfg.doc_timeout_s)
    docs = []
    for doc in nlp.parse_paragraphs(article, cfg):
        docs.append(doc)
        deadline.check("nlp")
    return _after_parse(nlp.assemble(article, docs), cfg, deadline)


def _after_parse(parsed: ParsedArticle, cfg: Config, deadline: _Deadline) -> Analysis:
    deadline.check("nlp")
    analysis = next(extract.run([parsed], cfg))
    deadline.check("extract")
    for name, stage in _STAGES[1:]:
        analysis = next(stage([analysis], cfg))
        deadline.check(name)
    return analysis


# Articles up to this size are parsed together, a window of them per ``nlp.pipe`` call: one article's few
# paragraphs leave the parser's batches part-empty (parsing a stream article by article cost about 10 % more).
# A window is small enough to parse in about a second, so each of its articles is charged the whole window's
# parse time against ``doc_timeout_s``; a longer article is parsed on its own, checked between batches.
WINDOW_CHARS = 40_000


def process(articles: Iterable[Article], cfg: Config) -> Iterator[Analysis | ProcessingFailure]:
    """Analyse each article, yielding its ``Analysis`` or a ``ProcessingFailure`` (never raising for one),
    in input order. Articles the screen stops wait in the window for their turn, unparsed."""
    window: list[tuple[Article, Analysis | None]] = []
    size = 0
    for article in articles:
        screened = screened_out(article, cfg)
        if screened is not None:
            window.append((article, screened))
            continue
        if len(article.text) > WINDOW_CHARS:
            yield from _process_window(window, cfg)
            window, size = [], 0
            yield _process_one(article, cfg)
            continue
        if size + len(article.text) > WINDOW_CHARS:
            yield from _process_window(window, cfg)
            window, size = [], 0
        window.append((article, None))
        size += len(article.text)
    yield from _process_window(window, cfg)


def _process_window(
    window: list[tuple[Article, Analysis | None]], cfg: Config
) -> Iterator[Analysis | ProcessingFailure]:
    """The window's analyses in input order: screened ones as they are, the others parsed together."""
    to_parse = [article for article, screened in window if screened is None]
    if len(to_parse) <= 1:
        yield from (screened or _process_one(article, cfg) for article, screened in window)
        return
    deadline = _Deadline(cfg.doc_timeout_s)
    try:
        parsed = iter(list(nlp.run(to_parse, cfg)))
    except Exception:  # one article broke the shared parse: parse each alone, so only that one is reported
        log.debug("parsing a window of %d articles failed; parsing them one by one", len(to_parse), exc_info=True)
        yield from (screened or _process_one(article, cfg) for article, screened in window)
        return
    for article, screened in window:
        if screened is not None:
            yield screened
            continue
        done = next(parsed)
        yield _guarded(article, functools.partial(_after_parse, done, cfg, deadline))


def _process_one(article: Article, cfg: Config) -> Analysis | ProcessingFailure:
    return _guarded(article, lambda: _parse_and_analyse(article, cfg))


def _guarded(article: Article, work: Callable[[], Analysis]) -> Analysis | ProcessingFailure:
    try:
        return work()
    except DocumentTimeout as exc:
        log.debug("processing %s timed out in %s", article.id, exc.stage)
        return ProcessingFailure(article, exc.stage, str(exc))
    except Exception as exc:  # the per-input loop: log, count, continue (STYLE.md §6)
        log.debug("processing %s failed", article.id, exc_info=True)
        return ProcessingFailure(article, _failed_stage(exc), f"{type(exc).__name__}: {exc}")


def _failed_stage(exc: BaseException) -> str:
    tb = exc.__traceback__
    stage = "nlp"
    while tb is not None:
        module = tb.tb_frame.f_globals.get("__name__", "")
        for name in ("extract", "attribute", "geo", "fuse", "nlp"):
            if module.startswith(f"eventwatch.{name}"):
                stage = name
        tb = tb.tb_next
    return stage
