"""What the learned sentence filter (events/sentence_filter.py) changes: events with the lexicon pre-filter
alone and with the learned filter after it, on the same articles, with the share of characters spaCy parses.

    .venv/bin/python eval/tools/sentence_filter_diff.py                 # dev 324 by group, bench 60
    .venv/bin/python eval/tools/sentence_filter_diff.py --show-lost     # lost events of trainable dev articles

Groups: the trainable dev articles (the filter's training texts), the untouched LGL half B (dev_untouched.txt;
aggregate counts only, never listed) and the throughput bench's articles (bench/throughput.py's set).
An event is identical when its evidence start, type, dead, place, date and parties are (bench/prefilter.py's key).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _key(e: Any) -> tuple[Any, ...]:
    parties = tuple(sorted(str((a.role, a.country, a.sector)) for a in e.actors))
    return (e.evidence.start, e.plover_type, e.size.dead, e.location.name if e.location else None,
            e.date.start if e.date else None, parties)


def _parsed_share(texts: list[str], learned: bool) -> float:
    from eventwire.events.prefilter import sparse_text

    full = sum(len(t) - t.count(" ") for t in texts)
    kept = sum(len(s) - s.count(" ") for s in (sparse_text(t, learned=learned)[0] for t in texts))
    return kept / max(1, full)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=60, help="bench articles")
    ap.add_argument("--show-lost", action="store_true", help="list events lost on trainable dev articles")
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from throughput import load_texts

    from eventwire import Article, Pipeline, Settings
    from eventwire.evaluate.gold import load_gold, untouched_stems

    corpus = ROOT / "eval" / "corpus" / "dev"
    untouched = untouched_stems(corpus)
    paths = sorted(corpus.glob("*.gold.json"))
    arts = [load_gold(p).article(check_language=False) for p in paths]
    names = [p.name.removesuffix(".gold.json") for p in paths]
    bench = [Article.from_text(t) for t in load_texts(a.n)]
    sets: dict[str, list[Any]] = {
        "dev trainable": [x for x, n in zip(arts, names, strict=True) if n not in untouched],
        "dev LGL half B": [x for x, n in zip(arts, names, strict=True) if n in untouched],
        "bench": bench,
    }
    labels = {id(x): n for x, n in zip(arts, names, strict=True)}
    pipes = {lf: Pipeline(Settings(prefilter=True, prefilter_learned=lf)) for lf in (False, True)}
    for p in pipes.values():
        list(p.process(bench[:1]))
    print(f"{'set':15s} {'arts':>5s} {'parsed lex':>10s} {'parsed lrn':>10s} {'ev lex':>6s} {'ev lrn':>6s} "
          f"{'same':>5s} {'lost':>5s} {'new':>5s} {'cpu lex':>7s} {'cpu lrn':>7s}")
    for name, group in sets.items():
        res: dict[bool, list[set[Any]]] = {}
        cpu: dict[bool, float] = {}
        for lf, p in pipes.items():
            t = time.process_time()
            res[lf] = [{_key(e) for e in r.events} for r in p.process(group)]
            cpu[lf] = time.process_time() - t
        same = sum(len(x & y) for x, y in zip(res[False], res[True], strict=True))
        lost = sum(len(x - y) for x, y in zip(res[False], res[True], strict=True))
        new = sum(len(y - x) for x, y in zip(res[False], res[True], strict=True))
        texts = [x.text for x in group]
        print(f"{name:15s} {len(group):5d} {_parsed_share(texts, False):10.3f} {_parsed_share(texts, True):10.3f} "
              f"{sum(map(len, res[False])):6d} {sum(map(len, res[True])):6d} {same:5d} {lost:5d} {new:5d} "
              f"{cpu[False]:7.1f} {cpu[True]:7.1f}")
        if a.show_lost and name == "dev trainable":
            for art, x, y in zip(group, res[False], res[True], strict=True):
                for k in sorted(x - y, key=str):
                    print(f"  lost {labels[id(art)]}: {k[1]} at {k[0]}: {art.text[k[0]:k[0] + 90]!r}")


if __name__ == "__main__":
    main()
