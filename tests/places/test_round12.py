"""Round 12: a people named in US local news ("a Mexican national") is no foreign place. A US town named for
a country (Palestine TX, Lebanon OH, Mexico MO, Cuba NY, Jordan MN) and named with its state or county stays
the US town although the article's peoples hint at other countries."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventwire.places import PlaceResolver
from eventwire.places.rules import DISABLED_RULES
from eventwire.records import Place


def _resolve(resolver: PlaceResolver, text: str, names: list[str], hints: tuple[str, ...]) -> list[Place]:
    mentions, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        mentions.append((start, start + len(name), "GPE"))
        pos = start + len(name)
    return resolver.resolve_document(text, mentions, hint_countries=hints)


CASES = [
    (
        "PALESTINE, Texas - A Mexican national was arrested Tuesday after a chase on Highway 79, the Anderson "
        "County Sheriff's Office said. He was booked into the jail in Palestine on $50,000 bond.",
        ["PALESTINE", "Texas", "Anderson County", "Palestine"], ("MX", "PS", "US"), "Texas",
    ),
    (
        "LEBANON, Ohio - Two Syrian refugees opened a bakery on Main Street, and the Warren County commissioners "
        "praised it. The Lebanon City Council approved a $5,000 grant.",
        ["LEBANON", "Ohio", "Warren County", "Lebanon"], ("SY", "LB", "US"), "Ohio",
    ),
    (
        "Police in Mexico, Missouri, arrested a man after a Cuban restaurant was robbed, the Audrain County "
        "Sheriff said. Bail was set at $10,000.",
        ["Mexico", "Missouri", "Audrain County"], ("CU", "MX", "US"), "Missouri",
    ),
]


@pytest.mark.parametrize(("text", "names", "hints", "state"), CASES)
def test_country_named_us_town_stays_local_beside_peoples(
    resolver: PlaceResolver, text: str, names: list[str], hints: tuple[str, ...], state: str
) -> None:
    town = _resolve(resolver, text, names, hints)[0]
    assert (town.country, town.admin1) == ("US", state)


@pytest.fixture
def rule_off() -> Iterator[None]:
    DISABLED_RULES.add("demonym-hints")
    try:
        yield
    finally:
        DISABLED_RULES.discard("demonym-hints")


def test_rule_switches_off(resolver: PlaceResolver, rule_off: None) -> None:
    text, names, hints, _state = CASES[0]
    assert _resolve(resolver, text, names, hints)[0].country == "PS"


def test_a_foreign_place_named_outright_still_makes_foreign_news(resolver: PlaceResolver) -> None:
    """US markers and a Texas senator, but Gaza is named: "Palestine" is the territory."""
    text = (
        "Sen. Ted Cruz of Texas said the $38 billion in aid would not reach Gaza, and Rep. Smith said Palestine "
        "must hold elections, the County Republican party said."
    )
    places = _resolve(resolver, text, ["Texas", "Gaza", "Palestine"], ("US", "PS", "IL"))
    assert places[2].country == "PS"


def test_a_us_local_article_about_palestine_texas_is_coded_there(pipeline) -> None:  # type: ignore[no-untyped-def]
    """The whole pipeline: the event's place is the Texas town and the sheriff's office is American, although a
    people ("a Mexican national") and the town's name hint at other countries."""
    text = ("PALESTINE, Texas - A Mexican national was arrested Tuesday after he shot a deputy during a traffic "
            "stop on Highway 79 in Palestine, the Anderson County Sheriff's Office said. He was booked into the "
            "Anderson County jail on $500,000 bond.")
    events = pipeline.extract(text)
    assert events
    for e in events:
        assert e.location is not None and (e.location.country, e.location.admin1) == ("US", "Texas")
        for a in e.actors:
            assert a.country != "PSE", a
