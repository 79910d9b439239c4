"""Field accuracy on dev by group and by a fixed half: what a change to one field did, where it was not tuned.

    .venv/bin/eventwire eval articles eval/corpus/dev --json > /tmp/dev.json
    .venv/bin/python eval/tools/field_halves.py /tmp/dev.json [--field date --field claim_source]

Groups: all dev articles, the older 61, round 7's, 8's and 9's (eval/corpus/dev_round*.txt), and two
halves fixed by sha256('fieldhalf:' + file stem), chosen before any field error was read: rules for a field
may be written reading half A's misses (``eval/tools/fields.py ... --half A``); half B is only scored.
Prints right/scored per field, invented dates and death counts, and events recall / precision / F1.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from eventwire.evaluate.articles import FIELDS, aggregate
from eventwire.evaluate.gold import listed_stems

ROOT = Path(__file__).resolve().parents[2]


def half_of(stem: str) -> str:
    """'A' (read) or 'B' (only scored): a dev article's fixed half, by sha256('fieldhalf:' + stem)."""
    return "A" if int(hashlib.sha256(f"fieldhalf:{stem}".encode()).hexdigest(), 16) % 2 == 0 else "B"


def _stems(name: str) -> frozenset[str]:
    return listed_stems(ROOT / "eval" / "corpus" / name)


def _figures(per: dict[str, Any], names: list[str], fields: tuple[str, ...]) -> str:
    r = aggregate({n: per[n] for n in names}, [])
    parts = [f"{len(names):3d} articles  events {r['recall']:.3f}/{r['precision']:.3f}/{r['f1']:.3f}"]
    for f in fields:
        right, scored = r["field_counts"][f]
        parts.append(f"{f} {right}/{scored}" + (f" {right / scored:.2f}" if scored else ""))
    parts.append(f"invented date {r['invented']['date']} dead {r['invented']['dead']}")
    return "  ".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report", type=Path, help="the JSON of `eventwire eval articles eval/corpus/dev --json`")
    ap.add_argument("--field", action="append", choices=FIELDS, help="field(s) to show (default: date, claim_source)")
    a = ap.parse_args(argv)
    per: dict[str, Any] = json.loads(a.report.read_text(encoding="utf-8"))["per_article"]
    if any("test" in n for n in per):
        print("field_halves.py: dev reports only", file=sys.stderr)
        return 2
    fields = tuple(a.field or ("date", "claim_source"))
    r7, r8, r9 = _stems("dev_round7.txt"), _stems("dev_round8.txt"), _stems("dev_round9.txt")
    r11, untouched = _stems("dev_round11.txt"), _stems("dev_untouched.txt")
    r12, r13 = _stems("dev_round12.txt"), _stems("dev_round13.txt")
    r14 = _stems("dev_round14.txt")
    later = r11 | r12 | r13 | r14  # the rounds after the field halves were fixed

    def stem(n: str) -> str:
        return n.removesuffix(".gold.json")

    groups = {
        "all": list(per),
        "older61": [n for n in per if stem(n) not in r7 | r8 | r9 | later],
        "round7": [n for n in per if stem(n) in r7],
        "round8": [n for n in per if stem(n) in r8],
        "round9": [n for n in per if stem(n) in r9],
        "round11": [n for n in per if stem(n) in r11],
        # round 11's a19/a20 passages are untouched this round (dev_untouched.txt); a21/a22's are trainable
        "r11 U": [n for n in per if stem(n) in r11 & untouched],
        "r11 T": [n for n in per if stem(n) in r11 - untouched],
        "round12": [n for n in per if stem(n) in r12],
        # round 12's a23/a24 passages are untouched (dev_untouched.txt); a25/a26's are trainable
        "r12 U": [n for n in per if stem(n) in r12 & untouched],
        "r12 T": [n for n in per if stem(n) in r12 - untouched],
        "round13": [n for n in per if stem(n) in r13],
        # round 13's a27 passages are untouched (dev_untouched.txt); a28's are trainable
        "r13 U": [n for n in per if stem(n) in r13 & untouched],
        "r13 T": [n for n in per if stem(n) in r13 - untouched],
        # round 14's re3d releases (a37) are all untouched
        "round14": [n for n in per if stem(n) in r14],
        "to r8": [n for n in per if stem(n) not in r9 | later],
        "dev 324": [n for n in per if stem(n) not in later],
        "untouched": [n for n in per if stem(n) in untouched],
        # the field halves of the 324 articles before round 11 (round 11's passages are untouched this round)
        "half A": [n for n in per if half_of(stem(n)) == "A" and stem(n) not in later],
        "half B": [n for n in per if half_of(stem(n)) == "B" and stem(n) not in later],
        # round 9's half B is this round's untouched dev set (dev_untouched.txt): scored in aggregate only
        "LGL A": [n for n in per if stem(n) in r9 and half_of(stem(n)) == "A"],
        "LGL B": [n for n in per if stem(n) in r9 and half_of(stem(n)) == "B"],
    }
    for g, names in groups.items():
        print(f"{g:8} {_figures(per, names, fields)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
