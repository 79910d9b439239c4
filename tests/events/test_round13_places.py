"""Round 13: places that describe a person (a home town, a nickname) are not where an event happened, a
"Town, State" pair names one place once, an unknown name the tagger reads as a date is still a place
after "in", and wire datelines with a filing date or without their dash place the story. Sentences
written for these tests."""

from __future__ import annotations

import eventwire
from eventwire.events.syntax import BARE_DATELINE, DATELINE
from eventwire.places import resolver as places_resolver


def _events(text: str, published: str = "2018-03-30") -> list[dict]:
    return eventwire.extract(text, published=published)


def test_a_soldiers_home_town_is_not_where_he_was_killed() -> None:
    text = ("A roadside bomb exploded near the Syrian town of Manbij on Thursday. An American serviceman, Master Sgt "
            "John Miller of Austin, Texas, was killed and five others were wounded, officials said.")
    killed = [e for e in _events(text) if e["evidence"]["trigger"] == "killed"]
    assert killed, "the killing is an event"
    loc = killed[0]["location"] or {}
    assert loc.get("name") != "Austin" and loc.get("admin1") != "Texas", loc


def test_a_victims_home_town_does_not_beat_the_article_focus() -> None:
    text = ("Chicago police said a man was stabbed on the Near North Side on Friday. Police said the suspect "
            "approached Robert Hale, 55, of Park Ridge, in an alley and stabbed him in the back. The Near North "
            "Side attack was the third this month.")
    stabbed = [e for e in _events(text) if e["evidence"]["trigger"] == "stabbed"]
    assert stabbed and all((e["location"] or {}).get("name") != "Park Ridge" for e in stabbed)


def test_a_nickname_is_no_place() -> None:
    from eventwire.events.person_places import describes_person
    from eventwire.pipeline import Pipeline

    doc = Pipeline().nlp("Mohanna Abdhou, 20, known as Montana, was caught in a hail of gunfire in London.")
    by_text = {e.text: e for e in doc.ents}
    assert describes_person(by_text["Montana"].root)
    assert not describes_person(by_text["London"].root)


def test_an_office_keeps_its_place() -> None:
    from eventwire.events.person_places import describes_person
    from eventwire.pipeline import Pipeline

    doc = Pipeline().nlp("The mayor of Chicago condemned the shooting.")
    [chicago] = [e for e in doc.ents if e.text == "Chicago"]
    assert not describes_person(chicago.root)


def test_wire_datelines_with_a_filing_date_or_without_a_dash() -> None:
    assert DATELINE.match("SOUTH WAZIRISTAN, April 5 (APP): Chief of Army Staff").group("place") == "SOUTH WAZIRISTAN"
    assert DATELINE.match("LOS ANGELES, April 05, 2018 (GLOBE NEWSWIRE) -- Investors").group("place") == "LOS ANGELES"
    assert BARE_DATELINE.match("OKLAHOMA CITY The Latest on teachers").group("place") == "OKLAHOMA CITY"
    assert DATELINE.match("ANDOVER ( CBS ) – A woman was arrested").group("place") == "ANDOVER"
    assert BARE_DATELINE.match("THIS is the first picture") is None


def test_a_story_filed_from_a_dateline_without_its_dash_is_placed_there() -> None:
    text = ("OKLAHOMA CITY The Latest on the teachers' walkout: Oklahoma lawmakers will meet on Friday as "
            "teachers continue to demand more funding. Teachers in West Virginia and Kentucky also protested "
            "last month. Union leaders said on Thursday that teachers would protest again.")
    protests = [e for e in _events(text) if e["evidence"]["trigger"] in {"demand", "protest"}]
    assert protests and any((e["location"] or {}).get("name") == "Oklahoma City" for e in protests)


def test_a_headline_in_capitals_is_no_dateline() -> None:
    text = "BREAKING NEWS Police arrested two men after a robbery, officials said."
    arrests = [e for e in _events(text) if e["evidence"]["trigger"] == "arrested"]
    assert all(e["location"] is None for e in arrests)


def test_a_street_named_after_a_town_is_not_that_town() -> None:
    r = places_resolver._load_cached(None)
    text = ("Chicago police charged a man of the 6100 block of South Ingleside Avenue. Chicago officials said "
            "the victim was stabbed in Chicago.")
    start = text.index("South Ingleside Avenue")
    [street] = r.resolve_document(text, [(start, start + len("South Ingleside Avenue"), "FAC")])
    assert street.admin1 != "Texas"


def test_acronyms_and_name_suffixes_are_no_places() -> None:
    from eventwire.events.place_frames import no_place_name

    assert no_place_name("MoD") and no_place_name("DoJ") and no_place_name("Sr.") and no_place_name("Jr")
    assert not any(no_place_name(t) for t in ("McAllen", "DeKalb", "Paris", "UK", "Ohio"))
    text = ("The MoD said a British soldier was killed by a roadside bomb on Thursday, the MoD said. "
            "Gino Bassett, Sr., 56, was charged with murder in the killing.")
    places = [(e["location"] or {}).get("country") for e in _events(text)]
    assert "US" not in places and "IL" not in places
