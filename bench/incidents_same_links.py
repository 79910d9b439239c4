"""Which events link, on a dense synthetic stream: the incident assignments of one version of the
linker, to compare with another's (a change meant to make linking cheaper must not change them).

    .venv/bin/python bench/incidents_same_links.py --out /tmp/after.json
    PYTHONPATH=/path/to/other/checkout/src .venv/bin/python bench/incidents_same_links.py --out /tmp/before.json
    .venv/bin/python bench/incidents_same_links.py --compare /tmp/before.json /tmp/after.json

bench/incidents_ingest.py's new articles rarely link (their texts share no names, so context is 0):
this stream is made to exercise every path of the linker. ARTICLES articles (default 1,500) in
publication order over 90 days, 12 places, 8 type combinations; each article names a few invented
capitalised names drawn from its place's pool, so that articles about one place share context; 1 to
4 events each, in within-article incidents, with dates of every precision (day, week, month,
reported, none), a share unplaced or placed only to the province, and one article in twenty a wire
copy of an earlier one under another outlet (the story path). Every article is ingested with
linking on into a fresh SQLite store; written out: every event's incident id and every incident
row's record (less its ``updated`` time).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_latency import ACTORS, PLACES, TYPES, WORDS  # noqa: E402

from eventwire.records import ActorRef, Article, Event, Evidence, Place, Result, Size, When  # noqa: E402
from eventwire.store import Store  # noqa: E402

_SYL = ["ba", "ra", "kan", "tu", "mel", "shi", "dor", "qa", "lin", "zar", "heb", "mo", "sur", "ti", "van", "gul"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYL) for _ in range(3)).capitalize()


def stream(k: int, seed: int = 5) -> list[Result]:
    rng = random.Random(seed)
    pools = {p[0]: [_name(rng) for _ in range(10)] for p in PLACES}
    day0 = dt.date(2021, 3, 1)
    out: list[Result] = []
    for ai in range(k):
        pub = day0 + dt.timedelta(days=ai * 90 // k)
        if out and ai % 20 == 19:  # a wire copy of an earlier article, another outlet
            orig = rng.choice(out[-40:])
            art = Article.from_text(orig.article.text + " (copy)", published=pub, source=f"outlet {ai % 9}")
            evs = [Event(**{**_fields(ev), "event_id": f"e{ai:05d}_{j}", "article_id": art.article_id,
                            "incident_id": f"i{ai:05d}_{(ev.incident_id or '')[-1:]}"})
                   for j, ev in enumerate(orig.events)]
            out.append(Result(article=art, events=tuple(evs)))
            continue
        place0 = rng.choice(PLACES)
        names = rng.sample(pools[place0[0]], 7)
        text = ". ".join(f"In {place0[0]} the {rng.choice(WORDS)} near {n} {rng.choice(WORDS)} {rng.choice(WORDS)}"
                         for n in names) + f". Item {ai}."
        art = Article.from_text(text, published=pub, source=f"outlet {ai % 9}")
        evs = []
        for j in range(rng.randint(1, 4)):
            acled = rng.choice(TYPES)
            place = place0 if rng.random() < 0.8 else rng.choice(PLACES)
            r = rng.random()
            location: Place | None
            if r < 0.15:
                location = None
            elif r < 0.25:
                location = Place(place[2], place[2], place[1], place[2], None, None, place[3], place[4], "admin1")
            else:
                location = Place(place[0], place[0], place[1], place[2], None, None,
                                 place[3] + rng.uniform(-0.15, 0.15), place[4] + rng.uniform(-0.15, 0.15), "town")
            prec = rng.choices(["day", "week", "month", "reported", None], weights=[6, 1, 1, 2, 1])[0]
            start = pub - dt.timedelta(days=rng.randrange(4))
            when = {"day": When(start, start, "day", "on Monday"),
                    "week": When(start, start + dt.timedelta(days=6), "week", "last week"),
                    "month": When(start.replace(day=1), start.replace(day=28), "month", "this month"),
                    "reported": When(None, None, "reported"), None: When(None, None, None)}[prec]
            a1, a2 = rng.sample(ACTORS, 2)
            s = rng.randrange(0, max(1, len(text) - 60))
            evs.append(Event(
                event_id=f"e{ai:05d}_{j}", article_id=art.article_id, plover_type=acled[0], plover_mode=None,
                context=(), acled_event_type=acled[1], acled_sub_event_type=acled[2], cameo_root="19",
                actors=(ActorRef("actor", a1[0], a1[0], a1[1], a1[2]), ActorRef("recipient", a2[0], a2[0], a2[1], a2[2])),
                location=location, date=when, size=Size(dead=rng.choice((None, None, 1, 3, 5))),
                claim_source=(), modality="asserted", confidence=0.7, evidence=Evidence(text[s:s + 60], s, s + 60),
                incident_id=f"i{ai:05d}_{j // 2}", extractor_version="bench", published=pub,
            ))
        out.append(Result(article=art, events=tuple(evs)))
    return out


def _fields(ev: Event) -> dict[str, Any]:
    return {f: getattr(ev, f) for f in ev.__dataclass_fields__}


def run(k: int, out: Path) -> None:
    results = stream(k)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'links.db'}"
        with Store.open(url) as store:
            c = time.process_time()
            for r in results:
                store.add_result(r)
            cpu = time.process_time() - c
            with store.engine.connect() as conn:
                evs = dict(conn.execute(sa.text("SELECT event_id, incident_id FROM events")).all())
                incs = {}
                for iid, rec in conn.execute(sa.text("SELECT incident_id, record FROM incidents")):
                    r = json.loads(rec)
                    r.pop("updated", None)
                    incs[iid] = r
    multi = sum(1 for r in incs.values() if r.get("n_articles", 0) > 1)
    out.write_text(json.dumps({"events": evs, "incidents": incs}, sort_keys=True))
    print(f"{k} articles, {len(evs):,} events, {len(incs):,} incidents ({multi:,} across articles); "
          f"ingest {1000 * cpu / k:.1f} ms CPU per article; written to {out}")


def compare(a: Path, b: Path) -> int:
    x, y = json.loads(a.read_text()), json.loads(b.read_text())
    ev_diff = sorted(k for k in set(x["events"]) | set(y["events"]) if x["events"].get(k) != y["events"].get(k))
    inc_diff = sorted(k for k in set(x["incidents"]) | set(y["incidents"])
                      if x["incidents"].get(k) != y["incidents"].get(k))
    print(f"events {len(x['events']):,} vs {len(y['events']):,}: {len(ev_diff)} assigned differently; "
          f"incident rows {len(x['incidents']):,} vs {len(y['incidents']):,}: {len(inc_diff)} differ")
    for k in ev_diff[:10]:
        print(" ", k, x["events"].get(k), "->", y["events"].get(k))
    return 1 if ev_diff or inc_diff else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1500)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    a = ap.parse_args()
    if a.compare:
        sys.exit(compare(*a.compare))
    run(a.articles, a.out or Path(tempfile.gettempdir()) / "incident_links.json")


if __name__ == "__main__":
    main()
