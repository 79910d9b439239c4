"""Do two reports (event records of different articles) describe one incident? Features and a scorer.

The team's gold has three multi-outlet incidents in its dev split, too few to learn weights from,
so the default scorer is a set of rules with hand-set weights, chosen on the dev split only
(``$EVENTWIRE_LINK_SCORER=learned`` swaps the weighted sum for a regression fitted on ECB+:
incidents/learned.py; the constraints and the gate below stay):

- hard constraints (a pair failing one is never linked): compatible PLOVER types (the same type,
  whatever its mode, or two types that PLOVER's crosswalk to ACLED puts in one kind of event: see
  ``compatible``); dates that can
  overlap within their precisions (a day +-1, a week +-3, a month or year as its interval, a
  `reported` date, i.e. the publication date standing in, as the four days up to it); the same
  country where both have one; town-level places within ``MAX_KM`` (40 km) of each other; a district or
  province (``COARSE``) and a place in another province (by the gazetteer's admin1) never link, one
  containing the other agrees as far as it goes (a town vs its province);
- a score in [0, 1]: date agreement (precise dates that overlap count more than loose ones), place
  agreement (same place, near, same admin1, unknown), parties (actor/recipient countries and sectors
  overlap; disjoint ones count against), the same death toll, and the similarity of the evidence
  sentences (rapidfuzz ``token_set_ratio`` on lower-cased words), and the articles' context: how
  many distinctive names (streets, towns, groups, people; not countries) they share. Where neither
  date pins a day or week, a pair needs that shared context (``MIN_CONTEXT_LOOSE``).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from . import learned

MAX_KM = 40.0  # two towns further apart are two places (a town vs its province is not a veto)
LINK_THRESHOLD = 0.55
MIN_CONTEXT_LOOSE = 0.4  # shared-names score needed when neither date is a precise day or week
# Places that stand for an area, not a point: a report there agrees with one anywhere inside it
# (a town vs its district or province), so they are compared by containment, never by distance.
COARSE = ("admin2", "admin1", "country")
_PRECISE = ("day", "week")
# ACLED's grab-bag event type: its sub-event types (arrests, agreements, looting, ...) say nothing
# about two PLOVER types being one kind of event, only a shared sub-event type does.
_BROAD_ACLED = "Strategic developments"
TYPE_PENALTY = 0.05  # taken off the score of a pair whose PLOVER types differ but are compatible
_WORD = re.compile(r"[a-z0-9]+")


def _d(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@functools.cache
def _kinds() -> dict[tuple[str, str | None], frozenset[str]]:
    """(PLOVER type, mode) -> the kinds of event ACLED would file it under: its ACLED sub-event type
    in the crosswalk (taxonomy/plover_map.tsv) and, but for "Strategic developments", its event type."""
    from ..taxonomy.acled import acled_event_type
    from ..taxonomy.mapping import mapping_rows

    out: dict[tuple[str, str | None], frozenset[str]] = {}
    for key, row in mapping_rows().items():
        sub = row.acled_sub_event_type
        if sub:
            parent = acled_event_type(sub)
            out[key] = frozenset({sub} | ({"type:" + parent} if parent != _BROAD_ACLED else set()))
    return out


def _kind(ptype: str | None, mode: str | None) -> frozenset[str]:
    kinds = _kinds()
    return kinds.get((ptype or "", mode)) or kinds.get((ptype or "", None)) or frozenset()


def compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two reports' PLOVER types can describe one incident: the same type (a mode difference,
    "shelled" vs "attacked", is no disagreement), or types that the PLOVER-ACLED crosswalk files under
    one kind of event: a protest broken up by police (ASSAULT/crowd-control) and the protest itself
    (ACLED "Protests"), property seized or destroyed (COERCE/seize, ASSAULT/destroy: "Looting/property
    destruction"), a ceasefire or release and the agreement (RETREAT, AGREE), a disarmament and the
    change of a group (RETREAT/disarm, MOBILIZE)."""
    ta, tb = a.get("plover_type"), b.get("plover_type")
    if ta == tb:
        return True
    return bool(_kind(ta, a.get("plover_mode")) & _kind(tb, b.get("plover_mode")))


