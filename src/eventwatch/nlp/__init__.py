"""nlp stage: paragraphs, sentences, entities and dependency parses for each article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventwatch.config import Config
from eventwatch.nlp.model import load_model
from eventwatch.nlp.paragraphs import split_paragraphs
from eventwatch.records import Article, ParsedArticle, ParsedDoc, Sentence, Span

__all__ = ["load_model", "parse_article", "run", "split_paragraphs"]


def _assemble(article: Article, docs: list[ParsedDoc]) -> ParsedArticle:
    sentences: list[Sentence] = []
    for paragraph, parsed in enumerate(docs):
        for sent in parsed.doc.sents:
            text = sent.text
            stripped = text.strip()
            if not stripped:
                continue
            start = parsed.offset + sent.start_char + (len(text) - len(text.lstrip()))
            sentences.append(Sentence(article.id, len(sentences), paragraph, Span(start, start + len(stripped))))
    return ParsedArticle(article=article, sentences=tuple(sentences), docs=tuple(docs))


def run(articles: Iterable[Article], cfg: Config) -> Iterator[ParsedArticle]:
    """Parse each article's paragraphs with ``nlp.pipe`` (batched across articles); order is kept."""
    nlp = load_model(cfg.spacy_model)
    for article in articles:
        spans = split_paragraphs(article.text)
        texts = [span.slice(article.text) for span in spans]
        docs = [
            ParsedDoc(offset=span.start, doc=doc)
            for span, doc in zip(spans, nlp.pipe(texts, batch_size=cfg.nlp_batch_size), strict=True)
        ]
        yield _assemble(article, docs)


def parse_article(article: Article, cfg: Config) -> ParsedArticle:
    """One article through the nlp stage (convenience for tests and the CLI)."""
    return next(run([article], cfg))
