"""A claim of responsibility is its claimant's word on the attack: the claimant is the claim source of the
attack, not of the statement that mentions it, and never the attack itself."""

from __future__ import annotations

import pytest

import eventwire


def _events(text: str) -> list[dict]:
    return eventwire.extract(text, published="2021-03-04")


@pytest.mark.parametrize(
    "text",
    [
        "Today, multiple attacks in Baghdad, also claimed by Daesh, have killed at least 35 civilians.",
        "A suicide bomber attacked a petrol station at al-Hilla earlier today, for which Daesh has claimed "
        "responsibility.",
    ],
)
def test_the_claimant_is_the_attacks_claim_source(text: str) -> None:
    attacks = [e for e in _events(text) if e["plover_type"] == "ASSAULT"]
    assert attacks and attacks[0]["claim_source"] == ["Daesh"]


def test_a_condemnation_of_a_claimed_attack_is_not_the_claimants_word() -> None:
    events = _events("The United States condemns the attack in Baghdad claimed by Daesh that targeted mourners.")
    condemn = [e for e in events if e["plover_type"] == "ACCUSE"]
    assert condemn and "Daesh" not in (condemn[0]["claim_source"] or [])


def test_the_claimant_of_an_attack_with_no_attacker_named_is_its_actor() -> None:
    events = _events("Britain condemned the bombing of a police post near Kirkuk earlier today, for which the "
                     "Islamic State has claimed responsibility.")
    attacks = [e for e in events if e["plover_type"] == "ASSAULT"]
    assert attacks
    actors = [a for a in attacks[0]["actors"] if a["role"] == "actor"]
    assert actors and "Islamic State" in actors[0]["text"] and actors[0]["sector"] == "REB"
    # the condemnation stays Britain's
    condemn = [e for e in events if e["plover_type"] == "ACCUSE"]
    assert condemn and all("Islamic" not in a["text"] for a in condemn[0]["actors"] if a["role"] == "actor")


def test_a_claim_of_responsibility_anywhere_in_the_sentence_is_the_attacks_claim_source() -> None:
    # the claiming clause hangs off the second town, not the attacks; it claims them all the same, and it
    # is no claim source of the condemnation that reports it
    events = _events("The United States strongly condemns the horrific attacks today in the towns of Jabla in the "
                     "northwest province of Latakia, and the port city of Tartus, for which Da’esh has claimed "
                     "responsibility.")
    attacks = [e for e in events if e["plover_type"] == "ASSAULT"]
    condemn = [e for e in events if e["plover_type"] == "ACCUSE"]
    assert attacks and all(e["claim_source"] == ["Da’esh"] for e in attacks)
    assert condemn and "Da’esh" not in condemn[0]["claim_source"]
