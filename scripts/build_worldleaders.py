#!/usr/bin/env python3
"""Compile cabinet members of every government from the CIA's "World Leaders" directory.

The CIA publishes "Chiefs of State and Cabinet Members of Foreign Governments" (a US government work,
public domain): for each country its head of state and government, every cabinet minister, the central
bank governor and the ambassadors to the US and the UN. The ``WilliamRADFunk/cia-world-leaders``
repository holds one scrape of it (``dist/json/json.zip``, last changed 2019-06-04) as JSON-LD; only its
data (names, titles, countries) is read here, none of its code. Issue 11: ministers of the states that
the Wikidata office-holder repositories do not cover (Germany, ...) and people they miss.

Writes ``src/eventwire/actors/data/compiled_worldleaders.tsv`` in the form of
``compiled_officeholders.tsv``: one person a line, each post as ``SECTOR[/SECTOR2]@start..end@title``.
A scrape is one day's list, not a period: every post is dated to the month of the scrape (the person
held it then; before and after is unknown, so the resolver reads them as a former holder later and as
a known person with no post earlier, and never invents a later term). The sector comes from the title
as for the Wikidata office holders (``build_officeholders.position_sector``).

Names: the directory writes surnames in capitals ("Heiko MAAS", "Jose Luis ABALOS Meco", "CHANG
Jing-sen"); the name is written with the capitals folded ("Heiko Maas") and, when words follow the
surname, the name up to the surname is an alias ("Jose Luis Abalos"). No surname alone: a minister is
found by the full name, or by a title and surname (``titled-surname`` in docs/actors.md).

    python scripts/build_worldleaders.py /work/.mirror/WilliamRADFunk+cia-world-leaders/repo [--out FILE]

The path is a git directory (bare or with a work tree); the file is read at its HEAD. Deterministic.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_officeholders import country_code, legislatures, position_sector  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "eventwire" / "actors" / "data" / "compiled_worldleaders.tsv"
ZIP_PATH = "dist/json/json.zip"

_W = "http://williamrobertfunk.com/ontologies/world-leaders#"
_C = "http://williamrobertfunk.com/ontologies/country#hasCountry"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_NAME = "http://xmlns.com/foaf/0.1/name"

# The directory's country names that pycountry (and build_officeholders' table) do not read.
_COUNTRIES = {
    "bahamas, the": "BHS", "gambia, the": "GMB", "korea, north": "PRK", "korea, south": "KOR",
    "congo, democratic republic of the": "COD", "congo, republic of the": "COG", "burma": "MMR",
    "cote d'ivoire": "CIV", "micronesia, federated states of": "FSM", "macedonia": "MKD", "swaziland": "SWZ",
    "holy see (vatican city)": "VAT", "vatican city": "VAT", "timor-leste": "TLS", "cabo verde": "CPV",
}
# Honorifics the directory sometimes writes before a name: not part of it.
_PREFIXES = frozenset(["dr.", "dr", "gen.", "lt.", "maj.", "brig.", "col.", "adm.", "prof.", "sir", "dame",
                       "sheikh", "shaikh", "lt", "gen", "maj", "col", "adm", "prof"])


def _country(label: str) -> str | None:
    low = label.strip().lower()
    return _COUNTRIES.get(low) or country_code(label)


def _fold(word: str) -> str:
    """A word written in capitals as a name is written ("MAAS" -> "Maas", "ABDEL-AATI" -> "Abdel-Aati",
    "al-HALIMI" -> "al-Halimi"); other words unchanged."""
    if not re.search(r"[A-Z]{2}", word):
        return word
    return re.sub(r"[A-Za-z\u00c0-\u024f]+", lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower()
                  if m.group(0).isupper() else m.group(0), word)


def names(raw: str) -> list[str]:
    """The name with capitals folded, then (when words follow the capitalised surname) the name up to
    the surname: "Jose Luis ABALOS Meco" -> ["Jose Luis Abalos Meco", "Jose Luis Abalos"]."""
    # a nickname in quotes or brackets ('Abas Abdullahi Sheikh "Siraji"') is not part of the name
    plain = re.sub(r'"[^"]*"|\([^)]*\)', " ", raw.replace("\t", " "))
    words = [w for w in plain.split() if w]
    while words and words[0].lower() in _PREFIXES:
        words = words[1:]
    if len(words) < 2 or re.search(r"\d", raw):
        return []
    out = [" ".join(_fold(w) for w in words)]
    caps = [i for i, w in enumerate(words) if re.search(r"[A-Z]{2}", w)]
    if caps and 0 < caps[-1] < len(words) - 1:
        short = " ".join(_fold(w) for w in words[:caps[-1] + 1])
        if " " in short:
            out.append(short)
    # the Arabic article is often left out in English reports ("Ayman al-SAFADI" is "Ayman Safadi")
    for name in list(out):
        bare = re.sub(r"\b(?:al|el)-(?=\w)", "", name)
        if bare != name and " " in bare and bare not in out:
            out.append(bare)
    return out


def _cell(x: str) -> str:
    return x.replace("\t", " ").replace("|", "/").replace(";", ",").replace("@", " at ").strip()


def _read_zip(repo: Path) -> tuple[bytes, str, str]:
    data = subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{ZIP_PATH}"], check=True, capture_output=True).stdout
    out = subprocess.run(["git", "-C", str(repo), "log", "-1", "--format=%h %cs", "HEAD", "--", ZIP_PATH],
                         check=True, capture_output=True, text=True).stdout.split()
    return data, out[0], out[1]


def collect(repo: Path, orgs_file: Path = DEFAULT_OUT.parent / "compiled_orgs.tsv",
            ) -> tuple[dict[str, dict], str, list[str]]:
    blob, commit, day = _read_zip(repo)
    month = day[:7]
    zf = zipfile.ZipFile(io.BytesIO(blob))
    persons = json.loads(zf.read("dist/json/persons.json"))
    offices = json.loads(zf.read("dist/json/government-offices.json"))
    chambers = legislatures(orgs_file)
    people: dict[str, dict] = {}
    report: Counter[str] = Counter()
    for person in persons.values():
        found = names(person.get("datatypeProperties", {}).get(_NAME) or "")
        if not found:
            report["no usable name"] += 1
            continue
        for link in person.get("objectProperties", []):
            ref = link.get(_W + "appointedGovernmentOffice")
            office = offices.get(ref["@id"]) if ref else None
            if office is None:
                continue
            title = _cell(office.get("datatypeProperties", {}).get(_W + "title") or "")
            countries = [x[_C][_LABEL] for x in office.get("objectProperties", []) if _C in x]
            code = _country(countries[0]) if countries else None
            if not title or code is None:
                report[f"no country: {countries[:1]}"] += 1
                continue
            sector, sector_2 = position_sector(title, chambers.get(code, []))
            s = sector + (f"/{sector_2}" if sector_2 else "")
            rec = people.setdefault(f"{code}\t{found[0]}", {"names": found, "country": code, "offices": set()})
            rec["offices"].add(f"{s}@{month}..{month}@{title}")
            report["posts"] += 1
    notes = [f"{k}: {v}" for k, v in sorted(report.items())]
    return people, f"WilliamRADFunk/cia-world-leaders@{commit} ({day})", notes


def write(people: dict[str, dict], out: Path, head: str) -> int:
    lines = [
        "# COMPILED by scripts/build_worldleaders.py from the CIA's World Leaders directory (Chiefs of State and",
        "# Cabinet Members of Foreign Governments; US government work, public domain), as scraped in",
        f"# {head}. Do not edit: rebuild. Each post is dated to the month of the scrape only.",
        "name\taliases\tcountry\toffices\twikidata\tsource",
    ]
    rows = []
    for rec in people.values():
        offices = ";".join(sorted(rec["offices"]))
        rows.append("\t".join([rec["names"][0], "|".join(rec["names"][1:]), rec["country"], offices, "",
                               "cia-world-leaders"]))
    lines += sorted(rows)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("repo", type=Path, help="the cia-world-leaders repository (a git directory)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    people, head, notes = collect(args.repo)
    for line in notes:
        print(line, file=sys.stderr)
    print(f"{args.out}: {write(people, args.out, head)} people", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
