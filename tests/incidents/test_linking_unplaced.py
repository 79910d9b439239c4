"""Round 16 (linking): a report whose sentence names no place ("the gunman was arrested") is read as
of the country its article places its other reports in, so it links a stored, placed report of one
incident (before, an unplaced report read only unplaced ones, and such a pair linked only when the
placed report came second). Sentences written for the test. Every store test on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from eventwire.incidents import linker
from eventwire.store import Store
from store_samples import make_article, make_event, make_result

KESWICK = ("Keswick", "GB", "England", 54.60, -3.13)
LYON = ("Lyon", "FR", "Auvergne-Rhone-Alpes", 45.76, 4.84)
POLICE = ("police", "GBR", "COP")
SUSPECT = ("a man", "GBR", "CVL")
ARREST = ("Protests", "Excessive force against protesters")  # any ACLED pair: the linker reads the PLOVER type
DAY = ("2031-06-14", "2031-06-14")

STORED = ("Police arrested Owen Pryce, 31, on Saturday at Derwent Pier in Keswick after the deaths of "
          "Mary Pryce and Alice Pryce at their home on Borrowdale Road, Cumbria Constabulary said. "
          "Superintendent Ruth Gaskell asked witnesses to come forward.")
NEW = ("Owen Pryce was arrested on Saturday, hours after Mary Pryce and Alice Pryce were found dead on "
       "Borrowdale Road in Keswick. Superintendent Ruth Gaskell of Cumbria Constabulary said officers "
       "were called to Derwent Pier.")


@pytest.fixture
def store(store_url: str):
    s = Store.open(store_url)
    yield s
    s.close()


def _incident(store: Store, article_id: str, ptype: str) -> str | None:
    return next(e["incident_id"] for e in store.iter_events(article_id=article_id) if e["plover_type"] == ptype)


def _stored_arrest(store: Store) -> str:
    art = make_article(STORED, published="2031-06-15", source="Outlet A")
    store.add_result(make_result(art, make_event(art, plover_type="COERCE", acled=ARREST, actor=POLICE,
                                                 recipient=SUSPECT, place=KESWICK, date=DAY, incident_id="a-arrest")))
    return art.article_id


def _new_article(store: Store, killing_place: tuple[str, str | None, str | None, float | None, float | None]) -> str:
    """A second outlet: the killing placed (in ``killing_place``), the arrest in a sentence without a place."""
    art = make_article(NEW, published="2031-06-15", source="Outlet B")
    killing = make_event(art, 0, actor=("a gunman", None, "UAF"), recipient=("two women", "GBR", "CVL"),
                         place=killing_place, date=DAY, dead=2, incident_id="b-killing")
    arrest = make_event(art, 1, plover_type="COERCE", acled=ARREST, actor=POLICE, recipient=SUSPECT, place=None,
                        date=DAY, incident_id="b-arrest")
    store.add_result(make_result(art, killing, arrest))
    return art.article_id


def test_an_unplaced_report_links_the_placed_report_of_its_articles_country(store: Store) -> None:
    first = _stored_arrest(store)
    second = _new_article(store, KESWICK)
    assert _incident(store, second, "COERCE") == _incident(store, first, "COERCE") is not None


def test_an_unplaced_report_does_not_read_another_countrys_reports(store: Store) -> None:
    # the same names, but the article places its reports in France: the arrest is not read as British
    first = _stored_arrest(store)
    second = _new_article(store, LYON)
    assert _incident(store, second, "COERCE") != _incident(store, first, "COERCE")


def test_the_articles_country_is_the_one_most_of_its_placed_reports_are_in() -> None:
    art = make_article("x")

    def rec(place: tuple[str, str | None, str | None, float | None, float | None] | None) -> dict[str, object]:
        return make_event(art, place=place).to_dict()

    assert linker.article_country([rec(KESWICK), rec(KESWICK), rec(LYON), rec(None)]) == "GB"
    assert linker.article_country([rec(KESWICK), rec(LYON)]) is None  # no majority: no country
    assert linker.article_country([rec(None)]) is None
    recs = [rec(KESWICK), rec(None)]
    linker.mark_home(recs)
    assert linker.HOME not in recs[0] and recs[1][linker.HOME] == "GB"
