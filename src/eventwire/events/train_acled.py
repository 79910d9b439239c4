"""Build ``acled_model.json``, the small learned half of the ACLED sub-event classifier.

Training data: ONLY shared/data/case2021_task2/dev.jsonl (CASE 2021 Task 2 gold, DEV half: 489 snippets,
30 labels). The model file holds weights, idf values and n-gram strings, not the snippets.

    python -m eventwire.events.train_acled             # train on all of dev, write the package model
    python -m eventwire.events.train_acled --cv 5      # k-fold cross-validated figures, writes nothing

Needs scikit-learn (training only; inference is pure Python in eventwire.events.acled).
"""

from __future__ import annotations

import argparse
import json
import os
import random
from pathlib import Path

from eventwire.events import acled

DEFAULT_C = 10.0
MIN_DF = 2


def shared_dir() -> Path:
    env = os.environ.get("EVENTWIRE_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "../shared"


def default_data() -> Path:
    return shared_dir() / "data/case2021_task2/dev.jsonl"


def load(path: Path) -> tuple[list[str], list[str]]:
    from eventwire.evaluate.snippets import KIND_OF, read_snippets

    rows = read_snippets(path)
    return [r["text"] for r in rows], [KIND_OF[r["label"]] for r in rows]


def fit(texts: list[str], kinds: list[str], c: float = DEFAULT_C) -> dict:
    """Fit TF-IDF + multinomial logistic regression; return the JSON-able model."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer=acled.analyse, sublinear_tf=True, min_df=MIN_DF, norm="l2")
    x = vec.fit_transform(texts)
    clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    clf.fit(x, kinds)
    features = vec.get_feature_names_out().tolist()
    coef = [[[j, round(float(w), 4)] for j, w in enumerate(row) if abs(w) >= 5e-4] for row in clf.coef_]
    return {
        "about": "eventwire ACLED sub-event model: TF-IDF word 1-2 grams + logistic regression, "
        "trained on CASE 2021 Task 2 dev.jsonl (489 snippets); built by eventwire.events.train_acled",
        "classes": [str(c) for c in clf.classes_],
        "features": features,
        "idf": [round(float(v), 5) for v in vec.idf_],
        "coef": coef,
        "intercept": [round(float(v), 4) for v in clf.intercept_],
    }


def folds(kinds: list[str], k: int, seed: int = 13) -> list[int]:
    """Stratified fold number per example (round-robin within each shuffled class)."""
    rng = random.Random(seed)
    fold = [0] * len(kinds)
    by_kind: dict[str, list[int]] = {}
    for i, kind in enumerate(kinds):
        by_kind.setdefault(kind, []).append(i)
    offset = 0
    for kind in sorted(by_kind):
        idx = by_kind[kind]
        rng.shuffle(idx)
        for n, i in enumerate(idx):
            fold[i] = (n + offset) % k
        offset += len(idx)
    return fold


def cross_validate(
    texts: list[str], kinds: list[str], k: int = 5, c: float = DEFAULT_C, seed: int = 13
) -> dict:
    """Out-of-fold predictions of the model alone and of rules+model, scored as the eval command does."""
    from eventwire.evaluate.snippets import LABEL_OF, label_of, scores

    fold = folds(kinds, k, seed)
    model_pred: list[str | None] = [None] * len(texts)
    combined_pred: list[str | None] = [None] * len(texts)
    for f in range(k):
        train = [i for i in range(len(texts)) if fold[i] != f]
        model = acled.LinearModel.from_dict(fit([texts[i] for i in train], [kinds[i] for i in train], c))
        for i in range(len(texts)):
            if fold[i] != f:
                continue
            probs = model.probabilities(texts[i])
            model_pred[i] = max(probs, key=probs.__getitem__)
            guess = acled.combine(acled.rule_kind(texts[i]), probs)
            combined_pred[i] = guess.kind if guess else None
    gold = [LABEL_OF[kind] for kind in kinds]
    return {
        "k": k,
        "seed": seed,
        "model": scores(gold, [label_of(p) for p in model_pred]),
        "rules+model": scores(gold, [label_of(p) for p in combined_pred]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=None, help="training JSONL (default: shared dev.jsonl)")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name(acled.MODEL_RESOURCE))
    parser.add_argument("--cv", type=int, default=0, help="k-fold cross-validation instead of training")
    parser.add_argument("--seeds", type=int, default=1, help="repeat the CV with this many fold seeds")
    parser.add_argument("-C", type=float, default=DEFAULT_C, help="inverse regularisation strength")
    args = parser.parse_args(argv)
    texts, kinds = load(args.data or default_data())
    if args.cv:
        for seed in range(13, 13 + args.seeds):
            res = cross_validate(texts, kinds, args.cv, args.C, seed)
            for name in ("model", "rules+model"):
                r = res[name]
                print(f"{args.cv}-fold CV seed {seed} {name:12} n={r['n']} weighted_f1={r['weighted_f1']:.4f} "
                      f"macro_f1={r['macro_f1']:.4f} accuracy={r['accuracy']:.4f}")  # fmt: skip
        return 0
    model = fit(texts, kinds, args.C)
    args.out.write_text(json.dumps(model, separators=(",", ":")), encoding="utf-8")
    size = args.out.stat().st_size
    print(
        f"wrote {args.out} ({size / 1024:.0f} KiB, {len(model['features'])} features, {len(texts)} snippets)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
