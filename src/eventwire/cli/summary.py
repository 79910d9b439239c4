"""The human summary of a store (``eventwire summary`` and ``eventwire demo``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.table import Table


def _table(title: str, rows: list[tuple[str, Any]], cols: tuple[str, str]) -> Table:
    t = Table(title=title, title_justify="left", show_edge=False, min_width=40)
    t.add_column(cols[0])
    t.add_column(cols[1], justify="right")
    for k, v in rows:
        t.add_row(str(k), str(v))
    return t


def _actor(r: dict[str, Any]) -> str:
    code = f"{r.get('country') or '?'}/{r.get('sector') or '?'}"
    return f"{r['name']} ({code})" if r.get("name") else code


def _place(r: dict[str, Any]) -> str:
    name = r.get("place_name") or r.get("name") or "?"
    extra = ", ".join(x for x in (r.get("admin1") if r.get("admin1") != name else None, r.get("country")) if x)
    return f"{name} ({extra})" if extra else name


SECTIONS: tuple[tuple[str, str, tuple[str, str], Callable[[dict[str, Any]], str]], ...] = (
    ("by_plover_type", "Events by PLOVER type", ("type", "events"), lambda r: r.get("key") or "-"),
    ("by_acled_event_type", "Events by ACLED type", ("ACLED event type", "events"),
     lambda r: r.get("key") or "(no ACLED category)"),
    ("top_actors", "Actors", ("actor (country/sector)", "events"), _actor),
    ("top_places", "Places", ("place", "events"), _place),
    ("claims_by_source", "Who claims what", ("claim source", "events"), lambda r: r.get("claim_source") or "-"),
)


def print_summary(s: dict[str, Any], console: Console) -> None:
    console.print(
        f"[bold]{s.get('articles', 0)} articles, {s.get('events', 0)} events[/bold]"
        + (f", {s['failures']} failed inputs" if s.get("failures") else "")
    )
    dr = s.get("date_range") or {}
    if dr.get("start"):
        console.print(f"dates: {dr['start']} .. {dr.get('end')}")
    console.print(
        f"deaths stated: {s.get('dead', 0)}, injured stated: {s.get('injured', 0)} "
        "(sums over reports: an incident reported twice counts twice; see incidents in the API)"
    )
    if s.get("events_without_claim_source") is not None:
        console.print(f"events told by the outlet itself (no claim source): {s['events_without_claim_source']}")
    for key, title, cols, label in SECTIONS:
        rows = s.get(key) or []
        if rows:
            console.print(_table(title, [(label(r), r.get("count", r.get("n"))) for r in rows], cols))
