"""Transliteration variants resolve like the spelling in the knowledge base."""

import datetime as dt

import pytest

from eventwire.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.load()


@pytest.mark.parametrize("text", ["Da’esh", "Da'esh", "Daesh"])
def test_inner_apostrophe_is_a_transliteration_mark(resolver, text):
    m = resolver.resolve(text)
    assert m is not None and m.name == "Islamic State"


def test_possessive_still_splits(resolver):
    m = resolver.resolve("Russia’s")
    assert m is not None and m.country == "RUS"


def test_asad_spelling(resolver):
    m = resolver.resolve("the Asad regime", date=dt.date(2016, 1, 1))
    assert m is not None and m.country == "SYR"


def test_unknown_capitalised_name_is_not_a_misspelt_role(resolver):
    m = resolver.resolve("Carter")
    assert m is None or m.sector != "CRM"  # not "cartel"


def test_misspelt_demonym_still_resolves(resolver):
    m = resolver.resolve("Kazahks")
    assert m is not None and m.country == "KAZ"
