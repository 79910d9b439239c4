"""Round 13 recall (issue 10, eval/tools/recall_map.py): gold events the coder lost to a gate or to the
pre-filter, and the near misses each change must leave alone. Sentences written for these tests, not taken
from any evaluation set.

- an attack noun told by its toll names an incident (casualties.toll_anchor): "the death toll from the
  bombing", "died during an hour of bombing"; a bare or hypothetical attack does not;
- a verb coordinated with an intention is not governed by it ("tried to rob him and shot him");
- a CAMEO object pattern whose verb and object are in a sentence reaches the parser, and a pronoun subject
  stands for the party the article named ("police said they recovered 40 firearms").
"""

from __future__ import annotations

import pytest

import eventwire
from eventwire.events.prefilter import is_candidate

PUB = "2019-05-14"


def _types(text: str) -> list[str]:
    return [r["plover_type"] for r in eventwire.extract(text, published=PUB)]


@pytest.mark.parametrize("text", [
    "The death toll from the bombing in the market rose to 28 on Sunday.",
    "At least nine people died during an hour of heavy bombing on the market.",
    "Residents counted the deaths from the shelling.",
])
def test_an_attack_told_by_its_toll_is_an_incident(text: str) -> None:
    assert "ASSAULT" in _types(text)


@pytest.mark.parametrize("text", [
    "An attack on the port would be a grave mistake, the minister said.",
    "Analysts say attacks of this kind have become rarer in recent years.",
])
def test_a_bare_or_supposed_attack_stays_out(text: str) -> None:
    assert "ASSAULT" not in _types(text)


def test_a_finite_act_beside_an_attempt_is_reported() -> None:
    text = "The victim told officers a man approached him, attempted to rob him and shot him in the leg."
    assert "ASSAULT" in _types(text)


def test_an_act_only_attempted_stays_out() -> None:
    assert "ASSAULT" not in _types("The gunman attempted to shoot the guard but his weapon jammed.")


def test_a_cameo_object_pattern_reaches_the_parser() -> None:
    sentence = "Officers said they recovered 40 rifles and ammunition from the compound."
    assert is_candidate(sentence)
    assert not is_candidate("The team recovered quickly after a slow start.")


def test_a_pronoun_subject_stands_for_the_party_of_a_pattern() -> None:
    text = "The Kano State Police Command said it recovered 12 rifles and 300 cartridges from suspected kidnappers."
    assert "COERCE" in _types(text)
