#!/usr/bin/env python3
"""Place resolution on two halves of each dev set: a WORK half whose misses may be read while changing
the resolver, and an UNTOUCHED half whose misses nobody reads (only its totals are printed).

Each round fixes its own split before it looks at any error, independent of the dev / held-out split of
the data sets (sha1 of the id) and of the folds of ``scripts/cv_eval.py`` (sha1 of the id modulo 5):

    work half  <=>  sha256((SALT + id).encode("utf-8")).hexdigest()[0] in "01234567"

Round 5 used SALT "places-r5:". Round 6 uses "places-r6:" (the default): round 5's untouched half had
its totals printed after every change, so a fresh cut keeps round 6's untouched figure honest. Earlier
rounds read misses on all of dev (rounds 1-4) or on their own work half (round 5), so a round's untouched
half says what that round's rules do on documents that did not prompt them, not what earlier rounds do on
unseen data. ``--salt places-r5:`` reproduces round 5's halves.

    .venv/bin/python scripts/places_halves.py [--gwn FILE] [--lgl FILE] [--write-work DIR] [--disable RULE]
        [--salt places-r6:]

``--write-work DIR`` writes DIR/gwn_work.jsonl and DIR/lgl_work.jsonl, the only files to hand to
``bench/places_errors.py`` while working.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
SALT = "places-r6:"


def is_work(record_id: str, salt: str = SALT) -> bool:
    return hashlib.sha256((salt + record_id).encode("utf-8")).hexdigest()[0] in "01234567"


def _read_lines(path: Path) -> list[str]:
    # split on "\n" only: LGL holds a U+0085 inside a record, which str.splitlines() would break on
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def halves(path: Path, salt: str = SALT) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"work": [], "untouched": []}
    for line in _read_lines(path):
        out["work" if is_work(str(json.loads(line)["id"]), salt) else "untouched"].append(line)
    return out


def main(argv: list[str] | None = None) -> int:
    from eventwire.evaluate.places import evaluate_places

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gwn", type=Path, default=SHARED / "gwn" / "dev.jsonl")
    ap.add_argument("--lgl", type=Path, default=SHARED / "lgl" / "dev.jsonl")
    ap.add_argument("--write-work", type=Path, default=None, help="folder for the work halves")
    ap.add_argument("--disable", action="append", default=[], help="a rule of resolver.DISABLED_RULES to switch off")
    ap.add_argument("--enable", action="append", default=[], help="a rule of resolver.DISABLED_RULES to switch on")
    ap.add_argument("--salt", default=SALT, help="the round's split (places-r5: for round 5's halves)")
    args = ap.parse_args(argv)
    import eventwire.places.resolver as res

    res.DISABLED_RULES.update(args.disable)
    res.DISABLED_RULES.difference_update(args.enable)
    report: dict[str, Any] = {}
    keep = ("articles", "n", "acc161", "n_unresolved", "n_demonyms", "acc161_all", "acc161_below_country")
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in (("gwn", args.gwn), ("lgl", args.lgl)):
            parts = halves(path, args.salt)
            for half, lines in parts.items():
                part = Path(tmp) / f"{name}_{half}.jsonl"
                part.write_text("\n".join(lines) + "\n", encoding="utf-8")
                figures = evaluate_places(part)
                report[f"{name}_{half}"] = {k: figures[k] for k in keep}
                if half == "work" and args.write_work:
                    args.write_work.mkdir(parents=True, exist_ok=True)
                    (args.write_work / part.name).write_text(part.read_text(encoding="utf-8"), encoding="utf-8")
            whole = evaluate_places(path)
            report[f"{name}_dev"] = {k: whole[k] for k in keep}
    json.dump(report, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
