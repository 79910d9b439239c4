"""Clauses that carry an event word but are no event between two sides, and tolls told apart from their
attack (events/gates.py). Sentences written for these tests, not taken from any evaluation set."""

from __future__ import annotations

import eventwire

PUB = "2022-05-10"


def _types(text: str) -> list[str]:
    return [r["plover_type"] for r in eventwire.extract(text, published=PUB)]


def _of(text: str, ptype: str) -> list[dict]:
    return [r for r in eventwire.extract(text, published=PUB) if r["plover_type"] == ptype]


def test_a_body_meeting_on_its_own_is_no_consultation():
    assert "CONSULT" not in _types("The party's central committee was meeting behind closed doors in Harare on Monday.")
    assert "CONSULT" not in _types("Provincial councillors will convene in Kandahar on Friday.")


def test_a_meeting_between_two_sides_is_one():
    recs = _of("Kenya's foreign minister met with Ethiopian Prime Minister Abiy Ahmed in Addis Ababa on Monday.",
               "CONSULT")
    assert len(recs) == 1
    assert {a["country"] for a in recs[0]["actors"]} >= {"KEN", "ETH"}


def test_a_government_visiting_its_own_troops_is_no_consultation():
    assert "CONSULT" not in _types("President Ruto visited troops of the Kenya Defence Forces in Garissa on Sunday.")
    assert "CONSULT" in _types("President Ruto visited Somalia's president in Mogadishu on Sunday.")


def test_the_toll_of_an_attack_is_that_attack():
    recs = _of("Two car bombs exploded outside the central market in Mogadishu on Saturday, killing nine people "
               "and wounding more than 40 others.", "ASSAULT")
    assert len(recs) == 1, [r["evidence"]["trigger"] for r in recs]
    ev = recs[0]
    assert ev["size"]["dead"] == 9 and ev["size"]["injured"] == 40
    # the evidence covers the toll as well as the blast
    assert ev["evidence"]["start"] <= ev["evidence"]["trigger_start"]
    text = ev["evidence"]["sentence"]
    assert "wounding" in text


def test_a_toll_in_a_relative_clause_is_the_same_attack():
    recs = _of("Al-Shabaab claimed the March 3 attack on a hotel in Mogadishu, which killed 12 people.", "ASSAULT")
    assert len(recs) == 1


def test_two_attacks_of_one_sentence_stay_two():
    recs = _of("Five soldiers were killed in an ambush near Gao on Monday, a day after French jets bombed a convoy "
               "near Menaka.", "ASSAULT")
    assert len(recs) == 2, [r["evidence"]["trigger"] for r in recs]


def test_an_act_only_allowed_or_advised_is_not_reported():
    assert "COERCE" not in _types("Soldiers would not be allowed to arrest protesters under the new decree.")
    assert "RETREAT" not in _types("The opposition leader advised the minister to resign over the scandal.")


def test_an_infinitive_under_a_verb_of_doing_is_reported():
    assert "ASSAULT" in _types("Insurgents continued to shell the town of Marawi on Monday, officials said.")
    assert "ASSAULT" in _types("The army claimed to have hit three militants near Kandahar on Monday.")
    assert "THREATEN" in _types("Kenya and Uganda are the latest to be threatened by al-Shabaab in a video released on Monday.")


def test_agreeing_that_something_is_so_is_an_opinion_not_an_agreement():
    assert "AGREE" not in _types("The three unions agreed that the new pay scale is not fair to junior staff.")
    assert "AGREE" in _types("Armenia and Azerbaijan agreed to a ceasefire in Nagorno-Karabakh on Thursday.")


def test_companies_and_private_people_dealing_with_each_other_are_no_event():
    # business news: a deal, a warning or an appeal between companies and customers (gates.private_matter)
    assert "AGREE" not in _types("Three European airlines agreed on Tuesday to pool their maintenance contracts.")
    assert "REQUEST" not in _types("Shoppers have begun calling on retailers to cut prices.")
    assert "THREATEN" not in _types("The Water Corporation is warning people not to swim near the outfall.")


def test_a_state_side_or_an_agentless_charge_keeps_the_event():
    # the same verbs with a government on one side are political events, and "were charged" has the state
    # as its unstated actor
    assert "THREATEN" in _types("Kenya's interior ministry warned residents of Mandera to stay indoors.")
    assert "AGREE" in _types("The governments of Kenya and Ethiopia agreed on Tuesday to reopen the border crossing "
                             "at Moyale.")
