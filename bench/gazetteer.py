"""Gazetteer start-up and memory: prints build, cold and warm load seconds and resident memory.

    .venv/bin/python bench/gazetteer.py [--rebuild]

"Cold" is a fresh process opening the compiled index and resolving a first article (the build, if
the cache is missing, is timed separately); "warm" is a second load in the same process.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time

CHILD = r"""
import resource, time
t0 = time.perf_counter()
from eventwire.places import PlaceResolver
r = PlaceResolver.load()
text = "Air strikes hit Saraqib in Idlib province and Aleppo, Syria; Paris, Texas was quiet."
r.resolve_document(text, [(16, 23, "GPE"), (27, 32, "GPE"), (42, 48, "GPE"), (50, 55, "GPE"), (57, 62, "GPE")])
cold = time.perf_counter() - t0
t1 = time.perf_counter()
PlaceResolver.load()
warm = time.perf_counter() - t1
for name in ["Idlib", "Paris", "Washington", "Dublin", "Georgia"] * 200:
    r.resolve(name)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{cold:.3f} {warm:.6f} {rss:.1f}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rebuild", action="store_true", help="delete the cached index and time the build")
    args = parser.parse_args()
    from eventwire.places import ensure_built, gazetteer_path

    path = gazetteer_path()
    if args.rebuild and path.exists():
        path.unlink()
    t0 = time.perf_counter()
    ensure_built()
    build = time.perf_counter() - t0
    print(
        f"index: {path} ({path.stat().st_size / 1e6:.1f} MB); build/check {build:.1f} s "
        f"(build peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)"
    )
    out = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, check=True
    ).stdout.split()
    cold, warm, rss = float(out[0]), float(out[1]), float(out[2])
    print(f"start-up cold {cold:.3f} s, warm {warm:.6f} s, resident memory {rss:.0f} MB after 1,000 look-ups")
    print(
        f"targets: start-up < 2 s: {'ok' if cold < 2 else 'MISSED'}; RSS < 300 MB: {'ok' if rss < 300 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
