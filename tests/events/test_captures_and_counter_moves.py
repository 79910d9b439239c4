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


SPORTS = (
    "Manchester United crushed Leeds 6-2 at Old Trafford on Sunday. Bruno Fernandes struck twice in the first "
    "half and the visitors' defence was torn apart. Leeds fans protested against the referee after the match, "
    "and the home side attacked relentlessly. The coach said the team had killed the game off early."
)


def test_a_sports_report_codes_no_event() -> None:
    assert _events(SPORTS) == []


def test_real_harm_in_a_sports_report_is_still_coded() -> None:
    recs = _events(SPORTS + " After the match, fans clashed with police outside the stadium and 20 people were arrested.")
    assert recs and all("police" in r["evidence"]["sentence"] for r in recs)


def test_a_toll_and_the_attack_in_its_when_clause_are_one_event() -> None:
    recs = _events("Five Turkish soldiers were killed and five others wounded on Monday when Syrian government "
                   "forces shelled a Turkish military post near Saraqib, the Turkish defence ministry said.")
    assert len(recs) == 1
    rec = recs[0]
    assert (rec["size"]["dead"], rec["size"]["injured"], rec["plover_mode"]) == (5, 5, "heavy-weapons")
    assert ("actor", "SYR") in {(a["role"], a["country"]) for a in rec["actors"]}
    assert ("recipient", "TUR") in {(a["role"], a["country"]) for a in rec["actors"]}
