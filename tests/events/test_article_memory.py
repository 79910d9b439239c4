"""The coder remembers the article's named parties: a bare surname or a pronoun after a full named mention
resolves to it, and a report's source carries on into the sentences that continue it. Sentences written
by the team (no evaluation set)."""

from __future__ import annotations

import eventwire


def _events(text: str, ptype: str) -> list[dict]:
    recs = [r for r in eventwire.extract(text, published="2024-03-05") if r["plover_type"] == ptype]
    assert recs, [r["plover_type"] for r in eventwire.extract(text, published="2024-03-05")]
    return recs


def _parties(rec: dict, role: str) -> set[tuple[str | None, str | None]]:
    return {(a["country"], a["sector"]) for a in rec["actors"] if a["role"] == role}


def test_a_bare_surname_is_the_person_the_article_introduced_with_a_title() -> None:
    rec = _events("Colombian Defense Minister Diego Molano visited Cali on Monday. "
                  "Molano accused the ELN of planning attacks on the city.", "ACCUSE")[0]
    assert ("COL", "GOV") in _parties(rec, "actor")


def test_he_is_the_person_named_before_even_with_no_event_of_his_own() -> None:
    rec = _events("Kenya's Interior Minister Joseph Amolo arrived in Mombasa on Monday. "
                  "He urged Somalia to close the border.", "REQUEST")[0]
    assert ("KEN", "GOV") in _parties(rec, "actor")
    # nobody named before: the pronoun stays unresolved rather than guessed
    alone = _events("He urged Somalia to close the border.", "REQUEST")[0]
    assert not any(a["country"] == "KEN" for a in alone["actors"])


def test_a_subject_pronoun_prefers_the_previous_subject() -> None:
    recs = _events("Somali troops attacked al-Shabaab positions near Kismayo on Tuesday. "
                   "They killed 12 militants.", "ASSAULT")
    second = [r for r in recs if r["size"]["dead"] == 12][0]
    assert ("SOM", "MIL") in _parties(second, "actor")


def test_a_report_carries_on_into_the_sentence_that_continues_it() -> None:
    recs = _events("The minister toured the border region on Monday, a government statement said. "
                   "He urged Ethiopia to withdraw its troops.", "REQUEST")
    assert recs[0]["claim_source"] and "statement" in recs[0]["claim_source"][0]
    # a new paragraph, or a sentence whose subject is no pronoun, is not the report's continuation
    recs = _events("The minister toured the border region on Monday, a government statement said.\n\n"
                   "He urged Ethiopia to withdraw its troops.", "REQUEST")
    assert not recs[0]["claim_source"]


def test_a_force_named_before_an_event_noun_is_its_actor_and_victims_are_not() -> None:
    rec = _events("The police killing of an unarmed man in Sacramento on March 18 sparked protests.", "ASSAULT")[0]
    assert any(sector == "COP" for _, sector in _parties(rec, "actor"))
    assert not any(sector == "COP" for _, sector in _parties(rec, "recipient"))


def test_a_quoted_statement_is_its_issuers_word() -> None:
    text = ('The governor of Kandahar released the following statement on Monday:\n\n'
            '"Taliban fighters attacked a police post in Spin Boldak last night and killed four officers."')
    rec = _events(text, "ASSAULT")[0]
    assert rec["claim_source"] and "governor of Kandahar" in rec["claim_source"][0]
    # the same sentence unquoted, after a paragraph of the reporter's own, is nobody's statement
    plain = ("The governor of Kandahar released the following statement on Monday:\n\nThe statement was brief.\n\n"
             "Taliban fighters attacked a police post in Spin Boldak last night and killed four officers.")
    assert not _events(plain, "ASSAULT")[0]["claim_source"]


def test_a_titled_speakers_name_is_part_of_the_claim_source() -> None:
    rec = _events("Somalia's defence minister, Abdikadir Mohamed Nur, said troops killed 30 al-Shabaab "
                  "fighters near Kismayo on Sunday.", "ASSAULT")[0]
    assert rec["claim_source"] and "Abdikadir Mohamed Nur" in rec["claim_source"][0]


def test_a_gerund_clause_acts_through_the_main_subject() -> None:
    rec = _events("The Kenyan government on Saturday closed the border with Somalia while accusing "
                  "al-Shabaab of smuggling weapons.", "ACCUSE")[0]
    assert any(country == "KEN" for country, _ in _parties(rec, "actor"))
