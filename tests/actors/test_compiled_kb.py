"""The compiled part of the knowledge base (scripts/build_kb.py, CIA World Factbook): provenance,
periods, and that compiled entries resolve without shadowing curated ones."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors import ActorResolver, kb


@pytest.mark.parametrize("name", kb.COMPILED_FILES)
def test_every_compiled_row_names_its_source(name: str) -> None:
    rows = list(kb.parsed_rows(name))
    assert len(rows) > 1000
    prefix = ("factbook:" if name in ("compiled_people.tsv", "compiled_orgs.tsv")
              else "everypolitician:" if name == kb.OFFICEHOLDERS
              else "cia-world-leaders" if name == kb.WORLDLEADERS else "petrarch2:")
    assert all(row["source"].startswith(prefix) for _, row in rows)


def test_compiled_offices_have_ordered_periods() -> None:
    for lineno, row in kb.parsed_rows("compiled_people.tsv"):
        for office in row["offices"]:
            start = kb.parse_date(office["start"])
            if office.get("end"):
                assert start <= kb.parse_date(office["end"], end=True), f"compiled_people.tsv:{lineno}"


@pytest.mark.parametrize(
    "text,day,expected",
    [
        ("Frank-Walter Steinmeier", dt.date(2020, 5, 1), ("DEU", "GOV")),
        ("German President Steinmeier", dt.date(2020, 5, 1), ("DEU", "GOV")),
        ("Yoweri Museveni", dt.date(2021, 5, 1), ("UGA", "GOV")),
        ("the Bundeswehr", dt.date(2022, 1, 1), ("DEU", "MIL")),
        ("Alternative for Germany", dt.date(2022, 1, 1), ("DEU", "PTY")),
        ("Germany's AfD", dt.date(2022, 1, 1), ("DEU", "PTY")),
        ("Uganda People's Defense Force", dt.date(2022, 1, 1), ("UGA", "MIL")),
        ("the Basij Paramilitary Forces", dt.date(2022, 1, 1), ("IRN", "MIL")),
    ],
)
def test_compiled_entries_resolve(r: ActorResolver, text: str, day: dt.date, expected: tuple[str, str]) -> None:
    m = r.resolve(text, date=day)
    assert m is not None and (m.country, m.sector) == expected, m


def test_party_leader_period_ends(r: ActorResolver) -> None:
    # Listed as a party leader in the 2020-2021 snapshots only: elite afterwards, not PTY.
    m = r.resolve("Annegret Kramp-Karrenbauer", date=dt.date(2020, 12, 1))
    assert m is not None and (m.country, m.sector) == ("DEU", "PTY")
    later = r.resolve("Annegret Kramp-Karrenbauer", date=dt.date(2024, 1, 1))
    assert later is not None and later.sector == "ELI"


def test_a_state_office_outranks_a_party_leadership(r: ActorResolver) -> None:
    m = r.resolve("Angela Merkel", date=dt.date(2016, 6, 1))
    assert m is not None and m.sector == "GOV"


def test_a_bare_surname_after_another_given_name_is_someone_else(r: ActorResolver) -> None:
    # "Brown" alone may be a head of government in the KB; "Adam Curtis Brown" is not that person.
    assert r.resolve("Adam Curtis Brown") is None


def test_compiled_aliases_never_shadow_curated_ones() -> None:
    index = kb.load().index
    for k, entries in index.items():
        sources = {e.source for e in entries if e.kind in ("person", "org")}
        if sources & set(kb.COMPILED_FILES):
            curated = [e for e in entries if e.source not in kb.COMPILED_FILES]
            assert not curated, (k, curated)


def test_a_bare_compiled_surname_needs_its_country_named(r: ActorResolver) -> None:
    # "Brown": the Cook Islands' prime minister in the Factbook, and a common surname
    assert r.resolve("Brown", date=dt.date(2022, 1, 1)) is None
    m = r.resolve("Brown", context="Avarua, the Cook Islands", date=dt.date(2022, 1, 1))
    assert m is not None and (m.country, m.sector) == ("COK", "GOV")
    # a common surname of a small state's head of government is not read as them without it
    gov = r.resolve("Gov. Brown", date=dt.date(2016, 1, 1))
    assert gov is None or gov.country != "COK"


def test_a_thin_compiled_name_needs_its_country_in_the_context(r: ActorResolver) -> None:
    # "IRA" is also a Mauritanian party in the Factbook: in an article about Belfast it is not that.
    m = r.resolve("the IRA's Belfast brigade", context="Belfast, Northern Ireland", date=dt.date(2022, 1, 1))
    assert m is not None and m.country == "GBR"


def test_a_compiled_body_without_a_code_takes_the_country_its_name_names(r: ActorResolver) -> None:
    # a CAMEO armed group coded by region: its own name names the country
    m = r.resolve("Army for the Liberation of Rwanda")
    assert m is not None and (m.country, m.sector) == ("RWA", "REB"), m
    # "Latin American" names a continent, not the United States
    entries = [e for e in kb.load().lookup("latin american patriotic army epla") if e.kind == "org"]
    assert entries and all(e.country is None for e in entries), entries


def test_transliterations_of_a_given_name_find_the_same_person(r: ActorResolver) -> None:
    day = dt.date(2021, 6, 1)
    spelt = [r.resolve(f"{given} Hussein Roble", date=day) for given in ("Mohamed", "Mohammed", "Muhammad")]
    assert all(m is not None and (m.country, m.sector) == ("SOM", "GOV") for m in spelt), spelt
