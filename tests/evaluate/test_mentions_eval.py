"""eval mentions: the WikiEvents/RAMS matching rule on small hand-made documents, and the CLI keys."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.evaluate.mentions import aggregate, load_mapping, score_document

MAPPING = {"conflict.attack.unspecified": "ASSAULT", "justice.arrestjaildetain.unspecified": "COERCE"}
TEXT = "Gunmen attacked a police post in Kano on Monday. Police arrested two suspects. Three people died."
DOC = {
    "id": "d1",
    "text": TEXT,
    "entities": [{"id": "m1", "text": "Gunmen"}, {"id": "m2", "text": "a police post"}],
    "coref": [],
    "events": [
        {"type": "Conflict.Attack.Unspecified", "trigger": {"text": "attacked", "start": 7, "end": 15},
         "arguments": [{"role": "Attacker", "text": "Gunmen", "entity_id": "m1"},
                       {"role": "Target", "text": "a police post", "entity_id": "m2"}]},
        {"type": "Justice.ArrestJailDetain.Unspecified", "trigger": {"text": "arrested", "start": 56, "end": 64},
         "arguments": []},
        {"type": "Life.Die.Unspecified", "trigger": {"text": "died", "start": 92, "end": 96}, "arguments": []},
    ],
}


def ev(t, start, end, tstart=None, actors=()):
    return {"plover_type": t, "evidence": {"start": start, "end": end, "trigger_start": tstart,
                                            "trigger_end": None if tstart is None else tstart + 3},
            "actors": [{"role": r, "text": x} for r, x in actors]}


def test_trigger_inside_evidence_and_type_must_agree():
    good = ev("ASSAULT", 0, 33, 7, actors=[("actor", "Gunmen"), ("recipient", "a police post in Kano")])
    wrong_type = ev("COERCE", 0, 33)
    r = score_document(DOC, [good, wrong_type], MAPPING, exhaustive=True)
    assert r["matched"] == 1 and r["gold_mentions"] == 2
    assert r["args"]["assault_actor"] == [1, 1] and r["args"]["assault_recipient"] == [1, 1]


def test_assault_holding_a_death_trigger_is_right_but_not_a_match():
    r = score_document(DOC, [ev("ASSAULT", 76, 97)], MAPPING, exhaustive=True)
    assert r["matched"] == 0 and r["system_right"] == 1


def test_one_to_one_prefers_the_agreeing_trigger():
    loose = ev("ASSAULT", 0, 60)
    tight = ev("ASSAULT", 0, 40, 7)
    r = score_document(DOC, [loose, tight], MAPPING, exhaustive=True)
    assert r["matched"] == 1 and r["system_events"] == 2


def test_single_event_passages_report_no_precision():
    r = aggregate([score_document(DOC, [], MAPPING, exhaustive=False)], exhaustive=False, n_docs=1, errors=[])
    assert r["precision"] is None and r["f1"] is None and r["recall"] == 0.0


def test_mapping_leaves_out_types_without_plover(shared: Path):
    m = load_mapping(shared / "data" / "wikievents" / "plover_mapping.tsv")
    assert m["conflict.attack.detonateexplode"] == "ASSAULT"
    assert "life.die.unspecified" not in m


def test_cli_prints_the_documented_keys(shared: Path, tmp_path: Path):
    data = shared / "data" / "wikievents" / "dev.jsonl"
    first = next(line for line in data.read_text(encoding="utf-8").split("\n") if line.strip())
    small = tmp_path / "dev.jsonl"
    small.write_text(first + "\n", encoding="utf-8")
    (tmp_path / "plover_mapping.tsv").write_text(
        (shared / "data" / "wikievents" / "plover_mapping.tsv").read_text(encoding="utf-8"), encoding="utf-8")
    res = CliRunner().invoke(app, ["eval", "mentions", str(small), "--json"])
    assert res.exit_code == 0, res.output
    r = json.loads(res.stdout)
    for k in ("n_docs", "gold_mentions", "system_events", "recall", "precision", "f1", "recall_by_type",
              "assault_actor", "assault_recipient"):
        assert k in r
    assert r["n_docs"] == 1 and r["gold_mentions"] > 0


def test_halves_partition_the_file_and_only_the_read_half_lists_misses(shared: Path):
    from eventwire.evaluate.mentions import half_of, read_records

    ids = [str(r["id"]) for r in read_records(shared / "data" / "rams" / "dev.jsonl")]
    halves = [half_of(i) for i in ids]
    # a fixed split of about half each, and the same id always lands on the same side
    assert 0.4 < halves.count("A") / len(ids) < 0.6
    assert [half_of(i) for i in ids] == halves
    for args in (["--misses"], ["--half", "B", "--misses"]):
        res = CliRunner().invoke(app, ["eval", "mentions", str(shared / "data" / "rams" / "dev.jsonl"), *args])
        assert res.exit_code == 2 and "half A" in res.output


def test_misses_name_the_gold_trigger_and_its_sentence():
    doc = {"id": "d1", "text": "Rebels shelled the town. Talks failed.", "sentences": [[0, 24], [25, 38]],
           "events": [{"type": "conflict.attack.unspecified", "trigger": {"text": "shelled", "start": 7, "end": 14},
                       "arguments": []}]}
    r = score_document(doc, [], {"conflict.attack.unspecified": "ASSAULT"}, exhaustive=True)
    assert r["misses"][0]["trigger"] == "shelled" and r["misses"][0]["sentence"] == "Rebels shelled the town."
