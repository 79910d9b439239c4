#!/usr/bin/env python3
"""Fit the word model of ``eventwire.actors.learned`` (rule ``learned-sector``) on the knowledge base's
own public-source entries and write ``compiled_sector_words.tsv``.

Issue 11: a description or a name whose words no entry holds as a whole gets a country from its place
words and no sector. The compiled files hold ~20,000 names and role phrases with a sector (PETRARCH2's
companies, NGOs, IGOs, state bodies and armed groups, its agent nouns; the Factbook's parties, chambers
and forces; WordNet's role nouns), and their words say much about the sector of names nobody wrote down:
"... Medical Services ..." MED, "... Democratic Forces" REB, "... Bank" BUS, "... Treaty Organization" an
IGO. Training data (never a curated file, never an evaluation case):

- every compiled organisation alias with a sector (label: the sector), or with only an intergovernmental
  code (label ``=IGO``, ``=UNO``, ``=EUR``);
- every compiled role phrase (agents, WordNet) with its sector;
- one in ``--person-every`` compiled person aliases, labelled ``PERSON``: a person's name then reads as
  somebody the model cannot place, not as the company a given name also names.

Place names inside an alias become one placeholder (the index's countries, demonyms, capitals, regions
and cities), so the model learns the words around them. Aliases spelt the same for different labels are
left out. The fit is a multinomial logistic regression (scikit-learn, L2); weights under ``--min-weight``
are dropped from the file. The script also prints the model's out-of-fold accuracy on the entries
themselves (5 folds by alias), per probability threshold: what it does on names it did not see.

    .venv/bin/python scripts/build_sector_words.py [--person-every 8] [--C 2.0] [--no-write]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.actors import kb  # noqa: E402
from eventwire.actors.learned import MODEL_FILE, PERSON, features  # noqa: E402
from eventwire.actors.normalise import tokens  # noqa: E402

OUT = ROOT / "src" / "eventwire" / "actors" / "data" / MODEL_FILE
INTERGOVERNMENTAL = frozenset(["IGO", "UNO", "EUR"])
PLACE_KINDS = frozenset(["country", "demonym", "capital", "region", "breakaway", "city"])
ROLE_FILES = (kb.AGENTS_FILE, kb.WORDNET_FILE)


def place_positions(toks: list[str], index: dict[str, tuple[kb.Entry, ...]], max_len: int = 4) -> set[int]:
    """Token positions a place name of the index covers (longest first, left to right)."""
    out: set[int] = set()
    i = 0
    while i < len(toks):
        for n in range(min(max_len, len(toks) - i), 0, -1):
            k = " ".join(toks[i:i + n])
            if any(e.kind in PLACE_KINDS for e in index.get(k, ())):
                out.update(range(i, i + n))
                i += n
                break
        else:
            i += 1
    return out


def examples(person_every: int) -> list[tuple[str, str]]:
    """(normalised alias, label) pairs from the compiled files; spellings with two labels left out."""
    labels: dict[str, set[str]] = defaultdict(set)
    for name in kb.COMPILED_ORGS:
        for _, row in kb.read_rows(name):
            sector = row["sector"]
            if not sector and row["country"] in INTERGOVERNMENTAL:
                label = "=" + row["country"]
            elif sector:
                label = sector
            else:
                continue
            for alias in [row["name"], *kb._split(row["aliases"])]:
                k = " ".join(tokens(alias.lstrip("=")))
                if k:
                    labels[k].add(label)
    for name in ROLE_FILES:
        for _, row in kb.read_rows(name):
            for alias in kb._split(row["aliases"]):
                k = " ".join(tokens(alias.lstrip("=")))
                if k and row["sector"]:
                    labels[k].add(row["sector"])
    people: set[str] = set()
    for name in kb.COMPILED_PEOPLE:
        for _, row in kb.read_rows(name):
            for alias in [row["name"], *kb._split(row["aliases"])]:
                k = " ".join(tokens(alias))
                # a deterministic sample, the same on every build
                if " " in k and int(hashlib.sha1(k.encode("utf-8")).hexdigest(), 16) % person_every == 0:
                    people.add(k)
    for k in people:
        labels[k].add(PERSON)
    return sorted((k, next(iter(v))) for k, v in labels.items() if len(v) == 1)


def _mit_notice() -> list[str]:
    """The MIT notice of the PETRARCH2 dictionaries, as the compiled CAMEO file's header carries it."""
    text = (ROOT / "src" / "eventwire" / "actors" / "data" / "compiled_cameo_orgs.tsv").read_text(encoding="utf-8")
    head = [ln for ln in text.splitlines()[1:] if ln.startswith("#")]
    return head[:next((i for i, ln in enumerate(head) if "USE OR OTHER DEALINGS" in ln), len(head) - 1) + 1]



