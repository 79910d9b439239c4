"""Events in short news passages the coder used to miss (issue 10, RAMS-style passages): a noun that
shares a verb trigger's lemma ("sanctions", "the slaughter") read by the trigger model; people captured
by force (ASSAULT 'abduct', not the territory reading of "capture"); a standing measure imposed, kept or
prolonged ("Putin extended the embargo"). Sentences written for these tests, not taken from any
evaluation set."""

from __future__ import annotations

import eventwire

PUB = "2016-08-10"


def _of(text: str, ptype: str) -> list[dict]:
    return [r for r in eventwire.extract(text, published=PUB) if r["plover_type"] == ptype]


def _parties(rec: dict, role: str) -> str:
    return " | ".join(a["text"] for a in rec["actors"] if a["role"] == role)


def test_sanctions_kept_in_force_are_a_sanction_by_who_keeps_them():
    recs = _of("Russia continues its trade sanctions against the European Union.", "SANCTION")
    assert len(recs) == 1
    assert "Russia" in _parties(recs[0], "actor")
    assert "European Union" in _parties(recs[0], "recipient")


def test_an_embargo_extended_is_a_sanction_by_who_extended_it():
    recs = _of("In 2015 President Vladimir Putin extended the food embargo on Norway through August 2016.", "SANCTION")
    assert len(recs) == 1
    assert "Putin" in _parties(recs[0], "actor")


def test_sanctions_talked_of_in_general_are_no_event():
    assert not _of("Sanctions rarely change the behaviour of governments, economists say.", "SANCTION")


def test_people_captured_by_rebels_are_an_abduction():
    recs = _of("Rebels captured two soldiers near the border town on Tuesday.", "ASSAULT")
    assert len(recs) == 1
    assert recs[0]["plover_mode"] == "abduct"
    assert "soldiers" in _parties(recs[0], "recipient")
    assert "Rebels" in _parties(recs[0], "actor")


def test_hostages_seized_are_an_abduction_and_a_town_seized_stays_a_capture():
    hostages = _of("Gunmen seized dozens of hostages at a hotel in Bamako on Friday.", "ASSAULT")
    assert len(hostages) == 1 and hostages[0]["plover_mode"] == "abduct"
    town = _of("Gunmen seized the town of Kidal on Sunday.", "ASSAULT")
    assert len(town) == 1 and town[0]["plover_mode"] != "abduct"


def test_a_suspect_captured_by_police_is_no_abduction():
    recs = eventwire.extract("Police captured the suspect in Lagos on Friday.", published=PUB)
    assert not [r for r in recs if r["plover_mode"] == "abduct"]


def test_a_killing_in_a_battle_is_one_attack():
    recs = _of("A man was killed and five more were wounded in a battle between troops and militants in the "
               "market area of Kandahar.", "ASSAULT")
    assert len(recs) == 1


def test_a_battle_that_could_happen_is_no_event():
    assert not _of("But a battle between the two senators could draw in outside groups.", "ASSAULT")
