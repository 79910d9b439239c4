"""classify_acled on clear sentences written for these tests (not taken from any dataset)."""

from __future__ import annotations

import os

import pytest

from eventwire.events.acled import EMBED_ENV, AcledGuess, classify_acled, classify_kind
from eventwire.nlp import minilm
from eventwire.taxonomy import ACLED_SUB_EVENT_TYPES, acled_event_type

CASES = [
    ("Warplanes struck a market in the north of the province on Tuesday, killing four people.", "Air/drone strike"),
    ("A drone strike hit a car carrying two commanders near the border.", "Air/drone strike"),
    ("Rebel artillery shelled the outskirts of the city overnight.", "Shelling/artillery/missile attack"),
    ("Mortar rounds landed in a residential district, wounding three.", "Shelling/artillery/missile attack"),
    ("A roadside bomb exploded as a police patrol passed, wounding two officers.", "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up at the entrance of a crowded mosque.", "Suicide bomb"),
    ("An unknown attacker threw a grenade into a bar, injuring six customers.", "Grenade"),
    ("Activists accused the army of using chlorine gas against the besieged suburb.", "Chemical weapon"),
    ("Heavy clashes broke out between the army and insurgents near the river crossing.", "Armed clash"),
    ("Government troops recaptured the town of Karsa from the rebels after a week of fighting.",
     "Government regains territory"),
    ("Insurgents seized the town of Marleko after government forces fled.", "Non-state actor overtakes territory"),
    ("Gunmen kidnapped twelve passengers from a bus on the highway.", "Abduction/forced disappearance"),
    ("Two women were raped by armed men near the displacement camp.", "Sexual violence"),
    ("Hundreds of teachers marched peacefully to parliament demanding higher pay.", "Peaceful protest"),
    ("Police used tear gas to disperse students protesting outside the ministry.", "Protest with intervention"),
    ("Security forces opened fire on protesters, killing nine demonstrators.", "Excessive force against protesters"),
    ("Rioters torched cars and hurled stones at police after the election result.", "Violent demonstration"),
    ("An angry mob lynched a man accused of stealing a goat.", "Mob violence"),
    ("Police arrested the opposition leader at his home on Friday.", "Arrests"),
    ("The two sides signed a ceasefire agreement in the capital.", "Agreement"),
    ("Bomb disposal experts defused an explosive device found under a bridge.", "Disrupted weapons use"),
    ("The army set up a new military base near the border town.", "Headquarters or base established"),
    ("Militiamen looted shops and burned houses in the village.", "Looting/property destruction"),
    ("The army withdrew from the town and handed control to local police without a fight.",
     "Non-violent transfer of territory"),
    ("The militia deployed hundreds of fighters and reinforcements to the front.", "Change to group/activity"),
]  # fmt: skip


# A known error of the embedding model, left visible rather than patched: it gives "Change to group/
# activity" 0.36 (HQ 0.07; 6 HQ snippets in its training data), and at >= 0.3 the model, not the rule,
# decides (why: docs/acled_model.md). strict: the day it passes again must be noticed.
EMBEDDED = minilm.available() and os.environ.get(EMBED_ENV, "1") not in {"0", "false", "no", "off"}
KNOWN_MODEL_ERRORS = {
    "The army set up a new military base near the border town.": "model: base-building read as change to group activity",
}
PARAMS = [
    pytest.param(t, e, marks=pytest.mark.xfail(EMBEDDED, strict=True, reason=KNOWN_MODEL_ERRORS[t]))
    if t in KNOWN_MODEL_ERRORS
    else (t, e)
    for t, e in CASES
]


@pytest.mark.parametrize(("text", "expected"), PARAMS)
def test_clear_sentences(text: str, expected: str) -> None:
    guess = classify_acled(text)
    assert isinstance(guess, AcledGuess)
    assert guess.sub_event_type == expected, guess
    assert guess.event_type == acled_event_type(expected)
    assert 0.0 <= guess.score <= 1.0
    assert guess.rule


def test_all_outputs_are_valid_acled_codes() -> None:
    for text, _ in CASES:
        guess = classify_acled(text)
        assert guess is not None and guess.sub_event_type in ACLED_SUB_EVENT_TYPES


def test_non_acled_news_is_not_forced_into_acled() -> None:
    assert classify_acled("A magnitude 6.1 earthquake shook the coast, damaging hundreds of homes.") is None
    kind = classify_kind("A magnitude 6.1 earthquake shook the coast, damaging hundreds of homes.")
    assert kind is not None and kind.kind == "Natural disaster" and not kind.is_acled


def test_empty_text() -> None:
    assert classify_acled("") is None
    assert classify_acled("   ") is None


def test_plover_hint_decides_when_text_is_silent() -> None:
    guess = classify_acled("It happened on Monday.", plover_type="ASSAULT", mode="aerial")
    assert guess is not None and guess.sub_event_type == "Air/drone strike" and guess.rule == "plover-default"
    assert classify_acled("It happened on Monday.", plover_type="CONSULT") is None
