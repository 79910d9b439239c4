#!/usr/bin/env python3
"""Would a learned pair scorer link reports across articles better than the rules? Cross-validated
on the team's dev clusters (never the test split).

    .venv/bin/python bench/incidents_pair_cv.py --cache /tmp/ew-cache

Every pair of the system's events from two dev articles whose types are compatible and which pass
the hard constraints (``features.constraints``), whatever the candidate read would return (no
blocks: an unplaced report is paired with placed ones, no date window), is labelled positive when
both are gold events of one incident (``incidents.json``), else negative. Features: the rules'
parts (date, place, parties, evidence text by rapidfuzz, shared context names), the MiniLM cosine
of the two evidence sentences (the encoder the coder packages), the same PLOVER type, the same
death toll, and context on a loose date. A logistic regression (class-balanced) is trained with
cross-validation by incident: each fold holds out one gold incident's positive pairs and a share
of the negatives (by the later article), so no fold sees the incident it is scored on. Printed:
out-of-fold and in-sample links at several probability thresholds beside the rules' pair score
(>= LINK_THRESHOLD, with its loose-date gate), pair by pair (no transitive merging, no blocks).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import itertools
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import incidents_eval as ie  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FEATURES = ("date", "place", "parties", "text", "context", "minilm", "same_type", "same_dead", "loose_context")


def pairs(cache: Path | None) -> list[dict[str, Any]]:
    from eventwire.evaluate.gold import gold_files, load_gold, shared_scorer_reads
    from eventwire.incidents import context, features
    from eventwire.nlp import minilm

    folder = ROOT / "eval" / "corpus" / "dev"
    files = [p for p in gold_files([folder]) if shared_scorer_reads(p)]  # not LGL from 38543581 on
    arts = [load_gold(p).article(check_language=False) for p in files]
    with tempfile.TemporaryDirectory(prefix="ew-paircv-") as tmp:
        evs = ie.ingest(ie.results_for(arts, cache), f"sqlite:///{tmp}/store.db")
    order = {a.article_id: i for i, a in enumerate(arts)}
    names = {a.article_id: context.names(a.text) for a in arts}
    se, si = ie._shared_module("score_events"), ie._shared_module("score_incidents")
    golds = {}
    for path in files:
        g, _tp, text = se.load_gold(path)
        g["_text"] = text
        golds[si.stem(path)] = g
    incident_of = {ref: inc["id"] for inc in json.loads((folder / "incidents.json").read_text(encoding="utf-8"))
                   for ref in inc["events"]}
    per: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for ev in evs:
        stem = si.owner(ev, golds)
        if stem is not None:
            per[stem].append(ev)
    gold_of = {id(per[s][j]): f"{s}#{g['events'][i]['id']}" for s, g in golds.items()
               for i, j in se.match_events(g, per[s]).items()}
    vec = minilm.embed([(e.get("evidence") or {}).get("sentence") or "" for e in evs])
    at = {id(e): k for k, e in enumerate(evs)}
    out = []
    for a, b in itertools.combinations(evs, 2):
        if a["article_id"] == b["article_id"] or not features.compatible(a, b):
            continue
        new, old = (a, b) if order[a["article_id"]] > order[b["article_id"]] else (b, a)
        if isinstance(features.constraints(new, old), str):
            continue
        ra, rb = gold_of.get(id(a)), gold_of.get(id(b))
        inc = incident_of.get(ra or "")
        ctx = context.overlap(names[new["article_id"]], names[old["article_id"]])
        s = features.score(new, old, context=ctx)
        dead_a, dead_b = (a.get("size") or {}).get("dead"), (b.get("size") or {}).get("dead")
        out.append({
            "positive": inc is not None and inc == incident_of.get(rb or ""), "incident": inc,
            "judged": bool(ra and rb), "later": new["article_id"], "rules": s.score >= features.LINK_THRESHOLD,
            "x": [s.date, s.place, s.parties, s.text, ctx, float(vec[at[id(a)]] @ vec[at[id(b)]]),
                  float(a["plover_type"] == b["plover_type"]), float(dead_a is not None and dead_a == dead_b),
                  ctx * float(s.date < 1.0)],
        })
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, help="keep the pipeline's results here between runs")
    a = ap.parse_args()
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    rows = pairs(a.cache)
    X = np.array([r["x"] for r in rows])
    y = np.array([r["positive"] for r in rows])
    judged = np.array([r["judged"] and not r["positive"] for r in rows])
    incs = sorted({r["incident"] for r in rows if r["positive"]})
    k = len(incs)
    fold = np.array([incs.index(r["incident"]) if r["positive"]
                     else int(hashlib.sha1(r["later"].encode()).hexdigest(), 16) % k for r in rows])
    print(f"{len(rows)} pairs past the hard constraints, {int(y.sum())} of one gold incident "
          f"({k} incidents: {', '.join(incs)}); {int(judged.sum())} judged negatives")
    print("ROC AUC, one feature: " + ", ".join(f"{n} {roc_auc_score(y, X[:, i]):.3f}" for i, n in enumerate(FEATURES)))
    rules = np.array([r["rules"] for r in rows])
    print(f"rules (pair score >= threshold): {int((rules & y).sum())}/{int(y.sum())} positive, "
          f"{int((rules & ~y).sum())} negative ({int((rules & judged).sum())} judged)")
    for c in (0.1, 1.0, 10.0):
        oof = np.zeros(len(rows))
        for f in range(k):
            model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000).fit(X[fold != f], y[fold != f])
            oof[fold == f] = model.predict_proba(X[fold == f])[:, 1]
        ins = LogisticRegression(C=c, class_weight="balanced", max_iter=2000).fit(X, y).predict_proba(X)[:, 1]
        for t in (0.5, 0.8, 0.9, 0.95):
            print(f"  C={c:<4} p>={t}: CV {int(((oof >= t) & y).sum())}/{int(y.sum())} positive, "
                  f"{int(((oof >= t) & ~y).sum())} negative ({int(((oof >= t) & judged).sum())} judged) | in-sample "
                  f"{int(((ins >= t) & y).sum())}/{int(y.sum())}, {int(((ins >= t) & ~y).sum())} negative")


if __name__ == "__main__":
    main()
