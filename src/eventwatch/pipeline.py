"""The only module that wires the stages together: ingest → nlp → extract → attribute → geo → fuse.

Each article goes through the stages on its own, so one article that breaks a stage is reported and skipped
without stopping the batch (``ProcessingFailure``); the store is written by the caller, one transaction per
article.
"""

from __future__ import annotations

import logging
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


def analyse(article: Article, cfg: Config) -> Analysis:
    """One article through every stage; raises what a stage raises."""
    parsed = nlp.parse_article(article, cfg)
    analyses: Iterator[Analysis] = extract.run([parsed], cfg)
    for _name, stage in _STAGES[1:]:
        analyses = stage(analyses, cfg)
    return next(analyses)


def process(articles: Iterable[Article], cfg: Config) -> Iterator[Analysis | ProcessingFailure]:
    """Analyse each article, yielding its ``Analysis`` or a ``ProcessingFailure`` (never raising for one)."""
    for article in articles:
        try:
            yield analyse(article, cfg)
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
