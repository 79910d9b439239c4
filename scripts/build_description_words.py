#!/usr/bin/env python3
"""Fit the description model of ``eventwire.actors.learned`` (rule ``learned-description``, round 16) on the
knowledge base's own public-source entries and write ``compiled_description_words.tsv``.

Issue 11: a description whose head noun no entry holds ("an indigenous leader", "Congressional group",
"Brazilian environmental agency", "occupiers") gets a country at most. The compiled files hold ~18,000 role
phrases and names with a sector (PETRARCH2's agent nouns, bodies and armed groups, the Factbook's parties,
chambers and forces, WordNet's role nouns): what a head noun, the word before it and the rest of the phrase
say about the sector can be learned from them and carried to phrases nobody wrote down. Training data (never
a curated file, never an evaluation case): the same (alias, sector) pairs as ``build_sector_words.py``, less
the people's names and the intergovernmental codes (a description gets a sector here, never a country).

Features (``learned.description_features``): every word in its singular, the head (the last content word) in
its singular, its last three and four letters, whether it is plural, the word before it, and a place name
inside as one placeholder. A multinomial logistic regression (scikit-learn, L2); weights under
``--min-weight`` are dropped from the file. The script prints the out-of-fold accuracy (5 folds by alias) per
probability threshold, over every pair and over the role phrases alone (what the rule reads).

    .venv/bin/python scripts/build_description_words.py [--C 1.0] [--no-write]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from build_sector_words import examples, place_positions, write_model  # noqa: E402

from eventwire.actors import kb  # noqa: E402
from eventwire.actors.learned import (  # noqa: E402
    DESCRIPTION_FILE,
    EMBEDDING_FILE,
    PERSON,
    description_features,
    description_text,
)
from eventwire.actors.normalise import tokens  # noqa: E402

OUT = ROOT / "src" / "eventwire" / "actors" / "data" / DESCRIPTION_FILE
ROLE_FILES = (kb.AGENTS_FILE, kb.WORDNET_FILE)


def role_keys() -> set[str]:
    """The normalised role phrases of the agents and WordNet files (descriptions, not names)."""
    out: set[str] = set()
    for name in ROLE_FILES:
        for _, row in kb.read_rows(name):
            out.update(" ".join(tokens(a.lstrip("="))) for a in kb._split(row["aliases"]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--min-weight", type=float, default=0.05)
    ap.add_argument("--min-count", type=int, default=2, help="features seen fewer times are left out")
    ap.add_argument("--name-weight", type=float, default=0.3,
                    help="weight of a body's name against a role phrase (descriptions are what the rule reads)")
    ap.add_argument("--folds", type=int, default=5, help="0: no out-of-fold figures")
    ap.add_argument("--embeddings", action="store_true",
                    help="also fit the MiniLM model (needs eventwire.nlp.minilm) and write " + EMBEDDING_FILE)
    ap.add_argument("--embedding-C", type=float, default=4.0)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    base = kb.load()
    data = [(k, y) for k, y in examples(10**9) if y != PERSON and not y.startswith("=")]
    roles = role_keys()
    feats = [description_features(k.split(" "), place_positions(k.split(" "), base.index)) for k, _ in data]
    counts = Counter(f for fs in feats for f in fs)
    keep = [i for i, fs in enumerate(feats) if any(counts[f] >= args.min_count for f in fs)]
    rows = [dict.fromkeys((f for f in feats[i] if counts[f] >= args.min_count), 1) for i in keep]
    y = np.array([data[i][1] for i in keep])
    is_role = np.array([data[i][0] in roles for i in keep])
    print(f"examples {len(rows)} of {len(data)} aliases ({is_role.sum()} role phrases); labels {Counter(y).most_common()}")
    vec = DictVectorizer()
    x = vec.fit_transform(rows)

    weight = np.where(is_role, 1.0, args.name_weight)

    def fit(xs: object, ys: object, ws: object) -> LogisticRegression:
        return LogisticRegression(C=args.C, max_iter=500).fit(xs, ys, sample_weight=ws)

    fold = np.array([int(hashlib.sha1(data[i][0].encode("utf-8")).hexdigest(), 16) % 5 for i in keep])
    probs = np.zeros(len(rows))
    pred = np.empty(len(rows), dtype=object)
    for f in range(args.folds):
        tr, te = fold != f, fold == f
        m = fit(x[tr], y[tr], weight[tr])
        p = m.predict_proba(x[te])
        probs[te] = p.max(axis=1)
        pred[te] = m.classes_[p.argmax(axis=1)]
    for label, part in [] if not args.folds else (("all pairs", np.ones(len(rows), dtype=bool)), ("role phrases", is_role)):
        print(f"out of fold, {label} ({part.sum()}):")
        for t in (0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            fired = part & (probs >= t)
            right = fired & (pred == y)
            print(f"  p>={t:.1f}: fired {fired.sum() / part.sum():.3f}, right {right.sum() / max(1, fired.sum()):.3f}")
    if args.no_write:
        return 0
    m = fit(x, y, weight)
    names = vec.get_feature_names_out()
    lines = [
        f"# COMPILED by scripts/build_description_words.py: a logistic regression (C={args.C}) of the sector of the",
        "# compiled files' role phrases and names (compiled_orgs.tsv: CIA World Factbook, public domain;",
        "# compiled_cameo_orgs.tsv, compiled_agents.tsv: PETRARCH2 dictionaries, MIT, Open Event Data Alliance;",
        "# compiled_wordnet_roles.tsv: \"WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\")",
        f"# on their words, head noun, head ending and the word before the head (names weighted {args.name_weight}). Do not edit: rebuild.",
        "# feature<TAB>label index=weight ... (weights under " + f"{args.min_weight} left out); __bias__ = intercepts.",
    ]
    write_model(OUT, lines, m, names, args.min_weight)
    if args.embeddings:
        from eventwire.nlp import minilm

        texts = [description_text(data[i][0].split(" "), place_positions(data[i][0].split(" "), base.index))
                 for i in keep]
        emb = LogisticRegression(C=args.embedding_C, max_iter=1000).fit(minilm.embed(texts), y, sample_weight=weight)
        write_embedding_model(emb, args)
    return 0


def write_embedding_model(m: object, args: argparse.Namespace) -> None:
    """The MiniLM model as JSON: labels, intercepts, one weight row of 384 per label."""
    import json

    out = OUT.with_name(EMBEDDING_FILE)
    doc = {
        "source": "COMPILED by scripts/build_description_words.py --embeddings: a logistic regression "
                  f"(C={args.embedding_C}, names weighted {args.name_weight}) of the sector of the same role "
                  "phrases and names as compiled_description_words.tsv (PETRARCH2, MIT; CIA World Factbook, public "
                  "domain; WordNet 3.0, its notice in that file's header) on their all-MiniLM-L6-v2 sentence "
                  "embeddings (place names left out). Do not edit: rebuild.",
        "labels": [str(c) for c in m.classes_],  # type: ignore[attr-defined]
        "bias": [round(float(v), 4) for v in m.intercept_],  # type: ignore[attr-defined]
        "weights": [[round(float(v), 4) for v in row] for row in m.coef_],  # type: ignore[attr-defined]
    }
    out.write_text(json.dumps(doc, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    raise SystemExit(main())
