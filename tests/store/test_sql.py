"""``eventwatch.store.sql``: saving analyses and reading them back through the ``Store`` interface."""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from eventwatch.errors import StoreError
from eventwatch.records import Analysis, Claim, Source, SourceKind, Span, Stance
from eventwatch.store import EventFilters, SaveOutcome, Store, StoreCounts, open_store
from eventwatch.store.sql import to_url
from tests.store._db import query
from tests.store._records import SEED_URL, load_seed, one_event_analysis, seed_analysis, variant_text
from tests.store._workers import save_variants

SEED_COUNTS = dict(articles=1, events=3, event_mentions=3, claims=5, sources=6, places=5, contested_events=1)


def _sentence_count(a: Analysis) -> int:
    return len(a.parsed.sentences)


def test_save_new_article_is_stored(store: Store, seed: Analysis) -> None:
    assert store.save(seed) is SaveOutcome.STORED


def test_counts_after_save_match_the_analysis(store: Store, seed: Analysis) -> None:
    store.save(seed)
    assert store.counts() == StoreCounts(
        **SEED_COUNTS, sentences=_sentence_count(seed), events_by_type={"ASSAULT": 2, "MOBILIZE": 1}
    )


def test_counts_of_empty_store_are_zero(store: Store) -> None:
    assert store.counts() == StoreCounts(0, 0, 0, 0, 0, 0, 0, 0, {})


@pytest.mark.parametrize(
    "again",
    [
        pytest.param(lambda: seed_analysis(), id="same-analysis"),
        pytest.param(lambda: seed_analysis(url="https://mirror.example/aleppo"), id="same-text-other-url"),
        pytest.param(lambda: seed_analysis(url=None), id="same-text-no-url"),
    ],
)
def test_save_again_is_duplicate_and_changes_no_count(store: Store, seed: Analysis, again) -> None:  # type: ignore[no-untyped-def]
    store.save(seed)
    before = store.counts()
    assert store.save(again()) is SaveOutcome.DUPLICATE
    assert store.counts() == before


def test_save_same_text_under_second_url_records_the_url(store_url: str, seed: Analysis) -> None:
    with open_store(store_url) as store:
        store.save(seed)
        store.save(seed_analysis(url="https://mirror.example/aleppo"))
        store.save(seed_analysis(url="https://mirror.example/aleppo"))  # twice: still one row
    sql = "SELECT a.url, u.url FROM article_urls u JOIN articles a ON a.id = u.article_id"
    assert query(store_url, sql) == [(SEED_URL, "https://mirror.example/aleppo")]


def _bad_source_kind(a: Analysis) -> Analysis:
    m = a.event_mentions[1]
    bad = replace(m.claims[1], source=Source("somebody", "bogus"))
    return replace(a, event_mentions=(a.event_mentions[0], replace(m, claims=(m.claims[0], bad)), a.event_mentions[2]))


def _bad_stance(a: Analysis) -> Analysis:
    m = a.event_mentions[2]
    bad = replace(m.claims[0], stance="whisper")
    return replace(a, event_mentions=(*a.event_mentions[:2], replace(m, claims=(bad,))))


def _duplicate_mention_id(a: Analysis) -> Analysis:
    m0, m1, m2 = a.event_mentions
    return replace(a, event_mentions=(m0, m1, replace(m2, id=m1.id)))


@pytest.mark.parametrize("spoil", [_bad_source_kind, _bad_stance, _duplicate_mention_id])
def test_save_failing_mid_article_stores_nothing_of_it(store: Store, spoil) -> None:  # type: ignore[no-untyped-def]
    first = seed_analysis()
    store.save(first)
    before = store.counts()
    bad = spoil(seed_analysis(variant_text(1)))
    with pytest.raises(StoreError, match=f"article {bad.article.id}"):
        store.save(bad)
    assert store.counts() == before
    assert not store.has_article(bad.article.id)
    assert store.has_article(first.article.id)


def test_save_after_failed_article_still_works(store: Store) -> None:
    with pytest.raises(StoreError):
        store.save(_bad_stance(seed_analysis(variant_text(1))))
    assert store.save(seed_analysis(variant_text(1))) is SaveOutcome.STORED


