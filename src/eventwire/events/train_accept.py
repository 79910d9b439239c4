"""Train the acceptance step (accept.py) on the coder's own output; report its out-of-fold figures.

    python -m eventwire.events.train_accept                       # code, cross-validate, write the model
    python -m eventwire.events.train_accept --no-write            # figures only
    python -m eventwire.events.train_accept --triggers shipped    # code with the shipped trigger model

1. The coder (acceptance off) codes the team corpus's trainable dev articles (evaluate.gold.training_gold_files:
   never the untouched LGL half B, never the test split). By default each article is coded with a trigger
   model that never saw it (--triggers oof: train_triggers.fit on everything but the article's fold), so the
   events are those the coder proposes on news its trigger model did not learn, as on unseen news.
2. Each event is labelled by the shared scorer's matching rule (evaluate.articles.match_events): true when it
   matches a required gold event, false when it matches none; one matching an optional gold event counts
   neither way in the scorer's precision and is left out.
3. Out of fold: the articles are split into folds by the outlet group of eval/corpus/splits.tsv (an outlet's
   or a multi-outlet incident's articles share a fold); each fold's events are scored by a model fitted on
   the others; the threshold is the one that maximises the coder's F1 over those out-of-fold probabilities.
   Printed: the coder's recall / precision / F1 over the articles with and without the step, by dev group,
   and what it drops by type.
4. The model fitted on all the articles is written to data/accept_model.json with that threshold.
spaCy parses and the fold trigger models are cached (--cache); the events are coded afresh on every run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .accept import ENV, MODEL_FILE, AcceptModel, article_features, rejected
from .train_triggers import REPO

DEV = REPO / "eval" / "corpus" / "dev"
SPLITS = REPO / "eval" / "corpus" / "splits.tsv"
ROUNDS = ("dev_round7.txt", "dev_round8.txt", "dev_round9.txt")
# an article's events: its stem, and per event (features, label or None for neither, type)
Coded = dict[str, Any]


def outlet_groups(path: Path = SPLITS) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        stem, _split, group = (line.split("\t") + ["", ""])[:3]
        out[stem] = group or stem
    return out


def cached_parse(pipe: Any, text: str, cache: Path) -> Any:
    """spaCy's parse of an article as the pipeline parses it (pre-filtered), kept in ``cache`` by its text."""
    from spacy.tokens import Doc

    parse = pipe._parse_text(text)
    key = cache / f"doc-{hashlib.sha1(parse.encode()).hexdigest()[:16]}.bin"
    if key.exists():
        return Doc(pipe.nlp.vocab).from_bytes(key.read_bytes())
    doc = pipe.nlp(parse)
    key.write_bytes(doc.to_bytes(exclude=["user_data"]))
    return doc


def fold_articles(pipe: Any, files: list[Path], fold_of: dict[str, int], models: list[Any],
                  cache: Path) -> Iterator[tuple[Path, Any, Any, Any]]:
    """Each gold article with its parse, the pipeline's coder set to the trigger model of the article's fold:
    (path, gold, article, doc)."""
    from ..evaluate.gold import load_gold

    for path in files:
        pipe.coder._triggers = models[fold_of[path.name.removesuffix(".gold.json")]]
        gold = load_gold(path)
        art = gold.article(check_language=False)
        yield path, gold, art, cached_parse(pipe, art.text, cache)


def coding_plan(pipe: Any, cache: Path, untouched: bool = False) -> tuple[list[Path], dict[str, int], list[Any]]:
    """The articles the diagnostic tools code (eval/tools/recall_map.py, rejections.py), each one's fold and the
    folds' trigger models: the trainable dev articles with models that never saw their outlet group, or
    (``untouched``) the untouched ones with the shipped model, which never saw them either."""
    from ..evaluate.gold import training_gold_files, untouched_gold_files

    if untouched:
        files = untouched_gold_files(DEV)
        return files, {f.name.removesuffix(".gold.json"): 0 for f in files}, [pipe.coder._triggers]
    files = training_gold_files(DEV)
    fold_of = grouped_folds([f.name.removesuffix(".gold.json") for f in files], 5)
    return files, fold_of, _fold_trigger_models(files, fold_of, 5, cache)


