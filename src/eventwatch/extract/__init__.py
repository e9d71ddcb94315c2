"""extract stage: event detection and coding (PLOVER type and mode, ACLED, CAMEO, actors, dates, casualties).

``run`` turns each ``ParsedArticle`` into an ``Analysis`` whose ``event_mentions`` hold one ``EventMention``
per event the article reports. Claims (who says so) and places are left to the attribute and geo stages.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from eventwatch.config import Config
from eventwatch.extract._mentions import extract_mentions
from eventwatch.records import Analysis, ParsedArticle

__all__ = ["extract_mentions", "run"]

log = logging.getLogger(__name__)


def run(parsed: Iterable[ParsedArticle], cfg: Config) -> Iterator[Analysis]:
    """One ``Analysis`` per parsed article, in order, with its event mentions filled."""
    del cfg  # the extract stage has no settings yet; kept for the stage signature (STYLE.md §2)
    count = 0
    for item in parsed:
        mentions = extract_mentions(item)
        count += len(mentions)
        log.debug("extract: %s: %d event mentions", item.article.id, len(mentions))
        yield Analysis(parsed=item, event_mentions=mentions)
    log.debug("extract: %d event mentions in all", count)
