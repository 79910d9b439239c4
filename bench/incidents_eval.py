#!/usr/bin/env python3
"""Incident linking across articles on the team's gold corpus, end to end and reproducible.

    .venv/bin/python bench/incidents_eval.py                 # dev split (the one thresholds were chosen on)
    .venv/bin/python bench/incidents_eval.py --split test    # test split: report it, never tune on it

Each split: every article ingested into one fresh SQLite store (--published/--source from the gold
metadata, text from its text_ref record), every event exported as JSONL, scored by
../shared/tools/score_incidents.py. Same as `eventwire eval incidents eval/corpus/SPLIT`.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventwire.evaluate.incidents import evaluate_incidents

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["dev", "test"], action="append")
    ap.add_argument("--events", type=Path, help="keep the exported events (JSONL) here")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    for split in a.split or ["dev"]:
        t0 = time.perf_counter()
        rep = evaluate_incidents(ROOT / "eval" / "corpus" / split, events_out=a.events)
        took = time.perf_counter() - t0
        if a.json:
            print(json.dumps({"split": split, **{k: v for k, v in rep.items() if k != "printed"}}, indent=1))
            continue
        print(f"== {split}: {rep['events']} events, {rep['incidents']} incidents stored ({took:.0f} s)")
        print(rep["printed"].rstrip())


if __name__ == "__main__":
    main()
