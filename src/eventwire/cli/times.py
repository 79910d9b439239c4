"""CLI commands of the times area (registered by eventwire.cli)."""

from __future__ import annotations

import json
from pathlib import Path

import typer


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this area's commands to the main app and to the `eval` group."""

    @eval_app.command("dates")
    def eval_dates(
        table: Path = typer.Argument(..., help="JSON lines: text, published, start, end, precision."),
        as_json: bool = typer.Option(False, "--json", help="Print one JSON object {n, accuracy}."),
        show: int = typer.Option(20, "--show", help="How many misses to list (0: none)."),
    ) -> None:
        """Score the date resolver on a table of expressions (exact start, end and precision)."""
        from ..errors import EventwireError
        from ..evaluate.dates import evaluate_dates

        try:
            result = evaluate_dates(table)
        except EventwireError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(2) from exc
        if as_json:
            typer.echo(json.dumps({"n": result["n"], "accuracy": result["accuracy"]}))
            return
        for key, figures in result["by_precision"].items():
            typer.echo(f"  {key:<11} n={figures['n']:<4} accuracy={figures['accuracy']:.3f}")
        for miss in result["errors"][: max(show, 0)]:
            typer.echo(
                f"  miss line {miss['line']}: {miss['text']!r} (published {miss['published']}) "
                f"want {miss['want']} got {miss['got']} via {miss['found']!r}"
            )
        typer.echo(f"dates: n={result['n']} correct={result['correct']} accuracy={result['accuracy']:.3f}")
