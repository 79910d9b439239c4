"""The human summary of a store (``eventwire summary`` and ``eventwire demo``)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table


def _table(title: str, rows: Any, cols: tuple[str, str]) -> Table:
    t = Table(title=title, title_justify="left", show_edge=False)
    t.add_column(cols[0])
    t.add_column(cols[1], justify="right")
    items = rows.items() if isinstance(rows, dict) else rows
    for k, v in items:
        t.add_row(str(k), str(v))
    return t


def print_summary(s: dict[str, Any], console: Console) -> None:
    console.print(
        f"[bold]{s.get('articles', 0)} articles, {s.get('events', 0)} events[/bold]"
        + (f", {s['failures']} failed inputs" if s.get("failures") else "")
    )
    dr = s.get("date_range") or {}
    if dr.get("start"):
        console.print(f"dates: {dr['start']} .. {dr.get('end')}")
    deaths = s.get("deaths") or {}
    if deaths:
        console.print(
            f"deaths stated: {deaths.get('dead', 0)}; injured stated: {deaths.get('injured', 0)} "
            "(sums over event reports; one incident reported twice counts twice)"
        )
    for key, title, cols in (
        ("by_plover_type", "Events by PLOVER type", ("type", "events")),
        ("by_acled_type", "Events by ACLED type", ("ACLED event type", "events")),
        ("actors", "Actors", ("actor (country/sector)", "events")),
        ("places", "Places", ("place", "events")),
        ("claim_sources", "Who claims what", ("claim source", "events")),
    ):
        rows = s.get(key)
        if rows:
            if isinstance(rows, list) and rows and isinstance(rows[0], dict):
                rows = [(r.get("label") or r.get("name") or r.get("text"), r.get("count")) for r in rows]
            console.print(_table(title, rows, cols))
