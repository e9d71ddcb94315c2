"""pipeline.process: every article gives an Analysis or a ProcessingFailure, and the batch goes on."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from eventwatch import pipeline
from eventwatch.config import load_config
from eventwatch.records import Analysis, Article

_SHORT = "Police arrested two men in Paris on Monday, officials said."
# ~150,000 characters on one line: parsing all of it takes several seconds on any machine.
_LONG = "The army shelled villages near Aleppo on Tuesday, killing four civilians, a monitor said. " * 1700


def _article(ext: str, text: str) -> Article:
    return Article(id=ext, content_hash=ext, text=text, ext_id=ext)


def test_process_reports_a_document_over_the_time_limit_and_goes_on() -> None:
    cfg = load_config(doc_timeout_s=1.0)
    list(pipeline.process([_article("warm", _SHORT)], cfg))  # load the model and lexicons outside the limit
    results = list(pipeline.process([_article("long", _LONG), _article("short", _SHORT)], cfg))
    failure, analysis = results
    assert isinstance(failure, pipeline.ProcessingFailure)
    assert failure.article.ext_id == "long"
    assert failure.reason == "timed out after 1 s"
    assert failure.message() == "process: long: nlp failed (timed out after 1 s); skipped"
    assert isinstance(analysis, Analysis)
    assert [m.plover for m in analysis.event_mentions] == ["COERCE"]


def test_process_reports_a_timeout_in_a_worker_thread_too() -> None:
    cfg = load_config(doc_timeout_s=1.0)
    list(pipeline.process([_article("warm", _SHORT)], cfg))
    articles = [_article("long", _LONG), _article("short", _SHORT)]
    with ThreadPoolExecutor(max_workers=1) as pool:  # Dask workers run tasks in threads, never the main one
        failure, analysis = pool.submit(lambda: list(pipeline.process(articles, cfg))).result()
    assert isinstance(failure, pipeline.ProcessingFailure)
    assert failure.reason == "timed out after 1 s"
    assert isinstance(analysis, Analysis)


def test_process_keeps_order_and_gives_one_result_per_article(seed_text: str) -> None:
    articles = [_article("seed", seed_text), _article("short", _SHORT), _article("empty", "   \n\n ")]
    results = list(pipeline.process(articles, load_config()))
    assert [r.article.ext_id for r in results] == ["seed", "short", "empty"]
    assert all(isinstance(r, Analysis) for r in results)


def test_analyse_within_the_time_limit_equals_the_stages_run_one_by_one(seed_text: str) -> None:
    from eventwatch import attribute, extract, fuse, geo, nlp

    cfg = load_config()
    article = _article("seed", seed_text)
    by_stage = next(fuse.run(geo.run(attribute.run(extract.run(nlp.run([article], cfg), cfg), cfg), cfg), cfg))
    assert pipeline.analyse(article, cfg).event_mentions == by_stage.event_mentions


def test_a_window_of_short_articles_gives_what_each_article_gives_alone(seed_text: str) -> None:
    cfg = load_config()
    articles = [_article("seed", seed_text), _article("short", _SHORT), _article("seed-again", seed_text + " ")]
    assert sum(len(a.text) for a in articles) <= pipeline.WINDOW_CHARS  # one parser window
    together = list(pipeline.process(articles, cfg))
    alone = [next(pipeline.process([a], cfg)) for a in articles]
    assert all(isinstance(r, Analysis) for r in together)
    assert [r.event_mentions for r in together] == [r.event_mentions for r in alone]  # type: ignore[union-attr]
    assert [r.places for r in together] == [r.places for r in alone]  # type: ignore[union-attr]


def test_a_window_whose_shared_parse_fails_is_parsed_article_by_article(
    seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwatch import nlp

    def broken(*_: object) -> None:  # the shared parse raising, as one hostile article could make it
        raise RuntimeError("parser broke")

    monkeypatch.setattr(nlp, "run", broken)
    results = list(pipeline.process([_article("seed", seed_text), _article("short", _SHORT)], load_config()))
    assert [r.article.ext_id for r in results] == ["seed", "short"]
    assert all(isinstance(r, Analysis) for r in results)


_REVIEW = "The new laptop hit 44 dBa under load, and reviewers liked its keyboard and its screen."


def test_process_stores_an_article_the_screen_stops_unparsed_in_its_place(seed_text: str) -> None:
    articles = [_article("review", _REVIEW), _article("seed", seed_text), _article("short", _SHORT)]
    review, seed, short = pipeline.process(articles, load_config())
    assert isinstance(review, Analysis) and review.article.ext_id == "review"
    assert review.parsed.sentences == () and review.event_mentions == ()
    assert review.notes and review.notes[0].startswith("not parsed:")
    assert isinstance(seed, Analysis) and isinstance(short, Analysis)
    assert seed.event_mentions and [m.plover for m in short.event_mentions] == ["COERCE"]


def test_process_parses_every_article_when_the_screen_is_off() -> None:
    (review,) = pipeline.process([_article("review", _REVIEW)], load_config(screen_min_mentions=0))
    assert isinstance(review, Analysis) and review.parsed.sentences and not review.notes
