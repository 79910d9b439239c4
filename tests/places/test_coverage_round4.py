"""Round 4 (issue 11): airports and air bases from airportsdata; the shared-admin1 context rule stays
opt-in (it gained nothing cross-validated)."""

from __future__ import annotations

import pytest

import eventwire.places.resolver as res
from eventwire.places import PlaceResolver, haversine_km
from eventwire.places.gazetteer import source_versions

needs_airports = pytest.mark.skipif(source_versions().get("airportsdata") == "none", reason="airportsdata absent")


@needs_airports
@pytest.mark.parametrize(
    "text,cc,lat,lon",
    [
        ("Bagram Air Base", "AF", 34.95, 69.27),
        ("Incirlik", "TR", 37.0, 35.43),  # an air base named without "Air Base"
        ("Kabul airport", "AF", 34.57, 69.21),  # "<city> airport" for a city with one airport
        ("Dubai International Airport", "AE", 25.25, 55.36),
    ],
)
def test_airports_and_air_bases(resolver: PlaceResolver, text: str, cc: str, lat: float, lon: float) -> None:
    place = resolver.resolve(text)
    assert place.country == cc and place.lat is not None
    assert haversine_km(place.lat, place.lon, lat, lon) < 20


@needs_airports
def test_a_town_outranks_an_airport_of_the_same_name(resolver: PlaceResolver) -> None:
    place = resolver.resolve("Paris")
    assert place.country == "FR" and "Airport" not in (place.name or "")


def test_shared_admin1_rule_is_opt_in() -> None:
    assert "shared-admin1" in res.DISABLED_RULES


def test_an_unknown_venue_is_placed_at_the_articles_main_town(resolver: PlaceResolver) -> None:
    text = ("Fresno police said the fire began near Tulare Street. Fresno firefighters arrived at "
            "Quorvex Wholesale Depot within minutes, and Fresno officials praised them.")
    names = ["Fresno", "Fresno", "Quorvex Wholesale Depot", "Fresno"]
    mentions, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        mentions.append((start, start + len(name), "GPE"))
        pos = start + len(name)
    places = resolver.resolve_document(text, mentions)
    venue = places[2]
    assert venue.lat is not None and (venue.reason or "").startswith("approximate: not in the gazetteer")
    assert haversine_km(venue.lat, venue.lon, 36.75, -119.77) < 30


def test_no_main_town_without_a_town_named_twice(resolver: PlaceResolver) -> None:
    text = "Fresno officials visited Quorvex Wholesale Depot."
    places = resolver.resolve_document(text, [(0, 6, "GPE"), (25, 48, "FAC")])
    # round 5 places it at the town named before it instead (tests/places/test_generalise_round5.py)
    assert "main town" not in (places[1].reason or "")


def test_anchor_rule_can_be_switched_off(resolver: PlaceResolver) -> None:
    text = "Fresno police and Fresno officials met at Quorvex Wholesale Depot."
    mentions = [(0, 6, "GPE"), (18, 24, "GPE"), (42, 65, "FAC")]
    res.DISABLED_RULES.update({"article-anchor", "preceding-place"})
    try:
        assert resolver.resolve_document(text, mentions)[2].lat is None
    finally:
        res.DISABLED_RULES.difference_update({"article-anchor", "preceding-place"})
    assert resolver.resolve_document(text, mentions)[2].lat is not None


@pytest.mark.parametrize("text", ["Lake Quorvex", "Quorvex Creek", "Quorvex Valley"])
def test_a_natural_feature_is_not_the_town_inside_its_name(resolver: PlaceResolver, text: str) -> None:
    # "Lake Robinson" is not the town of Robinson: without the feature in the gazetteer it stays unplaced
    place = resolver.resolve(text.replace("Quorvex", "Robinson"))
    assert place.lat is None or "inside a larger name" not in (place.reason or "")
