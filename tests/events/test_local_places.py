"""Places of events in local news: the town a party or a local body is named after ("a Paris man", "the Henry
County General Sessions Court") settles which Paris the story is in and where its events happened, and an
article that names one town once places its unlocated events there."""

from __future__ import annotations

import eventwire
from eventwire.events.context import _generic_words, _institution_pattern


def _located(text: str, plover_type: str) -> list[dict]:
    return [r for r in eventwire.extract(text, published="2010-03-04") if r["plover_type"] == plover_type]


def test_a_town_named_in_a_local_body_places_the_arrest_in_that_state_not_abroad() -> None:
    # the county is named in a sentence with an event of its own (the pre-filter keeps it for the parser)
    text = (
        "Two men charged with burglary. A Paris man was arrested Sunday night on two counts of burglary, "
        "according to a report by the Paris Police Department. Henry County sheriff's deputies arrested a "
        "second man on Monday, and both are scheduled to appear in Henry County General Sessions Court.\n"
    )
    hits = [h for h in _located(text, "COERCE") if h["location"]]
    assert hits, "the arrest is an event with a place"
    loc = hits[0]["location"]
    assert loc["country"] == "US" and loc["admin1"] == "Tennessee", loc


def test_local_body_names_give_their_town_or_county_and_generic_words_give_none() -> None:
    pattern = _institution_pattern()
    found = {}
    for name in ("Henry County General Sessions Court", "the Springfield City Council", "State Police",
                 "The Police Department", "Ozark Police Department"):
        m = pattern.match(name)
        place = (m.group("unit") or m.group("town")) if m else None
        found[name] = None if place is None or place.split()[0] in _generic_words() else place
    assert found == {
        "Henry County General Sessions Court": "Henry County",
        "the Springfield City Council": "Springfield",
        "State Police": None,
        "The Police Department": None,
        "Ozark Police Department": "Ozark",
    }
