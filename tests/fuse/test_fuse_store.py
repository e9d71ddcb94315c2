"""``eventwatch.fuse.fuse_store`` through the real pipeline and a real store (SQLite and PostgreSQL).

The seed article says air strikes hit the eastern districts of Aleppo, that pro-Jihadi outlets claim Russian
involvement and that Peskov denies it; ``tests/data/fusion/001_east_aleppo_russian_jets.txt`` (written for
this test, see its SOURCE.md) confirms Russian involvement. Fused, the strikes are one contested event.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import TEST_DATA
from tests.store._records import city, one_event_analysis, variant_text

from eventwatch import fuse, ingest, pipeline
from eventwatch.config import Config, load_config
from eventwatch.errors import InputError
from eventwatch.records import Analysis, Plover, Source, SourceKind, Stance, Status
from eventwatch.store import EventDetail, EventFilters, Store, open_store

SEED = TEST_DATA / "seed" / "000_3df5cc3808da9925.txt"
CONFIRMATION = TEST_DATA / "fusion" / "001_east_aleppo_russian_jets.txt"


@pytest.fixture(scope="module")
def cfg() -> Config:
    return load_config()


@pytest.fixture(scope="module")
def analyses(cfg: Config) -> list[Analysis]:
    out = []
    for path in (SEED, CONFIRMATION):
        for article in ingest.read_inputs([str(path)], cfg):
            assert not isinstance(article, InputError), article
            out.append(pipeline.analyse(article, cfg))
    return out


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = str(tmp_path / "s.db") if request.param == "sqlite" else str(request.getfixturevalue("fresh_postgres_url"))
    with open_store(url) as st:
        yield st


def _events(store: Store) -> list[EventDetail]:
    out = []
    for row in store.query_events(EventFilters(limit=1000)):
        detail = store.get_event(row.id)
        assert detail is not None
        out.append(detail)
    return out


def _east_aleppo(store: Store) -> EventDetail:
    found = [d for d in _events(store) if any("eastern districts of Aleppo" in m.evidence_text for m in d.mentions)]
    assert len(found) == 1, [[m.evidence_text for m in d.mentions] for d in found]
    return found[0]


def _save_all(store: Store, analyses: list[Analysis], cfg: Config) -> int:
    fused = 0
    for analysis in analyses:
        store.save(analysis)
        fused += fuse.fuse_store(store, cfg)
    return fused


def test_fuse_store_east_aleppo_strikes_are_one_contested_event(
    store: Store, analyses: list[Analysis], cfg: Config
) -> None:
    _save_all(store, analyses, cfg)
    event = _east_aleppo(store)
    assert {m.article_id for m in event.mentions} == {a.article.id for a in analyses}
    assert event.event.status is Status.CONTESTED
    stances = {(c.source_name, c.stance) for c in event.claims}
    assert ("Dmitry Peskov", Stance.DENY) in stances
    assert ("Syrian Observatory for Human Rights", Stance.CONFIRM) in stances
    assert {s.name for s in event.sources if Stance.DENY in s.stances} >= {"Dmitry Peskov"}


def test_fuse_store_keeps_the_other_seed_events_apart(store: Store, analyses: list[Analysis], cfg: Config) -> None:
    _save_all(store, analyses, cfg)
    merged = [d for d in _events(store) if d.event.n_articles > 1]
    assert len(merged) == 1
    assert store.counts().events == sum(len(a.event_mentions) for a in analyses) - 1


def test_fuse_store_merged_event_id_still_resolves(store: Store, analyses: list[Analysis], cfg: Config) -> None:
    _save_all(store, analyses, cfg)
    event = _east_aleppo(store)
    assert len(event.aliases) == 1
    again = store.get_event(event.aliases[0])
    assert again is not None and again.event.id == event.event.id


def test_fuse_store_second_call_fuses_nothing_and_changes_nothing(
    store: Store, analyses: list[Analysis], cfg: Config
) -> None:
    assert _save_all(store, analyses, cfg) == sum(len(a.event_mentions) for a in analyses)
    before = _events(store)
    assert fuse.fuse_store(store, cfg) == 0
    assert _events(store) == before


def test_fuse_store_batches_in_any_order_end_the_same(tmp_path: Path, analyses: list[Analysis], cfg: Config) -> None:
    results = []
    for name, order in (("forward", analyses), ("backward", analyses[::-1])):
        with open_store(str(tmp_path / f"{name}.db")) as st:
            _save_all(st, order, cfg)
            results.append(sorted((d.event.id, d.event.status, len(d.mentions)) for d in _events(st)))
    assert results[0] == results[1]


def test_fuse_store_concurrent_callers_fuse_each_mention_once(
    store: Store, analyses: list[Analysis], cfg: Config
) -> None:
    for analysis in analyses:
        store.save(analysis)
    counts: list[int] = []
    errors: list[BaseException] = []

    def fuse_once() -> None:
        try:
            counts.append(fuse.fuse_store(store, cfg))
        except BaseException as exc:  # reported below: a thread's exception would otherwise vanish
            errors.append(exc)

    threads = [threading.Thread(target=fuse_once) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(counts) == [0, 0, sum(len(a.event_mentions) for a in analyses)]
    assert _east_aleppo(store).event.status is Status.CONTESTED


def test_fuse_store_source_count_does_not_depend_on_what_other_articles_said_of_a_shared_source(
    tmp_path: Path, cfg: Config
) -> None:
    """Two articles' "Officials" share one source row; each claim's voice is what its own article said.

    Russian officials and a Russian governor are one state voice in the Magnitogorsk-like article; another
    article's Afghan "Officials", stored first, must not split them into two independent sources.
    """
    officials_rus = Source("Officials", SourceKind.OFFICIAL, country="RUS")
    governor = Source("Regional governor Boris Dubrovsky", SourceKind.OFFICIAL, country="RUS")
    officials_afg = Source("Officials", SourceKind.OFFICIAL, country="AFG")
    blast = one_event_analysis(
        variant_text(1),
        "ev-blast",
        date="2018-12-31",
        place=city("Magnitogorsk", 53.41861, 59.04722, "RUS"),
        sources=(officials_rus, governor),
    )
    other = one_event_analysis(
        variant_text(2),
        "ev-other",
        plover=Plover.PROTEST,
        date="2019-06-01",
        place=city("Kabul", 34.52813, 69.17233, "AFG"),
        sources=(officials_afg,),
    )
    counts = []
    for name, order in (("blast-first", [blast, other]), ("other-first", [other, blast])):
        with open_store(str(tmp_path / f"{name}.db")) as st:
            for analysis in order:  # one batch per article, fused after each, as `eventwatch run` does
                st.save(analysis)
                fuse.fuse_store(st, cfg)
            blast_event = next(d for d in _events(st) if any(m.article_id == blast.article.id for m in d.mentions))
            counts.append(blast_event.event.n_sources)
    assert counts == [1, 1]


def test_paced_fusion_waits_for_its_interval_and_ends_as_fusing_every_batch(
    tmp_path: Path, analyses: list[Analysis], cfg: Config
) -> None:
    ends = []
    for name, interval in (("every-batch", 0.0), ("paced", 3600.0)):
        with open_store(str(tmp_path / f"{name}.db")) as st:
            fusion = fuse.PacedFusion(st, cfg.with_overrides(fusion_interval_s=interval))
            for analysis in analyses:  # one batch per article
                st.save(analysis)
                fusion.after_batch()
            fused_before_finish = fusion.fused
            fusion.finish()
            assert fuse.fuse_store(st, cfg) == 0  # nothing left unfused
            ends.append(sorted((d.event.id, d.event.status, len(d.mentions)) for d in _events(st)))
        if interval:
            assert fused_before_finish == 0  # within the interval: nothing fused until the end
        else:
            assert fused_before_finish > 0
    assert ends[0] == ends[1]
    assert any(n == 2 for _, _, n in ends[0])  # the seed's east-Aleppo strikes and their confirmation, fused


def test_paced_fusion_finish_fuses_what_an_interrupted_run_left(
    store: Store, analyses: list[Analysis], cfg: Config
) -> None:
    for analysis in analyses:
        store.save(analysis)  # stored, never fused: the run was killed before its next fusion
    fusion = fuse.PacedFusion(store, cfg)
    fusion.finish()  # a resumed run that stores nothing new
    assert fusion.fused > 0 and fuse.fuse_store(store, cfg) == 0