@functools.cache
def compatible_types(ptype: str, mode: str | None) -> tuple[tuple[str, tuple[str | None, ...]], ...]:
    """The other PLOVER types, each with its modes, that a report of ``ptype``/``mode`` is
    compatible with (the blocks the candidate read adds). A mode of None stands for the type's own row."""
    mine = _kind(ptype, mode)
    out: dict[str, list[str | None]] = {}
    for (t, m), kinds in _kinds().items():
        if t != ptype and kinds & mine:
            out.setdefault(t, []).append(m)
    return tuple((t, tuple(ms)) for t, ms in sorted(out.items()))


def interval(rec: dict[str, Any]) -> tuple[dt.date, dt.date, bool] | None:
    """(start, end, precise) of when the event can have happened, widened by its precision
    (memoised under ``_interval`` by callers that score one record against many)."""
    if "_interval" in rec:
        return rec["_interval"]
    date = rec.get("date") or {}
    start, end, prec = _d(date.get("start")), _d(date.get("end")), date.get("precision")
    pub = _d(rec.get("published"))
    if start is None or prec == "reported":
        base = start or pub
        if base is None:
            return None
        return base - dt.timedelta(days=4), base, False
    end = end or start
    if prec in ("month", "year"):
        # at least the calendar month or year: an approximate date ("a month ago" is coded as one
        # day, precision month) stands for its month, not for that day
        start = min(start, start.replace(day=1) if prec == "month" else start.replace(month=1, day=1))
        end = max(end, _last_of_month(end) if prec == "month" else end.replace(month=12, day=31))
    pad = {"day": 1, "week": 3, "range": 1}.get(prec or "", 0)
    return start - dt.timedelta(days=pad), end + dt.timedelta(days=pad), prec in _PRECISE


def _last_of_month(day: dt.date) -> dt.date:
    nxt = day.replace(day=28) + dt.timedelta(days=4)
    return nxt - dt.timedelta(days=nxt.day)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _parties(rec: dict[str, Any], role: str) -> tuple[set[str], set[tuple[str | None, str]]]:
    actors = [a for a in rec.get("actors") or [] if a.get("role") == role]
    return ({a["country"] for a in actors if a.get("country")},
            {(a.get("country") or None, a["sector"]) for a in actors if a.get("sector")})


def _same_sector(sa: set[tuple[str | None, str]], sb: set[tuple[str | None, str]]) -> bool:
    """One side of each report in one sector, of one country where both name it: "gunmen" (no
    country, UAF) agree with "gunmen" of a report that resolved them, and "regime forces" (no
    country, MIL) with "the Syrian army" (SYR/MIL). A country one report could not resolve is
    unknown, not another country."""
    return any(s1 == s2 and (c1 is None or c2 is None or c1 == c2) for c1, s1 in sa for c2, s2 in sb)


def _home(a: dict[str, Any], b: dict[str, Any]) -> str | None:
    """The country both reports are placed in, as an actor's code (alpha-3), else None."""
    ca, cb = (a.get("location") or {}).get("country"), (b.get("location") or {}).get("country")
    if not ca or ca != cb:
        return None
    from ..countries import alpha2_to_3

    return alpha2_to_3(ca)


def words(rec: dict[str, Any]) -> str:
    return " ".join(_WORD.findall(((rec.get("evidence") or {}).get("sentence") or "").lower()))


@dataclass(frozen=True)
class PairScore:
    score: float
    date: float
    place: float
    parties: float
    text: float
    why: str = ""
    context: float = 0.0


