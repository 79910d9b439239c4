"""What an article as a whole says about its places, from a first, context-free pass over its mentions.

The resolver scores every mention twice: once alone, then with what the other mentions established
(``_document_context``): the countries and admin1 units named with confidence, the points of the other
mentions' likely readings, whether the text reads as US local news, and, since round 6, the
national markers of other countries' local news and the counties that hold a town the article names.
Kept apart from ``resolver.py`` because it is about the document, not about one name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from .gazetteer import ADMIN1, ADMIN2, CONTINENT, COUNTRY, MAIN, REGION, TOWN
from .rules import DISABLED_RULES

TOP_FOR_NEARNESS = 5  # candidates of each other mention that count as possible neighbours
ANCHOR_MARGIN = 2.0


# Markers of US local reporting (rule "us-local"), read from data/us_local_markers.tsv: markers of two kinds
# (or three markers) make an article US-local, so that "Paris", "Athens" or "Jordan" there mean the US towns
# rather than the famous places abroad. Each pattern is one named group, so a match says its kind.
US_MARKERS_FILE = Path(__file__).resolve().parent / "data" / "us_local_markers.tsv"


def _load_us_markers(path: Path = US_MARKERS_FILE) -> tuple[re.Pattern[str], tuple[str, ...]]:
    patterns: list[str] = []
    kinds: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, kind = line.split("\t")[:2]
        re.compile(pattern)  # a bad row fails here, naming itself
        patterns.append(f"(?P<m{len(kinds)}>{pattern})")
        kinds.append(kind)
    return re.compile("|".join(patterns)), tuple(kinds)


_US_MARKERS, _US_MARKER_KINDS = _load_us_markers()
# rule "us-local-places": a place the first pass reads as a US county, or as a US town well ahead of its
# other readings ("metro Atlanta", "Worcester County"), is one more marker kind
US_PLACE_MARGIN = 1.5
US_PLACES_NEEDED = 1
# states are left out: national and foreign news name them too (a border story's "Texas" and "Arizona");
# with them, and with two places needed, GWN work half lost 3-5 mentions
US_PLACE_KINDS = (ADMIN2, TOWN)


def us_markers(text: str) -> list[tuple[str, str]]:
    """(kind, first word) of each US local marker in the text's head; distinct first words of one kind count
    as distinct markers, as before the kinds were written down ("County" and "Township")."""
    out = []
    for m in _US_MARKERS.finditer(text[:TEXT_SCANNED]):
        kind = _US_MARKER_KINDS[int(str(m.lastgroup)[1:])]
        out.append((kind, m.group(0).split()[0].rstrip(".") if kind not in ("phone", "address", "state") else kind))
    return out


def _us_places(picks: dict[str, list[_Scored]], demonyms: dict[str, str]) -> bool:
    if "us-local-places" in DISABLED_RULES:
        return False
    keys = set()
    for key, scored in picks.items():
        if not scored or key in demonyms:
            continue
        top = scored[0].cand
        if top.cc != "US" or top.how != MAIN or top.kind not in US_PLACE_KINDS:
            continue
        margin = scored[0].score - scored[1].score if len(scored) > 1 else 99.0
        if top.kind != TOWN or margin >= US_PLACE_MARGIN:
            keys.add(key)
    return len(keys) >= US_PLACES_NEEDED


@dataclass(frozen=True)
class Candidate:
    pid: int
    geonameid: int | None
    name: str
    kind: int
    cc: str
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    pop: int
    capital: int
    how: int


@dataclass(frozen=True)
class _Scored:
    cand: Candidate
    score: float
    why: str


@dataclass(frozen=True)
class _Context:
    # each country / admin1 with the mention keys that established it ("" for hints and known places),
    # so a mention's own first guess never counts as evidence for itself
    countries: tuple[tuple[str, frozenset[str], float], ...] = ()  # ... and the weight of that country
    dominant: str | None = None
    admin1s: tuple[tuple[tuple[str, str], frozenset[str], float], ...] = ()  # ... and its weight
    anchors: tuple[tuple[str, float, float], ...] = ()  # (key it came from, lat, lon)
    us_local: bool = False  # the text reads as US local news (dollar sums, counties, sheriffs...)
    # rule "town-in-county": (country, admin1, admin2) units that some mention names as a county, and units
    # that hold a town some mention names, each with the mention keys behind it, weight 1.0
    counties: tuple[tuple[tuple[str, str, str], frozenset[str], float], ...] = ()
    town_counties: tuple[tuple[tuple[str, str, str], frozenset[str], float], ...] = ()


# Rule "national-markers": words that only one country's own press uses (its courts, police, parliament,
# currency), so that an article with MARKERS_NEEDED of them is read as that country's news even when it
# names no country: "Boston" beside "PC Smith" and "the NHS" is the Lincolnshire town, not the larger
# American city. General knowledge of each country's institutions, no place names; each pattern counts once.
_NATIONAL_MARKERS: dict[str, tuple[re.Pattern[str], ...]] = {
    "GB": tuple(
        re.compile(p)
        for p in (
            r"£\s?\d",
            r"\bCrown Court\b",
            r"\bMagistrates['’]? Court\b",
            r"\bCrown Prosecution Service\b",
            r"\bNHS\b",
            r"\bMoD\b",
            r"\bHome Office\b",
            r"\bScotland Yard\b",
            r"\b(?:FA Cup|Premier League)\b",
            r"\bcouncil tax\b",
            r"\b[Cc]onstabulary\b",
            r"\bBorough Council\b",
            r"\bP[Cc] [A-Z][a-z]",  # police constable before a name
            r"\bGCSEs?\b",
        )
    ),
    "IE": tuple(
        re.compile(p)
        for p in (r"\bGarda[ií]?\b", r"\bTDs?\b", r"\bHSE\b", r"\bD[aá]il\b", r"\bTaoiseach\b", r"\bFine Gael\b")
    ),
    "CA": tuple(re.compile(p) for p in (r"\bRCMP\b", r"\bMPPs?\b", r"\bOPP\b", r"\bRegional Police\b")),
    "IN": tuple(
        re.compile(p) for p in (r"\bRs\.?\s?\d", r"\bcrores?\b", r"\blakhs?\b", r"\bLok Sabha\b", r"\bRajya Sabha\b")
    ),
    "PH": tuple(re.compile(p) for p in (r"\b[Bb]arangays?\b", r"\bPNP\b", r"\bMalaca[ñn]ang\b")),
}
# Each country's patterns as one alternation: "some pattern matches somewhere" is what one search of it
# answers, in one scan of the text instead of one per pattern (0.15 -> 0.03 s CPU per 60 bench articles).
# The patterns carry no flags, so joining them keeps each one's meaning.
_ANY_MARKER: dict[str, re.Pattern[str]] = {
    cc: re.compile("|".join(f"(?:{p.pattern})" for p in patterns)) for cc, patterns in _NATIONAL_MARKERS.items()
}
MARKERS_NEEDED = 1  # distinct markers of one country; 1 and 2 were tried on the work halves (1: +3 mentions)
TEXT_SCANNED = 20000


def national_markers(text: str) -> frozenset[str]:
    """Countries whose own press the text reads as (at least MARKERS_NEEDED distinct markers of it)."""
    if "national-markers" in DISABLED_RULES:
        return frozenset()
    head = text[:TEXT_SCANNED]
    if MARKERS_NEEDED == 1:  # any one marker: one scan per country (scripts/cv_eval.py may set 2)
        return frozenset(cc for cc, any_marker in _ANY_MARKER.items() if any_marker.search(head))
    return frozenset(
        cc for cc, patterns in _NATIONAL_MARKERS.items() if sum(1 for p in patterns if p.search(head)) >= MARKERS_NEEDED
    )


def reads_as_us_local(
    text: str,
    picks: dict[str, list[_Scored]],
    hints: frozenset[str],
    marked: frozenset[str],
    demonyms: dict[str, str] | None = None,
) -> bool:
    """Two kinds of US local markers (or three markers), and no foreign country named outright, hinted,
    or read from another country's own press (``national_markers``). Rule "demonym-hints": a hinted
    country that no place of the article names (a people, "a Mexican national"; a US town named for a
    country, "Palestine") does not block the reading when a US town is named with its state or county."""
    found = us_markers(text)
    if _us_places(picks, demonyms or {}):
        found.append(("place", "place"))
    named = {
        sc[0].cand.cc
        for sc in picks.values()
        if sc and sc[0].cand.kind == COUNTRY and not _us_state_too(sc)
    }
    if not ((len(set(found)) >= 2 or len(found) >= 3) and named <= {"US"} and not marked):
        return False
    return not (hints - {"US"}) - unnamed_hints(picks, hints, demonyms or {})


def unnamed_hints(picks: dict[str, list[_Scored]], hints: frozenset[str], demonyms: dict[str, str]) -> frozenset[str]:
    """Rule "demonym-hints": the foreign hinted countries no place of the article names, when a US town is
    named with its state or county (none otherwise)."""
    foreign = hints - {"US"}
    if not foreign or "demonym-hints" in DISABLED_RULES or not us_town_anchored(picks, demonyms):
        return frozenset()
    return frozenset(foreign - _places_named(picks, demonyms))


def without_countries(ctx: _Context, gone: frozenset[str], demonyms: dict[str, str]) -> _Context:
    """The context less the evidence for ``gone`` that hints and peoples gave ("" and demonym keys): in US
    local news a hinted country no place names is no reading for "Palestine" or "Mexico"."""
    if not gone:
        return ctx
    kept = []
    for cc, keys, weight in ctx.countries:
        if cc in gone:
            keys = frozenset(k for k in keys if k and k not in demonyms)
            if not keys:
                continue
        kept.append((cc, keys, weight))
    return replace(ctx, countries=tuple(kept))


def _places_named(picks: dict[str, list[_Scored]], demonyms: dict[str, str]) -> set[str]:
    """Countries some place of the article names as its first reading (a town, a region, a country), leaving
    out peoples and names that are also a US state or town ("Georgia", "Palestine")."""
    return {
        sc[0].cand.cc
        for key, sc in picks.items()
        if sc and key not in demonyms and sc[0].cand.kind != CONTINENT and not _us_state_too(sc)
    }


def us_town_anchored(picks: dict[str, list[_Scored]], demonyms: dict[str, str]) -> bool:
    """Some mention can be a US town whose state or county another mention names ("Palestine" and "Texas",
    "Lebanon" and "Warren County")."""
    states: set[str] = set()
    counties: set[tuple[str, str]] = set()
    for key, scored in picks.items():
        if not scored or key in demonyms:
            continue
        top = scored[0].cand
        if top.cc == "US" and top.how == MAIN and top.admin1 and top.kind == ADMIN1:
            states.add(top.admin1)
        for s in scored:
            c = s.cand
            if c.cc == "US" and c.how == MAIN and c.kind == ADMIN2 and c.admin1 and c.admin2:
                counties.add((c.admin1, c.admin2))
    for key, scored in picks.items():
        if key in demonyms:
            continue
        for s in scored:
            c = s.cand
            if c.cc != "US" or c.how != MAIN or c.kind != TOWN or not c.admin1:
                continue
            if c.admin1 in states or (c.admin2 and (c.admin1, c.admin2) in counties):
                return True
    return False


def _us_state_too(scored: list[_Scored]) -> bool:
    """Rule "state-homonym": "Georgia" is a country and a US state, "Jordan" a country and a Minnesota
    town, so naming them does not make a story with US local markers foreign news (Georgia's utility
    regulator and its $24,000 in fines). Written for states; towns were tried too on the work halves
    (+2 LGL mentions) and kept."""
    return "state-homonym" not in DISABLED_RULES and any(
        o.cand.kind in (ADMIN1, TOWN) and o.cand.how == MAIN and o.cand.cc == "US" for o in scored[1:]
    )


def county_links(
    picks: dict[str, list[_Scored]], demonyms: dict[str, str]
) -> tuple[dict[tuple[str, str, str], set[str]], dict[tuple[str, str, str], set[str]]]:
    """Rule "town-in-county": "Athens" and "Clarke County" (Georgia), "Franklin" and "Williamson County"
    (Tennessee): a town and the county that holds it, both named, confirm each other whichever readings
    their populations favour. Every candidate counts, not only the first pass's best: the article is
    consistent with one reading of each, and that reading is rarely the most populous one."""
    counties: dict[tuple[str, str, str], set[str]] = {}
    towns: dict[tuple[str, str, str], set[str]] = {}
    if "town-in-county" in DISABLED_RULES:
        return counties, towns
    for key, scored in picks.items():
        if key in demonyms:
            continue
        for s in scored:
            c = s.cand
            if c.how != MAIN or not c.admin1 or not c.admin2:
                continue
            if c.kind == ADMIN2:
                counties.setdefault((c.cc, c.admin1, c.admin2), set()).add(key)
            elif c.kind == TOWN:
                towns.setdefault((c.cc, c.admin1, c.admin2), set()).add(key)
    return counties, towns


def _document_context(
    picks: dict[str, list[_Scored]],
    keys_in_order: list[str],
    hints: frozenset[str],
    demonym_countries: dict[str, str] | None = None,
    marked: frozenset[str] = frozenset(),
) -> _Context:
    """Countries, admin1 units and anchor points the article establishes on a first, context-free pass;
    ``marked``: countries whose own press the text reads as (``national_markers``)."""
    counts: Counter[str] = Counter()
    countries: dict[str, set[str]] = {c: {""} for c in hints | marked}
    admin1s: dict[tuple[str, str], set[str]] = {}
    admin1_counts: Counter[tuple[str, str]] = Counter()
    anchors: list[tuple[str, float, float]] = []
    # admin1 units of towns and counties the first pass resolved with confidence ("Dallas" -> Texas)
    town_admin1s: dict[tuple[str, str], set[str]] = {}
    mention_counts = Counter(keys_in_order)
    for key, cc in (demonym_countries or {}).items():
        if not cc.endswith("*"):
            countries.setdefault(cc, set()).add(key)
            counts[cc] += mention_counts[key]
    for key, scored in picks.items():
        if not scored or key in (demonym_countries or {}):
            continue
        for other in scored[:TOP_FOR_NEARNESS]:
            if other.cand.kind in (TOWN, ADMIN2, ADMIN1):
                anchors.append((key, other.cand.lat, other.cand.lon))
        best = scored[0]
        margin = best.score - scored[1].score if len(scored) > 1 else 99.0
        cand = best.cand
        if cand.kind in (CONTINENT, REGION) or cand.cc.endswith("*"):
            continue
        counts[cand.cc] += mention_counts[key]
        # "Georgia" is a country and a US state: such a name proves neither until the rest decides
        shared = cand.kind == COUNTRY and any(
            o.cand.kind == ADMIN1 and o.cand.how == MAIN and o.cand.cc != cand.cc for o in scored[1:]
        )
        if shared:
            counts[cand.cc] -= mention_counts[key]
            continue
        if cand.kind in (TOWN, ADMIN2) and cand.admin1 and cand.how == MAIN and margin >= TOWN_ANCHOR_MARGIN:
            town_admin1s.setdefault((cand.cc, cand.admin1), set()).add(key)
        confident = margin >= ANCHOR_MARGIN or cand.kind == COUNTRY
        if not confident:
            continue
        countries.setdefault(cand.cc, set()).add(key)
        if cand.kind == ADMIN1 and cand.admin1:
            admin1s.setdefault((cand.cc, cand.admin1), set()).add(key)
            admin1_counts[(cand.cc, cand.admin1)] += mention_counts[key]
    if "shared-admin1" not in DISABLED_RULES:
        _add_shared_admin1(picks, demonym_countries or {}, admin1s, admin1_counts)
    total = sum(counts.values()) or 1
    admin1_total = sum(admin1_counts.values())
    countries = {cc: keys for cc, keys in countries.items()}
    weights = {cc: 0.5 + 0.5 * min(1.0, 2 * counts[cc] / total) for cc in countries}
    dominant = counts.most_common(1)[0][0] if counts else None
    named = {cc for cc, n in counts.items() if n > 0}
    if len(marked) == 1 and named <= marked:
        # the country's own press, naming no other country: its towns are the local ones
        dominant = next(iter(marked))
    if hints and dominant not in hints:
        dominant = sorted(hints)[0]
    counties, towns = county_links(picks, demonym_countries or {})
    return _Context(
        tuple((k, frozenset(v), 1.0 if "" in v else weights[k]) for k, v in countries.items()),
        dominant,
        # a state named five times outweighs one named in passing ("Boone County" in an Indiana article
        # that also lists neighbouring states)
        tuple((k, frozenset(v), _weight(admin1_counts[k], admin1_total)) for k, v in admin1s.items())
        + (
            tuple((k, frozenset(v), TOWN_ADMIN1_WEIGHT) for k, v in town_admin1s.items() if k not in admin1s)
            if "town-admin1" not in DISABLED_RULES
            else ()
        ),
        tuple(anchors),
        counties=tuple((k, frozenset(v), 1.0) for k, v in counties.items()),
        town_counties=tuple((k, frozenset(v), 1.0) for k, v in towns.items()),
    )


SHARED_ADMIN1_MIN = 4
# A state implied by a confidently resolved town counts for less than a state named outright: x3 gives +1.5
TOWN_ADMIN1_WEIGHT = 0.5
TOWN_ANCHOR_MARGIN = 1.5  # a first-pass town this far ahead of the next candidate names its state


def _add_shared_admin1(
    picks: dict[str, list[_Scored]],
    demonyms: dict[str, str],
    admin1s: dict[tuple[str, str], set[str]],
    admin1_counts: object,
) -> None:
    """The admin1 unit most of the article's ambiguous names have a place in ("Huntsville", "Walker
    County", "Conroe" all exist in Texas): when one unit holds candidates for at least three different
    names and clearly more than any other unit, it joins the article context like a named state."""
    holders: dict[tuple[str, str], set[str]] = {}
    for key, scored in picks.items():
        if not scored or key in demonyms:
            continue
        units = {
            (x.cand.cc, x.cand.admin1)
            for x in scored
            if x.cand.how == MAIN and x.cand.kind in (TOWN, ADMIN2, ADMIN1) and x.cand.admin1
        }
        for unit in units:
            holders.setdefault(unit, set()).add(key)
    if not holders:
        return
    ranked = Counter({u: len(keys) for u, keys in holders.items()}).most_common(2)
    best, n_best = ranked[0]
    n_second = ranked[1][1] if len(ranked) > 1 else 0
    if n_best >= SHARED_ADMIN1_MIN and n_best >= 2 * n_second and best not in admin1s:
        admin1s[best] = set(holders[best])
        if isinstance(admin1_counts, Counter):
            admin1_counts[best] += 1


def _share(table: tuple[tuple[object, frozenset[str], float], ...], item: object, own_key: str) -> float:
    """Weight of a country or admin1 in the article, counting only evidence from other mentions. Rule
    "same-name-echo": a mention that begins with the same name ("Paris City Hall", "Paris Police Department"
    beside "Paris") is the same name read again, no evidence for it (nor it for them)."""
    return max((w for k, keys, w in table if k == item and any(not _echo(x, own_key) for x in keys)), default=0.0)


def _echo(key: str, own_key: str) -> bool:
    if key == own_key:
        return True
    if not key or not own_key or "same-name-echo" in DISABLED_RULES:
        return False
    return key.startswith(own_key + " ") or own_key.startswith(key + " ")


def _weight(count: int, total: int) -> float:
    return 0.5 + 0.5 * min(1.0, 2 * count / (total or 1))

