"""The attribution lexicons shipped in ``eventwatch/data/attribute``: reporting cues, hedges, descriptors.

Loaded once per process. The files are the project's seed lexicons (``attribution_seed/``, see its SOURCE.md),
a few additions (``extra_cues.tsv``) and the VerbNet communication classes, which widen the verb list beyond
the hand-written one (Scheible et al. 2016 use the same classes as quotation-cue features).
"""

from __future__ import annotations

import csv
import functools
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwatch.config import DATA_DIR
from eventwatch.records import SourceKind, Stance

log = logging.getLogger(__name__)

LEXICON_DIR = DATA_DIR / "attribute"

# VerbNet classes whose members report speech or a belief about a proposition; members not in the seed list
# count as neutral "assert" cues, and only with a clausal complement (claims.py checks that).
_SPEECH_CLASSES = frozenset({"say-37", "tell-37", "declare-29", "complain-37", "confess-37"})
# Seed stances that do not make a claim by themselves: "intend" verbs (plan, vow) mark planned events, which
# is the extract stage's factuality; "hedge" verbs (believe, suspect) make a hedged claim (dev README: "police
# suspect ..." is a hedged claim).
_CLAIM_STANCES = {s.value: s for s in Stance}

# Descriptor kinds of source_descriptors.tsv that are not SourceKind values, mapped onto the gold's 11 kinds
# (dev README "source_kind": hospitals are official, unnamed associates are unnamed).
_DESCRIPTOR_KIND = {
    "media_aligned": SourceKind.MEDIA,
    "military_anonymous": SourceKind.MILITARY,
    "security_anonymous": SourceKind.OFFICIAL,
    "official_government": SourceKind.OFFICIAL,
    "official_spokesperson": SourceKind.OFFICIAL,
    "official_anonymous": SourceKind.OFFICIAL,
    "anonymous_marker": SourceKind.UNNAMED,
    "activist": SourceKind.UNNAMED,
    "civil_defence": SourceKind.OFFICIAL,
    "medical": SourceKind.OFFICIAL,
    "other_anonymous": SourceKind.UNNAMED,
}


@dataclass(frozen=True, slots=True)
class ReportingCue:
    """A reporting lemma: the stance a source takes and whether the author endorses the complement."""

    lemma: str
    stance: Stance
    is_hedge: bool  # a doxastic verb (believe, suspect): the claim is hedged by the cue itself
    is_factive: bool  # the author presupposes the complement (acknowledge, admit): the event stays asserted
    is_seed: bool  # from the hand lexicon (False: widened from VerbNet, needs a clausal complement)


@dataclass(frozen=True, slots=True)
class HedgeCue:
    """A hedge, evidential or verification cue as a lower-cased word sequence."""

    words: tuple[str, ...]
    kind: str


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


@functools.cache
def verb_cues() -> dict[str, ReportingCue]:
    """Reporting verbs by lemma (multi-word lemmas such as "point out" are kept with their space)."""
    cues: dict[str, ReportingCue] = {}
    for path in (LEXICON_DIR / "attribution_seed" / "reporting_cues.tsv", LEXICON_DIR / "extra_cues.tsv"):
        for row in _rows(path):
            if row["pos"] != "verb":
                continue
            stance_name = row["stance"]
            if stance_name == "intend":
                continue
            is_hedge = stance_name == "hedge"
            stance = Stance.CLAIM if is_hedge else _CLAIM_STANCES[stance_name]
            factive = row["author_position"] == "endorsing" and stance is Stance.CONFIRM
            cues.setdefault(row["lemma"], ReportingCue(row["lemma"], stance, is_hedge, factive, True))
    for lemma, cls in _rows_plain(LEXICON_DIR / "verbnet_classes" / "verbnet_lemma_class.tsv"):
        if cls in _SPEECH_CLASSES and lemma not in cues:
            cues[lemma] = ReportingCue(lemma, Stance.ASSERT, False, False, False)
    log.debug("attribute: %d reporting verbs", len(cues))
    return cues


