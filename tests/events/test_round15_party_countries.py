"""Round 15's party countries (events/context.py, events/arguments.py): the country that completes a party
without one, and the country of a town named inside a party, come from the article's places as the
gazetteer settled them together, not from what a place name alone reads as."""

from __future__ import annotations

import pytest

import eventwire

PUBLISHED = "2009-03-07"

TENNESSEE = ("A Paris man was arrested Saturday on a charge of burglary. Paris police said the man broke into a "
             "home on Lone Oak Road. He was taken to the Henry County jail in Paris, where his bond was set at "
             "$5,000. Deputies arrested a second Paris man later that night.")
FRANCE = ("Police in Paris arrested a man on Saturday after a shop was set on fire near the Seine. The Paris "
          "prosecutor said the man would appear before a judge in Paris on Monday.")


def _parties(text: str) -> list[tuple[str, str, str | None]]:
    return [(a["role"], a["text"], a["country"]) for r in eventwire.extract(text, published=PUBLISHED)
            if r["plover_type"] == "COERCE" for a in r["actors"]]


def test_a_party_in_a_us_town_named_paris_takes_the_town_country() -> None:
    parties = _parties(TENNESSEE)
    deputies = [c for role, text, c in parties if role == "actor" and text == "Deputies"]
    assert deputies == ["USA"]


def test_a_town_named_in_a_party_is_the_town_the_article_settled() -> None:
    parties = _parties(TENNESSEE)
    men = [c for role, text, c in parties if role == "recipient" and "Paris man" in text]
    assert men and set(men) == {"USA"}


def _deputies_rules() -> list[str]:
    return [a["rule"] for r in eventwire.extract(TENNESSEE, published=PUBLISHED) if r["plover_type"] == "COERCE"
            for a in r["actors"] if a["role"] == "actor" and a["text"] == "Deputies"]


def test_the_settled_context_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    # settled, the article's country is the town's: nothing to correct; unsettled it is France's, and only the
    # event's own place (the Tennessee town) puts the deputies back in the United States
    assert [("event's location" in r) for r in _deputies_rules()] == [False]
    monkeypatch.setenv("EVENTWIRE_SETTLED_CONTEXT", "0")
    assert [("event's location" in r) for r in _deputies_rules()] == [True]


def test_a_report_from_paris_france_keeps_france() -> None:
    parties = _parties(FRANCE)
    assert parties and {c for _, _, c in parties} == {"FRA"}




def test_a_person_known_only_by_name_is_of_the_article_country() -> None:
    evs = eventwire.extract("The American embassy said on Monday that Harlan Medford had been detained. Medford "
                            "condemned the decision.", published=PUBLISHED)
    named = [(a["text"], a["country"]) for r in evs for a in r["actors"] if "Medford" in a["text"]]
    assert named and {c for _, c in named} == {"USA"}


def test_a_person_in_an_article_that_names_no_country_stays_without_one() -> None:
    evs = eventwire.extract("Harlan Medford had been detained on Monday. Medford condemned the decision.",
                            published=PUBLISHED)
    named = [(a["text"], a["country"]) for r in evs for a in r["actors"] if "Medford" in a["text"]]
    assert named and {c for _, c in named} == {None}


def test_unknown_attackers_belong_where_the_attack_happened() -> None:
    text = ("Iraq's prime minister met Iraqi commanders in Baghdad on Monday to discuss the offensive in Iraq's "
            "north, and Iraqi officials said Iraq would send more troops. On Tuesday, terrorists bombed a market in "
            "Istanbul, Turkey.")
    evs = [r for r in eventwire.extract(text, published=PUBLISHED) if r["plover_type"] == "ASSAULT"]
    actors = [a["country"] for r in evs for a in r["actors"] if a["role"] == "actor" and "terrorist" in a["text"]]
    assert actors == ["TUR"]

