"""Does the coder find an event of the right PLOVER family in CASE 2021 snippets? (a recall check by type)

CASE 2021 Task 2 snippets (../shared/data/case2021_task2/dev.jsonl) are real news sentences labelled with
ACLED sub-event types. ACLED typing is trained on them, the trigger lexicon and model are not; so the share
of snippets of each family in which `eventwire.extract` finds an event of the matching PLOVER type measures
trigger recall on news the triggers were not written against. The dev file is split in two halves by
sha256("casehalf:" + id): rules may be written reading half A's misses; half B is only scored.

    python eval/tools/case_detection.py --half A --misses PEACE_PROTEST   # the half you look at
    python eval/tools/case_detection.py --half B                          # the half you only score
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

import eventwire
from eventwire.evaluate.snippets import half_of

# CASE label -> PLOVER types that count as finding it (the first is the family it is reported under).
FAMILY = {
    "PEACE_PROTEST": ("PROTEST",), "PROTEST_WITH_INTER": ("PROTEST",),
    "FORCE_AGAINST_PROTEST": ("PROTEST", "ASSAULT"), "VIOL_DEMONSTR": ("PROTEST", "ASSAULT"),
    "MOB_VIOL": ("ASSAULT", "PROTEST"), "AIR_STRIKE": ("ASSAULT",), "ARMED_CLASH": ("ASSAULT",),
    "ATTACK": ("ASSAULT",), "ART_MISS_ATTACK": ("ASSAULT",), "REM_EXPLOS": ("ASSAULT",), "SUIC_BOMB": ("ASSAULT",),
    "GRENADE": ("ASSAULT",), "SEX_VIOL": ("ASSAULT",), "CHEM_WEAP": ("ASSAULT",),
    "ABDUCT_DISSAP": ("ASSAULT", "COERCE"), "GOV_REGAINS_TERIT": ("ASSAULT", "RETREAT"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("ASSAULT", "RETREAT"), "PROPERTY_DISTRUCT": ("ASSAULT", "COERCE"),
    "ARREST": ("COERCE",), "AGREEMENT": ("AGREE",),
}
DEFAULT = Path(__file__).resolve().parents[3] / "shared" / "data" / "case2021_task2" / "dev.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--half", choices=["A", "B"], help="score one half only (default: both)")
    ap.add_argument("--misses", default="", help="comma-separated CASE labels whose misses to print (half A only)")
    ap.add_argument("--hits", default="", help="comma-separated non-coded CASE labels (NATURAL_DISASTER, ...) whose "
                    "snippets with an event to print (half A only)")
    args = ap.parse_args()
    recs = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.half:
        recs = [r for r in recs if half_of(str(r["id"])) == args.half]
    pipe = eventwire.Pipeline()
    arts = [eventwire.Article.from_text(r["text"]) for r in recs]
    found_types = [[e.plover_type for e in res.events] for res in pipe.process(arts)]
    found, total, fam_found, fam_total = Counter(), Counter(), Counter(), Counter()
    non_event, non_event_hit = Counter(), Counter()
    misses = defaultdict(list)
    hits = defaultdict(list)
    for r, got in zip(recs, found_types, strict=True):
        want = FAMILY.get(r["label"])
        if want is None:  # a kind ACLED does not code as a political-violence or protest event
            non_event[r["label"]] += 1
            non_event_hit[r["label"]] += bool(got)
            if got:
                hits[r["label"]].append((r["text"][:160], got))
            continue
        hit = any(t in want for t in got)
        total[r["label"]] += 1
        found[r["label"]] += hit
        fam_total[want[0]] += 1
        fam_found[want[0]] += hit
        if not hit:
            misses[r["label"]].append((r["text"][:160], got))
    for label in sorted(total):
        print(f"{label:32s} {found[label]:3d}/{total[label]:3d}")
    for fam in sorted(fam_total):
        print(f"family {fam:10s} {fam_found[fam]:3d}/{fam_total[fam]:3d} = {fam_found[fam] / fam_total[fam]:.2f}")
    print(f"snippets of non-coded kinds with an event: {sum(non_event_hit.values())}/{sum(non_event.values())}")
    # by kind: disasters and accidents are never events; diplomacy or crime may hold true verbal or criminal ones
    print("  " + ", ".join(f"{k} {non_event_hit[k]}/{non_event[k]}" for k in sorted(non_event)))
    if args.misses and args.half != "B":
        for label in args.misses.split(","):
            for text, got in misses[label]:
                print(f"MISS {label}: {text} -> {got}")
    if args.hits and args.half != "B":
        for label in args.hits.split(","):
            for text, got in hits[label]:
                print(f"HIT {label}: {text} -> {got}")


if __name__ == "__main__":
    main()
