"""Issue 11 round 16: the sector of a lower-case description whose head noun no entry holds, from the word
model and the MiniLM model fitted on the compiled role phrases and names (rule ``learned-description``).

The knowledge base shipped holds most role nouns in its curated files; the rule is for the ones it lacks, so
these tests read the phrases with every curated role and head-noun row hidden (what a mention nobody wrote an
entry for meets). The phrases are written for the tests."""

from __future__ import annotations

import pytest

from eventwire.actors import ActorResolver, kb, learned
from eventwire.nlp import minilm

_CURATED_ROLES = frozenset(["roles.tsv", "head_nouns.tsv"])


@pytest.fixture(scope="module")
def bare() -> kb.KnowledgeBase:
    return kb.build(hide=lambda k, e: e.source in _CURATED_ROLES)


def test_description_features_read_head_modifier_and_ending() -> None:
    feats = learned.description_features(["congolese", "cattle", "herders"], {0})
    assert "h:herder" in feats and "m:cattle" in feats and "plural" in feats
    assert "e4:rder" in feats and "w:<place>" in feats
    assert learned.description_text(["the", "congolese", "cattle", "herders"], {1}) == "cattle herders"


@pytest.mark.skipif(not minilm.available(), reason="the MiniLM weights package is not installed")
def test_a_description_the_kb_lacks_takes_the_sector_its_words_mean(bare: kb.KnowledgeBase) -> None:
    m = ActorResolver(bare).resolve("Estonian tank crews")
    assert m is not None and (m.country, m.sector) == ("EST", "MIL")
    assert "learned-description:" in (m.rule or "")
    off = ActorResolver(bare, disabled=frozenset(["learned-description"])).resolve("Estonian tank crews")
    assert off is not None and off.country == "EST" and off.sector is None


@pytest.mark.parametrize("text", [
    "Tomas Ilvesky",          # a person's name: the rule reads lower-case heads only
    "the statement",          # words of a report, not an actor
    "all relevant parties",   # the sides of a talk (round 9 leaves the plural of "party" out)
    "Two subjects",
    "hope",                   # words of party names in lower case are everyday nouns, no party
    "an agreement",
])
def test_names_and_non_actors_get_no_learned_sector(bare: kb.KnowledgeBase, text: str) -> None:
    m = ActorResolver(bare).resolve(text)
    assert m is None or "learned-description" not in (m.rule or "")


def test_a_curated_role_keeps_its_own_sector() -> None:
    m = ActorResolver(kb.load()).resolve("Estonian border guards")
    assert m is not None and m.sector is not None and "learned-description" not in (m.rule or "")


def test_a_clause_is_no_description(bare: kb.KnowledgeBase) -> None:
    m = ActorResolver(bare).resolve("a dog named Rex who chased the Estonian tank crews")
    assert m is None or "learned-description" not in (m.rule or "")
