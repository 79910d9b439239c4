"""Round 12 (issue 11): an abbreviated rank yields to the office before it; a state body of a descriptive
name takes the country named before it, a body of its own name keeps its country; a US town named for a
country, with its state, is the town as a party."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors import ActorResolver

DAY = dt.date(2022, 6, 1)


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Interior Minister Lt. Gen. Ahmed Saleh", "GOV"),
        ("Governor Maj. Gen. Ahmed Saleh", "GOV"),
        ("Lt. Gen. Ahmed Saleh", "MIL"),  # a rank alone is still the person's sector
        ("Col. Ahmed Saleh", "MIL"),
    ],
)
def test_an_abbreviated_rank_yields_to_the_office(r: ActorResolver, text: str, sector: str) -> None:
    m = r.resolve(text, date=DAY)
    assert m is not None and m.sector == sector


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Nigeria's Department of State Services", "NGA"),
        ("the Kenyan Department of State", "KEN"),
        ("the US Department of State", "USA"),
        ("Ukraine's Pentagon allies", "USA"),  # a name of its own ("Pentagon") is not any state's body
        ("Israel's Shin Bet", "ISR"),
        ("Mali's Wagner Group", "RUS"),  # a group or a military unit is not a government body
    ],
)
def test_a_descriptive_state_body_takes_the_country_named_before_it(
    r: ActorResolver, text: str, country: str
) -> None:
    m = r.resolve(text, date=DAY)
    assert m is not None and m.country == country


def test_the_rule_switches_off() -> None:
    from eventwire.actors import kb

    m = ActorResolver(kb.load(), disabled=frozenset({"named-country-body"})).resolve(
        "Nigeria's Department of State Services", date=DAY)
    assert m is not None and m.country == "USA"


@pytest.mark.parametrize("text", ["PALESTINE, Texas", "Lebanon, Ohio", "Mexico, Missouri"])
def test_a_us_town_named_for_a_country_with_its_state_is_the_town(r: ActorResolver, text: str) -> None:
    m = r.resolve(text, date=DAY)
    assert m is not None and (m.country, m.sector) == ("USA", "CVL")


@pytest.mark.parametrize(("text", "country"), [("Palestine", "PSE"), ("Gaza, Palestine", "PSE"), ("Lebanon", "LBN")])
def test_the_country_named_alone_or_with_its_own_towns_stays_the_country(
    r: ActorResolver, text: str, country: str
) -> None:
    m = r.resolve(text, date=DAY)
    assert m is not None and m.country == country
