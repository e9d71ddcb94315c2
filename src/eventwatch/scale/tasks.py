"""What runs on a Dask worker: load the models once, analyse a batch of articles.

Only plain records cross the wire: ``Article`` and ``Config`` in, ``Analysis`` (without spaCy docs) and
``ProcessingFailure`` out.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from distributed import WorkerPlugin

from eventwatch import nlp, pipeline
from eventwatch.config import Config
from eventwatch.records import Analysis, Article

log = logging.getLogger(__name__)

Result = Analysis | pipeline.ProcessingFailure


class LoadModels(WorkerPlugin):
    """Loads the spaCy pipeline when a worker starts (also a worker the nanny restarts after a crash).

    The stages keep their models in module-level caches, so each worker process loads them once; loading
    here, before the first batch arrives, keeps model start-up out of the first task's time.
    """

    name = "eventwatch-load-models"

    def __init__(self, cfg: Config) -> None:
        self.cfg = cfg

    def setup(self, worker: Any) -> None:
        nlp.load_model(self.cfg.spacy_model, self.cfg.entity_recognizer)
        log.debug("worker %s: models loaded", getattr(worker, "address", "?"))


def _without_docs(result: Result) -> Result:
    """The analysis minus its spaCy ``Doc`` objects: the store does not read them, and they are large."""
    if isinstance(result, pipeline.ProcessingFailure):
        return result
    return replace(result, parsed=replace(result.parsed, docs=()))


def analyse_batch(articles: list[Article], cfg: Config) -> list[Result]:
    """Each article's ``Analysis`` (spaCy docs dropped) or ``ProcessingFailure``, in input order.

    Pure: writes nothing, so running a batch again after its worker died changes nothing but time.
    """
    return [_without_docs(r) for r in pipeline.process(articles, cfg)]
