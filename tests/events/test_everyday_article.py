"""The everyday-article gate (events/genre.py): an article whose opening reads as everyday news (a film
review, a business page) is not coded, while crime, protest and conflict reports keep every event.
Articles written for these tests, not taken from any evaluation set."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.events import genre

pytestmark = pytest.mark.skipif(genre._model() is None, reason="no MiniLM weights or no gate model")

FILM = ("The director's new thriller opens in cinemas on Friday after a triumphant premiere at the Venice film "
        "festival, where critics praised its tense final act. The star, who plays a detective hunting a killer in "
        "1970s Naples, said she had trained for months for the role. The film is expected to top the box office "
        "this weekend, beating the superhero sequel that has led the charts for three weeks.")
CRIME = ("Police in Leeds arrested two men on Saturday after a shop owner was stabbed during a robbery on Harehills "
         "Road. The 45-year-old victim was taken to hospital with serious injuries. Detectives said the men, aged 19 "
         "and 23, were being held on suspicion of attempted murder and appealed for witnesses.")
CONFLICT = ("Russian missiles struck the Ukrainian city of Kharkiv on Monday, killing at least five civilians and "
            "wounding 20, the regional governor said. Ukraine's military said its air defences shot down 12 of the 18 "
            "missiles launched overnight. President Zelensky accused Moscow of targeting energy infrastructure.")
PROTEST = ("Thousands of protesters marched through the centre of Santiago on Friday demanding the resignation of "
           "the interior minister, and police fired tear gas to disperse the crowd. At least 40 people were arrested, "
           "a police spokesman said.")


def _no_event(text: str) -> float:
    import spacy

    doc = spacy.blank("en")(text)
    p = genre.no_event_probability(doc)
    assert p is not None
    return p


def test_the_gate_reads_a_film_review_as_everyday_news_and_a_report_as_news():
    threshold = genre._model()["threshold"]  # type: ignore[index]
    assert _no_event(FILM) > threshold
    for text in (CRIME, CONFLICT, PROTEST):
        assert _no_event(text) < threshold


def test_crime_protest_and_conflict_reports_keep_their_events():
    types = {t: {r["plover_type"] for r in eventwire.extract(text, published="2022-05-10")}
             for t, text in (("crime", CRIME), ("conflict", CONFLICT), ("protest", PROTEST))}
    assert {"COERCE", "ASSAULT"} <= types["crime"]
    assert "ASSAULT" in types["conflict"]
    assert {"PROTEST", "COERCE"} <= types["protest"]
