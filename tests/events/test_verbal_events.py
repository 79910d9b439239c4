"""Verbal and political events told as nouns, in talks and in speech (events/verbal.py), on sentences the
team wrote (not from any evaluation set): who said it, to whom, and what is no event."""

from __future__ import annotations

import eventwire


def _typed(text: str, ptype: str) -> list[dict]:
    return [r for r in eventwire.extract(text, published="2021-05-04") if r["plover_type"] == ptype]


def _names(rec: dict, role: str) -> str:
    return " | ".join(a["text"] for a in rec["actors"] if a["role"] == role)


def test_a_call_with_a_second_side_is_a_consultation_by_the_caller():
    recs = _typed("The French foreign minister raised the issue in a call with Iranian Foreign Minister "
                  "Javad Zarif on Tuesday.", "CONSULT")
    assert recs
    assert "French foreign minister" in _names(recs[0], "actor")
    assert "Zarif" in _names(recs[0], "recipient")


def test_calls_for_action_are_not_a_consultation():
    assert not _typed("Calls for a ceasefire grew louder in Europe.", "CONSULT")


def test_support_restated_by_a_state_is_support_for_the_other():
    recs = _typed("Canada reaffirmed its support for the Ukrainian government on Monday.", "SUPPORT")
    assert recs
    assert "Canada" in _names(recs[0], "actor")
    assert "Ukrainian government" in _names(recs[0], "recipient")


def test_a_stance_described_is_not_an_event():
    assert not _typed("Iran's support for the Houthis has been crucial to the war.", "SUPPORT")


def test_a_leaders_rejection_is_a_rejection_by_the_leader():
    recs = _typed("President Tinubu's rejection of the new tax bill was welcomed by traders.", "REJECT")
    assert recs and "Tinubu" in _names(recs[0], "actor")


def test_charges_faced_are_an_accusation_against_whoever_faces_them_and_dropped_charges_are_not():
    recs = _typed("A former Iraqi minister pleaded not guilty to charges of fraud in Baghdad on Monday.",
                  "ACCUSE")
    assert recs and "former Iraqi minister" in _names(recs[0], "recipient")
    assert not _typed("Prosecutors dropped the charges against the former minister.", "ACCUSE")
    assert not _typed("The general remained in charge of the northern command.", "ACCUSE")


def test_speaking_with_a_side_is_a_consultation_but_speaking_to_reporters_is_not():
    assert _typed("The Afghan governor spoke with Taliban commanders in Kandahar on Sunday.", "CONSULT")
    assert not _typed("The Afghan governor spoke to reporters in Kandahar on Sunday.", "CONSULT")


def test_denying_a_report_is_a_rejection_and_denying_that_is_speech():
    assert _typed("The Azerbaijani defence ministry denied the report on Tuesday.", "REJECT")
    assert not _typed("The Azerbaijani defence ministry denied that its troops had crossed the border.",
                      "REJECT")


def test_a_verb_the_tagger_calls_a_noun_still_codes_its_event():
    # "urge" after a plural name is tagged NN; its subject and object say it is the clause's verb
    recs = _typed("The Members of the Security Council urge the Prime Minister-designate, Haider al-Abadi, "
                  "to work swiftly to form a government.", "REQUEST")
    assert recs and "Security Council" in _names(recs[0], "actor")


def test_he_is_the_person_named_before():
    recs = _typed("General Bajwa visited South Waziristan on Sunday. He urged the tribal elders not to "
                  "allow anyone to jeopardise the peace.", "REQUEST")
    assert recs and any(a["country"] == "PAK" for a in recs[0]["actors"] if a["role"] == "actor")


def test_an_agreement_reported_in_speech_is_the_speakers():
    recs = _typed("Putin and Erdogan said they had reached a ceasefire agreement in Idlib.", "AGREE")
    assert recs
    countries = {a["country"] for a in recs[0]["actors"]}
    assert {"RUS", "TUR"} <= countries


def test_support_for_no_side_and_a_discussion_at_a_meeting_already_told_are_not_events():
    assert not _typed("The five chief executives confirmed their support for several key principles.", "SUPPORT")
    recs = _typed("Carter met with Iraqi Prime Minister Haider al-Abadi in Baghdad, where the two leaders "
                  "discussed the campaign to liberate Mosul.", "CONSULT")
    assert len(recs) == 1


def test_violence_a_side_announces_is_a_threat_not_an_attack():
    text = "Houthi spokesman Yahya Saree said the group would attack any Saudi ship that enters Yemeni waters."
    assert _typed(text, "THREATEN")
    assert not _typed(text, "ASSAULT")
    assert not _typed("Houthi fighters will not attack Saudi ships, Yahya Saree said.", "THREATEN")
