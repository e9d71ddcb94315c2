"""The records codec (export/records_json.py): JSON and back gives the identical records; bad dumps are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwatch import fuse, pipeline
from eventwatch.config import load_config
from eventwatch.errors import InputError
from eventwatch.export.records_json import analysis_from_json, analysis_to_json, read_records, without_docs
from eventwatch.ingest import read_inputs, read_text
from eventwatch.records import (
    Actor,
    Analysis,
    Article,
    Casualties,
    Claim,
    DatePrecision,
    Event,
    EventMention,
    Factuality,
    ParsedArticle,
    Place,
    Plover,
    Precision,
    Sentence,
    Source,
    SourceKind,
    Span,
    Stance,
    Status,
)
from eventwatch.store import open_store
from tests.cli.conftest import run_cli
from tests.conftest import REPO
from tests.reliability._signature import content_signature, signature_diff

CORPUS = REPO / "src" / "eventwatch" / "data" / "corpus" / "articles.jsonl"


def _corpus_sample(folder: Path, n: int) -> Path:
    sample = folder / "sample.jsonl"
    sample.write_text("\n".join(CORPUS.read_text(encoding="utf-8").splitlines()[:n]) + "\n", encoding="utf-8")
    return sample


@pytest.fixture(scope="module")
def analyses(seed_text: str, tmp_path_factory: pytest.TempPathFactory) -> list[Analysis]:
    """The seed article and twelve corpus articles through the whole pipeline."""
    cfg = load_config()
    sample = _corpus_sample(tmp_path_factory.mktemp("corpus"), 12)
    articles = [read_text(seed_text, "seed", cfg)]
    articles += [a for a in read_inputs([str(sample)], cfg) if isinstance(a, Article)]
    return [pipeline.analyse(a, cfg) for a in articles]


def _round_trip(analysis: Analysis) -> Analysis:
    return analysis_from_json(json.loads(json.dumps(analysis_to_json(analysis), ensure_ascii=False)), "test")


def test_records_json_round_trips_pipeline_output(analyses: list[Analysis]) -> None:
    assert sum(len(a.event_mentions) for a in analyses) > 10  # real claims, places and events are carried
    for analysis in analyses:
        assert _round_trip(analysis) == without_docs(analysis)


# Hand-made records of every kind, nested sources included, with spans inside a generated text.
_TEXT = st.text(min_size=1, max_size=120)
_OPT_STR = st.none() | st.text(max_size=12)
_FLOAT = st.floats(allow_nan=False)


@st.composite
def _analysis(draw: st.DrawFn) -> Analysis:
    text = draw(_TEXT)
    n = len(text)

    def span() -> Span:
        start = draw(st.integers(0, n))
        return Span(start, draw(st.integers(start, n)))

    def place() -> Place:
        return Place(
            name=draw(st.text(max_size=10)), span=draw(st.none() | st.just(span())), lat=draw(st.none() | _FLOAT),
            lon=draw(st.none() | _FLOAT), precision=draw(st.sampled_from(Precision)),
            geonameid=draw(st.none() | st.integers()), country=draw(_OPT_STR), is_approximate=draw(st.booleans()),
        )  # fmt: skip

    def source(depth: int) -> Source:
        via = tuple(source(depth - 1) for _ in range(draw(st.integers(0, 2)))) if depth else ()
        return Source(text=draw(st.text(max_size=10)), kind=draw(st.sampled_from(SourceKind)),
                      span=draw(st.none() | st.just(span())), name=draw(_OPT_STR), via=via)  # fmt: skip

    def mention(i: int) -> EventMention:
        claims = tuple(
            Claim(
                source=source(2),
                stance=draw(st.sampled_from(Stance)),
                evidence=span(),
                cue=draw(_OPT_STR),
                cue_span=draw(st.none() | st.just(span())),
                is_hedged=draw(st.booleans()),
            )
            for _ in range(draw(st.integers(0, 2)))
        )
        return EventMention(
            id=f"m{i}", article_id="a", sentence_index=i, evidence=(span(), span()), trigger=span(),
            plover=draw(st.sampled_from(Plover)), actor1=Actor(text="x", span=span(), country=draw(_OPT_STR)),
            date_precision=draw(st.none() | st.sampled_from(DatePrecision)), fatalities=draw(st.none() | st.integers()),
            casualties=(Casualties("killed", 1, None, 1, span()),), factuality=draw(st.sampled_from(Factuality)),
            claims=claims, locations=(place(),), confidence=draw(st.none() | _FLOAT),
        )  # fmt: skip

    mentions = tuple(mention(i) for i in range(draw(st.integers(0, 3))))
    article = Article(
        id="a", content_hash="h", text=text, title=draw(_OPT_STR), removed_residue=("x",) * draw(st.integers(0, 2))
    )
    events = tuple(
        Event(
            id=f"e{m.id}",
            mention_ids=(m.id,),
            plover=m.plover,
            status=draw(st.sampled_from(Status)),
            location=draw(st.none() | st.just(place())),
        )
        for m in mentions
    )
    sentences = (Sentence("a", 0, 0, span()),)
    return Analysis(
        parsed=ParsedArticle(article, sentences, ()), event_mentions=mentions, places=(place(),), events=events,
        headline_overstates=draw(st.booleans()), notes=tuple(draw(st.lists(st.text(max_size=5), max_size=2))),
    )  # fmt: skip


@given(_analysis())
def test_records_json_round_trips_any_records(analysis: Analysis) -> None:
    assert _round_trip(analysis) == analysis


def _valid(analyses: list[Analysis]) -> dict:  # type: ignore[type-arg]
    return analysis_to_json(analyses[0])


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda o: o.update(format="gold-json"), "not an eventwatch-records"),
        (lambda o: o.update(version=2), "not an eventwatch-records"),
        (lambda o: o.pop("article"), "expected an object for Article"),
        (lambda o: o["article"].pop("text"), "field 'text' missing"),
        (lambda o: o["article"].update(text=7), "expected str, got int"),
        (lambda o: o["article"].update(colour="red"), "unknown Article fields"),
        (lambda o: o["event_mentions"][0].update(plover="EXPLODE"), "is not a Plover"),
        (lambda o: o["event_mentions"][0].update(trigger=[5, 2]), "bad span"),
        (lambda o: o["event_mentions"][0].update(trigger=[0, 10**9]), "past the article text end"),
        (lambda o: o["event_mentions"][0].update(sentence_index=True), "expected int, got bool"),
        (lambda o: o["event_mentions"][0]["claims"][0].update(stance="maybe"), "is not a Stance"),
        (lambda o: o.update(events="none"), "expected a list"),
    ],
)
def test_records_json_refuses_bad_records(analyses: list[Analysis], change, why: str) -> None:  # type: ignore[no-untyped-def]
    obj = json.loads(json.dumps(_valid(analyses)))
    assert obj["event_mentions"] and obj["event_mentions"][0]["claims"]
    change(obj)
    with pytest.raises(InputError, match=why) as info:
        analysis_from_json(obj, "dump.jsonl:3")
    assert info.value.origin == "dump.jsonl:3"


def test_records_json_read_records_reports_each_bad_line_and_keeps_the_rest(analyses: list[Analysis]) -> None:
    good = json.dumps(analysis_to_json(analyses[1])).encode()
    lines = [good, b"", b"{not json", b'{"format": "x"}', b"\xff\xfe", good]
    out = list(read_records(lines, "d.jsonl"))
    assert [o.origin for o in out if isinstance(o, InputError)] == ["d.jsonl:3", "d.jsonl:4", "d.jsonl:5"]
    assert [o for o in out if isinstance(o, Analysis)] == [without_docs(analyses[1])] * 2


def _store_all(url: str, items: list[Analysis]) -> None:
    cfg = load_config(db=url)
    with open_store(url) as st:
        for analysis in items:
            st.save(analysis)
        fuse.fuse_store(st, cfg)


@settings(max_examples=12)  # each example builds and compares two stores
@given(data=st.data())
def test_records_json_dump_then_import_stores_what_saving_directly_stores(
    analyses: list[Analysis], tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    picked = data.draw(st.lists(st.sampled_from(analyses), min_size=1, max_size=6))
    folder = tmp_path_factory.mktemp("dump")
    dump = folder / "dump.jsonl"
    dump.write_text("".join(json.dumps(analysis_to_json(a)) + "\n" for a in picked), encoding="utf-8")
    direct, imported = str(folder / "direct.db"), str(folder / "imported.db")
    _store_all(direct, picked)
    decoded = [a for a in read_records(dump.read_bytes().splitlines(), str(dump)) if isinstance(a, Analysis)]
    assert len(decoded) == len(picked)
    _store_all(imported, decoded)
    _store_all(imported, decoded)  # importing twice changes nothing
    assert signature_diff(content_signature(direct), content_signature(imported)) == {}


def test_records_json_cli_extract_then_import_equals_run(tmp_path: Path) -> None:
    """`extract --format records` then `import` stores what `run` stores, and a second import is a no-op."""
    sample = _corpus_sample(tmp_path, 8)
    (tmp_path / "bad.jsonl").write_text('{"title": "no text"}\n', encoding="utf-8")
    ran, imported = tmp_path / "ran.db", tmp_path / "imported.db"
    assert run_cli("run", str(sample), "--db", str(ran)).returncode == 0
    dump = run_cli("extract", str(sample), str(tmp_path / "bad.jsonl"), "--format", "records")
    assert dump.returncode == 3  # the bad input is reported, the good ones dumped
    (tmp_path / "dump.jsonl").write_text(dump.stdout + "{broken\n", encoding="utf-8")
    first = run_cli("import", str(tmp_path / "dump.jsonl"), "--db", str(imported))
    assert first.returncode == 3
    assert [ln for ln in first.stderr.splitlines() if ln.startswith("ingest:")] == [
        f"ingest: {tmp_path / 'dump.jsonl'}:9: invalid JSON (Expecting property name enclosed in double quotes "
        "at column 2); skipped"
    ]
    assert "8 stored, 0 duplicate, 1 rejected" in first.stderr
    again = run_cli("import", str(tmp_path / "dump.jsonl"), "--db", str(imported))
    assert "0 stored, 8 duplicate, 1 rejected" in again.stderr
    assert signature_diff(content_signature(str(ran)), content_signature(str(imported))) == {}
