"""Round 17 negated intent (issue 10): a cooperative act a side says it will not do is a rejection (PLOVER
REJECT, CAMEO 12), with the side (its country) as actor (events/refused_acts.py; data/refused_acts.tsv). Sentences
written for this test, not taken from any evaluation set."""

from __future__ import annotations

import pytest

import eventwire

PUB = "2022-05-10"


def _rejections(text: str) -> list[dict]:
    return [r for r in eventwire.extract(text, published=PUB) if r["plover_type"] == "REJECT"]


def _actor(ev: dict) -> str | None:
    return next((a["country"] for a in ev["actors"] if a["role"] == "actor"), None)


@pytest.mark.parametrize(("text", "actor"), [
    ("Norway said on Monday it would not provide funding to the port project.", "NOR"),
    ("Chile declined to extradite the former colonel to Argentina.", "CHL"),
    ("The finance minister said Ghana will not grant the mining company a new licence.", "GHA"),
])
def test_a_cooperative_act_refused_is_a_rejection_by_its_subject(text: str, actor: str) -> None:
    rej = _rejections(text)
    assert rej, text
    assert any(_actor(e) == actor for e in rej), [(_actor(e), e["evidence"]["trigger"]) for e in rej]


@pytest.mark.parametrize("text", [
    "Norway said on Monday it might not provide funding to the port project.",  # a guess
    "Chile did not extradite the former colonel last year, officials said.",  # a report of what did not happen
    "Will Ghana not grant the mining company a new licence?",  # a question
])
def test_guesses_reports_and_questions_are_no_rejection(text: str) -> None:
    assert not _rejections(text), text
