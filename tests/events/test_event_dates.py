"""An event's date as a user reads it: from its own words, from the day the text named before it, or from
a full date of the text naming the same day; never from a guess (eval/corpus/ADJUDICATION.md, policy 1)."""

from __future__ import annotations

import eventwire


def _attack(text: str, published: str | None = None) -> dict:
    [attack] = [e for e in eventwire.extract(text, published=published) if e["plover_type"] == "ASSAULT"]
    return attack


def test_a_weekday_takes_the_full_date_the_text_gives_that_day() -> None:
    text = ("Gunmen killed five villagers near Kaduna on Thursday, police said.\n\n"
            "The state government said the killings of 29 March 2018 would be investigated.")
    assert _attack(text)["date"]["start"] == "2018-03-29"


def test_a_weekday_the_text_does_not_date_stays_null_without_a_publication_date() -> None:
    text = ("Gunmen killed five villagers near Kaduna on Friday, police said.\n\n"
            "The state government said the killings of 29 March 2018 would be investigated.")
    assert _attack(text)["date"] is None
    # with a publication date it is read as usual: the latest Friday on or before it
    assert _attack(text, published="2018-04-02")["date"]["start"] == "2018-03-30"


def test_a_day_without_its_year_gets_no_year_from_other_dates_of_the_text() -> None:
    text = "Gunmen killed five villagers near Kaduna on March 30, police said. On March 28, 2018, the governor " \
           "visited the area."
    assert _attack(text)["date"] is None


def test_the_next_day_in_a_new_sentence_counts_from_the_day_named_before() -> None:
    text = "Troops entered the town on 3 March 2015.\n\nThe next day, gunmen attacked the police station in " \
           "the town, killing two officers."
    when = _attack(text)["date"]
    assert when["start"] == "2015-03-04" and when["precision"] == "day" and when["text"] == "The next day"



def _dated_attack(text: str, published: str | None = None) -> dict | None:
    [attack] = [e for e in eventwire.extract(text, published=published) if e["evidence"]["trigger"] == "attacked"]
    return attack["date"]


def test_a_present_perfect_event_takes_no_date_from_an_earlier_sentence() -> None:
    """English does not pin a present perfect to a past date, so 'have attacked' after a sentence naming
    March 2015 is not an attack of March 2015; a simple past there still borrows the date."""
    earlier = "The new police station opened in the town in March 2015. "
    assert _dated_attack(earlier + "Since then gunmen have attacked the station, killing two officers.") is None
    past = _dated_attack(earlier + "Gunmen attacked the station, killing two officers.")
    assert past is not None and past["start"][:7] == "2015-03"
    reported = _dated_attack(earlier + "Gunmen have attacked the station.", published="2016-05-02")
    assert reported is not None and reported["precision"] == "reported" and reported["start"] == "2016-05-02"


def _dates(text: str, published: str | None = None) -> dict[str, dict | None]:
    return {e["plover_type"]: e["date"] for e in eventwire.extract(text, published=published)}


def test_a_past_event_takes_the_date_of_the_sentence_before_but_a_present_one_does_not() -> None:
    past = _dates("Police arrested 40 protesters in Paris on 26 July 2014. Rebels attacked the town of Kafr Nabl.")
    assert past["ASSAULT"]["start"] == "2014-07-26"
    # the present tells of the time of writing: no date of an earlier sentence is its date
    assert _dates("Police arrested 40 protesters in Paris on 26 July 2014. Rebels are attacking the town of "
                  "Kafr Nabl.")["ASSAULT"] is None
    assert _dates("Police arrested 40 protesters in Paris on 26 July 2014. The group accuses the police of "
                  "torture.")["ACCUSE"] is None


def test_an_older_date_is_not_borrowed_past_a_nearer_time_that_cannot_be_settled() -> None:
    text = ("The mayor praised the police in 2015 for their work. Officials said before Monday's vote that they "
            "would not resign. A crowd of about 2,000 protesters gathered outside the city hall.")
    dates = _dates(text)
    assert dates["SUPPORT"]["start"] == "2015-01-01"  # its own clause's year
    assert dates["PROTEST"] is None  # 'Monday' frames it, and without a publication date no day is known


def test_a_time_inside_what_was_said_does_not_date_the_saying() -> None:
    text = "Vice President Biden and other Democrats have said that Putin wants to defeat Clinton in November."
    when = _dates(text, published="2016-07-31")["ACCUSE"]
    assert when["precision"] == "reported" and when["start"] == "2016-07-31"
