"""Which hand rules reject lexicon words that are gold events: the coder's rejections tabulated by rule.

    .venv/bin/python eval/tools/rejections.py [--cache /tmp/eventwire-accept] [--rescue] [--list RULE]
    .venv/bin/python eval/tools/rejections.py --untouched     # the untouched dev articles, aggregate only

The coder (acceptance step off, events/rejections.py's explain hook on) codes the team corpus's trainable
dev articles (evaluate.gold.training_gold_files: never the untouched LGL half B, never the test split), each
with a trigger model that never saw its outlet group (train_accept's folds and cached fold models). Every
rejection of a hand-lexicon reading is then one of:
  missed  - it lies in the evidence of a required gold event of its type (or an alternative type) that the
            coder's output does not match: the rule turned down an event analysts code;
  covered - it lies in such a gold event that another event of the output matches;
  right   - no gold event of its type lies there (a no-event article's rejections are all here).
Printed by rule family (and with --detail by the rule's full text); --list RULE prints the missed ones of a
family with their sentence, for reading (half A of LGL and the other trainable articles only).
--rescue codes with events/rejections.RESCUE in force (its rescued candidates are counted too).
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from eventwire.evaluate.articles import match_events
from eventwire.events.rejections import family
from eventwire.events.train_accept import coding_plan, fold_articles
from eventwire.pipeline import Pipeline


def tabulate(cache: Path, rescue: bool, untouched: bool = False) -> list[dict[str, Any]]:
    """``untouched``: the untouched dev articles with the shipped trigger model (it never saw them)."""
    os.environ["EVENTWIRE_ACCEPT_THRESHOLD"] = "0"
    pipe = Pipeline()
    files, fold_of, models = coding_plan(pipe, cache, untouched)
    coder = pipe.coder
    if not rescue:
        coder.rescue = frozenset()
    rows = []
    for path, gold, art, doc in fold_articles(pipe, files, fold_of, models, cache):
        stem = path.name.removesuffix(".gold.json")
        coder.explain = []
        events = [e.to_dict() for e in coder.code(doc, art)]
        found = set(match_events(gold, events))
        seen: set[tuple[int, str]] = set()
        for r in coder.explain:
            if (r["start"], r["rule"]) in seen:
                continue  # the same word turned down twice by one rule (a coordinated verb re-read)
            seen.add((r["start"], r["rule"]))
            verdict, sentence = "right", ""
            for gi, ge in enumerate(gold.events):
                a, b = ge["_span"]
                if a <= r["start"] < b and r["type"] in {ge["plover"]["type"], *ge["plover"].get("alt_types", [])}:
                    if not ge["required"]:
                        verdict = "optional"
                        continue
                    verdict = "covered" if gi in found else "missed"
                    sentence = " ".join(art.text[a:b].split())[:220]
                    if verdict == "missed":
                        break
            rows.append({**r, "stem": stem, "verdict": verdict, "gold": sentence})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/eventwire-accept"))
    ap.add_argument("--rescue", action="store_true")
    ap.add_argument("--detail", action="store_true")
    ap.add_argument("--list")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--untouched", action="store_true",
                    help="the untouched dev articles (shipped models), in aggregate only: no --list, no --json")
    a = ap.parse_args()
    if a.untouched and (a.list or a.json):
        ap.error("--untouched tabulates in aggregate only: nobody reads those articles' events")
    a.cache.mkdir(parents=True, exist_ok=True)
    rows = tabulate(a.cache, a.rescue, a.untouched)
    if a.json:
        a.json.write_text(json.dumps(rows, indent=0))
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        table[r["rule"] if a.detail else family(r["rule"])][r["verdict"]] += 1
    print(f"{'rule':48} {'missed':>6} {'covered':>7} {'right':>6} {'optional':>8}  missed share")
    for rule, c in sorted(table.items(), key=lambda kv: -kv[1]["missed"]):
        n = c["missed"] + c["right"]
        print(f"{rule[:48]:48} {c['missed']:6d} {c['covered']:7d} {c['right']:6d} {c['optional']:8d}  "
              f"{c['missed'] / n if n else 0:.2f}")
    missed_gold = {(r["stem"], r["gold"]) for r in rows if r["verdict"] == "missed"}
    print(f"{len(rows)} rejections; {len(missed_gold)} distinct missed gold events have a rejected lexicon word")
    by_type = Counter(r["type"] for r in rows if r["verdict"] == "missed")
    print("missed by type:", json.dumps(dict(by_type.most_common())))
    by_tf = Counter(f"{r['type']}:{family(r['rule'])}:{r['verdict']}" for r in rows if r["verdict"] in {"missed", "right"})
    print("by type, family and verdict:", json.dumps(dict(by_tf.most_common(40))))
    if a.list:
        for r in rows:
            if r["verdict"] == "missed" and family(r["rule"]) == a.list:
                print(f"- {r['stem']} {r['type']} '{r['lemma']}' [{r['rule']}]: {r['gold']}")


if __name__ == "__main__":
    main()
