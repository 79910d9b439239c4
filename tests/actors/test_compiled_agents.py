"""The CAMEO part of the knowledge base (scripts/build_agents.py, PETRARCH2 dictionaries, MIT): head nouns
that give a sector, people with dated posts, named bodies, and party acronyms several countries share."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from eventwire.actors import ActorResolver, kb

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import build_agents  # noqa: E402
import cameo_actors  # noqa: E402


@pytest.mark.parametrize("name", [kb.AGENTS_FILE, "compiled_cameo_people.tsv", "compiled_cameo_orgs.tsv"])
def test_every_cameo_row_names_its_source(name: str) -> None:
    rows = list(kb.parsed_rows(name))
    assert len(rows) > 1000
    assert all(row["source"].startswith("petrarch2:") for _, row in rows)


@pytest.mark.parametrize(
    "text,expected",
    [
        # head nouns no curated file holds: the sector comes from the agents dictionary
        ("Turkish carmakers", ("TUR", "BUS")),
        ("a Nigerian arsonist", ("NGA", "CRM")),
        ("Greek columnists", ("GRC", "JRN")),
        ("Iraqi firefighters", ("IRQ", "GOV")),
        ("Colombian mutineers", ("COL", "OPP")),
    ],
)
def test_a_head_noun_from_the_agents_dictionary_gives_the_sector(r: ActorResolver, text: str,
                                                                  expected: tuple[str, str]) -> None:
    m = r.resolve(text)
    assert m is not None and (m.country, m.sector) == expected, m


def test_without_the_agents_dictionary_those_mentions_have_no_sector() -> None:
    # the same mentions with the compiled head nouns left out: the country only (what the lexicon adds; the
    # description model, fitted on the same dictionary, is switched off: it reads "carmakers" BUS from it)
    bare = ActorResolver(kb.build(hide=lambda k, e: e.source == kb.AGENTS_FILE),
                         disabled=frozenset(["learned-description"]))
    m = bare.resolve("Turkish carmakers")
    assert m is not None and (m.country, m.sector) == ("TUR", None)


def test_curated_role_nouns_keep_their_sector() -> None:
    # CAMEO codes a spokesman as media and "mob" as civilians; the curated table decides here
    index = kb.load().index
    assert all(e.source != kb.AGENTS_FILE for e in index["spokesman"])
    assert [e.sector for e in index["mob"] if e.kind == "role"][0] == "OPP"


def test_an_agent_phrase_ending_on_a_preposition_does_not_swallow_the_phrase_boundary(r: ActorResolver) -> None:
    m = r.resolve("Kenya's ambassador to Ethiopia")
    assert m is not None and (m.country, m.sector) == ("KEN", "GOV")


def test_a_cameo_person_has_dated_posts(r: ActorResolver) -> None:
    during = r.resolve("Condoleezza Rice", date=dt.date(2006, 1, 1))
    assert during is not None and (during.country, during.sector) == ("USA", "GOV")
    after = r.resolve("Condoleezza Rice", date=dt.date(2012, 1, 1))
    assert after is not None and (after.country, after.sector) == ("USA", "ELI")


def test_an_un_official_holds_a_un_post(r: ActorResolver) -> None:
    m = r.resolve("Kofi Annan", date=dt.date(2003, 1, 1))
    assert m is not None and (m.country, m.sector) == ("UNO", "GOV")


def test_a_shared_party_acronym_follows_the_country_named_around_it(r: ActorResolver) -> None:
    # "PRD" is a party in Mexico, Cabo Verde and Nicaragua (CIA World Factbook)
    cv = r.resolve("PRD", context="Praia, Cabo Verde")
    assert cv is not None and (cv.country, cv.sector) == ("CPV", "PTY")
    nic = r.resolve("the PRD", context="Managua, Nicaragua")
    assert nic is not None and nic.country == "NIC"
    # no context: the most populous country's party
    bare = r.resolve("the PRD")
    assert bare is not None and bare.country == "MEX"
    # a context naming another country: none of them
    assert r.resolve("PRD", context="Oslo, Norway") is None


def test_the_shared_acronym_rule_can_be_switched_off_for_cross_validation() -> None:
    off = ActorResolver(kb.load(), disabled=frozenset({"shared-acronym"}))
    assert off.resolve("PRD", context="Praia, Cabo Verde") is None
    m = off.resolve("SEDENA")  # a compiled acronym only one country uses is unaffected
    assert m is not None and (m.country, m.sector) == ("MEX", "MIL")


def test_agents_parser_expands_sets_plurals_and_codes() -> None:
    text = "\n".join([
        "!MINIST! = MINISTER, MINISTRY",
        "FOREIGN_!MINIST! [~GOV]",
        "CENTRAL_BANK [~GOVBUS]",
        "THIEF {THIEVES} [~CRM]",
        "AMBASSADOR_TO {} [~GOV]",
        "PARAMILITARY_FORCE [~MIL]",
        "SOLDIER [~MIL]  # comment",
        "ZEALOT [~RAD]",
    ])
    rows = {tuple(a): (s, s2) for a, s, s2 in build_agents.parse(text)}
    assert rows[("foreign minister", "foreign ministry")] == ("GOV", None)
    assert rows[("central bank", "central banks")] == ("GOV", "BUS")
    assert rows[("thief", "thieves")] == ("CRM", None)
    assert rows[("soldier", "soldiers")] == ("MIL", None)
    assert rows[("paramilitary force", "paramilitary forces")] == ("PRM", None)  # PLOVER's PRM
    assert not any("ambassador" in a for a in rows for a in a)  # ends on a preposition
    assert not any("zealot" in a for a in rows for a in a)  # no sector of ours


def test_actor_parser_reads_dated_posts_and_closes_open_ones() -> None:
    entries = cameo_actors.entries("\n".join([
        "JANE_DOE_  # CountryInfo.txt",
        "+PRESIDENT_JANE_DOE",
        "\t[XYZELI 700101-990101]",
        "\t[GBRGOV 990102-030101]",
        "\t[GBRGOV >100101]",
        "ACME_GROUP_ [MNCUSA]",
    ]))
    assert entries[0][0] == "Jane Doe" and entries[0][1] == ["President Jane Doe"]
    assert [c for c, _ in entries[0][2]] == ["XYZELI", "GBRGOV", "GBRGOV"]
    assert cameo_actors.period("990102-030101") == (dt.date(1999, 1, 2), dt.date(2003, 1, 1))
    assert cameo_actors.period(">100101") == (dt.date(2010, 1, 1), cameo_actors.VINTAGE)
    assert cameo_actors.code_parts("IGOUNOHLHWHO", org=True)[:2] == ("UNO", "HLH")
    assert cameo_actors.code_parts("MNCUSA", org=True) == ("USA", "BUS", None, "company")
    assert cameo_actors.code_parts("GBRGOVMIL") == ("GBR", "GOV", "MIL", "agency")


@pytest.mark.parametrize(
    "text,expected",
    [
        # non-state armed groups from the MilNonState dictionary (START TOPS names): a rebel actor of
        # the country its code names, and one whose code names no country is still a rebel actor
        ("Shining Path guerrillas", ("PER", "REB")),
        ("Revolutionary Organization 17 November", ("GRC", "REB")),
        ("the Alex Boncayao Brigade", ("PHL", "REB")),
        ("Proletarian Nuclei For Communism", (None, "REB")),
    ],
)
def test_an_armed_group_from_the_non_state_dictionary_is_a_rebel_actor(r: ActorResolver, text: str,
                                                                        expected: tuple[str | None, str]) -> None:
    m = r.resolve(text)
    assert m is not None and (m.country, m.sector) == expected, m


def test_the_non_state_dictionary_codes_read_as_armed_groups() -> None:
    assert cameo_actors.code_parts("NGAREB", org=True) == ("NGA", "REB", None, "armed_group")
    assert cameo_actors.code_parts("IMGMUSALQ", org=True) == (None, "REB", None, "armed_group")
    assert cameo_actors.code_parts("MEAREB", org=True) == (None, "REB", None, "armed_group")
    assert cameo_actors.code_parts("USAGOV", org=True)[3] == "agency"


def test_a_capitalised_determiner_does_not_hide_a_compiled_acronym() -> None:
    # with the curated row hidden, the DEA is the CAMEO dictionary's acronym; "The" opening the mention
    # is no part of a longer name (as "Japan International" is before "Cooperation")
    bare = ActorResolver(kb.build(hide=lambda k, e: e.source == "organisations.tsv"
                                  and e.name == "Drug Enforcement Administration"))
    for text in ("The DEA", "the DEA", "DEA"):
        m = bare.resolve(text)
        assert m is not None and (m.country, m.sector) == ("USA", "COP"), (text, m)
    m = bare.resolve("Japan International Cooperation Agency")
    # not the compiled one-word "Cooperation" (a name's part); the learned word model may still read the name
    assert m is None or m.sector is None or (m.rule or "").startswith("country:Japan+learned-sector:"), m
