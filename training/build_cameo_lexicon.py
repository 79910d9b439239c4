#!/usr/bin/env python3
"""Compile the CAMEO verb dictionary of PETRARCH2 into a PLOVER trigger lexicon (a data file).

Sources (read at development time, never copied into the repository):
- PETRARCH2's CAMEO verb-pattern dictionary `petrarch2/data/dictionaries/CAMEO.2.0.txt`
  (github.com/openeventdata/petrarch2, MIT licence, (c) 2015 Open Event Data Alliance);
- the CAMEO -> PLOVER table `shared/reference/CAMEO2PLOVER-2021.txt` (openeventdata/PLOVER, CC BY-SA 4.0).

Output: `src/eventwire/events/data/cameo_lexicon.tsv`, one row per (word, object word, PLOVER type):
the verb (lower case, base form; multi-word verbs joined by spaces), the object or particle word the
pattern needs ('' for the verb's default code), the PLOVER type, mode, the CAMEO code and how many
dictionary patterns gave it. The trigger model (training/train_triggers.py) reads it as features.

Usage: python training/build_cameo_lexicon.py PATH/TO/CAMEO.2.0.txt ../shared/reference/CAMEO2PLOVER-2021.txt
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from eventwire.taxonomy.cameo import read_cameo2plover as plover_table

OUT = Path(__file__).resolve().parents[1] / "src/eventwire/events/data/cameo_lexicon.tsv"
CODE = re.compile(r"\[(\d{2,4})(?::\d+)?\]")


def to_plover(code: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    for k in (code, code[:3], code[:2]):
        if k in table:
            return table[k]
    return None


def words(form: str) -> str:
    return form.strip("+").replace("_", " ").strip().lower()


def main(cameo: str, table_path: str) -> None:
    table = plover_table(Path(table_path))
    rows: Counter[tuple[str, str, str, str, str]] = Counter()
    block_verbs: list[str] = []
    block_code: str | None = None
    in_verbs = False
    for raw in Path(cameo).read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        if not in_verbs or not line.strip():
            continue
        if line.startswith("---"):
            m = CODE.search(line)
            block_code = m.group(1) if m else None
            block_verbs = []
            continue
        if line.startswith("-"):
            m = CODE.search(line)
            if not m:
                continue
            # "- * AID [070]": the verb with this object (or particle) word is that code
            pat = CODE.sub("", line[1:]).replace("*", " ")
            obj = [w for w in re.findall(r"[A-Z][A-Z_]+", pat) if not w.startswith("&")]
            mapped = to_plover(m.group(1), table)
            if mapped and obj:
                for v in block_verbs:
                    rows[(v, words(obj[0]).split(" ")[0], mapped[0], mapped[1], m.group(1))] += 1
            continue
        # a verb or a synonym line: "MURDER [190]" or "HANG {HANGS HANGING ...}" or "+WIPE_OUT"
        head = re.sub(r"\{[^}]*\}", "", line)
        m = CODE.search(head)
        form = CODE.sub("", head).strip()
        if not form or form.startswith("&"):
            continue
        verb = words(form.split()[0])
        block_verbs.append(verb)
        code = m.group(1) if m else block_code
        mapped = to_plover(code, table) if code else None
        if mapped:
            rows[(verb, "", mapped[0], mapped[1], code)] += 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# Compiled by training/build_cameo_lexicon.py from PETRARCH2 CAMEO.2.0.txt (MIT, (c) 2015 Open Event\n")
        fh.write("# Data Alliance) and CAMEO2PLOVER-2021 (CC BY-SA 4.0). Do not edit by hand.\n")
        fh.write("verb\tobject\tplover_type\tmode\tcameo\tpatterns\n")
        for (v, o, t, mode, code), n in sorted(rows.items()):
            fh.write(f"{v}\t{o}\t{t}\t{mode}\t{code}\t{n}\n")
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
