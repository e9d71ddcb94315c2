"""attribute stage: who says so, how sure they are, who confirms or denies each event mention.

``run`` takes the extract stage's analyses and returns them with, for every event mention, its claims
(source, stance, hedge, ``about``), its final factuality (``asserted`` -> ``reported`` when attributed),
whether it is contested and, for an attack nobody is named for, the party that claims it; plus whether the
headline overstates the body.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace

from eventwatch.attribute._syntax import ArticleView
from eventwatch.attribute.claims import find_attributions
from eventwatch.attribute.contested import is_contested
from eventwatch.attribute.factuality import final_factuality
from eventwatch.attribute.headline import headline_overstates
from eventwatch.attribute.link import author_link, link_mention, resolve_anaphors
from eventwatch.attribute.perpetrator import claimed_perpetrator
from eventwatch.config import Config
from eventwatch.records import Analysis

__all__ = ["attribute_analysis", "run"]

log = logging.getLogger(__name__)


def attribute_analysis(analysis: Analysis) -> Analysis:
    """One article's mentions with claims, final factuality and contested flag; the headline check."""
    article = analysis.article
    view = ArticleView(analysis.parsed)
    attributions = find_attributions(view, article.outlet)
    anaphors = resolve_anaphors(view, analysis.event_mentions, attributions)
    mentions = []
    for index, mention in enumerate(analysis.event_mentions):
        links = link_mention(view, mention, index, attributions, anaphors)
        if not links:
            links = [author_link(view, mention, article.outlet, attributions)]
        claims = tuple(link.claim for link in links)
        mentions.append(
            claimed_perpetrator(
                replace(
                    mention,
                    claims=claims,
                    factuality=final_factuality(view, mention, links),
                    is_contested=mention.is_contested or is_contested(view, mention, claims),
                )
            )
        )
    done = tuple(mentions)
    log.debug("attribute: %s: %d attributions, %d mentions", article.id, len(attributions), len(done))
    return replace(analysis, event_mentions=done, headline_overstates=headline_overstates(article, done))


def run(analyses: Iterable[Analysis], cfg: Config) -> Iterator[Analysis]:
    """The attribute stage over a stream of analyses (order kept; ``cfg`` has no attribute settings yet)."""
    count = 0
    for analysis in analyses:
        count += 1
        yield attribute_analysis(analysis)
    log.info("attribute: %d articles", count)
