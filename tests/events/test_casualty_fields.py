"""Round 12's event fields: the death toll the text states beside an attack (a casualty verb's victims, a
killing noun's "of" phrase, "leaving N dead", a counted toll, the next sentence's toll) and nothing it does
not state; and the place of an event whose sentence names none below country level."""

from __future__ import annotations

from typing import Any

import pytest

import eventwire
from eventwire.events import casualties


def _events(text: str) -> list[dict[str, Any]]:
    return eventwire.extract(text, published="2021-03-04")


def _dead(text: str) -> list[int | None]:
    return [(r.get("size") or {}).get("dead") for r in _events(text) if r["plover_type"] == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("A gunman slaughtered 14 worshippers at a mosque in Kano on Friday.", 14),
        ("Gunmen shot him dead outside his home in Jos on Monday.", 1),
        ("Residents condemned the killing of three farmers by herdsmen in Benue on Sunday.", 3),
        ("Police said the victim was killed on the evening of May 26 in north west London.", 1),
        ("Militants attacked a checkpoint in Kandahar on Monday, leaving seven soldiers dead.", 7),
        ("The state news agency reported at least 47 dead and 112 wounded after the bombing in Homs.", 47),
        ("Colonel Ivan Petrov died after a roadside bomb detonated under his convoy near Raqqa.", 1),
    ],
)
def test_a_stated_toll_is_the_attacks(text: str, dead: int) -> None:
    assert dead in _dead(text)


def test_the_next_sentence_toll_goes_to_the_attack_before_it() -> None:
    assert _dead("Gunmen stormed a village in Zamfara state on Sunday. At least 17 people were reported dead, "
                 "a police spokesman said.") == [17]


def test_a_toll_of_another_incident_or_of_things_is_not_taken() -> None:
    text = "Gunmen stormed a village in Zamfara state on Sunday. Meanwhile, 11 people were reported dead elsewhere."
    assert _dead(text)[:1] == [None]
    assert _dead("Militants attacked a convoy in Helmand on Monday. Five vehicles were destroyed.")[:1] == [None]
    # a body of people is no count: "the family" is not one death
    assert all(d is None for d in _dead("Gunmen killed the family in their home in Kaduna on Tuesday."))


def test_counted_tolls_need_one_number_per_kind() -> None:
    from eventwire.nlp import load_spacy

    nlp = load_spacy()
    assert casualties.counted_tolls(next(nlp("Officials said 23 fatalities and 40 injured were recorded.").sents)) == {
        "dead": (23, False), "injured": (40, False)}
    # two different death counts in one sentence: no toll
    assert "dead" not in casualties.counted_tolls(next(nlp("Officials first said 9 dead, then 13 dead.").sents))


def test_an_unplaced_event_takes_the_place_an_earlier_sentence_names() -> None:
    text = ("Detectives dug up the basement of a house in Riverhead, New York, on Tuesday. "
            "Prosecutors now believe Harlan Voss murdered his neighbour in 1981.")
    assault = [e for e in _events(text) if e["plover_type"] == "ASSAULT"]
    assert assault and (assault[0]["location"] or {}).get("name") == "Riverhead"


def test_a_bare_country_takes_the_articles_town_in_that_country_only() -> None:
    first = "Riot police fired tear gas at students in Caracas on Monday. "
    same = [e for e in _events(first + "Soldiers also arrested four students in Venezuela on Tuesday.")
            if e["plover_type"] == "COERCE"]
    other = [e for e in _events(first + "Soldiers also arrested four students in Colombia on Tuesday.")
             if e["plover_type"] == "COERCE"]
    assert same and (same[0]["location"] or {}).get("name") == "Caracas"
    assert other and (other[0]["location"] or {}).get("precision") == "country"
    assert (other[0]["location"] or {}).get("country") == "CO"
