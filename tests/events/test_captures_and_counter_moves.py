"""Captures, strikes at targets and attacks reported from the target's side (issue 10's classes of miss),
on sentences the team wrote."""

from __future__ import annotations

import pytest

import eventwire


def _events(text: str) -> list[dict]:
    return eventwire.extract(text, published="2020-02-10")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Syrian government forces imposed full control over the city of Saraqib on Monday.", "Saraqib"),
        ("Ethiopian troops regained control of Mekelle from the rebels on Saturday.", "Mek'ele"),
    ],
)
def test_taking_control_of_ground_is_an_assault_located_on_that_ground(text: str, place: str) -> None:
    recs = [r for r in _events(text) if r["plover_type"] == "ASSAULT"]
    assert recs and recs[0]["location"] is not None and recs[0]["location"]["name"] == place


@pytest.mark.parametrize(
    "text",
    [
        "The central bank regained control of inflation in March.",
        "The company took control of the office in Chicago in March.",
        "The incident is under investigation, police said.",
        "Prices came under pressure in March.",
    ],
)
def test_control_of_things_and_being_under_review_are_not_events(text: str) -> None:
    assert [r["plover_type"] for r in _events(text)] == []


def test_came_under_attack_makes_the_subject_the_target() -> None:
    recs = _events("A French patrol came under fire near Menaka on Tuesday.")
    assert [r["plover_type"] for r in recs] == ["ASSAULT"]
    assert [(a["role"], a["country"]) for a in recs[0]["actors"]] == [("recipient", "FRA")]


def test_struck_at_targets_is_an_attack() -> None:
    recs = _events("Israeli jets struck at Hamas targets in Gaza overnight.")
    assert [r["plover_type"] for r in recs] == ["ASSAULT"]
    assert recs[0]["plover_mode"] == "aerial"


def test_protesters_blocking_roads_is_a_protest_and_an_army_blockade_is_not() -> None:
    recs = _events("Demonstrators barricaded the roads in Port-au-Prince on Monday.")
    assert [(r["plover_type"], r["plover_mode"]) for r in recs] == [("PROTEST", "obstruct")]
    recs = _events("Soldiers blocked the roads into the town of Deir ez-Zor on Monday.")
    assert "PROTEST" not in [r["plover_type"] for r in recs]
