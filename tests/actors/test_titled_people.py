"""People the knowledge base does not hold, read through their title (issue 11, round 10): a title after a
place or body that the title names too, a post "of" a body, and a title that outlives a person's listed
posts. The names below are invented unless the test says otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors import ActorResolver, ArticleActors, kb

DAY = dt.date(2022, 6, 1)



@pytest.mark.parametrize(
    "text,name,sector",
    [
        # the county is part of the title, the person is the name after the role noun
        ("Marion County Sheriff Dale Ormond", "Dale Ormond", "COP"),
        ("Marion County sheriff's deputy Dale Ormond", "Dale Ormond", "COP"),
        ("Harlan County Judge Mae Corbin", "Mae Corbin", "JUD"),
    ],
)
def test_a_title_after_a_place_names_the_person_after_it(r: ActorResolver, text: str, name: str,
                                                         sector: str) -> None:
    m = r.resolve(text, date=DAY)
    assert m is not None and m.sector == sector, m
    titled = r.titled_person(text, DAY)
    assert titled is not None and titled[0] == name and titled[1].sector == sector


def test_a_capitalised_role_word_after_a_name_is_still_a_surname(r: ActorResolver) -> None:
    # "Dale King" is a person called King; "County Judge Mae Corbin" a judge, as a name follows the word
    assert r.titled_person("Dale King", DAY) is None
    m = r.resolve("Dale King", date=DAY)
    assert m is None or m.sector != "GOV"


def test_a_post_of_a_body_takes_the_body_sector(r: ActorResolver) -> None:
    m = r.resolve("the head of Ghana's electoral commission", date=DAY)
    assert m is not None and (m.country, m.sector) == ("GHA", "GOV"), m
    spokesman = r.resolve("a spokesman for the Ethiopian army", date=DAY)
    assert spokesman is not None and (spokesman.country, spokesman.sector) == ("ETH", "MIL"), spokesman
    # without a body after "of", the post keeps no sector of its own
    plain = r.resolve("the head of Ghana", date=DAY)
    assert plain is None or plain.sector is None


def test_an_apposition_names_the_person_before_it_and_the_article_keeps_it(r: ActorResolver) -> None:
    memo = ArticleActors(r, date=DAY)
    first = memo.resolve("Amina Otieno, head of Kenya's Independent Electoral Commission")
    assert first is not None and (first.country, first.sector) == ("KEN", "GOV"), first
    later = memo.resolve("Otieno")
    assert later is not None and (later.country, later.sector) == ("KEN", "GOV"), later
    assert later.rule.startswith("article:")


def test_the_article_context_completes_a_remembered_title(r: ActorResolver) -> None:
    memo = ArticleActors(r, date=DAY)
    memo.resolve("Marion County Sheriff Dale Ormond", context="United States")
    later = memo.resolve("Ormond", context="United States")
    assert later is not None and (later.country, later.sector) == ("USA", "COP"), later
    # the same mention in an article that names no country keeps the country empty: nothing invented
    bare = ArticleActors(r, date=DAY)
    bare.resolve("Marion County Sheriff Dale Ormond")
    again = bare.resolve("Ormond")
    assert again is not None and again.country is None and again.sector == "COP"


def test_a_title_outlives_the_posts_the_sources_list(r: ActorResolver) -> None:
    # a real politician the compiled CAMEO file lists as a minister until 2013 and the Factbook as a party
    # leader from December 2021: in opposition between, with no post the sources list
    day = dt.date(2021, 5, 3)
    titled = r.resolve("opposition leader Nelson Chamisa", date=day)
    assert titled is not None and (titled.country, titled.sector) == ("ZWE", "OPP"), titled
    bare = r.resolve("Nelson Chamisa", date=day)
    assert bare is not None and bare.sector == "ELI"  # no title: a former official, as before
    off = ActorResolver(kb.load(), disabled=frozenset({"title-over-former"}))
    assert off.resolve("opposition leader Nelson Chamisa", date=day).sector == "ELI"
    former = r.resolve("former opposition leader Nelson Chamisa", date=day)
    assert former is not None and former.sector == "ELI"


def test_the_bare_title_later_is_the_one_person_the_article_gave_it(r: ActorResolver) -> None:
    memo = ArticleActors(r, date=DAY)
    memo.resolve("Colombian Defense Minister Diego Molano")
    later = r.resolve("the minister", context="Colombia", date=DAY)
    same = memo.same_role("the minister", later)
    assert same is not None and same.name == "Diego Molano" and same.sector_2 == "MIL", same
    other = r.resolve("the interior minister", date=DAY)  # another title: somebody else
    assert memo.same_role("the interior minister", other) is None
    # two ministers in the article: "the minister" is neither, "the defense minister" still the first
    memo.resolve("Peru's Interior Minister Juan Carrasco")
    assert memo.same_role("the minister", later) is None
    defense = r.resolve("the defense minister", date=DAY)
    kept = memo.same_role("the defense minister", defense)
    assert kept is not None and kept.name == "Diego Molano"


@pytest.mark.parametrize(
    "text,sector",
    [("Gov. Dale Ormond", "GOV"), ("Lt. Gov. Dale Ormond", "GOV"), ("Det. Dale Ormond", "COP"),
     ("City Councilwoman Mae Corbin", "LEG"), ("Alderman Dale Ormond", "LEG")],
)
def test_news_agency_title_abbreviations_name_the_post(r: ActorResolver, text: str, sector: str) -> None:
    m = r.resolve(text, date=DAY)
    assert m is not None and m.sector == sector, m
    titled = r.titled_person(text, DAY)
    assert titled is not None and titled[1].sector == sector


def test_a_lower_case_abbreviation_is_a_word(r: ActorResolver) -> None:
    # "gov" and "det" written in lower case are fragments ("the gov website"), not titles
    for text in ("gov", "det"):
        m = r.resolve(text, date=DAY)
        assert m is None or m.sector not in ("GOV", "COP"), m


def test_a_comma_ends_the_titled_name(r: ActorResolver) -> None:
    # the parser may hand over a title and the next person in one phrase: the title is the first one's
    memo = ArticleActors(r, date=DAY)
    memo.resolve("Patrolman Dale Ormond, Mae Corbin", context="United States")
    first = memo.resolve("Ormond", context="United States")
    assert first is not None and first.sector == "COP", first
    assert memo.resolve("Corbin", context="United States") is None
