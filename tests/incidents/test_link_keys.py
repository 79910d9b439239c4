"""What linking keeps to stay cheap and to page incidents by their reports (migration 0006), on
SQLite and PostgreSQL: the kept names are what linking compares, a store written before 0006 links
as a fresh one does, and incident pages filtered on reports keep the incidents' order."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from eventwire.incidents import context, queries
from eventwire.store import Store
from eventwire.store.incident_tables import article_link_names
from incident_samples import ZH, _event, two_reports
from store_samples import make_article, make_result


@pytest.fixture
def store(store_url: str):
    s = Store.open(store_url)
    yield s
    s.close()


def _incident_of(store: Store, article_id: str) -> set[str]:
    return {e["incident_id"] for e in store.iter_events(article_id=article_id)}


def _names_row(store: Store, article_id: str) -> str | None:
    with store.engine.connect() as conn:
        return conn.execute(
            sa.select(article_link_names.c.names).where(article_link_names.c.article_id == article_id)).scalar()


def test_migration_0006_adds_the_names_table_and_the_candidate_index(store: Store) -> None:
    with store.engine.connect() as conn:
        insp = sa.inspect(conn)
        assert insp.has_table("article_link_names")
        assert "ix_events_link" in {ix["name"] for ix in insp.get_indexes("events")}


def test_each_linked_article_keeps_its_names_once(store: Store) -> None:
    zh, am = two_reports()
    for r in (zh, am, zh):
        store.add_result(r)
    assert _names_row(store, zh.article.article_id) == "\n".join(sorted(context.names(ZH)))
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(article_link_names)).scalar_one() == 2


@pytest.mark.parametrize("kept", ["none (stored before 0006)", "empty"])
def test_linking_compares_the_kept_names(store: Store, kept: str) -> None:
    zh, am = two_reports()
    store.add_result(zh)
    with store.writer.begin() as conn:
        q = article_link_names.c.article_id == zh.article.article_id
        if kept == "empty":  # the two articles then share no names: the pair falls short of the threshold
            conn.execute(article_link_names.update().where(q).values(names=""))
        else:
            conn.execute(article_link_names.delete().where(q))
    store.add_result(am)
    if kept == "empty":
        assert _incident_of(store, am.article.article_id) == {"i_am"}
    else:  # derived from the stored text, as before 0006, and kept for the next article
        assert _incident_of(store, am.article.article_id) == {"i_zh"}
        assert _names_row(store, zh.article.article_id) == "\n".join(sorted(context.names(ZH)))


def _ids(store: Store, broad: bool, **raw: str) -> list[str]:
    """Every incident id of the filtered list, one report-level page of one at a time (cursor)."""
    f = queries.parse(**raw)[0]
    out, after = [], None
    while True:
        got = queries.page(store, f, limit=1, after=after, broad=broad)
        out += [r["incident_id"] for r in got.incidents]
        if not got.has_more:
            return out
        after = got.next_after


@pytest.mark.parametrize("broad", [False, True])
def test_pages_filtered_on_reports_follow_the_incident_order_after_a_report_moves_its_date(
    store: Store, broad: bool
) -> None:
    zh, am = two_reports()
    # the first report gives no date (the incident sorts on its publication day, 10 February), the
    # second dates it the 9th: the incident moves before another one of the 9th and one of the 10th
    store.add_result(make_result(zh.article, _event(zh.article, iid="i_zh", date=None)))
    for text, iid, day in (("Shelling hit Aleppo's eastern districts overnight.", "i_b", "2020-02-09"),
                           ("A drone struck a convoy near Homs, the army said.", "i_x", "2020-02-10")):
        art = make_article(text, published=day, source="Reuters")
        store.add_result(make_result(art, _event(art, iid=iid, date=(day, day),
                                                 place=("Aleppo", "SY", "Aleppo", 36.2, 37.16))))
    store.add_result(make_result(am.article, _event(am.article, iid="i_am", date=("2020-02-09", "2020-02-09"))))
    assert _incident_of(store, am.article.article_id) == {"i_zh"}
    everything = [r["incident_id"] for r in queries.page(store, queries.parse()[0]).incidents]
    assert everything == ["i_x", "i_zh", "i_b"]
    # modality is a report-level filter that every report here matches: the same incidents, each
    # once, in the same order, page after page
    assert _ids(store, broad, modality="asserted") == everything
    assert _ids(store, broad, claim_source="al-manar|ministry") == []  # no report names a claimant here
