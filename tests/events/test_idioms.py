"""Events an idiom carries (events/idioms.py, data/idiom_triggers.tsv; issue 10, the gold events nothing
proposed in eval/tools/recall_map.py): a guilty plea is a conviction (SANCTION), whoever is on trial or
stands trial is accused (ACCUSE), a weapon pointed or waved at someone is a threat (THREATEN); and the
near misses each must leave alone. Sentences written for these tests, not taken from any evaluation set."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.events.idioms import idioms

PUB = "2019-05-14"


def _of(text: str, ptype: str) -> list[dict]:
    return [r for r in eventwire.extract(text, published=PUB) if r["plover_type"] == ptype]


def _parties(rec: dict, role: str) -> str:
    return " | ".join(a["text"] for a in rec["actors"] if a["role"] == role)


def test_a_guilty_plea_is_a_conviction_of_who_pleaded():
    recs = _of("A former customs officer pleaded guilty on Tuesday to smuggling cigarettes across the border.",
               "SANCTION")
    assert len(recs) == 1
    assert recs[0]["plover_mode"] == "convict"
    assert "customs officer" in _parties(recs[0], "recipient")
    assert "customs officer" not in _parties(recs[0], "actor")


@pytest.mark.parametrize("text", [
    "The driver pleaded not guilty to the charges at the county court on Monday.",
    "The lawyer said his client would never plead guilty to a crime he did not commit.",
])
def test_a_plea_of_not_guilty_or_a_refused_plea_is_no_conviction(text: str):
    assert _of(text, "SANCTION") == []


@pytest.mark.parametrize(("text", "accused"), [
    ("Four militia commanders are on trial in The Hague for the shelling of a market.", "Four militia commanders"),
    ("Two police officers stood trial in Lagos last week over the death of a street vendor.", "Two police officers"),
])
def test_who_is_on_trial_is_accused(text: str, accused: str):
    recs = _of(text, "ACCUSE")
    assert recs, text
    assert any(accused in _parties(r, "recipient") for r in recs)


def test_who_is_not_on_trial_is_not_accused():
    assert _of("The two soldiers are not on trial for the killings in Gao, the army said.", "ACCUSE") == []


def test_a_medicine_on_trial_is_no_accusation():
    assert _of("A new malaria vaccine is on trial at three clinics in northern Ghana this year.", "ACCUSE") == []


def test_a_weapon_pointed_at_someone_is_a_threat_against_them():
    recs = _of("The robber pointed a shotgun at the shop assistant and fled with the cash.", "THREATEN")
    assert len(recs) == 1
    assert "robber" in _parties(recs[0], "actor")
    assert "shop assistant" in _parties(recs[0], "recipient")


def test_pointing_at_a_map_is_no_threat():
    assert _of("The general pointed at the map and described the new defensive line.", "THREATEN") == []


def test_every_idiom_names_a_plover_type_and_mode():
    from eventwire.taxonomy import plover

    assert idioms(), "data/idiom_triggers.tsv holds no idiom"
    for idiom in idioms():
        assert plover.is_plover_type(idiom.plover_type), idiom.phrase
        assert idiom.mode is None or plover.is_plover_mode(idiom.plover_type, idiom.mode), idiom.phrase


def test_who_died_of_stab_wounds_was_attacked():
    recs = _of("A teenager died of stab wounds in hospital after an argument outside a nightclub in Croydon.",
               "ASSAULT")
    assert recs
    assert any("teenager" in _parties(r, "recipient") for r in recs)


def test_who_died_of_injuries_from_a_fall_was_not_attacked():
    assert _of("A pensioner died of his injuries after a fall at his home in Leeds on Sunday.", "ASSAULT") == []


def test_who_was_found_with_gunshot_wounds_was_attacked_by_no_one_named():
    recs = _of("Police found a 30-year-old man with gunshot wounds in a car park in Salford on Friday night.",
               "ASSAULT")
    assert recs
    assert "man" in _parties(recs[0], "recipient")
    assert "Police" not in _parties(recs[0], "actor")


def test_setting_fire_to_a_building_is_an_attack_that_destroys():
    recs = _of("Masked youths set fire to the offices of the opposition party in Harare overnight.", "ASSAULT")
    assert recs
    assert recs[0]["plover_mode"] == "destroy"
    assert "youths" in _parties(recs[0], "actor")


def test_the_olympic_torch_is_no_arson():
    assert _of("The athlete carried the Olympic torch through the streets of Athens on Monday.", "ASSAULT") == []


def test_sanctions_imposed_on_a_state_are_a_sanction_against_it():
    recs = _of("In March the European Union imposed new sanctions on Belarus over the crackdown.", "SANCTION")
    assert len(recs) == 1
    assert "European Union" in _parties(recs[0], "actor")
    assert "Belarus" in _parties(recs[0], "recipient")


def test_an_error_committed_is_no_attack():
    assert _of("The pilot committed a serious error during the landing in Nairobi.", "ASSAULT") == []


def test_a_guilty_verdict_is_a_conviction_and_a_guilty_party_is_none():
    """Round 17 (local crime news): "was found guilty" is a conviction (CAMEO 116 find guilty) of who was found
    guilty; a finding about "the guilty party" or a verdict of not guilty convicts no one."""
    recs = _of("A retired bank manager was found guilty on Friday of stealing from elderly customers.", "SANCTION")
    assert len(recs) == 1
    assert recs[0]["plover_mode"] == "convict"
    assert "bank manager" in _parties(recs[0], "recipient")
    assert _of("Investigators found the guilty company had ignored every safety warning.", "SANCTION") == []
    assert _of("The bus driver was found not guilty of reckless driving.", "SANCTION") == []