def test_save_span_past_text_end_raises_store_error(store: Store, seed: Analysis) -> None:
    m = seed.event_mentions[0]
    n = len(seed.article.text)
    bad = replace(seed, event_mentions=(replace(m, trigger=Span(n - 1, n + 5)),))
    with pytest.raises(StoreError, match="past the text end"):
        store.save(bad)
    assert store.counts().articles == 0


@pytest.mark.parametrize(("saved", "expected"), [(True, True), (False, False)])
def test_has_article_tells_whether_stored(store: Store, seed: Analysis, saved: bool, expected: bool) -> None:
    if saved:
        store.save(seed)
    assert store.has_article(seed.article.id) is expected


def test_sources_are_one_row_per_distinct_source(store: Store) -> None:
    peskov = Source("Dmitry Peskov", SourceKind.OFFICIAL, name="Dmitry Peskov")
    spaced = Source("dmitry  PESKOV", SourceKind.OFFICIAL)
    store.save(one_event_analysis(variant_text(1), "ev-1", sources=(peskov,)))
    store.save(one_event_analysis(variant_text(2), "ev-2", sources=(spaced, peskov)))
    assert store.counts().sources == 1


def test_sources_same_name_other_kind_are_distinct(store: Store) -> None:
    as_media = Source("Reuters", SourceKind.MEDIA)
    as_author = Source("Reuters", SourceKind.AUTHOR)
    store.save(one_event_analysis(variant_text(1), "ev-1", sources=(as_media, as_author)))
    assert store.counts().sources == 2


def test_source_country_learned_later_fills_the_gap(store: Store) -> None:
    store.save(one_event_analysis(variant_text(1), "ev-1", sources=(Source("Dmitry Peskov", SourceKind.OFFICIAL),)))
    later = Source("Dmitry Peskov", SourceKind.OFFICIAL, country="RUS")
    store.save(one_event_analysis(variant_text(2), "ev-2", sources=(later,)))
    detail = store.get_event("ev-1")
    assert detail is not None
    assert detail.claims[0].source_country == "RUS"


@pytest.mark.parametrize("order", ["lower-first", "upper-first"])
def test_source_row_does_not_depend_on_save_order(store_url: str, order: str) -> None:
    # Parallel workers store articles in any order: the merged source row must come out the same.
    lower = Source("authorities", SourceKind.OFFICIAL, country="IND")
    upper = Source("Authorities", SourceKind.OFFICIAL, country="GBR", affiliation="Home Office")
    pair = [(1, lower), (2, upper)] if order == "lower-first" else [(2, upper), (1, lower)]
    with open_store(store_url) as store:
        for n, source in pair:
            store.save(one_event_analysis(variant_text(n), f"ev-{n}", sources=(source,)))
    assert query(store_url, "SELECT name, kind, country, affiliation FROM sources") == [
        ("Authorities", "official", "GBR", "Home Office")
    ]


def test_get_event_unknown_id_is_none(store: Store, seed: Analysis) -> None:
    store.save(seed)
    assert store.get_event("no-such-event") is None


def test_get_event_evidence_is_the_article_slice(store: Store, seed: Analysis) -> None:
    store.save(seed)
    text = seed.article.text
    for event in seed.events:
        detail = store.get_event(event.id)
        assert detail is not None
        for m in detail.mentions:
            assert m.evidence_text == text[m.evidence_start : m.evidence_end]
            assert m.trigger_text == text[m.trigger_start : m.trigger_end]
        for c in detail.claims:
            assert c.evidence_text == text[c.evidence_start : c.evidence_end]


def test_get_event_cue_offsets_select_the_cue_in_evidence(store: Store, seed: Analysis) -> None:
    store.save(seed)
    detail = store.get_event(seed.events[1].id)
    assert detail is not None
    cues = [c.evidence_text[c.cue_start_in_evidence : c.cue_end_in_evidence] for c in detail.claims]
    assert cues == ["confirmed", "claiming", "denied"]


def test_get_event_claims_carry_source_and_stance(store: Store, seed: Analysis) -> None:
    store.save(seed)
    detail = store.get_event(seed.events[1].id)
    assert detail is not None
    got = [(c.source_name, c.source_kind, c.source_country, c.stance, c.is_hedged, c.about) for c in detail.claims]
    assert got == [
        ("The Syrian military", SourceKind.MILITARY, "SYR", Stance.CONFIRM, True, "Syrian aircraft"),
        ("pro-Jihadi news outlets", SourceKind.MEDIA, None, Stance.CLAIM, False, "Russian involvement"),
        ("Dmitry Peskov", SourceKind.OFFICIAL, "RUS", Stance.DENY, False, "Russian involvement"),
    ]


