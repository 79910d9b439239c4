"""End-to-end throughput of eventwire next to raw spaCy ``nlp.pipe`` on the same articles.

    .venv/bin/python bench/throughput.py --n 200

For 1 and 2 workers it runs, side by side in one invocation: ``Pipeline.process`` (everything
eventwire does per article, whatever that is at the time) and ``nlp.pipe`` of the same spaCy
pipeline, each worker in a fresh process that loads its pipeline once before the clock starts.
Reports articles/s, chars/s, events found and peak memory (max RSS) per worker.

``EVENTWIRE_MINILM_BACKEND=onnx-int8`` times eventwire with the sentence encoder's int8 weights (not the
default: labels can change, docs/scale.md).

``--stock`` adds a third row: ``nlp.pipe`` of the same pipeline with spaCy's own attribute ruler
(EVENTWIRE_ATTRIBUTE_TABLE=0) instead of the table form eventwire loads (nlp/attribute_table.py, same
annotations): what plain spaCy costs a user who loads the model with ``spacy.load``.

Input: the seed article plus article texts under ../shared/data (gwn, lgl, re3d), read at run time;
cycled when --n exceeds what is there.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

SHARED = Path(os.environ.get("EVENTWIRE_SHARED", Path(__file__).resolve().parents[1] / "../shared"))


def load_texts(n: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "seed").glob("*.txt"))]
    for name in ("gwn", "lgl", "re3d"):
        path = SHARED / "data" / name / "dev.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    texts = [t for t in texts if len(t.split()) >= 20]
    if not texts:
        sys.exit(f"no texts found under {SHARED}")
    return [texts[i % len(texts)] for i in range(n)]


def _timed(owner: object, name: str, parts: dict[str, float], key: str) -> None:
    """Wrap ``owner.name`` (an instance attribute shadows the method) to add its CPU time to parts[key]."""
    inner = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            parts[key] += time.process_time() - start
            parts[key + "_calls"] += 1

    setattr(owner, name, wrapper)


def _worker(mode: str, texts: list[str]) -> tuple[float, float, int, int, dict[str, float]]:
    """Load once, then time the work; returns (seconds, CPU seconds, events, peak RSS in kB, the CPU
    seconds of eventwire's parts: the pre-filter, the coder, and inside it the sentence encoder)."""
    if mode == "spacy-stock":
        from eventwire.nlp import ATTRIBUTE_TABLE_ENV

        os.environ[ATTRIBUTE_TABLE_ENV] = "0"  # this worker is a fresh process: only it loads the stock ruler
    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    pipeline = Pipeline()
    nlp = pipeline.nlp
    parts = dict.fromkeys(("coder", "coder_calls", "encoder", "encoder_calls", "prefilter", "prefilter_calls"), 0.0)
    articles = [Article.from_text(t) for t in texts]
    if mode == "eventwire":
        _ = pipeline.coder  # gazetteers and resolvers load here, outside the clock
        from eventwire.nlp import minilm

        encoder = minilm.default_encoder()  # so do the ACLED encoder's weights (~1-3 s, once per worker)
        # what each part costs: a process_time() pair per article and per event sentence, nothing more
        _timed(pipeline.coder, "code", parts, "coder")
        _timed(pipeline, "_parse_text", parts, "prefilter")
        if encoder is not None:
            _timed(encoder, "encode", parts, "encoder")
    start, cpu_start = time.perf_counter(), time.process_time()
    events = 0
    if mode == "eventwire":
        for result in pipeline.process(articles):
            events += len(result.events)
    else:
        for _doc in nlp.pipe((a.text for a in articles), batch_size=pipeline.settings.batch_size):
            pass
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return elapsed, cpu, events, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, parts


def measure(mode: str, texts: list[str], workers: int) -> dict[str, float]:
    shares = [texts[i::workers] for i in range(workers)]
    # a fresh pool per measurement: every worker's peak memory is its own, from a cold start
    with cf.ProcessPoolExecutor(max_workers=workers) as pool:
        outs = list(pool.map(_worker, [mode] * workers, shares))
    wall = max(o[0] for o in outs)  # workers run in parallel: the slowest one sets the pace
    chars = sum(len(t) for t in texts)
    return {
        "articles_s": len(texts) / wall,
        "kchars_s": chars / wall / 1000,
        "events": sum(o[2] for o in outs),
        "peak_mb": max(o[3] for o in outs) / 1024,
        "seconds": wall,
        "cpu_s": sum(o[1] for o in outs),
        **{k: sum(o[4][k] for o in outs) for k in outs[0][4]},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="articles to process")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--stock", action="store_true", help="also time spaCy with its stock attribute ruler")
    args = parser.parse_args()
    texts = load_texts(args.n)
    print(f"{len(texts)} articles, {sum(len(t) for t in texts):,} characters, "
          f"mean {sum(len(t) for t in texts) / len(texts):,.0f} chars")
    # The machine may be shared: the load average says how far wall-clock figures can be trusted, and
    # CPU seconds (all workers together) are the figure that load disturbs least.
    print("load average (1/5/15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    # which sentence encoder eventwire runs: float32 onnxruntime by default, "onnx-int8" its int8 weights
    print(f"sentence encoder backend: {os.environ.get('EVENTWIRE_MINILM_BACKEND') or 'default (onnx where installed)'}")
    header = (f"{'workers':>7} {'what':<22} {'articles/s':>10} {'kchars/s':>9} {'events':>7} {'CPU s':>6} "
              f"{'peak MB/worker':>14}")
    print(header)
    print("-" * len(header))
    for workers in args.workers:
        modes = ("spacy", "eventwire") + (("spacy-stock",) if args.stock else ())
        rows = {mode: measure(mode, texts, workers) for mode in modes}
        labels = {"spacy": "spaCy nlp.pipe", "eventwire": "eventwire end-to-end", "spacy-stock": "spaCy, stock ruler"}
        for mode in modes:
            r, label = rows[mode], labels[mode]
            events = f"{r['events']:.0f}" if mode == "eventwire" else "-"
            print(f"{workers:>7} {label:<22} {r['articles_s']:>10.1f} {r['kchars_s']:>9.1f} {events:>7} "
                  f"{r['cpu_s']:>6.1f} {r['peak_mb']:>14.0f}")
        speed = rows["eventwire"]["articles_s"] / rows["spacy"]["articles_s"]
        by_cpu = rows["spacy"]["cpu_s"] / rows["eventwire"]["cpu_s"]
        print(f"{'':>7} {'eventwire / spaCy':<22} {speed:>10.2f}  (by CPU seconds: {by_cpu:.2f})")
        if args.stock:
            stock = rows["eventwire"]["articles_s"] / rows["spacy-stock"]["articles_s"]
            print(f"{'':>7} {'eventwire / stock':<22} {stock:>10.2f}  "
                  f"(by CPU seconds: {rows['spacy-stock']['cpu_s'] / rows['eventwire']['cpu_s']:.2f})")
        e = rows["eventwire"]
        print(f"{'':>7} eventwire CPU s by part: spaCy on the prefiltered text and the rest "
              f"{e['cpu_s'] - e['coder'] - e['prefilter']:.1f}, pre-filter {e['prefilter']:.2f}, "
              f"coder {e['coder'] - e['encoder']:.1f}, sentence encoder "
              f"{e['encoder']:.1f} ({e['encoder_calls']:.0f} sentences, "
              f"{1000 * e['encoder'] / max(1, e['encoder_calls']):.0f} ms each)")
    print("load average (1/5/15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
