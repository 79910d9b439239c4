"""Time and memory of one long article through the pipeline, by length (windows.py).

    .venv/bin/python bench/long_text.py --sizes 100000,500000,1000000,5000000

Each size runs in a fresh process that loads the pipeline and codes a short article first (outside
the clock), then codes one article of that many characters: the news texts under ../shared (the
seed article, gwn/lgl/re3d dev sets) joined as paragraphs and cycled. Prints seconds, characters
per second, events, the resident memory after loading and the peak while coding (max RSS), and
the ratio of each size's time to the first size's. No timing is asserted anywhere: these are figures
for docs/scale.md.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import load_texts  # noqa: E402


def long_text(chars: int) -> str:
    texts = load_texts(400)
    parts: list[str] = []
    total = 0
    i = 0
    while total < chars:
        t = texts[i % len(texts)].strip()
        parts.append(t)
        total += len(t) + 2
        i += 1
    return "\n\n".join(parts)[:chars]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _one(chars: int) -> dict[str, float]:
    import os

    os.environ["EVENTWIRE_MAX_CHARS"] = str(max(chars, 5_000_000))
    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    pipeline = Pipeline()
    pipeline.extract("Syrian forces shelled Saraqib on Monday, killing 13 civilians, the observatory said.")
    loaded = _rss_mb()
    article = Article.from_text(long_text(chars))
    start = time.perf_counter()
    events = len(next(pipeline.process([article])).events)
    elapsed = time.perf_counter() - start
    return {"chars": len(article.text), "seconds": elapsed, "events": events, "loaded_mb": loaded,
            "peak_mb": _rss_mb()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100000,500000,1000000,5000000", help="comma-separated lengths")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'chars':>10} {'seconds':>9} {'chars/s':>9} {'events':>7} {'loaded MB':>10} {'peak MB':>8} {'x time':>7}")
    first = None
    ctx = mp.get_context("spawn")  # a fresh interpreter per size: peak memory is that size's own
    for size in sizes:
        with cf.ProcessPoolExecutor(1, mp_context=ctx) as pool:
            r = pool.submit(_one, size).result()
        first = first or r["seconds"]
        print(f"{r['chars']:>10,} {r['seconds']:>9.1f} {r['chars'] / r['seconds']:>9,.0f} {r['events']:>7} "
              f"{r['loaded_mb']:>10.0f} {r['peak_mb']:>8.0f} {r['seconds'] / first:>7.1f}", flush=True)


if __name__ == "__main__":
    main()
