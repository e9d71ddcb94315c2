from eventwatch.config import load_config
from eventwatch.nlp import load_model, parse_article, run
from eventwatch.records import Article, ParsedArticle


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


def _tokens(parsed: ParsedArticle) -> list[tuple[object, ...]]:
    return [
        (d.offset, t.idx, t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start)
        for d in parsed.docs
        for t in d.doc
    ]


def test_run_batched_across_articles_gives_the_same_parses_as_one_by_one(seed_text: str) -> None:
    cfg = load_config(nlp_batch_size=4)
    texts = [seed_text, "Syria\nNear Raqqa, one strike destroyed a tank.", "", "Protesters marched in Minsk."]
    articles = [Article(id=f"a{i}", content_hash=f"h{i}", text=t) for i, t in enumerate(texts)]
    batched = list(run(articles, cfg))
    assert [p.article.id for p in batched] == ["a0", "a1", "a2", "a3"]
    for together, article in zip(batched, articles, strict=True):
        alone = parse_article(article, cfg)
        assert together.sentences == alone.sentences
        assert _tokens(together) == _tokens(alone)


def test_parse_article_cuts_an_overlong_paragraph_into_bounded_docs() -> None:
    text = "Soldiers fired on protesters in the capital, witnesses said. " * 20
    parsed = parse_article(_article(text), load_config(max_paragraph_chars=200))
    assert len(parsed.docs) > 1
    assert all(len(d.doc.text) <= 200 for d in parsed.docs)
    for sentence in parsed.sentences:
        assert sentence.span.slice(text).strip() == sentence.span.slice(text)


def test_load_model_leaves_out_the_unused_sentence_recognizer() -> None:
    nlp = load_model(load_config().spacy_model)
    assert "senter" not in nlp.component_names
    assert nlp.pipe_names == [
        "tok2vec",
        "tagger",
        "parser",
        "attribute_ruler",
        "lemmatizer",
        "eventwatch_past_forms",
        "eventwatch_entity_tagger",
    ]


def test_nlp_splits_a_dot_glued_to_the_next_word_off_it() -> None:
    """Scraped quotes glue an ellipsis's last dot to the next word: "….the army" must keep its determiner."""
    cfg = load_config()
    doc = load_model(cfg.spacy_model)("“….the Syrian army operation is aimed at two objectives. See example.com.")
    words = [t.text for t in doc]
    assert "the" in words and ".the" not in words
    assert any(t.text == "the" and t.dep_ == "det" for t in doc)
    assert "example.com" in words  # a dot inside a word is untouched


def test_load_model_tags_a_prefixed_irregular_past_as_a_past() -> None:
    nlp = load_model(load_config().spacy_model)
    retook = nlp("Iraqi forces retook the city of Ramadi on Monday.")[2]
    assert (retook.tag_, retook.lemma_) == ("VBD", "retake")


def test_load_model_lemmatises_verbs_the_model_cuts_to_other_words() -> None:
    nlp = load_model(load_config().spacy_model)
    assert [nlp(f"Activists {v} the protest.")[1].lemma_ for v in ("staged", "waged")] == ["stage", "wage"]


def test_load_model_keeps_a_rank_with_its_name_in_one_sentence() -> None:
    nlp = load_model(load_config().spacy_model)
    doc = nlp("Staff Sgt. Maria Lopez was wounded in the attack near Mosul.")
    assert len(list(doc.sents)) == 1 and doc[1].text == "Sgt."
