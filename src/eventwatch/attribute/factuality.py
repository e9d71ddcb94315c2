"""Final factuality of an event mention once its claims are known (dev README "Factuality").

``planned``, ``negated`` and ``hypothetical`` from the extract stage are kept. ``asserted`` becomes
``reported`` when the event's main clause is attributed to a source other than the author, unless:

- the cue is factive ("acknowledged their government had shot down": the author presupposes it);
- the event is a speech act (threat, demand, promise, refusal) that the source performs by speaking — a
  direct quotation, a "said:" block, a first-person or deontic complement ("foreign powers should get out")
  or the cue itself: the statement was made, so the event is asserted (SCHEMA.md `factuality`).

An attribution that covers only a detail (death toll, time, place) or who did it (a claim of responsibility for
an act told on its own) leaves the event asserted. An event whose every claim denies it as a whole is
``negated`` (SCHEMA.md: "said not to have happened").
"""

from __future__ import annotations

import logging

from eventwatch.attribute._anaphora import RESPONSIBILITY
from eventwatch.attribute._model import Attribution
from eventwatch.attribute._syntax import ArticleView
from eventwatch.attribute.cues import verb_cues
from eventwatch.attribute.link import Link
from eventwatch.records import EventMention, Factuality, Plover, Stance

log = logging.getLogger(__name__)

_SPEECH_ACTS = frozenset({Plover.REQUEST, Plover.THREATEN, Plover.AGREE, Plover.REJECT})
# Acts that happen or not; a denial of a speech act ("rejected these accusations") is the act itself.
_MATERIAL = frozenset({Plover.ASSAULT, Plover.COERCE, Plover.PROTEST, Plover.MOBILIZE, Plover.RETREAT})
_SPEAKER_PRONOUNS = frozenset({"i", "we", "he", "she", "they"})
_DEONTIC = frozenset({"must", "should", "shall", "ought"})


def final_factuality(view: ArticleView, mention: EventMention, links: list[Link]) -> Factuality:
    """The factuality the mention ends with (see module docstring)."""
    if mention.factuality is not Factuality.ASSERTED:
        return mention.factuality
    main = [
        link
        for link in links
        if link.covers_main and link.attribution is not None and not _says_only_who(view, mention, link)
    ]
    if not main:
        return Factuality.ASSERTED
    if mention.plover in _MATERIAL and all(_denies_outright(view, link) for link in links):
        return Factuality.NEGATED  # "Russia denied that its jets bombed a hospital", and nobody says they did
    attributions = [link.attribution for link in main if link.attribution is not None]
    if all(a.is_factive for a in attributions):
        return Factuality.ASSERTED
    if mention.plover in _SPEECH_ACTS and any(_performs(view, mention, a) for a in attributions):
        return Factuality.ASSERTED
    return Factuality.REPORTED


def _says_only_who(view: ArticleView, mention: EventMention, link: Link) -> bool:
    """A claim of responsibility for an act the text tells on its own ("the attack ..., for which Daesh has
    claimed responsibility", "attacks claimed by Daesh") says who did it, not that it happened; one that tells
    the act itself ("claimed responsibility for shooting down the helicopter") is all the text has of it."""
    if link.claim.about != "responsibility":
        return False
    found = view.token_at(mention.trigger.start)
    return found is None or not any(a.lemma_.lower() in RESPONSIBILITY for a in found[1].ancestors)


def _denies_outright(view: ArticleView, link: Link) -> bool:
    """A denial of the whole event by a denying verb ("Russia denied that its jets bombed ..."), not a
    negated sentence in a quotation ("must not be forced"), which may speak of something else."""
    if link.claim.stance is not Stance.DENY or link.claim.about is not None or link.attribution is None:
        return False
    found = view.token_at(link.attribution.cue_offset)
    cue = verb_cues().get(found[1].lemma_) if found is not None else None
    return cue is not None and cue.stance is Stance.DENY


def _performs(view: ArticleView, mention: EventMention, attribution: Attribution) -> bool:
    if attribution.cue_offset == mention.trigger.start or attribution.is_quote:
        return True
    if attribution.content_subject in _SPEAKER_PRONOUNS:
        return True
    found = view.token_at(mention.trigger.start)
    if found is None:
        return False
    _, token = found
    return any(c.dep_ == "aux" and c.lower_ in _DEONTIC for c in token.children)
