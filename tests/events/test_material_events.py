"""Material events the coder used to miss (events/material.py, data/material_*_triggers.tsv): agentless
passives that name who underwent the act, a device going off, security raised, captures told as
liberation, nominal firefights and gunfire. Sentences written for these tests, not taken from any
evaluation set."""

from __future__ import annotations

import eventwire

PUB = "2022-05-10"


def _of(text: str, ptype: str) -> list[dict]:
    return [r for r in eventwire.extract(text, published=PUB) if r["plover_type"] == ptype]


def test_an_agentless_arrest_names_who_was_arrested():
    recs = _of("Anarchists suspected of sympathising with the group were arrested on Tuesday.", "COERCE")
    assert len(recs) == 1
    assert any("Anarchists" in a["text"] for a in recs[0]["actors"] if a["role"] == "recipient")
    # nothing is guessed about who they are
    assert all(a["country"] is None for a in recs[0]["actors"])


def test_people_released_are_a_release_a_released_report_is_not():
    assert _of("They were released from custody in June after a general amnesty.", "RETREAT")
    assert not _of("It was released on Monday by the ministry.", "RETREAT")


def test_a_finite_clause_under_a_trial_reports_its_own_event():
    # "tried" (in court) does not make the release that explains it intended
    assert _of("The two women were never tried, as they were released in 1977 under an amnesty.", "RETREAT")
    # an attempt still governs its infinitive
    assert not _of("Police tried to release the hostages on Monday.", "RETREAT")


def test_a_bomb_going_off_is_an_attack_without_a_named_attacker():
    recs = _of("A roadside bomb exploded near a police checkpoint in Kandahar on Sunday.", "ASSAULT")
    assert len(recs) == 1


def test_security_raised_is_a_mobilisation_and_security_stocks_are_not():
    assert _of("Security has been tightened across Lyon after the attack, with more police patrols.", "MOBILIZE")
    assert not _of("The fund boosted its holdings of security stocks in March.", "MOBILIZE")


def test_a_liberated_town_is_a_capture():
    recs = _of("Iraqi forces liberated the town of Tal Afar from Islamic State fighters on Thursday.", "ASSAULT")
    assert len(recs) == 1
    assert recs[0]["location"] is not None


def test_gunfire_a_post_came_under_is_an_attack():
    assert _of("An army post in Kupwara came under intense gunfire late on Friday.", "ASSAULT")


def test_a_condition_under_a_threat_reports_no_event():
    # "unless they withdraw": a condition asserts nothing, though it is a finite clause with its own subject
    recs = _of("The president threatened to use force unless the rebels withdraw from the town before the end of "
               "the month.", "RETREAT")
    assert not recs


def test_shooting_down_a_rumour_is_no_attack():
    assert not _of("Company executives shot down rumours of a new engine for the sedan.", "ASSAULT")
    assert _of("Iranian forces shot down a US drone over the Strait of Hormuz on Thursday.", "ASSAULT")