def write_model(out: Path, header: list[str], m: Any, names: Any, min_weight: float) -> None:
    """Write a fitted logistic regression as the TSV ``actors.learned`` reads: the header's comment lines, the
    MIT notice, the labels, the intercepts, then one row per feature with its weights of ``min_weight`` or more."""
    lines = [
        *header,
        *_mit_notice(),
        "feature\t" + "\t".join(m.classes_),
        "__bias__\t" + " ".join(f"{j}={v:.3f}" for j, v in enumerate(m.intercept_)),
    ]
    import numpy as np

    coef = m.coef_.T
    for i in np.argsort(names):
        items = [f"{j}={v:.2f}" for j, v in enumerate(coef[i]) if abs(v) >= min_weight]
        if items:
            lines.append(f"{names[i]}\t" + " ".join(items))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(lines)} lines, {out.stat().st_size // 1024} KB)")

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--person-every", type=int, default=8)
    ap.add_argument("--C", type=float, default=2.0)
    ap.add_argument("--min-weight", type=float, default=0.05)
    ap.add_argument("--min-count", type=int, default=2, help="features seen fewer times are left out")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    base = kb.load()
    data = examples(args.person_every)
    feats = [features(k.split(" "), place_positions(k.split(" "), base.index)) for k, _ in data]
    counts = Counter(f for fs in feats for f in fs)
    rows = [(dict.fromkeys((f for f in fs if counts[f] >= args.min_count), 1), label)
            for fs, (_, label) in zip(feats, data, strict=True)]
    rows = [(x, y) for x, y in rows if x]
    print(f"examples {len(rows)} of {len(data)} aliases; labels {Counter(y for _, y in rows).most_common()}")
    vec = DictVectorizer()
    x = vec.fit_transform([r[0] for r in rows])
    y = np.array([r[1] for r in rows])

    def fit(xs: object, ys: object) -> LogisticRegression:
        return LogisticRegression(C=args.C, max_iter=300).fit(xs, ys)

    # out of fold on the entries themselves: 5 folds by alias
    fold = np.array([int(hashlib.sha1(k.encode("utf-8")).hexdigest(), 16) % 5
                     for (k, _), fs in zip(data, feats, strict=True) if any(counts[f] >= args.min_count for f in fs)])
    probs = np.zeros(len(rows))
    pred = np.empty(len(rows), dtype=object)
    for f in range(5):
        tr, te = fold != f, fold == f
        m = fit(x[tr], y[tr])
        p = m.predict_proba(x[te])
        probs[te] = p.max(axis=1)
        pred[te] = m.classes_[p.argmax(axis=1)]
    nonperson = y != PERSON
    print("out of fold (labels other than PERSON; fired = predicted a sector at that probability):")
    for t in (0.0, 0.5, 0.6, 0.7, 0.8, 0.9):
        fired = nonperson & (probs >= t) & (pred != PERSON)
        right = fired & (pred == y)
        print(f"  p>={t:.1f}: fired {fired.sum() / nonperson.sum():.3f} of {nonperson.sum()}, "
              f"right {right.sum() / max(1, fired.sum()):.3f}; persons read as a sector "
              f"{((~nonperson) & (probs >= t) & (pred != PERSON)).sum()} of {(~nonperson).sum()}")
    if args.no_write:
        return 0
    m = fit(x, y)
    names = vec.get_feature_names_out()
    lines = [
        f"# COMPILED by scripts/build_sector_words.py: a logistic regression (C={args.C}) of the sector of the",
        "# compiled files' names and role phrases (compiled_orgs.tsv: CIA World Factbook, public domain;",
        "# compiled_cameo_orgs.tsv, compiled_agents.tsv: PETRARCH2 dictionaries, MIT, Open Event Data Alliance;",
        "# compiled_wordnet_roles.tsv: \"WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\";",
        f"# a sample of the compiled people's names as PERSON, one in {args.person_every}) on their words. Do not edit: rebuild.",
        "# feature<TAB>label index=weight ... (weights under " + f"{args.min_weight} left out); __bias__ = intercepts.",
    ]
    write_model(OUT, lines, m, names, args.min_weight)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
