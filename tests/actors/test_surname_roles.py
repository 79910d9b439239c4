"""A role word that is also a surname, written after a name, is the surname (actors._surnames_not_roles)."""

from __future__ import annotations

from eventwire.actors import _shared_resolver


def test_a_surname_that_is_a_role_word_is_no_title():
    r = _shared_resolver()
    for text in ("actress Jaime King", "comedian John Bishop"):
        m = r.resolve(text)
        assert m is None or m.sector != "GOV" and m.sector != "REL", (text, m)


def test_the_title_before_a_name_or_alone_stays_a_title():
    r = _shared_resolver()
    m = r.resolve("Saudi King Salman")
    assert m is not None and (m.country, m.sector) == ("SAU", "GOV")
    m = r.resolve("The King")
    assert m is not None and m.sector == "GOV"
    m = r.resolve("Provincial Governor")
    assert m is not None and m.sector == "GOV"
