"""`eventwire run` links too: every engine hands its results to the runner, which writes through
Store.add_result (the engine tests' stand-in pipeline codes the events)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from eventwire.incidents import queries
from eventwire.store import Store

sys.path.insert(0, str(Path(__file__).parents[1] / "engines"))

ZH = ("Syrian government forces shelled a Turkish post near Saraqib in Idlib, killing 5 Turkish soldiers, "
      "Erdogan said in Ankara. Assad's army and Russian jets struck Taftanaz and Neirab, Hulusi Akar added.")
AM = ("Artillery of the Syrian army hit Turkish troops near Saraqib in Idlib province, killing 7 of them, "
      "Al-Manar reported. Erdogan warned Assad in Ankara; Taftanaz and Neirab were struck, Hulusi Akar said.")


def test_run_links_reports_of_two_outlets_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    from eventwire.cli import app

    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps(r) for r in [
        {"id": "zh", "text": ZH, "published": "2020-02-10", "source": "Zero Hedge"},
        {"id": "am", "text": AM, "published": "2020-02-10", "source": "Al-Manar"},
    ]) + "\n")
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    for _ in range(2):
        res = CliRunner().invoke(app, ["run", str(dump), "--db", db, "--pipeline", "incident_samples:LinkedFakePipeline", "--quiet"])
        assert res.exit_code == 0, res.output
    with Store.open(db) as store:
        assert store.count_events() == 2
        assert len({e["incident_id"] for e in store.iter_events()}) == 1
        [inc] = list(queries.iterate(store))
        assert inc["n_outlets"] == 2 and inc["conflicts"] == ["dead: 5 vs 7"]
