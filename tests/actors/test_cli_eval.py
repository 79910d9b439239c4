"""`eventwire eval actors` and `eventwire actor`, and the quality gate on the shared dev set."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eventwire.cli.actors import register
from eventwire.evaluate.actors import evaluate_actors, parse_case_date

SHARED = Path(os.environ.get("EVENTWIRE_SHARED", Path(__file__).resolve().parents[2] / "../shared"))
DEV = SHARED / "data" / "ngec_actors" / "dev.jsonl"


def _app() -> typer.Typer:
    try:
        from eventwire.cli import app

        return app
    except ImportError:  # the main app is assembled by the lead; test the registration on its own
        app = typer.Typer()
        eval_app = typer.Typer()
        register(app, eval_app)
        app.add_typer(eval_app, name="eval")
        return app


CASES = [
    {"id": "1", "text": "Turkish soldiers", "country": "TUR", "sector": "MIL", "sector_2": None,
     "sector_any_of": None, "date": None, "context": "", "known_country": "", "expect_none": False},
    {"id": "2", "text": "a cat", "country": None, "sector": None, "sector_2": None, "sector_any_of": None,
     "date": None, "context": "", "known_country": "", "expect_none": True},
    {"id": "3", "text": "Hezbollah", "country": "LBN", "sector": None, "sector_2": None,
     "sector_any_of": ["PTY", "REB"], "date": "today", "context": "", "known_country": "", "expect_none": False},
    {"id": "4", "text": "Angela Merkel", "country": "DEU", "sector": "GOV", "sector_2": None,
     "sector_any_of": None, "date": "10 May 2015", "context": "", "known_country": "", "expect_none": False},
    # Deliberately wrong expectation: the scorer must count it as an error.
    {"id": "5", "text": "Syrian rebels", "country": "TUR", "sector": "REB", "sector_2": None,
     "sector_any_of": None, "date": None, "context": "", "known_country": "", "expect_none": False},
]


@pytest.fixture()
def cases_file(tmp_path: Path) -> Path:
    p = tmp_path / "cases.jsonl"
    p.write_text("\n".join(json.dumps(c) for c in CASES) + "\n", encoding="utf-8")
    return p


def test_evaluate_counts_each_assertion(cases_file: Path) -> None:
    r = evaluate_actors(cases_file)
    assert r["n"] == 5
    assert r["counts"]["country"] == {"right": 4, "asserted": 5}
    assert r["counts"]["sector"] == {"right": 5, "asserted": 5}
    assert r["joint_accuracy"] == pytest.approx(4 / 5)
    assert r["none_accuracy"] == 1.0
    assert [e["id"] for e in r["errors"]] == ["5"]


def test_cli_eval_json(cases_file: Path) -> None:
    result = CliRunner().invoke(_app(), ["eval", "actors", str(cases_file), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["n"] == 5
    assert out["country_accuracy"] == pytest.approx(0.8)
    assert out["sector_accuracy"] == 1.0


def test_cli_eval_text_ends_with_summary(cases_file: Path) -> None:
    result = CliRunner().invoke(_app(), ["eval", "actors", str(cases_file)])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("actors: n=5 country=0.800 sector=1.000")


def test_cli_eval_missing_file_fails(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["eval", "actors", str(tmp_path / "nope.jsonl")])
    assert result.exit_code != 0
    assert "E106" in result.output


def test_cli_actor_json() -> None:
    result = CliRunner().invoke(_app(), ["actor", "Turkish troops", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert (out["country"], out["sector"]) == ("TUR", "MIL") and out["rule"]


def test_case_dates() -> None:
    assert parse_case_date("10 May 2015").isoformat() == "2015-05-10"
    assert parse_case_date("1 july 2021").isoformat() == "2021-07-01"
    assert parse_case_date("2022-03-01").isoformat() == "2022-03-01"


@pytest.mark.skipif(not DEV.is_file(), reason="shared evaluation data not available")
def test_quality_gate_on_shared_dev_set() -> None:
    r = evaluate_actors(DEV)
    # Pinned just below the measured figures (docs/actors.md): a regression fails here.
    assert r["country_accuracy"] >= 0.90
    assert r["joint_accuracy"] >= 0.85
    assert r["sector_accuracy"] >= 0.90
