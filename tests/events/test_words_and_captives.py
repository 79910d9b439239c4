"""Attacks made in words, people captured, doers of gerunds and requests told with 'for ... to': sentences
the team wrote for the kinds of political-news misses read on RAMS passages of the dev split."""

from __future__ import annotations

import pytest

import eventwire


def _events(text: str) -> list[dict]:
    return eventwire.extract(text, published="2016-08-12")


def _parties(ev: dict, role: str) -> list[str]:
    return [a["text"] for a in ev["actors"] if a["role"] == role]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Senator Warren attacked Governor Baker on Tuesday, saying he had failed the state's workers.", "Warren", "Baker"),
        ("The mayor attacked the governor in an interview on Sunday.", "mayor", "governor"),
        ("The Labour campaign hit the prime minister over his housing policy.", "campaign", "prime minister"),
        ("Sanders' speech in Denver will target Clinton over her Wall Street ties.", "Sanders", "Clinton"),
    ],
)
def test_an_attack_in_words_is_an_accusation_not_violence(text: str, actor: str, recipient: str) -> None:
    evs = _events(text)
    assert [e["plover_type"] for e in evs] == ["ACCUSE"], evs
    assert any(actor in a for a in _parties(evs[0], "actor"))
    assert any(recipient in r for r in _parties(evs[0], "recipient"))


@pytest.mark.parametrize(
    "text",
    [
        "Militants attacked an army checkpoint near Kandahar, killing four soldiers.",
        "Rebels attacked the convoy over the weekend.",
        "Insurgents attacked the governor in his office with rifles and grenades.",
    ],
)
def test_an_attack_with_force_stays_an_assault(text: str) -> None:
    assert "ASSAULT" in [e["plover_type"] for e in _events(text)]


def test_people_captured_are_abducted_and_places_captured_are_taken() -> None:
    people = _events("Militants seized two aid workers near the border town of Tal Abyad.")
    assert [(e["plover_type"], e["plover_mode"]) for e in people] == [("ASSAULT", "abduct")]
    assert any("aid workers" in r for r in _parties(people[0], "recipient"))
    town = _events("The army captured the town of Kafr Nabl from the rebels.")
    assert [e["plover_mode"] for e in town if e["plover_type"] == "ASSAULT"] != ["abduct"]


def test_a_gerund_after_by_takes_the_clause_subject_as_its_doer() -> None:
    evs = _events("A coalition of trade unions defied the government by publicly calling for a general strike.")
    req = [e for e in evs if e["plover_type"] == "REQUEST"]
    assert req and any("trade unions" in a or "coalition" in a for a in _parties(req[0], "actor"))


def test_called_for_someone_to_be_jailed_is_a_request() -> None:
    evs = _events("The prosecution has called for the opposition leader to be jailed for ten years.")
    assert "REQUEST" in [e["plover_type"] for e in evs]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Senator Collins said on Monday that the governor had betrayed the voters of Maine.", "Collins"),
        ("The opposition leader told reporters that the Prime Minister had failed the country and lied to parliament.",
         "opposition leader"),
    ],
)
def test_a_hostile_statement_about_another_party_is_an_accusation(text: str, actor: str) -> None:
    acc = [e for e in _events(text) if e["plover_type"] == "ACCUSE"]
    assert acc and any(actor in a for a in _parties(acc[0], "actor"))


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the talks with the delegation from Ankara were constructive and friendly.",
        "Police said the gunmen killed three people in Kabul on Monday.",
        "The company said its profits fell sharply in the third quarter.",
    ],
)
def test_a_neutral_friendly_or_violent_statement_is_no_accusation(text: str) -> None:
    assert "ACCUSE" not in [e["plover_type"] for e in _events(text)]


def test_a_date_that_describes_a_noun_or_the_present_dates_no_event() -> None:
    text = ("The greatest threat to our security today is the gun lobby, the senator said. "
            "Critics have long said the lobby blocks every reform. "
            "On Sunday the lobby blamed the shooting on the administration's policies.")
    evs = eventwire.extract(text, published="2016-06-15")
    # 'today' of the first sentence is no date of the later events: they keep the publication date as a
    # stand-in ('reported'), never a day the text gave them
    assert evs and all((e.get("date") or {}).get("precision") in {"reported", None} or
                       (e["date"]["text"] or "").lower() != "today" for e in evs)
    old = eventwire.extract("Protesters recalled the excesses of the chaotic 1990s as they marched on the ministry.",
                            published="2016-06-15")
    assert all((e.get("date") or {}).get("text") != "1990s" for e in old)
