"""Single-sentence wire reports in the style of PETRARCH2's gold standard (round 12): a projectile sent at a
target, the release of a named or held person, a titled leader, a group's country from a 'from' phrase,
existential victims, the side engaged in a fight. Sentences written for these tests, not taken from
PETR2_GSR_validation.xml or any evaluation set."""

from __future__ import annotations

from typing import Any

import eventwire


def _events(text: str, published: str = "2022-05-10") -> list[dict[str, Any]]:
    return eventwire.extract(text, published=published)


def _parties(event: dict[str, Any], role: str) -> set[str | None]:
    return {a["country"] for a in event["actors"] if a["role"] == role}


def test_projectiles_launched_at_a_party_are_an_attack_on_it():
    ev = [e for e in _events("Rebel fighters launched rockets at Nigerian soldiers near Maiduguri on Sunday.")
          if e["plover_type"] == "ASSAULT"]
    assert ev and "NGA" in _parties(ev[0], "recipient")


def test_a_missile_launch_with_no_target_is_no_attack():
    assert not [e for e in _events("North Korea launched a ballistic missile on Sunday.")
                if e["plover_type"] == "ASSAULT"]
    assert not [e for e in _events("The company launched a new phone at the fair on Monday.")
                if e["plover_type"] == "ASSAULT"]


def test_releasing_a_named_person_or_someone_held_is_a_release():
    types = [e["plover_type"] for e in _events("Authorities in Yangon released Aung San Suu Kyi on Saturday.")]
    assert "RETREAT" in types
    held = _events("Turkey on Friday released the mayor of Diyarbakir, a Kurdish politician jailed two years ago.")
    assert any(e["plover_type"] == "RETREAT" and "TUR" in _parties(e, "actor") for e in held)
    assert "RETREAT" not in [e["plover_type"] for e in _events("The band released a new album on Friday.")]


def test_victims_of_an_existential_clause_are_an_attack():
    ev = [e for e in _events("There were 12 Afghan soldiers killed in Helmand on Monday.") if e["plover_type"] == "ASSAULT"]
    assert ev and "AFG" in _parties(ev[0], "recipient")
    # a reduced passive that only describes people named for something else stays no event of its own
    assert not [e for e in _events("Relatives of the soldiers killed in Helmand gathered in Kabul on Monday.")
                if e["plover_type"] == "ASSAULT"]


def test_the_side_engaged_in_a_fight_is_the_recipient():
    ev = [e for e in _events("Government forces engaged the rebels in heavy fighting in Idlib on Saturday.")
          if e["plover_type"] == "ASSAULT"]
    assert ev and any(a["role"] == "recipient" and "rebels" in a["text"] for a in ev[0]["actors"])
