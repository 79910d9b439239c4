"""What loading the pipeline and coding already-parsed articles cost, in CPU seconds, in one process.

    .venv/bin/python bench/coder_cost.py --n 60
    EVENTWIRE_ROLE_MODEL=0 .venv/bin/python bench/coder_cost.py --n 60    # without the role model
    EVENTWIRE_ACLED_EMBED=0 .venv/bin/python bench/coder_cost.py --n 60   # without the MiniLM encoder

Loads spaCy, the coder and the encoder (each timed), parses bench/throughput.py's articles (not timed),
then times ``EventCoder.code`` over them: the difference between two settings is what that part
costs per article. Run each setting in a fresh process, several times: the figures are CPU time, but a
loaded machine still moves them by ±15%.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=60, help="articles to code")
    args = parser.parse_args()
    from throughput import load_texts

    from eventwire.nlp import minilm
    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    t0 = time.process_time()
    pipeline = Pipeline()
    nlp = pipeline.nlp
    t1 = time.process_time()
    coder = pipeline.coder
    t2 = time.process_time()
    minilm.default_encoder()
    t3 = time.process_time()
    articles = [Article.from_text(t) for t in load_texts(args.n)]
    pairs = ((pipeline._parse_text(a.text), a) for a in articles)
    docs = list(nlp.pipe(pairs, as_tuples=True, batch_size=pipeline.settings.batch_size))
    t4 = time.process_time()
    events = sum(len(coder.code(doc, article)) for doc, article in docs)
    t5 = time.process_time()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"load CPU s: spaCy {t1 - t0:.2f}, coder {t2 - t1:.2f}, encoder {t3 - t2:.2f}; "
          f"coding {len(docs)} parsed articles: {t5 - t4:.2f} CPU s ({1000 * (t5 - t4) / len(docs):.1f} ms each), "
          f"{events} events; peak {peak} MB")


if __name__ == "__main__":
    main()
