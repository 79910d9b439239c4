"""Round 13 (issue 11, sector): a party's sector from its head noun (aircraft, coalitions, investigation
agencies, police forces by their own names, deputies by the body they sit in, private security, people of
culture), from an abbreviated title before an unknown name, and a US town named for a country, or a
province known by its core name, as the place of a party. Phrases invented for the classes, no case text."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors import ActorResolver, ArticleActors

DAY = dt.date(2022, 6, 1)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Belarusian aircraft", "BLR", "MIL"),
        ("Iraqi helicopters", "IRQ", "MIL"),
        ("Ethiopian government planes", "ETH", "MIL"),  # the head noun, not the modifier "government"
        ("a Kenyan passenger plane", "KEN", "CVL"),
        ("Peruvian carabineros", "PER", None),  # country from the demonym; sector below
        ("the Italian carabinieri", "ITA", "COP"),
        ("Canadian Mounties", "CAN", "COP"),
        ("Bangladesh's National Investigation Agency", "BGD", "COP"),
        ("the Saudi-led coalition", "SAU", "MIL"),
        ("Ukraine's Rada deputies", "UKR", "LEG"),
        ("Nigerian private security firms", "NGA", "BUS"),
        ("the Ghanaian business community", "GHA", "BUS"),
    ],
)
def test_the_head_noun_gives_the_sector(r: ActorResolver, text: str, country: str, sector: str | None) -> None:
    m = r.resolve(text, date=DAY)
    assert m is not None and m.country == country, m
    if sector is not None:
        assert m.sector == sector, m


def test_police_forces_by_their_own_names(r: ActorResolver) -> None:
    for text in ("Chilean carabineros", "the Gardai", "Spain's Guardia Civil"):
        m = r.resolve(text, date=DAY)
        assert m is not None and m.sector == "COP", (text, m)


def test_deputies_take_the_sector_of_their_body(r: ActorResolver) -> None:
    duma = r.resolve("Duma deputies", date=DAY)
    assert duma is not None and (duma.country, duma.sector) == ("RUS", "LEG"), duma
    sheriff = r.resolve("sheriff's deputies", date=DAY)
    assert sheriff is not None and sheriff.sector == "COP", sheriff


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Gen. Aldo Quintero", "MIL"),
        ("Sgt. Aldo Quintero", "MIL"),
        ("PC Aldo Quintero", "COP"),
        ("Rev. Aldo Quintero", "REL"),
        ("Canon Aldo Quintero", "REL"),
        ("His Holiness Aldo I", "REL"),
        ("Cllr Aldo Quintero", "LEG"),
        ("the COAS", "MIL"),
        ("the IGP", "COP"),
        ("Interior Minister Gen. Aldo Quintero", "GOV"),  # an abbreviated rank still yields to the office
    ],
)
def test_an_abbreviated_title_gives_an_unknown_person_a_sector(r: ActorResolver, text: str, sector: str) -> None:
    m = r.resolve(text, date=DAY)
    assert m is not None and m.sector == sector, m


def test_a_title_is_remembered_through_the_article(r: ActorResolver) -> None:
    memo = ArticleActors(r, date=DAY)
    memo.resolve("Gen. Aldo Quintero", context="Colombia")
    later = memo.resolve("Quintero", context="Colombia")
    assert later is not None and (later.country, later.sector) == ("COL", "MIL"), later


def test_a_capital_house_is_the_legislature_a_small_one_a_home(r: ActorResolver) -> None:
    cap = r.resolve("the House", date=DAY)
    assert cap is not None and cap.sector == "LEG"
    small = r.resolve("the house", date=DAY)
    assert small is None or small.sector != "LEG"


def test_a_us_town_named_for_a_country_names_its_own_bodies(r: ActorResolver) -> None:
    m = r.resolve("Palestine, Texas police", date=DAY)
    assert m is not None and (m.country, m.sector) == ("USA", "COP"), m
    council = r.resolve("Lebanon, Ohio city council", date=DAY)
    assert council is not None and council.country == "USA", council
    # a real country and its capital, written the same way, stay that country's
    paris = r.resolve("Paris, France police", date=DAY)
    assert paris is not None and paris.country == "FRA", paris


def test_a_province_by_its_core_name_places_its_residents(r: ActorResolver) -> None:
    m = r.resolve("residents of Tarlac", date=DAY)
    if m is None or m.country is None:
        pytest.skip("no gazetteer in this environment")
    assert (m.country, m.sector) == ("PHL", "CVL"), m


def test_a_lone_sentence_opening_word_is_no_learned_name(r: ActorResolver) -> None:
    for text in ("We", "Coalition"):
        m = r.resolve(text, date=DAY)
        assert m is None or not (m.rule or "").startswith("learned-sector"), (text, m)
