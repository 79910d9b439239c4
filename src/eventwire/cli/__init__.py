"""The command line: a thin typer layer over the library (every command is documented in docs/cli.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from typer.core import TyperGroup

from ..errors import E_NOT_FOUND, EventwireError, InputError, exit_code_for
from ..settings import DEFAULT_DB_URL, Settings

err = Console(stderr=True, highlight=False, soft_wrap=True)


class _OneErrorPath(TyperGroup):
    """Every command runs inside this: an error eventwire raises on purpose (docs/errors.md) is one
    line on stderr and an exit status (docs/cli.md), never a traceback, whichever command raised it."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except EventwireError as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(exit_code_for(exc)) from None
        except Exception as exc:
            store_error = _as_store_error(exc)
            if store_error is None:
                raise
            err.print(f"error: {store_error}", markup=False)
            raise typer.Exit(2) from None


def _as_store_error(exc: Exception) -> EventwireError | None:
    """A database error that escaped the store (a file damaged past its header, a server that went
    away between two statements) as the numbered store error, with the driver's reason."""
    if not type(exc).__module__.startswith("sqlalchemy"):
        return None
    from ..errors import E_STORE_WRITE, StoreError
    from ..store.core import store_reason

    return StoreError(E_STORE_WRITE, f"the store failed: {store_reason(exc)}")


app = typer.Typer(
    cls=_OneErrorPath,
    name="eventwire",
    help="Conflict news in, evidence-backed event records out (PLOVER, ACLED, CAMEO).",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(help="Evaluate eventwire on gold data (articles, snippets, actors, places, dates).",
                       no_args_is_help=True)
app.add_typer(eval_app, name="eval")

FORMATS = ("json", "jsonl", "table")


def _pipeline(model: str | None) -> Any:
    from ..pipeline import Pipeline

    return Pipeline(Settings.from_env(spacy_model=model))


def _read_input(
    path: str, published: str | None, source: str | None, url: str | None, settings: Settings,
    title: str | None = None,
) -> Any:
    from ..sources.text import article_from_bytes, read_text_file

    if path == "-":
        data = sys.stdin.buffer.read()
        return article_from_bytes(data, "<stdin>", published=published, source=source, url=url, title=title,
                                  check_language=settings.check_language, max_chars=settings.max_chars)
    return read_text_file(path, published=published, source=source, url=url, title=title,
                          check_language=settings.check_language, max_chars=settings.max_chars)


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="article text file, or - for standard input")],
    published: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD: anchors relative dates")] = None,
    source: Annotated[str | None, typer.Option(help="the outlet, e.g. 'Reuters'")] = None,
    url: Annotated[str | None, typer.Option(help="the article's URL")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json | jsonl | table")] = "json",
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use")] = None,
) -> None:
    """Print the event records of one article (SCHEMA.md), one per line with --format jsonl."""
    if fmt not in FORMATS:
        err.print(f"[E401] unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    try:
        pipe = _pipeline(model)
        article = _read_input(file, published, source, url, pipe.settings)
        records = [e.to_dict() for e in pipe.extract_article(article)]
    except EventwireError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(exit_code_for(exc)) from None
    if fmt == "jsonl":
        for r in records:
            typer.echo(json.dumps(r, ensure_ascii=False))
    elif fmt == "json":
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        _print_table(records)


def _print_table(records: list[dict[str, Any]]) -> None:
    from rich.table import Table

    t = Table(show_lines=False)
    for col in ("type", "actor", "recipient", "where", "when", "dead", "claim", "modality", "conf"):
        t.add_column(col)
    for r in records:
        def who(role: str, r: dict[str, Any] = r) -> str:
            return ", ".join(
                f"{a.get('name') or a['text']} ({a.get('country') or '?'}/{a.get('sector') or '?'})"
                for a in r["actors"] if a["role"] == role
            )
        loc = r.get("location") or {}
        date = r.get("date") or {}
        t.add_row(
            f"{r['plover_type']}/{r.get('plover_mode') or '-'}",
            who("actor"),
            who("recipient"),
            loc.get("name") or loc.get("text") or "",
            date.get("start") or "",
            "" if (r.get("size") or {}).get("dead") is None else str(r["size"]["dead"]),
            ", ".join(r.get("claim_source") or []),
            r.get("modality") or "",
            f"{r.get('confidence', 0):.2f}",
        )
    # piped output has no terminal width; a wide table beats one squeezed to 80 columns
    Console(highlight=False, width=None if sys.stdout.isatty() else 200).print(t)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="article files (text, HTML) or dumps (.jsonl, .parquet); - for stdin")],
    db: Annotated[str, typer.Option(help="SQLAlchemy database URL", envvar="EVENTWIRE_DB")] = DEFAULT_DB_URL,
    published: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD for all inputs")] = None,
    source: Annotated[str | None, typer.Option(help="the outlet of all inputs")] = None,
    title: Annotated[str | None, typer.Option(help="the article's headline (one input only)")] = None,
    url: Annotated[str | None, typer.Option(help="the article's URL (one input only)")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use")] = None,
) -> None:
    """Store articles and their events; the same article ingested twice is stored once."""
    from ..store import Store
    from .ingest import Ingest

    if (title or url) and len(paths) != 1:
        # One headline or URL for several articles would mislabel all but one of them.
        err.print("[E401] --title and --url describe one article: give one input, or use `eventwire run` "
                  "with a manifest for many", markup=False)
        raise typer.Exit(2)
    settings = Settings.from_env(spacy_model=model)
    opts = _source_options(published, source, settings, title=title, url=url)
    if (title or url) and not _one_article(paths[0], opts):
        err.print("[E401] --title and --url describe one article, and this input is a dump, feed or URL list "
                  "of many: their rows carry their own title and url", markup=False)
        raise typer.Exit(2)
    store = Store.open(db)  # first: a store that cannot be opened fails before any work (exit 2)
    try:
        job = Ingest(store, _pipeline(model), opts, err)
        for p in paths:
            if p != "-" and Path(p).is_dir():
                job.fail(p, InputError(E_NOT_FOUND, "is a folder (use `eventwire run` for folders)", origin=p))
                continue
            job.add_source(p)
        job.finish()
    finally:
        store.close()
    c = job.counts
    err.print(
        f"ingested {job.stored} articles ({c['new']} new, {c['unchanged']} unchanged, {c['replaced']} replaced), "
        f"{job.events} events, {len(job.failures)} failed -> {store.display_url}",
        markup=False,
    )
    if job.failures:
        err.print(f"{len(job.failures)} item(s) failed; the others are stored (exit status 1)", markup=False)
        raise typer.Exit(1)


