"""What incident linking costs at ingest, and /api/incidents latency beside /api/events.

    .venv/bin/python bench/incidents_ingest.py --n 100000 --articles 300
    .venv/bin/python bench/incidents_ingest.py --n 100000 --latency          # also p50/p95 of pages
    .venv/bin/python bench/incidents_ingest.py --n 100000 --unplaced 0.25    # a quarter of new events unplaced
    .venv/bin/python bench/incidents_ingest.py --n 1000000 --articles 0 --latency --dir /tmp/ewib1m   # pages only
    .venv/bin/python bench/incidents_ingest.py --n 1000000 --articles 0 --latency --cache-off --dir /tmp/ewib1m
    .venv/bin/python bench/incidents_ingest.py --n 1000000 --articles 0 --latency --db postgresql+psycopg://...

Synthetic data (bench/api_latency.py's generator): N events, 10 per article, 12 places in 10
countries, 8 type combinations, 7 years, incidents of 3 events; incident rows built from them
(``rebuild_all``) and MinHash bands for every stored article. Then the same ARTICLES new articles
(10 events each, every third one near a stored event: same type, place and day, so the scorer runs
on real candidates) are added with ``Store.add_result`` to two copies of that store: one with
linking off, one with it on. Printed: store time per article both ways and the overhead, also as
a share of end-to-end ingest (the pipeline's own time per article, README: 7.5 articles/s, 1 worker).
Latency: both endpoints keep a rendered page until the next write (store/cache.py), so the
repeated requests of a mix are cache hits once the first has run; --cache-off
(EVENTWIRE_READ_CACHE_MB=0) measures every request computed.
Wall time and this process's CPU time are both printed: on a machine shared with other jobs the CPU
time is the steadier figure (SQLite runs in-process, so it includes the database's work).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_latency import ACTORS, CLAIMS, PLACES, TYPES, WORDS, load  # noqa: E402

from eventwire.incidents import context, copies  # noqa: E402
from eventwire.incidents.linker import rebuild_all  # noqa: E402
from eventwire.records import ActorRef, Article, Event, Evidence, Place, Result, Size, When  # noqa: E402
from eventwire.store import Store  # noqa: E402
from eventwire.store.incident_tables import (  # noqa: E402
    article_bands,
    article_link_names,
    article_stories,
    incidents,
)
from eventwire.store.schema import articles, events  # noqa: E402

PIPELINE_MS = 1000 / 7.5  # README: eventwire 7.5 articles/s on one worker (real news, 3 kB mean)


def _drop_indexes(store: Store) -> list[str]:
    """Drop the secondary indexes of the bulk-loaded tables and return their CREATE statements, to
    be run again after the load. Building an index once from sorted rows is several times faster
    than keeping 20-odd indexes up to date row by row; the store ends up with the same indexes
    (their SQL as the migrations wrote it). PostgreSQL: also the indexes of the events' UPDATE of
    ``incident_sort_date`` (each updated row is a new version with an entry in every index: that
    UPDATE ran past 31 minutes at 1M events with the indexes in place)."""
    with store.writer.begin() as conn:
        if store.dialect == "sqlite":
            got = list(conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND tbl_name IN ('events', 'event_actors', 'event_claims', 'articles')"))
        else:
            got = list(conn.exec_driver_sql(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                "AND tablename IN ('events', 'event_actors', 'event_claims', 'articles') "
                "AND indexname NOT IN (SELECT conname FROM pg_constraint)"))
        for name, _sql in got:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return [sql for _name, sql in got]


def prepare(url: str, n: int) -> None:
    with Store.open(url) as store:
        t = time.perf_counter()
        c = time.process_time()
        created = _drop_indexes(store)
        load(store, n)
        t_rows = time.perf_counter() - t
        later = store.dialect == "postgresql"  # PostgreSQL: the indexes after the incident rows
        if not later:
            with store.writer.begin() as conn:
                for sql in created:
                    conn.exec_driver_sql(sql)
                if created:
                    conn.exec_driver_sql("ANALYZE")  # load() analysed the tables before their indexes existed
        t_load = time.perf_counter() - t
        print(f"loaded {n:,} events: rows {t_rows:.0f} s, then {0 if later else len(created)} indexes "
              f"{t_load - t_rows:.0f} s ({time.process_time() - c:.0f} s CPU)", flush=True)
        t = time.perf_counter()
        with store.writer.begin() as conn:
            if store.dialect == "sqlite":
                # ~1 GB of page cache for this one transaction: with the default (2 MB) the incident
                # rows, bands and sort dates of 1M events spilled to the WAL page by page (50 minutes).
                conn.exec_driver_sql("PRAGMA cache_size=-1000000")
            texts = list(conn.execute(sa.select(articles.c.article_id, articles.c.text)))
            conn.execute(article_stories.insert(), [{"article_id": a, "story_id": a, "similarity": None}
                                                    for a, _ in texts])
            bands = [{"band": k, "article_id": a} for a, text in texts
                     for k in copies.band_keys(copies.shingles(text))]
            if bands:
                conn.execute(article_bands.insert(), bands)
            n_inc = rebuild_all(conn)
        print(f"loaded {n:,} events in {t_load:.0f} s; {n_inc:,} incident rows and {len(bands):,} bands "
              f"in {time.perf_counter() - t:.0f} s", flush=True)
        if later:
            t = time.perf_counter()
            with store.writer.begin() as conn:
                for sql in created:
                    conn.exec_driver_sql(sql)
            with store.writer.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE")
            print(f"{len(created)} indexes and VACUUM ANALYZE in {time.perf_counter() - t:.0f} s", flush=True)
    keep_names(url)


def keep_names(url: str) -> None:
    """Each stored article's linking names, as ingest with linking on writes them (migration 0006);
    also for a store kept (--dir) from before that revision, which Store.open has just migrated.
    Without them the first new articles would pay for deriving them, once per stored article."""
    with Store.open(url) as store, store.writer.begin() as conn:
        have = {r[0] for r in conn.execute(sa.select(article_link_names.c.article_id))}
        rows = [{"article_id": a, "names": "\n".join(sorted(context.names(text)))}
                for a, text in conn.execute(sa.select(articles.c.article_id, articles.c.text)) if a not in have]
        if rows:
            conn.execute(article_link_names.insert(), rows)
            print(f"linking names of {len(rows):,} stored articles kept")


def new_results(url: str, k: int, per_article: int = 10, seed: int = 11, unplaced: float = 0.0,
                sentences: bool = False, one_place: bool = False) -> list[Result]:
    """``unplaced``: the share of new events without a place (the coder places about three in four on
    the dev split); they are drawn from a second generator so that the rest of the data is the same.
    ``sentences``: each event's evidence is a sentence-long span (90 characters, about 15 words) with
    its trigger, as the coder's are, so that the evidence keys (migration 0010) are kept and looked
    up; by default a 30-character span, under passages.MIN_WORDS (no key), as in earlier rounds.
    ``one_place``: the events not drawn near a stored one are at the article's own place (its
    dateline), so that most articles place most reports in one country, as real ones do (the
    unplaced reports then read that country: linker.mark_home); by default each at a random place."""
    rng = random.Random(seed)
    rng_place = random.Random(seed + 1)
    with Store.open(url) as store, store.engine.connect() as conn:
        near = list(conn.execute(
            sa.select(events.c.plover_type, events.c.country, events.c.place_name, events.c.lat, events.c.lon,
                      events.c.date_start).order_by(events.c.event_id).limit(k * per_article)))
    out = []
    for ai in range(k):
        place0 = rng.choice(PLACES)
        text = f"{place0[0]}: " + " ".join(rng.choice(WORDS) for _ in range(60)) + f" [new {ai}]"
        pub = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(2500))
        art = Article.from_text(text, published=pub, source=f"outlet {ai % 7}")
        evs = []
        for j in range(per_article):
            if j % 3 == 0 and near:
                row = near[(ai * per_article + j) % len(near)]
                ptype = row.plover_type
                acled = next((t for t in TYPES if t[0] == ptype), TYPES[0])
                place = next((p for p in PLACES if p[0] == row.place_name), place0)
                start = row.date_start
            else:
                acled, place = rng.choice(TYPES), rng.choice(PLACES)
                if one_place:
                    place = place0
                ptype = acled[0]
                start = pub - dt.timedelta(days=rng.randrange(3))
            a1, a2 = rng.sample(ACTORS, 2)
            s = rng.randrange(0, len(text) - 30)
            location: Place | None = Place(
                place[0], place[0], place[1], place[2], None, None,
                place[3] + rng.uniform(-0.1, 0.1), place[4] + rng.uniform(-0.1, 0.1), "town")
            if unplaced and rng_place.random() < unplaced:
                location = None
            evs.append(Event(
                event_id=f"e_new{ai:06d}_{j}", article_id=art.article_id, plover_type=ptype, plover_mode=None,
                context=(), acled_event_type=acled[1], acled_sub_event_type=acled[2], cameo_root="19",
                actors=(ActorRef("actor", a1[0], a1[0], a1[1], a1[2]), ActorRef("recipient", a2[0], a2[0], a2[1], a2[2])),
                location=location,
                date=When(start, start, "day", "on Monday"),
                size=Size(dead=rng.choice((None, None, 1, 5, 7))),
                claim_source=(rng.choice(CLAIMS),) if rng.random() < 0.3 else (),
                modality="asserted", confidence=0.7,
                evidence=(Evidence(text[s:s + 90], s, s + 90, text[s:s + 5], s, s + 5) if sentences
                          else Evidence(text[s:s + 30], s, s + 30)),
                incident_id=f"i_new{ai:06d}_{j // 3}", extractor_version="bench", published=pub,
            ))
        out.append(Result(article=art, events=tuple(evs)))
    return out


def ingest(url: str, results: list[Result], link: bool, facets: bool = True) -> tuple[float, float]:
    """Mean wall and CPU (this process) milliseconds per article. ``facets=False``: linking without
    the incident facets' upkeep (migration 0007), to measure what that upkeep costs."""
    with Store.open(url) as store:
        store.link_incidents = link
        if not facets:
            with store.engine.connect() as conn:
                store._linker(conn)  # noqa: SLF001  # reads which tables the store has, once
            store._link_facets = False  # noqa: SLF001
        w, c = time.perf_counter(), time.process_time()
        for r in results:
            store.add_result(r)
        return ((time.perf_counter() - w) * 1000 / len(results), (time.process_time() - c) * 1000 / len(results))


