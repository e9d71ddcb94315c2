"""nlp stage: paragraphs, sentences, entities and dependency parses for each article.

Every component of the pipeline is used downstream (tags, lemmas and parses by extract and attribute, entity
labels by all three later stages), so each paragraph goes through the whole spaCy pipeline; the unused
``senter`` is left out when the model is loaded, and by default the model's entity recognizer is replaced by
a tagger on the parser's own token vectors (``nlp/entities.py``, about half the parse's cost less).
Paragraphs are parsed as separate docs (sentences never cross a line break), so parsing them in batches,
across articles or not, gives the same docs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventwatch.config import Config
from eventwatch.nlp.model import load_model
from eventwatch.nlp.paragraphs import split_paragraphs
from eventwatch.records import Article, ParsedArticle, ParsedDoc, Sentence, Span

__all__ = ["assemble", "load_model", "parse_article", "parse_paragraphs", "run", "split_paragraphs"]


def assemble(article: Article, docs: Iterable[ParsedDoc]) -> ParsedArticle:
    """The ``ParsedArticle`` of ``article`` from its parsed paragraphs (in text order)."""
    docs = tuple(docs)
    sentences: list[Sentence] = []
    for paragraph, parsed in enumerate(docs):
        for sent in parsed.doc.sents:
            text = sent.text
            stripped = text.strip()
            if not stripped:
                continue
            start = parsed.offset + sent.start_char + (len(text) - len(text.lstrip()))
            sentences.append(Sentence(article.id, len(sentences), paragraph, Span(start, start + len(stripped))))
    return ParsedArticle(article=article, sentences=tuple(sentences), docs=docs)


def _paragraphs(article: Article, cfg: Config) -> list[Span]:
    return split_paragraphs(article.text, max_chars=cfg.max_paragraph_chars, max_word_chars=cfg.max_word_chars)


def _batches(spans: list[Span], max_docs: int, max_chars: int) -> Iterator[list[Span]]:
    """``spans`` in runs of at most ``max_docs`` spans and (unless one span alone is longer) ``max_chars``."""
    batch: list[Span] = []
    chars = 0
    for span in spans:
        size = span.end - span.start
        if batch and (len(batch) >= max_docs or chars + size > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(span)
        chars += size
    if batch:
        yield batch


def parse_paragraphs(article: Article, cfg: Config) -> Iterator[ParsedDoc]:
    """The parsed paragraphs of one article, lazily and in order.

    Paragraphs go to ``nlp.pipe`` in batches of at most ``nlp_batch_size`` paragraphs and
    ``max_paragraph_chars`` characters, so a caller checking a deadline between yielded docs waits at
    most one bounded batch.
    """
    nlp = load_model(cfg.spacy_model, cfg.entity_recognizer)
    spans = _paragraphs(article, cfg)
    for batch in _batches(spans, cfg.nlp_batch_size, cfg.max_paragraph_chars):
        texts = [span.slice(article.text) for span in batch]
        for span, doc in zip(batch, nlp.pipe(texts, batch_size=cfg.nlp_batch_size), strict=True):
            yield ParsedDoc(offset=span.start, doc=doc)


def run(articles: Iterable[Article], cfg: Config) -> Iterator[ParsedArticle]:
    """Parse each article's paragraphs, batched across articles by ``nlp.pipe``; order is kept.

    Streams: at most one batch of paragraphs (plus the article being filled) is held at a time.
    """
    nlp = load_model(cfg.spacy_model, cfg.entity_recognizer)

    def paragraphs() -> Iterator[tuple[str, tuple[Article, int, bool]]]:
        for article in articles:
            spans = _paragraphs(article, cfg)
            if not spans:
                yield "", (article, -1, True)  # an empty doc stands for an article without paragraphs
            for index, span in enumerate(spans):
                yield span.slice(article.text), (article, span.start, index == len(spans) - 1)

    docs: list[ParsedDoc] = []
    for doc, (article, offset, is_last) in nlp.pipe(paragraphs(), batch_size=cfg.nlp_batch_size, as_tuples=True):
        if offset >= 0:
            docs.append(ParsedDoc(offset=offset, doc=doc))
        if is_last:
            yield assemble(article, docs)
            docs = []


def parse_article(article: Article, cfg: Config) -> ParsedArticle:
    """One article through the nlp stage (convenience for tests and the CLI)."""
    return assemble(article, parse_paragraphs(article, cfg))
