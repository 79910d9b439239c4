"""Composition rules (data/head_nouns.tsv and the resolver): sector from the head noun and its
modifiers, country from the nearest place; places as parties; titled people remembered per article;
outlets as their own kind."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors import ActorResolver, ArticleActors, kb

DAY = dt.date(2022, 6, 1)



@pytest.mark.parametrize(
    "text,expected",
    [
        ("Chile's Defense Department", ("CHL", "GOV", "MIL")),
        ("the Kenyan Ministry of Energy", ("KEN", "GOV", None)),
        ("Peru's interior ministry", ("PER", "GOV", None)),
        ("Russia's Black Sea Fleet", ("RUS", "MIL", None)),
        ("a Ukrainian motorized brigade", ("UKR", "MIL", None)),
        ("the Georgian ombudsman", ("GEO", "GOV", None)),
        ("Muslim leaders in France", ("FRA", "REL", None)),
        ("Indian clergy", ("IND", "REL", None)),
        ("Pakistani opposition leaders", ("PAK", "OPP", None)),
        ("EU legislators", ("EUR", "LEG", None)),
        ("NATO troops", ("IGO", "MIL", None)),
        ("Colombian Defense Minister Diego Molano", ("COL", "GOV", "MIL")),
        # an intelligence body by its modifier; strikes and patrols stand for the force that makes them
        ("Venezuelan intelligence forces", ("VEN", "SPY", None)),
        ("Russian airstrikes", ("RUS", "MIL", None)),
        ("a NATO-Afghanistan foot patrol", ("IGO", "MIL", None)),
        ("a Kenyan police patrol", ("KEN", "COP", None)),
    ],
)
def test_head_noun_composition(r: ActorResolver, text: str, expected: tuple) -> None:
    m = r.resolve(text, date=DAY)
    assert m is not None and (m.country, m.sector, m.sector_2) == expected, m


def test_sector_of_head_helper() -> None:
    assert kb.sector_of_head("Defense Department") == ("GOV", "MIL")
    assert kb.sector_of_head("fleet") == ("MIL", None)
    assert kb.sector_of_head("no such head noun") == (None, None)


def test_head_noun_rows_expand_with_of_forms() -> None:
    aliases = {a for a, _ in kb.head_noun_roles()}
    assert {"defense ministry", "ministry of defense", "ministry of the defense", "muslim leaders"} <= aliases


def test_a_town_used_as_a_party_takes_its_country_and_a_civilian_sector(r: ActorResolver) -> None:
    m = r.resolve("Mosul", date=DAY)
    assert m is not None and (m.country, m.sector) == ("IRQ", "CVL") and m.rule.startswith("place-as-party")
    region = r.resolve("Idlib", date=DAY)  # a province as a party is often its government: no sector
    assert region is not None and region.sector is None
    building = r.resolve("the Mosul federal building", date=DAY)  # more than the town: not the town's people
    assert building is None or building.sector != "CVL"
    country = r.resolve("France", date=DAY)  # a country alone keeps no sector (NGEC convention)
    assert country is not None and country.sector is None


def test_rules_can_be_switched_off_for_cross_validation() -> None:
    plain = ActorResolver(kb.load(), disabled=frozenset({"place-as-party"}))
    m = plain.resolve("Mosul", date=DAY)
    assert m is not None and m.sector is None


def test_titled_person_is_remembered_through_the_article(r: ActorResolver) -> None:
    memo = ArticleActors(r, date=DAY)
    first = memo.resolve("Colombian Defense Minister Diego Molano")
    assert first is not None and first.country == "COL"
    later = memo.resolve("Molano")
    assert later is not None and (later.country, later.sector) == ("COL", "GOV")
    assert later.rule.startswith("article:")
    assert ArticleActors(r, date=DAY).resolve("Molano") is None  # another article: unknown


def test_outlets_are_their_own_kind(r: ActorResolver) -> None:
    assert r.is_outlet("Reuters")
    assert r.is_outlet("Turkey's Daily Sabah")
    assert r.is_outlet("state-run Anadolu Agency")
    assert not r.is_outlet("Turkish troops")
    assert not r.is_outlet("Reuters journalists were detained by police")
    m = r.outlet("Turkey's Daily Sabah")
    assert m is not None and m.country == "TUR"


@pytest.mark.parametrize("text", ["the liberation of Sinjar", "the times of war", "the sun and the wind"])
def test_a_common_noun_is_not_the_newspaper_it_spells(r: ActorResolver, text: str) -> None:
    # "Liberation", "The Times", "The Sun" are newspapers only when written as names
    m = r.resolve(text, date=DAY)
    assert m is None or not (m.rule or "").startswith("news:")


def test_a_former_official_takes_the_country_the_context_names(r: ActorResolver) -> None:
    # an ex-lawmaker the KB does not know served the state the article is about, as a lawmaker would
    m = r.resolve("ex-lawmaker Juan Requesens", context="Caracas, Venezuela", date=DAY)
    assert m is not None and (m.country, m.sector) == ("VEN", "ELI"), m
    assert r.resolve("ex-lawmaker Juan Requesens", date=DAY).country is None
