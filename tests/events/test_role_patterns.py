"""Parties that are no dependent of the trigger (issue 10, arguments; data/role_patterns.json), and a party
the knowledge base reads without a sector completed from its apposition (issue 11 item 2), on sentences the
team wrote: whom a request asks to act, whom a threatened act would befall, who is accused of an act, who
fled and was caught; the patterns fill roles of an event that stands on its own, they never make one."""

from __future__ import annotations

import json

import pytest

import eventwire
from eventwire.events import role_patterns as rp
from eventwire.events import roles as rl


def _records(text: str, ptype: str) -> list[dict]:
    return [r for r in eventwire.extract(text, published="2016-01-10") if r["plover_type"] == ptype]


def _parties(text: str, ptype: str) -> list[tuple[str, str, str | None, str | None]]:
    recs = _records(text, ptype)
    assert recs, text
    return [(a["role"], a["text"], a["country"], a["sector"]) for a in recs[-1]["actors"]]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("The Verkhovna Rada Committee recommended that the Ukrainian parliament adopt the bills.",
         "the Ukrainian parliament"),
        ("Kenyan opposition leaders demanded that the Kenyan government release the detained activists.",
         "the Kenyan government"),
    ],
)
def test_a_request_is_addressed_to_the_subject_of_the_clause_it_asks_for(text: str, recipient: str) -> None:
    parties = _parties(text, "REQUEST")
    assert recipient in [t for r, t, _, _ in parties if r == "recipient"]
    assert recipient not in [t for r, t, _, _ in parties if r == "actor"]


def test_a_threat_is_aimed_at_whom_the_threatened_act_would_befall() -> None:
    parties = _parties("Russia vowed to shoot down any American fighter planes over Syria.", "THREATEN")
    assert ("recipient", "USA", "MIL") in {(r, c, s) for r, _, c, s in parties}
    assert ("actor", "RUS") in {(r, c) for r, _, c, _ in parties}


def test_who_is_accused_of_an_act_is_its_actor_and_the_rule_says_so() -> None:
    recs = _records("Police in Chicago said a Chicago man is accused of stabbing a 55-year-old Chicago woman "
                    "on Friday.", "ASSAULT")
    assert recs
    actors = [a for a in recs[-1]["actors"] if a["role"] == "actor"]
    assert [a["text"] for a in actors] == ["a Chicago man"]
    assert ("pattern: the accused of the act" in recs[-1]["explain"]["actor:a Chicago man"])


def test_who_fled_and_was_apprehended_underwent_the_arrest() -> None:
    parties = _parties("The suspect fled on foot and was apprehended by a Texas sheriff's deputy.", "COERCE")
    assert ("recipient", "The suspect") in {(r, t) for r, t, _, _ in parties}
    assert ("actor", "USA", "COP") in {(r, c, s) for r, _, c, s in parties}


def test_a_pattern_party_fills_roles_but_does_not_make_an_event() -> None:
    # the party-less draft would stand only on a pattern's party: patterns fill, they are no evidence
    assert not rl.carries_event(f"kb{rl.PATTERN_MARK}subject of the clause requested")
    assert rl.carries_event("kb")


@pytest.mark.parametrize(
    ("text", "ptype", "country", "sector"),
    [
        ("Konstantin Kosachyov, chairman of the Duma’s International Relations Committee, criticized the "
         "protocol as ineffective.", "ACCUSE", "RUS", "LEG"),
        ("Ivan Petrovsky, Russia’s prosecutor general, urged law enforcement agencies to act.", "REQUEST", "RUS",
         "JUD"),
    ],
)
def test_an_unknown_person_takes_country_and_sector_from_the_apposition(
        text: str, ptype: str, country: str, sector: str) -> None:
    assert ("actor", country, sector) in {(r, c, s) for r, _, c, s in _parties(text, ptype)}


def test_the_pattern_file_is_well_formed() -> None:
    data = json.loads(rp.PATTERN_FILE.read_text(encoding="utf-8"))
    for p in data["patterns"]:
        ids = [x["RIGHT_ID"] for x in p["pattern"]]
        assert ids[0] == "trigger" and "party" in ids, p["name"]
        assert p["role"] in {"actor", "recipient"} and p["types"] and p["why"]


@pytest.mark.parametrize(
    "text",
    ["Three people were killed in the Kabul bombing on Sunday.", "The Manchester bombing killed 22 people."],
)
def test_the_city_an_attack_is_named_after_is_its_place_not_its_attacker(text: str) -> None:
    assert not [p for p in _parties(text, "ASSAULT") if p[0] == "actor"]


def test_a_country_or_demonym_on_the_attack_noun_still_acts() -> None:
    assert ("actor", "USA") in {(r, c) for r, _, c, _ in _parties("US strikes killed 12 militants in Syria on Sunday.",
                                                                   "ASSAULT")}


def test_a_relative_clause_hung_off_the_attacks_place_tells_of_the_attack() -> None:
    # the parser hangs "which killed ..." off the town; the clause is the attack's, and so is its agent
    parties = _parties("The United States condemns ISIL’s multiple suicide attacks in the town of Tel Tamer in "
                       "Hasaka Province, which targeted and killed scores of Syrian civilians.", "ASSAULT")
    assert ("actor", "REB") in {(r, s) for r, _, _, s in parties}
