"""Same-incident links within articles, both ways: of the pairs of found events that the gold puts in one
incident, how many share an incident id (what the scorer's `incident` field counts), and of the pairs the gold
keeps apart, how many are wrongly linked (which the scorer does not count: linking everything would score 1.0).

    .venv/bin/python eval/tools/incident_pairs.py eval/corpus/dev [--list]
    .venv/bin/python eval/tools/incident_pairs.py eval/corpus/test          # totals only

Gold incidents are the transitive closure of `same_incident_as`; only pairs of matched events count.
`--list` prints every missed and every false link; it refuses the test split.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventwire.evaluate.articles import match_events
from eventwire.evaluate.gold import gold_files, load_gold
from eventwire.events.train_incidents import gold_groups as _groups
from eventwire.pipeline import Pipeline


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--list", action="store_true", help="print every missed and false link")
    a = ap.parse_args(argv)
    if a.list and any("test" in p.parts for p in a.paths):
        print("incident_pairs.py: the test split is only scored; --list is for splits you may read", file=sys.stderr)
        return 2
    pipe = Pipeline()
    linked = gold_pairs = false_links = apart_pairs = 0
    for path in gold_files(tuple(a.paths)):
        gold = load_gold(path)
        events = [e.to_dict() for e in pipe.extract_article(gold.article(check_language=False))]
        group = _groups(gold.events)
        items = sorted(match_events(gold, events).items())
        for x in range(len(items)):
            for y in range(x + 1, len(items)):
                (gi, si), (gj, sj) = items[x], items[y]
                ge, gf = gold.events[gi], gold.events[gj]
                same_gold = group[ge["id"]] == group[gf["id"]]
                same_sys = events[si].get("incident_id") == events[sj].get("incident_id")
                if same_gold:
                    gold_pairs += 1
                    linked += same_sys
                else:
                    apart_pairs += 1
                    false_links += same_sys
                if a.list and same_gold != same_sys:
                    kind = "MISSED" if same_gold else "FALSE "
                    print(f"{kind} {path.name} {ge['id']}~{gf['id']}: {ge['evidence'][:70]!r} | {gf['evidence'][:70]!r}")
    print(f"gold-linked pairs linked: {linked}/{gold_pairs} = {linked / max(gold_pairs, 1):.3f}; "
          f"pairs the gold keeps apart linked: {false_links}/{apart_pairs} = {false_links / max(apart_pairs, 1):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
