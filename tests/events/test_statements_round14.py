"""Round 14 statements (issue 10, eval/tools/recall_map.py "none" and "rule" classes): statements whose
hostility or request is in what they say, and the near misses each change must leave alone. Sentences
written for these tests, not taken from any evaluation set.

- a hostile label (events/statements.py, CAMEO 111): "called the plan 'reckless'", "described as 'dishonest'";
- an appeal told as a hope that another named side will act (CAMEO 020);
- a request whose from-phrase or object the parser hangs on the object ("requested support from ...",
  "requested asylum") and a request denied (REJECT);
- violence announced under a future modal on the verb it is coordinated with (THREATEN, not ASSAULT).
"""

from __future__ import annotations

import pytest

import eventwire

PUB = "2019-05-14"


def _events(text: str) -> list[dict]:
    return eventwire.extract(text, published=PUB)


def _types(text: str) -> list[str]:
    return [r["plover_type"] for r in _events(text)]


@pytest.mark.parametrize("text", [
    "Senator Jane Miller called the governor's plan \"reckless and dangerous\" on Tuesday.",
    "The minister was described by opposition leader Tom Okafor as \"dishonest\" and \"corrupt\".",
    "President Karimov railed against the BBC's reporters as \"dishonest liars\" on Monday.",
])
def test_a_hostile_label_is_an_accusation(text: str) -> None:
    assert "ACCUSE" in _types(text)


@pytest.mark.parametrize("text", [
    "Senator Jane Miller called the governor's plan \"bold and generous\" on Tuesday.",
    "The mayor described the weather as terrible for the parade.",
    "Senator Jane Miller called the governor on Tuesday.",
])
def test_a_kind_label_or_a_label_of_no_side_is_no_accusation(text: str) -> None:
    assert "ACCUSE" not in _types(text)


def test_a_hope_that_another_side_will_act_is_an_appeal() -> None:
    events = _events("Secretary of State John Kerry said he hoped that Beijing would keep up the pressure on Pyongyang.")
    assert "REQUEST" in [e["plover_type"] for e in events]


@pytest.mark.parametrize("text", [
    "Secretary of State John Kerry said he hoped that the talks would succeed.",
    "Secretary of State John Kerry said he hoped to visit Beijing next year.",
])
def test_a_hope_that_asks_no_side_is_no_appeal(text: str) -> None:
    assert "REQUEST" not in _types(text)


@pytest.mark.parametrize("text", [
    "A Belarusian opposition activist has requested asylum in Lithuania.",
    "The Iraqi army requested air support from the coalition on Friday.",
])
def test_a_request_for_what_an_ally_gives(text: str) -> None:
    assert "REQUEST" in _types(text)


def test_a_request_for_an_ordinary_thing_is_none() -> None:
    assert "REQUEST" not in _types("The company requested a refund from the supplier's bank.")


def test_a_request_denied_is_a_rejection() -> None:
    text = "The defence ministry asked President Putin for permission to resume the strikes, but he denied the request."
    assert "REJECT" in _types(text)


def test_violence_announced_under_a_coordinated_modal_is_a_threat() -> None:
    types = _types("The militant told Russia's president: \"We will come to Moscow and kill you in your homes.\"")
    assert "THREATEN" in types and "ASSAULT" not in types


def test_a_side_spoken_to_is_the_second_side_of_a_consultation() -> None:
    events = _events("Secretary of State John Kerry said he had spoken to China's foreign minister Wang Yi on Monday.")
    assert "CONSULT" in [e["plover_type"] for e in events]


@pytest.mark.parametrize("text", [
    "The two defence ministers met in Moscow on Monday.",
    "Three foreign ministers met in Vienna on Friday to discuss the ceasefire.",
])
def test_a_subject_of_several_sides_still_meets_without_an_addressee(text: str) -> None:
    """The addressee check (a side spoken to) came in beside the older reading of a meeting's second side in a
    subject of several sides ("the two ministers met"); neither may hide the other."""
    assert "CONSULT" in _types(text)


@pytest.mark.parametrize("text", [
    "City officials have spoken to both property owners about the rebuilding.",
    "The governor spoke to reporters outside the courthouse on Monday.",
])
def test_speaking_to_an_audience_or_private_people_is_no_consultation(text: str) -> None:
    assert "CONSULT" not in _types(text)


def test_a_complaint_about_a_named_side_is_an_accusation() -> None:
    text = "The former Greek foreign minister Theodoros Pangalos complained that Russia's obstinacy was hampering the council."
    assert "ACCUSE" in _types(text)


@pytest.mark.parametrize("text", [
    "Residents of the district complained that the water was dirty.",
    "Police questioned the suspect for six hours on Monday.",
])
def test_a_complaint_about_no_side_or_a_questioning_accuses_no_one(text: str) -> None:
    assert "ACCUSE" not in _types(text)