def grouped_folds(stems: list[str], folds: int) -> dict[str, int]:
    """stem -> fold: whole outlet groups per fold, groups placed by a hash so the folds are fixed."""
    groups = outlet_groups()
    return {s: int(hashlib.sha256(f"acceptfold:{groups.get(s, s)}".encode()).hexdigest(), 16) % folds
            for s in stems}


def _labels(gold: Any, events: list[dict[str, Any]]) -> list[int | None]:
    from ..evaluate.articles import match_events

    match = match_events(gold, events)
    by_sys = {si: gi for gi, si in match.items()}
    return [None if si in by_sys and not gold.events[by_sys[si]]["required"] else int(si in by_sys)
            for si in range(len(events))]


def _judged(gold: Any, events: list[dict[str, Any]], rescued: list[bool]) -> list[int | None]:
    """Labels of an article's events: the coder's own ones as the scorer matches them among themselves, each
    rescued candidate (rejections.py) as it would match if it alone were added to them: true only when it
    finds a gold event the coder's own events leave unfound."""
    own = [e for e, r in zip(events, rescued, strict=True) if not r]
    labels = iter(_labels(gold, own))
    return [_labels(gold, [*own, e])[-1] if r else next(labels) for e, r in zip(events, rescued, strict=True)]


def code_articles(files: list[Path], fold_of: dict[str, int], folds: int, triggers: str,
                  cache: Path) -> list[Coded]:
    """Code every article with acceptance off; its events' features and labels."""

    from ..pipeline import Pipeline

    os.environ[ENV] = "0"
    pipe = Pipeline()
    coder = pipe.coder
    coder.keep_rejected = True  # the candidates a hand rule rejected (rejections.RESCUE) are the step's to judge
    models: list[Any] = [coder._triggers] * folds
    if triggers == "oof":
        models = _fold_trigger_models(files, fold_of, folds, cache)
    out = []
    for path, gold, art, doc in fold_articles(pipe, files, fold_of, models, cache):
        events = coder.code(doc, art)
        dicts = [e.to_dict() for e in events]
        out.append({"stem": path.name.removesuffix(".gold.json"), "name": path.name, "events": dicts, "rescued": [rejected(e) for e in events],
                    "features": article_features(events, doc, art.text), "labels": _judged(gold, dicts, [rejected(e) for e in events])})
    return out


# CASE 2021 kinds that are never event data (disasters and accidents): every event coded in one is false
CASE_NO_EVENT = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER"})


def code_case(shared: Path, half: str = "A") -> list[Coded]:
    """CASE 2021 task 2 snippets of one half (evaluate.snippets.half_of; half B is only ever scored), coded
    with the shipped trigger model (never trained on CASE): an event of the PLOVER family of the snippet's
    label (eval/tools/case_detection.py FAMILY) is true, any event of a disaster snippet is false, the rest
    (a second event of a protest snippet, an accusation in a diplomacy one) are not judged and left out.
    Short single-sentence news: what the team corpus has few of (protests, snippets without an article)."""
    import importlib.util

    from ..evaluate.snippets import half_of
    from ..pipeline import Pipeline
    from ..records import Article

    spec = importlib.util.spec_from_file_location("case_detection", REPO / "eval" / "tools" / "case_detection.py")
    if spec is None or spec.loader is None:
        raise SystemExit("eval/tools/case_detection.py not found")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    family: dict[str, tuple[str, ...]] = tool.FAMILY
    path = shared / "data" / "case2021_task2" / "dev.jsonl"
    recs = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    recs = [r for r in recs if half_of(str(r["id"])) == half]
    os.environ[ENV] = "0"
    pipe = Pipeline()
    pipe.coder.keep_rejected = True
    out = []
    for r in recs:
        art = Article.from_text(r["text"])
        doc = pipe.nlp(pipe._parse_text(art.text))
        events = pipe.coder.code(doc, art)
        want = family.get(r["label"])
        labels: list[int | None] = [
            0 if r["label"] in CASE_NO_EVENT else (1 if want and e.plover_type in want else None) for e in events]
        out.append({"stem": f"case:{r['id']}", "name": None, "events": [e.to_dict() for e in events],
                    "features": article_features(events, doc, art.text), "labels": labels})
    return out


