"""Who the parties of an event are where the sentence says it in passing (issue 10, parties; issue 11 item 2,
sector from the head noun), on sentences the team wrote: a platform or coalition a state fights with is its
armed forces, a demonym on an event noun is the state acting, the sides of a fight are its actors, and an
arrest or a charge told in the passive was made by the authority the article names, never by one it does not."""

from __future__ import annotations

import pytest

import eventwire


def _parties(text: str, ptype: str) -> list[tuple[str, str, str | None, str | None]]:
    recs = [r for r in eventwire.extract(text, published="2016-01-10") if r["plover_type"] == ptype]
    assert recs, text
    return [(a["role"], a["text"], a["country"], a["sector"]) for a in recs[-1]["actors"]]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Russian aircraft bombed a market in Idlib on Sunday.", "RUS"),
        ("The US-led coalition struck positions of the militants near Raqqa on Monday.", "USA"),
        ("Three civilians were killed in Turkish airstrikes near Afrin on Sunday.", "TUR"),
    ],
)
def test_a_states_aircraft_coalition_or_airstrikes_are_its_armed_forces(text: str, country: str) -> None:
    assert ("actor", country, "MIL") in {(r, c, s) for r, _, c, s in _parties(text, "ASSAULT")}


def test_each_countrys_delegation_is_its_government() -> None:
    parties = _parties("The Turkish and Iraqi delegations met in Ankara on Monday to discuss border security.",
                       "CONSULT")
    assert {(c, s) for _, _, c, s in parties} == {("TUR", "GOV"), ("IRQ", "GOV")}


def test_an_armed_group_named_on_the_attack_noun_carried_it_out() -> None:
    parties = _parties("Five soldiers were killed in Taliban attacks in Helmand province on Sunday.", "ASSAULT")
    assert ("actor", "AFG", "REB") in {(r, c, s) for r, _, c, s in parties}
    assert ("recipient", "Five soldiers") in {(r, t) for r, t, _, _ in parties}


@pytest.mark.parametrize(
    "text",
    [
        "The gunman was killed in a gun battle with police in Chicago on Sunday.",
        "The gunman died after a shootout with police in Chicago on Sunday.",
    ],
)
def test_the_other_side_of_a_fight_someone_died_in_is_an_actor(text: str) -> None:
    parties = _parties(text, "ASSAULT")
    assert ("actor", "police", "USA", "COP") in parties
    assert all(t != "The gunman" for r, t, _, _ in parties if r == "actor")  # who died did not act


def test_an_arrest_in_the_passive_was_made_by_the_police_the_article_names() -> None:
    parties = _parties("Police in Lagos said a man stabbed his neighbour to death on Friday. "
                       "The suspect was arrested on Saturday.", "COERCE")
    assert ("actor", "NGA", "COP") in {(r, c, s) for r, _, c, s in parties}


def test_a_charge_in_the_passive_was_brought_by_the_prosecutors_the_article_names() -> None:
    parties = _parties("Kenyan prosecutors said the two men had planned the attack. "
                       "The two men were charged with terrorism in Nairobi on Tuesday.", "ACCUSE")
    assert ("actor", "KEN", "JUD") in {(r, c, s) for r, _, c, s in parties}


def test_an_authority_named_nearby_fills_an_event_but_does_not_make_one() -> None:
    # "They" names no party the article placed: the draft has no party of its own and stays no event, as
    # without the authority (a party inferred from the context fills roles, it is no evidence of an event)
    recs = eventwire.extract("Kenyan prosecutors said the two men had planned the attack. "
                             "They were charged with terrorism in Nairobi on Tuesday.", published="2016-01-10")
    assert not [r for r in recs if r["plover_type"] == "ACCUSE"]


def test_no_authority_named_no_actor_invented() -> None:
    parties = _parties("A man stabbed his neighbour to death in Lagos on Friday. The suspect was arrested on Saturday.",
                       "COERCE")
    assert not [p for p in parties if p[0] == "actor"]

