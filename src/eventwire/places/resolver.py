"""Toponym resolution: candidates from the gazetteer, scored with the article's own context.

A candidate's score adds up, in log10 units of population so the terms stay comparable:

* a prior: log10(population), plus a bonus by kind (countries first, then admin1, then towns) and for
  national capitals; alternate names and names with generic words stripped count less than the
  place's own name;
* the writer's own words: "Idlib province", "the province of Idlib", "Anderson County", "X city";
* the article: countries it mentions (or that the caller hints), admin1 units it names (a "Paris"
  next to "Texas" is Paris, Texas), and nearness to the places resolved unambiguously elsewhere in
  it. Resolution runs twice: the first pass finds those anchors, the second uses them.

Every step is a lookup in the SQLite index, so memory stays flat however many articles are read.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..records import Place
from . import doubtful
from .context import (
    Candidate,
    _Context,
    _document_context,
    _Scored,
    _share,
    national_markers,
    reads_as_us_local,
    unnamed_hints,
    without_countries,
)
from .fallbacks import anchor_unresolved, list_kind_word
from .gazetteer import (
    ADMIN1,
    ADMIN2,
    ALT,
    CONTINENT,
    CORE,
    COUNTRY,
    KIND_NAMES,
    MAIN,
    REGION,
    TOWN,
    ensure_built,
)
from .names import (
    ADMIN1_WORDS,
    ADMIN2_WORDS,
    MAX_NAME_CHARS,
    TOWN_WORDS,
    core_key,
    names_a_direction,
    norm_key,
)
from .rules import DISABLED_RULES

KIND_BONUS = {COUNTRY: 3.0, CONTINENT: 2.5, REGION: 1.0, ADMIN1: 1.0, ADMIN2: -0.5, TOWN: 0.0}
HOW_PENALTY = {MAIN: 0.0, ALT: -2.0, CORE: -1.5}
CAPITAL_BONUS = 2.5
ALT_WHEN_MAIN = -3.0
HINT_MATCH, HINT_MISMATCH = 5.0, -3.0
COUNTRY_CONTEXT = 2.5
DOMINANT_COUNTRY = 1.0
ADMIN1_CONTEXT = 3.0
NEAR_KM, NEAR_BONUS = 150.0, 1.5
US_LOCAL_BONUS = 2.0
US_LOCAL_COUNTRY_WEIGHT = 0.5  # the least weight a named country gets; 1.0 lost 2 LGL work mentions
FOREIGN_IN_LOCAL = -2.0  # a town abroad whose country the US local article never names
CONTAINER_BONUS = 6.0  # "Paris, Texas", "Greenwood, W. Va.": the unit named right after the town
# "Richmond" beside "Madison County": a town in a county the article names, or a county holding a town it
# names (rule "town-in-county"); about what a state named outright gives, less than "Paris, Texas"
COUNTY_LINK_BONUS = 3.0
# "Terra Kulture in Lagos", "Percy French Hotel, Ballyjamesduff", "Brooklyn's Barclays Center": the place a
# facility or venue the gazetteer lacks is said to be in
_CAP = r"[A-Z][\w'.-]*"
_FOLLOWING_PLACE = re.compile(rf"^(?:,\s*(?:in\s+)?|\s+(?:in|at|near|on)\s+(?:the\s+)?)({_CAP}(?:\s+{_CAP}){{0,2}})")
_PRECEDING_PLACE = re.compile(rf"({_CAP}(?:\s+{_CAP}){{0,2}})['’]s\s+$")
# Rule "street-inner": a street is named after a town only by chance ("South Ingleside Avenue" in Chicago,
# "North State Street"): no word run inside a street's name locates it; left unresolved, it goes to the
# article's main town or a place named near it (fallbacks.anchor_unresolved)
_VENUE_WORDS = {
    row[0]: row[1]
    for line in (Path(__file__).parent / "data" / "venue_words.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#") and len(row := line.split("\t")) == 2
}
_STREET_WORDS = frozenset(w for w, kind in _VENUE_WORDS.items() if kind == "street")
# a venue's last word: a street, or a building or ground a text places in a town
_FACILITY_WORDS = frozenset(_VENUE_WORDS)
_FOLLOWING_UNIT = re.compile(r"^\s*,\s*((?:[A-Z][\w.]*\.?)(?:\s+[A-Z][\w.]*\.?){0,2})")
# Rule "eponym": "Venice Commission", "Geneva Conventions", "Minsk agreements", "Oslo Accords", "Astana talks":
# a body, treaty or meeting named after a city means the city it is known by in the world, whatever the
# article's own country ("Venice" in a US article on Ukraine is not Venice, Los Angeles), so such a
# mention is scored without the article's context
_EPONYM_FOLLOWING = re.compile(
    r"^[\s-]+(?:Commission|Conventions?|Agreements?|Accords?|Treaty|Protocol|Declaration|Summit|Process|Format"
    r"|Principles|Charter|Consensus|Communiqu[eé]|agreements?|accords?|talks|summit|process|format|protocol)\b"
)
MAJOR_CITY = 1_000_000  # a city this big is what its same-named province usually means ("Aleppo")

_DIRECTIONS = (
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "upper",
    "lower",
    "greater",
    "rural",
    "downtown",
)
_GENERIC_TEXT = """university college center centre bank street avenue road drive lane boulevard republic tower
    wing hall court district hospital school academy airport station park city county state national
    international central federal new saint fort mount port lake river island valley coast market
    church house office club museum theatre theater hotel square bridge beach camp point cape grand
    general memorial high institute ministry department council commission committee police army
    united royal great old little medical community regional metropolitan east west north south the
    of and for"""
# Words that name no place on their own when found inside a longer name ("Colorado State University"
# must not be located at some town called "University", nor "South Ossetia" at a region "South").
_GENERIC_WORDS = frozenset(
    {
        *_DIRECTIONS,
        *_GENERIC_TEXT.split(),
    }
)
_NATURAL_FEATURE = re.compile(
    r"^(?:the )?(?:lake|mount|mt|mountains?|gulf of|bay of|isle of)\b"
    r"|\b(?:river|creek|lake|valley|national park|state park|forest|islands?|mountains?|bay|canyon|falls|"
    r"reservoir|peninsula|hills?|wilderness|lakeshore)$"
)
# GeoNames files the provinces of Italy, Spain and the Philippines and the departements of France as admin2
# units, those of Argentina or Iraq as admin1: the word fits either level ("Laguna province")
_EITHER_ADMIN_WORDS = frozenset({"province", "provinces", "department", "departement", "prefecture"})
# last words of settlements and small features named after a people ("Indian Orchard", "Dutch Harbor")
_SETTLEMENT_TEXT = """orchard orchards wells springs spring harbor harbour village town city settlement camp point head
    neck corner corners hill hills flat flats ridge grove mills mill landing ford crossing"""
_SETTLEMENT_WORDS = frozenset(_SETTLEMENT_TEXT.split())
_KIND_WORDS = "|".join(sorted({*ADMIN1_WORDS, *TOWN_WORDS}, key=len, reverse=True))
_OF_PATTERN = re.compile(rf"^(?:the )?(?:(?P<adj>[\w ]+?) )?(?P<word>{_KIND_WORDS}) of (?P<core>.+)$")
_SUFFIX_PATTERN = re.compile(rf"^(?:the )?(?P<core>.+?) (?P<word>{_KIND_WORDS})$")
# "the Syrian town of Dabiq", "the Afghan province of Uruzgan": the words before a name say its country
_DEMONYM_KIND_BEFORE = re.compile(rf"\b(?P<adj>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+(?:{_KIND_WORDS})\s+of\s+$")
_PRECISION = {COUNTRY: "country", ADMIN1: "admin1", ADMIN2: "admin2", TOWN: "town", CONTINENT: None, REGION: None}


@dataclass(frozen=True)
class PlaceContext:
    countries: tuple[str, ...] = ()  # ISO alpha-2 codes already mentioned / implied by actors
    places: tuple[Place, ...] = ()  # places already resolved in the article



@dataclass(frozen=True)
class _Query:
    """What the mention's own words say: the names to look up and the level the writer meant."""

    keys: tuple[tuple[str, float, bool], ...]  # (key, penalty, only when the full name matches nothing)
    kind_hint: int | None = None
    country_hint: str | None = None
    either_admin: bool = False  # "province", "department": admin1 in some countries, admin2 in others