def _source_options(
    published: str | None, source: str | None, settings: Settings, *, title: str | None = None,
    url: str | None = None,
) -> Any:
    from ..records import parse_iso_date
    from ..sources.batch import SourceOptions

    return SourceOptions(published=parse_iso_date(published) if published else None, source=source,
                         title=title, url=url, check_language=settings.check_language,
                         max_chars=settings.max_chars)


def _one_article(spec: str, opts: Any) -> bool:
    """Whether SOURCE is one article (a file or stdin), which --title/--url can describe. An input
    that cannot be opened counts as one: ingest reports its own error for it."""
    from ..sources.batch import FilesSource, StdinSource, open_source

    if spec == "-":
        return True
    try:
        source = open_source(spec, opts)
    except EventwireError:
        return True
    return isinstance(source, (FilesSource, StdinSource))


@app.command()
def events(
    db: Annotated[str, typer.Option(help="SQLAlchemy database URL", envvar="EVENTWIRE_DB")] = DEFAULT_DB_URL,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl | json | csv | geojson | acled | plover")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write here instead of stdout")] = None,
) -> None:
    """List the stored events in one of the export formats (acled: ACLED's 31 columns)."""
    from ..export import WRITERS, output_stream
    from ..store import Store

    if fmt not in WRITERS:
        err.print(f"[E401] unknown format {fmt!r}; choose one of {', '.join(WRITERS)}")
        raise typer.Exit(2)
    store = Store.open(db)
    try:
        with output_stream(output) as out:
            n = WRITERS[fmt](store.iter_events(), out)
    finally:
        store.close()
    if output:
        err.print(f"wrote {n} records to {output}")


