"""Round 15 (ECB+ cross-document links): an undated report and a dated one of one incident link when
their articles share its names (and not when they share few); the sides' country, when it is the
country both reports are placed in, says nothing. Sentences written for the test. Every store test on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from eventwire.incidents import features
from eventwire.store import Store
from store_samples import make_article, make_event, make_result

FLATBUSH = ("East Flatbush", "US", "New York", 40.65, -73.93)
POLICE = ("police officers", "USA", "COP")
TEEN = ("a teenager", "USA", "CVL")

DATED = ("Police officers shot dead Tomas Kerrigan, 17, on Saturday night on Linden Boulevard in East "
         "Flatbush, the NYPD said. Councilman Ravi Okafor and the family's lawyer, Dana Whitlow, asked for "
         "an inquiry at a vigil outside Holy Cross Church, and Bishop Amos Tello led prayers.")
UNDATED = ("Hundreds gathered outside Holy Cross Church for Tomas Kerrigan, the teenager shot by police "
           "officers on Linden Boulevard. Dana Whitlow, the family's lawyer, and Councilman Ravi Okafor "
           "said the NYPD owed East Flatbush answers; Bishop Amos Tello spoke.")


@pytest.fixture
def store(store_url: str):
    s = Store.open(store_url)
    yield s
    s.close()


def _incidents(store: Store, article_id: str) -> set[str | None]:
    return {e["incident_id"] for e in store.iter_events(article_id=article_id)}


def _dated() -> object:
    art = make_article(DATED, published="2031-03-10", source="Outlet A")
    return make_result(art, make_event(art, incident_id="d", actor=POLICE, recipient=TEEN, place=FLATBUSH,
                                       date=("2031-03-08", "2031-03-08")))


def _undated() -> object:
    art = make_article(UNDATED, source="Outlet B")
    return make_result(art, make_event(art, incident_id="u", actor=POLICE, recipient=TEEN, place=FLATBUSH, date=None))


@pytest.mark.parametrize("dated_first", [True, False])
def test_an_undated_report_links_the_dated_report_whose_names_it_shares(store: Store, dated_first: bool) -> None:
    first, second = (_dated(), _undated()) if dated_first else (_undated(), _dated())
    store.add_result(first)  # type: ignore[arg-type]
    store.add_result(second)  # type: ignore[arg-type]
    a, b = first.article.article_id, second.article.article_id  # type: ignore[attr-defined]
    assert _incidents(store, a) == _incidents(store, b)


def test_an_undated_report_sharing_few_names_stays_apart_from_a_dated_one(store: Store) -> None:
    store.add_result(_dated())  # type: ignore[arg-type]
    art = make_article("A teenager was shot by police officers in East Flatbush, neighbours said.", source="C")
    store.add_result(make_result(art, make_event(art, incident_id="x", actor=POLICE, recipient=TEEN,
                                                 place=FLATBUSH, date=None)))
    assert len({i for r in store.iter_events() for i in [r["incident_id"]]}) == 2


def test_sides_of_the_country_both_reports_are_placed_in_say_nothing_about_the_incident() -> None:
    art = make_article("x")
    home = make_event(art, actor=("gunmen", "USA", "UAF"), recipient=("a mother", "USA", "CVL"),
                      place=("Brooklyn", "US", "New York", 40.65, -73.95))
    other = make_event(art, actor=("officers", "USA", "COP"), recipient=("a boy", "USA", "CVL"),
                       place=("Brooklyn", "US", "New York", 40.65, -73.95))
    a, b = home.to_dict(), other.to_dict()
    assert features.score(a, b, context=1.0).parties < 0.5  # only the sectors: gunmen vs officers
    # a foreign side still counts: Turkish soldiers hit in Syria by two reports
    s1 = make_event(art).to_dict()
    s2 = make_event(art, actor=("regime forces", None, "MIL")).to_dict()
    assert features.score(s1, s2, context=1.0).parties > 0.6
