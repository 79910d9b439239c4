"""Round 14: an attack told with no target takes the target of another report of its incident by the same
attacker (events/incident_parties.py); a report of the other side's attack, or one whose target is the
attacker itself, lends nothing."""

from __future__ import annotations

from typing import Any

import eventwire
from eventwire.events.incident_parties import share_parties
from eventwire.records import ActorRef, Event, Evidence, Size


def _attacks(text: str) -> list[dict[str, Any]]:
    return [e for e in eventwire.extract(text, published="2021-03-04") if e["plover_type"] == "ASSAULT"]


def _parties(ev: dict[str, Any], role: str) -> list[tuple[str | None, str | None]]:
    return [(a["country"], a["sector"]) for a in ev["actors"] if a["role"] == role]


def test_an_attack_with_no_target_takes_the_target_its_attacker_hit_in_the_next_report() -> None:
    text = ("Islamic State militants carried out deadly attacks in the Syrian town of Jabla on Monday. "
            "The militants killed 40 civilians in bombings at bus stations in Jabla, police said.")
    first = next(e for e in _attacks(text) if e["evidence"]["trigger"] == "attacks")
    assert ("SYR", "CVL") in _parties(first, "recipient")


def test_the_attackers_own_dead_are_not_the_target_of_their_attack() -> None:
    text = ("Taliban fighters launched an attack in Kunduz on Monday. "
            "In Kunduz on Monday, government forces killed 12 Taliban fighters, officials said.")
    first = next(e for e in _attacks(text) if e["evidence"]["trigger"] == "attack")
    assert _parties(first, "recipient") == []


def _event(start: int, incident: str, *parties: ActorRef) -> Event:
    return Event(event_id=f"e{start}", article_id="a", plover_type="ASSAULT", plover_mode=None, context=(),
                 acled_event_type=None, acled_sub_event_type=None, cameo_root=None, actors=parties, location=None,
                 date=None, size=Size(), claim_source=(), modality="asserted", confidence=0.5,
                 evidence=Evidence("s", start, start + 5), incident_id=incident)


def test_a_report_of_another_attacker_or_incident_lends_no_target() -> None:
    rebels = ActorRef("actor", "the rebels", country="SYR", sector="REB")
    army = ActorRef("actor", "Turkish troops", country="TUR", sector="MIL")
    town = ActorRef("recipient", "civilians", country="SYR", sector="CVL")
    bare = _event(0, "i1", rebels)
    other_side = _event(50, "i1", army, town)
    other_incident = _event(90, "i2", rebels, town)
    assert share_parties([bare, other_side, other_incident])[0] == bare
    got = share_parties([bare, _event(60, "i1", rebels, town)])[0]
    assert [(a.role, a.country, a.sector) for a in got.actors] == [("actor", "SYR", "REB"), ("recipient", "SYR", "CVL")]
    assert got.actors[1].start is None  # the party is not named in this event's sentence
