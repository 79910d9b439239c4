"""The whole coder on the dev articles with a trigger model that never saw each article, its false events listed.

    .venv/bin/python eval/tools/coder_oof.py --cache /tmp/oof [--fps] [--misses] [--in-sample]

`train_triggers --coder-cv 5` gives the out-of-fold figure; this tool gives the same figure (the same folds:
files shuffled with seed 7, fold k = files[k::5]) and lists what the coder got wrong, so that false events
can be read where the trigger model did not learn them. The fold models and the spaCy parses are cached in
--cache (rebuilt when absent), so a change to the coder's rules is re-scored in a minute or two.
Figures: all dev articles, and apart the older ones and those each later round added (eval/corpus/dev_round7.txt,
dev_round8.txt).
It refuses the test split.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from eventwire.evaluate.articles import aggregate, score_article
from eventwire.evaluate.gold import listed_stems, load_gold, shared_dir, training_gold_files
from eventwire.events.train_triggers import REPO, fit, load_examples
from eventwire.events.triggers import TriggerModel, default_model
from eventwire.pipeline import Pipeline

DEV = REPO / "eval" / "corpus" / "dev"
ROUNDS = {"round7": REPO / "eval" / "corpus" / "dev_round7.txt", "round8": REPO / "eval" / "corpus" / "dev_round8.txt"}


def _snip(text: str, a: int, b: int) -> str:
    return " ".join(text[a:b].split())[:240]


def fold_models(cache: Path, files: list[Path], folds: int) -> list[TriggerModel]:
    paths = [cache / f"fold{k}.json" for k in range(folds)]
    if all(p.exists() for p in paths):
        return [TriggerModel.load(p) for p in paths]
    shared = shared_dir()
    if shared is None:
        raise SystemExit("no shared/ folder")
    exclude = {x.split("#")[-1].strip() for x in (REPO / "eval/corpus/test_ids.txt").read_text().splitlines()
               if x.strip()}
    ex = load_examples(shared, exclude, DEV)
    out = []
    for k, p in enumerate(paths):
        names = {f"corpus:{f.name}" for f in files[k::folds]}
        m = fit([e for e in ex if e[0] not in names], 0.5)
        m.save(p)
        out.append(TriggerModel.load(p))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--fps", action="store_true")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--in-sample", action="store_true", help="the shipped model for every article")
    ap.add_argument("--only", choices=("old", *ROUNDS), help="list only the older articles' or one round's")
    ap.add_argument("--dump", type=Path, help="write every article's events (JSON) here")
    a = ap.parse_args(argv)
    a.cache.mkdir(parents=True, exist_ok=True)
    files = training_gold_files(DEV)  # the untouched dev articles (dev_untouched.txt) are never listed
    random.Random(7).shuffle(files)
    added = {name: listed_stems(p) for name, p in ROUNDS.items() if p.exists()}
    models = [default_model()] * a.folds if a.in_sample else fold_models(a.cache, files, a.folds)
    pipe = Pipeline()
    coder = pipe.coder
    per: dict[str, dict[str, Any]] = {}
    dump: dict[str, Any] = {}
    for k in range(a.folds):
        coder._triggers = models[k]
        for path in files[k::a.folds]:
            gold = load_gold(path)
            art = gold.article(check_language=False)
            parse = pipe._parse_text(art.text)
            key = a.cache / f"doc-{hashlib.sha1(parse.encode()).hexdigest()[:16]}.bin"
            if key.exists():
                doc = Doc(pipe.nlp.vocab).from_bytes(key.read_bytes())
            else:
                doc = pipe.nlp(parse)
                key.write_bytes(doc.to_bytes(exclude=["user_data"]))
            events = [e.to_dict() for e in coder.code(doc, art)]
            per[path.name] = r = score_article(gold, events)
            stem = path.name.removesuffix(".gold.json")
            part = next((name for name, ids in added.items() if stem in ids), "old")
            dump[path.name] = events
            if a.only and a.only != part:
                continue
            gspans = [(g["_span"], g) for g in gold.events]
            if a.fps:
                for ev in events:
                    s, e = ev["evidence"]["start"], ev["evidence"]["end"]
                    t = ev["plover_type"]
                    if any(gs < e and ge > s and t in {g["plover"]["type"], *g["plover"].get("alt_types", [])}
                           for (gs, ge), g in gspans):
                        continue
                    here = [g["plover"]["type"] for (gs, ge), g in gspans if gs < e and ge > s]
                    acts = [f"{x.get('role', '?')[0]}:{x.get('text')}/{x.get('country')}/{x.get('sector')}"
                            for x in ev.get("actors", [])]
                    print(f"FP {part} {t:9} {stem} [{(ev.get('explain') or {}).get('type', '')}] {acts} "
                          f"gold:{here or '-'} | {_snip(gold.text, s, e)}")
            if a.misses:
                for gid in r["missed"]:
                    g = next(x for x in gold.events if x["id"] == gid)
                    s, e = g["_span"]
                    print(f"MISS {part} {g['plover']['type']:9} {stem} {gid} | {_snip(gold.text, s, e)}")
    if a.dump:
        a.dump.write_text(json.dumps(dump))
    def part_of(n: str) -> str:
        return next((name for name, ids in added.items() if n.removesuffix(".gold.json") in ids), "old")

    rows = {"all": per, **{k: {n: p for n, p in per.items() if part_of(n) == k} for k in ("old", *added)}}
    for name, sub in rows.items():
        r = aggregate(sub, [])
        print(f"{'in-sample' if a.in_sample else 'oof'} {name:6} n={r['articles']:3} R {r['recall']:.3f} "
              f"P {r['precision']:.3f} F1 {r['f1']:.3f}  found {r['required_found']}/{r['required']} "
              f"system {r['system_events']} fp {r['false_positives']}")
    r = aggregate(per, [])
    print("by type (found, required, system, matched):", json.dumps(r["by_type"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
