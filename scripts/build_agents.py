#!/usr/bin/env python3
"""Compile the head-noun lexicon of the actor knowledge base from the CAMEO/PLOVER agents dictionary.

Reads PETRARCH2's ``Phoenix.agents.txt`` (Open Event Data Alliance, MIT licence): ~2,300 agent nouns
and noun phrases, each with its CAMEO agent code ("SOLDIER [~MIL]", "CENTRAL_BANK [~GOVBUS]",
"FOREIGN_!MINIST! [~GOV]"), and writes ``src/eventwire/actors/data/compiled_agents.tsv``: one role
noun a line with its aliases (the phrase, its plural forms, the substitution sets expanded) and the
sector and secondary sector mapped from CAMEO to the codes this project uses (PLOVER plus NGEC's NGO
and HLH). The knowledge base loads them as role nouns under every curated one (a curated role noun
keeps its sector), so a mention whose head noun no curated file names still gets a sector
("Ukrainian agricultural workers" AGR, "Norway's central bank" GOV+BUS).

With ``--actors`` it also reads the Phoenix actor dictionaries (same repository and licence) and writes
``compiled_cameo_people.tsv`` (people with dated CAMEO codes, ``[GBRGOV 970502-070627]``: heads of state
and government, ministers and IGO officials up to the dictionaries' vintage, about 2015) and
``compiled_cameo_orgs.tsv`` (named bodies with one undated code: IGOs, NGOs, companies, state bodies,
and the non-state armed groups of ``Phoenix.MilNonState.actors.txt``).
The knowledge base loads them after the Factbook files and only under spellings nothing else holds; a
person the curated or Factbook files know under any alias is left to them (their periods are newer).
Periods left open in the dictionary are closed at its vintage: an office held in 2015 says nothing of
2022.

Usage (the dictionaries are fetched at development time, never committed)::

    git clone https://github.com/openeventdata/petrarch2 /tmp/petrarch2
    D=/tmp/petrarch2/petrarch2/data/dictionaries
    python scripts/build_agents.py --agents $D/Phoenix.agents.txt \
        --actors $D/Phoenix.Countries.actors.txt $D/Phoenix.International.actors.txt \
        $D/Phoenix.MilNonState.actors.txt

The output is deterministic for a given input (sorted rows, no timestamps).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # cameo_actors.py beside this script
DEFAULT_OUT = ROOT / "src" / "eventwire" / "actors" / "data" / "compiled_agents.tsv"

# CAMEO agent codes -> this project's sectors. CAMEO's MED is the media (our JRN); its HLH, health
# workers, is what the curated role table calls MED (doctors, nurses); the religions are REL; human
# rights, development and environmental groups are NGOs. Codes with no sector of ours (RAD, MOD, PPL,
# IGO) give nothing, so a row whose primary code maps to nothing is left out.
CAMEO_TO_SECTOR: dict[str, str] = {
    "GOV": "GOV", "MIL": "MIL", "REB": "REB", "CRM": "CRM", "OPP": "OPP", "BUS": "BUS", "CVL": "CVL",
    "JUD": "JUD", "COP": "COP", "MED": "JRN", "LEG": "LEG", "HLH": "MED", "EDU": "EDU", "UAF": "UAF",
    "SPY": "SPY", "AGR": "AGR", "REL": "REL", "MUS": "REL", "CHR": "REL", "JEW": "REL", "HIN": "REL",
    "BUD": "REL", "CTH": "REL", "PRO": "REL", "ORT": "REL", "SHI": "REL", "SUN": "REL", "LAB": "LAB",
    "REF": "REF", "PTY": "PTY", "ELI": "ELI", "NGO": "NGO", "HRI": "NGO", "DEV": "NGO", "ENV": "NGO",
}

# Phrases too general to be a head noun on their own in this project (they would code any mention
# holding them): kept out whatever code CAMEO gives them.
# A spokesman takes the sector of whom they speak for (the curated role table flags them so), which
# CAMEO codes as media.
_TOO_GENERAL = frozenset(["man", "men", "woman", "women", "person", "people", "state", "member", "members",
                          "group", "groups", "leader", "leaders", "head", "official", "officials", "chief",
                          "spokesman", "spokesmen", "spokeswoman", "spokeswomen", "spokesperson",
                          "spokespersons", "spokespeople",
                          # CAMEO's film and stage actors (ELI); in this domain "actors" are the parties
                          "actor", "actors"])
# PETRARCH patterns end on a preposition ("AMBASSADOR_TO {}") to bind what follows; here the
# resolver cuts the phrase at prepositions itself, so such forms are left out.
_FUNCTION_WORDS = frozenset(["to", "of", "at", "for", "in", "on", "with", "from", "by", "the", "and", "a", "an"])
# PLOVER's PRM (paramilitaries, militias) has no CAMEO code: CAMEO files them under MIL or UAF.
_PRM = re.compile(r"paramilitar|militia")

# The dictionaries' licence: MIT requires its notice in copies of substantial portions, so every
# compiled file carries it in its header.
MIT_NOTICE = """The MIT License (MIT)
Copyright (c) 2014 Open Event Data Alliance
Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:
The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.
THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
USE OR OTHER DEALINGS IN THE SOFTWARE."""


def licence_header() -> list[str]:
    return [f"# {line}" for line in MIT_NOTICE.splitlines()]


_LINE = re.compile(r"^(?P<phrase>[^{\[#]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")
_SUBST = re.compile(r"^!(?P<name>\w+)!\s*=\s*(?P<values>.+)$")


def plural(word: str) -> str:
    """The regular English plural PETRARCH generates for a dictionary noun."""
    if word.endswith("man"):
        return word[:-3] + "men"  # "militiaman" -> "militiamen" (the dictionary lists few of these)
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def sectors(code: str) -> tuple[str | None, str | None]:
    """``~GOVBUS`` -> (GOV, BUS); the first three letters decide, the next three are the second sector."""
    c = code.strip().lstrip("~").upper()
    if not re.fullmatch(r"[A-Z]{3,}", c):
        return None, None
    first = CAMEO_TO_SECTOR.get(c[:3])
    second = CAMEO_TO_SECTOR.get(c[3:6]) if len(c) >= 6 else None
    return first, (second if second != first else None)


def _words(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.replace("_", " ")).strip().lower()


def parse(text: str) -> list[tuple[list[str], str, str | None]]:
    """(aliases, sector, sector_2) per dictionary line that has a code of ours."""
    subst: dict[str, list[str]] = {}
    rows: list[tuple[list[str], str, str | None]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = _SUBST.match(line)
        if m:
            subst[m["name"]] = [v.strip().lower() for v in m["values"].split(",") if v.strip()]
            continue
        m = _LINE.match(line)
        if not m:
            continue
        sector, sector_2 = sectors(m["code"])
        if sector is None:
            continue
        phrase = m["phrase"].strip()
        forms = [phrase]
        for name, values in subst.items():
            if f"!{name}!" in phrase:
                # "FOREIGN_!MINIST!": every member of the set; "CATTLE!PERSON!": joined ("cattleman")
                forms = [f.replace(f"!{name}!", v.upper()) for f in forms for v in values]
        if any("!" in f for f in forms):
            continue
        aliases = [_words(f) for f in forms]
        if m["plural"] is not None:
            aliases += [_words(p) for p in m["plural"].split() if p.strip()]
        elif "!" not in phrase and not re.search(r"([^s]s|men|ren|ple|ae|ia|\.)$", aliases[0]):
            # PETRARCH forms regular plurals itself, so the dictionary lists only irregular ones.
            aliases += [" ".join([*a.split(" ")[:-1], plural(a.split(" ")[-1])]) for a in aliases[:1]]
        aliases = [a for a in dict.fromkeys(aliases) if a and a not in _TOO_GENERAL and len(a) >= 3
                   and a.split(" ")[0] not in _FUNCTION_WORDS and a.split(" ")[-1] not in _FUNCTION_WORDS]
        if aliases:
            if _PRM.search(aliases[0]) and sector in ("MIL", "UAF"):
                sector, sector_2 = "PRM", None
            rows.append((aliases, sector, sector_2))
    return rows


def write(rows: list[tuple[list[str], str, str | None]], out: Path, digest: str) -> int:
    merged: dict[str, tuple[str, str | None]] = {}
    for aliases, sector, sector_2 in rows:
        for a in aliases:
            # the first line naming a phrase decides it (the dictionary lists a few phrases twice)
            merged.setdefault(a, (sector, sector_2))
    by_code: dict[tuple[str, str | None], list[str]] = {}
    for a, code in merged.items():
        by_code.setdefault(code, []).append(a)
    lines = [
        "# COMPILED by scripts/build_agents.py from PETRARCH2 Phoenix.agents.txt (Open Event Data Alliance, MIT",
        f"# licence; sha1 {digest}). Do not edit: rebuild. CAMEO agent codes mapped to PLOVER sectors.",
        *licence_header(),
        "aliases\tsector\tsector_2\tsource",
    ]
    for (sector, sector_2), aliases in sorted(by_code.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        for a in sorted(aliases):
            lines.append(f"{a}\t{sector}\t{sector_2 or ''}\tpetrarch2:Phoenix.agents.txt")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(merged)


def main(argv: list[str] | None = None) -> int:
    from cameo_actors import write_actors

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--agents", required=True, type=Path, help="PETRARCH2 Phoenix.agents.txt")
    ap.add_argument("--actors", type=Path, nargs="*", default=[], help="Phoenix.*.actors.txt files")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    data = args.agents.read_bytes()
    n = write(parse(data.decode("utf-8", errors="replace")), args.out, hashlib.sha1(data).hexdigest())
    print(f"{args.out}: {n} role nouns", file=sys.stderr)
    if args.actors:
        print(write_actors(args.actors, args.out.parent), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
