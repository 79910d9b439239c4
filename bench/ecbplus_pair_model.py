#!/usr/bin/env python3
"""Train (and cross-validate) a learned pair scorer for cross-article incident links on ECB+ half A.

    .venv/bin/python bench/ecbplus_pair_model.py /tmp/ECB-parser --cache DIR [--minilm] [--write]

Pairs: every two events of different half-A documents that map to ECB+ action mentions (as
bench/ecbplus_links.py maps them), whose types are compatible and which pass the hard constraints
(``features.constraints``), later document first, whatever the linker's blocks would read. Labels
(for incidents, not ECB+ instances): positive when the two events' mentions share a
CROSS_DOC_COREF instance; negative when the documents report two seminal events (or two topics);
pairs of one seminal event that share no instance (a shooting and the killing it caused) are left
out of training, as an incident may hold both. Features: ``learned.FEATURES`` (the rules' parts).
A logistic regression (numpy Newton steps, L2, the classes balanced) is cross-validated with one
topic held out per fold; printed per threshold: out-of-fold positives found and negatives linked,
beside the rules (pair score >= LINK_THRESHOLD). ``--write`` fits on all of half A and writes the
weights (``src/eventwire/incidents/pair_weights.json``: numbers only, no text). Half B is never read.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import math
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
FEATURES_AT: dict[str, int] = {}
WEIGHTS = ROOT / "src" / "eventwire" / "incidents" / "pair_weights.json"


def _bench(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def pairs(path: Path, cache: Path | None, with_minilm: bool) -> list[dict[str, Any]]:
    from eventwire.incidents import context, features, learned
    from eventwire.sources import article_from_text

    eb, ie = _bench("ecbplus_links"), _bench("incidents_eval")
    topics = sorted((t for t in eb.TOPICS if eb.half_of(t) == "A"), key=int)
    docs = eb.load_docs(path, topics)
    arts, doc_of = [], {}
    for d in docs:
        art = article_from_text(d.text, f"ecbplus:{d.name}", published=d.published, url=d.url, check_language=False)
        arts.append(art)
        doc_of[art.article_id] = d
    with tempfile.TemporaryDirectory(prefix="ew-ecbpm-") as tmp:
        evs = ie.ingest(ie.results_for(arts, cache), f"sqlite:///{tmp}/store.db")
    order = {a.article_id: i for i, a in enumerate(arts)}
    names = {a.article_id: context.names(a.text) for a in arts}
    df: dict[str, int] = {}
    for ns in names.values():
        for n in ns:
            df[n] = df.get(n, 0) + 1
    mapped = [(ev, eb.instances_of(ev, doc_of[ev["article_id"]])) for ev in evs]
    mapped = [(ev, ins) for ev, ins in mapped if ins]
    vec = None
    if with_minilm:
        from eventwire.nlp import minilm

        vec = minilm.embed([(e.get("evidence") or {}).get("sentence") or "" for e, _i in mapped])
    out = []
    for (ka, (a, ia)), (kb, (b, ib)) in itertools.combinations(enumerate(mapped), 2):
        da, db = doc_of[a["article_id"]], doc_of[b["article_id"]]
        if da.name == db.name:
            continue
        new, old = (a, b) if order[a["article_id"]] > order[b["article_id"]] else (b, a)
        if isinstance(features.constraints(new, old), str):
            continue
        gold = bool(ia & ib)
        label = 1 if gold else (0 if da.event_key != db.event_key else None)
        ctx = context.overlap(names[new["article_id"]], names[old["article_id"]])
        s = features.score(new, old, context=ctx)
        shared = names[new["article_id"]] & names[old["article_id"]]
        idf = sum(math.log(len(arts) / df[n]) for n in shared)
        row = {"label": label, "topic": da.topic, "rules": s.score >= features.LINK_THRESHOLD,
               "x": learned.vector(new, old, ctx, s), "n_shared": len(shared), "idf": idf}
        if vec is not None:
            row["minilm"] = float(vec[ka] @ vec[kb])
        out.append(row)
    return out


def fit(X: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Logistic regression with an intercept (last weight), classes balanced, L2 on the weights."""
    Xb = np.hstack([X, np.ones((len(X), 1))])
    w = np.zeros(Xb.shape[1])
    sw = np.where(y == 1, len(y) / (2 * max(1, y.sum())), len(y) / (2 * max(1, (1 - y).sum())))
    reg = np.full(Xb.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(Xb @ w, -30, 30)))
        g = Xb.T @ (sw * (p - y)) + reg * w
        h = (Xb * (sw * p * (1 - p))[:, None]).T @ Xb + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def prob(w: np.ndarray, X: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(X @ w[:-1] + w[-1], -30, 30)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--minilm", action="store_true", help="also try the MiniLM cosine of the evidence sentences")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--threshold", type=float, default=0.9, help="the probability written as the link cut")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--rows", type=Path, help="also write the labelled pairs' features here (JSON, numbers only)")
    a = ap.parse_args()
    from eventwire.incidents import learned

    FEATURES_AT.update({n: i for i, n in enumerate(learned.FEATURES)})
    rows = [r for r in pairs(a.path, a.cache, a.minilm) if r["label"] is not None]
    if a.rows:
        a.rows.write_text(json.dumps(rows), encoding="utf-8")
    y = np.array([r["label"] for r in rows], dtype=float)
    topics = np.array([r["topic"] for r in rows])
    rules = np.array([r["rules"] for r in rows])
    print(f"{len(rows)} labelled pairs past the hard constraints: {int(y.sum())} positive, {int((1 - y).sum())} "
          f"negative; topics {', '.join(sorted(set(topics), key=int))}")
    print(f"rules: {int((rules & (y == 1)).sum())}/{int(y.sum())} positive, {int((rules & (y == 0)).sum())} negative")
    variants: dict[str, np.ndarray] = {"rules' parts": np.array([r["x"] for r in rows])}
    base = variants["rules' parts"]
    variants["+ idf of shared names"] = np.hstack([base, np.array([[min(r["idf"], 60.0) / 60.0] for r in rows])])
    if a.minilm:
        variants["+ minilm"] = np.hstack([base, np.array([[r["minilm"]] for r in rows])])
    for name, X in variants.items():
        for l2 in (1.0, 10.0, 30.0):
            oof = np.zeros(len(rows))
            for t in sorted(set(topics)):
                held = topics == t
                oof[held] = prob(fit(X[~held], y[~held], l2), X[held])
            # the loose-date gate (features.MIN_CONTEXT_LOOSE) stays a rule: such pairs never link
            gate = (base[:, FEATURES_AT["precise"]] < 1.0) & (base[:, FEATURES_AT["context"]] < 0.4)
            line = []
            for cut in (0.5, 0.8, 0.9, 0.95, 0.98, 0.99):
                got = (oof >= cut) & ~gate
                tp, fp = int((got & (y == 1)).sum()), int((got & (y == 0)).sum())
                line.append(f"p>={cut}: {tp}/{fp}")
            print(f"  {name}, l2={l2}: CV by topic (positives found / negatives linked) " + "; ".join(line))
    if a.write:
        w = fit(base, y, a.l2)
        WEIGHTS.write_text(json.dumps({
            "features": list(learned.FEATURES), "weights": [round(float(v), 6) for v in w[:-1]],
            "intercept": round(float(w[-1]), 6), "threshold": a.threshold,
            "trained_on": f"ECB+ half A (bench/ecbplus_pair_model.py, l2={a.l2}): {int(y.sum())} positive, "
                          f"{int((1 - y).sum())} negative pairs",
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}: {dict(zip(learned.FEATURES, np.round(w[:-1], 3), strict=True))} "
              f"intercept {w[-1]:.3f}")


if __name__ == "__main__":
    sys.exit(main())