def _fold_trigger_models(files: list[Path], fold_of: dict[str, int], folds: int, cache: Path) -> list[Any]:
    from ..evaluate.gold import shared_dir
    from .train_triggers import fit, load_examples
    from .triggers import TriggerModel

    # the fold models are kept under a key of what they are trained from (the trigger training code, the
    # CAMEO lexicon, the folds), so a retrained trigger model (train_triggers changed) gets new fold models
    here = Path(__file__).resolve().parent
    key = hashlib.sha256()
    for src in (here / "train_triggers.py", here / "triggers.py", here / "data" / "cameo_lexicon.tsv"):
        key.update(src.read_bytes())
    key.update(json.dumps(sorted(fold_of.items())).encode())
    paths = [cache / f"triggers-{key.hexdigest()[:12]}-fold{k}.json" for k in range(folds)]
    if not all(p.exists() for p in paths):
        shared = shared_dir()
        if shared is None:
            raise SystemExit("no shared/ folder found: --triggers oof needs it (or pass --triggers shipped)")
        ids = REPO / "eval" / "corpus" / "test_ids.txt"
        exclude = {x.split("#")[-1].strip() for x in ids.read_text().splitlines() if x.strip()}
        ex = load_examples(shared, exclude, DEV)
        for k, p in enumerate(paths):
            held = {f"corpus:{f.name}" for f in files if fold_of[f.name.removesuffix(".gold.json")] == k}
            fit([e for e in ex if e[0] not in held], 0.5).save(p)
    return [TriggerModel.load(p) for p in paths]


def _logistic(rows: list[tuple[dict[str, float], int]], C: float) -> tuple[dict[str, float], float]:
    """Weights (features seen at least twice) and intercept of a logistic regression over the rows."""
    import math

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    y = [y for _, y in rows]
    if len(set(y)) < 2:  # one class only (a rescue with no true candidate): its smoothed log-odds
        return {}, math.log((sum(y) + 0.5) / (len(y) - sum(y) + 0.5))
    counts: Counter[str] = Counter(k for f, _ in rows for k in f)
    vec = DictVectorizer()
    X = vec.fit_transform([{k: v for k, v in f.items() if counts[k] >= 2} for f, _ in rows])
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(X, y)
    names = vec.get_feature_names_out()
    return ({str(n): float(w) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= 0.001},
            float(clf.intercept_[0]))


def fit(coded: list[Coded], C: float, threshold: float = 0.5) -> AcceptModel:
    """Two logistic regressions in one model: the coder's own events, and apart the candidates a hand rule
    rejected (rejections.py; features prefixed 'rescued|', accept.features), so that the many false
    candidates change nothing in how the coder's own events are judged. The second's intercept is stored as
    the weight of the feature 'rescued' (its difference from the first's)."""
    rows = [(f, y) for a in coded for f, y in zip(a["features"], a["labels"], strict=True) if y is not None]
    own = [(f, y) for f, y in rows if "rescued" not in f]
    rescued = [({k: v for k, v in f.items() if k != "rescued"}, y) for f, y in rows if "rescued" in f]
    weights, bias = _logistic(own, C)
    if rescued:
        w_r, b_r = _logistic(rescued, C)
        weights.update(w_r)
        weights["rescued"] = b_r - bias
    y = [y for _, y in rows]
    about = (f"eventwire acceptance model: binary logistic regression over event, sentence and article features; "
             f"trained on {len(rows)} judged events ({sum(y)} true; {len(rescued)} of them candidates a hand rule "
             f"rejected, weighed apart) the coder output on "
             f"{sum(not a['stem'].startswith('case:') for a in coded)} team-corpus dev articles and "
             f"{sum(a['stem'].startswith('case:') for a in coded)} CASE 2021 half-A snippets; C={C}")
    # binary: the log-odds of class 1, stored as the softmax pair (0, w)
    return AcceptModel(["false", "true"], {k: [0.0, round(w, 4)] for k, w in weights.items()},
                       [0.0, round(bias, 4)], about, threshold)


