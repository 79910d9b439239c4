"""Train the role model (roles.py) from public argument annotations; report held-out figures.

    python -m eventwire.events.train_roles                      # train on everything allowed, write the model
    python -m eventwire.events.train_roles --cv 5 --no-write        # document-grouped CV of the classifier
    python -m eventwire.events.train_roles --coder-cv 5 --no-write  # the coder's party fields on team dev, model out of fold

Training data (../shared/data, dev halves only; nothing of acceptance's halves is read):
- WikiEvents dev and RAMS dev: each annotated event whose type maps to PLOVER (the dataset's
  plover_mapping.tsv; Life.Die/Life.Injure as ASSAULT) gives one example per candidate phrase of its
  trigger's sentence: 'actor' when the phrase heads an argument of an acting role (Attacker, Killer,
  Agent, Jailer, Communicator, Giver, ...), 'recipient' for a receiving role (Target, Victim, Detainee,
  Defendant, Recipient, ...), 'none' otherwise; symmetric roles (Participant) give no example;
- the team corpus's **dev** split: the gold event's trigger word (as train_triggers finds it) and every
  candidate of its sentence, labelled by the gold actor and recipient texts;
- records named in --exclude (eval/corpus/test_ids.txt) are left out; the test split is refused.
"""

from __future__ import annotations

import json
import pickle
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

from .roles import (
    ACTOR,
    NONE,
    RECIPIENT,
    ROLE_MODEL_FILE,
    RoleModel,
    candidates,
    coref_features,
    earlier_mention,
    features,
    kb_reader,
)

REPO = Path(__file__).resolve().parents[3]
OUTCOME = re.compile(r"^life\.(die|injure)", re.I)
ACTOR_ROLES = {"attacker", "killer", "injurer", "agent", "jailer", "perpetrator", "communicator", "giver",
               "demonstrator", "transporter", "investigator", "prosecutor", "impeder", "preventer", "damager",
               "destroyer", "damagerdestroyer", "spy", "inspector", "judgecourt", "yielder", "violator"}
RECIPIENT_ROLES = {"target", "victim", "detainee", "defendant", "recipient", "beneficiary", "inspectedentity",
                   "observedentity"}
SYMMETRIC_ROLES = {"participant"}  # "X and Y met": either may be coded as the actor
Example = tuple[str, dict[str, float], str, str]  # (document, features, label, event key)


def _role(name: str) -> str | None:
    low = name.lower()
    return ACTOR if low in ACTOR_ROLES else RECIPIENT if low in RECIPIENT_ROLES else None


def _dataset_examples(nlp: Any, records: list[dict[str, Any]], mapping: dict[str, str], source: str,
                      kb: Any) -> list[Example]:
    out: list[Example] = []
    docs = nlp.pipe((r["text"] for r in records), batch_size=16)
    for rec, doc in zip(records, docs, strict=True):
        group = rec.get("source_url") or rec["id"]  # RAMS passages of one article stay in one fold
        for n, ev in enumerate(rec.get("events", [])):
            ptype = mapping.get(ev["type"].lower()) or ("ASSAULT" if OUTCOME.match(ev["type"]) else None)
            span = doc.char_span(ev["trigger"]["start"], ev["trigger"]["end"], alignment_mode="expand")
            if not ptype or span is None:
                continue
            trig = span.root
            labels: dict[int, str | None] = {}
            # the sentence's own mentions first; a party named only elsewhere ("informative" mentions of
            # WikiEvents) still labels the earlier named mention
            for arg in [*ev.get("informative_arguments", []), *ev.get("arguments", [])]:
                a = doc.char_span(arg["start"], arg["end"], alignment_mode="expand")
                if a is None:
                    continue
                role = _role(arg["role"])
                if arg["role"].lower() in SYMMETRIC_ROLES:
                    labels[a.root.i] = None
                elif role is not None:
                    labels[a.root.i] = role
            key = f"{source}:{rec['id']}#{n}"
            for c in candidates(trig.sent, {trig.i}):
                lab = labels.get(c.i, NONE)
                if lab is None:
                    continue
                out.append((f"{source}:{group}", features(trig, c, ptype, kb), lab, key))
            prev = earlier_mention(trig.sent)
            prev_label = labels.get(prev.i, NONE) if prev is not None else None
            if prev is not None and prev_label is not None:
                out.append((f"{source}:{group}", coref_features(trig, prev, ptype, kb), prev_label, key))
    return out


