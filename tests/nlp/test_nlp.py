from eventwatch.config import load_config
from eventwatch.nlp import parse_article
from eventwatch.records import Article


def _article(text: str) -> Article:
    return Article(id="a1", content_hash="h1", text=text)


def test_parse_article_sentence_spans_slice_to_sentence_text(seed_text: str) -> None:
    parsed = parse_article(_article(seed_text), load_config())
    assert parsed.sentences
    for sentence in parsed.sentences:
        surface = sentence.span.slice(seed_text)
        assert surface == surface.strip() and surface


def test_parse_article_sentences_never_cross_a_line_break() -> None:
    text = "Syria\nNear Raqqa, one strike destroyed a tank\nIraq\nNear Mosul, two strikes hit a bridge."
    parsed = parse_article(_article(text), load_config())
    assert all("\n" not in s.span.slice(text) for s in parsed.sentences)
    assert len(parsed.sentences) == 4


def test_parse_article_token_offsets_map_into_article_text() -> None:
    text = "First line here.\n\nThe Syrian army attacked Aleppo on Tuesday."
    parsed = parse_article(_article(text), load_config())
    last = parsed.docs[-1]
    for token in last.doc:
        assert text[last.offset + token.idx : last.offset + token.idx + len(token.text)] == token.text
