"""Names composed of generic words (issue 11 round 8): an armed group named for its cause, an
intergovernmental body by its words, read when no entry of the knowledge base explains the name; and
Russian/Ukrainian given names in either transliteration."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.actors import ActorResolver, kb
from eventwire.actors.names import composed_name
from eventwire.actors.normalise import tokens_cased


@pytest.mark.parametrize(("text", "country"), [
    ("Malian Liberation Forces", "MLI"),            # demonym inside the name gives the country
    ("the Chadian Resistance Brigades", "TCD"),
    ("the Free Malian Army", "MLI"),
    ("Sahel Patriotic Battalions", None),  # no country named: none invented
])
def test_an_armed_group_named_for_its_cause_is_a_rebel_group(r: ActorResolver, text: str, country: str | None) -> None:
    m = r.resolve(text)
    assert m is not None and m.sector == "REB" and m.country == country
    assert (m.rule or "").startswith("named-body:")


@pytest.mark.parametrize("text", [
    "Armed Forces of the Malian Republic",   # a state's own forces
    "Malian Royal Army",
    "Union of Democratic Forces of Mali",    # a party's name
    "Malian Islamic Air Force",
])
def test_state_forces_and_parties_are_not_read_as_rebels(r: ActorResolver, text: str) -> None:
    m = r.resolve(text)
    assert m is None or m.sector != "REB"


@pytest.mark.parametrize("text", ["Central Asian Cooperation Organization", "Organization of Sahel States",
                                  "the Sahel Collective Security Treaty Council"])
def test_an_intergovernmental_body_is_read_by_its_words(r: ActorResolver, text: str) -> None:
    m = r.resolve(text)
    assert m is not None and m.country == "IGO"


def test_an_intergovernmental_body_keeps_the_role_after_it(r: ActorResolver) -> None:
    m = r.resolve("Central Asian Cooperation Organization troops")
    assert m is not None and (m.country, m.sector) == ("IGO", "MIL")


def test_a_known_body_keeps_its_entry(r: ActorResolver) -> None:
    m = r.resolve("Kurdish-led Syrian Democratic Forces")
    assert m is not None and (m.country, m.sector) == ("SYR", "REB")
    hidden = ActorResolver(kb.build(hide=lambda k, e: k == "syrian democratic forces"))
    m = hidden.resolve("Kurdish-led Syrian Democratic Forces")
    assert m is not None and (m.country, m.sector) == ("SYR", "REB")  # the name rule stands in


def test_the_rule_can_be_switched_off(r: ActorResolver) -> None:
    off = ActorResolver(r.kb, disabled=frozenset({"named-body"}))
    m = off.resolve("Malian Democratic Forces")
    assert m is None or m.sector != "REB"


def test_a_lowercase_description_is_no_name() -> None:
    assert composed_name(tokens_cased("rebel forces fighting for liberation"), set()) is None


@pytest.mark.parametrize(("a", "b"), [("Sergey Shoigu", "Sergei Shoigu"), ("Dmitriy Peskov", "Dmitry Peskov"),
                                      ("Valeriy Gerasimov", "Valery Gerasimov")])
def test_russian_given_names_in_either_transliteration(r: ActorResolver, a: str, b: str) -> None:
    day = dt.date(2021, 6, 1)
    ma, mb = r.resolve(a, date=day), r.resolve(b, date=day)
    assert ma is not None and mb is not None
    assert (ma.name, ma.country, ma.sector) == (mb.name, mb.country, mb.sector) and ma.country == "RUS"


@pytest.mark.parametrize(("text", "sector"), [
    ("an indigenous leader", "CVL"), ("Aboriginal elders", "CVL"), ("a congressional delegation", "LEG"),
    ("the Senate panel", "LEG"), ("dozens of men and women", "CVL"),
])
def test_head_nouns_with_their_modifiers(r: ActorResolver, text: str, sector: str) -> None:
    m = r.resolve(text)
    assert m is not None and m.sector == sector


@pytest.mark.parametrize("text", ["the case", "a case"])
def test_a_lower_case_word_is_no_misspelt_name(r: ActorResolver, text: str) -> None:
    m = r.resolve(text)  # one edit from the group "The Base": no party at all
    assert m is None or m.name != "The Base"


def test_a_misspelt_name_written_with_capitals_still_resolves(r: ActorResolver) -> None:
    m = r.resolve("Hizbolah")
    assert m is not None and m.country == "LBN"


@pytest.mark.parametrize("text", ["CJTF-OIR", "aircraft of CJTF-OIR"])
def test_a_compound_acronym_is_not_its_first_part(r: ActorResolver, text: str) -> None:
    m = r.resolve(text)  # the coalition against Islamic State, not Nigeria's Civilian Joint Task Force
    assert m is None or m.country != "NGA"


@pytest.mark.parametrize(("text", "country"), [("the CJTF", "NGA"), ("PKK-YPG", "SYR")])
def test_acronyms_alone_or_joined_to_known_ones_keep_their_reading(r: ActorResolver, text: str, country: str) -> None:
    m = r.resolve(text)
    assert m is not None and m.country == country


@pytest.mark.parametrize(("word", "sector"), [("nominees", "PTY"), ("ayatollahs", "REL"), ("synagogues", "REL"),
                                              ("goatherds", "AGR"), ("clinics", "MED")])
def test_wordnet_role_nouns_of_round_8_anchors(word: str, sector: str) -> None:
    path = Path(kb.__file__).with_name("data") / "compiled_wordnet_roles.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert any(word in row[0].split("|") and row[1] == sector for row in rows)