def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


class PlaceResolver:
    """Resolves toponyms against the compiled gazetteer; one instance per process is enough."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        # Read-only and shareable across threads: the API server resolves from worker threads.
        self._con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, check_same_thread=False)
        self._lookup = lru_cache(maxsize=65536)(self._lookup_uncached)
        self._demonym = lru_cache(maxsize=8192)(self._demonym_uncached)
        self._country_rows: dict[str, tuple] | None = None

    @classmethod
    def load(cls, directory: Path | None = None) -> PlaceResolver:
        """The resolver over the cached gazetteer, building the cache first if it is missing."""
        return _load_cached(directory)

    # ------------------------------------------------------------------------------------ look-ups

    def _lookup_uncached(self, key: str) -> tuple[Candidate, ...]:
        rows = self._con.execute(
            "SELECT p.pid, p.geonameid, p.name, p.kind, p.cc, p.admin1, p.admin2, p.lat, p.lon, p.pop,"
            " p.capital, n.how FROM name n JOIN place p ON p.pid = n.pid WHERE n.key = ?"
            " ORDER BY p.pop DESC LIMIT 200",
            (key,),
        ).fetchall()
        return tuple(Candidate(*row) for row in rows)

    def _demonym_uncached(self, key: str) -> str | None:
        row = self._con.execute("SELECT cc FROM demonym WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def _countries(self) -> dict[str, tuple]:
        """Each country's place row by its code, read in one pass on first use.

        Why: ``place`` has no index on (kind, cc), so asking for one country scanned the whole table
        (~15 ms, 261k rows) on every call; one scan in the same (rowid) order, keeping each code's
        first row, gives the rows that query's fetchone() gave.
        """
        if self._country_rows is None:
            rows: dict[str, tuple] = {}
            for row in self._con.execute(
                "SELECT pid, geonameid, name, kind, cc, admin1, admin2, lat, lon, pop, capital, 0 FROM place"
                " WHERE kind = ? ORDER BY pid",
                (COUNTRY,),
            ):
                rows.setdefault(row[4], row)
            self._country_rows = rows
        return self._country_rows

    def country(self, code_or_name: str) -> Place | None:
        """A country as a Place (precision "country"), from an alpha-2/alpha-3 code or a name."""
        if not code_or_name or not code_or_name.strip():
            return None
        text = code_or_name.strip()
        cands: list[Candidate] = []
        if len(text) in (2, 3) and text.isalpha() and text.isupper():
            code = text
            if len(text) == 3:
                import pycountry

                found = pycountry.countries.get(alpha_3=text)
                code = found.alpha_2 if found else ""
            row = self._countries().get(code)
            if row:
                cands.append(Candidate(*row))
        if not cands:
            cands = [c for c in self._lookup(norm_key(text)) if c.kind == COUNTRY]
        if not cands:
            return None
        best = min(cands, key=lambda c: c.how)
        return _to_place(text, best, "country by code or name")

    # ------------------------------------------------------------------------------------ parsing

    def _query(self, text: str) -> _Query:
        key = norm_key(text)
        if key.startswith("the "):
            key = key[4:]
        if key.endswith(" co") and "county-abbrev" not in DISABLED_RULES:
            key = key[:-3] + " county"  # "Platte Co.": US local news abbreviates County as it does Twp.
        keys: list[tuple[str, float, bool]] = [(key, 0.0, False)]
        kind_hint: int | None = None
        country_hint: str | None = None
        match = _OF_PATTERN.match(key) or _SUFFIX_PATTERN.match(key)
        if match:
            word = match.group("word")
            kind_hint = ADMIN2 if word in ADMIN2_WORDS else TOWN if word in TOWN_WORDS else ADMIN1
            core = match.group("core")
            adj = match.groupdict().get("adj")
            if adj:
                cc = self._demonym(adj) or next((c.cc for c in self._lookup(adj) if c.kind == COUNTRY), None)
                if cc and not cc.endswith("*"):
                    country_hint = cc
            keys.append((core, -1.0, False))
        else:
            core = core_key(key)
            if core != key:
                keys.append((core, -0.5, True))
        first, _, rest = key.partition(" ")
        if first in _DIRECTIONS and rest:
            keys.append((rest, -0.5, True))
        either = match is not None and match.group("word") in _EITHER_ADMIN_WORDS and "either-admin" not in DISABLED_RULES
        return _Query(tuple(keys), kind_hint, country_hint, either)

    def _candidates(self, query: _Query) -> list[tuple[Candidate, float]]:
        seen: dict[int, tuple[Candidate, float]] = {}
        for key, penalty, fallback in query.keys:
            if not key or len(key) > MAX_NAME_CHARS or (fallback and seen):
                continue
            for cand in self._lookup(key):
                if cand.pid not in seen or seen[cand.pid][1] < penalty:
                    seen[cand.pid] = (cand, penalty)
        return list(seen.values())

    # ------------------------------------------------------------------------------------ scoring

    def _container(self, following: str) -> frozenset[tuple[str, str | None, str | None]]:
        """The unit named right after a mention: a country or admin1 unit ("Paris, Texas" -> (US, Texas,
        None)), else a province or county by its bare name ("Calamba, Laguna" -> (PH, Calabarzon, Province
        of Laguna): Philippine provinces are GeoNames admin2 units, named "Province of ...")."""
        match = _FOLLOWING_UNIT.match(following)
        if not match:
            return frozenset()
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            key = norm_key(" ".join(words[:size]))
            # "W. Va." is written with a space that the index key "wva" (from "W.Va.") lacks
            cands = self._lookup(key) or (self._lookup(key.replace(" ", "")) if "." in match.group(1) else ())
            found: set[tuple[str, str | None, str | None]] = {
                (c.cc, c.admin1 if c.kind == ADMIN1 else None, None)
                for c in cands
                if c.how == MAIN and c.kind in (ADMIN1, COUNTRY)
            }
            if not found and "container-admin2" not in DISABLED_RULES:
                # only when no country or state has the name: "Springfield, Washington" is the state
                found = {(c.cc, c.admin1, c.admin2) for c in cands if c.how != ALT and c.kind == ADMIN2}
            if found:
                return frozenset(found)
        return frozenset()

    def _score(
        self,
        query: _Query,
        ctx: _Context,
        own_key: str,
        container: frozenset[tuple[str, str | None, str | None]] = frozenset(),
        name_key: str | None = None,
    ) -> list[_Scored]:
        scored: list[_Scored] = []
        cands = self._candidates(query)
        has_main = any(c.how == MAIN for c, _p in cands)
        for cand, penalty in cands:
            score = math.log10(cand.pop + 10) + KIND_BONUS[cand.kind] + HOW_PENALTY[cand.how] + penalty
            why = [KIND_NAMES[cand.kind]]
            if cand.how == ALT and has_main:
                score += ALT_WHEN_MAIN  # "Liverpool" is an alternate name of some Washington
            if cand.capital and cand.how == MAIN:
                score += CAPITAL_BONUS
            if query.kind_hint is not None:
                if cand.kind == query.kind_hint or (query.either_admin and cand.kind == ADMIN2):
                    score += HINT_MATCH
                    why.append("named level")
                else:
                    score += HINT_MISMATCH
            if query.country_hint and cand.cc == query.country_hint:
                score += HINT_MATCH
                why.append("named country")
            share = _share(ctx.countries, cand.cc, own_key)
            if cand.kind != COUNTRY and share > 0:
                score += COUNTRY_CONTEXT * share
                why.append("country in article")
                if cand.cc == ctx.dominant:
                    score += DOMINANT_COUNTRY
            a1_share = _share(ctx.admin1s, (cand.cc, cand.admin1), own_key) if cand.admin1 else 0.0
            if cand.kind in (TOWN, ADMIN2) and a1_share > 0:
                score += ADMIN1_CONTEXT * a1_share
                why.append("admin1 in article")
            if container and cand.kind in (TOWN, ADMIN2) and any(
                cand.cc == cc and (a1 is None or a1 == cand.admin1) and (a2 is None or a2 == cand.admin2)
                for cc, a1, a2 in container
            ):
                score += CONTAINER_BONUS
                why.append("unit named after it")
            if cand.admin2 and cand.kind in (TOWN, ADMIN2):
                links = ctx.counties if cand.kind == TOWN else ctx.town_counties
                if _share(links, (cand.cc, cand.admin1, cand.admin2), own_key) > 0:
                    score += COUNTY_LINK_BONUS
                    why.append("town and its county both named")
            if ctx.us_local and cand.kind in (TOWN, ADMIN2, ADMIN1):
                if cand.cc == "US":
                    score += US_LOCAL_BONUS
                    why.append("US local news")
                elif share == 0:
                    # "Athens Police Department", "Paris High School": local news names a foreign town
                    # without its country only when the town is famous and the context makes it clear
                    score += FOREIGN_IN_LOCAL
            if cand.kind != COUNTRY:
                near = {
                    key
                    for key, lat, lon in ctx.anchors
                    if key != own_key
                    and abs(cand.lat - lat) < 2
                    and haversine_km(cand.lat, cand.lon, lat, lon) < NEAR_KM
                }
                if near:
                    score += NEAR_BONUS * min(len(near), 3)
                    why.append("near other places")
            scored.append(_Scored(cand, score, ", ".join(why)))
        scored.sort(key=lambda s: (-s.score, s.cand.kind, -s.cand.pop))
        # the name itself, which differs from own_key for a place inside a longer name ("New York" in "New
        # York Auto Show")
        name_key = name_key or own_key
        scored = _prefer_state(_prefer_major_city(scored, name_key), query, name_key)
        return _prefer_country(scored, query, ctx, own_key)

    def _is_demonym(self, key: str, scored: list[_Scored]) -> str | None:
        """The country a demonym points to ("" when none), or None when the word is a real place name."""
        cc = self._demonym(key)
        if cc is None and key.endswith("s"):
            cc = self._demonym(key[:-1])  # "Palestinians", "Russians"
        if cc is None:
            return None
        for s in scored:
            if s.cand.how == MAIN and (s.cand.kind in (COUNTRY, ADMIN1, CONTINENT, REGION) or s.cand.pop >= 100_000):
                return None
        return cc

    def _place_beside(self, text: str, ctx: _Context, own_key: str, following: str, preceding: str) -> _Scored | None:
        """For a facility or venue, the town or unit the text names right after it ("Terra Kulture in Lagos",
        "Percy French Hotel, Ballyjamesduff") or before it ("Brooklyn's Barclays Center")."""
        for pattern, context in ((_FOLLOWING_PLACE, following), (_PRECEDING_PLACE, preceding)):
            match = pattern.search(context) if context else None
            if not match:
                continue
            words = match.group(1).split()
            for size in range(len(words), 0, -1):
                sub = " ".join(words[:size]).rstrip(".,")
                key = norm_key(sub)
                if not key or key in _GENERIC_WORDS or self._demonym(key):
                    continue
                scored = _main_or_major(self._score(self._query(sub), ctx, own_key, name_key=norm_key(sub)))
                if scored and scored[0].cand.kind in (COUNTRY, ADMIN1, ADMIN2, TOWN):
                    best = scored[0]
                    return replace(best, why=f"approximate: located at {sub!r}, named beside it; {best.why}")
        return None

    def _demonym_led(self, text: str, key: str, ctx: _Context) -> _Scored | None:
        """ "Mexican Senate", "European Commission", "Philippine Sports Commission": a name the gazetteer
        lacks that opens with a demonym is a body of that country (or continent), placed at its point and
        flagged approximate. A demonym alone stays a demonym, and so do small places named with one
        ("Indian Orchard", "French Creek", "Dutch Harbor"): natural features, settlement words, and in US
        local news any country the article does not otherwise name."""
        if "demonym-led" in DISABLED_RULES:
            return None
        words = text.split()
        if len(words) < 2 or not words[1][:1].isupper():
            return None
        if _NATURAL_FEATURE.search(key) or key.split()[-1] in _SETTLEMENT_WORDS:
            return None
        for size in (2, 1):  # "Latin American Council" before "Latin"
            if len(words) <= size:
                continue
            cc = self._demonym(norm_key(" ".join(words[:size])))
            if not cc:
                continue
            kind = CONTINENT if cc.endswith("*") else COUNTRY
            if ctx.us_local and cc != "US" and _share(ctx.countries, cc, key) == 0:
                return None
            cand = self._largest(kind, cc)
            if cand is not None:
                return _Scored(cand, 0.0, f"approximate: named after {KIND_NAMES[kind]} {cand.name!r} by its demonym")
        return None

    def _largest(self, kind: int, cc: str) -> Candidate | None:
        row = self._con.execute(
            "SELECT pid, geonameid, name, kind, cc, admin1, admin2, lat, lon, pop, capital, 0 FROM place"
            " WHERE kind = ? AND cc = ? ORDER BY pop DESC LIMIT 1",
            (kind, cc),
        ).fetchone()
        return Candidate(*row) if row else None

    def _demonym_kind(self, preceding: str) -> _Scored | None:
        """A name the gazetteer lacks that the text introduces by its country's demonym and its kind ("the
        Syrian town of Dabiq"): at least that country, flagged approximate, rather than a place named nearby."""
        if "demonym-kind" in DISABLED_RULES or not (m := _DEMONYM_KIND_BEFORE.search(preceding)):
            return None
        words = m.group("adj").split()
        for size in (len(words), 1):  # "South Korean", else "Korean"
            cc = self._demonym(norm_key(" ".join(words[-size:])))
            if cc and not cc.endswith("*"):
                cand = self._largest(COUNTRY, cc)
                if cand is not None:
                    return _Scored(cand, 0.0, f"approximate: in {cand.name!r}, named by the demonym before it")
        return None

    def _inner_place(self, text: str, ctx: _Context, own_key: str) -> _Scored | None:
        """For a name the gazetteer lacks ("Manila Cathedral", "Dubai World Cup"), the longest run of
        capitalised words inside it that names a real place, flagged as approximate."""
        words = text.split()
        if len(words) < 2 or len(words) > 12:
            return None
        if "street-inner" not in DISABLED_RULES and words[-1].lower().rstrip(".") in _STREET_WORDS:
            return None
        for size in range(len(words) - 1, 0, -1):
            found: list[tuple[_Scored, str]] = []
            for i in range(len(words) - size + 1):
                window = words[i : i + size]
                if not all(w[:1].isupper() for w in window):
                    continue
                sub = " ".join(window)
                if all(norm_key(w) in _GENERIC_WORDS for w in window) or self._demonym(norm_key(sub)):
                    continue
                scored = _main_or_major(self._score(self._query(sub), ctx, own_key, name_key=norm_key(sub)))
                if scored and (scored[0].cand.kind in (COUNTRY, ADMIN1) or scored[0].cand.pop >= 1000):
                    found.append((scored[0], sub))
                    if "inner-best" in DISABLED_RULES:
                        break
            if found and "inner-foreign" not in DISABLED_RULES and ctx.dominant:
                # "the Universidad de Los Andes" in a Venezuelan story is not Chile's Los Andes: a word of a
                # longer name is weak evidence, too weak to take the mention out of the article's country
                found = [f for f in found if f[0].cand.cc == ctx.dominant or f[0].cand.kind == COUNTRY]
                if not found:
                    return None
            if found:
                # "Robinson College Cambridge": of two runs of the same length, the better-scored place
                best, sub = max(found, key=lambda f: f[0].score) if "inner-best" not in DISABLED_RULES else found[0]
                return replace(best, why=f"approximate: inside a larger name, located at {sub!r}; {best.why}")
        return None

    # ------------------------------------------------------------------------------------ public API

    def resolve(self, text: str, context: PlaceContext | None = None) -> Place:
        """One toponym; context narrows it. Never raises: unresolvable text comes back with null coords."""
        context = context or PlaceContext()
        anchors = tuple(("", p.lat, p.lon) for p in context.places if p.lat is not None and p.lon is not None)
        known = frozenset({""})
        countries = {*context.countries, *(p.country for p in context.places if p.country)}
        ctx = _Context(
            countries=tuple((c.upper(), known, 1.0) for c in sorted(countries)),
            admin1s=tuple(
                ((p.country, p.admin1), known, 1.0) for p in context.places if p.country and p.admin1
            ),
            anchors=anchors,
        )
        return self._resolve_one(text, ctx)

    def _resolve_one(
        self,
        text: str,
        ctx: _Context,
        start: int | None = None,
        end: int | None = None,
        following: str = "",
        preceding: str = "",
        kind_word: str = "",
        title_case: int = 0,
    ) -> Place:
        try:
            return self._resolve_checked(text, ctx, start, end, following, preceding, kind_word, title_case)
        except (sqlite3.Error, ValueError, OverflowError) as exc:  # garbage must never stop an article
            return Place(text=text, start=start, end=end, reason=f"not resolved: {type(exc).__name__}")

    def _resolve_checked(
        self,
        text: str,
        ctx: _Context,
        start: int | None,
        end: int | None,
        following: str = "",
        preceding: str = "",
        kind_word: str = "",
        title_case: int = 0,
    ) -> Place:
        key = norm_key(text)
        if not key or len(text) > MAX_NAME_CHARS * 2 or not any(ch.isalpha() for ch in key):
            return Place(text=text, start=start, end=end, reason="not a place name")
        # "Butler, Clark or Warren counties": the kind word the list ends with is each item's own
        query = self._query(f"{text} {kind_word}" if kind_word else text)
        if "eponym" not in DISABLED_RULES and following and _EPONYM_FOLLOWING.match(following):
            ctx = _Context()
        container = self._container(following) if following else frozenset()
        scored = self._score(query, ctx, key, container)
        demonym = self._is_demonym(key, scored)
        if demonym is not None:
            target = f" (refers to {demonym.rstrip('*')})" if demonym else ""
            return Place(text=text, start=start, end=end, reason=f"demonym, not a place{target}")
        words = key.split()
        # "Lake Robinson", "Anthony Creek", "Canaan Valley": a natural feature the gazetteer lacks is not
        # the town its other word names
        natural = "natural-feature" not in DISABLED_RULES and bool(_NATURAL_FEATURE.search(key))
        named_venue = (
            len(words) > 1
            and words[-1] in _FACILITY_WORDS
            and not any(c.how == MAIN for c in self._lookup(key))  # curated: "Downing Street", "White House"
        )
        if not scored and title_case and "title-case-word" not in DISABLED_RULES:
            return Place(text=text, start=start, end=end, reason=doubtful.REFUSED + "a word of a Title Case headline only")
        if not scored or named_venue:
            # a venue is better placed by the town the text puts it in than by a word of its own name
            beside = self._place_beside(text, ctx, key, following, preceding)
            inner = beside or (self._demonym_led(text, key, ctx) if not scored else None)
            inner = inner or (self._inner_place(text, ctx, key) if not scored and not natural else None)
            inner = inner or (self._demonym_kind(preceding) if not scored else None)
            if inner is not None:
                scored = [inner]
            elif not scored:
                return Place(text=text, start=start, end=end, reason="no gazetteer entry for this name")
        # rule "direction-unit": of a name of direction words only, the readings in a country the article names
        kept = ([s for s in scored if not _direction_unit(s, ctx, key)]
                if "direction-unit" not in DISABLED_RULES and names_a_direction(text) else scored)
        refusal = ("a direction; no unit of that name lies in a country the article names" if not kept
                   else self._refusal(key, scored[0], ctx, title_case))
        if refusal:
            return Place(text=text, start=start, end=end, reason=doubtful.REFUSED + refusal)
        best = kept[0]
        place = _to_place(text, best.cand, best.why)
        return replace(place, start=start, end=end)

    def _refusal(self, key: str, best: _Scored, ctx: _Context, title_case: int) -> str:
        """Why the best reading of a mention lacks the evidence it needs (round 15, ``doubtful``: a Title Case
        headline word, a far alternate name), or ""."""
        if title_case and "title-case-word" not in DISABLED_RULES and not best.why.startswith("approximate"):
            if title_case == 2:
                return "a word of a Title Case headline that the text writes in lower case"
            weak = best.cand.kind == TOWN and best.cand.pop < doubtful.TITLE_CASE_MIN_POP
            if weak and _share(ctx.countries, best.cand.cc, key) == 0:
                return "a word of a Title Case headline read as a small town of a country the article does not name"
        if (
            "far-alternate" not in DISABLED_RULES
            and best.cand.how == ALT
            and best.cand.kind == TOWN
            and best.cand.pop >= doubtful.FAR_ALTERNATE_MIN_POP
            and not best.why.startswith("approximate")
            and _share(ctx.countries, best.cand.cc, key) == 0
        ):
            others = [(lat, lon) for k, lat, lon in ctx.anchors if k != key]
            if others and all(haversine_km(best.cand.lat, best.cand.lon, lat, lon) > doubtful.FAR_KM for lat, lon in others):
                return f"only an alternate name of {best.cand.name!r}, far from the article's other places"
        return ""

    def resolve_document(
        self, text: str, mentions: list[tuple[int, int, str]], hint_countries: tuple[str, ...] = ()
    ) -> list[Place]:
        """One Place per mention, in order; the article's other mentions are the context."""
        surfaces = []
        for start, end, _label in mentions:
            s, e = max(0, int(start)), min(len(text), int(end))
            surfaces.append((text[s:e] if s < e else "", start, end))
        hints = frozenset(c.upper() for c in hint_countries if c)
        first = _Context(countries=tuple((c, frozenset({""}), 1.0) for c in sorted(hints)))
        kind_words = [list_kind_word(text, e) for _surface, _s, e in surfaces]
        picks: dict[str, list[_Scored]] = {}
        for (surface, _s, _e), kind_word in zip(surfaces, kind_words, strict=True):
            key = norm_key(surface)
            if key and key not in picks and len(surface) <= MAX_NAME_CHARS * 2:
                try:
                    query = self._query(f"{surface} {kind_word}" if kind_word else surface)
                    picks[key] = self._score(query, first, key)
                except (sqlite3.Error, ValueError, OverflowError):
                    picks[key] = []
        title_case = self._title_case_flags(text, surfaces, keys := [norm_key(s) for s, _a, _b in surfaces])
        for key in {k for k, flag in zip(keys, title_case, strict=True) if flag}:
            if all(flag for k, flag in zip(keys, title_case, strict=True) if k == key):
                picks[key] = []  # a headline word is no evidence for the other mentions either
        demonym_countries = {
            key: cc for key, scored in picks.items() if (cc := self._is_demonym(key, scored))
        }
        marked = national_markers(text)
        ctx = _document_context(picks, keys, hints, demonym_countries, marked)
        if reads_as_us_local(text, picks, hints, marked, demonym_countries):
            gone = unnamed_hints(picks, hints, demonym_countries)
            ctx = replace(without_countries(ctx, gone, demonym_countries), us_local=True, dominant="US")
            if "us-local-country" not in DISABLED_RULES and not any(cc == "US" for cc, _k, _w in ctx.countries):
                # rule "us-local-country": the markers are evidence of the country as a named state would be,
                # when no mention established it (a Paris police brief naming only Paris and its streets)
                ctx = replace(ctx, countries=(*ctx.countries, ("US", frozenset({""}), US_LOCAL_COUNTRY_WEIGHT)))
        out = []
        for (surface, s, e), kind_word, flag in zip(surfaces, kind_words, title_case, strict=True):
            following = text[e : e + 40] if isinstance(e, int) and 0 <= e <= len(text) else ""
            preceding = text[max(0, s - 40) : s] if isinstance(s, int) and 0 <= s <= len(text) else ""
            out.append(self._resolve_one(surface, ctx, s, e, following, preceding, kind_word, flag))
        if "article-anchor" not in DISABLED_RULES:
            out = anchor_unresolved(out, [norm_key(x) for x, _a, _b in surfaces])
        return out

    def _title_case_flags(self, text: str, surfaces: Sequence[tuple[str, object, object]], keys: list[str]) -> list[int]:
        """Per mention, rule "title-case-word": 0 where its capital may say it is a name; 1 where it stands only
        in Title Case lines and nowhere else capitalised; 2 when the text also writes it in lower case."""
        flags = [0] * len(surfaces)
        if "title-case-word" in DISABLED_RULES:
            return flags
        lines = doubtful.title_case_lines(text)
        if not lines:
            return flags
        outside = {k for k, (_x, s, e) in zip(keys, surfaces, strict=True)
                   if not (isinstance(s, int) and isinstance(e, int) and doubtful.inside(lines, s, e))}
        for i, ((surface, s, e), key) in enumerate(zip(surfaces, keys, strict=True)):
            if not (isinstance(s, int) and isinstance(e, int) and doubtful.inside(lines, s, e)) or key in outside:
                continue
            if doubtful.capitalised_outside(text, surface, lines):
                continue
            flags[i] = 2 if doubtful.written_lower(text, surface) else 1
        return flags


