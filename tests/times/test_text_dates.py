"""Dates the article's own text fixes beyond one sentence (times.text_dates): a weekday that names the
same day as a full date the text writes out, where the record has no publication date; "the next day"
counted from the day the text named last. Nothing else is resolved without a publication date."""

from __future__ import annotations

import datetime as dt

from eventwire.times import find_times
from eventwire.times.text_dates import resolve_against_text, resolve_anaphora, text_present

CAPTION = "Wang Yi and Sergei Lavrov in Moscow on April 5th, 2018."  # 5 April 2018 was a Thursday


def _resolved(sentence: str, text: str) -> list:
    present = text_present(text)
    return [resolve_against_text(w, present) for w in find_times(sentence, None)]


def test_the_texts_present_is_its_latest_full_date() -> None:
    present = text_present("He was born on August 14 1984. He died on the 29th March 2018 in Manbij.")
    assert present is not None and present.day == dt.date(2018, 3, 29)
    assert text_present("He died on Thursday, last month.") is None


def test_a_weekday_that_names_the_day_of_a_full_date_in_the_text_takes_that_date() -> None:
    [w] = _resolved("Wang said in Moscow Thursday.", "Wang said in Moscow Thursday. " + CAPTION)
    assert (w.start, w.end, w.precision) == (dt.date(2018, 4, 5), dt.date(2018, 4, 5), "day")


def test_any_other_weekday_stays_unresolved_without_a_publication_date() -> None:
    # Friday is not the caption's day: which Friday the writer meant depends on the unknown day of writing
    [w] = _resolved("Wang said in Moscow on Friday.", "Wang said in Moscow on Friday. " + CAPTION)
    assert w.start is None
    # "last Thursday", "yesterday" and a day without its year are read from the day of writing too
    for sentence in ("Wang spoke last Thursday.", "Wang spoke yesterday.", "Wang spoke on April 6."):
        assert all(w.start is None for w in _resolved(sentence, sentence + " " + CAPTION)), sentence


def test_a_weekday_far_before_the_texts_present_is_not_that_day() -> None:
    text = "The first raid was on Thursday, March 1, 2018. Police raided the house on Thursday. " \
           "The trial opened on March 20, 2018."
    [w] = _resolved("Police raided the house on Thursday.", text)
    assert w.start is None  # 1 March is nearly three weeks before the text's present


def test_the_next_day_counts_from_the_day_named_in_an_earlier_sentence() -> None:
    text = "Troops entered the town on 3 March 2015. The next day, gunmen attacked the police station."
    earlier = find_times(text, None)
    [w] = find_times(text[41:], None, offset=41)
    assert w.start is None  # alone, the sentence does not say which day
    w = resolve_anaphora(w, earlier)
    assert (w.start, w.precision) == (dt.date(2015, 3, 4), "day")
    # a narrative goes on from the day it named last: two days after "the next day"
    two = find_times("Two days later, police arrested him.", None, offset=len(text) + 1)[0]
    assert resolve_anaphora(two, earlier).start == dt.date(2015, 3, 6)


def test_the_next_day_with_no_earlier_day_stays_unresolved() -> None:
    [w] = find_times("The next day, gunmen attacked the police station.", None)
    assert resolve_anaphora(w, []).start is None
    assert resolve_anaphora(w, find_times("In March 2015 troops entered the town.", None)).start is None
