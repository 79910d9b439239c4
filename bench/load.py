"""A bounded load test of `eventwire serve` on 127.0.0.1: reads from concurrent clients while
articles are POSTed and coded, with p50/p95/p99 and errors.

    .venv/bin/python bench/load.py --n 100000 --seconds 60 --clients 4
    .venv/bin/python bench/load.py --reuse --db sqlite:////tmp/ewload/load.db

Starts `eventwire serve` as its own process on a free loopback port (never another interface) over a
store of --n synthetic events (bench/api_latency.py's loader; --reuse measures a store as it is).
Phase 1, reads only: --clients processes issue reads back to back (filtered pages of 100 events,
CSV and GeoJSON pages, stats, health) for --seconds / 3. Phase 2, the same reads while one more
process POSTs real articles (the ../shared texts, made unique) one after another for --seconds: the
server codes them in its worker process. Prints a line per phase; every request is bounded by a
30 s client timeout, and the whole run by the two phases. Target: read p95 <= 150 ms with ingest.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_latency import QUERIES, load  # noqa: E402
from throughput import load_texts  # noqa: E402

TOKEN = "bench-load-token"
READS: list[tuple[str, dict[str, object]]] = [
    *(("/api/events", {"limit": 100, **params}) for _name, params in QUERIES),
    ("/api/events.csv", {"limit": 100, "country": "SY"}),
    ("/api/events.geojson", {"limit": 100, "plover_type": "ASSAULT"}),
    ("/api/stats", {"country": "UA"}),
    ("/api/health", {}),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def reader(base: str, seconds: float, seed: int) -> list[tuple[float, int, str]]:
    import httpx

    rng = random.Random(seed)
    out: list[tuple[float, int, str]] = []
    deadline = time.monotonic() + seconds
    with httpx.Client(base_url=base, timeout=30) as client:
        while time.monotonic() < deadline:
            path, params = rng.choice(READS)
            start = time.perf_counter()
            try:
                status = client.get(path, params=params).status_code
            except httpx.HTTPError:
                status = 0
            out.append(((time.perf_counter() - start) * 1000, status, path.split("/")[2].split(".")[0]))
    return out


def ingester(base: str, seconds: float) -> list[tuple[float, int]]:
    import httpx

    texts = load_texts(200)
    out: list[tuple[float, int]] = []
    deadline = time.monotonic() + seconds
    i = 0
    with httpx.Client(base_url=base, timeout=600, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        while time.monotonic() < deadline:
            text = f"{texts[i % len(texts)]}\n\nUpdate {time.time_ns()}."  # new text: really coded, not "unchanged"
            start = time.perf_counter()
            try:
                status = client.post("/api/articles", json={"text": text, "published": "2024-05-05"}).status_code
            except httpx.HTTPError:
                status = 0
            out.append(((time.perf_counter() - start) * 1000, status))
            i += 1
    return out


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else float("nan")


def report(name: str, samples: list[tuple[float, int]], ok: set[int]) -> None:
    times = [t for t, _s in samples]
    errors = Counter(s for _t, s in samples if s not in ok)
    print(f"{name:<28} {len(samples):>7} {statistics.median(times) if times else float('nan'):>8.1f} "
          f"{pct(times, 0.95):>8.1f} {pct(times, 0.99):>8.1f}   {sum(errors.values())} {dict(errors) or ''}",
          flush=True)


def phase(base: str, clients: int, seconds: float, ingest: bool) -> None:
    with cf.ProcessPoolExecutor(clients + 1) as pool:
        reads = [pool.submit(reader, base, seconds, seed) for seed in range(clients)]
        posts = pool.submit(ingester, base, seconds) if ingest else None
        samples = [s for f in reads for s in f.result()]
        label = f"reads, {clients} clients" + (" + ingest" if ingest else "")
        report(label, [(t, s) for t, s, _k in samples], {200})
        for kind in ("events", "stats", "health"):  # pages of events; the stats aggregate; health
            report(f"  of which {kind}", [(t, s) for t, s, k in samples if k == kind], {200})
        if posts is not None:
            report("ingest (POST, coded)", posts.result(), {200, 201})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="synthetic events in the store")
    ap.add_argument("--db", default=None, help="store URL (default: a SQLite file in a temp dir)")
    ap.add_argument("--reuse", action="store_true", help="measure the store as it is; do not load")
    ap.add_argument("--seconds", type=float, default=60.0, help="length of the read+ingest phase")
    ap.add_argument("--clients", type=int, default=4)
    args = ap.parse_args()

    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp(prefix='ewload-')) / 'load.db'}"
    if not args.reuse:
        from eventwire.store import Store

        store = Store.open(url)
        try:
            started = time.monotonic()
            load(store, args.n)
            print(f"loaded {args.n:,} events in {time.monotonic() - started:.0f} s -> {url}", flush=True)
        finally:
            store.close()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(Path(tempfile.gettempdir()) / f"ewload-serve-{port}.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "eventwire"), "serve", "--db", url, "--host", "127.0.0.1",
         "--port", str(port), "--token", TOKEN],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "EVENTWIRE_API_TOKEN": TOKEN},
    )
    try:
        import httpx

        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        else:
            sys.exit(f"the server did not come up; see {log.name}")
        # one POST first, outside the clock: the worker process loads spaCy and the gazetteers
        warm = httpx.post(f"{base}/api/articles", json={"text": load_texts(1)[0]}, timeout=600,
                          headers={"Authorization": f"Bearer {TOKEN}"})
        print(f"server {base} ({os.cpu_count()} CPUs); warm-up POST {warm.status_code}", flush=True)
        print(f"{'phase':<28} {'requests':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}   errors", flush=True)
        phase(base, args.clients, args.seconds / 3, ingest=False)
        phase(base, args.clients, args.seconds, ingest=True)
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


if __name__ == "__main__":
    main()
