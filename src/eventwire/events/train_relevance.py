"""Train the relevance gate (relevance.py); report its out-of-fold figures and choose its thresholds.

    python -m eventwire.events.train_relevance                 # rows, CV, thresholds, write the model
    python -m eventwire.events.train_relevance --no-write      # figures only
    python -m eventwire.events.train_relevance --cache DIR     # keep / reuse the coder's output (DIR/coded.jsonl)

Rows (labels read from gold, never from the coder):
- the team corpus's trainable dev articles (``evaluate.gold.training_gold_files``: never the untouched ones,
  never the test split): one article row, positive when its gold has a required event, and one row per
  sentence, positive when a gold event's evidence overlaps it;
- ../shared/data, mention half A only (``evaluate.mentions.half_of``; half B is only scored by
  ``eventwire eval mentions``), without the test split's records (eval/corpus/test_ids.txt), the untouched
  articles' records and records the corpus already holds: WikiEvents documents (every event annotated: a
  sentence is positive when a trigger of a PLOVER-mappable type lies in it, else negative; the document is
  positive when it has one) and RAMS passages (one event annotated: its trigger sentence is positive when
  its type maps to PLOVER, negative when it does not; the passage row is positive when it maps);
- CASE 2021 task 2 snippets of half A (``evaluate.snippets.half_of``): each snippet one sentence row and one
  article row, negative for the disaster kinds (train_accept.CASE_NO_EVENT), positive otherwise.

Out of fold: the corpus articles are split into 5 folds by outlet group (train_accept.grouped_folds); each
fold's articles are scored by models fitted on the other folds' rows and all the public rows. The coder (gate
off, acceptance on, shipped models) codes the trainable articles once; the thresholds are the pair that
maximises its F1 over those articles out of fold (ties: the lower pair, the gate that drops less).
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from .accept import ENV as ACCEPT_ENV
from .relevance import (
    ENV,
    MODEL_FILE,
    Linear,
    RelevanceModel,
    article_features,
    keep,
    sentence_features,
    sentence_index,
    sentence_spans,
)
from .train_triggers import REPO

DEV = REPO / "eval" / "corpus" / "dev"
TEST_IDS = REPO / "eval" / "corpus" / "test_ids.txt"
ARTICLE_GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
SENTENCE_GRID = (0.0, 0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3)
Row = tuple[dict[str, float], int]


def _text_rows(text: str, positives: list[tuple[int, int]], negatives: list[tuple[int, int]] | None = None,
               ) -> list[Row]:
    """Sentence rows of a text: positive when a span in ``positives`` overlaps the sentence; negative when
    ``negatives`` is None (every event annotated) or a span in it overlaps the sentence."""
    spans = sentence_spans(text)
    rows = []
    for i, (a, b) in enumerate(spans):
        pos = any(s < b and e > a for s, e in positives)
        if pos or negatives is None or any(s < b and e > a for s, e in negatives):
            rows.append((sentence_features(text[a:b], i, len(spans)), int(pos)))
    return rows


def corpus_rows() -> list[dict[str, Any]]:
    """One item per trainable corpus article: stem, name, text, its article row and sentence rows."""
    from ..evaluate.gold import load_gold, training_gold_files

    out = []
    for path in training_gold_files(DEV):
        g = load_gold(path)
        text = g.article(check_language=False).text
        spans = [tuple(e["_span"]) for e in g.events]
        label = int(any(e["required"] for e in g.events))
        out.append({"stem": path.name.removesuffix(".gold.json"), "name": path.name, "text": text,
                    "article": (article_features(text), label), "sentences": _text_rows(text, spans)})
    return out


def public_rows(shared: Path) -> tuple[list[Row], list[Row], Counter[str]]:
    """Article rows, sentence rows and a count of texts per data set, from ../shared/data (see the docstring)."""
    from ..evaluate.gold import load_gold, training_gold_files, untouched_stems
    from ..evaluate.mentions import half_of, load_mapping, read_records
    from ..evaluate.snippets import half_of as snippet_half
    from .train_accept import CASE_NO_EVENT

    exclude = {x.strip() for x in TEST_IDS.read_text(encoding="utf-8").splitlines() if x.strip()}
    exclude |= {s.replace("-", "#", 1) for s in untouched_stems(DEV)}
    for path in training_gold_files(DEV):
        ref = load_gold(path).meta.get("text_ref") or {}
        if ref:
            exclude.add(f"{Path(ref['file']).parent.name}#{ref['id']}")
    arts: list[Row] = []
    sents: list[Row] = []
    count: Counter[str] = Counter()
    for name in ("wikievents", "rams"):
        path = shared / "data" / name / "dev.jsonl"
        if not path.is_file():
            continue
        mapping = load_mapping(path.parent / "plover_mapping.tsv")
        for r in read_records(path):
            if f"{name}#{r['id']}" in exclude or half_of(str(r["id"])) != "A":
                continue
            mapped = [(e["trigger"]["start"], e["trigger"]["end"]) for e in r["events"]
                      if e["type"].lower() in mapping]
            other = [(e["trigger"]["start"], e["trigger"]["end"]) for e in r["events"]
                     if e["type"].lower() not in mapping]
            sents += _text_rows(r["text"], mapped, None if name == "wikievents" else other)
            if name == "wikievents" or mapped:
                arts.append((article_features(r["text"]), int(bool(mapped))))
            count[name] += 1
    path = shared / "data" / "case2021_task2" / "dev.jsonl"
    if path.is_file():
        for r in read_records(path):
            if f"case2021_task2#{r['id']}" in exclude or snippet_half(str(r["id"])) != "A":
                continue
            y = int(r["label"] not in CASE_NO_EVENT)
            arts.append((article_features(r["text"]), y))
            sents.append((sentence_features(r["text"], 0, 1), y))
            count["case2021_task2"] += 1
    return arts, sents, count


def _fit(rows: list[Row], C: float, digits: int = 3) -> Linear:  # noqa: N803 - scikit-learn's name
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: Counter[str] = Counter(k for f, _ in rows for k in f)
    vec = DictVectorizer()
    X = vec.fit_transform([{k: v for k, v in f.items() if counts[k] >= 2} for f, _ in rows])  # noqa: N806
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(X, [y for _, y in rows])
    names = vec.get_feature_names_out()
    floor = 0.5 * 10 ** -digits
    return Linear({str(n): round(float(w), digits) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= floor},
                  round(float(clf.intercept_[0]), 4))


def code_corpus(items: list[dict[str, Any]], cache: Path | None, events: str, shared: Path,
                folds: int) -> dict[str, list[dict[str, Any]]]:
    """The coder's events (gate off) on each corpus article, by stem (cached in ``cache``/coded-EVENTS.jsonl).

    ``events="accept-oof"`` (default): the coder with its acceptance step out of fold (train_accept's folds,
    model and shipped threshold; each article's candidates judged by an acceptance model fitted without its
    fold and with CASE half A), so the gate is chosen on the false events that pass an acceptance step which
    never saw the article, as on unseen news. ``events="shipped"``: the pipeline as shipped (its acceptance
    model has seen these articles, and has already dropped most of their false events)."""
    from ..pipeline import Pipeline

    file = cache / f"coded-{events}.jsonl" if cache is not None else None
    if file is not None and file.is_file():
        rows = [json.loads(x) for x in file.read_text(encoding="utf-8").splitlines() if x]
        cached = {r["stem"]: r["events"] for r in rows}
        if {it["stem"] for it in items} <= cached.keys():  # else the corpus grew: code it afresh
            return cached
    saved = {k: os.environ.get(k) for k in (ENV, ACCEPT_ENV)}
    os.environ[ENV] = "0"
    try:
        if events == "accept-oof":
            out = _accept_oof(items, shared, folds, cache or Path("/tmp/eventwire-relevance"))
        else:
            pipe = Pipeline()
            arts = [_gold(it["name"]).article(check_language=False) for it in items]
            out = {it["stem"]: [e.to_dict() for e in res.events]
                   for it, res in zip(items, pipe.process(arts), strict=True)}
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text("".join(json.dumps({"stem": s, "events": ev}) + "\n" for s, ev in out.items()), encoding="utf-8")
    return out


def _accept_oof(items: list[dict[str, Any]], shared: Path, folds: int, cache: Path) -> dict[str, list[dict[str, Any]]]:
    from .accept import default_model
    from .train_accept import code_articles, code_case, grouped_folds, oof_probabilities

    cache.mkdir(parents=True, exist_ok=True)
    fold_of = grouped_folds([it["stem"] for it in items], folds)
    coded = code_articles([DEV / it["name"] for it in items], fold_of, folds, "shipped", cache)
    probs = oof_probabilities(coded, fold_of, folds, 0.3, code_case(shared, "A"))
    model = default_model()
    thr, rescue = (model.threshold, model.rescue_threshold) if model is not None else (0.0, 1.01)
    return {a["stem"]: [e for e, p, r in zip(a["events"], ps, a["rescued"], strict=True)
                        if p >= (max(thr, rescue) if r else thr)] for a, ps in zip(coded, probs, strict=True)}


def anchor(e: dict[str, Any]) -> int:
    ev = e.get("evidence") or {}
    return int(ev["trigger_start"] if ev.get("trigger_start") is not None else ev.get("start") or 0)


def oof_scores(items: list[dict[str, Any]], arts_public: list[Row], sents: list[Row], folds: int, C: float,
               ) -> dict[str, tuple[float, list[float]]]:
    """Each corpus article's article score and sentence scores from models that never saw its fold."""
    from .train_accept import grouped_folds

    fold_of = grouped_folds([it["stem"] for it in items], folds)
    out: dict[str, tuple[float, list[float]]] = {}
    for k in range(folds):
        train = [it for it in items if fold_of[it["stem"]] != k]
        model = RelevanceModel(_fit([it["article"] for it in train] + arts_public, C),
                               _fit([r for it in train for r in it["sentences"]] + sents, C))
        for it in items:
            if fold_of[it["stem"]] == k:
                a, _spans, s = model.scores(it["text"])
                out[it["stem"]] = (a, s)
    return out


