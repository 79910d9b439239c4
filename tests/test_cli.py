"""The CLI driven through typer's runner, as a user would drive it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.export import ACLED_COLUMNS

runner = CliRunner()


def _extract(*args: str, input: bytes | None = None):
    return runner.invoke(app, ["extract", *args], input=input)


def test_extract_jsonl_prints_one_record_per_line(seed_text: Path):
    r = _extract(str(seed_text), "--published", "2020-02-10", "--format", "jsonl")
    assert r.exit_code == 0, r.output
    lines = [ln for ln in r.stdout.splitlines() if ln.strip()]
    records = [json.loads(ln) for ln in lines]
    assert len(records) >= 8
    text = seed_text.read_text(encoding="utf-8")
    for rec in records:
        assert rec["schema"] == "eventwire.event/1"
        ev = rec["evidence"]
        # the evidence span points into the article text as stored and holds the trigger
        assert ev["trigger"] in text[ev["start"]: ev["end"]]


def test_extract_from_stdin_equals_file(seed_text: Path):
    a = _extract(str(seed_text), "--published", "2020-02-10", "--format", "jsonl")
    b = _extract("-", "--published", "2020-02-10", "--format", "jsonl", input=seed_text.read_bytes())
    assert a.exit_code == b.exit_code == 0
    ids_a = [json.loads(x)["event_id"] for x in a.stdout.splitlines() if x.strip()]
    ids_b = [json.loads(x)["event_id"] for x in b.stdout.splitlines() if x.strip()]
    assert ids_a == ids_b and ids_a


def test_no_publication_date_no_guessed_year(seed_text: Path):
    r = _extract(str(seed_text), "--format", "jsonl")
    assert r.exit_code == 0
    for rec in map(json.loads, filter(str.strip, r.stdout.splitlines())):
        d = rec["date"]
        # without a publication date nothing relative resolves, and "Feb. 3" has no year to take
        assert d is None or d["start"] is None, d


def test_table_format_runs(seed_text: Path):
    r = _extract(str(seed_text), "--published", "2020-02-10", "--format", "table")
    assert r.exit_code == 0 and "ASSAULT" in r.stdout


BAD_INPUTS = {
    "empty": (b"", "E101"),
    "whitespace": (b"   \n\n  ", "E101"),
    "binary": (bytes(range(256)) * 40, "E103"),
    "latin1": ("Les forces syriennes ont tué cinq soldats turcs à Idlib, a déclaré le ministère.".encode("latin-1"), "E104"),
    "french": ("Les forces syriennes ont tué cinq soldats turcs dans la province d'Idlib, selon le ministère "
               "turc de la Défense, qui a annoncé une riposte immédiate contre les positions du régime.".encode(), "E107"),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_input_one_line_error_naming_input(tmp_path: Path, kind: str):
    data, code = BAD_INPUTS[kind]
    f = tmp_path / f"{kind}.txt"
    f.write_bytes(data)
    r = _extract(str(f))
    assert r.exit_code != 0
    msg = r.stderr.strip()
    assert code in msg and str(f) in msg.replace("\n", ""), msg
    assert "Traceback" not in r.output


def test_missing_file(tmp_path: Path):
    r = _extract(str(tmp_path / "nope.txt"))
    assert r.exit_code != 0 and "E106" in r.stderr and "nope.txt" in r.stderr


def test_huge_file_is_refused_quickly(tmp_path: Path):
    f = tmp_path / "huge.txt"
    line = b"Syrian troops killed five Turkish soldiers in Idlib, the ministry said on Monday.\n"
    with f.open("wb") as fh:
        for _ in range(50_000_000 // len(line) + 1):
            fh.write(line)
    assert f.stat().st_size >= 50_000_000
    r = _extract(str(f))
    assert r.exit_code != 0 and "E105" in r.stderr


def test_bad_published_date(seed_text: Path):
    r = _extract(str(seed_text), "--published", "2020-02-30")
    assert r.exit_code != 0 and "E102" in r.stderr


def test_ingest_twice_stores_once_and_failures_do_not_stop_the_batch(tmp_path: Path, seed_text: Path):
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    r1 = runner.invoke(app, ["ingest", str(seed_text), "--db", db, "--published", "2020-02-10"])
    assert r1.exit_code == 0, r1.output
    first = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"]).stdout.splitlines()
    assert first
    r2 = runner.invoke(app, ["ingest", str(empty), str(seed_text), "--db", db, "--published", "2020-02-10"])
    assert r2.exit_code == 1  # one input failed ...
    assert "E101" in r2.stderr and "empty.txt" in r2.stderr
    second = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"]).stdout.splitlines()
    assert sorted(second) == sorted(first)  # ... and the good one is neither lost nor duplicated


def test_events_acled_has_the_31_columns(tmp_path: Path, seed_text: Path):
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    assert runner.invoke(app, ["ingest", str(seed_text), "--db", db, "--published", "2020-02-10"]).exit_code == 0
    r = runner.invoke(app, ["events", "--db", db, "--format", "acled"])
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    violent = [x for x in rows if x["event_type"] in {"Battles", "Explosions/Remote violence"}]
    assert violent and all(x["event_date"].startswith("2020-") for x in violent)
    assert any(x["country"] == "Syria" for x in violent)
    geo = json.loads(runner.invoke(app, ["events", "--db", db, "--format", "geojson"]).stdout)
    assert geo["type"] == "FeatureCollection" and geo["features"]
    for feat in geo["features"]:
        lon, lat = feat["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_summary_and_demo(tmp_path: Path, seed_gold: Path):
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    r = runner.invoke(app, ["demo", "--db", db, "--corpus", str(seed_gold.parent)])
    assert r.exit_code == 0, r.output
    assert "Events by PLOVER type" in r.stdout and "ASSAULT" in r.stdout
    s = json.loads(runner.invoke(app, ["summary", "--db", db, "--json"]).stdout)
    assert s["articles"] == 1 and s["events"] >= 8


def test_every_command_is_documented():
    doc = (Path(__file__).parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    import typer.main

    click_app = typer.main.get_command(app)
    names = []
    for name, cmd in click_app.commands.items():  # type: ignore[attr-defined]
        sub = getattr(cmd, "commands", None)
        names += [f"{name} {s}" for s in sub] if sub else [name]
    missing = [n for n in names if f"eventwire {n}" not in doc]
    assert not missing, f"undocumented commands: {missing}"
