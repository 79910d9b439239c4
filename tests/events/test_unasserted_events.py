"""Clauses that name an event without saying it happened (events/assertion.py), and statements whose
grimness is their topic, not a judgement of a party (events/verbal.py, 'negative_content'). Sentences
written for the classes of false events read on RAMS political-news passages outside the team corpus."""

from __future__ import annotations

import pytest

import eventwire


def _types(text: str) -> list[str]:
    return [e["plover_type"] for e in eventwire.extract(text, published="2016-08-12")]


@pytest.mark.parametrize(
    ("text", "plover_type"),
    [
        # conditions
        ("If the senator publicly rebuked the governor, voters would reward him.", "ACCUSE"),
        ("Unless the army withdraws its troops from the border, Turkey will act, the minister said.", "RETREAT"),
        # questions
        ("Did the president not meet the opposition leader in Paris last week?", "CONSULT"),
        ("Why did the police arrest the two journalists in Ankara?", "COERCE"),
        # negations
        ("The police had not arrested any of the protesters by Monday evening.", "COERCE"),
        ("No one has been arrested over the killing of the journalist in Istanbul.", "COERCE"),
        ("Obama and Putin spoke by phone on Monday, but they did not discuss the military encounters.", "CONSULT"),
        # habits
        ("The neighbouring state usually rejects refugees arriving from Syria.", "REJECT"),
        ("Opponents of the government are routinely tortured in the prisons of the regime.", "ASSAULT"),
        # abilities
        ("The court can investigate crimes committed by nationals of its member states.", "ACCUSE"),
    ],
)
def test_an_event_not_said_to_have_happened_is_not_coded(text: str, plover_type: str) -> None:
    assert plover_type not in _types(text)


@pytest.mark.parametrize(
    ("text", "plover_type"),
    [
        ("The police arrested two journalists in Ankara on Monday.", "COERCE"),
        ("The rebels withdrew from the town on Tuesday.", "RETREAT"),
        ("The president met the opposition leader in Paris last week.", "CONSULT"),
        ("Senator Warren criticized Governor Baker on Tuesday over the budget.", "ACCUSE"),
        # a condition's main clause is what the speaker says will happen: a threat stays a threat
        ("The minister said that if the militants attack the border again, the army will strike their bases.",
         "THREATEN"),
        # "as if" supposes nothing
        ("It looks as if the army shelled the village of Kafr Nabl on Monday.", "ASSAULT"),
    ],
)
def test_the_same_events_told_as_having_happened_are_coded(text: str, plover_type: str) -> None:
    assert plover_type in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        # grim topics, no judgement of a party
        "General Paiboon said that Thailand would build more prisons for drug offenders.",
        "Merkel said Europe had to react against this violation of basic principles.",
        # what a condition supposes is no judgement of what anyone did
        "An official said the United States would consider sanctions on the leaders if they fail to cooperate.",
        # force told in a statement is that event's claim, not an accusation
        "Donald Trump is confidently declaring that Russia is fighting ISIS in Syria.",
    ],
)
def test_a_grim_topic_or_a_supposition_is_no_accusation(text: str) -> None:
    assert "ACCUSE" not in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "In an email released years later, the minister's aides warned that the defector wanted to leave.",
        "The television host spent two hours warning that a conflict could take nuclear dimensions.",
        "Obama and India's prime minister vowed to ratify the Paris climate accord this year.",
    ],
)
def test_a_warning_or_vow_of_no_force_or_coercion_is_no_threat(text: str) -> None:
    assert "THREATEN" not in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Russia vowed to shoot down any American fighter planes that attack Syrian forces.",
        "The Turkish ministry warned that it would strike the militia's positions again.",
    ],
)
def test_a_warning_of_force_to_come_is_a_threat(text: str) -> None:
    assert "THREATEN" in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        # a speaker the article named before, told by a pronoun
        "Senator Collins spoke in Portland. Later he said that the governor had betrayed the voters of Maine.",
        # the agent of a passive clause is the one blamed
        "Dr. Omalu suggested that the senator had been poisoned by President Putin.",
    ],
)
def test_a_hostile_statement_blames_the_subject_or_the_agent_of_its_clause(text: str) -> None:
    assert "ACCUSE" in _types(text)


@pytest.mark.parametrize(
    ("text", "is_request"),
    [
        ("Fox host Bill O'Reilly asked Trump how to solve the city's crime problem.", False),
        ("The senator asked the minister whether the army would withdraw from the town.", False),
        ("The president asked the rebels to leave the city.", True),
    ],
)
def test_asking_a_question_is_no_request(text: str, is_request: bool) -> None:
    assert ("REQUEST" in _types(text)) is is_request


def test_a_derived_hostile_word_judges_like_its_base() -> None:
    # "disrespectful" is rated through "disrespect"; the side blamed owns the subject ("Trump's comments")
    evs = eventwire.extract("Senator McCaskill argued that Trump's comments about the veterans were disrespectful to the "
                            "military.", published="2016-08-12")
    acc = [e for e in evs if e["plover_type"] == "ACCUSE"]
    assert acc and any("Trump" in a["text"] for a in acc[0]["actors"] if a["role"] == "recipient")


def test_charges_asked_for_are_not_laid() -> None:
    types = _types("That followed his call on Saturday for criminal charges against Clinton over her emails.")
    assert "ACCUSE" not in types


@pytest.mark.parametrize(
    "text",
    [
        "We can keep going for two months, but then people in Aleppo will starve in large numbers.",
        "Farming and construction industries would be hardest hit by the labour shortages, the study concluded.",
        "The S-500 is the most feared weapon of its type and can simultaneously intercept ten ballistic missiles.",
    ],
)
def test_harm_foretold_or_a_capability_is_no_event(text: str) -> None:
    types = _types(text)
    assert "ASSAULT" not in types and "COERCE" not in types


def test_a_negation_of_one_act_keeps_the_act_that_happened() -> None:
    # "did not attack ... but shelled": the shelling is reported
    assert "ASSAULT" in _types("The army did not attack the village but shelled the town of Kafr Nabl on Monday.")


def test_a_side_denying_its_violence_is_kept_but_a_thing_that_did_not_kill_is_not() -> None:
    # a denial of an attack is coded (eval/corpus/GUIDELINES.md); a slogan about a thing is no event
    assert "ASSAULT" in _types("The Russian military said it had not bombed the hospital in Idlib.")
    assert "ASSAULT" not in _types('Gov. Scott insisted, "The Second Amendment did not kill people."')