def constraints(a: dict[str, Any], b: dict[str, Any]) -> tuple[float, float] | str:
    """The hard constraints: (date agreement, place agreement), or why the pair can never link.
    Reads only type and mode, date, published and location, so it runs on index columns before a record is parsed."""
    if not compatible(a, b):
        return "types differ"
    # -- date
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        date_s = 0.3
    else:
        if ia[0] > ib[1] or ib[0] > ia[1]:
            return "dates apart"
        date_s = 1.0 if ia[2] and ib[2] else 0.6
    # -- place
    la, lb = a.get("location") or {}, b.get("location") or {}
    ca, cb = la.get("country"), lb.get("country")
    if ca and cb and ca != cb:
        return "countries differ"
    if not ca or not cb:
        place_s = 0.3
    elif la.get("geonameid") and la.get("geonameid") == lb.get("geonameid"):
        place_s = 1.0
    else:
        coarse = la.get("precision") in COARSE or lb.get("precision") in COARSE
        same_a1 = bool(la.get("admin1")) and la.get("admin1") == lb.get("admin1")
        dist = None
        if None not in (la.get("lat"), la.get("lon"), lb.get("lat"), lb.get("lon")):
            dist = km(la["lat"], la["lon"], lb["lat"], lb["lon"])
        if la.get("precision") == "country" or lb.get("precision") == "country":
            place_s = 0.7  # a place vs its country: agreement as far as the country goes
        elif coarse:
            # a town vs its district or province: agreement as far as the coarser one goes, when the
            # gazetteer puts the town in the same province; a town in another province is elsewhere
            a1a, a1b = la.get("admin1"), lb.get("admin1")
            if a1a and a1b and a1a != a1b:
                return "provinces differ"
            place_s = 0.7 if same_a1 else 0.2
        elif dist is not None and dist > MAX_KM:
            return f"places {dist:.0f} km apart"
        elif dist is not None:
            place_s = 0.9 if dist <= 15 else 0.7
        else:
            place_s = 0.6 if same_a1 else 0.3
    return date_s, place_s


def score(
    a: dict[str, Any], b: dict[str, Any], *, text_a: str | None = None, text_b: str | None = None,
    context: float = 0.0, learned_on: bool | None = None,
) -> PairScore:
    """How likely two reports are of one incident (0: never; >= LINK_THRESHOLD: linked).

    ``context``: how many distinctive names the two articles share (``context.overlap``, 0..1).
    ``learned_on``: use the learned weights (None: as $EVENTWIRE_LINK_SCORER says; a caller scoring
    many pairs reads it once)."""
    hard = constraints(a, b)
    if isinstance(hard, str):
        return PairScore(0.0, 0.0, 0.0, 0.0, 0.0, hard)
    date_s, place_s = hard
    # -- parties
    party_s, n = 0.0, 0
    home = _home(a, b)
    for role in ("actor", "recipient"):
        (ka, sa), (kb, sb) = _parties(a, role), _parties(b, role)
        if home is not None and ka == kb == {home}:
            ka = kb = set()  # both sides of the place's own country: every report there agrees on it
        if ka and kb:
            n += 1
            party_s += 1.0 if ka & kb else -0.5
        if sa and sb:
            n += 1
            party_s += 0.5 if _same_sector(sa, sb) else -0.25
    party_s = party_s / n if n else 0.0
    # -- text
    ta = text_a if text_a is not None else words(a)
    tb = text_b if text_b is not None else words(b)
    text_s = fuzz.token_set_ratio(ta, tb) / 100.0 if ta and tb else 0.0
    # -- figures
    da, db = (a.get("size") or {}).get("dead"), (b.get("size") or {}).get("dead")
    dead_s = 0.05 if da is not None and da == db else 0.0
    if date_s < 1.0 and context < MIN_CONTEXT_LOOSE:
        # Neither date pins the day: only articles that name the same streets, groups and
        # people can tell one incident from another of its kind in the same country.
        return PairScore(0.0, date_s, place_s, party_s, text_s, "loose dates, little shared context")
    if learned.enabled() if learned_on is None else learned_on:  # $EVENTWIRE_LINK_SCORER=learned: the weights fitted on ECB+ (learned.py)
        parts = PairScore(0.0, date_s, place_s, party_s, text_s, context=context)
        got = learned.score(learned.vector(a, b, context, parts), LINK_THRESHOLD)
        return PairScore(got, date_s, place_s, party_s, text_s, context=context)
    total = 0.2 * date_s + 0.2 * place_s + 0.15 * party_s + 0.15 * text_s + 0.3 * context + dead_s
    if a.get("plover_type") != b.get("plover_type"):
        total -= TYPE_PENALTY  # compatible, not the same: the rest of the evidence must carry it
    return PairScore(round(total, 4), date_s, place_s, party_s, text_s, context=context)
