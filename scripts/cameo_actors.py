"""Read the Phoenix (PETRARCH2) actor dictionaries into knowledge-base rows (used by build_agents.py).

An entry is a head line ("TONY_BLAIR_  # CountryInfo.txt"), optional alias lines ("+PRIME_MINISTER_TONY_
BLAIR") and CAMEO codes, inline or on their own tab-indented lines: ``[GBRGOV 970502-070627]`` (a dated
post), ``[GBRELI]`` (the code outside the dated posts), ``[IGOUNOHLHWHO]``. A code is a country (ISO
alpha-3) or IGO/NGO/MNC prefix followed by three-letter sector codes.

People: entries with at least one dated post. Each post that maps to a sector of ours (ELI periods are
left out: the resolver makes a past office holder ELI itself) becomes an office; a period the dictionary
leaves open (``>080508``) is closed at the dictionaries' vintage, 2015-12-31.
Organisations: entries with no dated post and one undated code that gives a country and a sector.
The non-state armed groups file (``Phoenix.MilNonState.actors.txt``, from the START TOPS list) adds rebel,
insurgent and militant groups: ``[NGAREB]`` (Boko Haram) gives the country; an ``IMG`` or region code
(``[IMGMUSALQ]``, ``[MEAREB]``) names none, and the group is REB with no country.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from pathlib import Path

from build_agents import CAMEO_TO_SECTOR, licence_header

VINTAGE = dt.date(2015, 12, 31)
_CODE = re.compile(r"\[([A-Z]{3,})(?:\s+([<>]?\d{6,8}(?:-\d{6,8})?))?\s*\]")
_ISO3: set[str] | None = None


def _iso3() -> set[str]:
    global _ISO3
    if _ISO3 is None:
        import pycountry

        _ISO3 = {c.alpha_3 for c in pycountry.countries}
    return _ISO3


def _day(text: str) -> dt.date | None:
    try:
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 6:
            yy = int(text[:2])
            return dt.date((2000 if yy <= 30 else 1900) + yy, int(text[2:4]), int(text[4:]))
    except ValueError:
        return None
    return None


def period(text: str) -> tuple[dt.date, dt.date] | None:
    """``970502-070627`` / ``>080508`` / ``<070627`` -> (start, end), open ends closed at the vintage."""
    if text.startswith(">"):
        start = _day(text[1:])
        return (start, VINTAGE) if start and start <= VINTAGE else None
    if text.startswith("<"):
        end = _day(text[1:])
        return (dt.date(1900, 1, 1), end) if end else None
    a, _, b = text.partition("-")
    start, end = _day(a), _day(b)
    if start is None or end is None or end < start:
        return None
    return start, end


# Named bodies: a health body is HLH (NGEC codes the WHO so), development and environment bodies get
# no sector (the curated IGO rows leave UNDP's empty); people keep build_agents' mapping (HLH -> MED).
_ORG_SECTOR = {**CAMEO_TO_SECTOR, "HLH": "HLH", "DEV": "", "ENV": ""}


def code_parts(code: str, *, org: bool = False) -> tuple[str | None, str | None, str | None, str | None]:
    """(country, sector, sector_2, kind) of a CAMEO actor code; None where it says nothing of ours."""
    table = _ORG_SECTOR if org else CAMEO_TO_SECTOR
    head, rest = code[:3], code[3:]
    chunks = [rest[i:i + 3] for i in range(0, len(rest) - 2, 3)]
    kind = "agency"
    if head == "IGO":
        kind = "igo"
        country = "UNO" if chunks[:1] == ["UNO"] else "EUR" if chunks[:1] == ["EUR"] else "IGO"
        if chunks[:1] in (["UNO"], ["EUR"]):
            chunks = chunks[1:]
    elif head == "NGO":
        kind, country = "ngo", None
        chunks = ["NGO", *chunks]
    elif head == "MNC":
        kind, country = "company", None
        chunks = ["BUS", *chunks]
    elif head in _iso3():
        country = head
    elif head == "IMG" or rest[:3] == "REB":
        # the non-state armed groups file: IMG (an international militarised group) or a region code
        # (MEA, SAS, INT...) names no country; the group is still a rebel actor wherever it fights
        return None, "REB", None, "armed_group"
    else:
        return None, None, None, None
    if country is None and chunks[1:2] and chunks[1] in _iso3():
        country = chunks[1]
    sectors = [table[c] for c in chunks if c in table]
    if sectors[:1] == [""]:
        sectors = []  # a development body: no sector, whatever follows
    sectors = [x for x in sectors if x]
    sector = sectors[0] if sectors else None
    sector_2 = next((s for s in sectors[1:] if s != sector), None)
    if kind == "agency" and sector == "REB":
        kind = "armed_group"  # "[NGAREB]": a rebel group of that country, not a state body
    return country, sector, sector_2, kind


def _words(raw: str) -> str:
    text = re.sub(r"\s+", " ", raw.replace("_", " ")).strip()
    # the dictionaries write names in capitals: "TONY BLAIR" -> "Tony Blair"; a short one-word name is
    # an acronym and stays one ("FDLR")
    if " " not in text and len(text) <= 6:
        return text
    # "THE_EUROPEAN_UNION_": the article is not part of the name (the resolver reads past it)
    text = re.sub(r"^(?i:the)\s+", "", text)
    return text.title().replace("'S ", "'s ")


def entries(text: str) -> list[tuple[str, list[str], list[tuple[str, str | None]]]]:
    """(name, aliases, [(code, period text)]) per dictionary entry."""
    out: list[tuple[str, list[str], list[tuple[str, str | None]]]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = [(m[1], m[2]) for m in _CODE.finditer(line)]
        words = _CODE.sub("", line).strip()
        if raw[:1] in ("\t", " ") and not words.startswith("+"):
            if out and codes:
                out[-1][2].extend(codes)
            continue
        if words.startswith("+"):
            if out:
                out[-1][1].append(_words(words[1:]))
                out[-1][2].extend(codes)
            continue
        if words:
            out.append((_words(words), [], codes))
    return out


def _cell(x: str) -> str:
    return x.replace("\t", " ").replace("|", "/").strip()


def write_actors(paths: list[Path], out_dir: Path) -> str:
    # one person a line: the dictionaries list some people in several files or entries ("BAN_KI_MOON" as
    # South Korea's foreign minister, "BAN_KI-MOON" as UN Secretary-General); their posts are merged
    persons: dict[str, tuple[str, list[str], list[str], Counter[str], str]] = {}
    orgs: list[str] = []
    digests = []
    for path in paths:
        data = path.read_bytes()
        digests.append(f"{path.name} sha1 {hashlib.sha1(data).hexdigest()}")
        source = f"petrarch2:{path.name}"
        for name, aliases, codes in entries(data.decode("utf-8", errors="replace")):
            if len(name) < 3:
                continue
            dated = [(c, p) for c, p in codes if p]
            if dated:
                offices = []
                countries: Counter[str] = Counter()
                for code, ptext in dated:
                    country, sector, sector_2, kind = code_parts(code)
                    if kind == "igo" and sector is None:
                        sector = "GOV"  # an IGO post with no sector code: its officials (UN Secretary-General)
                    span = period(ptext or "")
                    if country is None or sector is None or span is None or sector == "ELI":
                        continue
                    countries[country] += 1
                    s = sector + (f"/{sector_2}" if sector_2 else "")
                    offices.append(f"{s}@{span[0].isoformat()}..{span[1].isoformat()}@cameo:{code}"
                                   + (f"@{country}" if country in ("UNO", "EUR", "IGO") else ""))
                if not offices:
                    continue
                # a one-word alias of a person is a surname ("PUTIN"): written as names are
                forms = [a.title() if " " not in a and a.isupper() else a for a in aliases]
                pkey = re.sub(r"[^a-z]+", " ", name.lower()).strip()
                known = persons.setdefault(pkey, (_cell(name), [], [], Counter(), source))
                known[1].extend(_cell(a) for a in forms if _cell(a))
                known[2].extend(offices)
                known[3].update(countries)
                continue
            undated = {c for c, _ in codes}
            if len(undated) != 1:
                continue
            country, sector, sector_2, kind = code_parts(undated.pop(), org=True)
            if kind is None or country is None and kind not in ("ngo", "armed_group") or sector is None and kind != "igo":
                continue
            alias_cells = "|".join(dict.fromkeys(_cell(a) for a in aliases if _cell(a) and _cell(a) != name))
            orgs.append("\t".join([kind, _cell(name), alias_cells, country or "", sector or "",
                                   sector_2 or "", "", "", source]))
    people = []
    for name, aliases, offices, countries, source in persons.values():
        home = next((c for c, _ in countries.most_common() if c not in ("UNO", "EUR", "IGO")), "")
        alias_cells = "|".join(dict.fromkeys(a for a in aliases if a != name))
        people.append("\t".join([name, alias_cells, home, ";".join(sorted(set(offices))), source]))
    head = ("# COMPILED by scripts/build_agents.py from PETRARCH2 Phoenix actor dictionaries (Open Event Data "
            "Alliance, MIT licence): " + "; ".join(digests) + ". Do not edit: rebuild.")
    (out_dir / "compiled_cameo_people.tsv").write_text(
        "\n".join([head, *licence_header(), "name\taliases\tcountry\toffices\tsource", *sorted(set(people))]) + "\n",
        encoding="utf-8")
    (out_dir / "compiled_cameo_orgs.tsv").write_text(
        "\n".join([head, *licence_header(), "kind\tname\taliases\tcountry\tsector\tsector_2\taffiliation\twikidata\tsource",
                   *sorted(set(orgs))]) + "\n", encoding="utf-8")
    return f"{len(set(people))} people, {len(set(orgs))} organisations"
