#!/usr/bin/env python3
"""How the ``named-body`` rule (src/eventwire/actors/names.py) reads names nobody here read: the compiled
bodies' own names (Factbook parties, legislatures and forces; PETRARCH2's CAMEO bodies and START's armed
groups), each read as if the knowledge base did not know it. An ``armed_group`` reading is right when the
body is an armed group or coded REB; an ``igo`` reading when the body is intergovernmental (IGO/UNO/EUR).

    .venv/bin/python scripts/named_body_check.py [--wrong N]
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from eventwire.actors.names import composed_name
from eventwire.actors.normalise import tokens_cased

DATA = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "actors" / "data"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wrong", type=int, default=0, help="list this many wrong readings per kind")
    args = ap.parse_args()
    fired: collections.Counter[str] = collections.Counter()
    right: collections.Counter[str] = collections.Counter()
    positives: collections.Counter[str] = collections.Counter()
    wrong: dict[str, list[str]] = collections.defaultdict(list)
    for name in ("compiled_orgs.tsv", "compiled_cameo_orgs.tsv"):
        lines = [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
        header = lines[0].split("\t")
        for line in lines[1:]:
            row = dict(zip(header, line.split("\t"), strict=False))
            truth = {"armed_group": row["kind"] == "armed_group" or row["sector"].startswith("REB"),
                     "igo": row["country"] in ("IGO", "UNO", "EUR")}
            for kind, yes in truth.items():
                positives[kind] += yes
            found = composed_name(tokens_cased(row["name"]), set())
            if found is None:
                continue
            kind = found[0].kind
            fired[kind] += 1
            right[kind] += truth[kind]
            if not truth[kind]:
                wrong[kind].append(f"{row['kind']}\t{row['name']}\t{row['country']}\t{row['sector']}")
    for kind in sorted(fired):
        print(f"{kind}: read {fired[kind]}, right {right[kind]} (precision {right[kind] / fired[kind]:.3f}); "
              f"{right[kind]} of the {positives[kind]} such bodies")
        for w in wrong[kind][:args.wrong]:
            print("   ", w)


if __name__ == "__main__":
    main()
