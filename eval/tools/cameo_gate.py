"""Precision of the CAMEO-compiled verb triggers, by PLOVER type: the evidence for which types the coder reads.

    .venv/bin/python eval/tools/cameo_gate.py [--dev eval/corpus/dev] [--wikievents ../shared/data/wikievents/dev.jsonl]

Runs the pipeline with every type of data/cameo_verb_triggers.tsv switched on (EVENTWIRE_CAMEO_TYPES, set
here before eventwire is imported) over the team dev split and WikiEvents dev, and counts, for the events
whose trigger came from the CAMEO dictionary (rules type "cameo:..."), how many are right: on the dev split
an event is right when its evidence overlaps a gold event of its type (as diagnose.py counts false
positives); on WikiEvents when a gold trigger of its mapped type lies inside its evidence (as `eval
mentions` matches). WikiEvents only marks some PLOVER types (its plover_mapping.tsv): other types get no
figure there. It refuses the test split.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
from pathlib import Path

ALL_TYPES = ("THREATEN,REJECT,REQUEST,SANCTION,MOBILIZE,COERCE,AGREE,CONSULT,COOPERATE,AID,CONCEDE,RETREAT,SUPPORT,"
             "ACCUSE")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=Path("eval/corpus/dev"))
    ap.add_argument("--wikievents", type=Path, default=Path("../shared/data/wikievents/dev.jsonl"))
    ap.add_argument("--types", default=ALL_TYPES, help="comma-separated PLOVER types to switch on")
    ap.add_argument("--examples", type=int, default=0, help="print up to N wrong dev/WikiEvents triggers per type")
    a = ap.parse_args(argv)
    if "test" in a.dev.parts:
        print("cameo_gate.py: the test split is only scored, never diagnosed", file=sys.stderr)
        return 2
    os.environ["EVENTWIRE_CAMEO_TYPES"] = a.types

    from eventwire.evaluate.gold import gold_files, load_gold
    from eventwire.evaluate.mentions import default_mapping, load_mapping, read_records
    from eventwire.pipeline import Pipeline
    from eventwire.sources import article_from_text

    pipe = Pipeline()
    tally: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    wrong: dict[str, list[str]] = collections.defaultdict(list)

    def note(where: str, ev: dict, right: bool, text: str) -> None:
        rule = (ev.get("explain") or {}).get("type", "")
        if not rule.startswith("cameo:"):
            return
        # object patterns and default readings are told apart: they are kept or left out separately
        t = ev["plover_type"] + (" +object" if rule.endswith("+object") else " default")
        tally[t][f"{where}_events"] += 1
        tally[t][f"{where}_right"] += right
        if not right and len(wrong[t]) < a.examples * 2:
            e = ev["evidence"]
            wrong[t].append(f"  {where} {rule}: {' '.join(text[e['start']:e['end']].split())[:140]}")

    for path in gold_files((a.dev,)):
        gold = load_gold(path)
        for ev in (e.to_dict() for e in pipe.extract_article(gold.article(check_language=False))):
            e = ev.get("evidence") or {}
            s, end = e.get("start"), e.get("end")
            right = s is not None and any(
                gs < end and ge > s and ev["plover_type"] in {g["plover"]["type"], *g["plover"].get("alt_types", [])}
                for g in gold.events for gs, ge in [g["_span"]])
            note("dev", ev, right, gold.text)
    if a.wikievents.is_file():
        mapping = load_mapping(default_mapping(a.wikievents))
        mapped = set(mapping.values())
        records = list(read_records(a.wikievents))
        arts = {}
        for r in records:
            art = article_from_text(r["text"], f"{a.wikievents}#{r['id']}", check_language=False)
            arts[str(art.origin)] = (art, r)
        for result in pipe.process([x[0] for x in arts.values()]):
            r = arts[str(result.article.origin)][1]
            golds = [(g["trigger"]["start"], g["trigger"]["end"], mapping.get(g["type"].lower())) for g in r["events"]]
            for ev in (e.to_dict() for e in result.events):
                if ev["plover_type"] not in mapped:
                    continue
                e = ev.get("evidence") or {}
                right = any(t == ev["plover_type"] and e["start"] <= gs and ge <= e["end"] for gs, ge, t in golds)
                note("wikievents", ev, right, r["text"])
    print(f"{'type, entry':20}{'dev right/events':>18}{'WikiEvents right/events':>26}")
    for t in sorted(tally):
        c = tally[t]
        wk = f"{c['wikievents_right']}/{c['wikievents_events']}" if c["wikievents_events"] else "-"
        print(f"{t:20}{c['dev_right']:>9}/{c['dev_events']:<8}{wk:>26}")
        if a.examples:
            print("\n".join(wrong[t][: a.examples * 2]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
