"""The model's ``attribute_ruler`` rules, matched through a table instead of spaCy's ``Matcher``.

The small English model maps tags to parts of speech and morphology with 179 token patterns. spaCy's
``Matcher`` tries every pattern at every token, which cost more than the tagger and the lemmatizer together
(about 16 µs a token, a tenth of the parse). Almost all of the patterns test one token, on its lower-case form,
tag, dependency label or whitespace flag, so they are looked up by the form or the tag they name; the few
patterns over two tokens stay with a ``Matcher`` of their own. The matches, and so the annotations the ruler
sets from them, are the same (``tests/nlp/test_rules.py`` compares every token of real text).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

# What a one-token pattern may test, as ``doc.to_array`` columns.
_COLUMNS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_MAX_KNOWN = 200_000  # remembered (form, tag, dependency, space) combinations, emptied when there are more

Test = Callable[[str, str, str, bool], bool]


@dataclass(frozen=True, slots=True)
class _Rule:
    attr_id: int
    match_id: int
    test: Test


def _value_test(column: int, spec: Any) -> Callable[[tuple[str, str, str, bool]], bool]:
    """One attribute's condition, as the ``Matcher`` reads it: a value, or ``IN``/``NOT_IN``/``REGEX``."""
    if isinstance(spec, dict):
        if set(spec) == {"IN"}:
            allowed = frozenset(spec["IN"])
            return lambda values: values[column] in allowed
        if set(spec) == {"NOT_IN"}:
            banned = frozenset(spec["NOT_IN"])
            return lambda values: values[column] not in banned
        if set(spec) == {"REGEX"}:
            pattern = re.compile(spec["REGEX"])
            return lambda values: pattern.search(str(values[column])) is not None
        raise ValueError(f"unsupported token condition {spec!r}")
    return lambda values: values[column] == spec


def _keys(spec: Any) -> tuple[str, ...] | None:
    """The exact values a condition accepts, when it names them (a value or ``IN``); else None."""
    if isinstance(spec, str):
        return (spec,)
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return tuple(spec["IN"])
    return None


class IndexedRuleMatcher:
    """``AttributeRuler.match`` for a ruler whose patterns test LOWER, TAG, DEP and IS_SPACE.

    One-token patterns are filed under the lower-case forms they accept, else the tags, else tried on every
    token; multi-token patterns go to a ``Matcher`` of their own. Returns what ``AttributeRuler.match`` returns:
    ``(attr_id, match_id, start, end)`` sorted, so later rules still override earlier ones.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.matcher import Matcher

        self._strings = ruler.vocab.strings
        self._by_lower: dict[str, list[_Rule]] = {}
        self._by_tag: dict[str, list[_Rule]] = {}
        self._always: list[_Rule] = []
        self._multi = Matcher(ruler.vocab, validate=False)
        # The rules a token matches depend only on its four values, and few combinations recur in running text.
        self._known: dict[tuple[int, int, int, int], tuple[tuple[int, int], ...]] = {}
        for attr_id, entry in enumerate(ruler.patterns):
            key = str(attr_id)
            patterns = cast("list[list[dict[str, Any]]]", entry["patterns"])
            for pattern in patterns:
                if len(pattern) != 1:
                    self._multi.add(key, [pattern])
                    continue
                self._file(_Rule(attr_id, self._strings.add(key), self._test(pattern[0])), pattern[0])

    @staticmethod
    def _test(token: dict[str, Any]) -> Test:
        unknown = set(token) - set(_COLUMNS)
        if unknown:
            raise ValueError(f"attribute_ruler pattern tests {sorted(unknown)}: not supported by the table")
        tests = [_value_test(_COLUMNS.index(name), spec) for name, spec in token.items()]
        return lambda lower, tag, dep, space: all(t((lower, tag, dep, space)) for t in tests)

    def _file(self, rule: _Rule, token: dict[str, Any]) -> None:
        for name, index in (("LOWER", self._by_lower), ("TAG", self._by_tag)):
            keys = _keys(token.get(name))
            if keys is not None:
                for key in dict.fromkeys(keys):
                    index.setdefault(key, []).append(rule)
                return
        self._always.append(rule)

    def _rules_for(self, lower: str, tag: str, dep: str, is_space: bool) -> tuple[tuple[int, int], ...]:
        hits = []
        for rules in (self._by_lower.get(lower, ()), self._by_tag.get(tag, ()), self._always):
            for rule in rules:
                if rule.test(lower, tag, dep, is_space):
                    hits.append((rule.attr_id, rule.match_id))
        return tuple(hits)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        found: list[tuple[int, int, int, int]] = []
        if len(doc):
            strings, known = self._strings, self._known
            if len(known) > _MAX_KNOWN:
                known.clear()
            columns = doc.to_array(list(_COLUMNS)).T.tolist()
            for i, key in enumerate(zip(*columns, strict=True)):
                hits = known.get(key)
                if hits is None:
                    lower_id, tag_id, dep_id, space = key
                    hits = self._rules_for(strings[lower_id], strings[tag_id], strings[dep_id], bool(space))
                    known[key] = hits
                found.extend((attr_id, match_id, i, i + 1) for attr_id, match_id in hits)
        if len(self._multi):  # the rules over two tokens, when the model has any
            for match_id, start, end in self._multi(doc, allow_missing=True, as_spans=False):
                found.append((int(self._strings[match_id]), match_id, start, end))
        found.sort()
        return found


def index_attribute_ruler(nlp: Language) -> None:
    """Give the pipeline's ``attribute_ruler`` (if any) the indexed matcher; its annotations are unchanged."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = cast("AttributeRuler", nlp.get_pipe("attribute_ruler"))
    ruler.match = IndexedRuleMatcher(ruler).match  # type: ignore[method-assign]


# Forms the small model tags or lemmatises wrongly: prefixed irregular pasts it reads as presents ("Iraqi forces
# retook Ramadi": VBP, lemma "retook", which made a capture read as a standing situation), and verbs it cuts to
# another word ("staged" -> "stag", "waged" -> "wag", "raped" -> "rap"), which hid "staged rallies".
_PAST_FORMS = {"retook": "retake", "mistook": "mistake", "outfought": "outfight", "forsook": "forsake"}
_LEMMAS = {"staged": "stage", "staging": "stage", "waged": "wage", "waging": "wage", "raped": "rape", "raping": "rape"}


def fix_past_forms(doc: Doc) -> Doc:
    """Tag and lemmatise the forms of ``_PAST_FORMS`` as the verbs' pasts, and give ``_LEMMAS`` their lemmas."""
    for token in doc:
        low = token.lower_
        if low in _PAST_FORMS and token.pos_ == "VERB":
            token.tag_, token.lemma_ = "VBD", _PAST_FORMS[low]
        elif low in _LEMMAS and token.pos_ == "VERB":
            token.lemma_ = _LEMMAS[low]
    return doc
