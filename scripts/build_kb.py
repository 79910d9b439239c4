#!/usr/bin/env python3
"""Compile the actor knowledge base's public-source part from the CIA World Factbook (public domain).

Reads every snapshot of the ``factbook/factbook.json`` repository (a git clone, one country profile per
JSON file, history since 2015) and writes, under ``src/eventwire/actors/data/``:

* ``compiled_people.tsv``: chiefs of state, heads of government and their deputies as the Factbook lists
  them ("President Frank-Walter STEINMEIER (since 19 March 2017)"), and party leaders
  ("Christian Democratic Union or CDU [Angela MERKEL]"), each office with its period: the start is the
  "since" date (else the first snapshot that lists it), the end the start of the successor in the first
  snapshot that no longer lists the person (else the last snapshot's date, or open when still listed);
* ``compiled_orgs.tsv``: political parties with their acronyms (PTY), legislatures and chambers by their
  own names (LEG), military and security branches ("Royal Saudi Naval Forces", "Basij Paramilitary
  Forces": MIL, COP, SPY by their head noun), each with the snapshot period it was listed in.

Every row keeps its source (``factbook:<GEC code>@<first snapshot>..<last snapshot>``). Names that the
Factbook gives for several countries ("Democratic Party", "Senate", "DP") are left out: they name no
country by themselves; the role table codes their head noun.

Usage (the source is fetched at development time, never committed)::

    python scripts/build_kb.py --factbook /path/to/factbook.json [--out src/eventwire/actors/data]

The output is deterministic for a given source commit (sorted rows, no timestamps).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "eventwire" / "actors" / "data"

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}

# Factbook short names pycountry does not know.
_NAME_FIXES = {
    "burma": "MMR", "korea, south": "KOR", "korea, north": "PRK", "congo, democratic republic of the": "COD",
    "congo, republic of the": "COG", "gambia, the": "GMB", "bahamas, the": "BHS", "micronesia, federated states of": "FSM",
    "holy see (vatican city)": "VAT", "cabo verde": "CPV", "cote d'ivoire": "CIV", "czechia": "CZE", "eswatini": "SWZ",
    "turkey (turkiye)": "TUR", "turkiye": "TUR", "kosovo": "XKX", "laos": "LAO", "russia": "RUS", "syria": "SYR",
    "iran": "IRN", "vietnam": "VNM", "taiwan": "TWN", "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA",
    "moldova": "MDA", "brunei": "BRN", "north macedonia": "MKD", "macedonia": "MKD", "saint helena, ascension, and tristan da cunha": "SHN",
    "west bank": "PSE", "gaza strip": "PSE", "timor-leste": "TLS", "virgin islands": "VIR", "british virgin islands": "VGB",
    "falkland islands (islas malvinas)": "FLK", "pitcairn islands": "PCN", "curacao": "CUW", "sint maarten": "SXM",
    "saint martin": "MAF", "saint barthelemy": "BLM", "svalbard": "SJM", "wallis and futuna": "WLF",
    "united states": "USA", "united kingdom": "GBR", "south sudan": "SSD", "palestine": "PSE",
}

# Head nouns of military and security branches -> sector (first match from the end of the name wins).
_BRANCH_SECTORS = [
    (re.compile(r"\b(police|gendarmerie|constabulary|carabinieri|guardia civil|law enforcement)\b", re.I), "COP"),
    # "Federal Security Services (FSB)", "State Security Service": plural too (the singular alone left
    # Russia's FSB without a sector, and so out of the file)
    (re.compile(r"\b(intelligence|security services?|state security|secret services?)\b", re.I), "SPY"),
    (re.compile(r"\b(ministry|department)\b", re.I), "GOV"),
    (re.compile(r"\b(army|navy|naval|air force|forces?|corps|guard|marines?|militia|command|fleet|"
                r"military|defen[cs]e|aerospace|artillery|troops|brigades?|regiments?|armed)\b", re.I), "MIL"),
]
# Words a branch name needs more than to be worth an entry ("Air Force" names no country; "Royal Saudi
# Air Force", "Bundeswehr", "Basij Paramilitary Forces" do).
_GENERIC_WORDS = frozenset(
    ["the", "of", "and", "a", "an", "national", "army", "navy", "naval", "air", "force", "forces", "ground", "land", "marine", "marines", "corps", "special", "operations", "operation", "command", "commands", "guard", "coast", "border", "defense", "defence", "self", "aerospace", "space", "cyber", "strategic", "rocket", "missile", "missiles", "reserve", "reserves", "service", "services", "support", "joint", "logistics", "military", "security", "armed", "aviation", "auxiliary", "police", "federal", "state", "gendarmerie", "republic", "people's", "peoples", "public", "internal", "home", "national", "presidential", "republican", "royal", "central", "regional", "territorial", "infantry", "forces'", "electronic", "information", "systems", "staff", "general", "medical", "includes", "include", "main", "directorate", "emergency", "ministry", "interior", "defense", "department", "civil", "protection", "guards", "unit", "units", "paramilitary", "volunteer", "headquarters", "chief", "chiefs", "task", "presidential", "intervention", "mobile", "rapid", "response", "brigade", "brigades", "division", "regiment", "battalion", "battalions", "fleet", "fleets"]
)
_LEG_GENERIC = frozenset(
    ["the", "of", "a", "parliament", "national", "assembly", "house", "senate", "chamber", "council", "congress", "legislature", "legislative", "federal", "representatives", "deputies", "people's", "peoples", "supreme", "consultative", "advisory", "state", "general", "councillors", "assembly'", "states", "union", "republic", "grand", "great", "unicameral", "bicameral"]
)
_PARTY_MIN_ACRONYM = 3
# Countries whose names the Factbook writes with oe/ue/ae for umlauts (SOEDER = Söder).
_UMLAUT_COUNTRIES = frozenset(["DEU", "AUT", "CHE", "LIE", "LUX"])


@dataclass
class Office:
    role: str
    sector: str
    sector_2: str | None
    start: dt.date
    end: dt.date | None
    first_seen: dt.date
    last_seen: dt.date
    slot: str  # post within the country (chief of state, head of government, party leader of X)


@dataclass
class Person:
    name: str  # display form ("Frank-Walter Steinmeier")
    raw: str  # as the Factbook writes it ("Frank-Walter STEINMEIER")
    country: str
    gec: str
    offices: list[Office] = field(default_factory=list)
    aliases_extra: list[str] = field(default_factory=list)


@dataclass
class Org:
    kind: str
    name: str
    aliases: set[str]
    country: str
    sector: str
    sector_2: str | None
    gec: str
    first_seen: dt.date
    last_seen: dt.date


# ------------------------------------------------------------------ reading snapshots


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", str(repo_git(repo)), *args], check=True,
                          capture_output=True, text=True).stdout


def repo_git(repo: Path) -> Path:
    return repo / ".git" if (repo / ".git").exists() else repo


def snapshots(repo: Path) -> list[tuple[str, dt.date]]:
    """One commit per month that changed country profiles, oldest first (the last commit of the month)."""
    out = _git(repo, "log", "--format=%H %ad", "--date=short", "--", "*.json")
    by_month: dict[str, tuple[str, dt.date]] = {}
    for line in out.splitlines():
        sha, day = line.split()
        d = dt.date.fromisoformat(day)
        by_month.setdefault(day[:7], (sha, d))  # log is newest first: keep the month's last commit
    return sorted(by_month.values(), key=lambda x: x[1])


def read_profiles(repo: Path, sha: str) -> dict[str, dict]:
    """GEC code -> profile JSON for one commit (country folders only)."""
    names = [n for n in _git(repo, "ls-tree", "-r", "--name-only", sha).splitlines()
             if n.endswith(".json") and "/" in n and not n.startswith(("meta/", "world/", "oceans/", "antarctica/"))]
    proc = subprocess.run(["git", "--git-dir", str(repo_git(repo)), "cat-file", "--batch"],
                          input="".join(f"{sha}:{n}\n" for n in names).encode(), capture_output=True, check=True)
    data = proc.stdout
    out: dict[str, dict] = {}
    pos = 0
    for n in names:
        header_end = data.index(b"\n", pos)
        header = data[pos:header_end].split()
        size = int(header[2])
        body = data[header_end + 1: header_end + 1 + size]
        pos = header_end + 1 + size + 1
        try:
            out[n.rsplit("/", 1)[1][:-5]] = json.loads(body)
        except json.JSONDecodeError:
            continue
    return out


def _text(node: object) -> str:
    if isinstance(node, dict):
        return str(node.get("text", ""))
    return ""


def clean(s: str) -> str:
    s = html.unescape(re.sub(r"<br\s*/?>", "\n", s))
    s = re.sub(r"<[^>]+>", "", s)
    return s.replace("\u00a0", " ")


# ------------------------------------------------------------------ countries


def country_index() -> dict[str, str]:
    import pycountry

    idx: dict[str, str] = {}
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n:
                idx[fold(n)] = c.alpha_3
    idx.update({fold(k): v for k, v in _NAME_FIXES.items()})
    return idx


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", s.lower().replace("\u2019", "'")).strip()


def iso3_of(profile: dict, idx: dict[str, str]) -> str | None:
    names = (profile.get("Government") or {}).get("Country name") or {}
    for k in ("conventional short form", "conventional long form"):
        v = fold(clean(_text(names.get(k))))
        if v and v != "none" and v in idx:
            return idx[v]
    return None


# ------------------------------------------------------------------ office holders


_TITLE_WORDS = frozenset(
    ["President", "Vice", "First", "Second", "Third", "Prime", "Minister", "Deputy", "King", "Queen", "Emir", "Amir", "Sultan", "Crown", "Prince", "Princess", "Supreme", "Leader", "Chancellor", "Premier", "Governor", "General", "Chief", "Executive", "Chairman", "Chairwoman", "Chair", "Co-prince", "Grand", "Duke", "Duchess", "Head", "State", "Council", "Acting", "Interim", "Transitional", "Secretary", "Federal", "Captains", "Regent", "Presidential", "Military", "Sovereign", "Senior", "Minister's", "Lieutenant", "Colonel", "Brigadier", "Field", "Marshal", "Major", "Commander", "Archbishop", "Pope", "Bishop", "Executive", "Cardinal", "Mayor", "Speaker", "Administrator", "Lord", "The", "High", "Commissioner", "Of", "of", "Defense", "Council's", "Ayatollah", "Sheikh", "Shaykh", "Mohammed", "Crown-Prince", "Heir", "Apparent", "Premier-Prince", "Sovereign-Prince", "Taoiseach", "Tanaiste", "Mufti", "Caretaker"]
)


def parse_date(text: str, fallback: dt.date) -> dt.date:
    m = re.match(r"\s*(?:(\d{1,2})\s+)?([A-Za-z]+)?\s*(\d{4})", text)
    if not m:
        return fallback
    day, month, year = m.group(1), (m.group(2) or "").lower(), int(m.group(3))
    mon = _MONTHS.get(month)
    try:
        if mon is None:
            return dt.date(year, 1, 1)
        return dt.date(year, mon, int(day) if day else 1)
    except ValueError:
        return fallback


def display_name(raw: str) -> str:
    parts = []
    for tok in raw.split():
        if _is_caps(tok):
            tok = "-".join(p[:1] + p[1:].lower() for p in tok.split("-"))
            tok = re.sub(r"(Mc|Mac|O')([a-z])", lambda m: m.group(1) + m.group(2).upper(), tok)
        parts.append(tok)
    return " ".join(parts)


def role_of(title: str, slot: str) -> tuple[str, str, str | None]:
    """(role label, sector, sector_2) for the title in front of a name."""
    t = title.strip().lower()
    if not t:
        t = slot
    if "defense" in t or "defence" in t:
        return t, "GOV", "MIL"
    if any(w in t for w in ("military", "field marshal", "general", "colonel", "commander", "brigadier")) and \
            "secretary general" not in t and "governor" not in t:
        return t, "GOV", "MIL"
    if any(w in t for w in ("archbishop", "pope", "bishop", "cardinal", "mufti")):
        return t, "GOV", "REL"
    return t, "GOV", None


def _is_caps(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def holders(text: str) -> list[tuple[str, str, str]]:
    """(title, raw name, since-text) found in an executive-branch paragraph.

    Each "(since DATE)" closes one holder: the words before it, back to the previous ";" or "(...)", are
    title words (President, Crown Prince, Supreme Leader ...) followed by the name, which must hold a word
    in capitals (the Factbook writes the surname so: "Yoweri Kaguta MUSEVENI", "XI Jinping").
    """
    text = clean(text)
    out = []
    for m in re.finditer(r"\(([^()]*?;\s*)?since\s+([^)]*)\)", text):
        before = text[:m.start()]
        seg = re.split(r"[;\n:]|\)|\.\s", before)[-1]
        if "represented by" in seg.lower():
            continue
        toks = [t.strip(",") for t in seg.split() if t.strip(",")]
        title: list[str] = []
        while toks and not _is_caps(toks[0]) and (toks[0] in _TITLE_WORDS or toks[0].islower()):
            title.append(toks.pop(0))
        if not toks or not any(_is_caps(t) for t in toks) or len(toks) > 8:
            continue
        out.append((" ".join(title), " ".join(toks), m.group(2)))
    return out


def represented_skip(text: str) -> bool:
    """A monarch or co-prince of another country, represented locally ("King CHARLES III ...;
    represented by Governor General ..."): the first holder is not this country's."""
    return "represented by" in clean(text).lower()


# ------------------------------------------------------------------ parties, legislatures, branches


_PARTY_ITEM = re.compile(r"^(?P<name>[^\[]+?)(?:\s*\[(?P<leaders>[^\]]*)\])?\s*(?:\(.*\))?$")


def split_top(text: str, seps: str) -> list[str]:
    out, depth, cur = [], 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in seps and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return [s.strip() for s in out if s.strip()]


def parse_parties(text: str) -> list[tuple[str, list[str], list[str]]]:
    """(name, acronyms/alternative names, leader raw names) per party line."""
    text = clean(text).replace(" ++ ", "\n")
    out = []
    for line in split_top(text, ";\n"):
        line = line.strip().strip(";").strip()
        if not line or line.lower().startswith(("note", "none", "other", "independent", "others")):
            continue
        leaders: list[str] = []
        m = re.search(r"\[([^\]]*)\]", line)
        if m:
            for part in re.split(r",| and |;", m.group(1)):
                part = re.sub(r"\(.*?\)", "", part).strip()
                if any(_is_caps(t) for t in part.split()):
                    leaders.append(part)
            line = (line[:m.start()] + line[m.end():]).strip()
        alts: list[str] = []
        for paren in re.findall(r"\(([^()]*)\)", line):
            p = paren.strip()
            if fold(p) in _place_names():
                continue
            if p and not re.search(r"\b(formerly|coalition|includes|composed|note|alliance of|an active|aka)\b", p, re.I) \
                    and len(p.split()) <= 6:
                alts.append(p)
        base = re.sub(r"\([^()]*\)", "", line).strip()
        names = [n.strip() for n in re.split(r"\s+or\s+", base) if n.strip()]
        if not names:
            continue
        name = names[0]
        alts.extend(names[1:])
        if len(name) < 3 or len(name.split()) > 12:
            continue
        out.append((name, alts, leaders))
    return out


def legislature_names(gov: dict) -> list[str]:
    names = []
    for key in ("Legislative branch", "Legislative branch - lower chamber", "Legislative branch - upper chamber"):
        node = gov.get(key) or {}
        for sub in ("legislature name", "chamber name"):
            t = clean(_text(node.get(sub)))
            if t:
                names.append(t)
    return names


def split_name_alts(item: str) -> tuple[str, list[str]]:
    """'German Bundestag (Deutscher Bundestag)' -> ('German Bundestag', ['Deutscher Bundestag'])."""
    alts = []
    for paren in re.findall(r"\(([^()]*)\)", item):
        for a in re.split(r",|;| or |\baka\b", paren):
            a = a.strip()
            if a and not re.search(r"\b(includes?|formerly|note|since|\d{4})\b", a, re.I) and len(a.split()) <= 6:
                alts.append(a)
    base = re.sub(r"\([^()]*\)", "", item)
    base = re.sub(r"\s+-\s+.*$", "", base).strip(" ,;:")
    for a in re.split(r"\s+or\s+|\s+aka\s+", base)[1:]:
        alts.append(a.strip())
    base = re.split(r"\s+or\s+|\s+aka\s+", base)[0].strip()
    return base, alts


def branch_names(mil: dict) -> list[str]:
    text = clean(_text(mil.get("Military and security forces")) or _text(mil.get("Military branches")))
    text = re.sub(r"\(\d{4}\)\s*$", "", text.strip())
    text = re.sub(r"\(\d{4}\)", "", text)
    items: list[str] = []
    for chunk in re.split(r"\n+", text):
        for part in split_top(chunk, ":;,"):
            part = re.sub(r"^(the|and|other security forces include|note)\s+", "", part.strip(), flags=re.I)
            if part:
                items.append(part)
    return items


def branch_sector(name: str) -> str | None:
    for pat, sector in _BRANCH_SECTORS:
        if pat.search(name):
            return sector
    return None


def distinctive(name: str, generic: frozenset[str], country_words: set[str]) -> bool:
    words = re.findall(r"[\w'\u2019-]+", fold(name))
    return any(w not in generic and w not in country_words for w in words)


# ------------------------------------------------------------------ the build


def build(repo: Path) -> tuple[list[Person], list[Org], str]:
    idx = country_index()
    snaps = snapshots(repo)
    head_sha = snaps[-1][0]
    people: dict[tuple[str, str], Person] = {}
    # slot -> person key currently holding it (per country), for successor-based end dates
    orgs: dict[tuple[str, str, str], Org] = {}
    population: dict[str, int] = {}
    last_snapshot = snaps[-1][1]
    seen_in: dict[tuple[str, str], list[dt.date]] = defaultdict(list)

    for sha, day in snaps:
        profiles = read_profiles(repo, sha)
        for gec, prof in sorted(profiles.items()):
            iso = iso3_of(prof, idx)
            if iso is None:
                continue
            gov = prof.get("Government") or {}
            ppl = prof.get("People and Society") or {}
            pop_txt = clean(_text(ppl.get("Population")))
            m = re.match(r"([\d,]+)", pop_txt)
            if m:
                population[iso] = int(m.group(1).replace(",", ""))
            exe = gov.get("Executive branch") or {}
            for slot in ("chief of state", "head of government"):
                raw = _text(exe.get(slot))
                if not raw:
                    continue
                for title, name, since in holders(raw):
                    role, sector, sector_2 = role_of(title, slot)
                    key = (fold(name), iso)
                    p = people.setdefault(key, Person(display_name(name), name, iso, gec))
                    start = parse_date(since, day)
                    _note_office(p, Office(role, sector, sector_2, start, None, day, day, f"{slot}:{role}"), day)
                    seen_in[key].append(day)
            parties_node = gov.get("Political parties and leaders") or gov.get("Political parties") or {}
            for pname, alts, leaders in parse_parties(_text(parties_node)):
                okey = ("party", fold(pname), iso)
                o = orgs.get(okey)
                if o is None:
                    o = orgs[okey] = Org("party", pname, set(), iso, "PTY", None, gec, day, day)
                o.aliases.update(alts)
                o.last_seen = max(o.last_seen, day)
                for lead in leaders:
                    lead = re.split(r"\s+-\s+", lead)[0].strip()
                    if not any(_is_caps(t) for t in lead.split()) or len(lead.split()) > 6:
                        continue
                    key = (fold(lead), iso)
                    p = people.setdefault(key, Person(display_name(lead), lead, iso, gec))
                    _note_office(p, Office(f"leader of {pname}", "PTY", None, day, None, day, day,
                                           f"party:{fold(pname)}"), day)
                    seen_in[key].append(day)
            for lname in legislature_names(gov):
                base, alts = split_name_alts(lname)
                if not base:
                    continue
                okey = ("legislature", fold(base), iso)
                o = orgs.get(okey)
                if o is None:
                    o = orgs[okey] = Org("legislature", base, set(), iso, "LEG", None, gec, day, day)
                o.aliases.update(alts)
                o.last_seen = max(o.last_seen, day)
            mil = prof.get("Military and Security") or {}
            for item in branch_names(mil):
                base, alts = split_name_alts(item)
                if not base or len(base.split()) > 9 or base[:1].islower():
                    continue
                sector = branch_sector(base)
                if sector is None:
                    continue
                okey = ("military", fold(base), iso)
                o = orgs.get(okey)
                if o is None:
                    o = orgs[okey] = Org("military" if sector in ("MIL", "GOV") else "security", base, set(), iso,
                                         sector, None, gec, day, day)
                o.aliases.update(a for a in alts if a != base)
                o.last_seen = max(o.last_seen, day)
        # Close offices not listed in this snapshot: end at the successor's start in the same slot.
        _close_absent(people, seen_in, day)

    # Open offices still listed in the last snapshot stay open; the rest end at their recorded end.
    plist = _dedupe_people(list(people.values()), population)
    for o in orgs.values():
        if o.last_seen == last_snapshot:
            o.last_seen = last_snapshot
    return plist, list(orgs.values()), head_sha


def _note_office(p: Person, office: Office, day: dt.date) -> None:
    for o in p.offices:
        if (o.slot == office.slot or (o.role == office.role and o.start == office.start)) and o.end is None:
            o.last_seen = day
            return
    p.offices.append(office)


def _close_absent(people: dict[tuple[str, str], Person], seen_in: dict, day: dt.date) -> None:
    # successor starts per (country, slot) in this snapshot
    starts: dict[tuple[str, str], dt.date] = {}
    for p in people.values():
        for o in p.offices:
            if o.end is None and o.last_seen == day:
                k = (p.country, o.slot)
                starts[k] = max(starts.get(k, o.start), o.start)
    for p in people.values():
        for o in p.offices:
            if o.end is None and o.last_seen < day:
                succ = starts.get((p.country, o.slot))
                end = succ if succ is not None and o.last_seen <= succ <= day else o.last_seen
                if o.slot.startswith("party:") or end < o.start:
                    end = o.last_seen
                o.end = max(end, o.start)


def _dedupe_people(people: list[Person], population: dict[str, int]) -> list[Person]:
    """A person listed for several countries (a monarch of several realms, the US president for its
    territories) is kept for the most populous one only."""
    # Within a country, "Justin TRUDEAU" (party leader) and "Justin Pierre James TRUDEAU" (prime
    # minister) are one person: same first given name and same capitalised surname.
    merged: dict[tuple[str, str, str], Person] = {}
    for p in sorted(people, key=lambda p: -len(p.raw)):
        toks = p.raw.split()
        caps = [t for t in toks if _is_caps(t)]
        k = (p.country, fold(toks[0]), fold(caps[0]) if caps else fold(toks[-1]))
        if k in merged:
            keep = merged[k]
            keep.offices.extend(p.offices)
            keep.aliases_extra.append(display_name(p.raw))
        else:
            merged[k] = p
    people = list(merged.values())
    by_name: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        by_name[fold(p.name)].append(p)
    out = []
    for group in by_name.values():
        group.sort(key=lambda p: -population.get(p.country, 0))
        out.append(group[0])
    return out


# ------------------------------------------------------------------ aliases and output


def person_aliases(p: Person) -> list[str]:
    toks = p.raw.split()
    caps = [t for t in toks if _is_caps(t)]
    disp = display_name(p.raw)
    out = [disp]
    given = [t for t in toks if not _is_caps(t)]
    if caps:
        sur = " ".join(display_name(t) for t in caps)
        if given and toks.index(caps[0]) > 0:
            out.append(f"{given[0]} {sur}")
            # "Ali Hoseini-KHAMENEI": also "Ali Khamenei"
            if "-" in caps[-1]:
                out.append(f"{given[0]} {display_name(caps[-1].split('-')[-1])}")
        # A surname alone names a head of state or government ("Steinmeier"), not a party leader
        # ("Burke" would swallow "Arleigh Burke-class"); and only where the surname follows given names
        # ("MOHAMMAD Sabah ..." writes a given name in capitals).
        if any(o.sector != "PTY" for o in p.offices) and toks.index(caps[0]) > 0:
            if len(sur) >= 4 and " " not in sur:
                out.append(sur)
            if "-" in sur and len(sur.split("-")[-1]) >= 5:
                out.append(sur.split("-")[-1])
    # Factbook transliterates umlauts (OEZDEMIR); news writes Özdemir, which normalises to "ozdemir".
    out += [x for x in p.aliases_extra if x not in out]
    extra = []
    for a in out if p.country in _UMLAUT_COUNTRIES else []:
        b = re.sub(r"(?<=[a-pr-z])(oe|ue|ae)", lambda m: m.group(1)[0], a)
        if b != a:
            extra.append(b)
    seen: list[str] = []
    for a in out + extra:
        if a not in seen:
            seen.append(a)
    return seen


def _cell(x: str) -> str:
    """One TSV cell: no tabs, newlines or stray brackets."""
    return re.sub(r"\s+", " ", x).strip()


def fmt_date(d: dt.date) -> str:
    return d.isoformat()


def write(people: list[Person], orgs: list[Org], head_sha: str, out_dir: Path, snap_dates: tuple[dt.date, dt.date]) -> None:
    first, last = snap_dates
    # Surname aliases shared by several people are dropped (they name nobody in particular).
    alias_count: dict[str, int] = defaultdict(int)
    for p in people:
        for a in person_aliases(p):
            alias_count[fold(a)] += 1
    rows = []
    for p in sorted(people, key=lambda p: (p.country, fold(p.name))):
        aliases = [a for a in person_aliases(p)[1:] if alias_count[fold(a)] == 1 and fold(a) != fold(p.name)]
        offices = []
        for o in sorted(p.offices, key=lambda o: o.start):
            end = "" if o.end is None and o.last_seen == last else fmt_date(max(o.end or o.last_seen, o.start))
            sec = o.sector + (f"/{o.sector_2}" if o.sector_2 else "")
            role = _cell(re.sub(r"\s*\(.*$", "", o.role).replace("@", " ").replace(";", ",")) or "office"
            offices.append(f"{sec}@{fmt_date(o.start)}..{end}@{role}")
        seen = f"{min(o.first_seen for o in p.offices)}..{max(o.last_seen for o in p.offices)}"
        if len(p.name.split()) < 2 or len(p.name) < 5:
            continue  # "DK": an acronym in the leaders' brackets, not a person
        aliases = list(dict.fromkeys(_cell(a) for a in aliases if "|" not in a))
        rows.append("\t".join([_cell(p.name), "|".join(aliases), p.country, ";".join(offices),
                                f"factbook:{p.gec}@{seen}"]))
    header = (
        "# Compiled by scripts/build_kb.py from the CIA World Factbook (public domain; factbook/factbook.json,\n"
        f"# snapshots {first}..{last}, head {head_sha[:12]}). Do not edit by hand: rebuild.\n"
        "# offices: SECTOR[/SECTOR2]@start..end@role (start = the Factbook's 'since' date, else first snapshot\n"
        "# listing it; end = successor's start or last snapshot listing it; empty = still listed).\n"
    )
    (out_dir / "compiled_people.tsv").write_text(
        header + "name\taliases\tcountry\toffices\tsource\n" + "\n".join(rows) + "\n", encoding="utf-8")

    # Organisations: drop names (and aliases) the Factbook gives for more than one country.
    name_countries: dict[str, set[str]] = defaultdict(set)
    for o in orgs:
        for a in [o.name, *o.aliases]:
            name_countries[fold(a)].add(o.country)
    country_words = _country_words()
    orows = []
    for o in sorted(orgs, key=lambda o: (o.country, o.kind, fold(o.name))):
        generic = _LEG_GENERIC if o.kind == "legislature" else _GENERIC_WORDS
        # A party acronym several countries use ("PRI": Mexico and the Dominican Republic) is kept for
        # each of them: the resolver reads it only with its country named, else by population.
        names = [a for a in [o.name, *sorted(o.aliases)]
                 if (len(name_countries[fold(a)]) == 1 or o.kind == "party" and a.isupper())
                 and _clean_name(a) and fold(a) not in _place_names()]
        keep = []
        for a in names:
            if a.isupper() or re.fullmatch(r"[A-Z][A-Za-z]{1,6}", a) and sum(c.isupper() for c in a) >= 2:
                if len(a) < _PARTY_MIN_ACRONYM or fold(a) in country_words:
                    continue
                keep.append("=" + a)  # acronyms match only as written
            elif distinctive(a, generic | {"party", "parties", "movement", "front", "union", "alliance", "for",
                                           "democratic", "social", "socialist", "liberal", "conservative",
                                           "progressive", "popular", "labor", "labour", "green", "greens",
                                           "new", "independent", "independence", "unity", "justice",
                                           "development", "freedom", "christian", "democrats", "in",
                                           "communist", "reform", "citizens", "national", "democracy",
                                           "left", "right", "center", "centre", "rally", "congress",
                                           "people", "workers", "solidarity", "renewal", "change",
                                           "revolutionary", "islamic", "republicans", "action"}
                             if o.kind == "party" else generic, country_words) or \
                    (o.kind != "party" and _names_country(a, country_words)):
                keep.append(a)
        if not keep:
            continue
        name = keep[0].lstrip("=")
        aliases = [a for a in keep[1:] if fold(a.lstrip("=")) != fold(name)]
        if keep[0].startswith("=") and len(keep) == 1 and not (
                o.kind in ("military", "security") and len(keep[0]) > _PARTY_MIN_ACRONYM
                and keep[0][1:].replace("-", "").isalpha() and keep[0][1:].isupper()):
            # An acronym alone, without its full name, is too thin for a party. A state force's own
            # acronym is kept when its full name is all generic words ("Federal Security Services
            # (FSB)" of Russia, "National Intelligence and Security Agency (NISA)"): the acronym is
            # the name the news uses, it names one country in the Factbook, and as a one-word name it
            # counts only with no context or a context naming that country (the resolver's rule). All
            # capitals only: "MoI", "AdT" are abbreviations of generic words, not names.
            continue
        seen = f"{o.first_seen}..{'' if o.last_seen == last else o.last_seen}"
        kind = {"legislature": "agency", "military": "agency", "security": "agency", "party": "party"}[o.kind]
        name = _cell(name)
        aliases = list(dict.fromkeys(c for c in (_cell(a).rstrip(" -") for a in aliases if "|" not in a)
                                     if c and c.lstrip("=") and fold(c.lstrip("=")) != fold(name)))
        orows.append("\t".join([kind, name, "|".join(aliases), o.country, o.sector, o.sector_2 or "", "", "",
                                f"factbook:{o.gec}:{o.kind}@{seen}"]))
    oheader = (
        "# Compiled by scripts/build_kb.py from the CIA World Factbook (public domain; factbook/factbook.json,\n"
        f"# snapshots {first}..{last}, head {head_sha[:12]}): political parties (PTY), legislatures and chambers\n"
        "# (LEG), military and security branches (MIL/COP/SPY by head noun). Names listed for several countries\n"
        "# are left out. Do not edit by hand: rebuild. source = factbook:<GEC>:<kind>@<first>..<last listed>.\n"
    )
    (out_dir / "compiled_orgs.tsv").write_text(
        oheader + "kind\tname\taliases\tcountry\tsector\tsector_2\taffiliation\twikidata\tsource\n"
        + "\n".join(orows) + "\n", encoding="utf-8")


_PLACES: set[str] = set()


def _place_names() -> set[str]:
    """Country and subdivision names: a parenthesis naming a place ("(Northern Ireland)") is no alias."""
    if not _PLACES:
        import pycountry

        for c in pycountry.countries:
            _PLACES.add(fold(c.name))
        for sub in pycountry.subdivisions:
            _PLACES.add(fold(sub.name))
    return _PLACES


def _clean_name(a: str) -> bool:
    """A usable organisation name: capitalised, no stray brackets or prose."""
    return bool(a) and a[:1].isupper() and not re.search(r"[()\[\];:]|\b(includes?|consists|personnel|"
                                                         r"formerly|known as|note)\b", a, re.I)


def _country_words() -> set[str]:
    import pycountry

    words: set[str] = set()
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", None)):
            if n:
                words.update(re.findall(r"[\w'-]+", fold(n)))
    return words


def _names_country(name: str, country_words: set[str]) -> bool:
    """'Royal Canadian Navy', 'Uganda People's Defense Force': a branch named with its country."""
    return any(w in country_words and len(w) > 3 for w in re.findall(r"[\w'-]+", fold(name)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--factbook", required=True, type=Path, help="git clone of factbook/factbook.json")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    people, orgs, head = build(args.factbook)
    snaps = snapshots(args.factbook)
    write(people, orgs, head, args.out, (snaps[0][1], snaps[-1][1]))
    print(f"{len(people)} people, {len(orgs)} organisations (before filtering) from {len(snaps)} snapshots",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
