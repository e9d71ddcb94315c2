"""Loading the spaCy pipeline once per process (and once per Dask worker)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, cast

from eventwatch.errors import ConfigError
from eventwatch.nlp.rules import fix_past_forms, index_attribute_ruler

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer


ENTITY_RECOGNIZERS = ("tagger", "spacy")
# Abbreviated ranks and titles of officers and officials that spaCy's English exceptions lack.
_RANKS = (
    *("Capt.", "Col.", "Lt.", "Sgt.", "Maj.", "Cpl.", "Pvt.", "Pfc.", "Brig.", "Spc.", "Cmdr.", "Cdr.", "Cmdt."),
    *("Amb.", "Insp.", "Supt.", "Det.", "Sr.", "Spt.", "Lt.Col.", "Adm."),
)


@functools.cache
def load_model(name: str, entity_recognizer: str = "tagger") -> Language:
    """The installed spaCy pipeline package ``name`` (never downloaded: it is a pinned wheel).

    ``senter`` is excluded, not just disabled: the parser sets sentence boundaries, and an excluded
    component costs neither load time nor memory. With ``entity_recognizer="tagger"`` the model's ``ner``
    is excluded too and ``nlp/entities.py`` sets the entities from the parser's token vectors.
    """
    import spacy

    if entity_recognizer not in ENTITY_RECOGNIZERS:
        raise ConfigError(f"nlp: entity_recognizer must be one of {ENTITY_RECOGNIZERS}, not {entity_recognizer!r}")
    exclude = ["senter"] if entity_recognizer == "spacy" else ["senter", "ner"]
    try:
        nlp = spacy.load(name, exclude=exclude)
    except OSError as exc:
        raise ConfigError(f"nlp: spaCy model package {name!r} is not installed; run `make setup`") from exc
    if entity_recognizer == "tagger":
        import eventwatch.nlp.entities  # noqa: F401 - registers the "eventwatch_entity_tagger" factory

        nlp.add_pipe("eventwatch_entity_tagger", last=True)
    # Scraped quotes glue an ellipsis's last dot to the next word ("….the Syrian army"); spaCy keeps ".the" as one
    # token (a PROPN), which hides the determiner. A dot before a lowercase letter opens no English word.
    from spacy.util import compile_prefix_regex

    tokenizer = cast("Tokenizer", nlp.tokenizer)
    tokenizer.prefix_search = compile_prefix_regex([*(nlp.Defaults.prefixes or ()), r"\.(?=[a-z])"]).search
    # spaCy keeps "Gen." and "Gov." whole but splits military and police ranks ("Capt", "."), and the parser then
    # ends the sentence inside "Navy Capt. Jeff Davis said": a rank is one token, as titles are.
    from spacy.symbols import ORTH

    for rank in _RANKS:
        tokenizer.add_special_case(rank, [{ORTH: rank}])
    index_attribute_ruler(nlp)  # same annotations, a tenth of the parse less (nlp/rules.py)
    from spacy.language import Language

    if not Language.has_factory("eventwatch_past_forms"):
        Language.component("eventwatch_past_forms", func=fix_past_forms)
    nlp.add_pipe("eventwatch_past_forms", after="lemmatizer")
    return nlp
