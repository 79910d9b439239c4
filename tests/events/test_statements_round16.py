"""Round 16 hostile statements (issue 10, ACCUSE on unread news), and the near misses each change must leave
alone. Sentences written for these tests, not taken from any evaluation set.

- blame laid on a side for a harm in what a side says or finds (events/statements.py, frame
  'responsibility'; data/responsibility_words.tsv);
- a statement verb whose plural pronoun subject coreference names by a kind of party;
- a hostile noun whose from-phrase names the side that speaks (events/verbal.py, frame 'from a side').
"""

from __future__ import annotations

import pytest

import eventwire

PUB = "2021-03-02"


def _events(text: str) -> list[dict]:
    return eventwire.extract(text, published=PUB)


def _accusations(text: str) -> list[dict]:
    return [r for r in _events(text) if r["plover_type"] == "ACCUSE"]


def _recipients(ev: dict) -> list[str]:
    return [a["text"] for a in ev["actors"] if a["role"] == "recipient"]


@pytest.mark.parametrize(("text", "blamed"), [
    ("Army spokesman Colonel Ahmed Saleh said on Sunday that Hezbollah was behind the rocket attack.", "Hezbollah"),
    ("The insurgents were behind the car bombing near the market, the interior ministry said.", "insurgents"),
    ("Spanish police concluded that the militants were to blame for the blast at the station.", "militants"),
    ("The Pentagon said Iran was responsible for the drone strike on the tanker.", "Iran"),
    ("The government in Kabul held the Taliban responsible for the ambush.", "Taliban"),
])
def test_blame_laid_for_a_harm_is_an_accusation_of_the_side_blamed(text: str, blamed: str) -> None:
    acc = _accusations(text)
    assert acc, text
    assert any(blamed in r for ev in acc for r in _recipients(ev))


@pytest.mark.parametrize("text", [
    # a duty, not a harm
    "The city council said the water company was responsible for repairing the bridge.",
    # a side claiming its own act is no blame of another side
    "The militant group said it was behind the rocket attack.",
    # a place behind which something lies, not an agent of a harm
    "The governor said the depot was behind the old train station.",
])
def test_a_duty_a_claim_or_a_place_is_no_blame(text: str) -> None:
    assert not _accusations(text)


def test_blame_said_of_a_side_is_one_accusation_by_the_speaker() -> None:
    # the phrase rule for "was responsible for" leaves the sentence to the verb that lays the blame
    acc = _accusations("The Pentagon said Iran was responsible for the drone strike on the tanker.")
    assert len(acc) == 1
    assert [a["text"] for a in acc[0]["actors"] if a["role"] == "actor"] == ["The Pentagon"]


def test_a_statement_by_a_pronoun_for_a_kind_of_party_is_coded() -> None:
    # coreference names the speaker by a common noun ("Iraqi troops"): the statement verb carries the event
    text = "Iraqi troops reached the edge of the old city on Monday. They requested urgent air support from the coalition."
    assert "REQUEST" in [r["plover_type"] for r in _events(text)]


def test_a_pronoun_for_private_people_asking_for_a_thing_stays_out() -> None:
    text = "Local residents met at the school on Tuesday. They asked for a new playground."
    assert "REQUEST" not in [r["plover_type"] for r in _events(text)]


def test_a_hostile_noun_from_a_side_is_that_sides_statement() -> None:
    acc = _accusations("The air strike on the village drew condemnation from Turkey on Friday.")
    assert acc and any(a["text"] == "Turkey" and a["role"] == "actor" for a in acc[0]["actors"])
    acc = _accusations("Israel faced accusations from the United Nations of using excessive force.")
    assert acc and "Israel" in _recipients(acc[0])


def test_a_hostile_noun_from_private_people_is_no_accusation() -> None:
    assert not _accusations("The plan for a new car park drew criticism from residents of the town.")
