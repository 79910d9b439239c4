"""Who an attack killed or wounded is whom it was directed at (issue 10: recipient), on sentences the team
wrote: the victims a killing clause names become the attack's recipients, never the attacker himself."""

from __future__ import annotations

import pytest

import eventwire


def _recipients(text: str) -> list[tuple[str, str | None]]:
    recs = [r for r in eventwire.extract(text, published="2016-01-10") if r["plover_type"] == "ASSAULT"]
    assert recs, text
    return [(a["text"], a["sector"]) for a in recs[0]["actors"] if a["role"] == "recipient"]


@pytest.mark.parametrize(
    ("text", "victims", "sector"),
    [
        ("Two bombs exploded near the stadium in Lahore, killing three people.", "three people", "CVL"),
        ("A suicide bomber blew himself up in Kabul, killing six soldiers.", "six soldiers", "MIL"),
        ("A car bomb went off in Mosul on Sunday, wounding four policemen.", "four policemen", "COP"),
    ],
)
def test_the_people_a_killing_clause_names_are_the_attacks_recipients(text: str, victims: str, sector: str) -> None:
    assert (victims, sector) in _recipients(text)


def test_the_bomber_is_no_victim_of_his_own_attack() -> None:
    assert all(t.lower() != "himself" for t, _ in _recipients(
        "A suicide bomber blew himself up in Kabul, killing six soldiers."))
