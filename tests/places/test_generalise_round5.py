"""Round 5 (issue 11): rules meant to generalise beyond the dev halves, each switchable by name.

Examples are made up or general knowledge, not dev cases; each test fails when its rule is switched off
or broken."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from place_helpers import resolve_named

from eventwire.places import PlaceResolver, haversine_km
from eventwire.places.rules import DISABLED_RULES


@pytest.fixture
def switched_off(request: pytest.FixtureRequest) -> Iterator[None]:
    DISABLED_RULES.add(request.param)
    try:
        yield
    finally:
        DISABLED_RULES.discard(request.param)


@pytest.mark.parametrize(
    "text,cc",
    [("Mexican Senate", "MX"), ("Kenyan Defence Forces", "KE"), ("Philippine Sports Commission", "PH")],
)
def test_a_body_named_by_its_demonym_is_placed_in_its_country(resolver: PlaceResolver, text: str, cc: str) -> None:
    place = resolver.resolve(text)
    assert place.country == cc and place.precision == "country"
    assert (place.reason or "").startswith("approximate")


def test_a_demonym_alone_is_still_not_a_place(resolver: PlaceResolver) -> None:
    assert resolver.resolve("Mexican").lat is None
    assert (resolver.resolve("Mexicans").reason or "").startswith("demonym")


@pytest.mark.parametrize("word,cc", [("Minnesotans", "US"), ("Californian", "US"), ("Philippine", "PH")])
def test_regular_demonyms_are_derived_from_state_and_country_names(
    resolver: PlaceResolver, word: str, cc: str
) -> None:
    place = resolver.resolve(word)
    assert place.lat is None and place.reason == f"demonym, not a place (refers to {cc})"


@pytest.mark.parametrize("switched_off", ["demonym-led"], indirect=True)
def test_demonym_led_rule_switches_off(resolver: PlaceResolver, switched_off: None) -> None:
    assert resolver.resolve("Mexican Senate").lat is None


def test_a_town_followed_by_its_province_takes_that_province(resolver: PlaceResolver) -> None:
    # Philippine provinces are GeoNames admin2 units: "San Jose, Batangas" is not San José, Costa Rica
    place = resolve_named(resolver, "The mayor of San Jose, Batangas said the storm passed.", ["San Jose"])[0]
    assert place.country == "PH" and place.admin2 == "Province of Batangas"


def test_province_word_fits_an_admin2_province(resolver: PlaceResolver) -> None:
    place = resolver.resolve("Batangas province")
    assert place.country == "PH" and place.precision in ("admin1", "admin2")


def test_items_of_a_list_of_counties_are_counties(resolver: PlaceResolver) -> None:
    places = resolve_named(resolver, "Schools in Wayne, Stark and Summit counties closed.", ["Wayne", "Stark", "Summit"])
    assert [p.precision for p in places] == ["admin2"] * 3
    assert {p.admin1 for p in places} == {"Ohio"}  # the three counties that border each other
    # without the plural kind word the name is a town again
    assert resolve_named(resolver, "Schools in Wayne closed.", ["Wayne"])[0].precision == "town"


def test_a_confidently_resolved_town_names_its_state_for_the_others(resolver: PlaceResolver) -> None:
    # Atlanta is unambiguous; Columbus, Georgia lies too far from it (160 km) for the nearness bonus
    columbus = resolve_named(resolver, "A Columbus man was arrested in Atlanta on Friday.", ["Columbus", "Atlanta"])[0]
    assert columbus.admin1 == "Georgia"
    alone = resolve_named(resolver, "A Columbus man was arrested on Friday.", ["Columbus"])[0]
    assert alone.admin1 == "Ohio"  # the largest Columbus, without Atlanta beside it


@pytest.mark.parametrize("switched_off", ["town-admin1"], indirect=True)
def test_town_admin1_rule_switches_off(resolver: PlaceResolver, switched_off: None) -> None:
    columbus = resolve_named(resolver, "A Columbus man was arrested in Atlanta on Friday.", ["Columbus", "Atlanta"])[0]
    assert columbus.admin1 != "Georgia"


def test_an_unknown_name_goes_to_a_place_named_before_it(resolver: PlaceResolver) -> None:
    text = "Fresno officials visited Quorvex Wholesale Depot."
    venue = resolve_named(resolver, text, ["Fresno", "Quorvex Wholesale Depot"])[1]
    assert venue.lat is not None and (venue.reason or "").startswith("approximate")
    assert haversine_km(venue.lat, venue.lon, 36.75, -119.77) < 30
    # nothing named before it: it stays unresolved, never guessed from a town named after it (round 6 lets
    # a state or country named after it hold it: test_generalise_round6.py)
    alone = resolve_named(resolver, "Quorvex Wholesale Depot hired Fresno staff.", ["Quorvex Wholesale Depot", "Fresno"])
    assert alone[0].lat is None


def test_a_town_named_before_outranks_a_country_named_nearer(resolver: PlaceResolver) -> None:
    text = "Police in Fresno said a man from Mexico was held at Quorvex Wholesale Depot."
    venue = resolve_named(resolver, text, ["Fresno", "Mexico", "Quorvex Wholesale Depot"])[2]
    assert venue.country == "US" and venue.precision == "town"


@pytest.mark.parametrize("switched_off", ["preceding-place"], indirect=True)
def test_preceding_place_rule_switches_off(resolver: PlaceResolver, switched_off: None) -> None:
    text = "Fresno officials visited Quorvex Wholesale Depot."
    assert resolve_named(resolver, text, ["Fresno", "Quorvex Wholesale Depot"])[1].lat is None


@pytest.mark.parametrize(
    "short,full",
    [("Hamilton Twp.", "Hamilton Township"), ("Alberni-Clayoquot", "Regional District of Alberni-Clayoquot")],
)
def test_abbreviated_and_bare_unit_names_resolve_like_the_full_name(
    resolver: PlaceResolver, short: str, full: str
) -> None:
    a, b = resolver.resolve(short), resolver.resolve(full)
    assert a.lat is not None and (a.lat, a.lon) == (b.lat, b.lon)


@pytest.mark.parametrize("text", ["Indian Orchard", "French Creek", "Dutch Harbor"])
def test_a_small_place_named_with_a_demonym_is_not_that_country(resolver: PlaceResolver, text: str) -> None:
    place = resolver.resolve(text)
    assert "by its demonym" not in (place.reason or "")


def test_a_big_city_inside_a_longer_name_is_the_city_not_its_state(resolver: PlaceResolver) -> None:
    # GeoNames names the city "New York City"; inside "New York Auto Show" it must still be the city
    place = resolver.resolve("New York Auto Show")
    assert place.precision == "town" and place.lat is not None
    assert haversine_km(place.lat, place.lon, 40.71, -74.01) < 30


def test_of_two_places_inside_a_longer_name_the_better_known_wins(resolver: PlaceResolver) -> None:
    place = resolver.resolve("Springfield Academy London")
    assert place.country == "GB" and (place.reason or "").startswith("approximate")


@pytest.mark.parametrize("switched_off", ["inner-best"], indirect=True)
def test_inner_best_rule_switches_off(resolver: PlaceResolver, switched_off: None) -> None:
    assert resolver.resolve("Springfield Academy London").country == "US"  # the first run, as before
