"""The re3d relations scorer on a hand-written document with a stubbed coder (fast, no model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.evaluate.relations import evaluate_relations, text_match

TEXT = (
    "Iraqi Security Forces attacked ISIL fighters near Mosul. "
    "Kurdish Peshmerga later clashed with Daesh in Sinjar. "
    "The Coalition supports the Iraqi government."
)


def _span(s: str, start: int = 0) -> dict:
    i = TEXT.index(s, start)
    return {"begin": i, "end": i + len(s), "value": s}


def _doc() -> dict:
    return {
        "id": "D1", "title": "fixture", "text": TEXT, "entities": [],
        "relations": [
            {"type": "FightingAgainst", "source": _span("Iraqi Security Forces"), "target": _span("ISIL fighters")},
            # the same pair annotated twice counts once
            {"type": "FightingAgainst", "source": _span("ISIL fighters"), "target": _span("Iraqi Security Forces")},
            {"type": "FightingAgainst", "source": _span("Kurdish Peshmerga"), "target": _span("Daesh")},
            {"type": "AlliesOf", "source": _span("The Coalition"), "target": _span("the Iraqi government")},
        ],
    }


def _side(role: str, s: str, **kw) -> dict:
    i = TEXT.index(s)
    return {"role": role, "text": s, "start": i, "end": i + len(s), "name": None, "country": None, "sector": None, **kw}


def _event(kind: str, conf: float, *sides: dict) -> dict:
    return {"plover_type": kind, "confidence": conf, "actors": list(sides),
            "evidence": {"start": 0, "end": len(TEXT), "sentence": "..."}}


def _write(tmp_path: Path, docs: list[dict]) -> Path:
    p = tmp_path / "re3d.jsonl"
    p.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    return p


def _no_kb(text: str) -> tuple[None, None, None]:
    return None, None, None


def test_found_and_missed_pairs(tmp_path: Path) -> None:
    path = _write(tmp_path, [_doc()])
    found_event = _event("ASSAULT", 0.9, _side("actor", "Iraqi Security Forces"), _side("recipient", "ISIL fighters"))
    r = evaluate_relations(path, extract=lambda text: [found_event], resolve=_no_kb)
    assert r["n"] == 1 and r["fighting_pairs"] == 2
    assert r["found"] == 1 and r["recall"] == pytest.approx(0.5)
    doc = r["per_doc"][0]
    assert doc["missed"] == ["Kurdish Peshmerga <-> Daesh"]
    assert r["paired_events"] == 1 and r["pair_precision"] == pytest.approx(1.0)
    assert r["allies_as_violent"] == 0


def test_direction_two_actors_and_wrong_types(tmp_path: Path) -> None:
    path = _write(tmp_path, [_doc()])
    events = [
        # reversed roles still state the pair
        _event("COERCE", 0.4, _side("actor", "ISIL fighters"), _side("recipient", "Iraqi Security Forces")),
        # two actors: two-sided fighting
        _event("ASSAULT", 0.7, _side("actor", "Kurdish Peshmerga"), _side("actor", "Daesh")),
        # a non-violent type never states a fighting pair
        _event("CONSULT", 0.9, _side("actor", "The Coalition"), _side("recipient", "the Iraqi government")),
    ]
    r = evaluate_relations(path, extract=lambda text: events, resolve=_no_kb)
    assert r["found"] == 2 and r["recall"] == pytest.approx(1.0)
    assert r["allies_as_violent"] == 0
    # an ASSAULT on allies is counted as the sanity failure it is, and is a wrong paired event
    bad = _event("ASSAULT", 0.85, _side("actor", "The Coalition"), _side("recipient", "the Iraqi government"))
    r = evaluate_relations(path, extract=lambda text: [bad], resolve=_no_kb)
    assert r["found"] == 0 and r["allies_as_violent"] == 1
    assert r["paired_events"] == 1 and r["paired_matching"] == 0


def test_text_and_resolver_rules_without_offsets(tmp_path: Path) -> None:
    path = _write(tmp_path, [_doc()])
    far = {"start": None, "end": None}
    ev = _event(
        "ASSAULT", 0.6,
        {**_side("actor", "Iraqi Security Forces"), **far, "text": "the Iraqi security forces"},  # text rule
        {**_side("recipient", "ISIL fighters"), **far, "text": "the militants", "name": "Islamic State"},
    )

    def kb(text: str) -> tuple[str | None, str | None, str | None]:
        return ("Islamic State", None, "REB") if "ISIL" in text else (None, None, None)

    r = evaluate_relations(path, extract=lambda text: [ev], resolve=kb)
    assert r["found"] == 1 and r["how"] == {"text+resolver": 1}
    r = evaluate_relations(path, extract=lambda text: [ev], resolve=_no_kb)
    assert r["found"] == 0


def test_generic_words_do_not_match_by_text() -> None:
    assert text_match("Iraqi security forces", "the Iraqi Security Forces")
    assert not text_match("forces", "ISIL forces")
    assert not text_match("Iraq", "Iraqi forces")  # tokens, not characters


def test_refused_documents_are_counted(tmp_path: Path) -> None:
    path = _write(tmp_path, [_doc(), {**_doc(), "id": "D2"}])

    def extract(text: str) -> list[dict]:
        raise InputError("E107", "not English")

    r = evaluate_relations(path, extract=extract, resolve=_no_kb)
    assert r["n"] == 2 and r["refused"] == 2 and r["found"] == 0 and r["fighting_pairs"] == 4


def test_bad_file_is_a_numbered_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as exc:
        evaluate_relations(tmp_path / "missing.jsonl")
    assert exc.value.code == "E106"
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        evaluate_relations(bad)
    assert exc.value.code == "E110"
