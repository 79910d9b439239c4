"""What the pre-filter changes: events with and without it on the same articles, and the time.

    .venv/bin/python bench/prefilter.py                 # GWN + LGL dev (60 each) and re3d dev
    .venv/bin/python bench/prefilter.py --sets re3d --n 35
    .venv/bin/python bench/prefilter.py --context always   # every sentence before a trigger sentence kept
    .venv/bin/python bench/prefilter.py --learned          # lexicon pre-filter alone vs + learned sentence filter

Reads ../shared/data (or $EVENTWIRE_SHARED); prints, per set, articles, the share of characters kept,
events without / with the pre-filter, how many are identical (same evidence start, type, dead, place,
date and parties) and seconds for each run.
"""

from __future__ import annotations

import argparse
import json
import time

from eventwire import Article, Pipeline, Settings
from eventwire.evaluate.gold import shared_dir
from eventwire.events.prefilter import sparse_text


def _key(e):  # noqa: ANN001, ANN202 - a bench helper
    parties = tuple(sorted(str((a.role, a.country, a.sector)) for a in e.actors))
    return (e.evidence.start, e.plover_type, e.size.dead, e.location.name if e.location else None,
            e.date.start if e.date else None, parties)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="+", default=["gwn", "lgl", "re3d"])
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--published", default="2018-01-23")
    ap.add_argument("--context", default="references", choices=["references", "always", "none"],
                    help="which sentence before a trigger sentence the pre-filter keeps (Settings.prefilter_context)")
    ap.add_argument("--learned", action="store_true",
                    help="compare the lexicon pre-filter alone (off) with it and the learned sentence filter (on)")
    a = ap.parse_args()
    shared = shared_dir()
    if shared is None:
        raise SystemExit("no ../shared folder: set EVENTWIRE_SHARED")
    if a.learned:  # "off": the lexicon pre-filter alone; "on": with the learned sentence filter after it
        pipes = {pf: Pipeline(Settings(prefilter=True, prefilter_context=a.context, prefilter_learned=pf))
                 for pf in (False, True)}
    else:
        pipes = {pf: Pipeline(Settings(prefilter=pf, prefilter_context=a.context, prefilter_learned=False))
                 for pf in (False, True)}
    print(f"{'set':6s} {'articles':>8s} {'kept':>6s} {'events off':>10s} {'events on':>9s} {'identical':>9s} "
          f"{'s off':>6s} {'s on':>6s}")
    for name in a.sets:
        arts = []
        for line in list((shared / "data" / name / "dev.jsonl").open(encoding="utf-8"))[: a.n]:
            try:
                arts.append(Article.from_text(json.loads(line)["text"], published=a.published))
            except Exception:  # noqa: BLE001, S112 - an unreadable row is not this bench's subject
                continue
        kept = sum(sparse_text(x.text, a.context, a.learned)[1] * len(x.text) for x in arts) / max(1, sum(len(x.text) for x in arts))
        res, secs = {}, {}
        for pf, pipe in pipes.items():
            list(pipe.process(arts[:1]))  # load models outside the timing
            t = time.perf_counter()
            res[pf] = {r.article.article_id: {_key(e) for e in r.events} for r in pipe.process(arts)}
            secs[pf] = time.perf_counter() - t
        same = sum(len(res[False][k] & res[True][k]) for k in res[False])
        n_off, n_on = (sum(map(len, res[pf].values())) for pf in (False, True))
        print(f"{name:6s} {len(arts):8d} {kept:6.2f} {n_off:10d} {n_on:9d} {same:9d} {secs[False]:6.1f} {secs[True]:6.1f}")


if __name__ == "__main__":
    main()
