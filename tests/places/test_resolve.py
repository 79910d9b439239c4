"""Resolution of typical toponyms, with and without the article's context."""

from __future__ import annotations

import pytest

from eventwire.places import PlaceContext, PlaceResolver, haversine_km
from eventwire.records import PLACE_PRECISIONS


@pytest.mark.parametrize(
    "text", ["Idlib province", "the province of Idlib", "Syrian province of Idlib", "Idlib Governorate"]
)
def test_named_province_is_the_admin1(resolver: PlaceResolver, text: str) -> None:
    place = resolver.resolve(text)
    assert (place.country, place.admin1, place.precision) == ("SY", "Idlib", "admin1")
    assert place.lat is not None and haversine_km(place.lat, place.lon, 35.9, 36.6) < 80


def test_bare_idlib_in_a_syria_article_is_the_governorate(resolver: PlaceResolver) -> None:
    text = "Air strikes hit Saraqib in Idlib on Tuesday, Syrian activists said."
    mentions = [(16, 23, "GPE"), (27, 32, "GPE")]
    saraqib, idlib = resolver.resolve_document(text, mentions, hint_countries=("SY",))
    assert (saraqib.name, saraqib.precision, saraqib.admin1) == ("Saraqib", "town", "Idlib")
    assert (idlib.precision, idlib.admin1) == ("admin1", "Idlib")
    assert (saraqib.start, saraqib.end, idlib.start, idlib.end) == (16, 23, 27, 32)


def test_country_wins_and_has_a_point(resolver: PlaceResolver) -> None:
    syria = resolver.resolve("Syria")
    assert (syria.country, syria.precision, syria.geonameid) == ("SY", "country", 163843)
    assert syria.lat is not None and haversine_km(syria.lat, syria.lon, 35.0, 38.0) < 200
    us = resolver.resolve("U.S.")
    assert (us.country, us.precision) == ("US", "country")


def test_country_helper(resolver: PlaceResolver) -> None:
    for ref in ("SY", "SYR", "Syria"):
        place = resolver.country(ref)
        assert place is not None and place.country == "SY" and place.precision == "country"
    assert resolver.country("Nowhereland") is None
    assert resolver.country("") is None


def test_paris_follows_the_article(resolver: PlaceResolver) -> None:
    assert resolver.resolve("Paris").country == "FR"
    text = "Police in Paris, Texas, said the suspect fled toward Dallas."
    paris = resolver.resolve_document(text, [(10, 15, "GPE"), (17, 22, "GPE"), (53, 59, "GPE")])[0]
    assert (paris.country, paris.admin1) == ("US", "Texas")
    in_context = resolver.resolve("Paris", PlaceContext(places=(resolver.resolve("Texas"),)))
    assert (in_context.country, in_context.admin1) == ("US", "Texas")


def test_demonym_is_not_a_place(resolver: PlaceResolver) -> None:
    place = resolver.resolve("Syrian")
    assert place.lat is None and place.precision is None
    assert place.reason and "demonym" in place.reason


def test_unknown_toponym_is_kept_with_null_coordinates(resolver: PlaceResolver) -> None:
    text = "Fighting near Qwzxqville and in Aleppo."
    unknown, aleppo = resolver.resolve_document(text, [(14, 24, "GPE"), (32, 38, "GPE")])
    assert unknown.text == "Qwzxqville" and unknown.lat is None and unknown.lon is None and unknown.reason
    assert aleppo.country == "SY" and aleppo.lat is not None


@pytest.mark.parametrize(
    "text",
    ["دمشق", "Москва", "東京", "x" * 10_000, "!!!", "", "   ", "\x00\x01", "Idlib" * 50, "🙂", "Sa'ada's"],
)
def test_any_input_never_raises(resolver: PlaceResolver, text: str) -> None:
    place = resolver.resolve(text)
    assert place.precision in (*PLACE_PRECISIONS, None)
    assert (place.lat is None) == (place.lon is None)


def test_non_latin_names_resolve(resolver: PlaceResolver) -> None:
    assert resolver.resolve("دمشق").country == "SY"
    assert resolver.resolve("Москва").country == "RU"


def test_bad_offsets_do_not_drop_mentions(resolver: PlaceResolver) -> None:
    text = "Shelling in Homs."
    places = resolver.resolve_document(text, [(12, 16, "GPE"), (50, 60, "GPE"), (5, 5, "GPE")])
    assert len(places) == 3
    assert places[0].country == "SY"
    assert places[1].lat is None and places[2].lat is None


def test_curated_seas_regions_and_landmarks(resolver: PlaceResolver) -> None:
    sea = resolver.resolve("the Mediterranean")
    assert sea.lat is not None and sea.precision is None and sea.country is None
    gaza = resolver.resolve("Gaza")
    assert (gaza.country, gaza.precision) == ("PS", "admin1")
    white_house = resolver.resolve("White House")
    assert white_house.lat is not None and haversine_km(white_house.lat, white_house.lon, 38.9, -77.04) < 20


def test_town_followed_by_its_state(resolver: PlaceResolver) -> None:
    for state, admin1 in (("Tenn.", "Tennessee"), ("Ill.", "Illinois"), ("Texas", "Texas")):
        text = f"He was held in Paris, {state}, on Monday."
        (place,) = resolver.resolve_document(text, [(15, 20, "GPE")])
        assert (place.country, place.admin1) == ("US", admin1)


def test_generic_word_inside_a_long_name_is_not_a_place(resolver: PlaceResolver) -> None:
    place = resolver.resolve("Qwzx State University")
    assert place.lat is None
