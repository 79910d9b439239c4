#!/usr/bin/env python3
"""Compile the CAMEO verb dictionary of PETRARCH2 into verb triggers of the coder (a data file).

Sources (read at development time from a local snapshot, never copied into the repository):
- PETRARCH2's CAMEO verb-pattern dictionary `petrarch2/data/dictionaries/CAMEO.2.0.txt`
  (github.com/openeventdata/petrarch2 at 676801cd9cb2, MIT licence, (c) 2015 Open Event Data Alliance);
- the CAMEO -> PLOVER table `shared/reference/CAMEO2PLOVER-2021.txt` (openeventdata/PLOVER, CC BY-SA 4.0).

Output: `src/eventwire/events/data/cameo_verb_triggers.tsv`, one row per (verb, PLOVER type, mode,
preposition, object words): what the dictionary says a verb reports
- by default (the code of its verb block or its own line: "DETAIN [173]" -> COERCE arrest), and
- with a pattern after the verb: an object noun ("- * SANCTIONS [163]": "imposed sanctions"), a
  synonym set ("- * &WEAPON"), or a prepositional phrase ("- * (TO BORDER) [154]").
Patterns with words before the verb (subject patterns) are left out: the coder reads the subject as
the actor, not as a condition. A pattern that starts with a bare particle ("- * OFF EXPLOSIVE" of SET,
"- * UP BARRICADE" of PUT) is the phrasal verb with its object ("set off explosives"); a pattern whose
object is followed by a prepositional phrase ("- * GROUNDWORK (FOR ASSAULT) [154]" of LAY) holds only
with that phrase, a condition the compiled row cannot carry, so it is left out ("laid the groundwork for
the talks" is no mobilisation).
Two readings differ from the CAMEO -> PLOVER table where the team's data and the PLOVER manual code them
otherwise (scripts/data/cameo_coder_overrides.tsv: CAMEO 163 sanctions and embargoes as SANCTION). A
code's object nouns are the class its CAMEO description names ("163: Impose embargo, boycott, or
sanctions"): a pattern written with one of them ("- * SANCTIONS [085]" of LIFT) holds with the others
("lifted the embargo"), as every other pattern of that code in the dictionary uses them. Codes the table does not map (CAMEO 01 statements) give no row; CAMEO
02 "appeal" is PLOVER REQUEST (the PLOVER manual merges CAMEO 02 and 10 into REQUEST), so 02x
codes take their mode from the 10x code of the same request ("021 appeal for material cooperation"
-> "101" assist).

Which of these rows the coder uses is decided in events/lexicon.py (types gated by measured precision).

Usage:
  git --git-dir=/work/.mirror/openeventdata+petrarch2/repo/.git show HEAD:petrarch2/data/dictionaries/CAMEO.2.0.txt > /tmp/CAMEO.2.0.txt
  python scripts/build_cameo_triggers.py /tmp/CAMEO.2.0.txt ../shared/reference/CAMEO2PLOVER-2021.txt [OUT]
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

from eventwire.taxonomy.cameo import read_cameo2plover as plover_table

OUT = Path(__file__).resolve().parents[1] / "src/eventwire/events/data/cameo_verb_triggers.tsv"
OVERRIDES = Path(__file__).resolve().parent / "data" / "cameo_coder_overrides.tsv"
CODE = re.compile(r"\[([0-9-]{2,4})(?::[0-9-]+)?\]")
PREPOSITIONS = frozenset({"to", "on", "for", "with", "against", "from", "into", "in", "of", "at", "by", "over",
                          "about", "off", "out", "up", "down", "back", "away", "through", "under", "upon", "between"})


def to_plover(code: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    if not code or not code[0].isdigit():
        return None  # "[---]": the pattern codes nothing
    if code.startswith("02"):
        # CAMEO 02 "appeal for X" is PLOVER REQUEST, with the mode of CAMEO 10 "demand X"
        request = to_plover("10" + code[2:], table)
        return ("REQUEST", request[1] if request else "")
    for k in (code, code[:3], code[:2]):
        if k in table:
            return table[k]
    return None


def read_overrides(path: Path = OVERRIDES) -> dict[str, tuple[str, str]]:
    """CAMEO codes the coder reads otherwise than the CAMEO -> PLOVER table (see the file's comments)."""
    rows = (line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#"))
    return {r[0]: (r[1], r[2]) for r in rows if r[0] != "cameo"}


def read_descriptions(table_path: Path) -> dict[str, set[str]]:
    """The words of each code's description in the table ("163: ... # Impose embargo, boycott, or
    sanctions" -> {'impose', 'embargo', 'boycott', 'or', 'sanction'}), as the coder's lemmas."""
    out: dict[str, set[str]] = {}
    for line in table_path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):[^#]*#(.*)$", line)
        if m:
            out[m.group(1)] = {singular(w) for w in re.findall(r"[a-z]+", m.group(2).lower())}
    return out


def widen_by_description(rows: dict[tuple[str, str, str, str, str], set[str]],
                         descriptions: dict[str, set[str]]) -> None:
    """A code's object class: the nouns its description names that some pattern of the code uses as its
    object ("163: Impose embargo, boycott, or sanctions"; patterns of 163 are written with EMBARGO for
    some verbs, SANCTIONS for others). A pattern with one of them holds with any of them."""
    used: dict[str, set[str]] = defaultdict(set)
    for key, objs in rows.items():
        used[key[4]] |= objs
    for key, objs in rows.items():
        cls = used[key[4]] & descriptions.get(key[4], set())
        if len(cls) > 1 and objs & cls:
            objs |= cls


def singular(word: str) -> str:
    """The dictionary writes nouns as they appear ("SANCTIONS"); the coder compares lemmas."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """'&WEAPON' followed by '+GUN', '+MISSILE', ...: the words a synonym set stands for."""
    sets: dict[str, list[str]] = {}
    name: str | None = None
    for raw in lines:
        if "VERB PATTERNS" in raw:
            break
        line = raw.split("#", 1)[0].strip()
        if line.startswith("&"):
            name = line.split()[0].rstrip("_")
            sets[name] = []
        elif line.startswith("+") and name:
            sets[name].append(line[1:].split("{")[0].strip().strip("_").replace("_", " ").lower())
        elif not line:
            continue
    return sets


def head_words(element: str, synsets: dict[str, list[str]]) -> set[str]:
    """The head noun(s) of a pattern element: the last word of a phrase, every member of a set."""
    words = element.strip("{}()").split()
    if not words:
        return set()
    last = words[-1].strip("$%^,")
    if last.startswith("&"):
        members = synsets.get(last.rstrip("_"), [])
        return {singular(m.split()[-1]) for m in members if m}
    last = last.strip("_").replace("_", " ").lower()
    return {singular(last.split()[-1])} if last and last.replace(" ", "").isalpha() else set()


def parse_pattern(body: str, synsets: dict[str, list[str]]) -> tuple[str, set[str]] | None:
    """'* (TO BORDER)' -> ('to', {'border'}); '* {ARMS SHIPMENT}' -> ('', {'shipment'}); None when the
    pattern has words before the verb or nothing after it."""
    pre, star, post = body.partition("*")
    if not star or pre.strip():
        return None
    elements = re.findall(r"\([^)]*\)|\{[^}]*\}|[^\s]+", post.strip())
    elements = [e for e in elements if e not in {"$", "%", "^"}]
    if not elements:
        return None
    first = elements[0]
    if len(elements) > 1 and elements[1].startswith("("):
        return None  # "GROUNDWORK (FOR ASSAULT)": a condition on the object's phrase the row cannot carry
    if first.lower() in PREPOSITIONS and len(elements) > 1:
        # "OFF EXPLOSIVE": the verb's particle, then its object ("set off explosives")
        words = head_words(elements[1], synsets)
        return (first.lower(), words) if words else None
    if first.startswith("("):
        inner = first.strip("()").split()
        if not inner:
            return None
        prep = inner[0].lower()
        if prep not in PREPOSITIONS:
            return None
        rest = " ".join(inner[1:])
        return prep, head_words(rest, synsets) if rest else set()
    words = head_words(first, synsets)
    return ("", words) if words else None


def verb_form(line: str) -> tuple[str, str] | None:
    """A verb line -> (lemma, particle): 'DETAIN [173]' -> ('detain', ''); '+WIPE_OUT' -> ('wipe', 'out').
    Multi-word verbs other than verb + particle ('+ARREST_AND') are left out."""
    head = re.sub(r"\{[^}]*\}", "", line)
    form = CODE.sub("", head).split()
    if not form:
        return None
    words = form[0].strip("+").strip("_").lower().split("_")
    if not all(w.isalpha() for w in words):
        return None
    if len(words) == 1:
        return words[0], ""
    if len(words) == 2 and words[1] in PREPOSITIONS:
        return words[0], words[1]
    return None


def main(cameo: str, table_path: str, out: Path = OUT) -> None:
    # the coder's reading of a code: the table, but for the codes the team's data code otherwise
    table = {**plover_table(Path(table_path)), **read_overrides()}
    lines = Path(cameo).read_text(encoding="latin-1").splitlines()
    synsets = read_synsets(lines)
    # (verb, type, mode, particle, cameo code) -> object words; empty set = no object needed
    rows: dict[tuple[str, str, str, str, str], set[str]] = {}
    defaults: dict[tuple[str, str, str, str, str], None] = {}
    block: list[tuple[str, str]] = []
    block_code = ""
    in_verbs = False
    for raw in lines:
        if "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        line = raw.split("#", 1)[0].rstrip()
        if not in_verbs or not line.strip():
            continue
        if line.startswith("---"):
            m = CODE.search(line)
            block_code = m.group(1) if m else ""
            block = []
            continue
        if line.startswith("-"):
            m = CODE.search(line)
            mapped = to_plover(m.group(1), table) if m else None
            pat = parse_pattern(CODE.sub("", line[1:]), synsets) if mapped else None
            if mapped is None or pat is None:
                continue
            prep, objs = pat
            # a pattern belongs to the verb(s) its comment names ("# RUSH"), not to every synonym of the block:
            # "- * &WEAPON [0356]" was written for STOP, and "arrest weapons" is not a de-escalation
            named = {w.lower() for w in re.findall(r"[A-Z]+", raw.split("#", 1)[1])} if "#" in raw else set()
            owners = [vp for vp in block if vp[0] in named] or block
            for verb, particle in owners:
                if particle and prep:
                    continue  # '+BOOT_OUT' with '(OF ...)': two particles, not a pattern the coder reads
                key = (verb, mapped[0], mapped[1], particle or prep, m.group(1))
                rows.setdefault(key, set()).update(objs)
                if not objs:
                    defaults[key] = None
            continue
        vf = verb_form(line)
        if vf is None:
            continue
        block.append(vf)
        m = CODE.search(re.sub(r"\{[^}]*\}", "", line))
        code = m.group(1) if m else block_code
        mapped = to_plover(code, table)
        if mapped:
            key = (vf[0], mapped[0], mapped[1], vf[1], code)
            rows.setdefault(key, set())
            defaults[key] = None
    widen_by_description(rows, read_descriptions(Path(table_path)))
    # a default (no object) row makes object rows of the same reading redundant
    merged: dict[tuple[str, str, str, str], tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for (verb, typ, mode, particle, code), objs in rows.items():
        k = (verb, typ, mode, particle)
        codes, words = merged[k]
        codes.add(code)
        if (verb, typ, mode, particle, code) in defaults:
            words.add("")
        words.update(objs)
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# Compiled by scripts/build_cameo_triggers.py from PETRARCH2 CAMEO.2.0.txt (github.com/openeventdata/\n")
        fh.write("# petrarch2 676801cd9cb2, MIT, (c) 2015 Open Event Data Alliance) and CAMEO2PLOVER-2021 (openeventdata/\n")
        fh.write("# PLOVER, CC BY-SA 4.0). Do not edit by hand. objects: the object nouns the verb needs (lemmas, '|'-\n")
        fh.write("# separated; empty = the verb's default reading); particle: the particle or preposition it needs.\n")
        fh.write("lemma\tplover_type\tmode\tparticle\tobjects\tcameo\n")
        for (verb, typ, mode, particle), (codes, words) in sorted(merged.items()):
            if "" in words:
                fh.write(f"{verb}\t{typ}\t{mode}\t{particle}\t\t{'|'.join(sorted(codes))}\n")
                n += 1
                continue
            fh.write(f"{verb}\t{typ}\t{mode}\t{particle}\t{'|'.join(sorted(words))}\t{'|'.join(sorted(codes))}\n")
            n += 1
    print(f"{n} rows -> {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *(Path(a) for a in sys.argv[3:4]))