def oof_probabilities(coded: list[Coded], fold_of: dict[str, int], folds: int, C: float,
                      extra: list[Coded] | None = None) -> list[list[float]]:
    """Each dev article's events scored by a model fitted without its fold (``extra``, other data, always in)."""
    probs: list[list[float]] = [[] for _ in coded]
    for k in range(folds):
        model = fit([a for a in coded if fold_of[a["stem"]] != k] + (extra or []), C)
        for i, a in enumerate(coded):
            if fold_of[a["stem"]] == k:
                probs[i] = [model.p_true(f) for f in a["features"]]
    return probs


def score(coded: list[Coded], probs: list[list[float]], threshold: float,
          names: set[str] | None = None, rescue: float | None = None) -> dict[str, Any]:
    """The coder's figures over the articles (all, or those named) keeping the events at or above threshold
    (a rescued candidate, rejections.py, at or above ``rescue`` when given)."""
    from ..evaluate.articles import aggregate, score_article
    from ..evaluate.gold import load_gold

    per = {}
    for a, p in zip(coded, probs, strict=True):
        if names is not None and a["stem"] not in names:
            continue
        gold = _gold_cache.get(a["name"]) or _gold_cache.setdefault(a["name"], load_gold(DEV / a["name"]))
        cuts = [rescue if rescue is not None and r else threshold for r in a.get("rescued", [False] * len(p))]
        kept = [e for e, q, c in zip(a["events"], p, cuts, strict=True) if q >= c]
        per[a["name"]] = score_article(gold, kept)
    return aggregate(per, [])


_gold_cache: dict[str, Any] = {}


def _line(r: dict[str, Any]) -> str:
    return (f"n={r['articles']:3d} R {r['recall']:.3f} P {r['precision']:.3f} F1 {r['f1']:.3f} "
            f"found {r['required_found']}/{r['required']} system {r['system_events']} fp {r['false_positives']}")


def _groups(coded: list[Coded]) -> dict[str, set[str] | None]:
    rounds = {}
    for name in ROUNDS:
        p = REPO / "eval" / "corpus" / name
        rounds[name.removesuffix(".txt").removeprefix("dev_")] = {
            x.strip() for x in p.read_text().splitlines() if x.strip() and not x.startswith("#")} if p.exists() else set()
    stems = {a["stem"] for a in coded}
    older = stems - set().union(*rounds.values())
    return {"all": None, "older": older, **{k: v & stems for k, v in rounds.items()}}


def report(coded: list[Coded], probs: list[list[float]], threshold: float, rescue: float) -> dict[str, Any]:
    """Figures without the step (rescued candidates dropped, as the coder without the step drops them) and
    with it (rescued candidates kept at ``rescue``)."""
    plain = [[0.0 if r else 1.0 for r in a.get("rescued", [False] * len(p))] for a, p in zip(coded, probs, strict=True)]
    out: dict[str, Any] = {"threshold": threshold, "rescue_threshold": rescue}
    for g, names in _groups(coded).items():
        before, after = score(coded, plain, 0.5, names), score(coded, probs, threshold, names, rescue)
        print(f"{g:7} without {_line(before)}\n{g:7} with    {_line(after)}")
        out[g] = {"without": {k: before[k] for k in ("recall", "precision", "f1", "system_events")},
                  "with": {k: after[k] for k in ("recall", "precision", "f1", "system_events")}}
    dropped: dict[str, list[int]] = {}
    for a, p in zip(coded, probs, strict=True):
        for e, y, q in zip(a["events"], a["labels"], p, strict=True):
            if q < threshold:
                row = dropped.setdefault(e["plover_type"], [0, 0, 0])
                row[{1: 0, 0: 1, None: 2}[y]] += 1
    print("dropped by type (true, false, optional-matched):", json.dumps(dict(sorted(dropped.items()))))
    out["dropped"] = dropped
    return out