def _fold(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def _gold_label(text: str, actors: list[str], recips: list[str]) -> str:
    t = _fold(text)
    if not t:
        return NONE
    for role, names in ((ACTOR, actors), (RECIPIENT, recips)):
        for n in names:
            g = _fold(n)
            if g and (t == g or (len(t) > 2 and f" {t} " in f" {g} ") or f" {g} " in f" {t} "):
                return role
    return NONE


def _corpus_examples(nlp: Any, paths: list[Path], kb: Any) -> list[Example]:
    from ..evaluate.gold import load_gold
    from .syntax import _np_span
    from .train_triggers import _gold_trigger

    out: list[Example] = []
    for path in paths:
        g = load_gold(path)
        doc = nlp(g.text)
        for e in g.events:
            actors = [a["text"] for a in e.get("actor", []) if a.get("text")]
            recips = [a["text"] for a in e.get("recipient", []) if a.get("text")]
            span = doc.char_span(*e["_span"], alignment_mode="expand")
            trig = _gold_trigger(span, e["plover"]["type"]) if span is not None else None
            if trig is None:
                continue
            key = f"corpus:{path.name}#{e['id']}"
            for c in candidates(trig.sent, {trig.i}):
                lab = _gold_label(_np_span(c).text, actors, recips)
                out.append((f"corpus:{path.name}", features(trig, c, e["plover"]["type"], kb), lab, key))
            prev = earlier_mention(trig.sent)
            if prev is not None:
                lab = _gold_label(_np_span(prev).text, actors, recips)
                out.append((f"corpus:{path.name}", coref_features(trig, prev, e["plover"]["type"], kb), lab, key))
    return out


def load_examples(shared: Path, exclude: set[str], corpus: Path | None) -> list[Example]:
    from ..actors import ActorResolver
    from ..evaluate.gold import training_gold_files
    from ..evaluate.mentions import training_records
    from ..nlp import load_spacy

    nlp = load_spacy(None)
    actors = ActorResolver.load()
    kb = kb_reader(actors.resolve, getattr(actors, "is_news_source", None))
    ex: list[Example] = []
    for name in ("wikievents", "rams"):
        found = training_records(shared, name, exclude)
        if found is not None:
            ex += _dataset_examples(nlp, found[0], found[1], name, kb)
    if corpus is not None and corpus.is_dir():
        ex += _corpus_examples(nlp, training_gold_files(corpus), kb)
    return ex


def fit(examples: list[Example], C: float = 0.3) -> RoleModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: Counter[str] = Counter(k for _, f, _, _ in examples for k in f)
    feats = [{k: v for k, v in f.items() if counts[k] >= 2} for _, f, _, _ in examples]
    vec = DictVectorizer()
    X = vec.fit_transform(feats)
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(X, [lab for _, _, lab, _ in examples])
    classes = [str(c) for c in clf.classes_]
    weights: dict[str, list[float]] = {}
    for j, name in enumerate(vec.get_feature_names_out()):
        col = [round(float(clf.coef_[k, j]), 3) for k in range(len(classes))]
        if any(abs(c) >= 0.01 for c in col):
            weights[str(name)] = col
    by_source = Counter(d.split(":", 1)[0] for d, *_ in examples)
    about = ("eventwire role model: multinomial logistic regression (actor / recipient / none) over the "
             f"dependency path and phrase features of {len(examples)} (trigger, candidate) pairs "
             f"({dict(by_source)}); C={C}")
    return RoleModel(classes, weights, [round(float(b), 3) for b in clf.intercept_], about)


def _prf(tp: int, pred: int, true: int) -> dict[str, float]:
    p = tp / pred if pred else 0.0
    r = tp / true if true else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}


def cross_validate(examples: list[Example], folds: int, C: float, threshold: float) -> dict[str, Any]:
    """Document-grouped folds over all training documents: per role, pair-level precision/recall of the
    model's call at ``threshold``, and per event the share whose best-scored candidate is a gold party."""
    docs = sorted({d for d, *_ in examples})
    random.Random(13).shuffle(docs)
    tally = {r: [0, 0, 0] for r in (ACTOR, RECIPIENT)}
    top = {r: [0, 0] for r in (ACTOR, RECIPIENT)}
    for k in range(folds):
        held = set(docs[k::folds])
        model = fit([e for e in examples if e[0] not in held], C)
        events: dict[str, list[tuple[dict[str, float], str]]] = {}
        for d, f, lab, key in examples:
            if d not in held:
                continue
            p = model.scores(f)
            events.setdefault(key, []).append((p, lab))
            for r in (ACTOR, RECIPIENT):
                guess = p[r] >= threshold and p[r] == max(p.values())
                tally[r][0] += guess and lab == r
                tally[r][1] += guess
                tally[r][2] += lab == r
        for rows in events.values():
            for r in (ACTOR, RECIPIENT):
                if any(lab == r for _, lab in rows):
                    best = max(rows, key=lambda x: x[0][r])
                    top[r][0] += best[1] == r
                    top[r][1] += 1
    out: dict[str, Any] = {r: _prf(*tally[r]) for r in tally}
    out.update({f"{r}_top1": round(a / b, 3) if b else None for r, (a, b) in top.items()})
    out["events_with_a_gold_party_candidate"] = {r: top[r][1] for r in top}
    return out


