"""Train the within-article incident link model (incident_links.py) on the team corpus's dev gold.

    python -m eventwire.events.train_incidents --cv 5 --no-write   # article-grouped CV: links as the coder makes them
    python -m eventwire.events.train_incidents                     # train on all of dev, write the model

Examples: every pair of eventwire's events in one trainable article of the team corpus's dev split (never the untouched
ones of dev_untouched.txt) or the seed that both match gold events (the shared
scorer's matching); the label says whether the gold puts the two in one incident (the transitive closure of
`same_incident_as`). Cross-validation folds are whole articles; each held-out article is grouped exactly as
`assign_incidents` groups it (the rules that keep reports apart, then the model), and the figures count, over
pairs of matched events, the gold-linked pairs linked and the pairs the gold keeps apart that were linked.
The test split is refused.
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..records import Event
from . import incidents as inc
from .incident_links import LINK_MODEL_FILE, LinkModel, head_end, pair_features

REPO = Path(__file__).resolve().parents[3]
DEV = REPO / "eval" / "corpus" / "dev"
SEED = REPO.parent / "shared" / "gold" / "seed"  # the founding article, annotated with the same format
Article = tuple[str, str, list[Event], dict[int, str]]  # (name, text, events, matched event -> gold incident)


def gold_groups(events: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Gold incidents within an article: the transitive closure of `same_incident_as` (event id -> root id)."""
    parent = {e["id"]: e["id"] for e in events}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for e in events:
        for other in e.get("same_incident_as", []):
            if other in parent:
                parent[find(other)] = find(e["id"])
    return {k: find(k) for k in parent}


def training_paths(folders: tuple[Path, ...] = (DEV, SEED)) -> list[Path]:
    """The gold files the link model learns from: each folder's trainable articles, never the untouched ones a
    corpus lists beside it (dev_untouched.txt): their figure must stay held out from learned parts too."""
    from ..evaluate.gold import training_gold_files

    return [p for f in folders if f.is_dir() for p in training_gold_files(f)]


def load_articles(folders: tuple[Path, ...] = (DEV, SEED)) -> list[Article]:
    from ..evaluate.articles import match_events
    from ..evaluate.gold import load_gold
    from ..pipeline import Pipeline

    if any("test" in f.parts for f in folders):
        raise SystemExit("train_incidents: the test split is only scored, never trained on")
    pipe = Pipeline()
    out: list[Article] = []
    for path in training_paths(folders):
        gold = load_gold(path)
        art = gold.article(check_language=False)
        events = list(pipe.extract_article(art))
        group = gold_groups(gold.events)
        matched = match_events(gold, [e.to_dict() for e in events])
        out.append((path.name, art.text, events, {si: group[gold.events[gi]["id"]] for gi, si in matched.items()}))
    return out


def _examples(arts: list[Article]) -> tuple[list[dict[str, float]], list[int]]:
    X: list[dict[str, float]] = []
    y: list[int] = []
    for _, text, events, lab in arts:
        for i, j in itertools.combinations(sorted(lab), 2):
            X.append(pair_features(events[i], events[j], head_end(text)))
            y.append(int(lab[i] == lab[j]))
    return X, y


def fit(arts: list[Article], c: float, threshold: float, rule_threshold: float | None = None) -> LinkModel:
    from sklearn.linear_model import LogisticRegression

    X, y = _examples(arts)
    names = sorted(X[0])
    clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    clf.fit([[x[n] for n in names] for x in X], y)
    weights = {n: [0.0, round(float(w), 6)] for n, w in zip(names, clf.coef_[0], strict=True)}
    about = (f"logistic regression C={c}, class_weight=balanced, {len(y)} pairs ({sum(y)} same incident) "
             f"of {len(arts)} team-corpus dev articles")
    m = LinkModel(["apart", "same"], weights, [0.0, round(float(clf.intercept_[0]), 6)], about)
    m.threshold = threshold
    m.rule_threshold = threshold if rule_threshold is None else rule_threshold
    return m


def score(arts: list[Article], roots: list[list[int]]) -> tuple[int, int, int, int]:
    linked = gold_pairs = false_links = apart_pairs = 0
    for (_, _, _, lab), r in zip(arts, roots, strict=True):
        for i, j in itertools.combinations(sorted(lab), 2):
            if lab[i] == lab[j]:
                gold_pairs += 1
                linked += r[i] == r[j]
            else:
                apart_pairs += 1
                false_links += r[i] == r[j]
    return linked, gold_pairs, false_links, apart_pairs


def _linker(model: LinkModel, events: list[Event], headline_end: int) -> Callable[[int, int], bool]:
    def same(i: int, j: int) -> bool:
        return model.links(events[i], events[j], headline_end)
    return same


def _rule_linker(events: list[Event]) -> Callable[[int, int], bool]:
    def same(i: int, j: int) -> bool:
        return inc._together(events[i], events[j])
    return same


def cross_validate(arts: list[Article], folds: int, c: float, threshold: float,
                   rule_threshold: float | None = None) -> tuple[int, int, int, int]:
    roots: list[list[int]] = [[] for _ in arts]
    for k in range(folds):
        train = [a for n, a in enumerate(arts) if n % folds != k]
        model = fit(train, c, threshold, rule_threshold)
        for n, (_, text, events, _) in enumerate(arts):
            if n % folds == k:
                roots[n] = inc.group_roots(events, _linker(model, events, head_end(text)))
    return score(arts, roots)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", type=int, default=0, help="folds of article-grouped cross-validation (0: none)")
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    ap.add_argument("--threshold", type=float, default=0.7, help="P(same incident) that links two reports")
    ap.add_argument("--rule-threshold", type=float, default=None,
                    help="P(same incident) that links two reports the rules also tie (default: --threshold)")
    ap.add_argument("--no-write", action="store_true", help="do not write the model file")
    a = ap.parse_args(argv)
    arts = load_articles()
    rules = score(arts, [inc.group_roots(ev, _rule_linker(ev)) for _, _, ev, _ in arts])

    def line(name: str, s: tuple[int, int, int, int]) -> str:
        return (f"{name}: gold-linked pairs linked {s[0]}/{s[1]} = {s[0] / max(s[1], 1):.3f}; "
                f"pairs kept apart by the gold linked {s[2]}/{s[3]} = {s[2] / max(s[3], 1):.3f}")

    print(line("rules alone (in-sample)", rules))
    if a.cv:
        print(line(f"model, {a.cv}-fold CV by article (C={a.c}, threshold {a.threshold}, "
                   f"with the rules' ties {a.rule_threshold or a.threshold})",
                   cross_validate(arts, a.cv, a.c, a.threshold, a.rule_threshold)))
    model = fit(arts, a.c, a.threshold, a.rule_threshold)
    if not a.no_write:
        print(model.save(LINK_MODEL_FILE))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