def _direction_unit(s: _Scored, ctx: _Context, own_key: str) -> bool:
    """A unit or town named by words of direction alone whose country no other mention of the article names."""
    return s.cand.kind not in (COUNTRY, CONTINENT, REGION) and _share(ctx.countries, s.cand.cc, own_key) == 0


def _main_or_major(scored: list[_Scored]) -> list[_Scored]:
    """Candidates by their own name only (a word inside a longer name must not match some village's
    alternate name), except a city of a million known by a shorter name: "New York" inside "New York Auto
    Show" is New York City (its GeoNames name), as it is when named alone."""
    if scored and "major-city-inside" not in DISABLED_RULES:
        top = scored[0].cand
        if top.how != MAIN and top.kind == TOWN and top.pop >= MAJOR_CITY:
            return scored[:1]
    return [x for x in scored if x.cand.how == MAIN]


def _prefer_country(scored: list[_Scored], query: _Query, ctx: _Context, own_key: str) -> list[_Scored]:
    """A name that is a country means the country ("Mexico", "Georgia"), unless the article is local news
    of another country that this one plays no other part in ("Jordan" in a Minnesota article)."""
    if not scored or scored[0].cand.kind == COUNTRY or query.kind_hint is not None:
        return scored
    for i, s in enumerate(scored):
        if s.cand.kind == COUNTRY and s.cand.how == MAIN:
            top = scored[0].cand
            local = (
                (top.cc == ctx.dominant or (top.cc == "US" and ctx.us_local))
                and top.cc != s.cand.cc
                and _share(ctx.countries, s.cand.cc, own_key) == 0
            )
            if not local:
                return [s, *scored[:i], *scored[i + 1 :]]
            break
    return scored


