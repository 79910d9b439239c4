"""How news says a demonstration took place: crowds given by their size, strikes, acts done in protest,
protests as the setting or the outcome of other events (events/coder.py, frames.py, data/labour_strike.tsv).
Sentences written for these tests, not taken from any evaluation set."""

from __future__ import annotations

import eventwire

PUB = "2022-05-10"


def _of(text: str, ptype: str = "PROTEST") -> list[dict]:
    return [r for r in eventwire.extract(text, published=PUB) if r["plover_type"] == ptype]


def test_a_crowd_given_by_its_size_protests_as_civilians_of_the_country():
    recs = _of("Thousands demonstrated in Lagos on Monday against fuel prices.")
    assert len(recs) == 1
    actor = next(a for a in recs[0]["actors"] if a["role"] == "actor")
    assert (actor["text"], actor["country"], actor["sector"]) == ("Thousands", "NGA", "CVL")
    assert _of("Hundreds rallied in Yangon against the military coup.")


def test_a_labour_strike_is_a_protest_and_an_air_strike_is_not():
    recs = _of("Thousands of workers went on strike in Johannesburg on Tuesday.")
    assert len(recs) == 1 and recs[0]["plover_mode"] == "strike"
    assert {a["country"] for a in recs[0]["actors"]} == {"ZAF"}
    assert _of("Doctors in Nairobi began a nationwide strike on Monday over unpaid wages.")
    assert not _of("A drone strike hit a compound near Mogadishu on Monday, killing four militants.")


def test_an_act_done_in_protest_is_the_protest():
    recs = _of("Farmers blocked highways near Ludhiana on Monday in protest against the farm laws.")
    assert len(recs) == 1 and recs[0]["actors"][0]["text"] == "Farmers"
    assert _of("Students blocked the main highway in Dhaka on Sunday to protest a bus accident.")


def test_an_envoy_summoned_to_protest_is_no_street_protest():
    assert not _of("The foreign ministry summoned the French ambassador to protest the remarks.")


def test_protests_as_the_setting_or_the_outcome_of_another_event_took_place():
    assert _of("Several activists were detained during unsanctioned protests in Yekaterinburg on Saturday.")
    assert _of("The killing sparked large demonstrations in Minneapolis on Tuesday.")
    assert _of("A protest against the new tax law drew about 5,000 people in Accra on Sunday.")


def test_crowds_in_the_streets_protest_but_a_walk_in_the_street_does_not():
    assert _of("Thousands poured into the streets of Beirut on Thursday.")
    assert not _of("A man walked the streets of Paris with his dog on Sunday.")
    assert not _of("Catholics may opt to be baptized during the vigil.")


def test_to_demonstrate_something_is_to_show_it():
    assert not _of("The story of Argentina demonstrates the destructive potential of public sector unions.")
    assert _of("Protesters demonstrated their anger outside the embassy in Nairobi on Monday.")
