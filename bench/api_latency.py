"""API latency at scale: N synthetic events bulk-loaded into a store, then p50/p95 of filtered pages.

    .venv/bin/python bench/api_latency.py --n 1000000                     # SQLite in a temp dir
    .venv/bin/python bench/api_latency.py --n 1000000 --db postgresql+psycopg://user@host/db
    .venv/bin/python bench/api_latency.py --reuse --db sqlite:////tmp/ewb/b1m.db   # measure only

A --db that already holds exactly --n events is reused as it is (the SQLite load takes ~9 minutes
at 1M); any other count is wiped and reloaded. --reuse never loads: it measures what is there.

The app runs in-process (FastAPI TestClient), so figures are server-side latency plus the ASGI
round trip, without network. Prints a table per filter mix; target p95 < 100 ms at 1M events.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from eventwire.records import SCHEMA_VERSION
from eventwire.store import Store
from eventwire.store.schema import articles, event_actors, event_claims, events

PLACES = [  # (name, ISO2, admin1, lat, lon)
    ("Idlib", "SY", "Idlib", 35.93, 36.63), ("Aleppo", "SY", "Aleppo", 36.2, 37.16),
    ("Kharkiv", "UA", "Kharkiv", 49.99, 36.23), ("Kyiv", "UA", "Kyiv City", 50.45, 30.52),
    ("Goma", "CD", "North Kivu", -1.68, 29.22), ("Mogadishu", "SO", "Banaadir", 2.04, 45.34),
    ("Khartoum", "SD", "Khartoum", 15.5, 32.56), ("Gaza", "PS", "Gaza Strip", 31.5, 34.47),
    ("Sanaa", "YE", "Sanaa", 15.35, 44.2), ("Maiduguri", "NG", "Borno", 11.85, 13.16),
    ("Kabul", "AF", "Kabul", 34.53, 69.17), ("Bamako", "ML", "Bamako", 12.65, -8.0),
]
TYPES = [
    ("ASSAULT", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("ASSAULT", "Explosions/Remote violence", "Air/drone strike"),
    ("ASSAULT", "Violence against civilians", "Attack"),
    ("PROTEST", "Protests", "Peaceful protest"),
    ("PROTEST", "Riots", "Violent demonstration"),
    ("COERCE", "Strategic developments", "Arrests"),
    ("THREATEN", None, None),
    ("AGREE", "Strategic developments", "Agreement"),
]
ACTORS = [
    ("Syrian Armed Forces", "SYR", "MIL"), ("Turkish Armed Forces", "TUR", "MIL"),
    ("Russian Armed Forces", "RUS", "MIL"), ("Ukrainian Armed Forces", "UKR", "MIL"),
    ("M23", "COD", "REB"), ("al-Shabaab", "SOM", "REB"), ("Rapid Support Forces", "SDN", "REB"),
    ("Hamas", "PSE", "REB"), ("Houthis", "YEM", "REB"), ("Boko Haram", "NGA", "REB"),
    ("Taliban", "AFG", "GOV"), ("police", None, "COP"), ("protesters", None, "CVL"), ("civilians", None, "CVL"),
]
CLAIMS = ["Turkish Defense Ministry", "Syrian Observatory for Human Rights", "UN OCHA", "police spokesman"]
WORDS = ["attack", "shelling", "drone", "strike", "convoy", "checkpoint", "protest", "rally", "arrested", "killed", "wounded", "village", "market", "hospital", "ceasefire", "talks", "border", "militants", "army", "police", "rebels"]


def load(store: Store, n: int, per_article: int = 10, batch: int = 20_000, seed: int = 7) -> None:
    rng = random.Random(seed)
    day0 = dt.date(2018, 1, 1)
    now = dt.datetime.now(dt.timezone.utc)
    ev_rows: list[dict[str, Any]] = []
    act_rows: list[dict[str, Any]] = []
    claim_rows: list[dict[str, Any]] = []
    art_rows: list[dict[str, Any]] = []
    fts_rows: list[dict[str, Any]] = []

    def flush() -> None:
        with store.writer.begin() as conn:
            if store.dialect == "postgresql":
                # COPY: several times faster than multi-row INSERTs for a million rows.
                raw = conn.connection.driver_connection
                with raw.cursor() as cur:
                    for table, rows in ((articles, art_rows), (events, ev_rows), (event_actors, act_rows),
                                        (event_claims, claim_rows)):
                        if not rows:
                            continue
                        cols = list(rows[0])
                        with cur.copy(f"COPY {table.name} ({', '.join(cols)}) FROM STDIN") as cp:
                            for r in rows:
                                cp.write_row([r[c] for c in cols])
            else:
                if art_rows:
                    conn.execute(articles.insert(), art_rows)
                    conn.execute(sa.text("INSERT INTO articles_fts(rowid, article_id, title, text) VALUES (:r, :a, :t, :x)"),
                                 fts_rows)
                conn.execute(events.insert(), ev_rows)
                conn.execute(event_actors.insert(), act_rows)
                if claim_rows:
                    conn.execute(event_claims.insert(), claim_rows)
        for rows in (ev_rows, act_rows, claim_rows, art_rows, fts_rows):
            rows.clear()

    for i in range(n):
        ai = i // per_article
        art_id = f"a_bench{ai:013d}"
        place = rng.choice(PLACES)
        if i % per_article == 0:
            text = f"{place[0]}: " + " ".join(rng.choice(WORDS) for _ in range(40))
            pub = day0 + dt.timedelta(days=rng.randrange(2500))
            art_rows.append({"article_id": art_id, "text": text, "content_hash": f"{ai:064d}", "source": "bench",
                             "url": None, "title": None, "published": pub, "language": "en", "origin": "bench",
                             "extractor_version": "bench", "n_events": per_article, "created": now, "updated": now,
                             "fts_id": ai + 1 if store.dialect == "sqlite" else None})
            fts_rows.append({"r": ai + 1, "a": art_id, "t": "", "x": text})
        ptype, acled, sub = rng.choice(TYPES)
        start = day0 + dt.timedelta(days=rng.randrange(2500))
        end = start + dt.timedelta(days=rng.choice((0, 0, 0, 1, 6)))
        a1, a2 = rng.sample(ACTORS, 2)
        lat, lon = place[3] + rng.uniform(-0.5, 0.5), place[4] + rng.uniform(-0.5, 0.5)
        claims = [rng.choice(CLAIMS)] if rng.random() < 0.3 else []
        dead = rng.choice((None, None, None, 1, 2, 5, 12))
        conf = round(rng.random(), 3)
        eid = f"e_bench{i:012d}"
        inc = f"i_bench{i // 3:010d}"
        record = {
            "schema": SCHEMA_VERSION, "event_id": eid, "article_id": art_id, "plover_type": ptype,
            "plover_mode": None, "context": [], "acled_event_type": acled, "acled_sub_event_type": sub,
            "cameo_root": "19", "actors": [
                {"role": "actor", "text": a1[0], "name": a1[0], "country": a1[1], "sector": a1[2], "wikidata": None,
                 "start": 0, "end": 5, "rule": None},
                {"role": "recipient", "text": a2[0], "name": a2[0], "country": a2[1], "sector": a2[2],
                 "wikidata": None, "start": 6, "end": 9, "rule": None}],
            "location": {"text": place[0], "name": place[0], "country": place[1], "admin1": place[2], "admin2": None,
                         "geonameid": None, "lat": lat, "lon": lon, "precision": "town", "start": 0, "end": 5,
                         "reason": None},
            "date": {"start": start.isoformat(), "end": end.isoformat(), "precision": "day", "text": None},
            "size": {"dead": dead, "injured": None, "arrested": None, "dead_lower_bound": False,
                     "injured_lower_bound": False, "vague": [], "quantities": {}},
            "claim_source": claims, "modality": "asserted", "confidence": conf,
            "evidence": {"sentence": "synthetic", "start": 0, "end": 9, "trigger": None},
            "incident_id": inc, "extractor_version": "bench", "source": "bench", "published": None, "explain": {},
        }
        ev_rows.append({
            "event_id": eid, "article_id": art_id, "extractor_version": "bench", "plover_type": ptype,
            "plover_mode": None, "acled_event_type": acled, "acled_sub_event_type": sub, "cameo_root": "19",
            "country": place[1], "admin1": place[2], "place_name": place[0], "geonameid": None, "lat": lat,
            "lon": lon, "location_precision": "town", "date_start": start, "date_end": end, "date_precision": "day",
            "sort_date": start, "span_days": (end - start).days, "dead": dead, "injured": None, "confidence": conf, "modality": "asserted",
            "incident_id": inc, "record": json.dumps(record, separators=(",", ":")),
        })
        for role, a in (("actor", a1), ("recipient", a2)):
            act_rows.append({"event_id": eid, "role": role, "text": a[0], "name": a[0], "country": a[1],
                             "sector": a[2]})
        claim_rows += [{"event_id": eid, "claim_source": c} for c in claims]
        if len(ev_rows) >= batch and i % per_article == per_article - 1:
            flush()
    if ev_rows:
        flush()
    # Planner statistics, and on PostgreSQL the visibility map that index-only scans rely on
    # (autovacuum would get there later; a benchmark should not depend on when).
    with store.writer.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE" if store.dialect == "postgresql" else "ANALYZE")


QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("no filter", {}),
    ("country", {"country": "SY"}),
    ("country name|alt", {"country": "Ukraine|Sudan"}),
    ("plover_type", {"plover_type": "PROTEST"}),
    ("event_type+country", {"event_type": "Explosions/Remote violence", "country": "UA"}),
    ("sub_event_type", {"sub_event_type": "Air/drone strike"}),
    ("admin1", {"admin1": "North Kivu"}),
    ("date BETWEEN", {"event_date": "2020-02-01|2020-02-29", "event_date_where": "BETWEEN"}),
    ("date >", {"event_date": "2024-06-01", "event_date_where": ">"}),
    ("actor code", {"actor": "TUR/MIL"}),
    ("actor name", {"actor": "Shabaab"}),
    ("bbox", {"bbox": "36,35,37.5,36.5"}),
    ("q full-text", {"q": "ceasefire hospital"}),
    ("claim_source", {"claim_source": "Observatory"}),
    ("min_confidence", {"min_confidence": 0.95}),
    ("incident_id", {"incident_id": "i_bench0000001234"}),
    ("country+date+type", {"country": "SY", "plover_type": "ASSAULT", "event_date": "2019-01-01|2019-12-31",
                           "event_date_where": "BETWEEN"}),
    ("page 20", {"country": "CD", "page": 20}),
]


def measure(url: str, reps: int) -> list[tuple[str, float, float, int]]:
    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    out = []
    with TestClient(create_app(url)) as client:
        for name, params in QUERIES:
            params = {"limit": 100, **params}
            client.get("/api/events", params=params)  # warm caches once
            times, count = [], 0
            for _ in range(reps):
                t = time.perf_counter()
                r = client.get("/api/events", params=params)
                times.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, r.text
                count = r.json()["count"]
            times.sort()
            p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
            out.append((name, statistics.median(times), p95, count))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000, help="synthetic events to load")
    ap.add_argument("--db", action="append", help="store URL (repeatable); default: a temp SQLite file")
    ap.add_argument("--reps", type=int, default=20, help="requests per filter mix")
    ap.add_argument("--reuse", action="store_true", help="measure the --db as it is, whatever it holds")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="eventwire-bench-")
    urls = args.db or [f"sqlite:///{Path(tmp.name) / 'bench.db'}"]
    if args.reuse and not args.db:
        ap.error("--reuse needs --db")
    for url in urls:
        with Store.open(url) as store:
            n = store.count_events()
            if args.reuse:
                args.n = n
            elif n != args.n:
                with store.writer.begin() as conn:
                    for t in (event_claims, event_actors, events, articles):
                        conn.execute(t.delete())
                    if store.dialect == "sqlite":
                        conn.exec_driver_sql("DELETE FROM articles_fts")
                t = time.perf_counter()
                load(store, args.n)
                print(f"{store.dialect}: loaded {args.n:,} events in {time.perf_counter() - t:.1f} s")
            dialect = store.dialect
        rows = measure(url, args.reps)
        print(f"\n{dialect}, {args.n:,} events, pages of 100, {args.reps} requests each")
        print(f"{'filter':<22}{'p50 ms':>9}{'p95 ms':>9}{'count':>10}")
        for name, p50, p95, count in rows:
            print(f"{name:<22}{p50:>9.1f}{p95:>9.1f}{count:>10,}")
        all_p95 = sorted(p for _, _, p, _ in rows)
        print(f"{'worst p95':<22}{'':>9}{all_p95[-1]:>9.1f}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
