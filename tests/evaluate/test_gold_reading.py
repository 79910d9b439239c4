"""Which gold files the shared scorers can read: they split a dataset with str.splitlines(), so a record
holding U+0085 breaks it from there on (lgl/dev.jsonl from record 38543581: eval/corpus/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.evaluate.gold import shared_scorer_reads


def _gold(folder: Path, rid: str) -> Path:
    p = folder / f"x-{rid}.gold.json"
    p.write_text(json.dumps({"article": {"text_ref": {"file": "data.jsonl", "id": rid, "field": "text"}},
                             "events": []}), encoding="utf-8")
    return p


def test_records_from_a_next_line_character_on_are_not_readable_by_the_shared_scorer(tmp_path):
    rows = [{"id": "1", "text": "Police arrested two men."},
            {"id": "2", "text": "A line\u0085that str.splitlines() breaks."},
            {"id": "3", "text": "Troops shelled the town."}]
    (tmp_path / "data.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                         encoding="utf-8")
    assert shared_scorer_reads(_gold(tmp_path, "1"))
    assert not shared_scorer_reads(_gold(tmp_path, "2"))
    assert not shared_scorer_reads(_gold(tmp_path, "3"))


def test_a_gold_file_with_its_own_text_file_is_readable(tmp_path):
    p = tmp_path / "a.gold.json"
    p.write_text(json.dumps({"article": {"text_file": "a.txt"}, "events": []}), encoding="utf-8")
    assert shared_scorer_reads(p)
