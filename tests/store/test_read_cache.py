"""The read cache (store/cache.py): counts and stats answered again until a write commits, and
never an answer from before a committed write, whoever wrote (every test runs on SQLite and
PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from eventwire.store import EventFilters, Store
from eventwire.store.cache import ReadCache, write_generation
from eventwire.store.schema import events
from store_samples import make_article, make_event, make_result, sample_results


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as s:
        for r in sample_results():
            s.add_result(r)
        yield s


def _new_result(text: str, dead: int, country: str = "UA") -> object:
    a = make_article(text, published="2022-03-05")
    return make_result(a, make_event(a, 0, dead=dead, date=("2022-03-04", "2022-03-04"),
                                     place=("Kharkiv", country, "Kharkiv", 49.99, 36.23)))


def test_repeated_reads_are_served_from_the_cache(store: Store) -> None:
    first = store.stats(country="UA")
    hits = store.cache.hits
    assert store.stats(country="UA") == first
    assert store.count_events(country="UA") == store.count_events(country="UA") == first["count"]
    assert store.cache.hits >= hits + 2  # the second stats and the second count


def test_own_write_invalidates_counts_and_stats(store: Store) -> None:
    before = store.stats(country="UA")
    n = store.count_events(country="UA")
    bounded = store.count_bounded(EventFilters.parse(country="UA"), bound=10)
    store.add_result(_new_result("Shelling hit Kharkiv again on Friday, killing seven people.", dead=7))
    after = store.stats(country="UA")
    assert after["count"] == before["count"] + 1
    assert after["fatalities"] == before["fatalities"] + 7
    assert after["events_with_fatalities"] == before["events_with_fatalities"] + 1
    assert {d["date"] for d in after["by_day"]} == {d["date"] for d in before["by_day"]} | {"2022-03-04"}
    assert store.count_events(country="UA") == n + 1
    assert store.count_bounded(EventFilters.parse(country="UA"), bound=10) == (bounded[0] + 1, True)


def test_write_by_another_store_object_invalidates(store: Store, store_url: str) -> None:
    """Another process writing the same database: this Store's cache must not answer from before."""
    before = store.stats()
    n = store.count_events()
    with Store.open(store_url) as other:
        other.add_result(_new_result("An airstrike hit Kharkiv on Friday, killing three people.", dead=3))
    assert store.count_events() == n + 1
    assert store.stats()["count"] == before["count"] + 1
    assert store.stats()["fatalities"] == before["fatalities"] + 3


def test_raw_sql_write_invalidates(store: Store) -> None:
    """Any write to the tables, not only Store's own methods (triggers on SQLite, the snapshot on
    PostgreSQL), invalidates: an UPDATE and a DELETE done in plain SQL."""
    ua = store.stats(country="UA")["count"]
    sy = store.count_events(country="SY")
    with store.writer.begin() as conn:
        conn.execute(sa.update(events).where(events.c.country == "SY").values(country="UA"))
    assert store.stats(country="UA")["count"] == ua + sy
    assert store.count_events(country="SY") == 0
    with store.writer.begin() as conn:
        conn.execute(sa.text("DELETE FROM event_actors"))
        conn.execute(sa.text("DELETE FROM event_claims"))
        conn.execute(sa.text("DELETE FROM events"))
    assert store.count_events() == 0 and store.stats()["count"] == 0


def test_rolled_back_write_leaves_the_answer(store: Store) -> None:
    n = store.count_events()
    with pytest.raises(RuntimeError), store.writer.begin() as conn:
        conn.execute(sa.text("DELETE FROM event_claims"))
        raise RuntimeError("abort")
    assert store.count_events() == n


def test_generation_changes_with_each_commit_only(store: Store) -> None:
    with store.engine.connect() as conn:
        g1 = write_generation(conn)
    with store.engine.connect() as conn:
        assert write_generation(conn) == g1  # reads do not move it
    store.add_result(_new_result("Shelling hit Kharkiv on Sunday, killing two people.", dead=2))
    with store.engine.connect() as conn:
        g2 = write_generation(conn)
    assert g1 is not None and g2 != g1


def test_stats_match_an_uncached_count(store: Store) -> None:
    """The two grouped queries agree with counting the records one by one."""
    recs = list(store.iter_events())
    st = store.stats()
    assert st["count"] == len(recs)
    assert st["fatalities"] == sum((r["size"] or {}).get("dead") or 0 for r in recs)
    by_country: dict[str | None, int] = {}
    for r in recs:
        key = (r["location"] or {}).get("country")
        by_country[key] = by_country.get(key, 0) + 1
    assert {d["key"]: d["count"] for d in st["by_country"]} == by_country
    days = [(d["date"], d["plover_type"]) for d in st["by_day"]]
    assert days == sorted(days) and all(dt.date.fromisoformat(d) for d, _ in days)


def test_budget_zero_turns_caching_off(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_READ_CACHE_MB", "0")
    with Store.open(store_url) as s:
        s.count_events()
        s.count_events()
        assert s.cache.hits == 0 and s.cache.misses == 0


def test_lru_keeps_within_its_budget() -> None:
    cache = ReadCache(budget_bytes=10)
    for i in range(5):
        assert cache.get_or_call("g1", i, lambda i=i: b"abcd" + bytes([i])) == b"abcd" + bytes([i])
    assert cache._size <= 10 and len(cache._entries) == 2  # noqa: SLF001 - the bound itself
    calls = []
    cache.get_or_call("g2", 4, lambda: calls.append(1) or b"new")  # a new generation: recomputed
    assert calls == [1] and list(cache._entries) == [4]  # noqa: SLF001


def test_store_below_0005_caches_nothing_and_upgrades(store_url: str) -> None:
    """Held at 0004 (no generation), every read is computed; upgraded, reads are cached again and
    a write after the upgrade still invalidates."""
    from alembic import command
    from alembic.config import Config

    from eventwire.store.core import MIGRATIONS

    with Store.open(store_url) as s:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with s.writer.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0004")
        s.add_result(sample_results()[0])
        if s.dialect == "sqlite":
            with s.engine.connect() as conn:
                assert write_generation(conn) is None
            assert s.count_events() == s.count_events()
            assert s.cache.hits == 0 and s.cache.misses == 0
    with Store.open(store_url) as s:
        n = s.count_events()
        assert s.count_events() == n and s.cache.hits == 1
        s.add_result(sample_results()[1])
        assert s.count_events() == n + len(sample_results()[1].events)
