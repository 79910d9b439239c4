"""The `eventwire eval dates` command and evaluate_dates on small tables."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from eventwire.cli.times import register
from eventwire.evaluate.dates import evaluate_dates


def _app() -> typer.Typer:
    try:
        from eventwire.cli import app

        return app
    except ImportError:  # the lead's main app not there yet: test the registration on a fresh app
        app, eval_app = typer.Typer(), typer.Typer()
        app.add_typer(eval_app, name="eval")
        register(app, eval_app)
        return app


def _table(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


ROWS = [
    {
        "text": "on Monday",
        "published": "2020-02-10",
        "start": "2020-02-10",
        "end": "2020-02-10",
        "precision": "day",
    },
    {"text": "yesterday", "published": None, "start": None, "end": None, "precision": None},
    # deliberately wrong expectation: must be counted as a miss
    {
        "text": "last week",
        "published": "2020-02-10",
        "start": "2020-02-10",
        "end": "2020-02-16",
        "precision": "week",
    },
]


def test_evaluate_counts_misses(tmp_path: Path) -> None:
    result = evaluate_dates(_table(tmp_path, ROWS))
    assert result["n"] == 3
    assert abs(result["accuracy"] - 2 / 3) < 1e-3
    assert [e["text"] for e in result["errors"]] == ["last week"]


def test_cli_json(tmp_path: Path) -> None:
    out = CliRunner().invoke(_app(), ["eval", "dates", str(_table(tmp_path, ROWS)), "--json"])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.output.strip().splitlines()[-1])
    assert payload["n"] == 3 and abs(payload["accuracy"] - 0.6667) < 1e-3


def test_cli_text_ends_with_summary(tmp_path: Path) -> None:
    out = CliRunner().invoke(_app(), ["eval", "dates", str(_table(tmp_path, ROWS))])
    assert out.exit_code == 0, out.output
    lines = out.output.strip().splitlines()
    assert lines[-1].startswith("dates: n=3 correct=2 accuracy=0.667")
    assert any("last week" in line for line in lines[:-1])


def test_cli_missing_file_is_an_error(tmp_path: Path) -> None:
    out = CliRunner().invoke(_app(), ["eval", "dates", str(tmp_path / "nope.jsonl")])
    assert out.exit_code != 0
