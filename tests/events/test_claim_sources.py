"""Who says so, kept per event: a reporting pronoun stands for the speaker named before it, and a free
relative ("what X claimed was a bombing") makes X the claim source of the event it describes."""

from __future__ import annotations

import eventwire


def _events(text: str) -> list[dict]:
    return eventwire.extract(text, published="2018-04-06")


def test_he_said_takes_the_speaker_named_before_when_no_party_fits() -> None:
    text = ("Wang said peace and stability on the Korean Peninsula are in the interest of China and Russia. "
            "He said China and Russia welcome and support the notable improvement in the situation on the "
            "peninsula.")
    support = [e for e in _events(text) if e["plover_type"] == "SUPPORT"]
    assert support and support[0]["claim_source"] == ["Wang"]


def test_a_pronoun_with_no_speaker_before_it_gives_no_claim_source() -> None:
    text = "He said China and Russia welcome and support the notable improvement in the situation."
    support = [e for e in _events(text) if e["plover_type"] == "SUPPORT"]
    assert support and support[0]["claim_source"] == []


def test_what_a_party_claimed_was_an_attack_is_that_partys_claim() -> None:
    text = ("The truce began to fray because of what the United States claimed was a deliberate bombing by "
            "Russian aircraft of a humanitarian convoy headed to Aleppo.")
    [bombing] = [e for e in _events(text) if e["plover_type"] == "ASSAULT"]
    assert bombing["claim_source"] == ["the United States"]
    # told by the outlet itself, the same bombing has no claim source
    plain = "Russian aircraft carried out a deliberate bombing of a humanitarian convoy headed to Aleppo."
    [bombing] = [e for e in _events(plain) if e["plover_type"] == "ASSAULT"]
    assert bombing["claim_source"] == []


def test_a_sentence_between_two_of_one_sources_account_is_that_sources() -> None:
    text = ("A man has been charged with murder in the stabbing death of a software executive, police said.\n\n"
            "Bassett is accused of stabbing Miguel Beedle in an alley on the Near North Side. Police say "
            "Bassett approached Beedle in the alley and stabbed him in the back.")
    stabbing = [e for e in _events(text) if e["plover_type"] == "ASSAULT" and "accused" in e["evidence"]["sentence"]]
    assert stabbing and stabbing[0]["claim_source"] == ["Police"]


def test_a_sentence_after_one_sources_account_is_not_that_sources_by_default() -> None:
    text = ("A man has been charged with murder in the stabbing death of a software executive, police said.\n\n"
            "Bassett stabbed Miguel Beedle in an alley on the Near North Side. The mayor said the city mourns.")
    stabbing = [e for e in _events(text) if e["plover_type"] == "ASSAULT" and "Bassett" in e["evidence"]["sentence"]]
    assert stabbing and stabbing[0]["claim_source"] == []
