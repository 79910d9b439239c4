"""Article-level evidence added in round 3: venues placed by the town named beside them, US local news,
state names, how often a state is named, and reference points of large provinces."""

from __future__ import annotations

import re

from eventwire.places import PlaceResolver, haversine_km


def _mentions(text: str, *names: str) -> list[tuple[int, int, str]]:
    spans = []
    for name in names:
        spans.extend((m.start(), m.end(), "GPE") for m in re.finditer(re.escape(name), text))
    return sorted(spans)


def test_unknown_venue_is_placed_at_the_town_named_after_it(resolver: PlaceResolver) -> None:
    text = "The reading was held at Zorblat Kulture in Lagos on Friday."
    (venue,) = resolver.resolve_document(text, _mentions(text, "Zorblat Kulture"))
    assert venue.country == "NG" and venue.lat is not None
    assert haversine_km(venue.lat, venue.lon, 6.45, 3.39) < 50
    assert (venue.reason or "").startswith("approximate")


def test_venue_named_with_a_possessive_town(resolver: PlaceResolver) -> None:
    text = "Fans queued outside Brooklyn's Qwzx Arena for hours."
    (venue,) = resolver.resolve_document(text, _mentions(text, "Qwzx Arena"))
    assert venue.country == "US" and venue.lat is not None
    assert haversine_km(venue.lat, venue.lon, 40.65, -73.95) < 30


def test_curated_landmark_is_not_moved_by_the_words_after_it(resolver: PlaceResolver) -> None:
    text = "Downing Street, Theresa May said, will not comment."
    (place,) = resolver.resolve_document(text, _mentions(text, "Downing Street"))
    assert place.country == "GB" and place.lat is not None
    assert haversine_km(place.lat, place.lon, 51.503, -0.128) < 5


def test_famous_foreign_town_yields_to_the_us_town_in_local_news(resolver: PlaceResolver) -> None:
    text = (
        "The Athens Police Department arrested a man on Monday. He was held at the Henderson County jail "
        "on a $2,000 bond, the Sheriff said. Athens Mayor Randy Daniel urged caution."
    )
    places = resolver.resolve_document(text, _mentions(text, "Athens"))
    assert [p.country for p in places] == ["US", "US"]


def test_bare_state_name_is_the_state_not_a_small_town(resolver: PlaceResolver) -> None:
    text = "The company operates a casino in Iowa, two more in Missouri and 12 in Nevada."
    places = resolver.resolve_document(text, _mentions(text, "Iowa", "Missouri", "Nevada"))
    assert [(p.admin1, p.precision) for p in places] == [
        ("Iowa", "admin1"),
        ("Missouri", "admin1"),
        ("Nevada", "admin1"),
    ]


def test_the_state_named_most_often_decides_a_shared_county_name(resolver: PlaceResolver) -> None:
    text = (
        "Boone County's jobless rate rose in February, the Indiana labour department said. Indiana as a whole "
        "fared better, and Indiana officials expect a rebound. Rates in Kentucky and Illinois also rose. "
        "Boone County has a workforce of 27,000, among the largest in Indiana."
    )
    places = resolver.resolve_document(text, _mentions(text, "Boone County", "Indiana", "Kentucky", "Illinois"))
    boone = [p for p in places if p.text == "Boone County"]
    assert boone and all((p.admin1, p.precision) == ("Indiana", "admin2") for p in boone)


def test_large_province_has_a_reference_point_not_the_centre_of_its_towns(resolver: PlaceResolver) -> None:
    # Ontario's towns crowd its southern edge; its reference point lies far north of them
    ontario = resolver.resolve("Ontario")
    assert ontario.precision == "admin1" and ontario.lat is not None
    assert haversine_km(ontario.lat, ontario.lon, 49.25, -84.5) < 100
    alaska = resolver.resolve("Alaska")
    assert alaska.lat is not None and alaska.lat > 63


def test_town_written_without_its_arabic_article(resolver: PlaceResolver) -> None:
    # GeoNames spells it "Al Qāmishlī"; news writes "Qamishli"
    place = resolver.resolve("Qamishli")
    assert (place.country, place.precision) == ("SY", "town")
    assert place.lat is not None and haversine_km(place.lat, place.lon, 37.05, 41.22) < 20
