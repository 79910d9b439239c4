"""Incident lists filtered by an actor code, an actor name or a claim source, read off the incidents'
facets (migrations 0007, 0008), equal what a brute-force pass over the stored reports gives, on
SQLite and PostgreSQL: after linking across articles, re-extraction with another version (the
facets follow the reports) and an incident left empty."""

from __future__ import annotations

import dataclasses
import random

import pytest
import sqlalchemy as sa

from eventwire.incidents import queries
from eventwire.store import Store
from eventwire.store.filters import _is_actor_code  # noqa: PLC2701
from eventwire.store.incident_tables import incident_actor_terms, incident_actors, incident_claims, incidents
from incident_samples import two_reports
from store_samples import V2, make_article, make_event, make_result

ACTORS = [("Syrian Armed Forces", "SYR", "MIL"), ("Turkish Armed Forces", "TUR", "MIL"), ("M23", "COD", "REB"),
          ("protesters", None, "CVL"), ("a Ukrainian official", "UKR", None), ("gunmen", None, None)]
# the words of a mention when it differs from the actor's resolved name ("the Turkish army" for
# "Turkish Armed Forces"): a name filter matches the name or the mention
MENTIONS = ["the Turkish army", "regime forces", "M23 rebels", "masked gunmen", "demonstrators"]
CLAIMS = ["Turkish Defense Ministry", "Syrian Observatory for Human Rights", "Al-Manar", "UN OCHA"]
PLACES = [("Idlib", "SY", "Idlib", 35.93, 36.63), ("Kyiv", "UA", "Kyiv City", 50.45, 30.52),
          ("Goma", "CD", "North Kivu", -1.68, 29.22)]


@pytest.fixture
def store(store_url: str):
    s = Store.open(store_url)
    yield s
    s.close()


def _events(rng: random.Random, art, n: int, version: str | None = None) -> list:
    out = []
    for j in range(n):
        a1, a2 = rng.sample(ACTORS, 2)
        day = f"2020-02-{rng.randrange(1, 20):02d}"
        kw = {"version": version} if version else {}
        ev = make_event(
            art, j, actor=a1, recipient=a2 if rng.random() < 0.8 else None, place=rng.choice(PLACES),
            date=(day, day), claim_source=tuple(rng.sample(CLAIMS, rng.choice((0, 0, 1, 2)))),
            incident_id=f"i_{art.article_id[2:10]}_{j // 2}", **kw)
        if rng.random() < 0.5:  # a mention in other words than the name; now and then no name at all
            actors = tuple(dataclasses.replace(a, text=rng.choice(MENTIONS), name=a.name if rng.random() < 0.8 else None)
                           for a in ev.actors)
            ev = dataclasses.replace(ev, actors=actors)
        out.append(ev)
    return out


def _fill(store: Store) -> None:
    rng = random.Random(5)
    for r in two_reports():  # two outlets, one incident across articles
        store.add_result(r)
    arts = []
    for k in range(24):
        art = make_article(f"Report {k}: clashes and shelling were reported, a statement said.",
                           published=f"2020-02-{1 + k % 20:02d}", source=f"outlet {k % 5}")
        arts.append(art)
        store.add_result(make_result(art, *_events(rng, art, rng.randrange(1, 4))))
    # re-extracted with another version: new actors and claims, one article left without events
    for art in arts[:4]:
        store.add_result(make_result(art, *_events(rng, art, rng.randrange(0, 3), version=V2)))


def _matches(rec: dict, name: str, values: tuple[str, ...]) -> bool:
    """The filter on one report, from its public record (the reports' semantics, not the SQL)."""
    if name == "claim_source":
        return any(v.casefold() in c.casefold() for v in values for c in rec["claim_source"])
    role = {"actor": None, "actor1": "actor", "actor2": "recipient"}[name]
    for a in rec["actors"]:
        if role and a["role"] != role:
            continue
        for v in values:
            if not _is_actor_code(v):  # a name: a substring of the resolved name or of the mention
                if any(v.casefold() in (t or "").casefold() for t in (a.get("name"), a["text"])):
                    return True
                continue
            country, _, sector = v.partition("/")
            if (not country or a["country"] == country) and (not sector or a["sector"] == sector):
                return True
    return False


def _all_pages(store: Store, broad: bool, limit: int, **raw: str) -> list[str]:
    f, conflict, min_outlets = queries.parse(**raw)
    out, after = [], None
    while True:
        got = queries.page(store, f, conflict=conflict, min_outlets=min_outlets, limit=limit, after=after, broad=broad)
        out += [r["incident_id"] for r in got.incidents]
        if not got.has_more:
            return out
        after = got.next_after


