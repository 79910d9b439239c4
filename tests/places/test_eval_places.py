"""`eventwire eval places` on a tiny fixture, and a quality gate on the shared dev sets."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eventwire.cli.places import register
from eventwire.evaluate.places import evaluate_places
from eventwire.places import PlaceResolver


def _app() -> typer.Typer:
    try:
        from eventwire.cli import app

        return app
    except ImportError:  # the lead's main app not there yet: test the registration on a fresh app
        app, eval_app = typer.Typer(), typer.Typer()
        app.add_typer(eval_app, name="eval")
        register(app, eval_app)
        return app


def _fixture(tmp_path: Path) -> Path:
    text = "Rockets hit Damascus and Homs, while Paris stayed calm."
    rows = [
        {
            "id": "1",
            "text": text,
            "toponyms": [
                {"start": 12, "end": 20, "name": "Damascus", "lat": 33.51, "lon": 36.29},
                {"start": 25, "end": 29, "name": "Homs", "lat": 34.73, "lon": 36.71},
                # deliberately wrong gold point (Sydney): must be counted as a miss
                {"start": 37, "end": 42, "name": "Paris", "lat": -33.87, "lon": 151.21},
            ],
        }
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_eval_places_json(tmp_path: Path, resolver: PlaceResolver) -> None:
    result = CliRunner().invoke(_app(), ["eval", "places", str(_fixture(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["n"] == 3
    assert figures["acc161"] == pytest.approx(2 / 3, abs=1e-3)
    assert figures["median_km"] < 161 < figures["mean_km"]


def test_eval_places_text_ends_with_summary(tmp_path: Path, resolver: PlaceResolver) -> None:
    result = CliRunner().invoke(_app(), ["eval", "places", str(_fixture(tmp_path))])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("places: n=3 acc161=0.667")


def test_eval_places_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["eval", "places", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2


SHARED = Path(os.environ.get("EVENTWIRE_SHARED", Path(__file__).resolve().parents[2] / "../shared"))
# Floors pinned a little below the figures measured when the resolver was last changed (docs/places.md).
# Round 6: GWN 0.903, LGL 0.898 (round 5: 0.899, 0.882).
FLOORS = {"gwn": 0.895, "lgl": 0.89}
# Unresolved gold spans, pinned a little above round 6's counts (GWN 4, LGL 3; 6 and 5 in round 5, 39 and
# 24 in round 4, 69 and 57 before).
UNRESOLVED_CEILINGS = {"gwn": 8, "lgl": 8}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quality_gate_on_dev_sets(name: str, resolver: PlaceResolver) -> None:
    path = SHARED / "data" / name / "dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not available")
    figures = evaluate_places(path, resolver=resolver)
    assert figures["n"] > 500
    assert figures["acc161"] >= FLOORS[name], figures
    assert figures["n_unresolved"] <= UNRESOLVED_CEILINGS[name], figures