def test_get_event_claim_keeps_via_chain(store: Store, seed: Analysis) -> None:
    store.save(seed)
    detail = store.get_event(seed.events[2].id)
    assert detail is not None
    assert [(c.source_text, c.via) for c in detail.claims] == [("a Syrian army field commander", ("Fars",))]


def test_get_event_mention_has_article_and_places(store: Store, seed: Analysis) -> None:
    store.save(seed)
    detail = store.get_event(seed.events[1].id)
    assert detail is not None
    (m,) = detail.mentions
    assert (m.article_id, m.article_title, m.article_url) == (seed.article.id, seed.article.title, SEED_URL)
    assert [(p.name, p.geonameid, p.qualifier) for p in m.places] == [("Aleppo", 170063, "eastern districts")]


def test_get_event_fused_across_articles_counts_both(store: Store) -> None:
    store.save(one_event_analysis(variant_text(1), "ev-shared"))
    store.save(one_event_analysis(variant_text(2), "ev-shared"))
    detail = store.get_event("ev-shared")
    assert detail is not None
    assert (detail.event.n_mentions, detail.event.n_articles, len(detail.mentions)) == (2, 2, 2)


def test_rows_are_identical_when_saved_into_two_stores(tmp_path: Path, store_url: str) -> None:
    # The second store is of the parametrized back end: PostgreSQL must give what SQLite gives.
    details = []
    for where in (str(tmp_path / "reference.db"), store_url):
        with open_store(where) as store:
            analysis = seed_analysis()
            store.save(analysis)
            details.append([store.get_event(e.id) for e in analysis.events])
    strip = [[replace(d, event=replace(d.event, first_seen="")) for d in ds if d] for ds in details]
    assert strip[0] == strip[1]


def test_iter_articles_returns_what_was_saved(store: Store) -> None:
    analyses = [seed_analysis(variant_text(n)) for n in range(3)]
    for a in analyses:
        store.save(a)
    assert list(store.iter_articles()) == sorted((a.article for a in analyses), key=lambda a: a.id)


@pytest.mark.parametrize("form", ["path", "sqlite-url"])
def test_open_store_accepts_path_or_url(tmp_path: Path, seed: Analysis, form: str) -> None:
    path = tmp_path / "s.db"
    with open_store(str(path) if form == "path" else f"sqlite:///{path}") as store:
        store.save(seed)
    with open_store(str(path)) as store:
        assert store.has_article(seed.article.id)


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("{tmp}/missing/folder/s.db", "does not exist"),
        ("mysql://user@localhost/db", "only SQLite and PostgreSQL"),
        ("{tmp}", "cannot open"),  # a folder, not a file
        ("postgresql://postgres@127.0.0.1:1/eventwatch", "cannot open"),  # port 1: nothing listens there
    ],
)
def test_open_store_bad_location_raises_store_error(tmp_path: Path, where: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(where.format(tmp=tmp_path))


def test_store_as_context_manager_keeps_data_after_exit(store_url: str, seed: Analysis) -> None:
    with open_store(store_url) as store:
        store.save(seed)
    with open_store(store_url) as store:
        assert store.query_events(EventFilters()) != []


def test_seed_text_is_the_shared_seed() -> None:
    assert load_seed().startswith("in ,\n\nCONFIRMED: Syrian army launches major offensive in Aleppo")


def test_claim_without_source_span_is_stored(store: Store, seed: Analysis) -> None:
    m = seed.event_mentions[0]
    claim = Claim(Source("the author", SourceKind.AUTHOR), Stance.ASSERT, m.evidence[0])
    store.save(replace(seed, event_mentions=(replace(m, claims=(claim,)),), events=seed.events[:1]))
    detail = store.get_event(seed.events[0].id)
    assert detail is not None
    assert [(c.source_text, c.cue_start_in_evidence) for c in detail.claims] == [("the author", None)]


def test_two_processes_saving_overlapping_articles_store_each_once(store_url: str) -> None:
    # The store is not created yet: both processes also race to create and migrate it.
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    batches = [list(range(0, 30)), list(range(15, 45))]
    workers = [ctx.Process(target=save_variants, args=(store_url, b, barrier, results)) for b in batches]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=60) for _ in workers]
    for w in workers:
        w.join(timeout=60)
    assert [w.exitcode for w in workers] == [0, 0]
    flat = [o for batch in outcomes for o in batch]
    assert [o for o in flat if o.startswith("error")] == []
    assert (flat.count(SaveOutcome.STORED), flat.count(SaveOutcome.DUPLICATE)) == (45, 15)
    with open_store(store_url) as store:
        counts = store.counts()
    assert (counts.articles, counts.events, counts.event_mentions) == (45, 45, 45)


