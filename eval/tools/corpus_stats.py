#!/usr/bin/env python3
"""Counts that describe the team corpus (eval/corpus/README.md): articles, events by type, countries, years."""

from __future__ import annotations

import collections
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "corpus"


def main() -> None:
    for split in ("dev", "test"):
        files = sorted((ROOT / split).glob("*.gold.json"))
        req: collections.Counter[str] = collections.Counter()
        opt: collections.Counter[str] = collections.Counter()
        countries: set[str] = set()
        years: set[str] = set()
        outlets: set[str] = set()
        empty = 0
        datasets: collections.Counter[str] = collections.Counter()
        for f in files:
            g = json.loads(f.read_text(encoding="utf-8"))
            datasets[f.name.split("-")[0]] += 1
            if g["article"].get("source"):
                outlets.add(g["article"]["source"])
            if not any(e["required"] for e in g["events"]):
                empty += 1
            for e in g["events"]:
                (req if e["required"] else opt)[e["plover"]["type"]] += 1
                if e["required"]:
                    if (e.get("location") or {}).get("country"):
                        countries.add(e["location"]["country"])
                    if (e.get("date") or {}).get("start"):
                        years.add(e["date"]["start"][:4])
        inc = json.loads((ROOT / split / "incidents.json").read_text(encoding="utf-8"))
        print(f"## {split}: {len(files)} articles ({dict(datasets)}), {len(outlets)} named outlets, "
              f"{empty} with no required event, {sum(req.values())} required + {sum(opt.values())} optional events, "
              f"{len(inc)} cross-article incidents")
        print(f"required events in {len(countries)} countries: {' '.join(sorted(countries))}")
        print(f"years of dated required events: {' '.join(sorted(years))}")
        print("| PLOVER type | required | optional |\n| --- | --- | --- |")
        for t, _n in (req + opt).most_common():
            print(f"| {t} | {req[t]} | {opt[t]} |")
        print()


if __name__ == "__main__":
    main()