CASES = [
    ("actor", "TUR/MIL", {}), ("actor", "SYR", {}), ("actor", "/REB", {}), ("actor1", "SYR/MIL", {}),
    ("actor2", "TUR/MIL", {}), ("actor", "UKR|/CVL", {}), ("actor", "FRA/MIL", {}),
    ("claim_source", "ministry", {}), ("claim_source", "manar|OBSERVATORY", {}), ("claim_source", "nobody", {}),
    ("actor", "TUR/MIL", {"country": "SY"}), ("claim_source", "syrian", {"event_date": "2020-02-05|2020-02-15"}),
    ("actor2", "/MIL", {"plover_type": "ASSAULT", "min_outlets": "1"}),
    # names: a substring of an actor's name or mention, case ignored
    ("actor", "turkish", {}), ("actor", "Armed Forces|gunmen", {}), ("actor1", "m23", {}),
    ("actor2", "army", {}), ("actor", "regime", {}), ("actor", "nobody at all", {}), ("actor", "ab", {}),
    ("actor", "forces", {"country": "SY"}), ("actor2", "protest", {"event_date": "2020-02-05|2020-02-15"}),
    # one full code in one country: one range of ix_inc_actors_code_country (migration 0009)
    ("actor1", "SYR/MIL", {"country": "SY"}), ("actor2", "COD/REB", {"country": "CD"}),
    ("actor", "TUR/MIL", {"country": "FR"}),
]
# the cases read off the code and the incident's country kept beside it (not probing incidents)
CODE_IN_COUNTRY = {("actor", "TUR/MIL", "SY"), ("actor1", "SYR/MIL", "SY"), ("actor2", "COD/REB", "CD"),
                   ("actor", "TUR/MIL", "FR")}


@pytest.mark.parametrize(("name", "value", "own"), CASES)
def test_incidents_filtered_by_actor_or_claim_equal_brute_force_over_reports(
    store: Store, name: str, value: str, own: dict[str, str]
) -> None:
    _fill(store)
    with store.engine.connect() as conn:  # the facets are there (not an empty table passing vacuously)
        assert conn.execute(sa.select(sa.func.count()).select_from(incident_actors)).scalar_one() > 20
        assert conn.execute(sa.select(sa.func.count()).select_from(incident_claims)).scalar_one() > 5
        assert conn.execute(sa.select(sa.func.count()).select_from(incident_actor_terms)).scalar_one() > 40
    values = queries.parse(**{name: value})[0]
    hit = {rec["incident_id"] for rec in store.iter_events()
           if rec["incident_id"] and _matches(rec, name, getattr(values, name))}
    in_order = _all_pages(store, False, 1000, **own)  # the incident's own filters only
    expected = [i for i in in_order if i in hit]
    assert set(expected) == hit or own  # without own filters every matching incident is listed
    for broad in (False, True):
        for limit in (1, 3, 1000):
            assert _all_pages(store, broad, limit, **{name: value}, **own) == expected
    f, conflict, min_outlets = queries.parse(**{name: value}, **own)
    with store.engine.connect() as conn:  # answered off the facets, not from the reports
        rep = queries._reports(f)  # noqa: SLF001
        assert queries._facet(store, conn, rep) == name  # noqa: SLF001
        assert rep is not None
        coded = queries._code_in_country(store, conn, f, conflict, min_outlets, rep, name)  # noqa: SLF001
        assert (coded is not None) == ((name, value, own.get("country")) in CODE_IN_COUNTRY)
    assert queries.count(store, f, conflict=conflict, min_outlets=min_outlets) == (len(expected), True)
    if expected:
        assert queries.count(store, f, conflict=conflict, min_outlets=min_outlets,
                             bound=len(expected) - 1) == (len(expected), False)
    # page=2 by offset agrees with the cursor
    second = queries.page(store, f, conflict=conflict, min_outlets=min_outlets, limit=2, offset=2)
    assert [r["incident_id"] for r in second.incidents] == expected[2:4]


def test_facets_follow_a_merge_and_a_rebuild(store: Store) -> None:
    """Two reports of one incident from two outlets: the claim of the second reaches the incident;
    rebuilding every incident row from the events rebuilds the same facets."""
    zh, am = two_reports()
    store.add_result(zh)
    assert _all_pages(store, False, 10, claim_source="manar") == []
    store.add_result(am)
    assert _all_pages(store, False, 10, claim_source="manar") == ["i_zh"]
    assert _all_pages(store, True, 10, claim_source="manar") == ["i_zh"]

    def facet_rows() -> list[tuple]:
        with store.engine.connect() as conn:
            a = incident_actors.c
            c = incident_claims.c
            t = incident_actor_terms.c
            return sorted(map(tuple, conn.execute(sa.select(a.incident_id, a.sort_date, a.role, a.country, a.sector,
                                                            a.incident_country)))) + \
                sorted(map(tuple, conn.execute(sa.select(c.incident_id, c.sort_date, c.claim_source)))) + \
                sorted(map(tuple, conn.execute(sa.select(t.incident_id, t.sort_date, t.role, t.term))))

    before = facet_rows()
    from eventwire.incidents.linker import rebuild_all

    with store.writer.begin() as conn:
        rebuild_all(conn)
    assert facet_rows() == before


def test_each_code_row_keeps_its_incidents_country(store: Store) -> None:
    """The country kept beside each actor code (migration 0009) is its incident's, after links across
    articles, re-extraction and an emptied article: a code-and-country list read off it lists the
    incidents of that country (and only those) that a report with the code has."""
    _fill(store)
    with store.engine.connect() as conn:
        a, i = incident_actors.c, incidents.c
        rows = list(conn.execute(sa.select(a.incident_country, i.country).select_from(
            incident_actors.outerjoin(incidents, i.incident_id == a.incident_id))))
    assert rows and {c for c, _ in rows} >= {"SY", "UA", "CD"}
    assert all(kept == own for kept, own in rows)
