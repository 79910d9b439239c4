"""CLI commands of the places area (registered by eventwire.cli)."""

from __future__ import annotations

import json
from pathlib import Path

import typer


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this area's commands to the main app and to the `eval` group."""

    @eval_app.command("places")
    def eval_places(
        path: Path = typer.Argument(..., help="GWN/LGL-style JSON lines: text, toponyms[start,end,lat,lon]."),
        as_json: bool = typer.Option(
            False, "--json", help="Print one JSON object {n, acc161, mean_km, ...}."
        ),
        end_to_end: bool = typer.Option(
            False,
            "--end-to-end",
            help="Also recognise toponyms with spaCy (GPE/LOC/FAC) and score both steps.",
        ),
    ) -> None:
        """Score toponym resolution on gold spans: share within 161 km, mean and median error."""
        from ..errors import EventwireError
        from ..evaluate.places import evaluate_places

        try:
            result = evaluate_places(path, end_to_end=end_to_end)
        except EventwireError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(2) from exc
        if as_json:
            typer.echo(json.dumps(result))
            return
        typer.echo(f"  articles={result['articles']} gold toponyms scored={result['n']}")
        typer.echo(
            f"  unresolved={result['n_unresolved']} (counted as misses) "
            f"demonyms={result['n_demonyms']} (not places; left out) acc161_all={result['acc161_all']:.3f}"
        )
        if end_to_end:
            typer.echo(
                f"  end-to-end: precision={result['e2e_precision']:.3f} recall={result['e2e_recall']:.3f} "
                f"f1={result['e2e_f1']:.3f} acc161(matched)={result['e2e_acc161']:.3f}"
            )
        typer.echo(
            f"places: n={result['n']} acc161={result['acc161']:.3f} mean_km={result['mean_km']} "
            f"median_km={result['median_km']}"
        )