def main(argv: list[str] | None = None) -> None:
    from ..evaluate.gold import training_gold_files

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEV)
    ap.add_argument("--triggers", choices=("oof", "shipped"), default="oof",
                    help="trigger model the coder proposes events with: out of fold (default) or the shipped one")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("-C", type=float, default=0.3)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/eventwire-accept"))
    ap.add_argument("--case", choices=("A", "none"), default="A",
                    help="also train on CASE 2021 snippets of half A (default) or not")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--json", type=Path, help="write the figures here")
    a = ap.parse_args(argv)
    if a.corpus.resolve().name == "test":
        raise SystemExit("the test split is scored, never trained on")
    t0 = time.process_time()
    files = training_gold_files(a.corpus)  # the untouched dev articles are never listed
    fold_of = grouped_folds([f.name.removesuffix(".gold.json") for f in files], a.folds)
    a.cache.mkdir(parents=True, exist_ok=True)
    # coded afresh each run (about half a minute of CPU once the parses are cached): the events change with
    # every change to the coder, and a stale cache would train on events the coder no longer outputs
    coded = code_articles(files, fold_of, a.folds, a.triggers, a.cache)
    extra: list[Coded] = []
    if a.case == "A":
        from ..evaluate.gold import shared_dir

        shared = shared_dir()
        if shared is None:
            raise SystemExit("no shared/ folder found: pass --case none")
        extra = code_case(shared, "A")
        print(f"CASE half A: {len(extra)} snippets, {sum(y == 1 for x in extra for y in x['labels'])} true and "
              f"{sum(y == 0 for x in extra for y in x['labels'])} false events (always in training)")
    n = sum(len(x["labels"]) for x in coded)
    print(f"{len(coded)} articles, {n} events: {sum(1 for x in coded for y in x['labels'] if y == 1)} true, "
          f"{sum(1 for x in coded for y in x['labels'] if y == 0)} false; coded in {time.process_time() - t0:.0f} s CPU")
    probs = oof_probabilities(coded, fold_of, a.folds, a.C, extra)
    grid = [round(0.05 * k, 2) for k in range(1, 15)]
    # the coder's own events' threshold first, with no rescued candidate kept (1.01: none reaches it)
    f1 = {t: score(coded, probs, t, rescue=1.01)["f1"] for t in grid}
    best = max(grid, key=lambda t: (f1[t], -t))
    print("out-of-fold F1 by threshold:", json.dumps(f1))
    # the rescued candidates' own threshold, at least the coder's: the highest of the best out-of-fold F1s
    rgrid = [t for t in [*grid, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01] if t >= best]
    rf1 = {t: score(coded, probs, best, rescue=t)["f1"] for t in rgrid}
    rescue = max(rgrid, key=lambda t: (rf1[t], t))
    n_rescued = sum(r for a in coded for r in a.get("rescued", []))
    print(f"rescued candidates: {n_rescued}; out-of-fold F1 by their threshold:", json.dumps(rf1))
    figures = report(coded, probs, best, rescue)
    if a.json:
        a.json.write_text(json.dumps(figures, indent=1))
    if not a.no_write:
        model = fit(coded + extra, a.C, best)
        model.rescue_threshold = rescue
        print(model.save(MODEL_FILE))
    print(f"done in {time.process_time() - t0:.0f} s CPU")


if __name__ == "__main__":
    main()
