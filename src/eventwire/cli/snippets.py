"""CLI commands of the snippets area (registered by eventwire.cli): `eventwire eval snippets`."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from eventwire.errors import EventwireError


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this area's commands to the main app and to the `eval` group."""

    @eval_app.command("snippets")
    def eval_snippets(
        path: Path = typer.Argument(
            ..., help="JSON-lines file of {id, text, label} (CASE 2021 Task 2 format)"
        ),
        as_json: bool = typer.Option(False, "--json", help="print one JSON object instead of tables"),
        coder: str = typer.Option(
            "pipeline",
            "--coder",
            help="pipeline: eventwire's own coding (falls back to the classifier); "
            "classifier: classify_acled alone; rules: the lexical rules without the model; "
            "model: the learned model alone",
        ),
        half: str = typer.Option(
            "",
            "--half",
            help="A or B: score one half of the file only, split by sha256('casehalf:'+id) as "
            "eval/tools/case_detection.py does (read errors of A; B is only scored)",
        ),
    ) -> None:
        """Score event typing of short snippets: weighted/macro F1, per-class F1, confusion matrix."""
        from eventwire.evaluate.snippets import CODERS, confusion_text, evaluate_snippets

        if coder not in CODERS:
            typer.echo(f"[E400] --coder must be one of {', '.join(CODERS)}", err=True)
            raise typer.Exit(2)
        if half not in ("", "A", "B"):
            typer.echo("[E400] --half must be A or B", err=True)
            raise typer.Exit(2)
        try:
            result = evaluate_snippets(path, classify=CODERS[coder], half=half or None)
        except EventwireError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(1) from exc
        result["coder"] = coder
        if as_json:
            result.pop("predictions", None)
            typer.echo(json.dumps(result, sort_keys=True))
            return
        typer.echo(f"{'label':<30} {'prec':>6} {'rec':>6} {'f1':>6} {'n':>4}")
        for label, row in sorted(result["per_class"].items()):
            typer.echo(
                f"{label:<30} {row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1']:>6.3f} {row['support']:>4}"
            )
        typer.echo("")
        typer.echo("confusion (rows gold, columns predicted):")
        typer.echo(confusion_text(result))
        typer.echo("")
        typer.echo(
            f"snippets n={result['n']}{' half=' + half if half else ''} coder={coder} weighted_f1={result['weighted_f1']:.4f} "
            f"macro_f1={result['macro_f1']:.4f} accuracy={result['accuracy']:.4f}"
        )
