"""Score a ``train_proposer --coder-cv --dump`` file at stricter proposal thresholds, global and per type.

    .venv/bin/python -m eventwire.events.train_proposer --coder-cv 5 --no-write --cache /tmp/oof \
        --threshold 0.3 --dump /tmp/oof.json
    .venv/bin/python eval/tools/proposer_thresholds.py /tmp/oof.json

The dump holds each trainable dev article's events, coded out of fold with the proposer at a low threshold;
every proposed event carries its probability (``explain.type`` = ``proposer:<lemma> (p; word p)``), so a
stricter threshold is the dump without the proposed events under it. Per-type thresholds are chosen
nested: for each outlet-grouped fold, on the other folds' articles (the F1 of those articles, type by type
in turn), then applied to the held fold, so the per-type figure is out of fold twice over.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from eventwire.evaluate.articles import aggregate, score_article
from eventwire.evaluate.gold import load_gold

ROOT = Path(__file__).resolve().parents[2]
PROB = re.compile(r"^proposer:\S+ \(([0-9.]+);")
GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)


def proposed(ev: dict[str, Any]) -> float | None:
    m = PROB.match(str((ev.get("explain") or {}).get("type") or ""))
    return float(m.group(1)) if m else None


def kept(events: list[dict[str, Any]], th: dict[str, float], default: float) -> list[dict[str, Any]]:
    out = []
    for ev in events:
        p = proposed(ev)
        if p is None or p >= th.get(str(ev.get("plover_type")), default):
            out.append(ev)
    return out


def score(dump: dict[str, list[dict[str, Any]]], golds: dict[str, Any], names: list[str],
          th: dict[str, float], default: float) -> dict[str, Any]:
    return aggregate({n: score_article(golds[n], kept(dump[n], th, default)) for n in names}, [])


def choose(dump: dict[str, Any], golds: dict[str, Any], names: list[str], types: list[str]) -> dict[str, float]:
    """Per-type thresholds, one type at a time (best F1 on ``names``; ties to the stricter)."""
    th = {t: 1.01 for t in types}
    for t in types:
        best = (-1.0, 1.01)
        for g in GRID:
            f1 = score(dump, golds, names, {**th, t: g}, 1.01)["f1"]
            if f1 > best[0] + 1e-9 or (abs(f1 - best[0]) <= 1e-9 and g > best[1]):
                best = (f1, g)
        th[t] = best[1]
    return th


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dump", type=Path)
    ap.add_argument("--corpus", type=Path, default=ROOT / "eval" / "corpus" / "dev")
    ap.add_argument("--folds", type=int, default=5)
    a = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.events.train_proposer import folds_by_outlet

    dump = json.loads(a.dump.read_text(encoding="utf-8"))
    paths = [a.corpus / n for n in sorted(dump)]
    golds = {p.name: load_gold(p) for p in paths}
    names = sorted(dump)
    types = sorted({str(e.get("plover_type")) for evs in dump.values() for e in evs if proposed(e) is not None})
    print("threshold  proposals  R / P / F1  found/required  events")
    for g in GRID:
        r = score(dump, golds, names, {}, g)
        n = sum(1 for evs in dump.values() for e in kept(evs, {}, g) if proposed(e) is not None)
        print(f"{g:5.2f}  {n:4d}  {r['recall']:.3f} / {r['precision']:.3f} / {r['f1']:.3f}  "
              f"{r['required_found']}/{r['required']}  {r['system_events']}")
    print("\nby type, proposed events kept / right at each threshold:")
    for t in types:
        cells = []
        for g in GRID[:-1]:
            evs = {n: [e for e in kept(dump[n], {}, g) if proposed(e) is not None and e.get("plover_type") == t]
                   for n in names}
            right = sum(score_article(golds[n], evs[n])["matched"] for n in names if evs[n])
            cells.append(f"{g}:{sum(map(len, evs.values()))}/{right}")
        print(f"  {t:12s} " + "  ".join(cells))
    folds = [[p.name for p in f] for f in folds_by_outlet(paths, a.folds)]
    per: dict[str, Any] = {}
    for k, held in enumerate(folds):
        rest = [n for j, f in enumerate(folds) if j != k for n in f]
        th = choose(dump, golds, rest, types)
        print(f"fold {k}: " + " ".join(f"{t}={v}" for t, v in th.items() if v <= 1))
        per.update({n: score_article(golds[n], kept(dump[n], th, 1.01)) for n in held})
    r = aggregate(per, [])
    print(f"per-type thresholds, nested: {r['recall']:.3f} / {r['precision']:.3f} / {r['f1']:.3f}  "
          f"{r['required_found']}/{r['required']}  {r['system_events']}")
    th = choose(dump, golds, names, types)
    print("per-type thresholds on all folds (to ship): " + json.dumps({t: v for t, v in th.items() if v <= 1}))


if __name__ == "__main__":
    main()
