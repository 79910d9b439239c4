"""CLI commands of the relations/calibration area: `eventwire eval relations` and `eventwire eval calibration`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from eventwire.errors import EventwireError


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this area's commands to the `eval` group."""

    @eval_app.command("relations")
    def eval_relations(
        path: Annotated[Path, typer.Argument(help="re3d JSON-lines file (text, entities, relations per line)")],
        as_json: Annotated[bool, typer.Option("--json", help="print one JSON object instead of text")] = False,
        verbose: Annotated[bool, typer.Option("--verbose", "-v", help="list found/missed pairs and events")] = False,
        limit: Annotated[int | None, typer.Option(help="read only the first N documents")] = None,
    ) -> None:
        """Recall of re3d FightingAgainst pairs as ASSAULT/COERCE actor pairs (docs/evaluation.md)."""
        from eventwire.evaluate.relations import evaluate_relations, format_relations

        try:
            r = evaluate_relations(path, limit=limit)
        except EventwireError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(1) from None
        if as_json:
            if not verbose:
                r.pop("per_doc")
            else:  # the full records are for the Python API; the CLI lists sides and sentences
                for d in r["per_doc"]:
                    for j in d["judged"]:
                        j.pop("event", None)
            typer.echo(json.dumps(r, ensure_ascii=False, sort_keys=True))
        else:
            typer.echo(format_relations(r, verbose=verbose))

    @eval_app.command("calibration")
    def eval_calibration(
        as_json: Annotated[bool, typer.Option("--json", help="print one JSON object instead of a table")] = False,
        source: Annotated[
            list[str] | None, typer.Option("--source", "-s", help="gold | case2021 | re3d (repeatable; default all)")
        ] = None,
        shared: Annotated[
            Path | None, typer.Option(help="shared data folder (default $EVENTWIRE_SHARED or ../shared)")
        ] = None,
        limit: Annotated[int | None, typer.Option(help="read only the first N snippets/documents per file")] = None,
    ) -> None:
        """Share of correct events per confidence band, per gold source and pooled."""
        from eventwire.evaluate.calibration import (
            SOURCES,
            default_paths,
            evaluate_calibration,
            format_calibration,
        )

        chosen = source or list(SOURCES)
        bad = [s for s in chosen if s not in SOURCES]
        if bad:
            typer.echo(f"[E400] unknown source {', '.join(bad)}; choose from {', '.join(SOURCES)}", err=True)
            raise typer.Exit(2)
        paths = default_paths(shared)
        if not paths["gold"] and paths["case2021"] is None and paths["re3d"] is None:
            typer.echo("[E106] no shared data folder found: pass --shared DIR or set EVENTWIRE_SHARED", err=True)
            raise typer.Exit(1)
        try:
            r = evaluate_calibration(chosen, paths=paths, limit=limit)
        except EventwireError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(1) from None
        if as_json:
            r.pop("judged")
            typer.echo(json.dumps(r, ensure_ascii=False, sort_keys=True))
        else:
            typer.echo(format_calibration(r))
