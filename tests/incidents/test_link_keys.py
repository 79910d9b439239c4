"""What linking keeps per article to stay cheap (migration 0006), on SQLite and PostgreSQL: the
kept names are what linking compares, a store written before 0006 links as a fresh one does."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from eventwire.incidents import context
from eventwire.store import Store
from eventwire.store.incident_tables import article_link_names
from incident_samples import ZH, two_reports


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
