"""Protest and riot typing from the words of the sentence (events/protest_modes.py and its data file), the
snippet label chosen by support, and `eval snippets --half`. Sentences are written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import eventwire
from eventwire.cli import app
from eventwire.evaluate.snippets import evaluate_snippets, half_of, pipeline_coder
from eventwire.events import protest_modes
from eventwire.events.acled import classify_acled

WORDS = [
    ("Hundreds of teachers rallied outside parliament demanding higher pay.", "Peaceful protest"),
    ("Police fired tear gas to disperse students protesting outside the ministry.", "Protest with intervention"),
    ("Police detained dozens of demonstrators who had marched on the palace.", "Protest with intervention"),
    ("Troops fired live rounds at protesters, killing four of them.", "Excessive force against protesters"),
    ("Protesters marched to the governor's office and set two police cars on fire.", "Violent demonstration"),
    ("Demonstrators hurled stones at the riot police outside the court.", "Violent demonstration"),
]


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_protest_sub_event_from_the_sentence(text: str, expected: str) -> None:
    got = protest_modes.protest_sub_event(text)
    assert got is not None and got[0] == expected, got


def test_tear_gas_is_an_intervention_not_excessive_force() -> None:
    # ACLED: tear gas, rubber bullets, water cannon disperse a protest ("with intervention"); lethal
    # force is what makes it "excessive force".
    text = "Demonstrators rallied in the square until police fired tear gas and rubber bullets."
    assert protest_modes.protest_sub_event(text)[0] == "Protest with intervention"  # type: ignore[index]


def test_destruction_alone_is_not_a_demonstration() -> None:
    assert protest_modes.protest_sub_event("Militiamen torched houses in the village.") is None
    # ...but a demonstration the coder found is typed by it, its words need not name a protest
    got = protest_modes.protest_sub_event("They torched a police post on the main road.", is_protest=True)
    assert got is not None and got[0] == "Violent demonstration"


def test_every_word_set_loads_from_the_data_file() -> None:
    pats = protest_modes.patterns()
    assert set(pats) == set(protest_modes.SETS)
    assert all(p.pattern != r"\b(?:)" for p in pats.values()), "a word set with no entries"


def test_plover_mode_is_riot_when_the_demonstrators_are_violent() -> None:
    assert protest_modes.plover_protest_mode("Crowds marched and smashed shop windows.", "demo") == "riot"
    assert protest_modes.plover_protest_mode("Crowds marched peacefully through the city.", "demo") == "demo"
    assert protest_modes.plover_protest_mode("Workers on strike burned tyres.", "strike") == "strike"


def test_a_protest_event_in_a_violent_sentence_is_not_peaceful() -> None:
    text = "Hundreds of protesters marched through the capital on Sunday and set cars and a police post on fire."
    protests = [e for e in eventwire.extract(text) if e["plover_type"] == "PROTEST"]
    assert protests, "the march is a protest event"
    assert all(e["plover_mode"] == "riot" for e in protests)
    assert all(e["acled_sub_event_type"] == "Violent demonstration" for e in protests)


def test_protest_event_typed_by_intervention_words_when_the_text_is_unsure() -> None:
    text = "They gathered near the stadium on Friday until police arrived and detained twenty of them."
    guess = classify_acled(text, plover_type="PROTEST", mode="demo")
    assert guess is not None and guess.sub_event_type == "Protest with intervention", guess


def test_background_protest_does_not_label_a_diplomatic_snippet() -> None:
    text = (
        "The foreign ministry expelled three diplomats and recalled its ambassador over the spy case, "
        "as a small group of protesters rallied outside the embassy."
    )
    assert any(e["plover_type"] == "PROTEST" for e in eventwire.extract(text))
    assert pipeline_coder(text) == "Diplomatic event"


def test_an_earthquake_report_is_not_labelled_by_its_killed_verb() -> None:
    text = "A strong earthquake struck the coast on Monday, killing twelve people and destroying hundreds of homes."
    assert pipeline_coder(text) == "Natural disaster"


ROWS = [{"id": str(i), "text": f"Police arrested {i} men in the port town.", "label": "ARREST"} for i in range(1, 41)]


def test_halves_split_the_file(tmp_path: Path) -> None:
    path = tmp_path / "snips.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n", encoding="utf-8")
    coder = lambda text: "Arrests"  # noqa: E731 - a fixed coder: this test is about which rows are scored
    a = evaluate_snippets(path, classify=coder, half="A")
    b = evaluate_snippets(path, classify=coder, half="B")
    assert a["n"] + b["n"] == len(ROWS) and a["n"] and b["n"]
    assert {p["id"] for p in a["predictions"]} == {r["id"] for r in ROWS if half_of(r["id"]) == "A"}
    assert not {p["id"] for p in a["predictions"]} & {p["id"] for p in b["predictions"]}
    runner = CliRunner()
    out = runner.invoke(app, ["eval", "snippets", str(path), "--coder", "rules", "--half", "B", "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["n"] == b["n"]
    assert runner.invoke(app, ["eval", "snippets", str(path), "--half", "C"]).exit_code == 2