def test_two_processes_saving_the_same_shared_event_count_every_mention(store_url: str) -> None:
    # Every article reports the same event id and the same source: both writers upsert the same rows.
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    batches = [list(range(0, 20)), list(range(10, 30))]
    args = [(store_url, b, barrier, results, "ev-shared") for b in batches]
    workers = [ctx.Process(target=save_variants, args=a) for a in args]
    for w in workers:
        w.start()
    outcomes = [o for _ in workers for o in results.get(timeout=60)]
    for w in workers:
        w.join(timeout=60)
    assert [o for o in outcomes if o.startswith("error")] == []
    with open_store(store_url) as store:
        detail = store.get_event("ev-shared")
        counts = store.counts()
    assert detail is not None
    assert (counts.articles, counts.events, counts.sources, counts.claims) == (30, 1, 2, 60)
    assert (detail.event.n_mentions, detail.event.n_articles) == (30, 30)


@pytest.mark.parametrize(("view", "table"), [("event_mentions_view", "event_mentions"), ("claims_view", "claims")])
def test_view_evidence_text_is_the_article_slice(store_url: str, seed: Analysis, view: str, table: str) -> None:
    with open_store(store_url) as store:
        store.save(seed)
    text = seed.article.text
    sql = f"SELECT v.evidence_text, t.evidence_start, t.evidence_end FROM {view} v JOIN {table} t ON t.id = v.id"
    rows = query(store_url, sql)
    assert rows
    assert all(evidence == text[start:end] for evidence, start, end in rows)


def _wait_for_lock_wait(conninfo_conn: psycopg.Connection, pid: int, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    sql = "SELECT count(*) FROM pg_stat_activity WHERE pid <> %s AND wait_event_type = 'Lock'"
    while conninfo_conn.execute(sql, (pid,)).fetchone() == (0,):
        assert time.monotonic() < deadline, "the store's transaction never waited on the lock"
        time.sleep(0.02)


def test_postgres_save_that_loses_a_deadlock_is_retried(fresh_postgres_url: str) -> None:
    # Another session locks a source row the save needs, then inserts the very article the save has
    # inserted (uncommitted): a deadlock. PostgreSQL aborts the save (it waited longest); the store must
    # run it again, and store the article once the other session rolls back.
    reuters = Source("Reuters", SourceKind.MEDIA)
    second = one_event_analysis(variant_text(2), "ev-2", sources=(reuters,))
    with open_store(fresh_postgres_url) as store:
        store.save(one_event_analysis(variant_text(1), "ev-1", sources=(reuters,)))
        conninfo = to_url(fresh_postgres_url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(conninfo) as other, psycopg.connect(conninfo, autocommit=True) as monitor:
            other.execute("SET deadlock_timeout = '30s'")  # the store's session detects the deadlock first
            other.execute("SELECT id FROM sources FOR UPDATE")
            with ThreadPoolExecutor(1) as pool:
                saving = pool.submit(store.save, second)
                _wait_for_lock_wait(monitor, other.info.backend_pid)
                art = second.article
                other.execute(
                    "INSERT INTO articles (id, content_hash, origin, text, removed_residue, ingested_at, "
                    "headline_overstates) VALUES (%s, %s, 'other session', %s, '[]', 'now', false)",
                    (art.id, art.content_hash, art.text),
                )  # blocks until the store's transaction is aborted as the deadlock victim
                other.rollback()
                assert saving.result(timeout=60) is SaveOutcome.STORED
        assert store.has_article(second.article.id)
        assert store.counts().articles == 2