@app.command()
def summary(
    db: Annotated[str, typer.Option(help="SQLAlchemy database URL", envvar="EVENTWIRE_DB")] = DEFAULT_DB_URL,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object instead of tables")] = False,
) -> None:
    """Summarise what is stored: events by type, actors, places, dates, deaths, who claims what."""
    from ..store import Store
    from .summary import print_summary

    store = Store.open(db)
    try:
        s = store.summary()
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps(s, ensure_ascii=False, indent=2, default=str))
    else:
        print_summary(s, Console(highlight=False, width=None if sys.stdout.isatty() else 120))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the event record (generated from the code)."""
    from ..jsonschema import event_schema

    typer.echo(json.dumps(event_schema(), indent=2))


@app.command()
def demo(
    db: Annotated[str, typer.Option(help="SQLAlchemy database URL", envvar="EVENTWIRE_DB")] = DEFAULT_DB_URL,
    corpus: Annotated[Path | None, typer.Option(help="folder of gold files (default ../shared/gold/seed)")] = None,
) -> None:
    """The main job on the embedded default: ingest the seed article(s) and print a summary."""
    from ..evaluate.gold import find_default_gold, load_gold
    from ..store import Store
    from .summary import print_summary

    gold_dir = corpus or find_default_gold()
    if gold_dir is None or not gold_dir.exists():
        err.print("[E106] no seed corpus found: pass --corpus DIR (a folder of *.gold.json files)")
        raise typer.Exit(1)
    pipe = _pipeline(None)
    store = Store.open(db)
    try:
        for gold_path in sorted(gold_dir.glob("*.gold.json")):
            g = load_gold(gold_path)
            article = g.article(check_language=pipe.settings.check_language)
            for result in pipe.process([article]):
                status = store.add_result(result)
                err.print(f"{article.origin}: {status}, {len(result.events)} events", markup=False)
        print_summary(store.summary(), Console(highlight=False, width=None if sys.stdout.isatty() else 120))
    finally:
        store.close()


@eval_app.command("articles")
def eval_articles(
    gold: Annotated[list[Path], typer.Argument(help="gold files or folders of *.gold.json (eventwire-gold/1)")],
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON object with every figure")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use")] = None,
) -> None:
    """Run the pipeline on gold articles and print recall, precision and field accuracy.

    A folder stands for every gold file in it, e.g. `eval articles eval/corpus/dev` (the split you
    look at) or `eval/corpus/test` (the split you only score)."""
    from ..evaluate.articles import evaluate_articles, format_report
    from ..evaluate.gold import gold_files

    report = evaluate_articles(gold_files(gold), pipeline=_pipeline(model))
    if as_json:
        typer.echo(json.dumps(report, indent=1, default=str))
    else:
        typer.echo(format_report(report))


@eval_app.command("mentions")
def eval_mentions(
    data: Annotated[Path, typer.Argument(help="WikiEvents- or RAMS-style JSONL (e.g. ../shared/data/wikievents/dev.jsonl)")],
    mapping: Annotated[Path | None, typer.Option(help="source type -> PLOVER TSV (default: plover_mapping.tsv beside FILE)")] = None,
    exclude: Annotated[Path | None, typer.Option(help="file of record ids to leave out, one per line ('dataset#id' too)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON object with every figure")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use")] = None,
    half: Annotated[str, typer.Option(help="A or B: score one half only, split by sha256('mentionhalf:'+id); "
                                           "read errors of A, only score B")] = "",
    misses: Annotated[bool, typer.Option("--misses", help="with --json: list missed gold mentions and the parties of "
                                                         "found ones (refused for half B, which is only scored)")] = False,
) -> None:
    """Score event mentions: recall, precision and F1 against exhaustively annotated documents
    (WikiEvents), recall and argument accuracy against single-event passages (RAMS)."""
    from ..evaluate.mentions import evaluate_mentions, format_report

    if half not in ("", "A", "B"):
        typer.echo("[E400] --half must be A or B", err=True)
        raise typer.Exit(2)
    if misses and half != "A":
        typer.echo("[E400] --misses needs --half A: half B is only scored, and reading the whole file leaves no half unread",
                   err=True)
        raise typer.Exit(2)

    # one id per line, optionally prefixed "dataset#" as in eval/corpus/test_ids.txt
    skip = {x.split("#")[-1].strip() for x in exclude.read_text(encoding="utf-8").splitlines() if x.strip()} if exclude else None
    report = evaluate_mentions(data, pipeline=_pipeline(model), mapping=mapping, exclude=skip,
                               half=half or None, details=misses)
    if misses and not as_json:
        for m in report["misses"]:
            typer.echo(f"MISS {m['type']:9s} {m['trigger']!r:18s} {m['sentence']}")
    if as_json:
        typer.echo(json.dumps(report, indent=1, default=str))
    else:
        typer.echo(format_report(report))


def _register_areas() -> None:
    from . import actors, incidents, places, relations, serve, snippets, sources, store, times

    for mod in (places, times, actors, snippets, relations, store, serve, sources, incidents):
        mod.register(app, eval_app)


_register_areas()


def main() -> None:
    try:
        app()
    except EventwireError as exc:  # a last guard (the group catches these first): never a traceback
        err.print(f"error: {exc}", markup=False)
        raise SystemExit(exit_code_for(exc)) from None

