#!/usr/bin/env python3
"""Compile national office holders (ministers, deputies, heads of state and government) from Wikidata.

Reads the ``html/holders21.csv`` file of every-politician-scrapers country repositories (one per
government: ``russia-cabinet``, ``us-cabinet``, ``kenya`` ...). Each file lists the 21st-century holders
of that government's cabinet-level positions as Wikidata records them (``position, person, personID,
start, end``), and the repository's ``meta.json`` names the jurisdiction. The data are Wikidata's
(CC0 1.0); the repositories hold only the query results.

Writes ``src/eventwire/actors/data/compiled_officeholders.tsv``: one person a line (grouped by Wikidata
id), with every office as ``SECTOR[/SECTOR2]@start..end@position`` (end left open when Wikidata gives
none: still in office when the repository was last updated; each repository's commit and date head
the file, and each row's ``source`` names the repositories it came from). The sector comes
from the position's title (``_POSITION_SECTORS``): defence posts GOV+MIL, intelligence chiefs SPY,
speakers and presidents of a chamber LEG, police chiefs COP, chiefs of staff and commanders MIL,
courts JUD, a title naming the country's legislature as the Factbook names it (the LEG rows of
``compiled_orgs.tsv``, "President of the Riigikogu") LEG, everything else in a cabinet list GOV.

Usage (the repositories are fetched at development time and are not part of this one)::

    python scripts/build_officeholders.py /path/to/every-politician-scrapers/* [--out FILE]

Each path is a git directory (bare or with a work tree): the files are read at its HEAD. The output is
deterministic for given repository commits (sorted rows, no timestamps).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "eventwire" / "actors" / "data" / "compiled_officeholders.tsv"

# Position title -> sector, first match wins. Ordered so that the more specific reading comes first:
# "Minister of Defence" is a government post over the military (GOV+MIL), "Chief of the General Staff"
# a military one, "Minister of Justice" a government one though "justice" also names courts.
_POSITION_SECTORS: list[tuple[re.Pattern[str], str, str | None]] = [
    (re.compile(r"\b(defen[cs]e|armed forces|war|military affairs|national security adviser)\b", re.I), "GOV", "MIL"),
    (re.compile(r"\b(intelligence|security service|state security|central intelligence|counterintelligence)\b", re.I), "SPY", None),
    (re.compile(r"\b(speaker|chairman of the (state duma|senate|national assembly|parliament|house)|"
                r"president of the (senate|national assembly|chamber|parliament|house|congress|legislative)|"
                r"parliament|legislative)\b", re.I), "LEG", None),
    (re.compile(r"\b(police|gendarmerie)\b", re.I), "COP", None),
    (re.compile(r"\b(chief of (the )?(general |defen[cs]e )?staff of the (army|armed|military|navy|air)|"
                r"chief of (the )?general staff|commander|army chief|chief of (the )?(army|navy|air force))\b",
                re.I), "MIL", None),
    (re.compile(r"\b(court|chief justice)\b", re.I), "JUD", None),
]

# Jurisdiction names pycountry does not resolve by itself.
_JURISDICTIONS = {
    "russia": "RUS", "kosovo": "XKX", "taiwan": "TWN", "iran": "IRN", "syria": "SYR", "south korea": "KOR",
    "north korea": "PRK", "vietnam": "VNM", "moldova": "MDA", "tanzania": "TZA", "bolivia": "BOL",
    "venezuela": "VEN", "laos": "LAO", "ivory coast": "CIV", "democratic republic of the congo": "COD",
    "republic of the congo": "COG", "turkey": "TUR", "czech republic": "CZE", "united states of america": "USA",
    "united kingdom": "GBR", "the philippines": "PHL", "philippines": "PHL", "east timor": "TLS",
    "the gambia": "GMB", "the bahamas": "BHS", "brunei": "BRN", "palestine": "PSE", "state of palestine": "PSE",
    "cape verde": "CPV", "eswatini": "SWZ", "north macedonia": "MKD", "micronesia": "FSM",
    "congo-brazzaville": "COG", "congo-kinshasa": "COD",
    "paraguary": "PRY",  # the paraguay-ministers repository spells its jurisdiction so (Wikidata Q733)
}


def country_code(name: str) -> str | None:
    import pycountry

    n = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    # "São Tomé and Príncipe": ISO's English short names are written without accents
    n = "".join(c for c in unicodedata.normalize("NFKD", n) if not unicodedata.combining(c))
    if n.lower() in _JURISDICTIONS:
        return _JURISDICTIONS[n.lower()]
    try:
        return pycountry.countries.lookup(n).alpha_3
    except LookupError:
        return None


def legislatures(orgs_file: Path) -> dict[str, list[re.Pattern[str]]]:
    """Names of each country's legislature and chambers as the Factbook gives them (the LEG rows that
    scripts/build_kb.py compiled): a position "President of the Riigikogu" is then a legislative one."""
    out: dict[str, list[re.Pattern[str]]] = defaultdict(list)
    if not orgs_file.is_file():
        return out
    for line in orgs_file.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 5 or cells[4] != "LEG" or not cells[3]:
            continue
        for name in [cells[1], *cells[2].split("|")]:
            name = re.sub(r"^(the|The)\s+", "", name.strip().lstrip("="))
            if len(name) >= 4:
                out[cells[3]].append(re.compile(rf"\b{re.escape(name)}\b", re.I))
    return out


def position_sector(title: str, chambers: list[re.Pattern[str]] = ()) -> tuple[str, str | None]:  # type: ignore[assignment]
    for pattern, sector, sector_2 in _POSITION_SECTORS:
        if pattern.search(title):
            return sector, sector_2
    if any(p.search(title) for p in chambers):
        return "LEG", None
    return "GOV", None


def _date(value: str) -> str | None:
    """Wikidata dates as the KB writes them (YYYY, YYYY-MM or YYYY-MM-DD); anything else is no date."""
    v = value.strip()
    return v if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v) else None


def name_variants(name: str) -> list[str]:
    """The label, and the label without middle initials ("David F. Helvey" -> "David Helvey")."""
    plain = re.sub(r"\s+", " ", re.sub(r"\b[A-Z]\.\s*(?=\S)", "", name)).strip()
    out = [name]
    if plain != name and " " in plain:
        out.append(plain)
    return out


def _read(repo: Path, path: str) -> str | None:
    if (repo / path).is_file():
        return (repo / path).read_text(encoding="utf-8")
    try:
        return subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{path}"], check=True, capture_output=True,
                              text=True).stdout
    except subprocess.CalledProcessError:
        return None


def _head(repo: Path) -> tuple[str, str]:
    out = subprocess.run(["git", "-C", str(repo), "log", "-1", "--format=%h %cs"], check=True, capture_output=True,
                         text=True).stdout.split()
    return out[0], out[1]


def _cell(x: str) -> str:
    return x.replace("\t", " ").replace("|", "/").replace(";", ",").replace("@", " at ").strip()


# Posts of intergovernmental bodies (the `world` repository, whose jurisdiction names no country): the
# office is held for the body's code, as people.tsv writes such posts (``@UNO``). A country's envoy to a
# body ("Permanent Representative to the United Nations") serves their own state, which that file does not
# say: left out.
_IGO_POSTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"permanent representative|ambassador", re.I), ""),
    (re.compile(r"united nations|international court of justice", re.I), "UNO"),
    (re.compile(r"european (union|commission|council|parliament)", re.I), "EUR"),
    (re.compile(r"world trade organization|\bOSCE\b|council of europe|arab parliament|\bNATO\b|"
                r"african union|international monetary fund|world bank", re.I), "IGO"),
]


def igo_code(title: str) -> str | None:
    """UNO / EUR / IGO for a post of an intergovernmental body, else None."""
    for pattern, code in _IGO_POSTS:
        if pattern.search(title):
            return code or None
    return None


def collect(repos: list[Path], orgs_file: Path = DEFAULT_OUT.parent / "compiled_orgs.tsv",
            ) -> tuple[dict[str, dict], list[str], list[str]]:
    chambers = legislatures(orgs_file)
    people: dict[str, dict] = {}
    heads: list[str] = []
    report: list[str] = []
    for repo in repos:
        meta_text, holders = _read(repo, "meta.json"), _read(repo, "html/holders21.csv")
        if not holders:
            report.append(f"{repo}: no html/holders21.csv, skipped")
            continue
        # the `world` repository (posts of intergovernmental bodies) has no meta.json: no jurisdiction
        jurisdiction = ((json.loads(meta_text).get("jurisdiction") or {}).get("name") or "") if meta_text else ""
        code = country_code(jurisdiction)
        igo_only = code is None
        if igo_only and not any(igo_code(r.get("position") or "") for r in csv.DictReader(io.StringIO(holders))):
            report.append(f"{repo}: jurisdiction {jurisdiction!r} names no country, skipped")
            continue
        name = repo.name if repo.name not in ("repo", ".git") else repo.parent.name
        name = name.split("+")[-1]
        commit, day = _head(repo)
        source = f"everypolitician:{name}"
        heads.append(f"{name}@{commit} ({day})")
        n = 0
        for row in csv.DictReader(io.StringIO(holders)):
            qid, person, title = (row.get("personID") or "").strip(), _cell(row.get("person") or ""), _cell(row.get("position") or "")
            start, end = _date(row.get("start") or ""), _date(row.get("end") or "")
            if not re.fullmatch(r"Q\d+", qid) or len(person) < 3 or not title or start is None or re.search(r"\d", person):
                continue
            if end is not None and end[:len(start)] < start[:len(end)]:
                continue  # an end before the start is an error in the record, not a period
            igo = igo_code(title) if igo_only else None
            if igo_only and igo is None:
                continue
            # a judge of the ICJ sits on a court; every other post of a body is its executive (GOV)
            sector, sector_2 = position_sector(title, chambers.get(code or "", [])) if not igo else (
                ("JUD", None) if re.search(r"court|judge", title, re.I) else
                ("LEG", None) if re.search(r"parliament|assembly", title, re.I) else ("GOV", None))
            s = sector + (f"/{sector_2}" if sector_2 else "")
            rec = people.setdefault(qid, {"name": person, "countries": Counter(), "offices": set(), "sources": set()})
            if code is not None:
                rec["countries"][code] += 1
            rec["offices"].add(f"{s}@{start}..{end or ''}@{title}" + (f"@{igo}" if igo else ""))
            rec["sources"].add(source)
            n += 1
        report.append(f"{name}: {code or 'intergovernmental posts'}, {n} offices")
    return people, report, heads


def write(people: dict[str, dict], out: Path, heads: list[str] = ()) -> int:  # type: ignore[assignment]
    lines = [
        "# COMPILED by scripts/build_officeholders.py from every-politician-scrapers country repositories",
        "# (html/holders21.csv: Wikidata's office holders of each government, CC0 1.0). Do not edit: rebuild.",
        "# An office with no end was still held when the repository was last updated (its commit and date):",
        *(f"#   {h}" for h in heads),
        "name\taliases\tcountry\toffices\twikidata\tsource",
    ]
    rows = []
    for qid, rec in people.items():
        variants = name_variants(rec["name"])
        # a person known only by posts of a body takes the body's code (people.tsv's convention for
        # officials whose own country the source does not give)
        country = (rec["countries"].most_common(1)[0][0] if rec["countries"]
                   else sorted(o.rsplit("@", 1)[1] for o in rec["offices"])[0])
        offices = ";".join(sorted(rec["offices"], key=lambda o: (o.split("@")[1], o)))
        rows.append("\t".join([rec["name"], "|".join(variants[1:]), country, offices, qid,
                               ",".join(sorted(rec["sources"]))]))
    lines += sorted(rows)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("repos", nargs="+", type=Path, help="every-politician-scrapers repositories (git directories)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    people, report, heads = collect(sorted(args.repos, key=str))
    for line in report:
        print(line, file=sys.stderr)
    print(f"{args.out}: {write(people, args.out, heads)} people", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
