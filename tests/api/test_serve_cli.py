"""`eventwire serve`: builds the app over the store named by --db, with the token from the env."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from fastapi.testclient import TestClient
from typer.testing import CliRunner


def _app() -> typer.Typer:
    try:
        from eventwire.cli import app

        return app
    except ImportError:  # the main CLI is assembled by the lead; test our register() alone meanwhile
        from eventwire.cli.serve import register

        app = typer.Typer()
        register(app, typer.Typer())
        app.command("noop")(lambda: None)  # keeps typer in multi-command mode
        return app


def test_serve_starts_uvicorn_with_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen: dict = {}

    def fake_run(api, host: str, port: int, **_kw) -> None:  # the server loop only; app and store are real
        seen.update(api=api, host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.setenv("EVENTWIRE_API_TOKEN", "tok")
    db = tmp_path / "s.db"
    r = CliRunner().invoke(_app(), ["serve", "--db", f"sqlite:///{db}", "--port", "8123"])
    assert r.exit_code == 0, r.output
    assert seen["port"] == 8123 and seen["host"] == "127.0.0.1" and db.exists()
    with TestClient(seen["api"]) as c:
        assert c.get("/api/health").json()["status"] == "ok"
        assert c.post("/api/articles", json={"text": "x"}).status_code == 401
        bad = c.post("/api/articles", json={"text": ""}, headers={"Authorization": "Bearer tok"})
        assert bad.status_code == 422


def test_serve_reports_a_bad_store() -> None:
    r = CliRunner().invoke(_app(), ["serve", "--db", "postgresql+psycopg://u@127.0.0.1:1/x"])
    assert r.exit_code == 2 and "E301" in r.output
