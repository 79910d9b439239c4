"""Incidents across articles, as a user of the store sees them (every test on SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from eventwire.incidents import queries
from eventwire.store import Store
from eventwire.store.incident_tables import article_stories, incidents
from incident_samples import AM, ZH, _event, two_reports
from store_samples import V2, make_article, make_event, make_result


def _incident_of(store: Store, article_id: str) -> set[str]:
    return {e["incident_id"] for e in store.iter_events(article_id=article_id)}


@pytest.fixture
def store(store_url: str):
    s = Store.open(store_url)
    yield s
    s.close()


def test_two_outlets_reporting_one_attack_share_an_incident(store: Store) -> None:
    zh, am = two_reports()
    assert store.add_result(zh) == "new"
    assert store.add_result(am) == "new"
    ids = _incident_of(store, zh.article.article_id) | _incident_of(store, am.article.article_id)
    assert ids == {"i_zh"}  # the later report joins the incident already stored
    got = queries.get(store, "i_zh")
    assert got is not None
    inc = got["incident"]
    assert inc["n_reports"] == 2 and inc["n_outlets"] == 2 and inc["n_stories"] == 2
    assert inc["outlets"] == ["Al-Manar", "Zero Hedge"]
    assert inc["first_report"] == "2020-02-10" and inc["last_report"] == "2020-02-11"
    assert {a["article_id"] for a in got["articles"]} == {zh.article.article_id, am.article.article_id}


def test_conflicting_death_figures_are_kept_side_by_side_and_flagged(store: Store) -> None:
    for r in two_reports(dead=(5, 7)):
        store.add_result(r)
    inc = queries.get(store, "i_zh")["incident"]  # type: ignore[index]
    dead = inc["dead"]
    assert (dead["low"], dead["high"], dead["conflict"]) == (5, 7, True)
    assert dead["best"] in (5, 7)
    assert inc["conflicts"] == ["dead: 5 vs 7"]
    by = {c["claimant"]: [f["value"] for f in c["figures"]] for c in dead["by_claimant"]}
    assert by == {"Turkish Defense Ministry": [5], "Al-Manar": [7]}
    assert queries.count(store, queries.parse(conflict="true")[0], conflict=True)[0] == 1


def test_same_figures_are_no_conflict(store: Store) -> None:
    for r in two_reports(dead=(5, 5)):
        store.add_result(r)
    inc = queries.get(store, "i_zh")["incident"]  # type: ignore[index]
    assert inc["conflicts"] == [] and inc["dead"]["best"] == 5


@pytest.mark.parametrize("change", ["day", "place", "type"])
def test_a_different_day_place_or_type_is_another_incident(store: Store, change: str) -> None:
    zh, _ = two_reports()
    am = make_article(AM, published="2020-02-11", source="Al-Manar")
    kw: dict = {"iid": "i_am"}
    if change == "day":
        kw["date"] = ("2020-02-20", "2020-02-20")
    elif change == "place":
        kw["place"] = ("Aleppo", "SY", "Aleppo", 36.20, 37.16)
        kw["date"] = ("2020-02-10", "2020-02-10")
    else:
        kw["plover_type"] = "PROTEST"
    store.add_result(zh)
    store.add_result(make_result(am, _event(am, **kw)))
    assert _incident_of(store, am.article_id) == {"i_am"}
    assert queries.count(store, queries.parse()[0])[0] == 2


def test_reingest_keeps_one_incident(store: Store) -> None:
    zh, am = two_reports()
    for r in (zh, am, zh, am):
        store.add_result(r)
    assert queries.count(store, queries.parse()[0])[0] == 1
    # a new extractor version replaces the article's events: still one incident, no orphan rows
    newer = make_result(am.article, _event(am.article, iid="i_am2", dead=7, version=V2))
    assert store.add_result(newer) == "replaced"
    assert store.add_result(newer) == "unchanged"
    assert _incident_of(store, am.article.article_id) == {"i_zh"}
    with store.engine.connect() as conn:
        rows = list(conn.execute(sa.select(incidents.c.incident_id, incidents.c.n_reports)))
    assert [tuple(r) for r in rows] == [("i_zh", 2)]


def test_wire_copies_are_one_story_with_two_outlets(store: Store) -> None:
    wire = ZH + " The attack was the deadliest on Turkish forces in Syria this year, officials said. " * 2
    a = make_article(wire + "\n(AFP)", published="2020-02-10", source="France 24")
    b = make_article(wire + "\n(Reporting by AFP)", published="2020-02-10", source="Yahoo News")
    store.add_result(make_result(a, _event(a, iid="i_a", dead=5)))
    store.add_result(make_result(b, _event(b, iid="i_b", dead=5, date=None)))  # the copy's coder found no date
    assert _incident_of(store, b.article_id) == {"i_a"}
    inc = queries.get(store, "i_a")["incident"]  # type: ignore[index]
    assert inc["n_stories"] == 1 and inc["n_articles"] == 2
    assert sorted(inc["stories"][0]["outlets"]) == ["France 24", "Yahoo News"]
    assert inc["conflicts"] == []
    with store.engine.connect() as conn:
        stories = dict(conn.execute(sa.select(article_stories.c.article_id, article_stories.c.story_id)).all())
    assert stories[a.article_id] == stories[b.article_id] == a.article_id


def test_a_failed_write_leaves_nothing_half_linked(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    zh, am = two_reports()
    store.add_result(zh)

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("killed")

    monkeypatch.setattr(Store, "_insert_events", staticmethod(boom))
    with pytest.raises(RuntimeError):
        store.add_result(am)
    monkeypatch.undo()
    assert not store.has_article(am.article.article_id)
    inc = queries.get(store, "i_zh")["incident"]  # type: ignore[index]
    assert inc["n_reports"] == 1
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(article_stories)).scalar_one() == 1
    assert store.add_result(am) == "new"
    assert queries.get(store, "i_zh")["incident"]["n_reports"] == 2  # type: ignore[index]


def test_incident_pages_filter_like_events(store: Store) -> None:
    for r in two_reports():
        store.add_result(r)
    other = make_article("Police arrested protesters in Kyiv after a rally.", published="2022-03-02", source="AP")
    store.add_result(make_result(other, make_event(other, 0, plover_type="PROTEST", incident_id="i_kyiv",
                                                   place=("Kyiv", "UA", "Kyiv City", 50.45, 30.52),
                                                   date=("2022-03-01", "2022-03-01"))))

    def ids(**raw: object) -> list[str]:
        f, conflict, min_outlets = queries.parse(**raw)
        return [r["incident_id"] for r in queries.page(store, f, conflict=conflict, min_outlets=min_outlets).incidents]

    assert ids() == ["i_kyiv", "i_zh"]
    assert ids(country="Syria") == ["i_zh"]
    assert ids(plover_type="protest") == ["i_kyiv"]
    assert ids(event_date="2020-02-01|2020-02-29") == ["i_zh"]
    assert ids(article_id=other.article_id) == ["i_kyiv"]
    assert ids(actor="TUR/MIL") == ["i_kyiv", "i_zh"]  # both carry the samples' default recipient
    assert ids(claim_source="Manar") == ["i_zh"]
    assert ids(min_outlets=2) == ["i_zh"]
    first = queries.page(store, queries.parse()[0], limit=1)
    assert first.has_more and first.next_after
    second = queries.page(store, queries.parse()[0], limit=1, after=first.next_after)
    assert [r["incident_id"] for r in second.incidents] == ["i_zh"] and not second.has_more
    rec = json.loads(json.dumps(first.incidents[0]))
    assert "reports" not in rec


def test_broad_report_filters_page_by_probing_and_count_a_lower_bound(store: Store) -> None:
    for r in two_reports():
        store.add_result(r)
    f = queries.parse(claim_source="manar|ministry", country="SY")[0]
    assert queries.count(store, f) == (1, True)
    # one claim source alone is read off the incidents' facets (migration 0007): incidents counted
    assert queries.count(store, f, bound=1) == (1, True)
    assert queries.count(store, f, bound=0) == (1, False)
    # with a second report-level filter, from the reports: 2 matching reports > bound, not exact
    both = queries.parse(claim_source="manar|ministry", modality="asserted", country="SY")[0]
    assert queries.count(store, both) == (1, True)
    assert queries.count(store, both, bound=1) == (1, False)
    assert [r["incident_id"] for r in queries.page(store, f, broad=True).incidents] == ["i_zh"]
    assert queries.page(store, queries.parse(claim_source="nobody")[0], broad=True).incidents == []