def _prefer_state(scored: list[_Scored], query: _Query, own_key: str) -> list[_Scored]:
    """ "12 in Nevada", "the Kansas Treatment Center": a bare state name means the state, not a small town of
    that name in another state of the article, unless the text ties it to that state ("Nevada, Iowa")."""
    if not scored or scored[0].cand.kind not in (TOWN, ADMIN2) or query.kind_hint is not None:
        return scored
    top = scored[0]
    if top.cand.pop >= MAJOR_CITY // 10 or "unit named after it" in top.why:
        return scored
    for i, s in enumerate(scored[1:], start=1):
        c = s.cand
        if c.kind == ADMIN1 and c.how == MAIN and c.cc == top.cand.cc and norm_key(c.name) == own_key:
            return [s, *scored[:i], *scored[i + 1 :]]
    return scored


def _prefer_major_city(scored: list[_Scored], own_key: str) -> list[_Scored]:
    """ "Aleppo", "New York": a province named after a city of a million is usually that city; an
    abbreviation of the province ("N.Y.") still means the province."""
    if not scored or scored[0].cand.kind != ADMIN1 or "named level" in scored[0].why:
        return scored
    if norm_key(scored[0].cand.name) != own_key:
        return scored
    top = scored[0].cand
    for i, s in enumerate(scored[1:], start=1):
        c = s.cand
        if c.kind == TOWN and c.cc == top.cc and c.admin1 == top.admin1 and c.pop >= MAJOR_CITY:
            return [s, *scored[:i], *scored[i + 1 :]]
    return scored



def _to_place(text: str, cand: Candidate, why: str) -> Place:
    is_continent = cand.kind in (CONTINENT, REGION)
    return Place(
        text=text,
        name=cand.name,
        country=None if is_continent or cand.cc.endswith("*") else cand.cc,
        admin1=cand.admin1 if cand.kind in (ADMIN1, ADMIN2, TOWN) else None,
        admin2=cand.admin2 if cand.kind in (ADMIN2, TOWN) else None,
        geonameid=cand.geonameid,
        lat=round(cand.lat, 5),
        lon=round(cand.lon, 5),
        precision=_PRECISION[cand.kind],
        reason=(f"{KIND_NAMES[cand.kind]}, coarser than a country: " if is_continent else "") + why,
    )


@lru_cache(maxsize=4)
def _load_cached(directory: Path | None) -> PlaceResolver:
    return PlaceResolver(ensure_built(directory))
