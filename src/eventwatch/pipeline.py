"""The only module that wires the stages together: ingest → nlp → extract → attribute → geo → fuse.

Each article goes through the stages on its own, so one article that breaks a stage, or runs past the
per-document time limit (``doc_timeout_s``), is reported and skipped without stopping the batch
(``ProcessingFailure``); the store is written by the caller, one transaction per article.
"""

from __future__ import annotations

import ctypes
import logging
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from eventwatch import attribute, extract, fuse, geo, nlp
from eventwatch.config import Config
from eventwatch.records import Analysis, Article

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
    """Per-document time limit: cooperative checks, backed by a watchdog that interrupts a stuck stage.

    Signal-based alarms fire only in the main thread, and Dask workers run tasks in threads, so the limit is
    kept in two thread-safe ways: ``check`` between parser batches and between stages, and a watchdog timer
    that raises ``DocumentTimeout`` asynchronously in the analysing thread when a stage runs on past the
    deadline (a superlinear rule on a pathological sentence). The asynchronous exception lands between two
    Python bytecodes, never inside a C call, so input caps (``max_text_chars``, ``max_paragraph_chars``,
    ``max_word_chars``) keep every call into spaCy bounded.
    """

    def __init__(self, limit_s: float) -> None:
        self.limit_s = limit_s
        self.at = time.monotonic() + limit_s
        self.stage = "nlp"
        self._thread_id = threading.get_ident()
        self._lock = threading.Lock()
        self._done = False
        self._fired = False
        self._timer = threading.Timer(limit_s, self._interrupt)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()
        with self._lock:
            self._done = True
            fired = self._fired
        if fired:
            # The interrupt was sent but may not have been delivered yet: withdraw it, raise it here instead.
            _set_async_exc(self._thread_id, None)
            if exc_info[0] is None:
                raise DocumentTimeout(self.stage, self.limit_s)

    def _interrupt(self) -> None:
        with self._lock:
            if self._done:
                return
            self._fired = True
            _set_async_exc(self._thread_id, _Interrupted)

    def check(self, stage: str) -> None:
        self.stage = stage
        if time.monotonic() > self.at:
            raise DocumentTimeout(stage, self.limit_s)


class _Interrupted(BaseException):
    """Raised asynchronously by the watchdog (a BaseException, so no stage's ``except Exception`` swallows it);
    turned into ``DocumentTimeout`` by ``analyse``."""


def _set_async_exc(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


def analyse(article: Article, cfg: Config) -> Analysis:
    """One article through every stage; raises what a stage raises, or ``DocumentTimeout`` when the article
    takes longer than ``cfg.doc_timeout_s``."""
    deadline = _Deadline(cfg.doc_timeout_s)
    try:
        with deadline:
            docs = []
            for doc in nlp.parse_paragraphs(article, cfg):
                docs.append(doc)
                deadline.check("nlp")
            parsed = nlp.assemble(article, docs)
            deadline.check("extract")
            analysis = next(extract.run([parsed], cfg))
            for name, stage in _STAGES[1:]:
                deadline.check(name)
                analysis = next(stage([analysis], cfg))
            deadline.check("store")
    except _Interrupted:
        raise DocumentTimeout(deadline.stage, cfg.doc_timeout_s) from None
    return analysis


def process(articles: Iterable[Article], cfg: Config) -> Iterator[Analysis | ProcessingFailure]:
    """Analyse each article, yielding its ``Analysis`` or a ``ProcessingFailure`` (never raising for one)."""
    for article in articles:
        try:
            yield analyse(article, cfg)
        except DocumentTimeout as exc:
            log.debug("processing %s timed out in %s", article.id, exc.stage)
            yield ProcessingFailure(article, exc.stage, str(exc))
        except Exception as exc:  # the per-input loop: log, count, continue (STYLE.md §6)
            log.debug("processing %s failed", article.id, exc_info=True)
            yield ProcessingFailure(article, _failed_stage(exc), f"{type(exc).__name__}: {exc}")


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
