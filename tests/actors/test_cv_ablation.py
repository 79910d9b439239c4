"""scripts/cv_eval.py's KB ablation: the curated aliases a held-out fold alone uses are hidden, and with
``whole_entries`` the whole curated row, so that the public-source entry of the same person steps in."""

from __future__ import annotations

import sys
from pathlib import Path

from eventwire.actors import kb

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import cv_eval  # noqa: E402


def test_one_hidden_alias_hides_the_whole_curated_row() -> None:
    assert ("people.tsv", "Vladimir Putin") in cv_eval._hidden_entities({"vladimir putin"})
    assert cv_eval._hidden_entities({"no such name anywhere"}) == set()


def test_with_the_row_hidden_a_public_source_entry_takes_its_place() -> None:
    whole = cv_eval._ablated({"vladimir putin"}, whole_entries=True)
    # the shipped KB holds the curated row under the other spelling too (which alias-level hiding keeps)
    assert any(e.source == "people.tsv" for e in kb.load().lookup("vladimir vladimirovich putin"))
    # hiding the row lets the compiled entries of the same person be read instead
    assert not any(e.source == "people.tsv" for k in ("vladimir putin", "vladimir vladimirovich putin")
                   for e in whole.lookup(k))
    assert any(e.kind == "person" and e.source in kb.COMPILED_PEOPLE for e in whole.lookup("vladimir putin"))


def test_the_work_and_untouched_halves_split_by_test_group() -> None:
    # every case of one NGEC test function falls in the same half, so a rule read off a work-half case
    # cannot see its siblings in the untouched half
    cases = [{"id": f"{i:03d}:x", "test": f"test_{name}{suffix}"} for i, (name, suffix) in
             enumerate((n, s) for n in ("nat", "cop_list", "leaders", "orgs") for s in ("", "_2", "_14"))]
    by_group: dict[str, set[str]] = {}
    for c in cases:
        by_group.setdefault(cv_eval._group(c["test"]), set()).add(cv_eval.actor_half(c))
    assert all(len(halves) == 1 for halves in by_group.values())
    assert cv_eval.actor_half(cases[0]) == cv_eval.actor_half(dict(cases[0]))
