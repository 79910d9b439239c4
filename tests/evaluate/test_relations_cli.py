"""`eventwire eval relations` and `eventwire eval calibration`: --json shape, on tiny files, with a stubbed coder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import eventwire
from eventwire.cli.relations import register

TEXT = "Iraqi Security Forces attacked ISIL fighters near Mosul on Monday."


def _app() -> typer.Typer:
    # A fresh app: the test does not depend on the main app's list of areas.
    app = typer.Typer()
    eval_app = typer.Typer()
    app.add_typer(eval_app, name="eval")
    register(app, eval_app)
    return app


def _fake_extract(text: str, **_: object) -> list[dict]:
    a, b = text.index("Iraqi Security Forces"), text.index("ISIL fighters")
    return [{
        "plover_type": "ASSAULT", "confidence": 0.85, "acled_sub_event_type": "Armed clash",
        "actors": [
            {"role": "actor", "text": "Iraqi Security Forces", "start": a, "end": a + 21},
            {"role": "recipient", "text": "ISIL fighters", "start": b, "end": b + 13},
        ],
        "evidence": {"start": 0, "end": len(text), "sentence": text},
    }]


@pytest.fixture
def shared_tree(tmp_path: Path) -> Path:
    rel = {"type": "FightingAgainst",
           "source": {"begin": 0, "end": 21, "value": "Iraqi Security Forces"},
           "target": {"begin": 31, "end": 44, "value": "ISIL fighters"}}
    (tmp_path / "data" / "re3d").mkdir(parents=True)
    (tmp_path / "data" / "re3d" / "dev.jsonl").write_text(
        json.dumps({"id": "D1", "title": "t", "text": TEXT, "entities": [], "relations": [rel]}) + "\n")
    (tmp_path / "data" / "case2021_task2").mkdir(parents=True)
    (tmp_path / "data" / "case2021_task2" / "dev.jsonl").write_text(
        json.dumps({"id": "1", "text": TEXT, "label": "ARMED_CLASH"}) + "\n"
        + json.dumps({"id": "2", "text": TEXT, "label": "AIR_STRIKE"}) + "\n")
    (tmp_path / "gold").mkdir()
    return tmp_path


def test_relations_json_shape(shared_tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(eventwire, "extract", _fake_extract)
    res = CliRunner().invoke(_app(), ["eval", "relations", str(shared_tree / "data/re3d/dev.jsonl"), "--json"])
    assert res.exit_code == 0, res.output
    r = json.loads(res.output)
    assert r["n"] == 1 and r["fighting_pairs"] == 1 and r["found"] == 1 and r["recall"] == 1.0
    assert {"pair_precision", "allies_pairs", "allies_as_violent", "refused"} <= set(r)
    assert "per_doc" not in r


def test_relations_text_ends_with_a_summary_line(shared_tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(eventwire, "extract", lambda text, **_: [])
    res = CliRunner().invoke(_app(), ["eval", "relations", str(shared_tree / "data/re3d/dev.jsonl")])
    assert res.exit_code == 0, res.output
    last = res.output.strip().splitlines()[-1]
    assert last.startswith("re3d relations:") and "recall 0.000" in last


def test_relations_missing_file_exits_1(tmp_path: Path) -> None:
    res = CliRunner().invoke(_app(), ["eval", "relations", str(tmp_path / "nope.jsonl")])
    assert res.exit_code == 1 and "E106" in res.output


def test_calibration_json_shape(shared_tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(eventwire, "extract", _fake_extract)
    res = CliRunner().invoke(_app(), ["eval", "calibration", "--json", "--shared", str(shared_tree)])
    assert res.exit_code == 0, res.output
    r = json.loads(res.output)
    assert set(r["sources"]) == {"gold", "case2021", "re3d"}
    snip = r["sources"]["case2021"]
    assert snip["n"] == 2
    top = snip["table"][-1]
    assert top["band"] == "0.80-1.00" and top["n"] == 2 and top["correct"] == 1
    assert r["sources"]["re3d"]["table"][-1]["correct"] == 1
    assert r["pooled"]["n"] == 3 and sum(row["n"] for row in r["pooled"]["table"]) == 3


def test_calibration_rejects_unknown_source(shared_tree: Path) -> None:
    res = CliRunner().invoke(_app(), ["eval", "calibration", "--source", "nope", "--shared", str(shared_tree)])
    assert res.exit_code == 2
