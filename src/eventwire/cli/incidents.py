"""CLI commands of the incidents area (registered by eventwire.cli): export and evaluation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..settings import DEFAULT_DB_URL

err = Console(stderr=True, highlight=False, soft_wrap=True)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this area's commands to the main app and to the `eval` group."""

    @app.command("incidents")
    def incidents_cmd(
        db: Annotated[str, typer.Option(help="SQLAlchemy database URL", envvar="EVENTWIRE_DB")] = DEFAULT_DB_URL,
        fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl | csv | geojson")] = "jsonl",
        output: Annotated[Path | None, typer.Option("--output", "-o", help="write here instead of stdout")] = None,
        country: Annotated[str | None, typer.Option(help="ISO2/ISO3/name; a|b for either")] = None,
        plover_type: Annotated[str | None, typer.Option(help="PLOVER type, e.g. ASSAULT|PROTEST")] = None,
        event_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD, or A|B (between)")] = None,
        conflict: Annotated[bool | None, typer.Option("--conflict/--no-conflict",
                                                      help="only incidents whose figures disagree (or agree)")] = None,
        min_outlets: Annotated[int | None, typer.Option(help="reported by at least this many outlets")] = None,
        rebuild: Annotated[bool, typer.Option("--rebuild", help="first recompute every incident row from the "
                                              "stored events (stores filled before migration 0004 or in bulk)")] = False,
    ) -> None:
        """List the stored incidents (reports of one incident across articles and outlets):
        jsonl (full records with their reports), csv (one row per incident), geojson (one point each)."""
        from ..export import output_stream
        from ..export.incidents import INCIDENT_WRITERS
        from ..incidents import queries
        from ..store import Store

        if fmt not in INCIDENT_WRITERS:
            err.print(f"[E401] unknown format {fmt!r}; choose one of {', '.join(INCIDENT_WRITERS)}")
            raise typer.Exit(2)
        filters, conflict_f, min_out = queries.parse(
            country=country, plover_type=plover_type, event_date=event_date, conflict=conflict,
            min_outlets=min_outlets,
        )
        store = Store.open(db)
        try:
            if rebuild:
                from ..incidents.linker import rebuild_all

                with store.writer.begin() as conn:
                    err.print(f"rebuilt {rebuild_all(conn)} incident rows")
            with output_stream(output) as out:
                n = INCIDENT_WRITERS[fmt](queries.iterate(store, filters, conflict=conflict_f, min_outlets=min_out), out)
        finally:
            store.close()
        if output:
            err.print(f"wrote {n} incidents to {output}")

    @eval_app.command("incidents")
    def eval_incidents(
        folder: Annotated[Path, typer.Argument(help="a folder of gold files with an incidents.json (e.g. eval/corpus/dev)")],
        db: Annotated[str | None, typer.Option(help="store URL to ingest into (default: a fresh temporary SQLite file)")] = None,
        events_out: Annotated[Path | None, typer.Option("--events", help="also keep the exported events here")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
        model: Annotated[str | None, typer.Option(help="spaCy pipeline to use")] = None,
    ) -> None:
        """Ingest every article of a gold folder into one fresh store, export every event, and score
        incident links across articles with ../shared/tools/score_incidents.py."""
        from ..evaluate.incidents import evaluate_incidents

        report = evaluate_incidents(folder, db_url=db, events_out=events_out, model=model)
        if as_json:
            typer.echo(json.dumps(report, indent=1))
        else:
            typer.echo(report["printed"].rstrip())
