"""Incidents: reports of one real incident share an id; verbatim repeats are dropped.

Two reports of one incident keep both their figures (the seed reports one shelling with 5 and with
6 dead): merging links them, it never averages or overwrites.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace

from ..records import Event

_NUM = re.compile(r"\b\d[\d,]*\b")
_WORD = re.compile(r"[a-z]{3,}")
_STOP = frozenset(["the", "and", "that", "have", "has", "been", "were", "was", "with", "from", "for", "their", "they", "this", "which"])


def _countries(ev: Event, role: str) -> frozenset[str]:
    return frozenset(a.country for a in ev.actors if a.role == role and a.country)


def _names(ev: Event) -> frozenset[str]:
    return frozenset((a.name or a.text).lower() for a in ev.actors if a.role == "actor")


def _interval(ev: Event) -> tuple[dt.date, dt.date] | None:
    if ev.date is None or ev.date.start is None:
        return None
    start, end = ev.date.start, ev.date.end or ev.date.start
    if ev.date.precision == "week":  # "a week ago" is a week's window around that day
        start, end = start - dt.timedelta(days=3), end + dt.timedelta(days=3)
    return start, end


def _own_date(ev: Event) -> bool:
    return ev.date is not None and ev.date.precision not in (None, "reported") and bool(ev.date.text)


def _numbers(ev: Event) -> set[str]:
    span = ev.evidence.sentence
    return {n.replace(",", "") for n in _NUM.findall(span)}


def _words(ev: Event) -> set[str]:
    return {w for w in _WORD.findall(ev.evidence.sentence.lower()) if w not in _STOP}


def _parties_compatible(a: Event, b: Event) -> bool:
    for role in ("actor", "recipient"):
        ca, cb = _countries(a, role), _countries(b, role)
        if ca and cb and not (ca & cb):
            return False
    return True


def drop_repeats(events: list[Event]) -> list[Event]:
    """Drop reports that restate an earlier event of the article and add nothing of their own.

    A bullet list that repeats the paragraph above it ("• 115 regime targets have been struck")
    is one report, not two: GDELT-style duplicates are what users of event data complain about most.
    """
    kept: list[Event] = []
    for ev in events:
        dup = False
        for prev in kept[-12:]:
            if prev.plover_type != ev.plover_type or not _parties_compatible(prev, ev):
                continue
            if ev.evidence.sentence == prev.evidence.sentence:
                continue  # clauses of one sentence that the coder kept apart are different events
            if dict(ev.rules).get("type", "").startswith("phrase") and _names(ev) and _names(ev) == _names(prev) and (
                0 <= ev.evidence.start - prev.evidence.end < 200
            ):
                dup = True  # a quote that goes on restates the threat it just made
                break
            if _own_date(ev):
                continue
            nums, pnums = _numbers(ev), _numbers(prev)
            words, pwords = _words(ev), _words(prev)
            # one death is too common a figure to make two reports one ("a man was killed ... later, a man
            # was shot dead"): a single death restates only with the same words around it
            same_dead = ev.size.dead is not None and ev.size.dead == prev.size.dead and (
                ev.size.dead > 1 or bool(words) and len(words & pwords) / len(words) >= 0.5)
            if (nums and nums <= pnums) or same_dead or not nums and ev.size.is_empty() and not _countries(ev, "actor") and words and (
                len(words & pwords) / len(words) >= 0.5
            ):
                dup = True
            if dup:
                break
        if not dup:
            kept.append(ev)
    return kept


def _same_incident(a: Event, b: Event) -> bool:
    if a.plover_type != b.plover_type or a.plover_type not in {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}:
        return False
    if not _parties_compatible(a, b):
        return False
    if not (_countries(a, "actor") & _countries(b, "actor") or _countries(a, "recipient") & _countries(b, "recipient")):
        return False
    la, lb = a.location, b.location
    if la and lb and la.country and lb.country and la.country != lb.country:
        return False
    ia, ib = _interval(a), _interval(b)
    if ia is not None and ib is not None:
        return not (ia[0] > ib[1] or ib[0] > ia[1])
    # Undated reports (no publication date, or a headline that restates the lead): the same incident only
    # when something more specific than the country agrees: the same named place or the same death toll.
    same_place = bool(la and lb and la.name and la.name == lb.name and la.precision not in (None, "country"))
    same_toll = a.size.dead is not None and a.size.dead == b.size.dead
    return same_place or same_toll


def assign_incidents(events: list[Event]) -> list[Event]:
    """Union reports of one incident (same type, compatible parties, overlapping dates, same country)."""
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(events)):
        for j in range(i + 1, len(events)):
            if _same_incident(events[i], events[j]):
                parent[find(j)] = find(i)
    out = []
    for i, ev in enumerate(events):
        root = events[find(i)]
        iid = "i_" + hashlib.sha256(root.event_id.encode()).hexdigest()[:16]
        out.append(replace(ev, incident_id=iid))
    return out
