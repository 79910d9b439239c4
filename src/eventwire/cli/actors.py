"""CLI commands of the actors area (registered by eventwire.cli)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import typer

from ..errors import EventwireError


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this area's commands to the main app and to the `eval` group."""

    @app.command("actor")
    def actor_cmd(
        text: str = typer.Argument(..., help="An actor mention, e.g. 'the Turkish Defense Ministry'."),
        context: str = typer.Option("", "--context", help="Text naming the article's country, if any."),
        date: str | None = typer.Option(None, "--date", help="Date of the report (YYYY-MM-DD); default today."),
        as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    ) -> None:
        """Resolve one actor mention to country + PLOVER sector, and say which rule decided it."""
        from ..actors import ActorResolver

        day = None
        if date:
            try:
                day = dt.date.fromisoformat(date)
            except ValueError:
                typer.echo(f"[E102] --date {date!r} is not an ISO date (YYYY-MM-DD)", err=True)
                raise typer.Exit(2) from None
        resolver = ActorResolver.load()
        m = resolver.resolve(text, context=context, date=day)
        news = resolver.is_news_source(text)
        payload = {
            "text": text,
            "name": m.name if m else None,
            "country": m.country if m else None,
            "sector": m.sector if m else None,
            "sector_2": m.sector_2 if m else None,
            "wikidata": m.wikidata if m else None,
            "rule": m.rule if m else None,
            "news_source": news,
        }
        if as_json:
            typer.echo(json.dumps(payload, ensure_ascii=False))
            return
        if m is None:
            typer.echo(f"{text!r}: no resolution (nothing in the knowledge base supports one)")
        else:
            sectors = m.sector or "-"
            if m.sector_2:
                sectors += f"+{m.sector_2}"
            typer.echo(f"{text!r}: country={m.country or '-'} sector={sectors} name={m.name or '-'}")
            typer.echo(f"  rule: {m.rule}")
        if news:
            typer.echo("  note: a news outlet (a source of claims, not an actor)")

    @eval_app.command("actors")
    def eval_actors_cmd(
        path: Path = typer.Argument(..., help="JSONL of NGEC-style actor cases (see docs/actors.md)."),
        as_json: bool = typer.Option(False, "--json", help="Print one JSON object with the figures."),
        show_errors: bool = typer.Option(False, "--errors", help="List the cases that were wrong."),
    ) -> None:
        """Score actor resolution: country, sector and joint accuracy."""
        from ..evaluate.actors import evaluate_actors

        try:
            r = evaluate_actors(path)
        except EventwireError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(1) from None
        if as_json:
            out = {k: r[k] for k in ("n", "country_accuracy", "sector_accuracy", "joint_accuracy",
                                     "sector_2_accuracy", "none_accuracy")}
            typer.echo(json.dumps(out))
            return
        for key, label in (("country", "country"), ("sector", "sector"), ("joint", "country+sector"),
                           ("sector_2", "second sector"), ("none", "expect none")):
            c = r["counts"][key]
            value = r[f"{key}_accuracy"]
            shown = f"{value:.3f}" if value is not None else "n/a"
            typer.echo(f"{label:>15}: {shown}  ({c['right']}/{c['asserted']})")
        if show_errors:
            for e in r["errors"]:
                typer.echo(f"  wrong: {e['text']!r} expected {e['expected']} got {e['got']} ({e['rule']})")

        def fmt(v: float | None) -> str:
            return f"{v:.3f}" if v is not None else "n/a"

        typer.echo(
            f"actors: n={r['n']} country={fmt(r['country_accuracy'])} sector={fmt(r['sector_accuracy'])} "
            f"joint={fmt(r['joint_accuracy'])}"
        )
