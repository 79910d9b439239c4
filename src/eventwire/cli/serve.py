"""CLI commands of the serve area (registered by eventwire.cli)."""

from __future__ import annotations

import os

import typer


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this area's commands to the main app and to the `eval` group."""

    @app.command()
    def serve(
        db: str = typer.Option(None, "--db", help="store URL (default: $EVENTWIRE_DB or sqlite:///./eventwire.db)"),
        host: str = typer.Option("127.0.0.1", "--host", help="interface to listen on"),
        port: int = typer.Option(8000, "--port", help="TCP port"),
        token: str = typer.Option(
            None, "--token", envvar="EVENTWIRE_API_TOKEN", show_envvar=True,
            help="API token that POST /api/articles requires (no token: ingest over HTTP is off)",
        ),
        read_token: str = typer.Option(
            None, "--read-token", envvar="EVENTWIRE_API_READ_TOKEN", show_envvar=True,
            help="token that reads require (default: reads are open)",
        ),
        ingest_timeout: float = typer.Option(
            300.0, "--ingest-timeout", min=1.0, help="seconds one POSTed article may take to code (else 503, E221)",
        ),
        ingest_queue: int = typer.Option(
            4, "--ingest-queue", min=1, help="POSTs coded or waiting at once; more are refused (503, E220)",
        ),
    ) -> None:
        """Serve the HTTP API (docs at /docs) and the dashboard over a store."""
        import uvicorn

        from ..api import create_app
        from ..errors import EventwireError
        from ..settings import Settings

        url = db or Settings.from_env().db_url
        try:
            api = create_app(url, token=token or None, read_token=read_token or None,
                             ingest_budget_s=ingest_timeout, ingest_queue=ingest_queue)
        except EventwireError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(2) from exc
        if token is None and not os.environ.get("EVENTWIRE_API_TOKEN"):
            typer.echo("no API token set (--token / EVENTWIRE_API_TOKEN): POST /api/articles is disabled", err=True)
        uvicorn.run(api, host=host, port=port, log_level="info")
