"""Words the time finder reads: month and weekday names, number words, vague quantities."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# Month names that are also ordinary English words or given names: alone (no day, no year) they only
# count as a month after a word that introduces a time ("in May", "since April").
AMBIGUOUS_MONTHS = frozenset({"may", "march", "april", "june", "august"})

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

# Named days that are not the weekday they contain ("Good Friday", "Bloody Sunday" of 1972).
WEEKDAY_NAMES_NOT_DATES = frozenset(
    {"good", "black", "cyber", "bloody", "super", "ash", "palm", "easter", "holy"}
)

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "a couple of": 2, "couple of": 2,
}  # fmt: skip

VAGUE_WORDS = frozenset({"a few", "few", "several", "some", "many", "recent"})

# Words after which a bare month or a bare year reads as a time ("in 2019", "since May").
TIME_PREPOSITIONS = frozenset({
    "in", "on", "since", "until", "till", "through", "throughout", "during", "from", "by", "before",
    "after", "of", "between", "and", "to", "early", "late", "mid", "last", "this", "next", "around",
    "circa", "as", "at", "into", "for", "past", "coming", "end", "beginning", "start", "middle", "or",
})  # fmt: skip

SEASONS: dict[str, tuple[int, int]] = {
    # (first month, number of months); winter runs from December into the next year
    "spring": (3, 3), "summer": (6, 3), "autumn": (9, 3), "fall": (9, 3), "winter": (12, 3),
}  # fmt: skip
