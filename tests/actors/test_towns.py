"""Towns the actor index does not hold, read in the places gazetteer (eventwire.actors.towns): a town as
the place of a role noun's people gives its country; a name that is not clearly one country's town
gives nothing."""

from __future__ import annotations

import pytest

from eventwire.actors import ActorResolver, kb


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Uvalde residents", ("USA", "CVL")),
        ("residents of Uvalde", ("USA", "CVL")),
        ("Ferguson protesters", ("USA", "OPP")),
    ],
)
def test_a_town_gives_the_country_of_the_people_it_names(r: ActorResolver, text: str,
                                                           expected: tuple[str, str]) -> None:
    m = r.resolve(text)
    assert m is not None and (m.country, m.sector) == expected, m
    assert "town:" in (m.rule or "")


def test_switched_off_the_role_keeps_no_country() -> None:
    off = ActorResolver(kb.load(), disabled=frozenset(["town-as-party"]))
    m = off.resolve("Uvalde residents")
    assert m is not None and (m.country, m.sector) == (None, "CVL"), m


def test_a_towns_officials_do_not_take_its_country(r: ActorResolver) -> None:
    # the police of a town the index lacks may be another country's town of that name (a Cape Town
    # township shares its name with a Dutch city): only the town's own people are read so
    m = r.resolve("the Delft police station")
    assert m is not None and (m.country, m.sector) == (None, "COP"), m


@pytest.mark.parametrize("text", ["Smith", "Jonathan Smith", "Governor Vadim Shumkov"])
def test_a_name_that_is_no_clear_town_gives_no_country(r: ActorResolver, text: str) -> None:
    m = r.resolve(text)
    assert m is None or m.country is None, m


def test_an_alternate_spelling_is_not_read_as_a_town() -> None:
    from eventwire.actors.towns import town_country

    # GeoNames lists "Google" and "Hamas" as alternate names of a Californian and a German place
    assert town_country("Google") is None and town_country("Hamas") is None
    assert town_country("Kramatorsk") == "UKR"


def test_a_town_alone_is_left_to_the_index(r: ActorResolver) -> None:
    # "Delft" in a Cape Town article is a township there, and the gazetteer knows only the Dutch city
    m = r.resolve("Delft")
    assert m is None or m.country is None, m


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Bavaria", ("DEU", None)),
        ("Catalonia", ("ESP", None)),
        ("police in Catalonia", ("ESP", "COP")),
        ("Bavaria's government", ("DEU", "GOV")),
    ],
)
def test_a_region_the_index_lacks_gives_its_country(r: ActorResolver, text: str,
                                                      expected: tuple[str, str | None]) -> None:
    # a first-level region of the gazetteer (GeoNames admin1): alone, its country; by any role noun,
    # the role with that country (a unit that large is rarely another country's place)
    m = r.resolve(text)
    assert m is not None and (m.country, m.sector) == expected, m
    assert "region" in (m.rule or "")
    off = ActorResolver(kb.load(), disabled=frozenset(["region-as-party"]))
    m = off.resolve(text)
    assert m is None or m.country is None, m


@pytest.mark.parametrize("text", ["the West", "the South", "the Far North", "militants in the North-West"])
def test_a_direction_is_no_region_of_some_country(r: ActorResolver, text: str) -> None:
    # Cameroon's regions "West" and "Far North", New Caledonia's "South": "Russia accused the West" names
    # a bloc, not Cameroon; a direction alone gives no country
    m = r.resolve(text)
    assert m is None or m.country is None, m


@pytest.mark.parametrize("text", ["Punjab", "Kent"])
def test_a_region_name_two_countries_share_or_a_county_gives_no_country(r: ActorResolver, text: str) -> None:
    # Punjab is Pakistan's and India's; Kent is an English county (admin2) and American towns
    m = r.resolve(text)
    assert m is None or m.country is None, m


@pytest.mark.parametrize(
    "text,party,prefix",
    [
        ("Palestine, Texas", "Palestine, Texas", None),
        ("Palestine, Texas police", None, ("Palestine, Texas", "police")),
        ("Lebanon, New Hampshire police", None, ("Lebanon, New Hampshire", "police")),
        ("Paris, France police", None, None),  # France is no US state: the country's own police
        ("Lebanon police", None, None),  # no state: the country
    ],
)
def test_one_reading_of_a_us_town_and_its_state(text: str, party: str | None,
                                                prefix: tuple[str, str] | None) -> None:
    """A US town named for a country is the town only with its state; the name alone is a party (the town's
    people), the name before a noun is that body's town (us_town_prefix)."""
    from eventwire.actors.towns import us_town_party, us_town_prefix

    assert us_town_party(text) == party
    assert us_town_prefix(text) == prefix
