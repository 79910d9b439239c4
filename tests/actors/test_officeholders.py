"""Office holders compiled from Wikidata (scripts/build_officeholders.py, every-politician-scrapers, CC0):
ministers and their deputies that neither the Factbook nor the curated files list, with their periods."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.actors import ActorResolver, kb

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import build_officeholders  # noqa: E402


@pytest.mark.parametrize(
    "text,day,expected",
    [
        # a finance minister only Wikidata's cabinet lists hold
        ("Anton Siluanov", dt.date(2021, 6, 1), ("RUS", "GOV", None)),
        # a defence minister is government over the military, and the same person's later post decides
        ("Marise Payne", dt.date(2017, 1, 1), ("AUS", "GOV", "MIL")),
        ("Marise Payne", dt.date(2020, 1, 1), ("AUS", "GOV", None)),
        ("Nobuo Kishi", dt.date(2021, 3, 1), ("JPN", "GOV", "MIL")),
    ],
)
def test_a_minister_resolves_to_the_post_held_on_the_day(r: ActorResolver, text: str, day: dt.date,
                                                          expected: tuple[str, str, str | None]) -> None:
    m = r.resolve(text, date=day)
    assert m is not None and (m.country, m.sector, m.sector_2) == expected, m


def test_out_of_office_the_minister_is_a_former_official(r: ActorResolver) -> None:
    m = r.resolve("Marise Payne", date=dt.date(2023, 1, 1))
    assert m is not None and (m.country, m.sector) == ("AUS", "ELI"), m


def test_without_the_compiled_office_holders_the_minister_is_unknown() -> None:
    bare = ActorResolver(kb.build(hide=lambda k, e: e.source == kb.OFFICEHOLDERS))
    assert bare.resolve("Anton Siluanov", date=dt.date(2021, 6, 1)) is None


def test_the_factbook_dates_a_head_of_state_over_an_open_wikidata_period() -> None:
    # Wikidata's 2022 snapshot leaves Kenyatta's presidency open; the Factbook closes it in 2022
    e = next(e for e in kb.load().index["uhuru kenyatta"] if e.kind == "person")
    presidencies = [o for o in e.offices if o.sector == "GOV" and o.role.lower() == "president"]
    assert presidencies and all(o.end is not None for o in presidencies), presidencies


def test_every_row_names_its_repository_and_wikidata_item() -> None:
    rows = list(kb.parsed_rows(kb.OFFICEHOLDERS))
    assert len(rows) > 10000
    assert all(row["source"].startswith("everypolitician:") and row["wikidata"].startswith("Q") for _, row in rows)
    for lineno, row in rows:
        for office in row["offices"]:
            if office.get("end"):
                assert kb.parse_date(office["start"]) <= kb.parse_date(office["end"], end=True), lineno


@pytest.mark.parametrize(
    "title,expected",
    [
        ("Minister of Defence", ("GOV", "MIL")),
        ("Deputy Secretary of Defense", ("GOV", "MIL")),
        ("Director of the Central Intelligence Agency", ("SPY", None)),
        ("Speaker of the House of Representatives", ("LEG", None)),
        ("Chief of the General Staff", ("MIL", None)),
        ("Minister of Justice", ("GOV", None)),
        ("President of the Supreme Court", ("JUD", None)),
        ("Minister of Finance", ("GOV", None)),
    ],
)
def test_the_position_title_gives_the_sector(title: str, expected: tuple[str, str | None]) -> None:
    assert build_officeholders.position_sector(title) == expected


def test_a_title_naming_the_countrys_legislature_is_legislative(tmp_path: Path) -> None:
    orgs = tmp_path / "compiled_orgs.tsv"
    orgs.write_text("kind\tname\taliases\tcountry\tsector\n"
                    "agency\tThe Estonian Parliament\tRiigikogu\tEST\tLEG\n", encoding="utf-8")
    chambers = build_officeholders.legislatures(orgs)
    assert build_officeholders.position_sector("President of the Riigikogu", chambers["EST"]) == ("LEG", None)
    assert build_officeholders.position_sector("President of the Riigikogu") == ("GOV", None)


def _repo(path: Path, jurisdiction: str, rows: str) -> Path:
    (path / "html").mkdir(parents=True)
    (path / "meta.json").write_text(json.dumps({"jurisdiction": {"name": jurisdiction, "id": "Q1"}}))
    (path / "html" / "holders21.csv").write_text("position,person,personID,start,end\n" + rows, encoding="utf-8")
    git = ["git", "-C", str(path), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "x", "--date", "2022-07-01T00:00:00"], check=True,
                   env={"GIT_COMMITTER_DATE": "2022-07-01T00:00:00", "PATH": "/usr/bin:/bin"})
    return path


def test_the_build_groups_by_wikidata_item_and_keeps_periods(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "narnia-cabinet", "Kenya",
                 "Minister of Defence,Jane Q. Doe,Q42,2019-01-05,2021-02\n"
                 "Minister of Foreign Affairs,Jane Q. Doe,Q42,2021-02-03,\n"
                 "Minister of Health,No Start,Q43,,\n")
    people, _report, heads = build_officeholders.collect([repo], orgs_file=tmp_path / "none.tsv")
    out = tmp_path / "out.tsv"
    assert build_officeholders.write(people, out, heads) == 1  # the row without a start date is left out
    row = [line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("Jane")][0].split("\t")
    assert row[:3] == ["Jane Q. Doe", "Jane Doe", "KEN"]
    assert row[3] == ("GOV/MIL@2019-01-05..2021-02@Minister of Defence;"
                      "GOV@2021-02-03..@Minister of Foreign Affairs")
    assert row[4:] == ["Q42", "everypolitician:narnia-cabinet"]
    again = tmp_path / "again.tsv"
    build_officeholders.write(build_officeholders.collect([repo], orgs_file=tmp_path / "none.tsv")[0], again, heads)
    assert again.read_bytes() == out.read_bytes()


def test_posts_of_intergovernmental_bodies_are_held_for_the_body(tmp_path: Path) -> None:
    # the `world` repository has no jurisdiction (no meta.json): its posts are the bodies' own
    country = _repo(tmp_path / "narnia-cabinet", "Kenya", "Minister of Foreign Affairs,Jane Q. Doe,Q42,2010-01-05,2014\n")
    world = _repo(tmp_path / "world", "", "Secretary-General of the United Nations,Jane Q. Doe,Q42,2017-01-01,\n"
                  "Judge of the International Court of Justice,Max Roe,Q44,2009-02-06,\n"
                  "Permanent Representative to the United Nations,Ann Poe,Q45,2015,\n")
    (world / "meta.json").unlink()
    people, _report, heads = build_officeholders.collect([country, world], orgs_file=tmp_path / "none.tsv")
    out = tmp_path / "out.tsv"
    assert build_officeholders.write(people, out, heads) == 2  # an envoy serves a state the file does not name
    rows = {line.split("\t")[0]: line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")}
    assert rows["Jane Q. Doe"][2] == "KEN"
    assert rows["Jane Q. Doe"][3].endswith("GOV@2017-01-01..@Secretary-General of the United Nations@UNO")
    assert rows["Max Roe"][2:4] == ["UNO", "JUD@2009-02-06..@Judge of the International Court of Justice@UNO"]


def test_a_un_official_named_by_the_compiled_file_holds_the_un_post() -> None:
    # with the curated row hidden, Wikidata's posts give the Secretary-General's office to the UN
    bare = ActorResolver(kb.build(hide=lambda k, e: e.source == "people.tsv" and e.name == "Antonio Guterres"))
    m = bare.resolve("António Guterres", date=dt.date(2022, 5, 1))
    assert m is not None and (m.country, m.sector) == ("UNO", "GOV"), m
    m = bare.resolve("António Guterres", date=dt.date(2000, 5, 1))
    assert m is not None and (m.country, m.sector) == ("PRT", "GOV"), m


@pytest.mark.parametrize(
    "text,day,expected",
    [
        # after the first mention reporters write the title and the surname only
        ("Finance Minister Siluanov", dt.date(2021, 1, 1), ("RUS", "GOV", None)),
        ("Defence Minister Kishi", dt.date(2021, 3, 1), ("JPN", "GOV", "MIL")),
        ("Japanese Defence Minister Kishi", dt.date(2021, 3, 1), ("JPN", "GOV", "MIL")),
    ],
)
def test_a_title_and_a_surname_name_the_office_holder(r: ActorResolver, text: str, day: dt.date,
                                                       expected: tuple[str, str, str | None]) -> None:
    m = r.resolve(text, date=day)
    assert m is not None and (m.country, m.sector, m.sector_2) == expected, m
    assert (m.rule or "").startswith("titled-surname:"), m


def test_a_surname_no_office_holder_of_that_sector_bears_names_nobody(r: ActorResolver) -> None:
    # Kishi held no defence post in 2015, and no Japanese minister is called Kishi in Brazil
    for text, day in (("Defence Minister Kishi", dt.date(2015, 1, 1)),
                      ("Brazilian Defence Minister Kishi", dt.date(2021, 3, 1))):
        m = r.resolve(text, date=day)
        assert m is None or m.name is None, m


def test_the_rule_can_be_switched_off_for_cross_validation() -> None:
    off = ActorResolver(kb.load(), disabled=frozenset(["titled-surname"]))
    m = off.resolve("Finance Minister Siluanov", date=dt.date(2021, 1, 1))
    assert m is not None and m.name is None and m.country is None, m
