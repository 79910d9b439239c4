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
