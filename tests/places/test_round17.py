"""Round 17: in US local news a town's name means the US town when the article's other signals are American: a
network's local station in the dateline, a US phone number or street address, another US town named."""

from __future__ import annotations

from place_helpers import resolve_named

from eventwire.places import PlaceResolver

LOCAL = (
    "ANDOVER (CBS) - A man was charged after a break-in at a home on Elm Street, Andover police said. "
    "Anyone with information can call (978) 555-0134."
)
PLAIN = "ANDOVER - A man was charged after a break-in at a home on Elm Street, Andover police said."


def test_us_signals_of_the_article_make_its_town_american(resolver: PlaceResolver) -> None:
    assert [p.country for p in resolve_named(resolver, LOCAL, ["ANDOVER", "Andover"])] == ["US", "US"]
    # the same story without them keeps the larger town abroad
    assert resolve_named(resolver, PLAIN, ["Andover"])[0].country == "GB"
    # another US town the article names and a US street address
    text = "Paris police arrested two men from Murfreesboro after a burglary at 410 Oak St., officers said."
    paris, town = resolve_named(resolver, text, ["Paris", "Murfreesboro"])
    assert (paris.country, paris.admin1) == ("US", "Tennessee") and town.country == "US"
    assert resolve_named(resolver, "Paris police arrested two men, officers said.", ["Paris"])[0].country == "FR"