def coder_cross_validate(examples: list[Example], corpus: Path, folds: int, C: float,
                         settings: list[tuple[float, float]] | None = None,
                         resurrect: list[frozenset[str]] | None = None) -> dict[str, Any]:
    """The coder on the team corpus's dev articles, each coded with a role model that never saw it
    (folds of the dev articles, the model trained on everything else), beside the same run with no role
    model. The dev figure of ``eventwire eval articles`` is in-sample for the model; this one is not
    (the hand rules were still written looking at dev)."""
    from ..evaluate.articles import aggregate, evaluate_articles
    from ..evaluate.gold import training_gold_files
    from ..pipeline import Pipeline
    from . import roles as rl

    files = training_gold_files(corpus)
    random.Random(7).shuffle(files)
    pipe = Pipeline()
    models = [fit([e for e in examples if e[0] not in {f"corpus:{p.name}" for p in files[k::folds]}], C)
              for k in range(folds)]
    runs: dict[str, Any] = {}
    shipped = rl.FILL_THRESHOLD, rl.VETO_THRESHOLD, rl.RESURRECT
    plans = [(-1.0, -1.0, rl.RESURRECT), *((f, v, rl.RESURRECT) for f, v in settings or [shipped[:2]])]
    # the kinds of model-named party allowed to carry an otherwise party-less draft (roles.RESURRECT)
    plans += [(*shipped[:2], kinds) for kinds in resurrect or []]
    for fill, veto, kinds in plans:
        label = "rules only" if fill < 0 else f"role model out of fold (fill {fill}, veto {veto}" + (
            f", resurrect {'+'.join(sorted(kinds)) or 'none'})" if resurrect else ")")
        rl.FILL_THRESHOLD, rl.VETO_THRESHOLD, rl.RESURRECT = fill, veto, kinds
        per: dict[str, dict[str, Any]] = {}
        errors: list[str] = []
        for k in range(folds):
            held = files[k::folds]
            pipe.coder._roles = None if fill < 0 else models[k]
            fold = evaluate_articles(held, pipe)
            per.update(fold["per_article"])
            errors.extend(fold["errors"])
        r = aggregate(per, errors)
        runs[label] = {**{k: round(r[k], 3) for k in ("recall", "precision", "f1")}, "invented": r["invented"],
                       **{k: r["field_counts"][k] for k in ("actor", "recipient", "sector")},
                       **{f"{k}_acc": round(r["field_accuracy"][k] or 0, 3) for k in ("actor", "recipient", "sector")}}
        print(label, json.dumps(runs[label]), flush=True)
    rl.FILL_THRESHOLD, rl.VETO_THRESHOLD, rl.RESURRECT = shipped
    pipe.coder._roles = False  # the shipped model again, for whatever runs next in this process
    return runs


def main(argv: list[str] | None = None) -> None:
    from ..evaluate.gold import shared_dir
    from .train_triggers import training_arguments

    ap = training_arguments(__doc__, cv_help="document-grouped folds over all training data (0: none)", C=0.3)
    ap.add_argument("--settings", default=None,
                    help="coder-cv: fill/veto thresholds to compare, e.g. '0.5/0.1,0.35/0.05' (default: the shipped ones)")
    ap.add_argument("--resurrect", default=None,
                    help="coder-cv: sets of model-named party kinds that may carry a party-less draft, to compare: "
                         "'none;relative clause;earlier mention;sentence;relative clause,earlier mention'")
    ap.add_argument("--examples", type=Path, default=None,
                    help="a pickle of the parsed examples: read if it exists, else written (parsing takes minutes)")
    a = ap.parse_args(argv)
    shared = a.shared or shared_dir()
    if shared is None:
        raise SystemExit("no shared/ folder found: pass --shared")
    exclude: set[str] = set()
    if a.exclude and a.exclude.exists():
        exclude = {x.split("#")[-1].strip() for x in a.exclude.read_text().splitlines() if x.strip()}
    if a.corpus and a.corpus.resolve().name == "test":
        raise SystemExit("the test split is scored, never trained on")
    if a.examples is not None and a.examples.exists():
        with a.examples.open("rb") as fh:
            ex = pickle.load(fh)  # noqa: S301 - a file this script wrote
    else:
        ex = load_examples(shared, exclude, a.corpus)
        if a.examples is not None:
            with a.examples.open("wb") as fh:
                pickle.dump(ex, fh)
    labels = Counter(lab for _, _, lab, _ in ex)
    print(f"{len(ex)} (trigger, candidate) pairs {dict(labels)}, {len(exclude)} excluded records")
    if a.cv:
        print("cv (documents held out):", json.dumps(cross_validate(ex, a.cv, a.C, a.threshold)))
    settings = [(float(fill), float(veto)) for fill, veto in (pair.split("/") for pair in a.settings.split(","))] \
        if a.settings else None
    resurrect = [frozenset(k.strip() for k in group.split(",") if k.strip() and k.strip() != "none")
                 for group in a.resurrect.split(";")] if a.resurrect else None
    if a.coder_cv:
        if a.corpus is None or not a.corpus.is_dir():
            raise SystemExit("--coder-cv needs the team corpus dev folder (--corpus)")
        print("coder cv (team dev articles, field counts [right, of]):",
              json.dumps(coder_cross_validate(ex, a.corpus, a.coder_cv, a.C, settings, resurrect)))
    if not a.no_write:
        model = fit(ex, a.C)
        print(model.save(ROLE_MODEL_FILE))


if __name__ == "__main__":
    main()
