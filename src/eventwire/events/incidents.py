"""Incidents: reports of one real incident share an id; verbatim repeats are dropped.

Two reports of one incident keep both their figures (the seed reports one shelling with 5 and with
6 dead): merging links them, it never averages or overwrites.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import replace

from ..places import haversine_km
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


# a party's country the text does not state (filled from the article's context or the event's place) is a
# guess: two reports must not be kept apart by a guess
_GUESSED = ("context-country", "from the event's location", "speaker-pronoun", "unresolved name", "the article's country")
_MATERIAL = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
_NEAR_KM = 25.0  # two sub-national places this close are one place in two reports
_FAR_KM = 150.0  # ... this far apart, two places


def _stated(ev: Event, role: str) -> frozenset[str]:
    return frozenset(a.country for a in ev.actors
                     if a.role == role and a.country and not any(g in (a.rule or "") for g in _GUESSED))


def _all_countries(ev: Event) -> frozenset[str]:
    return frozenset(a.country for a in ev.actors if a.country)


def _km(a: Event, b: Event) -> float | None:
    la, lb = a.location, b.location
    if not (la and lb) or la.lat is None or la.lon is None or lb.lat is None or lb.lon is None:
        return None
    return haversine_km(la.lat, la.lon, lb.lat, lb.lon)


def _sub_national(ev: Event) -> bool:
    return bool(ev.location and ev.location.precision in ("town", "admin2", "admin1"))


def _apart(a: Event, b: Event) -> bool:
    """What keeps two reports apart: another type, parties of other countries as the texts state them,
    dates that do not overlap, places in other countries or far apart."""
    if a.plover_type != b.plover_type:
        return True
    for role in ("actor", "recipient"):
        ca, cb = _stated(a, role), _stated(b, role)
        if ca and cb and not (ca & cb):
            return True
    # a publication date standing in for an event's date ('reported') says the event happened by then, not
    # on that day: a headline dated so is not kept apart from the lead's 'on Monday'
    ia, ib = (None if e.date is not None and e.date.precision == "reported" else _interval(e) for e in (a, b))
    if ia is not None and ib is not None and (ia[0] > ib[1] or ib[0] > ia[1]):
        return True
    la, lb = a.location, b.location
    if la and lb and la.country and lb.country and la.country != lb.country:
        return True
    if _sub_national(a) and _sub_national(b):
        km = _km(a, b)
        assert la is not None and lb is not None
        if km is not None and km > _FAR_KM and not (la.admin1 and la.admin1 == lb.admin1):
            return True
    return False


def _same_place(a: Event, b: Event) -> bool:
    la, lb = a.location, b.location
    if not (la and lb) or not (_sub_national(a) and _sub_national(b)):
        return False
    if la.geonameid is not None and la.geonameid == lb.geonameid:
        return True
    km = _km(a, b)
    return km is not None and km <= _NEAR_KM and la.precision == lb.precision


def _contains(a: Event, b: Event) -> bool:
    """One report names the province, the other a town in it ("Kandahar" / "Shah Wali Kot, Kandahar")."""
    la, lb = a.location, b.location
    if not (la and lb) or la.country != lb.country:
        return False
    for big, small in ((la, lb), (lb, la)):
        if big.precision == "admin1" and small.precision in ("town", "admin2") and small.admin1 and (
            small.admin1 == big.admin1 or small.admin1 == big.name
        ):
            return True
    return False


_DET = re.compile(r"^(?:the|a|an|at least|some|several|two|three|four|five|six|seven|eight|nine|ten)\s+", re.I)


def _proper_names(ev: Event) -> frozenset[str]:
    """Named parties ("Juan Requesens", "the Verkhovna Rada"): the same name in two reports is one party."""
    out = set()
    for a in ev.actors:
        words = [w for w in _DET.sub("", a.text).split() if w[:1].isupper()]
        if len(words) >= 2 or words and len(words[0]) >= 5 and not a.text[:1].isupper():
            out.add(" ".join(words[-2:]).lower())
    return frozenset(out)


def _similar(a: Event, b: Event) -> float:
    """Share of the shorter sentence's content words the other sentence has: a headline restated by the lead."""
    wa = {w for w in _WORD.findall(a.evidence.sentence.lower()) if len(w) >= 4 and w not in _STOP}
    wb = {w for w in _WORD.findall(b.evidence.sentence.lower()) if len(w) >= 4 and w not in _STOP}
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _together(a: Event, b: Event) -> bool:
    """Positive evidence that two reports that nothing keeps apart tell one incident."""
    ia, ib = _interval(a), _interval(b)
    dated = ia is not None and ib is not None
    ca, cb = _all_countries(a), _all_countries(b)
    shared = bool(ca & cb)
    # a place counts as evidence only where each report names it itself: a place borrowed from the dateline
    # or the paragraph is the article's, shared by all its events
    own = any((e.location.reason or "").startswith(("clause", "sentence")) for e in (a, b) if e.location)
    place = own and (_same_place(a, b) or _contains(a, b))
    if place and (shared or not (ca and cb)):
        return True  # the same place, no other sides
    if _proper_names(a) & _proper_names(b):
        return True  # the same named party
    if a.plover_type in _MATERIAL:
        if dated and shared and (_own_date(a) or _own_date(b)):
            return True  # the same day, the same sides
        if a.size.dead is not None and a.size.dead == b.size.dead and a.size.dead > 1:
            return True  # the same toll
        return _similar(a, b) >= 0.5 and (shared or not (ca and cb))
    # a statement, a meeting, an appeal restated: the same addressee, no other speaker, much the same words
    ra, rb = _stated(a, "recipient") or _all_countries(a) - _stated(a, "actor"), _stated(b, "recipient")
    return bool(ra & (rb or cb)) and _similar(a, b) >= 0.3


def group_roots(events: list[Event], together: Callable[[int, int], bool]) -> list[int]:
    """Each event's group, as the index of the group's first event: an event joins the first group none of
    whose events it is kept apart from (``_apart``) and one of whose events ``together(member, event)``
    ties it to. Complete linkage on the conflicts, so that a chain of loose matches never merges two
    incidents. The training script groups held-out articles with this same loop."""
    groups: list[list[int]] = []
    root_of: list[int] = []
    for i, ev in enumerate(events):
        home = next((g for g in groups
                     if not any(_apart(events[j], ev) for j in g) and any(together(j, i) for j in g)),
                    None)
        if home is None:
            home = []
            groups.append(home)
        home.append(i)
        root_of.append(home[0])
    return root_of


def assign_incidents(events: list[Event], text: str | None = None) -> list[Event]:
    """Group reports of one incident: a report joins the first group none of whose reports it is kept apart
    from (type, stated parties, dates, places) and one of whose reports it agrees with positively. Where
    the learned link model is shipped (incident_links.py), agreeing means the model's probability that the
    two tell one incident reaches its threshold; without it, the rules' positive evidence (the same day and
    sides, the same place, the same toll; for statements the same speaker and addressee). Complete linkage
    on the conflicts, so that a chain of loose matches never merges two incidents. ``text`` (the article)
    tells the model which report is the headline."""
    from .incident_links import default_link_model, head_end

    model = default_link_model()
    headline = head_end(text)

    def together(i: int, j: int) -> bool:
        a, b = events[i], events[j]
        return model.links(a, b, headline) if model is not None else _together(a, b)

    root_of = group_roots(events, together)
    out = []
    for i, ev in enumerate(events):
        root = events[root_of[i]]
        iid = "i_" + hashlib.sha256(root.event_id.encode()).hexdigest()[:16]
        out.append(replace(ev, incident_id=iid))
    return out
