"""Error categories of toponym resolution on a GWN/LGL-style JSONL file (gold spans as mentions).

Prints, for each miss, what was picked and whether a candidate within 161 km of the gold point was
among the gazetteer's candidates at all (a ranking error) or not (a coverage error), then counts.

    .venv/bin/python bench/places_errors.py ../shared/data/gwn/dev.jsonl [--show ranking|coverage|unresolved]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from eventwire.evaluate.places import ACC_KM
from eventwire.places import PlaceResolver, haversine_km
from eventwire.places.gazetteer import KIND_NAMES
from eventwire.places.names import norm_key


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--show", default="", help="comma list of categories to print")
    args = ap.parse_args()
    resolver = PlaceResolver.load()
    cats: Counter[str] = Counter()
    show = set(filter(None, args.show.split(",")))
    with Path(args.path).open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    for rec in records:
        gold = [t for t in rec["toponyms"] if t.get("lat") is not None]
        places = resolver.resolve_document(rec["text"], [(t["start"], t["end"], "G") for t in gold])
        for tp, place in zip(gold, places, strict=True):
            g = (float(tp["lat"]), float(tp["lon"]))
            if place.lat is None:
                cat = "demonym" if (place.reason or "").startswith("demonym") else "unresolved"
            elif haversine_km(place.lat, place.lon, *g) <= ACC_KM:
                cats["ok"] += 1
                continue
            else:
                cands = resolver._score(resolver._query(tp["name"]), _empty(), norm_key(tp["name"]))
                good = [c for c in cands if haversine_km(c.cand.lat, c.cand.lon, *g) <= ACC_KM]
                cat = "ranking" if good else "coverage"
            cats[cat] += 1
            if cat in show:
                ctx = rec["text"][max(0, tp["start"] - 60) : tp["end"] + 40].replace("\n", " ")
                got = f"{place.name}/{place.country}/{place.admin1}/{place.precision}" if place.lat else place.reason
                print(f"[{cat}] {tp['name']!r} ({tp.get('type', '')}) gold={g} got={got} | …{ctx}…")
                if cat == "ranking":
                    c = good[0].cand
                    print(f"    want {c.name}/{c.cc}/{c.admin1}/{KIND_NAMES[c.kind]} pop={c.pop}")
    print(dict(cats))


def _empty():  # noqa: ANN202 - bench helper
    from eventwire.places.resolver import _Context

    return _Context()


if __name__ == "__main__":
    main()
