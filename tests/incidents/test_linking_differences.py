"""Reports of one incident that differ the usual ways (type vs type, town vs province) link; reports
that only look alike do not. Every test on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.incidents import features
from eventwire.store import Store
from incident_samples import AM, _event, two_reports
from store_samples import make_article, make_event, make_result

MARCH = ("Thousands of protesters marched from Talaat Harb Square to Tahrir Square in Cairo on Friday, chanting "
         "against President Sisi, organisers from the April Movement said. Crowds gathered near Qasr Nil bridge.")
DISPERSAL = ("Police fired tear gas at demonstrators near Tahrir Square and the Qasr Nil bridge in Cairo on Friday, "
             "the April Movement said, as marchers from Talaat Harb Square denounced Sisi.")
CAIRO = ("Tahrir Square", "EG", "Cairo Governorate", 30.044, 31.236)


@pytest.fixture
def store(store_url: str):
    s = Store.open(store_url)
    yield s
    s.close()


def _incidents(store: Store, article_id: str) -> set[str | None]:
    return {e["incident_id"] for e in store.iter_events(article_id=article_id)}


def _report(text: str, source: str, iid: str, plover_type: str, mode: str | None, **kw):  # type: ignore[no-untyped-def]
    art = make_article(text, published="2024-05-03", source=source)
    ev = make_event(art, incident_id=iid, plover_type=plover_type, place=CAIRO, date=("2024-05-03", "2024-05-03"),
                    acled=(None, None), **kw)
    return make_result(art, replace(ev, plover_mode=mode))


def test_a_march_and_the_police_breaking_it_up_are_one_incident(store: Store) -> None:
    # PLOVER codes the march as PROTEST and the tear gas as ASSAULT/crowd-control; ACLED files both
    # under "Protests": two outlets, one coding each side of it, report one incident.
    march = _report(MARCH, "Mada Masr", "i_march", "PROTEST", "demo",
                    actor=("protesters", "EGY", "CVL"), recipient=("President Sisi", "EGY", "GOV"))
    tear_gas = _report(DISPERSAL, "Ahram Online", "i_gas", "ASSAULT", "crowd-control",
                       actor=("Police", "EGY", "COP"), recipient=("demonstrators", "EGY", "CVL"))
    store.add_result(march)
    store.add_result(tear_gas)
    assert _incidents(store, tear_gas.article.article_id) == {"i_march"}


def test_a_shooting_on_the_day_and_square_of_a_march_is_another_incident(store: Store) -> None:
    march = _report(MARCH, "Mada Masr", "i_march", "PROTEST", "demo",
                    actor=("protesters", "EGY", "CVL"), recipient=("President Sisi", "EGY", "GOV"))
    shooting = _report(DISPERSAL, "Ahram Online", "i_shot", "ASSAULT", "firearms",
                       actor=("gunmen", None, "UNK"), recipient=("demonstrators", "EGY", "CVL"))
    store.add_result(march)
    store.add_result(shooting)
    assert _incidents(store, shooting.article.article_id) == {"i_shot"}


@pytest.mark.parametrize(("admin1", "lat", "lon", "linked"), [
    ("Idlib", 35.8, 36.6, True),     # "in Idlib province": the province holding the town (Saraqib)
    ("Aleppo", 36.2, 37.2, False),   # a province report elsewhere: not this incident, however alike
])
def test_a_province_report_joins_a_town_in_it_and_no_other(
    store: Store, admin1: str, lat: float, lon: float, linked: bool
) -> None:
    zh, _ = two_reports()
    am = make_article(AM, published="2020-02-11", source="Al-Manar")
    ev = _event(am, iid="i_am", place=(admin1, "SY", admin1, lat, lon))
    assert ev.location is not None
    ev = replace(ev, location=replace(ev.location, precision="admin1"))
    store.add_result(zh)
    store.add_result(make_result(am, ev))
    assert _incidents(store, am.article_id) == ({"i_zh"} if linked else {"i_am"})


def test_compatible_types_follow_the_plover_acled_crosswalk() -> None:
    def rec(t: str, m: str | None) -> dict[str, str | None]:
        return {"plover_type": t, "plover_mode": m}

    assert features.compatible(rec("ASSAULT", "explosives"), rec("ASSAULT", "firearms"))  # a mode difference
    assert features.compatible(rec("PROTEST", None), rec("ASSAULT", "crowd-control"))
    assert features.compatible(rec("COERCE", "seize"), rec("ASSAULT", "destroy"))
    assert not features.compatible(rec("COERCE", "arrest"), rec("ASSAULT", "firearms"))
    assert not features.compatible(rec("PROTEST", "demo"), rec("ASSAULT", None))
    assert features.compatible_types("ACCUSE", None) == ()


def test_the_diagnostic_names_the_stage_that_keeps_two_reports_apart() -> None:
    # bench/incidents_eval.py --stages reports, for a pair of reports, why the later one's read
    # of candidates would not return the earlier one (linker.blocked), before any scoring.
    from eventwire.incidents import linker

    zh, _ = two_reports()
    am = make_article(AM, published="2020-02-11", source="Al-Manar")
    stored = {**zh.events[0].to_dict(), "published": "2020-02-10"}

    def new(**kw) -> dict:  # type: ignore[no-untyped-def,type-arg]
        return {**_event(am, iid="i_am", **kw).to_dict(), "published": "2020-02-11"}

    assert linker.blocked(new(), stored) is None
    assert linker.blocked(new(place=None), stored) == "new report unplaced, stored one placed"
    assert linker.blocked(new(place=("Kabul", "AF", "Kabul", 34.53, 69.17)), stored) == "countries differ"
    assert "outside the read window" in (linker.blocked(new(date=("2020-03-01", "2020-03-01")), stored) or "")
    assert linker.blocked(new(place=("Deir ez-Zor", "SY", "Deir ez-Zor", 35.33, 40.14)), stored) == \
        "stored place outside the box around the new one"
    assert linker.blocked(new(plover_type="PROTEST"), stored) == "types differ"



# Two outlets of one shelling in other words: they share three names (Saraqib, Idlib, Neirab), not more.
SHORT_A = "Syrian army artillery shelled a Turkish post near Saraqib in Idlib on Monday, and positions near Neirab."
SHORT_B = "Regime forces shelled a post of Ankara's troops at Saraqib on Monday; Neirab was hit too, Idlib medics said."


@pytest.mark.parametrize(("actor", "linked"), [
    (("Regime forces", None, "MIL"), True),  # the Syrian army, its country left unresolved: no other party
    (("gunmen", None, "UAF"), False),        # armed men of no known force: another side than an army
])
def test_a_party_whose_country_a_report_left_unresolved_is_no_other_party(
    store: Store, actor: tuple[str, str | None, str], linked: bool
) -> None:
    a = make_article(SHORT_A, published="2020-02-10", source="Outlet A")
    b = make_article(SHORT_B, published="2020-02-10", source="Outlet B")
    store.add_result(make_result(a, _event(a, iid="i_a", actor=("Syrian army", "SYR", "MIL"),
                                           recipient=("a Turkish post", "TUR", "MIL"))))
    # "Ankara's troops": a military recipient whose country the coder did not resolve
    store.add_result(make_result(b, _event(b, iid="i_b", actor=actor, recipient=("troops", None, "MIL"))))
    assert _incidents(store, b.article_id) == ({"i_a"} if linked else {"i_b"})


def test_a_report_dated_a_month_ago_joins_the_incident_on_a_day_of_that_month(store: Store) -> None:
    # "a month ago" is coded as one day of month precision: it stands for its month (here February),
    # so a report of 10 February from an outlet naming the same places joins it; one of March does not.
    zh, _ = two_reports()
    am = make_article(AM, published="2020-03-04", source="Al-Manar")
    ev = _event(am, iid="i_am", date=("2020-02-04", "2020-02-04"))
    assert ev.date is not None
    ev = replace(ev, date=replace(ev.date, precision="month", text="a month ago"))
    store.add_result(zh)
    store.add_result(make_result(am, ev))
    assert _incidents(store, am.article_id) == {"i_zh"}
    assert features.constraints(
        {"plover_type": "ASSAULT", "date": {"start": "2020-03-10", "end": "2020-03-10", "precision": "day"}},
        {"plover_type": "ASSAULT", "date": {"start": "2020-02-04", "end": "2020-02-04", "precision": "month"}},
    ) == "dates apart"