def _rows_plain(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2:
                yield parts[0], parts[1]


@functools.cache
def noun_cues() -> dict[str, Stance]:
    """Attribution nouns ("claim", "denial", "report", "statement") and the stance they carry."""
    out: dict[str, Stance] = {}
    for row in _rows(LEXICON_DIR / "attribution_seed" / "reporting_cues.tsv"):
        if row["pos"] == "noun" and row["stance"] in _CLAIM_STANCES:
            out[row["lemma"]] = _CLAIM_STANCES[row["stance"]]
    return out


# Hedge types that qualify an attribution or its content; boosters, negation, conditionals, future and
# approximators do not make a claim hedged (dev README "hedged").
_HEDGE_TYPES = frozenset(
    {
        "evidential_adverb",
        "epistemic_adverb",
        "raising_verb",
        "impersonal_hedge",
        "impersonal_weasel",
        "passive_evidential",
        "verification_marker",
        "evidential_frame",
    }
)
# Adverbs the seed files as hedges that, in news prose, more often mean something else ("could" = ability,
# "should"/"must" = obligation, "potentially" = scope); modals hedge only through "may"/"might".
_NOT_HEDGES = frozenset({("potentially",), ("arguably",), ("is", "reported", "as", "saying")})


@functools.cache
def hedge_cues() -> tuple[HedgeCue, ...]:
    """Hedge cues, longest first so that "could not be independently verified" wins over shorter ones."""
    cues: list[HedgeCue] = []
    for row in _rows(LEXICON_DIR / "attribution_seed" / "hedge_cues.tsv"):
        words = tuple(row["cue"].lower().split())
        if row["type"] in _HEDGE_TYPES and words not in _NOT_HEDGES:
            cues.append(HedgeCue(words, row["type"]))
    for words in (("may",), ("might",), ("suspected",), ("alleged",)):
        cues.append(HedgeCue(words, "epistemic_modal"))
    return tuple(sorted(cues, key=lambda cue: -len(cue.words)))


@functools.cache
def sentence_hedges() -> tuple[tuple[str, ...], ...]:
    """Verification markers that qualify every claim of their sentence ("..., a claim that could not be
    independently verified"), or of the sentence before when they stand alone ("There was no independent
    confirmation.")."""
    seed = tuple(
        tuple(row["cue"].lower().split())
        for row in _rows(LEXICON_DIR / "attribution_seed" / "hedge_cues.tsv")
        if row["scope"] == "sentence" and row["type"] in _HEDGE_TYPES
    )
    return seed + _MORE_VERIFICATION_MARKERS


# The wire agencies' own wording, which the seed lexicon lacks: "Reuters could not independently verify the
# report" (eventwatch addition).
_MORE_VERIFICATION_MARKERS = (
    ("could", "not", "independently", "verify"),
    ("could", "not", "be", "independently", "confirmed"),
    ("was", "unable", "to", "independently", "verify"),
    ("were", "unable", "to", "independently", "verify"),
    ("was", "not", "able", "to", "independently", "verify"),
    ("could", "not", "immediately", "be", "verified"),
)


@functools.cache
def descriptors() -> tuple[tuple[tuple[str, ...], SourceKind], ...]:
    """Source descriptor phrases (lower-cased words) with the kind they give, longest first."""
    out: list[tuple[tuple[str, ...], SourceKind]] = []
    kinds = {k.value: k for k in SourceKind}
    for row in _rows(LEXICON_DIR / "attribution_seed" / "source_descriptors.tsv"):
        kind = kinds.get(row["source_kind"]) or _DESCRIPTOR_KIND.get(row["source_kind"])
        if kind is None:
            log.debug("attribute: descriptor kind %r unmapped", row["source_kind"])
            continue
        out.append((tuple(row["pattern"].lower().split()), kind))
    return tuple(sorted(out, key=lambda item: -len(item[0])))
