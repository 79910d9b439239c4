"""ACLED typing of CASE 2021 half A with the model out of fold: the figure one may read errors against.

The shipped ACLED model is trained on all of CASE dev, so `eventwire eval snippets --half A` is in-sample.
This script splits half A into 5 folds (near-duplicates kept together, as train_acled's CV), trains the
model on four, and runs the whole pipeline (`pipeline` coder) and the snippet classifier on the fifth.
Half B is never loaded. Rules are fixed code and stay in-sample (docs/snippets.md says which were written
reading which half).

    python eval/tools/snippets_half_cv.py                  # scores
    python eval/tools/snippets_half_cv.py --errors         # and each wrong snippet with its events
"""

from __future__ import annotations

import argparse
from functools import cache

from eventwire.evaluate import snippets as sn
from eventwire.events import acled
from eventwire.events import train_acled as ta


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--errors", action="store_true", help="print the snippets the pipeline gets wrong")
    args = ap.parse_args()
    rows = [r for r in sn.read_snippets(ta.default_data()) if sn.half_of(r["id"]) == "A"]
    texts, kinds = [r["text"] for r in rows], [sn.KIND_OF[r["label"]] for r in rows]
    embeddings = ta._embed(texts)
    fold = ta.folds(kinds, args.folds, args.seed, ta.near_duplicate_groups(texts, embeddings))
    import eventwire

    extract = cache(eventwire.extract)  # the pipeline coder and the error listing share one run
    sn._pipeline_extract = lambda: extract  # type: ignore[assignment]
    pipe: list[str] = [""] * len(rows)
    clf: list[str] = [""] * len(rows)
    for f in range(args.folds):
        train = [i for i in range(len(rows)) if fold[i] != f]
        model = acled.AcledModel.from_dict(ta.fit([texts[i] for i in train], [kinds[i] for i in train], embeddings[train]))
        acled.bundled_model = lambda m=model: m  # type: ignore[assignment, misc]
        for i in (i for i in range(len(rows)) if fold[i] == f):
            pipe[i] = sn.label_of(sn.pipeline_coder(texts[i]))
            clf[i] = sn.label_of(sn.classifier_coder(texts[i]))
    gold = [r["label"] for r in rows]
    for name, pred in (("pipeline", pipe), ("classifier", clf)):
        s = sn.scores(gold, pred)
        print(f"half A, model out of fold ({args.folds} folds, seed {args.seed}) coder={name} n={s['n']} "
              f"weighted_f1={s['weighted_f1']:.4f} macro_f1={s['macro_f1']:.4f} accuracy={s['accuracy']:.4f}")  # fmt: skip
    if args.errors:
        for r, p in zip(rows, pipe, strict=True):
            if p != r["label"]:
                events = [(e["plover_type"], e["plover_mode"], e["acled_sub_event_type"]) for e in extract(r["text"])]
                print(f"{r['id']} gold={r['label']} pipeline={p}: {r['text'][:160]} -> {events}")


if __name__ == "__main__":
    main()
