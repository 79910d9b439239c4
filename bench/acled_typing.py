"""What ACLED sub-event typing costs, with the sentence encoder and without it.

    .venv/bin/python bench/acled_typing.py                  # 200 CASE dev snippets, one process per mode
    .venv/bin/python bench/acled_typing.py --n 100 --articles 20

Each mode runs in a fresh process (so load time and memory are its own):
- ``sparse``: rules + TF-IDF model ($EVENTWIRE_ACLED_EMBED=0), what runs without the weights package;
- ``embedding``: rules + TF-IDF + all-MiniLM-L6-v2 model (the default when the weights are installed).
Reports load seconds, ms (wall and CPU: on a shared machine CPU time is the steadier) per snippet for ``classify_kind`` one snippet at a time (as the event coder
calls it, no cache hits), ms per snippet for batched ``minilm.embed``, and peak RSS. With --articles N
it also times ``Pipeline.process`` on N articles per mode (the pipeline calls ``classify_acled`` once per
coded event).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(os.environ.get("EVENTWIRE_SHARED", Path(__file__).resolve().parents[1] / "../shared"))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _snippets(n: int) -> list[str]:
    path = SHARED / "data/case2021_task2/dev.jsonl"
    if not path.is_file():
        sys.exit(f"no {path}: set EVENTWIRE_SHARED")
    with path.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    return texts[:n]


def _articles(n: int) -> list[str]:
    texts: list[str] = []
    for name in ("gwn", "lgl", "re3d"):
        path = SHARED / "data" / name / "dev.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    return [t for t in texts if len(t.split()) >= 20][:n]


def measure(mode: str, n: int, n_articles: int) -> dict:
    """Run in the child process: the figures of one mode."""
    base = _rss_mb()
    t0 = time.perf_counter()
    from eventwire.events import acled

    model = acled.bundled_model()
    assert model is not None, "acled_model.json missing: python -m eventwire.events.train_acled"
    texts = _snippets(n)
    acled.classify_kind("Warm-up: troops shelled the town.")  # the encoder loads on first use
    load_s = time.perf_counter() - t0
    t1, c1 = time.perf_counter(), time.process_time()
    for text in texts:
        acled.classify_kind(text)
    per_ms = (time.perf_counter() - t1) / len(texts) * 1000
    cpu_ms = (time.process_time() - c1) / len(texts) * 1000
    out = {"mode": mode, "n": len(texts), "load_s": round(load_s, 2), "classify_ms": round(per_ms, 1)}
    out["classify_cpu_ms"] = round(cpu_ms, 1)
    if mode == "embedding":
        from eventwire.nlp import minilm

        t2, c2 = time.perf_counter(), time.process_time()
        minilm.embed(texts)
        out["embed_batched_ms"] = round((time.perf_counter() - t2) / len(texts) * 1000, 1)
        out["embed_batched_cpu_ms"] = round((time.process_time() - c2) / len(texts) * 1000, 1)
    out["rss_mb_typing"] = round(_rss_mb() - base, 0)
    if n_articles:
        from eventwire.pipeline import Pipeline
        from eventwire.records import Article

        pipeline = Pipeline()
        _ = pipeline.coder
        arts = [Article.from_text(t) for t in _articles(n_articles)]
        list(pipeline.process(arts[:1]))  # warm-up outside the clock
        t3, c3 = time.perf_counter(), time.process_time()
        events = sum(len(r.events) for r in pipeline.process(arts))
        out["pipeline_ms_per_article"] = round((time.perf_counter() - t3) / len(arts) * 1000, 0)
        out["pipeline_cpu_ms_per_article"] = round((time.process_time() - c3) / len(arts) * 1000, 0)
        out["pipeline_events"] = events
    out["peak_rss_mb"] = round(_rss_mb(), 0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200, help="snippets")
    ap.add_argument("--articles", type=int, default=0, help="also time Pipeline.process on N articles")
    ap.add_argument("--child", choices=["sparse", "embedding"], help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(measure(a.child, a.n, a.articles)))
        return
    for mode in ("sparse", "embedding"):
        env = dict(os.environ, EVENTWIRE_ACLED_EMBED="0" if mode == "sparse" else "1")
        cmd = [sys.executable, __file__, "--child", mode, "--n", str(a.n), "--articles", str(a.articles)]
        res = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
        print(res.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