def figures(items: list[dict[str, Any]], coded: dict[str, list[dict[str, Any]]],
            scores: dict[str, tuple[float, list[float]]], at: float, st: float) -> dict[str, Any]:
    """The coder's figures over the corpus articles with the gate at (article, sentence) thresholds."""
    from ..evaluate.articles import aggregate, score_article

    per = {}
    empty = 0
    model = RelevanceModel(Linear({}, 0.0), Linear({}, 0.0), at, st)
    for it in items:
        spans = sentence_spans(it["text"])
        a, s = scores[it["stem"]]
        kept = [e for e in coded[it["stem"]]
                if keep(a, len(spans), s[sentence_index(spans, anchor(e))] if spans else 1.0, model)]
        gold = _gold(it["name"])
        per[it["name"]] = score_article(gold, kept)
        if not any(g["required"] for g in gold.events):
            empty += len(kept)
    r = aggregate(per, [])
    return {"recall": r["recall"], "precision": r["precision"], "f1": r["f1"], "system_events": r["system_events"],
            "events_on_articles_without_one": empty}


_golds: dict[str, Any] = {}


def _gold(name: str) -> Any:
    from ..evaluate.gold import load_gold

    if name not in _golds:
        _golds[name] = load_gold(DEV / name)
    return _golds[name]


