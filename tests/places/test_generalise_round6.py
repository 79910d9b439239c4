"""Round 6 (issue 11): rules written from classes of error on a fresh work half (salt "places-r6:"), each
switchable by name.

Examples are made up or general knowledge, not dev cases; each test compares the rule on and off, so it
fails when its rule is switched off or broken."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from place_helpers import resolve_named

from eventwire.places import PlaceResolver
from eventwire.places.rules import DISABLED_RULES


@pytest.fixture
def without() -> Iterator[set[str]]:
    """Rules to switch off for the rest of a test (restored afterwards)."""
    off: set[str] = set()
    try:
        yield off
    finally:
        DISABLED_RULES.difference_update(off)


def _off(without: set[str], rule: str) -> None:
    without.add(rule)
    DISABLED_RULES.add(rule)


def test_a_town_and_the_county_that_holds_it_confirm_each_other(resolver: PlaceResolver, without: set[str]) -> None:
    text = "Firefighters from Athens were called to a barn fire in Clarke County."
    athens, county = resolve_named(resolver, text, ["Athens", "Clarke County"])
    assert (athens.country, athens.admin1) == ("US", "Georgia")
    assert county.admin1 == "Georgia"
    _off(without, "town-in-county")
    _off(without, "us-local-places")  # round 17: the named county alone also reads as US local news
    assert resolve_named(resolver, text, ["Athens", "Clarke County"])[0].country == "GR"


def test_another_countrys_own_press_makes_its_towns_the_local_ones(
    resolver: PlaceResolver, without: set[str]
) -> None:
    # Gardaí (the Irish police) and the HSE (Ireland's health service): Dundalk, Co. Louth, not Maryland
    text = "Gardaí in Dundalk said the HSE had been informed."
    assert resolve_named(resolver, text, ["Dundalk"])[0].country == "IE"
    _off(without, "national-markers")
    assert resolve_named(resolver, text, ["Dundalk"])[0].country == "US"


def test_a_marker_does_not_outweigh_the_country_the_article_names(resolver: PlaceResolver) -> None:
    text = "Unlike the NHS, hospitals in the United States bill patients; Boston's are among the dearest."
    assert resolve_named(resolver, text, ["United States", "Boston"])[1].country == "US"


def test_a_treaty_named_after_a_city_means_the_city_the_world_knows(
    resolver: PlaceResolver, without: set[str]
) -> None:
    text = "Lawmakers in Austin, Texas, debated leaving the Paris Agreement."
    names = ["Austin", "Texas", "Paris"]
    paris = resolve_named(resolver, text, names)[2]
    assert paris.country == "FR"
    # Paris, Texas is still Paris when the text is about the town
    assert resolve_named(resolver, "Lawmakers in Austin, Texas, visited Paris on Monday.", names)[2].admin1 == "Texas"
    _off(without, "eponym")
    assert resolve_named(resolver, text, names)[2].admin1 == "Texas"


def test_co_abbreviates_county(resolver: PlaceResolver, without: set[str]) -> None:
    place = resolver.resolve("Boone Co.")
    assert place.precision == "admin2" and place.name == "Boone County"
    _off(without, "county-abbrev")
    assert resolver.resolve("Boone Co.").precision == "town"


def test_an_unknown_name_before_any_place_goes_to_the_state_named_after_it(
    resolver: PlaceResolver, without: set[str]
) -> None:
    text = "Volunteers at Zorbatown Community Kitchen served 300 meals, a charity in Ohio said."
    names = ["Zorbatown Community Kitchen", "Ohio"]
    kitchen = resolve_named(resolver, text, names)[0]
    assert (kitchen.name, kitchen.precision) == ("Ohio", "admin1")
    assert (kitchen.reason or "").startswith("approximate") and "named after it" in (kitchen.reason or "")
    # a town named after it is a neighbour, not a container: it stays unresolved
    alone = resolve_named(resolver, "Volunteers at Zorbatown Community Kitchen met Leeds staff.", [names[0], "Leeds"])
    assert alone[0].lat is None
    _off(without, "following-place")
    assert resolve_named(resolver, text, names)[0].lat is None


def test_a_country_that_is_also_a_us_state_does_not_make_local_news_foreign(
    resolver: PlaceResolver, without: set[str]
) -> None:
    text = "Georgia's farm regulator may pay $12,000 in fines, the County Sheriff said."
    georgia = resolve_named(resolver, text, ["Georgia"])[0]
    assert (georgia.country, georgia.precision) == ("US", "admin1")
    _off(without, "state-homonym")
    assert resolve_named(resolver, text, ["Georgia"])[0].country == "GE"
