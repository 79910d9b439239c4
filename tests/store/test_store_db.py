"""Store behaviour on SQLite and PostgreSQL (every test here runs on both)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from eventwire.errors import StoreError
from eventwire.records import Failure
from eventwire.store import EventFilters, FilterError, Store
from store_samples import V1, V2, make_article, make_event, make_result, sample_results


@pytest.fixture
def store(store_url: str):
    s = Store.open(store_url)
    yield s
    s.close()


@pytest.fixture
def filled(store: Store) -> Store:
    for r in sample_results():
        assert store.add_result(r) == "new"
    return store


def ids(store: Store, **filters: object) -> set[str]:
    found = {e["event_id"] for e in store.iter_events(**filters)}
    assert store.count_events(**filters) == len(found)
    return found


def article_text(event) -> str:
    return next(r.article.text for r in sample_results() if r.article.article_id == event.article_id)


def expected(pred) -> set[str]:
    return {e.event_id for r in sample_results() for e in r.events if pred(e)}


def _head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from eventwire.store.core import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None and head >= "0002"
    return head


def test_open_is_idempotent_and_migrated(store_url: str) -> None:
    Store.open(store_url).close()
    with Store.open(store_url) as s:
        with s.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one() == _head()
        assert s.count_events() == 0


def test_records_round_trip_as_public_json(filled: Store) -> None:
    originals = {e.event_id: e.to_dict() for r in sample_results() for e in r.events}
    stored = {e["event_id"]: e for e in filled.iter_events()}
    assert stored == originals


def test_same_version_is_unchanged_new_version_replaces(store: Store) -> None:
    a = make_article("Rebels attacked a checkpoint in Goma, killing two soldiers.")
    assert store.add_result(make_result(a, make_event(a, 0), make_event(a, 1))) == "new"
    assert store.add_result(make_result(a, make_event(a, 0), make_event(a, 1))) == "unchanged"
    assert store.count_events() == 2
    assert store.has_article(a.article_id) and store.has_article(a.article_id, V1)
    assert not store.has_article(a.article_id, V2)

    new = make_event(a, 0, version=V2, actor=("M23", "COD", "REB"), recipient=None)
    assert store.add_result(make_result(a, new)) == "replaced"
    assert [e["event_id"] for e in store.iter_events()] == [new.event_id]
    assert store.has_article(a.article_id, V2)
    # the old events' actors went with them
    assert store.count_events(actor="SYR") == 0
    assert store.count_events(actor="COD/REB") == 1
    assert store.summary()["articles"] == 1


def test_article_without_events_is_stored(store: Store) -> None:
    a = make_article("The weather in Geneva was mild today.", title="Weather")
    assert store.add_result(make_result(a), version=V1) == "new"
    assert store.add_result(make_result(a), version=V1) == "unchanged"
    got = store.get_article(a.article_id)
    assert got is not None and got["article"]["text"] == a.text and got["events"] == []


FILTER_CASES = [
        ({"country": "SY"}, lambda e: e.location and e.location.country == "SY"),
        ({"country": "Ukraine"}, lambda e: e.location and e.location.country == "UA"),
        ({"country": "SYR|UA"}, lambda e: e.location is not None),
        ({"admin1": "Idlib"}, lambda e: e.location and e.location.admin1 == "Idlib"),
        ({"event_type": "Protests"}, lambda e: e.acled_event_type == "Protests"),
        ({"sub_event_type": "Air/drone strike"}, lambda e: e.acled_sub_event_type == "Air/drone strike"),
        ({"plover_type": "assault|protest"}, lambda e: e.plover_type in ("ASSAULT", "PROTEST")),
        ({"actor": "turkish"}, lambda e: any("Turkish" in (a.name or "") for a in e.actors)),
        ({"actor": "TUR/MIL"}, lambda e: any(a.country == "TUR" and a.sector == "MIL" for a in e.actors)),
        ({"actor": "/CVL"}, lambda e: any(a.sector == "CVL" for a in e.actors)),
        ({"actor": "RUS|UKR"}, lambda e: any(a.country in ("RUS", "UKR") for a in e.actors)),
        ({"claim_source": "defense ministry"}, lambda e: bool(e.claim_source)),
        ({"min_confidence": 0.85}, lambda e: e.confidence >= 0.85),
        ({"incident_id": "inc_idlib"}, lambda e: e.incident_id == "inc_idlib"),
        ({"modality": "threatened"}, lambda e: e.modality == "threatened"),
        ({"bbox": "36,35,37,36"}, lambda e: e.location and e.location.lat and 35 <= e.location.lat <= 36
         and 36 <= e.location.lon <= 37),
        ({"event_date": "2020-02-01|2020-02-29", "event_date_where": "BETWEEN"},
         lambda e: e.date and e.date.start.month == 2 and e.date.start.year == 2020),
        ({"event_date": "2022-03-02"}, lambda e: e.date and e.date.end.isoformat() == "2022-03-02"),
        ({"event_date": "2021-01-01", "event_date_where": ">"}, lambda e: e.date and e.date.start.year == 2022),
        ({"event_date": "2021-01-01", "event_date_where": "<"}, lambda e: e.date and e.date.start.year == 2020),
        ({"q": "shelling"}, lambda e: "shelling" in article_text(e)),
        ({"q": "drones|rally"}, lambda e: "drones" in article_text(e) or "rally" in article_text(e)),
        ({"q": "Saraqib ministry"}, lambda e: "Saraqib" in article_text(e) and "ministry" in article_text(e)),
        # issue 13: names people write, enumerations in any case, roles, article and size filters
        ({"country": "Turkey|Russia|Burma|syria"}, lambda e: e.location and e.location.country == "SY"),
        ({"country": "ukr"}, lambda e: e.location and e.location.country == "UA"),
        ({"event_type": "explosions/remote violence"}, lambda e: e.acled_event_type == "Explosions/Remote violence"),
        ({"sub_event_type": "PEACEFUL PROTEST"}, lambda e: e.acled_sub_event_type == "Peaceful protest"),
        ({"modality": "Threatened"}, lambda e: e.modality == "threatened"),
        ({"actor": "tur/mil"}, lambda e: any(a.country == "TUR" and a.sector == "MIL" for a in e.actors)),
        ({"actor1": "TUR/MIL"}, lambda e: any(a.role == "actor" and a.country == "TUR" for a in e.actors)),
        ({"actor2": "tur/mil"}, lambda e: any(a.role == "recipient" and a.country == "TUR" for a in e.actors)),
        ({"actor1": "turkish"}, lambda e: any(a.role == "actor" and "Turkish" in a.text for a in e.actors)),
        ({"evidence": "syrian"}, lambda e: "syrian" in e.evidence.sentence.lower()),
        ({"evidence": "nowhere|police"}, lambda e: "police" in e.evidence.sentence.lower()),
        ({"outlet": "reuters|ap"}, lambda e: e.article_id in OUTLET_AP_REUTERS),
        ({"published": "2020-02-01|2020-02-29"}, lambda e: e.published and e.published.month == 2),
        ({"published": "2022-01-01", "published_where": ">="}, lambda e: e.published and e.published.year == 2022),
        ({"min_fatalities": 5}, lambda e: e.size.dead is not None and e.size.dead >= 5),
        ({"min_fatalities": 1, "max_fatalities": 5}, lambda e: e.size.dead is not None and 1 <= e.size.dead <= 5),
        ({"event_date": "2022-03-02", "event_date_match": "within"},
         lambda e: e.date and e.date.start.isoformat() == e.date.end.isoformat() == "2022-03-02"),
        ({"event_date": "2020-02-01|2020-02-28", "event_date_where": "BETWEEN", "event_date_match": "WITHIN"},
         lambda e: e.date and e.date.start.year == 2020),
        ({"event_date": "2022-03-02|2022-03-31", "event_date_match": "within"}, lambda e: False),
        ({"event_date": "2022-03-02|2022-03-31"}, lambda e: e.date and e.date.end.isoformat() == "2022-03-02"),
    ]
OUTLET_AP_REUTERS = {r.article.article_id for r in sample_results() if r.article.source in ("AP", "Reuters")}


def test_filters(filled: Store) -> None:
    # one test per backend over all cases: filling a fresh store per case costs more than the checks
    for filters, pred in FILTER_CASES:
        want = expected(pred)
        assert want or "within" in str(filters), f"filter case {filters} must select something"
        assert ids(filled, **filters) == want, filters


def test_article_id_filter_and_paging(filled: Store) -> None:
    a2 = sample_results()[1].article.article_id
    assert ids(filled, article_id=a2) == expected(lambda e: e.article_id == a2)
    everything = [e["event_id"] for e in filled.iter_events()]
    pages = [e["event_id"] for off in range(0, 5, 2) for e in filled.iter_events(limit=2, offset=off)]
    assert pages == everything and len(everything) == 5
    assert list(filled.iter_events(fields=["event_id", "plover_type"]))[0].keys() == {"event_id", "plover_type"}


def test_newest_first(filled: Store) -> None:
    dates = [e["date"]["start"] if e["date"] else None for e in filled.iter_events()]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)


INJECTIONS = [
    "'; DROP TABLE events; --",
    "\" OR 1=1 --",
    "SY' OR '1'='1",
    "%",
    "_",
    "NEAR(a b)",
    "\"unbalanced",
    "x) OR (1=1",
    "*",
    "\x00",
]


def test_injection_through_text_filters_is_inert(filled: Store) -> None:
    for attack in INJECTIONS:
        for name in ("admin1", "actor", "actor1", "actor2", "claim_source", "incident_id", "article_id", "q",
                     "evidence", "outlet"):
            assert filled.count_events(**{name: attack}) == 0, (name, attack)
            assert list(filled.iter_events(**{name: attack})) == []
        # Enumerations and countries refuse what they do not know instead of matching nothing.
        for name in ("country", "event_type", "sub_event_type", "plover_type", "modality"):
            with pytest.raises(FilterError, match=name):
                filled.count_events(**{name: attack})
    assert filled.count_events() == 5
    assert filled.summary()["articles"] == 3


@pytest.mark.parametrize(
    "bad",
    [{"event_date": "yesterday"}, {"bbox": "1,2,3"}, {"bbox": "a,b,c,d"}, {"min_confidence": "high"},
     {"event_date": "2020-01-01", "event_date_where": "LIKE"}, {"nonsense": "x"}, {"country": "Narnia"},
     {"plover_type": "NOTATYPE"}, {"modality": "maybe"}, {"event_type": "Battle"}, {"min_fatalities": "-1"},
     {"max_fatalities": "many"}, {"event_date_match": "around"}, {"published": "May 2020"}],
)
def test_bad_filters_raise_filter_error(filled: Store, bad: dict) -> None:
    with pytest.raises(FilterError):
        filled.count_events(**bad)
    with pytest.raises(FilterError):
        EventFilters.parse(**bad)


def test_get_article_and_incident(filled: Store) -> None:
    r = sample_results()[1]
    got = filled.get_article(r.article.article_id)
    assert got is not None
    assert got["article"]["text"] == r.article.text and got["article"]["source"] == "AP"
    assert {e["event_id"] for e in got["events"]} == {e.event_id for e in r.events}
    for e in got["events"]:
        assert got["article"]["text"][e["evidence"]["start"]: e["evidence"]["end"]] == e["evidence"]["sentence"]
    assert filled.get_article("a_missing") is None
    assert filled.get_article("a_\x00") is None and filled.get_incident("\x00") is None

    inc = filled.get_incident("inc_idlib")
    assert inc is not None
    assert {e["event_id"] for e in inc["events"]} == expected(lambda e: e.incident_id == "inc_idlib")
    assert {a["article_id"] for a in inc["articles"]} == {e["article_id"] for e in inc["events"]}
    assert all("text" not in a for a in inc["articles"])
    assert filled.get_incident("nope") is None


def test_summary_and_stats(filled: Store) -> None:
    evs = [e for r in sample_results() for e in r.events]
    s = filled.summary()
    assert s["articles"] == 3 and s["events"] == len(evs)
    assert {d["key"]: d["count"] for d in s["by_plover_type"]} == {
        t: sum(e.plover_type == t for e in evs) for t in {e.plover_type for e in evs}
    }
    assert s["dead"] == sum(e.size.dead or 0 for e in evs)
    assert s["injured"] == sum(e.size.injured or 0 for e in evs)
    assert s["date_range"] == {"start": "2020-02-10", "end": "2022-03-02"}
    top = s["top_actors"][0]
    assert (top["name"], top["country"], top["sector"]) == ("Syrian Armed Forces", "SYR", "MIL")
    assert s["claims_by_source"][0] == {"claim_source": "Turkish Defense Ministry", "n": 2}
    assert s["events_without_claim_source"] == 3
    assert any(p["place_name"] == "Idlib" for p in s["top_places"])

    st = filled.stats()
    assert st["count"] == len(evs)
    assert sum(d["count"] for d in st["by_day"]) == sum(e.date is not None for e in evs)
    assert {d["key"]: d["count"] for d in st["by_country"]}["SY"] == 2
    assert filled.stats(country="UA")["count"] == 2


def test_failures_are_kept_with_retry_count(store: Store) -> None:
    store.add_failure(Failure(origin="feeds/x.html", code="E108", message="not HTML"))
    store.add_failure(Failure(origin="feeds/x.html", code="E108", message="still not HTML"))
    store.add_failure(Failure(origin="y.txt", code="E101", message="empty"))
    fails = {f["origin"]: f for f in store.iter_failures()}
    assert fails["feeds/x.html"]["retries"] == 1 and fails["feeds/x.html"]["message"] == "still not HTML"
    s = store.summary()
    assert s["failures"] == 2 and s["failures_by_code"] == {"E101": 1, "E108": 1}
    store.clear_failure("y.txt")
    assert store.summary()["failures"] == 1


def test_unreachable_store_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        Store.open("postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert err.value.code == "E301"
    with pytest.raises(StoreError):
        Store.open("notadb://x")


def _texts(worker: int, n: int) -> list[str]:
    # half the articles are the same in both workers, so they race on the same rows
    return [f"Article {i if i % 2 else f'{worker}-{i}'} about clashes in Aleppo." for i in range(n)]


def _ingest_code(url: str, worker: int, n: int) -> str:
    # A fresh interpreter per writer (what two CLI runs are); the test module itself cannot be
    # imported by name under pytest's importlib mode, so the worker is passed as source.
    return (
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parents[1])!r})\n"
        "from eventwire.store import Store\n"
        "from store_samples import make_article, make_event, make_result\n"
        f"texts = {_texts(worker, n)!r}\n"
        f"with Store.open({url!r}) as s:\n"
        "    for text in texts:\n"
        "        a = make_article(text)\n"
        "        s.add_result(make_result(a, make_event(a, 0), make_event(a, 1)))\n"
    )


def test_two_processes_ingest_into_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    procs = [subprocess.Popen([sys.executable, "-c", _ingest_code(url, w, 20)]) for w in range(2)]
    for p in procs:
        assert p.wait(120) == 0
    with Store.open(url) as s:
        n_articles = s.summary()["articles"]
        assert n_articles == len(set(_texts(0, 20)) | set(_texts(1, 20)))
        assert s.count_events() == 2 * n_articles
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"


# -- the paths taken at scale: bounded counts, broad pages, keyset cursors, date bounds -------------


def test_broad_and_narrow_page_plans_and_bounded_counts_agree(filled: Store) -> None:
    # At scale, a filter matching many events is read in page order with per-event checks
    # (broad=True), a rare one through its own index; both must give the same page and the
    # same bounded count as an exact count.
    for filters, pred in FILTER_CASES:
        f = EventFilters.parse(**filters)
        newest = [e["event_id"] for e in filled.iter_events(f)]
        assert set(newest) == expected(pred), filters
        for broad in (False, True):
            got = filled.page(f, limit=2, broad=broad)
            assert [e["event_id"] for e in got.events] == newest[:2], (filters, broad)
            assert got.has_more == (len(newest) > 2)
        n = len(newest)
        assert filled.count_events(f, bound=1) == min(n, 2), filters
        count, exact = filled.count_bounded(f, bound=1)
        assert exact == (n <= 1) and count >= min(n, 2), filters


def test_keyset_cursor_pages_through_everything_once(filled: Store) -> None:
    everything = [e["event_id"] for e in filled.iter_events()]
    seen: list[str] = []
    after = None
    for _ in range(10):
        page = filled.page(limit=2, after=after)
        seen += [e["event_id"] for e in page.events]
        if page.next_after is None:
            assert not page.has_more
            break
        after = page.next_after
    assert seen == everything
    with pytest.raises(FilterError):
        filled.page(limit=2, after="not-a-cursor")


def test_actor_substring_ignores_case_and_follows_replacement(store: Store) -> None:
    a = make_article("Turkish drones struck a convoy near Saraqib.")
    store.add_result(make_result(a, make_event(a, 0)))
    assert store.count_events(actor="tURKISH ARMED") == 1
    assert store.count_events(actor="Armed Forces|nobody") == 1
    store.add_result(make_result(a, make_event(a, 0, version=V2, actor=("M23", "COD", "REB"), recipient=None)))
    assert store.count_events(actor="Turkish") == 0
    assert store.count_events(actor="m23") == 1


def test_date_filter_finds_long_intervals(store: Store) -> None:
    # The date filters bound date_start by the longest stored interval: a year-long event must
    # still overlap a month inside it, and a short one outside it must not.
    a = make_article("A siege lasted the whole year; shelling followed in March.")
    long = make_event(a, 0, date=("2019-06-01", "2020-05-31"))
    short = make_event(a, 1, date=("2020-03-05", "2020-03-05"))
    store.add_result(make_result(a, long, short))
    feb = {e["event_id"] for e in store.iter_events(event_date="2020-02-01|2020-02-29")}
    assert feb == {long.event_id}
    assert {e["event_id"] for e in store.iter_events(event_date="2020-03-05")} == {long.event_id, short.event_id}
    assert {e["event_id"] for e in store.iter_events(event_date="2020-05-30", event_date_where=">")} == {
        long.event_id
    }


def _substring_store(store: Store) -> list:
    a = make_article("Fighting in Mogadishu and Idlib; observers and the UN reported casualties.")
    evs = [
        make_event(a, 0, actor=("al-Shabaab", "SOM", "REB"), recipient=("Somali National Army", "SOM", "MIL"),
                   claim_source=("Syrian Observatory for Human Rights",)),
        make_event(a, 1, claim_source=("UN OCHA", "police spokesman")),
        make_event(a, 2, actor=("Hamas", "PSE", "REB"), recipient=None, claim_source=("100% sure_source",)),
    ]
    store.add_result(make_result(a, *evs))
    return evs


def test_actor_and_claim_substrings_agree_on_every_plan(store: Store) -> None:
    # SQLite answers these through the distinct names/sources (migration 0003), PostgreSQL through
    # trigram/LIKE; a page read in order checks each row instead. All must select the same events.
    evs = _substring_store(store)

    def want(kind: str, value: str) -> set[str]:
        v = value.lower()
        if kind == "actor":
            return {e.event_id for e in evs if any(v in (x.name or "").lower() or v in x.text.lower()
                                                    for x in e.actors)}
        return {e.event_id for e in evs if any(v in c.lower() for c in e.claim_source)}

    for kind, value in [("claim_source", "OBSERVATORY"), ("claim_source", "un"), ("claim_source", "sman"),
                        ("claim_source", "100%"), ("claim_source", "0%_"), ("claim_source", "nobody"),
                        ("actor", "shabaab"), ("actor", "Army"), ("actor", "ma"), ("actor", "al-")]:
        expect = want("actor" if kind == "actor" else "claim", value)
        f = EventFilters.parse(**{kind: value})
        assert {e["event_id"] for e in store.iter_events(f)} == expect, value
        assert store.count_events(f) == len(expect) == store.count_events(f, bound=10), value
        for broad in (False, True):
            assert {e["event_id"] for e in store.page(f, limit=10, broad=broad).events} == expect, (value, broad)
    both = EventFilters.parse(claim_source="observatory|OCHA", country="SY")
    assert store.count_events(both, bound=10) == 2 == len(list(store.iter_events(both)))


def test_claim_substring_follows_replacement(store: Store) -> None:
    a = make_article("The Observatory said shelling hit Saraqib.")
    store.add_result(make_result(a, make_event(a, 0, claim_source=("Syrian Observatory",))))
    assert store.count_events(claim_source="observatory", bound=10) == 1
    store.add_result(make_result(a, make_event(a, 0, version=V2, claim_source=("police",))))
    assert store.count_events(claim_source="observatory", bound=10) == 0
    assert store.count_events(claim_source="POLICE", bound=10) == 1


def test_sqlite_upgrade_indexes_existing_names_and_sources(tmp_path: Path) -> None:
    # A store filled under revision 0002 finds its existing actors and claim sources after the upgrade.
    from alembic import command
    from alembic.config import Config

    from eventwire.store.core import MIGRATIONS

    url = f"sqlite:///{tmp_path / 'old.db'}"
    store = Store.open(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.writer.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    evs = _substring_store(store)
    store.close()
    with Store.open(url) as store:
        assert {e["event_id"] for e in store.iter_events(actor="Shabaab")} == {evs[0].event_id}
        assert store.count_events(claim_source="ocha", bound=10) == 1


def test_substring_filters_past_the_value_list_limit(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # Over MAX_TERMS matching names the lookup stays a subquery: same events, another plan.
    from eventwire.store import core

    evs = _substring_store(store)
    monkeypatch.setattr(core, "MAX_TERMS", 0)
    for raw, want in [({"actor": "shabaab"}, {evs[0].event_id}), ({"claim_source": "o"}, {e.event_id for e in evs}),
                      ({"claim_source": "ocha|OBSERV"}, {evs[0].event_id, evs[1].event_id})]:
        f = EventFilters.parse(**raw)
        assert {e["event_id"] for e in store.iter_events(f)} == want, raw
        assert store.count_events(f, bound=10) == len(want), raw
