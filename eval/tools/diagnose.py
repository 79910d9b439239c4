"""Where the coder goes wrong on a split you may look at: recall by PLOVER type, missed events, false positives.

    .venv/bin/python eval/tools/diagnose.py eval/corpus/dev [--misses] [--fps] [--type PROTEST]

It refuses the test split: that split is only scored (`eventwire eval articles eval/corpus/test`).
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

from eventwire.evaluate.articles import score_article
from eventwire.evaluate.gold import gold_files, load_gold, untouched_stems
from eventwire.pipeline import Pipeline


def _snip(text: str, a: int, b: int, pad: int = 0) -> str:
    return " ".join(text[max(0, a - pad) : b + pad].split())[:220]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--misses", action="store_true", help="list every missed required event")
    ap.add_argument("--fps", action="store_true", help="list every false positive")
    ap.add_argument("--type", help="only this PLOVER type in the lists")
    a = ap.parse_args(argv)
    if any("test" in p.parts for p in a.paths):
        print("diagnose.py: the test split is only scored, never diagnosed", file=sys.stderr)
        return 2
    pipe = Pipeline()
    found: collections.Counter[str] = collections.Counter()
    need: collections.Counter[str] = collections.Counter()
    sys_by_type: collections.Counter[str] = collections.Counter()
    fp_by_type: collections.Counter[str] = collections.Counter()
    skipped = 0
    for path in gold_files(tuple(a.paths)):
        if path.name.removesuffix(".gold.json") in untouched_stems(path.parent):
            skipped += 1  # dev_untouched.txt: scored in aggregate only (field_halves.py), never listed
            continue
        gold = load_gold(path)
        events = [e.to_dict() for e in pipe.extract_article(gold.article(check_language=False))]
        r = score_article(gold, events)
        missed = set(r["missed"])
        gspans = [(g["_span"], g) for g in gold.events]
        for g in gold.events:
            if not g["required"]:
                continue
            t = g["plover"]["type"]
            need[t] += 1
            if g["id"] not in missed:
                found[t] += 1
            elif a.misses and (not a.type or a.type == t):
                s, e = g["_span"]
                near = [
                    f"{ev['plover_type']}:{_snip(gold.text, ev['evidence']['start'], ev['evidence']['end'])[:60]}"
                    for ev in events
                    if ev.get("evidence") and ev["evidence"]["start"] < e and ev["evidence"]["end"] > s
                ]
                print(f"MISS {t:10} {path.name} {g['id']}: {_snip(gold.text, s, e)}")
                if near:
                    print(f"     overlapping system events: {near}")
        for ev in events:
            t = ev["plover_type"]
            sys_by_type[t] += 1
            evd = ev.get("evidence") or {}
            s, e = evd.get("start"), evd.get("end")
            hit = [
                g for (gs, ge), g in gspans
                if s is not None and gs < e and ge > s
                and t in {g["plover"]["type"], *g["plover"].get("alt_types", [])}
            ]
            if not hit:
                fp_by_type[t] += 1
                if a.fps and (not a.type or a.type == t) and s is not None:
                    other = [g["plover"]["type"] for (gs, ge), g in gspans if gs < e and ge > s]
                    print(f"FP   {t:10} {path.name}: {_snip(gold.text, s, e)}  gold here: {other or '-'}")
    print(f"{'type':12}{'found/required':>16}{'system':>8}{'false+':>8}")
    for t in sorted(set(need) | set(sys_by_type), key=lambda t: -need[t]):
        print(f"{t:12}{found[t]:>8}/{need[t]:<7}{sys_by_type[t]:>8}{fp_by_type[t]:>8}")
    if skipped:
        print(f"({skipped} untouched dev articles not listed: eval/corpus/dev_untouched.txt)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
