"""Round 14's field choices: a date the text does not give this event stays off it (events/dating.py), kin
and defendants are parties (actors/data/roles.tsv), a headline's passive names its agent (events/syntax.py)."""

from __future__ import annotations

from typing import Any

import eventwire

PUBLISHED = "2016-09-17"


def _events(text: str, plover_type: str, published: str | None = PUBLISHED) -> list[dict[str, Any]]:
    return [r for r in eventwire.extract(text, published=published) if r["plover_type"] == plover_type]


def _party(ev: dict[str, Any], role: str) -> list[tuple[str | None, str | None]]:
    return [(a["country"], a["sector"]) for a in ev["actors"] if a["role"] == role]


def _text_dated(ev: dict[str, Any]) -> bool:
    """Whether the event carries a date it claims the text gave (not the publication date as a stand-in)."""
    d = ev.get("date") or {}
    return bool(d.get("start")) and d.get("precision") != "reported"


def test_a_goal_past_the_publication_date_dates_no_earlier_deed() -> None:
    # "by the end of 2016" is a target set in September 2016: the regulator's accusation is not of that time
    text = ("Chief executive John Cryan has set a target of resolving the bank's legal worries by the end of 2016. "
            "The bank has already paid out $2.5 billion in the United States, and settled a dispute with the "
            "regulator, which accused it of violating bans on trading with Syria and Iran.")
    evs = _events(text, "ACCUSE")
    assert evs and not any(_text_dated(ev) for ev in evs)


def test_a_past_date_of_the_sentence_before_still_dates_a_past_deed() -> None:
    evs = _events("Rebels attacked the town of Kidal on Monday. They killed three soldiers.", "ASSAULT")
    assert evs and all(ev["date"]["start"] == "2016-09-12" for ev in evs)


def test_what_someone_does_not_deny_having_done_takes_no_earlier_date() -> None:
    # the shootings are admitted in the present ("does not deny"): last week's report is not their date
    text = ("Last week, a Polish MP presented a report on alleged war crimes committed by Strelkov to the "
            "international criminal court. Strelkov does not deny having people shot for looting.")
    shot = [ev for ev in _events(text, "ASSAULT") if "shot" in (ev.get("trigger") or {}).get("text", "")
            or "shot" in str(ev.get("evidence", ""))]
    assert shot and not any(_text_dated(ev) for ev in shot)


def test_kin_of_someone_are_private_people_of_the_events_country() -> None:
    evs = _events("Pakistan's army chief General Qamar Javed Bajwa visited South Waziristan on Thursday. "
                  "At Makeen the army chief also met the father of Naqeeb Ullah Mehsud and condoled with him.",
                  "CONSULT")
    assert ("PAK", "CVL") in [p for ev in evs for p in _party(ev, "recipient")]


def test_defendants_on_trial_are_coded_as_criminals() -> None:
    evs = _events("Two men were arrested in London in May. The three defendants are on trial for murder at the "
                  "Old Bailey in London.", "ACCUSE")
    assert ("GBR", "CRM") in [p for ev in evs for p in _party(ev, "recipient")]


def test_a_headline_passive_names_the_attacker_and_the_victim() -> None:
    evs = _events("An Armenian soldier killed and allegedly decapitated by Azerbaijani troops in Nagorno-Karabakh "
                  "has been buried.", "ASSAULT")
    assert evs
    assert ("AZE", "MIL") in _party(evs[0], "actor") and ("ARM", "MIL") in _party(evs[0], "recipient")
    assert ("ARM", "MIL") not in _party(evs[0], "actor")


def test_an_active_past_tense_keeps_its_subject_as_the_attacker() -> None:
    evs = _events("Azerbaijani troops killed an Armenian soldier in Nagorno-Karabakh.", "ASSAULT")
    assert evs and ("AZE", "MIL") in _party(evs[0], "actor") and ("ARM", "MIL") in _party(evs[0], "recipient")


def test_a_country_named_as_the_of_object_of_a_thing_does_not_place_the_next_event() -> None:
    # "the cooperation of Russia" names a party; the convoy was not bombed in Russia for that
    text = ("Aid agencies prepared a convoy for Aleppo in Syria last month. Secretary of State John Kerry "
            "praised the cooperation of Russia on the agreement. Days later, the humanitarian convoy was bombed.")
    evs = _events(text, "ASSAULT")
    assert evs and all((ev.get("location") or {}).get("country") == "SY" for ev in evs)


def test_a_place_of_the_sentence_before_still_places_the_next_event() -> None:
    text = "Kerry met Lavrov in the outskirts of Geneva on Friday. Days later, a humanitarian convoy was bombed."
    evs = _events(text, "ASSAULT")
    assert evs and all((ev.get("location") or {}).get("country") == "CH" for ev in evs)
