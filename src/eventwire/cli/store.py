"""CLI commands of the store area (registered by eventwire.cli)."""

from __future__ import annotations

import typer


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this area's commands to the main app and to the `eval` group."""
