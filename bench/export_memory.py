"""Peak server memory while streaming a whole selection (issue 13): N synthetic events in a store,
one download per format from a fresh `uvicorn` server process, its peak resident memory read from
/proc (VmHWM, Linux).

    .venv/bin/python bench/export_memory.py --n 1000000 --db sqlite:////tmp/ewb/b1m.db
    .venv/bin/python bench/export_memory.py --reuse --db sqlite:////tmp/ewb/b1m.db --formats csv parquet

The store is filled with bench/api_latency.py's synthetic events (reused when it already holds
--n events; --reuse measures whatever it holds). Each format gets its own server, so each peak is
that download's alone; "idle" is the same server after start-up and one small request.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_latency import load  # noqa: E402

from eventwire.store import Store  # noqa: E402
from eventwire.store.schema import articles, event_actors, event_claims, events  # noqa: E402

FORMATS = ("csv", "geojson", "jsonl", "acled.csv", "parquet")
SERVER = (
    "import sys, uvicorn; from eventwire.api import create_app; "
    "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def _download(url: str, fmt: str, params: dict[str, str]) -> dict[str, float]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", SERVER, url, str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/api/health", timeout=60).raise_for_status()
                break
            except httpx.TransportError:
                time.sleep(0.1)
        idle = _kib(proc.pid, "VmHWM")
        t, size, lines = time.perf_counter(), 0, 0
        with httpx.stream("GET", f"{base}/api/export.{fmt}", params=params, timeout=None) as r:
            r.raise_for_status()
            for chunk in r.iter_bytes():
                size += len(chunk)
                lines += chunk.count(b"\n")
        return {"idle_mb": idle / 1024, "peak_mb": _kib(proc.pid, "VmHWM") / 1024, "mb": size / 1e6,
                "lines": lines, "seconds": time.perf_counter() - t}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000, help="synthetic events in the store")
    ap.add_argument("--db", required=True, help="store URL")
    ap.add_argument("--reuse", action="store_true", help="measure the store as it is")
    ap.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    ap.add_argument("--filter", action="append", default=[], metavar="K=V", help="a filter, e.g. country=SY")
    args = ap.parse_args()
    with Store.open(args.db) as store:
        n = store.count_events()
        if not args.reuse and n != args.n:
            with store.writer.begin() as conn:
                for table in (event_claims, event_actors, events, articles):
                    conn.execute(table.delete())
                if store.dialect == "sqlite":
                    conn.exec_driver_sql("DELETE FROM articles_fts")
            t = time.perf_counter()
            load(store, args.n)
            n = args.n
            print(f"loaded {n:,} events in {time.perf_counter() - t:.0f} s", flush=True)
    params = dict(f.split("=", 1) for f in args.filter)
    print(f"{n:,} events in {args.db.split('://')[0]}, filters {params or 'none'}, pid {os.getpid()}")
    print(f"{'format':<11}{'lines':>11}{'MB':>9}{'s':>8}{'idle MB':>9}{'peak MB':>9}")
    for fmt in args.formats:
        got = _download(args.db, fmt, params)
        print(f"{fmt:<11}{int(got['lines']):>11,}{got['mb']:>9.1f}{got['seconds']:>8.0f}"
              f"{got['idle_mb']:>9.0f}{got['peak_mb']:>9.0f}", flush=True)


if __name__ == "__main__":
    main()