INCIDENT_QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("no filter", {}),
    ("country", {"country": "SY"}),
    ("plover_type", {"plover_type": "PROTEST"}),
    ("event_type+country", {"event_type": "Explosions/Remote violence", "country": "UA"}),
    ("date BETWEEN", {"event_date": "2020-02-01|2020-02-29", "event_date_where": "BETWEEN"}),
    ("bbox", {"bbox": "36,35,37.5,36.5"}),
    ("actor code (reports)", {"actor": "TUR/MIL"}),
    ("claim_source (reports)", {"claim_source": "Observatory"}),
    ("actor code + country", {"actor": "TUR/MIL", "country": "SY"}),
    ("actor name (facets, 0008)", {"actor": "Shabaab"}),
    ("page 20", {"country": "CD", "page": 20}),
]


def latency(url: str, reps: int, cache_off: bool = False) -> None:
    import os

    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    def p(times: list[float]) -> tuple[float, float]:
        times = sorted(times)
        return statistics.median(times), times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]

    # CPU time of this process per request beside wall time: the app runs in-process (SQLite too),
    # and on a machine shared with other jobs the wall time is mostly the wait for a core.
    print("\n| filter mix | /api/events p50 / p95 ms | /api/incidents p50 / p95 ms | incidents count "
          "| /api/events CPU p50 / p95 ms | /api/incidents CPU p50 / p95 ms |")
    print("| --- | --- | --- | --- | --- | --- |")
    worst = [0.0, 0.0, 0.0, 0.0]
    if cache_off:
        os.environ["EVENTWIRE_READ_CACHE_MB"] = "0"
    print(f"(read cache {'off: every request computed' if cache_off else 'on: repeats are served until a write'})")
    with TestClient(create_app(url)) as client:
        for name, params in INCIDENT_QUERIES:
            params = {"limit": 100, **params}
            row, cpu = [], []
            count = 0
            for path in ("/api/events", "/api/incidents"):
                client.get(path, params=params)
                times, cpus = [], []
                for _ in range(reps):
                    t, c = time.perf_counter(), time.process_time()
                    r = client.get(path, params=params)
                    times.append((time.perf_counter() - t) * 1000)
                    cpus.append((time.process_time() - c) * 1000)
                    assert r.status_code == 200, r.text
                    count = r.json()["count"]
                row.append(p(times))
                cpu.append(p(cpus))
            worst = [max(worst[0], row[0][1]), max(worst[1], row[1][1]), max(worst[2], cpu[0][1]),
                     max(worst[3], cpu[1][1])]
            print(f"| {name} | {row[0][0]:.1f} / {row[0][1]:.1f} | {row[1][0]:.1f} / {row[1][1]:.1f} | {count:,} "
                  f"| {cpu[0][0]:.1f} / {cpu[0][1]:.1f} | {cpu[1][0]:.1f} / {cpu[1][1]:.1f} |", flush=True)
    print(f"| worst p95 | {worst[0]:.1f} | {worst[1]:.1f} | | {worst[2]:.1f} | {worst[3]:.1f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="synthetic events stored before measuring")
    ap.add_argument("--articles", type=int, default=300, help="new articles ingested each way")
    ap.add_argument("--latency", action="store_true", help="also measure /api/incidents vs /api/events")
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--dir", type=Path, help="keep the stores here (default: a temp dir)")
    ap.add_argument("--unplaced", type=float, default=0.0, help="share of new events without a place")
    ap.add_argument("--one-place", action="store_true",
                    help="new events not near a stored one at their article's own place (one country an article)")
    ap.add_argument("--sentences", action="store_true",
                    help="new events' evidence a sentence long (kept and looked up as evidence keys, migration 0010)")
    ap.add_argument("--cache-off", action="store_true", help="--latency with the read cache off (every request computed)")
    ap.add_argument("--facets-ab", action="store_true",
                    help="a third arm: linking on without the incident facets' upkeep (migration 0007)")
    ap.add_argument("--no-facet-reads", action="store_true",
                    help="--latency with /api/incidents answering actor/claim filters from the reports, as "
                    "before migration 0007 (the same store: a before/after under the same conditions)")
    ap.add_argument("--db", help="a database URL (e.g. PostgreSQL) instead of --dir's SQLite file: loaded when "
                    "it holds no events, then --latency only (--articles 0)")
    ap.add_argument("--no-code-country", action="store_true",
                    help="--latency with an actor code + country answered by probing the country's incidents, as "
                    "before migration 0009 (the same store: a before/after under the same conditions)")
    a = ap.parse_args()
    if a.no_code_country:
        from eventwire.incidents import queries

        queries._code_in_country = lambda *args, **kw: None  # noqa: SLF001
    if a.no_facet_reads:
        from eventwire.incidents import facets

        facets.faceted = lambda rep, **kw: None  # every report-level filter read from the reports
    if a.db:
        with Store.open(a.db) as store, store.engine.connect() as conn:
            stored = conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()
            rows = conn.execute(sa.select(sa.func.count()).select_from(incidents)).scalar_one()
        if not stored:
            prepare(a.db, a.n)
        elif stored != a.n:
            sys.exit(f"{a.db} holds {stored:,} events, not --n {a.n:,}: give an empty database")
        elif not rows:  # a load stopped before its incident rows: those only (what the pages read)
            with Store.open(a.db) as store:
                t, c = time.perf_counter(), time.process_time()
                with store.writer.begin() as conn:
                    n_inc = rebuild_all(conn)
                with store.writer.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.exec_driver_sql("VACUUM ANALYZE" if store.dialect == "postgresql" else "ANALYZE")
                print(f"{n_inc:,} incident rows (and their facets) in {time.perf_counter() - t:.0f} s "
                      f"({time.process_time() - c:.0f} s CPU of this process); no MinHash bands", flush=True)
        if a.latency:
            latency(a.db, a.reps, a.cache_off)
        return
    tmp = a.dir or Path(tempfile.mkdtemp(prefix="ew-incbench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    base = tmp / "base.db"
    if not base.exists():
        prepare(f"sqlite:///{base}", a.n)
    else:
        keep_names(f"sqlite:///{base}")
    if a.articles == 0:  # latency only, on the loaded store as it is
        if a.latency:
            latency(f"sqlite:///{base}", a.reps, a.cache_off)
        return
    results = new_results(f"sqlite:///{base}", a.articles, unplaced=a.unplaced, sentences=a.sentences,
                          one_place=a.one_place)
    # Importing datasketch (it imports scipy) costs ~2 s once per process, not per article.
    copies.band_keys(copies.shingles(" ".join(WORDS * 3)))
    figures: dict[Any, list[tuple[float, float]]] = {}
    arms: list[Any] = [False, True] if not a.facets_ab else [False, True, "no facets"]
    for arm in arms * 2:  # alternated, so that a busy moment hurts both alike
        link = arm is not False
        db = tmp / f"run_{int(link)}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        shutil.copy(base, db)
        figures.setdefault(arm, []).append(ingest(f"sqlite:///{db}", results, link, facets=arm is True))
    if a.facets_ab:
        for i, what in ((0, "wall"), (1, "CPU")):
            off, nof = min(f[i] for f in figures[False]), min(f[i] for f in figures["no facets"])
            print(f"  linking on without the facets' upkeep, {what}: {nof:.2f} ms "
                  f"(+{100 * (nof - off) / (PIPELINE_MS + off):.1f}% end to end)")
    for i, what in ((0, "wall"), (1, "CPU")):
        off, on = min(f[i] for f in figures[False]), min(f[i] for f in figures[True])
        print(f"store write per article (10 events), {a.n:,} events stored, {what}: linking off {off:.2f} ms, "
              f"on {on:.2f} ms (+{100 * (on - off) / off:.0f}% of the store write); end to end with the "
              f"pipeline ({PIPELINE_MS:.0f} ms/article): +{100 * (on - off) / (PIPELINE_MS + off):.1f}%")
    if a.latency:
        latency(f"sqlite:///{tmp / 'run_1.db'}", a.reps, a.cache_off)


if __name__ == "__main__":
    main()
