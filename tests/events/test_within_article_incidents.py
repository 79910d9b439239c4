"""Reports of one incident within an article share an incident id; reports of different incidents do not,
even when a chain of loose likenesses joins them."""

from __future__ import annotations

import eventwire


def _events(text: str) -> list[dict]:
    return eventwire.extract(text, published="2021-03-04")


def test_a_headline_and_the_lead_that_restates_it_are_one_incident() -> None:
    text = (
        "U.S. urges Ukraine to repeal anti-corruption law\n\n"
        "WASHINGTON - The United States urges the Ukrainian government to repeal the law requiring "
        "anti-corruption activists to declare their assets, a State Department spokeswoman said.\n"
    )
    reqs = [e for e in _events(text) if e["plover_type"] == "REQUEST"]
    assert len(reqs) >= 2
    assert len({e["incident_id"] for e in reqs}) == 1


def test_a_province_and_a_town_in_it_report_one_attack() -> None:
    text = (
        "Seven Taliban militants were killed in Kandahar province when their explosives detonated.\n\n"
        "Four militants were killed in Shah Wali Kot district of Kandahar when the bomb they were "
        "planting went off.\n"
    )
    attacks = [e for e in _events(text) if e["plover_type"] == "ASSAULT"]
    assert len(attacks) == 2 and attacks[0]["incident_id"] == attacks[1]["incident_id"]


def test_attacks_in_two_distant_towns_are_two_incidents() -> None:
    text = (
        "A car bomb killed five soldiers in Mosul on Monday.\n\n"
        "A car bomb killed five soldiers in Basra on Monday.\n"
    )
    attacks = [e for e in _events(text) if e["plover_type"] == "ASSAULT"]
    assert len(attacks) == 2 and attacks[0]["incident_id"] != attacks[1]["incident_id"]
