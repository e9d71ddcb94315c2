"""Helpers over spaCy tokens: article offsets, noun-phrase extents, coordination, sentence lookup."""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwatch.records import ParsedArticle, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

log = logging.getLogger(__name__)

# Dependents that are not part of the name of a source: relative clauses, coordination (split elsewhere),
# and parentheticals that start a new clause.
_NP_DROP = frozenset({"relcl", "conj", "cc", "preconj", "advcl", "parataxis"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


@dataclass(frozen=True, slots=True)
class Sent:
    """One sentence of the article: the spaCy span, the paragraph's article offset and indices."""

    index: int
    paragraph: int
    offset: int
    span: SpacySpan

    @property
    def start(self) -> int:
        return self.offset + self.span.start_char

    @property
    def end(self) -> int:
        return self.offset + self.span.end_char

    def char_span(self) -> Span:
        text = self.span.text
        lead = len(text) - len(text.lstrip())
        return Span(self.start + lead, self.start + len(text.rstrip()))


class ArticleView:
    """The sentences of a parsed article with lookups from article offsets."""

    def __init__(self, parsed: ParsedArticle) -> None:
        self.text = parsed.article.text
        sents: list[Sent] = []
        for paragraph, doc in enumerate(parsed.docs):
            for sent in doc.doc.sents:
                if sent.text.strip():
                    sents.append(Sent(len(sents), paragraph, doc.offset, sent))
        self.sents = tuple(sents)
        self._starts = [s.start for s in self.sents]

    def sent_at(self, offset: int) -> Sent | None:
        """The sentence holding article offset ``offset`` (None past the parsed text)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return None
        sent = self.sents[i]
        return sent if offset < sent.end else None

    def token_at(self, offset: int) -> tuple[Sent, Token] | None:
        sent = self.sent_at(offset)
        if sent is None:
            return None
        local = offset - sent.offset
        for token in sent.span:
            if token.idx <= local < token.idx + max(len(token.text), 1):
                return sent, token
        return None

    def main_token(self, span: Span) -> tuple[Sent, Token] | None:
        """The highest token of the parse inside ``span`` (the clause head of an evidence string)."""
        sent = self.sent_at(span.start)
        if sent is None:
            return None
        inside = [
            t for t in sent.span if span.start <= sent.offset + t.idx < span.end and not t.is_punct and not t.is_space
        ]
        if not inside:
            return None
        return sent, min(inside, key=lambda t: (depth(t), t.i))


def depth(token: Token) -> int:
    d = 0
    while token.head.i != token.i and d < 100:
        token = token.head
        d += 1
    return d


def is_subject(token: Token) -> bool:
    return token.dep_ in _SUBJECTS


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def child(token: Token, *deps: str) -> Token | None:
    found = children(token, *deps)
    return found[0] if found else None


def np_tokens(head: Token, drop: Iterable[str] = _NP_DROP) -> list[Token]:
    """The noun phrase of ``head``: its subtree without dropped dependents, as one contiguous run of tokens.

    Dropped dependents are cut only where they leave the phrase contiguous (a relative clause at the end),
    so the result always slices the text.
    """
    banned: set[int] = set()
    drop = frozenset(drop)
    doc = head.doc
    for c in head.children:
        # A participle clause with its own object or clause says what the phrase said, not who it is: "a
        # statement saying an attack … produced no casualties".
        if (
            c.dep_ in drop
            or (c.dep_ == "appos" and c.i > head.i and _runs_into_clause(c))
            or (c.dep_ == "acl" and c.tag_ == "VBG" and any(g.dep_ in ("ccomp", "dobj") for g in c.children))
        ):
            banned.update(t.i for t in c.subtree)
    left = head.i
    while left - 1 >= head.left_edge.i and (left - 1) not in banned:
        left -= 1
    right = head.i
    while right + 1 <= head.right_edge.i and (right + 1) not in banned:
        right += 1
    tokens = [doc[i] for i in range(left, right + 1)]
    for k, tok in enumerate(tokens[:-1]):
        if (
            tok.i > head.i
            and tok.text == ","
            and (tokens[k + 1].pos_ in ("ADV", "ADP", "SCONJ") or tokens[k + 1].tag_ == "VBG")
        ):
            # "a field commander, presumably in the city", "two officials, speaking on condition of anonymity":
            # a comment on the source, not part of its name (an appositive, "Dmitry Peskov, Putin's spokesman",
            # starts with a noun phrase and stays).
            tokens = tokens[:k]
            break
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ in ("cc", "case")):
        tokens.pop()
    opened = [k for k, t in enumerate(tokens) if t.text == "("]
    if opened and not any(t.text == ")" for t in tokens[opened[-1] :]):
        # a parenthesis the cut above left open: "The Iranian Revolutionary Guard Corps (IRGC), which ..."
        tokens = tokens[: opened[-1]]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
            tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].dep_ == "preconj"):
        tokens.pop(0)
    return tokens or [head]


def _runs_into_clause(appos: Token) -> bool:
    """An "appositive" that no punctuation closes is the next clause's subject, which the parser hung on the
    name before it: "According to U.S. Attorney Bash, the manifesto if written by the suspect could ..."
    ("Dmitry Peskov, Putin's spokesman." and "Boris Johnson, the Foreign Secretary, said" stay)."""
    doc, before, after = appos.doc, appos.left_edge.i - 1, appos.right_edge.i + 1
    opened = before >= 0 and doc[before].text == ","  # not a name the parser split: "Arnel dela Vega"
    return opened and after < len(doc) and not doc[after].is_punct


def conjuncts(head: Token) -> list[Token]:
    """``head`` and the heads coordinated with it ("witness accounts and authorities" -> accounts, "
    "authorities)."""
    out = [head]
    stack = [c for c in head.children if c.dep_ == "conj"]
    while stack:
        token = stack.pop(0)
        if token.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(token)
        stack.extend(c for c in token.children if c.dep_ == "conj")
    return out


_RELATIVE_PRONOUNS = frozenset({"who", "which"})
_CLAUSE_LINKS = frozenset({"conj", "ccomp", "parataxis", "advcl"})


def misparsed_relative(verb: Token) -> Token | None:
    """The noun a relative clause the parser linked to the main verb stands for, else None.

    "S, according to police, who said ...": the small model hangs "who said" on the main verb as a conjunct
    or complement (or puts "according to" under it), so the pronoun is the subject of a second main clause.
    The noun just before ", who" is the speaker.
    """
    if verb.dep_ not in _CLAUSE_LINKS or verb.i < verb.head.i:
        return None
    pronoun = child(verb, "nsubj")
    if pronoun is None or pronoun.lower_ not in _RELATIVE_PRONOUNS or pronoun.i < 2:
        return None
    comma, noun = pronoun.doc[pronoun.i - 1], pronoun.doc[pronoun.i - 2]
    if comma.text != "," or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    while noun.dep_ in ("compound", "flat") and noun.head.i > noun.i and noun.head.i < comma.i:
        noun = noun.head
    return noun


def offsets(sent: Sent, tokens: list[Token]) -> Span:
    start = sent.offset + tokens[0].idx
    last = tokens[-1]
    return Span(start, sent.offset + last.idx + len(last.text))


def subtree_span(sent: Sent, token: Token) -> Span:
    return offsets(sent, list(token.subtree))


def clause_verb(token: Token) -> Token:
    """The nearest verbal ancestor of ``token`` (itself if it is a verb); the root otherwise."""
    current = token
    for _ in range(50):
        if current.pos_ in ("VERB", "AUX") and current is not token:
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def words(tokens: Iterable[Token]) -> Iterator[str]:
    for token in tokens:
        yield token.lower_
