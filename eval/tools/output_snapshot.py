"""Every event eventwire writes for a fixed set of articles, as JSON Lines: diff two snapshots to show
that a change (a speed-up, a refactor) leaves output byte-identical.

    .venv/bin/python eval/tools/output_snapshot.py /tmp/before.jsonl
    ... change the code ...
    .venv/bin/python eval/tools/output_snapshot.py /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl

Articles: the dev split of the team corpus (one at a time, as `eventwire eval articles` reads them, and
again in one batch through Pipeline.process, as the batch commands do) and the throughput bench's
articles (bench/throughput.py --n N, in one batch). Never the test split.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="JSON Lines file to write")
    parser.add_argument("--n", type=int, default=60, help="bench articles (bench/throughput.py's set)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from throughput import load_texts

    from eventwire.evaluate.gold import load_gold
    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    pipeline = Pipeline()
    golds = [load_gold(p) for p in sorted((ROOT / "eval" / "corpus" / "dev").glob("*.gold.json"))]
    dev = [g.article(check_language=False) for g in golds]
    lines = 0
    with open(args.out, "w", encoding="utf-8") as out:

        def write(kind: str, name: str, events: object) -> None:
            nonlocal lines
            for e in events:  # type: ignore[attr-defined]
                out.write(json.dumps({"set": kind, "article": name, **e.to_dict()}, sort_keys=True) + "\n")
                lines += 1

        for g, article in zip(golds, dev, strict=True):
            write("dev-single", g.path.name, pipeline.extract_article(article))
        for g, result in zip(golds, pipeline.process(dev), strict=True):
            write("dev-batch", g.path.name, result.events)
        bench = [Article.from_text(t) for t in load_texts(args.n)]
        for i, result in enumerate(pipeline.process(bench)):
            write("bench", str(i), result.events)
    print(f"{lines} events written to {args.out}")


if __name__ == "__main__":
    main()
