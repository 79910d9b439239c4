"""Parties an attack's own sentence does not name, taken from another report of the same incident.

A report often tells one attack in several sentences and names its sides only once: "The United States
condemns the horrific attacks today in the towns of Jabla ... more than 60 civilians were killed in multiple
bombings", "the IRA's Belfast brigade had detonated at least 20 bombs ... nine people were dead". The incident
step (incidents.assign_incidents) already links such reports; an attack told with no target (or no attacker)
takes the target (attacker) of the nearest linked report that names one. It fills only an empty role: a party
the event's own sentence names always wins, and with no linked report naming one the role stays empty (an
empty field is better than a wrong one).

``EVENTWIRE_INCIDENT_PARTIES=0`` switches it off (ablation). Only the target is lent: lending the attacker
the same way filled more roles the gold leaves empty than it got right (docs/actors.md, round 14).
"""

from __future__ import annotations

from dataclasses import replace

from ..records import ActorRef, Event
from ..settings import switch_on
from .incidents import _countries
from .roles import FILL_ONLY_MARK

ROLES = ("recipient",)
TYPES = frozenset({"ASSAULT"})  # attacks: the type whose reports the incident step links by place and time


def _compatible(ev: Event, other: Event, role: str) -> bool:
    """The other report may lend ``role``: its other side does not contradict ours, and what it lends is not
    the side our event already names in the other role (an attacker is not its own target)."""
    keep = "actor" if role == "recipient" else "recipient"
    ours, theirs = _countries(ev, keep), _countries(other, keep)
    if not ours & theirs:
        # both name the other side and agree on it: the same side's attack told twice. A report that names
        # no other side links too loosely ("the device detonated, killing the three" after a report of
        # four militants killed: the dead were the bombers, not the device's target)
        return False
    ours_sides = {(a.country, a.sector) for a in ev.actors if a.role == keep}
    return not any((a.country, a.sector) in ours_sides for a in other.actors if a.role == role)


def share_parties(events: list[Event]) -> list[Event]:
    """Fill an attack's empty actor or recipient from the nearest report of its incident that names one."""
    if not switch_on("EVENTWIRE_INCIDENT_PARTIES", True):
        return events
    out: list[Event] = []
    for ev in events:
        if ev.plover_type not in TYPES or ev.incident_id is None:
            out.append(ev)
            continue
        added: list[ActorRef] = []
        for role in ROLES:
            if any(a.role == role for a in ev.actors):
                continue
            donors = [o for o in events if o is not ev and o.incident_id == ev.incident_id
                      and o.plover_type in TYPES and _countries(o, role) and _compatible(ev, o, role)]
            if not donors:
                continue
            donor = min(donors, key=lambda o: abs(o.evidence.start - ev.evidence.start))
            added += [replace(a, start=None, end=None,
                              rule=f"the {role} of another report of the incident: {a.rule}{FILL_ONLY_MARK}")
                      for a in donor.actors if a.role == role and a.country]
        out.append(replace(ev, actors=ev.actors + tuple(added)) if added else ev)
    return out
