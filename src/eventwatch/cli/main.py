"""The ``eventwatch`` command line. stdout carries data; stderr carries logs, progress and the summary.

Exit codes: 0 done; 1 failed; 2 usage error; 3 done but some inputs were rejected.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import Annotated

import typer

from eventwatch import __version__
from eventwatch.cli import _console
from eventwatch.cli._console import progress, stderr, stdout
from eventwatch.cli._import import import_records as _import_records
from eventwatch.cli._watch import watch as _watch_command
from eventwatch.config import SETTINGS, load_config
from eventwatch.errors import EventwatchError, InputError
from eventwatch.records import Analysis, Article, Plover

app = typer.Typer(
    name="eventwatch",
    help="Conflict events from news, with who says so, how sure they are, and who confirms or denies it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure accuracy against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

EXIT_REJECTED = 3

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLite path or postgresql:// URL [default: $EVENTWATCH_DB or ./eventwatch.db]"),
]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Debug logging on stderr.")]


def _db(db: str | None) -> str:
    return db or os.environ.get("EVENTWATCH_DB") or "eventwatch.db"


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        stdout.print(f"eventwatch {__version__}")
        raise typer.Exit()


@app.command()
def run(
    inputs: Annotated[list[str] | None, typer.Argument(help="Files, directories, globs or - (stdin).")] = None,
    db: DbOption = None,
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster",
            help="Process on Dask: local[:N] starts N single-threaded worker processes (default: one per "
            "core); tcp://host:port uses a running scheduler. Without it, one process.",
        ),
    ] = None,
    verbose: Verbose = False,
) -> None:
    """Ingest, process and store articles, then print a summary.

    Example: eventwatch run news/*.html feeds.warc.gz --db postgresql://localhost/events --cluster local:4
    With no INPUT, runs on the bundled sample corpus.
    """
    from eventwatch import fuse, ingest, pipeline, store
    from eventwatch.store import SaveOutcome

    _console.setup_logging(verbose)
    cfg = load_config(db=_db(db))
    if cluster is not None:
        from eventwatch import scale

        cluster_spec = scale.parse_cluster(cluster)
    sources = inputs or [str(ingest.SAMPLE_CORPUS)]
    rejected: list[str] = []
    stored = duplicates = failed = 0

    with store.open_store(
        cfg.db, busy_timeout_s=cfg.store_busy_timeout_s, write_attempts=cfg.store_write_attempts
    ) as st:

        def articles() -> Iterator[Article]:
            nonlocal duplicates
            for item in ingest.read_inputs(sources, cfg):
                if isinstance(item, InputError):
                    rejected.append(str(item))
                    stderr.print(str(item), markup=False)
                elif st.has_article(item.id):
                    duplicates += 1  # re-ingest is a no-op: not even parsed again
                else:
                    yield item

        def count(outcome: SaveOutcome) -> None:
            nonlocal stored, duplicates
            if outcome is SaveOutcome.STORED:
                stored += 1
            else:
                duplicates += 1  # another process stored it since has_article said no

        def save(result: Analysis | pipeline.ProcessingFailure) -> None:
            nonlocal failed
            if isinstance(result, pipeline.ProcessingFailure):
                failed += 1
                stderr.print(result.message(), markup=False)
            else:
                count(st.save(result))

        def save_batch(results: list[Analysis | pipeline.ProcessingFailure]) -> None:
            """A worker's batch in one transaction (each article still atomic); a store error is raised after
            the rest of the batch is stored, as ``save`` raises it."""
            for failure in (r for r in results if isinstance(r, pipeline.ProcessingFailure)):
                save(failure)
            outcomes = st.save_many([r for r in results if isinstance(r, Analysis)])
            for outcome in outcomes:
                if isinstance(outcome, SaveOutcome):
                    count(outcome)
            errors = [o for o in outcomes if not isinstance(o, SaveOutcome)]
            if errors:
                raise errors[0]

        if cluster is None:
            for result in progress(pipeline.process(articles(), cfg), "processing"):
                save(result)
            fuse.fuse_store(st, cfg)
        else:
            fusion = fuse.PacedFusion(st, cfg)
            try:
                for batch in progress(scale.process_on_cluster(articles(), cfg, cluster_spec), "batches"):
                    save_batch(list(batch))
                    fusion.after_batch()  # incremental: only what the batches since the last fusion added
            finally:
                fusion.finish()  # what was stored is fused, even when a batch failed
        counts = st.counts()
    by_type = ", ".join(f"{k} {v}" for k, v in sorted(counts.events_by_type.items(), key=lambda kv: -kv[1]))
    stderr.print(
        f"articles: {counts.articles} in store ({stored} stored, {duplicates} duplicate, "
        f"{len(rejected)} rejected, {failed} failed)",
        markup=False,
    )
    stderr.print(f"events: {counts.events} ({by_type or 'none'}); contested: {counts.contested_events}", markup=False)
    stderr.print(f"claims: {counts.claims}; sources: {counts.sources}; places: {counts.places}", markup=False)
    stderr.print(f"store: {cfg.db}", markup=False)
    if rejected or failed:
        raise typer.Exit(EXIT_REJECTED)


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, globs or - (stdin).")],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="gold-json | json | text | records (every record of the analysis, one JSON per line, "
            "for `eventwatch import`)",
        ),
    ] = "gold-json",
    out: Annotated[Path | None, typer.Option("--out", help="Write DIR/<id>.json per article.")] = None,
    verbose: Verbose = False,
) -> None:
    """Process articles without storing them and print their events and claims.

    Example: eventwatch extract article.txt --format gold-json
    Dump for a later import: eventwatch extract news/ --format records > news.records.jsonl
    """
    from eventwatch import ingest, pipeline
    from eventwatch.export import to_gold_json
    from eventwatch.export.records_json import analysis_to_json

    _console.setup_logging(verbose)
    if fmt not in ("gold-json", "json", "text", "records"):
        raise typer.BadParameter("--format must be gold-json, json, text or records")
    cfg = load_config()
    rejected = 0
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)

    def articles() -> Iterator[Article]:
        nonlocal rejected
        for item in ingest.read_inputs(inputs, cfg):
            if isinstance(item, InputError):
                rejected += 1
                stderr.print(str(item), markup=False)
            else:
                yield item

    for result in pipeline.process(articles(), cfg):
        if isinstance(result, pipeline.ProcessingFailure):
            rejected += 1
            stderr.print(result.message(), markup=False)
            continue
        record = analysis_to_json(result) if fmt == "records" else to_gold_json(result)
        if fmt == "gold-json":
            record.pop("body", None)
        if fmt == "records" and out is not None:
            record_id = record["article"]["id"]
            (out / f"{_safe_name(record_id)}.json").write_text(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        if fmt == "text":
            stdout.print("\n".join([_text_summary(record), *(f"   ({note})" for note in result.notes)]), markup=False)
        elif out is not None:
            (out / f"{_safe_name(record['id'])}.json").write_text(
                json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
        else:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    if rejected:
        raise typer.Exit(EXIT_REJECTED)


def _safe_name(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:120] or "article"


def _text_summary(record: dict) -> str:  # type: ignore[type-arg]
    lines = [f"# {record.get('title') or record['id']}"]
    if record.get("headline_overstates"):
        lines.append("! the headline asserts more than the body says")
    for ev in record["events"]:
        where = ", ".join(
            f"{p['name']} ({p['qualifier']})" if p.get("qualifier") else p["name"] for p in ev["locations"]
        )
        where = where or "?"
        status = " CONTESTED" if ev["contested"] else ""
        mode = f"/{ev['mode']}" if ev["mode"] else ""
        date = f" {ev['date']}" if ev["date"] else ""
        lines.append(f"{ev['id']} {ev['plover']}{mode} [{ev['factuality']}]{status} @ {where}{date}")
        if ev.get("actor1") or ev.get("actor2"):
            lines.append(f"   {_text_actor(ev.get('actor1'))} -> {_text_actor(ev.get('actor2'))}")
        lines.append(f"   {ev['evidence'][0]}")
        for c in ev["claims"]:
            hedge = (f" (hedged: '{c['hedge']}')" if c.get("hedge") else " (hedged)") if c["hedged"] else ""
            about = f" about {c['about']}" if c.get("about") else ""
            lines.append(
                f"   - {c['stance']}{hedge}{about}: {c['source']} [{c['source_kind']}]"
                + (f" via {', '.join(c['via'])}" if c.get("via") else "")
                + (f" cue '{c['cue']}'" if c["cue"] else "")
            )
    return "\n".join(lines)


def _text_actor(actor: dict | None) -> str:  # type: ignore[type-arg]
    """ "Russian [RUS, GOV/MIL]", "al-Qaeda [REB/IMG]"; "?" for no actor named."""
    if not actor:
        return "?"
    codes = ", ".join(c for c in (actor.get("country"), actor.get("sector")) if c)
    return f"{actor['name']} [{codes}]" if codes else actor["name"]


@app.command()
def events(
    since: Annotated[str | None, typer.Option(help="Earliest event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date, YYYY-MM-DD.")] = None,
    plover: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    acled: Annotated[str | None, typer.Option(help="ACLED event type, e.g. Battles.")] = None,
    actor: Annotated[str | None, typer.Option(help="Text in either actor's name.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 country of the event's place.")] = None,
    near: Annotated[str | None, typer.Option(help="LAT,LON,KM: events within KM of a point.")] = None,
    bbox: Annotated[str | None, typer.Option(help="MINLON,MINLAT,MAXLON,MAXLAT: events inside a box.")] = None,
    status: Annotated[str | None, typer.Option(help="single-source | corroborated | contested | denied-only")] = None,
    text: Annotated[str | None, typer.Option("--q", help="Text in an evidence sentence or summary.")] = None,
    contested: Annotated[bool, typer.Option("--contested", help="Only contested events.")] = False,
    limit: Annotated[int, typer.Option(help="Most events to list.")] = 1000,
    fmt: Annotated[
        str, typer.Option("--format", help="table | csv (ACLED columns) | geojson | jsonl | gdelt | json")
    ] = "table",
    claims: Annotated[
        Path | None, typer.Option("--claims", help="With --format csv: also write the companion claims CSV here.")
    ] = None,
    db: DbOption = None,
) -> None:
    """List stored events, or export them (docs/exports.md documents every column).

    Example: eventwatch events --type ASSAULT --near 36.2,37.15,50 --format geojson > events.geojson
    """
    from eventwatch import export, store
    from eventwatch.api import ApiError, EventQuery, event_filters

    if fmt not in ("table", "csv", "geojson", "jsonl", "gdelt", "json"):
        raise typer.BadParameter("--format must be table, csv, geojson, jsonl, gdelt or json")
    cfg = load_config(db=_db(db))
    if not 1 <= limit <= cfg.max_export_rows:
        raise typer.BadParameter(f"--limit must be between 1 and {cfg.max_export_rows} (max_export_rows)")
    query = EventQuery(since, until, bbox, near, plover, acled, actor, country, status or None, text)
    try:
        filters = event_filters(query, cfg, limit=1, after_id=None)
    except ApiError as exc:
        raise typer.BadParameter(exc.message) from None
    if contested:
        filters = replace(filters, contested=True)
    with store.open_store(cfg.db) as st:
        rows = list(export.iter_events(st, filters, limit))
        if fmt == "table":
            _print_event_table(rows)
        elif fmt == "json":
            sys.stdout.write(export.to_json(rows))
        elif fmt == "geojson":
            sys.stdout.write(export.to_geojson(rows) + "\n")
        elif fmt == "jsonl":
            sys.stdout.writelines(export.iter_events_jsonl(export.iter_details(st, rows)))
        elif fmt == "gdelt":
            sys.stdout.writelines(export.iter_gdelt_tsv(export.iter_details(st, rows)))
        else:
            details = list(export.iter_details(st, rows))
            sys.stdout.writelines(export.iter_acled_csv(details))
            if claims is not None:
                claims.write_text(export.to_claims_csv(details), encoding="utf-8")


def _plover(name: str | None) -> Plover | None:
    if not name:
        return None
    try:
        return Plover(name.upper())
    except ValueError as exc:
        raise typer.BadParameter(f"--type must be one of {', '.join(Plover)}") from exc


def _print_event_table(rows: list) -> None:  # type: ignore[type-arg]
    from rich.table import Table

    from eventwatch.export import row_dicts

    table = Table("id", "date", "type", "status", "place", "country", "mentions", "articles")
    for d in row_dicts(rows):
        table.add_row(
            str(d.get("id")),
            str(d.get("date") or ""),
            str(d.get("plover")),
            str(d.get("status")),
            str(d.get("place_name") or ""),
            str(d.get("country") or ""),
            str(d.get("n_mentions")),
            str(d.get("n_articles")),
        )
    stdout.print(table)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 exposes the server to the network.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    verbose: Verbose = False,
) -> None:
    """Serve the HTTP API (/api, docs at /api/docs) and the web app. Read-only unless EVENTWATCH_API_TOKEN is set.

    Example: eventwatch serve --db events.db --port 8000
    """
    from eventwatch.cli._serve import serve as run_server

    _console.setup_logging(verbose)
    run_server(load_config(db=_db(db)), host, port)


@app.command()
def show(event_id: str, db: DbOption = None) -> None:
    """Show one event: its mentions, claims, sources and evidence with the cue highlighted.

    Example: eventwatch show ev-1a2b3c4d5e6f7a8b
    """
    from eventwatch import store
    from eventwatch.cli._show import render_event

    with store.open_store(_db(db)) as st:
        detail = st.get_event(event_id)
    if detail is None:
        stderr.print(f"show: no event {event_id!r}", markup=False)
        raise typer.Exit(1)
    render_event(detail, stdout)


@eval_app.command("gold")
def eval_gold(
    gold_dir: Path,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Print false positives/negatives per article.")] = False,
) -> None:
    """Score extraction against gold articles (<id>.txt + <id>.json), as in SCHEMA.md.

    Example: eventwatch eval gold gold/dev
    """
    from eventwatch.cli._eval import run_gold_eval

    _console.setup_logging(False)
    report = run_gold_eval(gold_dir, as_json=as_json, explain=explain)
    sys.stdout.write(report)


@eval_app.command("html")
def eval_html(
    folder: Path,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Article-body token P/R/F1 on the Article Extraction Benchmark layout (html/ + ground-truth.json).

    Example: eventwatch eval html article-extraction-benchmark/
    """
    from eventwatch.eval.html import evaluate_aeb, format_table

    _console.setup_logging(False)
    scores = evaluate_aeb(folder)
    sys.stdout.write((json.dumps(asdict(scores), indent=2, default=str) if as_json else format_table(scores)) + "\n")


@eval_app.command("factuality")
def eval_factuality(
    files: Annotated[list[Path], typer.Argument(help="Benchmark JSONL files (UDS-IH2 / MEANTIME format).")],
    news: Annotated[
        bool, typer.Option("--news/--not-news", help="Score as news text (MEANTIME) or not (UDS-IH2 web text).")
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Predicate factuality of the shipped model: Pearson r and MAE against gold labels in [-3, 3].

    Example: eventwatch eval factuality meantime/test.jsonl; eventwatch eval factuality --not-news uds/test.jsonl
    """
    from eventwatch.attribute.factuality_model import NEWS, load_factuality_model
    from eventwatch.eval.factuality import evaluate_file, format_table
    from eventwatch.nlp import load_model

    _console.setup_logging(False)
    cfg = load_config()
    nlp = load_model(cfg.spacy_model, cfg.entity_recognizer)
    model = load_factuality_model()
    scores = [evaluate_file(f, model, nlp, domain=NEWS if news else None) for f in files]
    sys.stdout.write((json.dumps([asdict(s) for s in scores], indent=2) if as_json else format_table(scores)) + "\n")


@eval_app.command("plover")
def eval_plover(
    path: Annotated[Path, typer.Argument(help="plover_gsr_cameo.jsonl (OEDA gold-standard records).")],
    split: Annotated[str, typer.Option(help="train | dev | test | all")] = "test",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """PLOVER type and actor/recipient country accuracy, eventwatch beside a keyword baseline.

    Example: eventwatch eval plover events/plover_gsr_cameo/plover_gsr_cameo.jsonl --split test
    """
    from eventwatch.eval.plover import evaluate, format_table

    _console.setup_logging(False)
    scores = evaluate(path, split, load_config())
    sys.stdout.write((json.dumps([asdict(s) for s in scores], indent=2) if as_json else format_table(scores)) + "\n")


@eval_app.command("fusion")
def eval_fusion(
    dev: Annotated[
        Path | None, typer.Argument(help="Fusion cluster file (JSONL) [default: the bundled fusion dev set].")
    ] = None,
    corpus: Annotated[
        Path | None, typer.Option(help="JSONL corpus holding its articles [default: the bundled sample corpus].")
    ] = None,
    gold: Annotated[
        Path | None, typer.Option(help="Gold folder (<id>.txt + <id>.json): also report confidence calibration.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Cross-article fusion: pairwise merge precision and recall on hand-checked clusters (docs/fusion.md).

    Example: eventwatch eval fusion heldout.jsonl --corpus articles.jsonl --gold gold/dev
    """
    from eventwatch import ingest
    from eventwatch.eval.fusion import DEV_SET, calibrate_confidence, evaluate_fusion, format_calibration, format_table

    _console.setup_logging(False)
    cfg = load_config()
    scores = evaluate_fusion(dev or DEV_SET, corpus or ingest.SAMPLE_CORPUS, cfg)
    calibration = calibrate_confidence(gold, cfg) if gold is not None else None
    if as_json:
        out = {"fusion": asdict(scores), "calibration": asdict(calibration) if calibration else None}
        sys.stdout.write(json.dumps(out, indent=2) + "\n")
        return
    sys.stdout.write(format_table(scores) + "\n")
    if calibration is not None:
        sys.stdout.write(format_calibration(calibration) + "\n")


@eval_app.command("coref")
def eval_coref(
    folder: Annotated[Path, typer.Argument(help="MEANTIME intra_cross-doc_annotation folder (corpus_*/*.xml).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Cross-document event coreference on MEANTIME gold mentions: MUC, B3, CEAF-e and CoNLL F1.

    Example: eventwatch eval coref meantime_en/intra_cross-doc_annotation
    """
    from eventwatch.eval.coref import evaluate_meantime, format_table

    _console.setup_logging(False)
    scores = evaluate_meantime(folder, load_config())
    sys.stdout.write((json.dumps(asdict(scores), indent=2) if as_json else format_table(scores)) + "\n")


@eval_app.command("geo")
def eval_geo(
    path: Path,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Geoparsing accuracy on a TR-News split (JSONL.gz with gold toponyms).

    Example: eventwatch eval geo trnews/dev.jsonl.gz
    """
    from eventwatch.eval.geo import evaluate_trnews, format_table
    from eventwatch.geo import Gazetteer

    _console.setup_logging(False)
    gaz = Gazetteer.open(load_config().gazetteer_file())
    scores = evaluate_trnews(path, gaz)
    sys.stdout.write((json.dumps(asdict(scores), indent=2, default=str) if as_json else format_table([scores])) + "\n")


@app.command()
def config(show: Annotated[bool, typer.Option("--show", help="Print every setting.")] = True) -> None:
    """Print every setting with its value, default, environment variable and help.

    Example: EVENTWATCH_MAX_INPUT_BYTES=1000000 eventwatch config --show
    """
    cfg = load_config()
    for s in SETTINGS:
        stdout.print(f"{s.name} = {getattr(cfg, s.name)!r}  (default {s.default!r}; ${s.env}) {s.help}", markup=False)


app.command("watch")(_watch_command)
app.command("import")(_import_records)


def main() -> None:
    try:
        app()
    except EventwatchError as exc:
        stderr.print(str(exc), markup=False)
        sys.exit(1)


if __name__ == "__main__":
    main()
