"""Protests, their policing and agreements, on sentences the team wrote (PLOVER manual 3.12, 3.16):
the kinds of report a coder that found none of 13 gold protests missed."""

from __future__ import annotations

import pytest

import eventwire


def _types(text: str) -> list[str]:
    return [r["plover_type"] for r in eventwire.extract(text, published="2021-03-04")]


@pytest.mark.parametrize(
    "text",
    [
        "Protests erupted in Tripoli on Tuesday over the collapse of the currency.",
        "Hundreds of protesters gathered outside parliament in Kampala on Monday.",
        "Thousands of students took to the streets of Khartoum on Thursday to demand civilian rule.",
        "Opposition supporters staged sit-ins in the centre of Yerevan on Friday.",
        "Nurses joined the protests in Nairobi on Wednesday.",
        "Soldiers suppressed a peaceful protest in the town of Beit Jala on Sunday.",
    ],
)
def test_a_reported_protest_is_a_protest_event(text: str) -> None:
    assert "PROTEST" in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Opponents of the mayor gathered for a dinner in Paris on Friday.",  # a crowd, no protest
        "The company will stage a product launch in March.",
        "Fans gathered at the stadium in Madrid on Saturday to watch the final.",
    ],
)
def test_a_crowd_or_month_is_not_a_protest(text: str) -> None:
    assert "PROTEST" not in _types(text)


def test_crowd_control_weapons_are_an_assault_on_the_protesters() -> None:
    recs = eventwire.extract("Police used water cannon and tear gas against crowds of protesters in Istanbul on Sunday.",
                             published="2021-03-04")
    hits = [r for r in recs if r["plover_type"] == "ASSAULT"]
    assert hits and hits[0]["plover_mode"] == "crowd-control"
    assert any(a["role"] == "recipient" and "protester" in a["text"] for a in hits[0]["actors"])


def test_a_reached_agreement_is_an_event_and_a_failed_one_is_not() -> None:
    reached = "Government negotiators reached an agreement with the rebels in Juba on Monday."
    assert _types(reached).count("AGREE") == 1
    failed = "Talks in Juba ended on Monday after a failure to reach an agreement with the rebels."
    assert "AGREE" not in _types(failed)
    signed = "Venezuela signed an agreement with South Africa on Monday."
    assert _types(signed).count("AGREE") == 1  # the verb and its object are one event


def test_the_parties_of_a_nominal_event_are_the_subjects_of_its_verb() -> None:
    recs = eventwire.extract("Government negotiators reached an agreement with the rebels in Juba on Monday.",
                             published="2021-03-04")
    agree = next(r for r in recs if r["plover_type"] == "AGREE")
    roles = {(a["role"], a["sector"]) for a in agree["actors"]}
    assert ("actor", "GOV") in roles and ("recipient", "REB") in roles
    recs = eventwire.extract("Activists participated in a die-in in Minneapolis on Friday.", published="2021-03-04")
    protest = next(r for r in recs if r["plover_type"] == "PROTEST")
    assert [a["text"] for a in protest["actors"] if a["role"] == "actor"] == ["Activists"]


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # the tagger calls both names persons; the frame says they are ground
        ("Russian missiles struck Kharkiv on Tuesday, killing four people.", "Kharkiv", "UA"),
        ("Protesters rallied in the centre of Yerevan on Friday.", "Yerevan", "AM"),
    ],
)
def test_a_target_or_part_of_a_place_locates_the_event(text: str, place: str, country: str) -> None:
    recs = eventwire.extract(text, published="2021-03-04")
    assert recs and recs[0]["location"] is not None
    assert (recs[0]["location"]["name"], recs[0]["location"]["country"]) == (place, country)


@pytest.mark.parametrize(
    ("text", "want", "not_want"),
    [
        # what is vowed decides: harm is a threat, cooperation a commitment (RAMS codes vows as
        # commitments; the PLOVER manual: "a promise to harm is THREATEN")
        ("Russia vowed on Monday to shoot down any American fighter planes over Syria.", "THREATEN", "AGREE"),
        ("Iran vowed on Monday to cooperate with the UN nuclear inspectors.", "AGREE", "THREATEN"),
    ],
)
def test_a_vow_is_coded_by_what_is_vowed(text: str, want: str, not_want: str) -> None:
    got = _types(text)
    assert want in got
    assert not_want not in got


def test_a_vow_of_neither_harm_nor_cooperation_is_no_threat() -> None:
    assert "THREATEN" not in _types("Vice President Pence vowed on Monday that the president would lay out his vision.")