def main(argv: list[str] | None = None) -> None:
    from ..evaluate.gold import shared_dir

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("-C", type=float, default=0.3)
    ap.add_argument("--cache", type=Path, default=None, help="keep / reuse the coder's output here")
    ap.add_argument("--events", choices=("accept-oof", "shipped"), default="accept-oof",
                    help="the events the gate is chosen on: the acceptance step out of fold (default) or as shipped")
    ap.add_argument("--public-articles", action="store_true",
                    help="also fit the article model on the public texts (nearly all report an event: off by default)")
    ap.add_argument("--no-write", action="store_true")
    a = ap.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        raise SystemExit("no shared/ folder found: set EVENTWIRE_SHARED")
    items = corpus_rows()
    arts, sents, count = public_rows(shared)
    n_sent = sum(len(it["sentences"]) for it in items)
    print(f"corpus: {len(items)} articles ({sum(it['article'][1] for it in items)} with a required event), "
          f"{n_sent} sentences ({sum(y for it in items for _, y in it['sentences'])} with an event); public: "
          f"{dict(count)} -> {len(arts)} article rows, {len(sents)} sentence rows ({sum(y for _, y in sents)} positive)")
    coded = code_corpus(items, a.cache, a.events, shared, a.folds)
    arts_used = arts if a.public_articles else []
    scores = oof_scores(items, arts_used, sents, a.folds, a.C)
    grid = {(at, st): figures(items, coded, scores, at, st) for at in ARTICLE_GRID for st in SENTENCE_GRID}
    at, st = max(grid, key=lambda k: (grid[k]["f1"], -k[0], -k[1]))
    base = grid[(0.0, 0.0)]
    print("out of fold, gate off:", json.dumps(base))
    print(f"out of fold, gate at article {at} / sentence {st}:", json.dumps(grid[(at, st)]))
    for k in ((0.2, 0.05), (at, 0.0), (0.0, st)):
        print(f"  at {k}:", json.dumps(grid[k]))
    if a.no_write:
        return
    public = f"{dict(count)} public texts (half A)"
    about = (f"eventwire relevance gate: two binary logistic regressions (C={a.C}): article (words, headline words, "
             f"length) on the {len(items)} team-corpus dev articles{' and ' + public if a.public_articles else ''}; "
             f"sentence (words, word pairs, position, length, digits, quotes) on their {n_sent} sentences and "
             f"{public}; thresholds article {at} / sentence {st} chosen out of fold: F1 {base['f1']:.3f} -> "
             f"{grid[(at, st)]['f1']:.3f} over the {len(items)} articles")
    model = RelevanceModel(_fit([it["article"] for it in items] + arts_used, a.C),
                           _fit([r for it in items for r in it["sentences"]] + sents, a.C), at, st, about,
                           [f"eval/corpus/dev trainable articles: {len(items)}",
                            *(f"shared/data/{k} dev, half A: {v} texts" for k, v in sorted(count.items()))])
    print(model.save(MODEL_FILE))


if __name__ == "__main__":
    main()
