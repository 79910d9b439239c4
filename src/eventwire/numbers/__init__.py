"""Numbers: counts as the text states them ("five", "101", "a civilian", "at least 33", "dozens").

Only stated numbers become numbers. Vague quantities ("dozens", "hundreds", "several") are flagged
and never turned into a count; "at least N" keeps N with a lower-bound flag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "both": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "dozen": 12, "a dozen": 12,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
VAGUE = frozenset(
    ["dozens", "hundreds", "thousands", "scores", "several", "many", "numerous", "some", "few", "multiple", "countless", "tens"]
)
LOWER_BOUND = re.compile(r"\b(at least|more than|over|upwards of|no fewer than|in excess of)\s*$", re.I)
APPROX = re.compile(r"\b(about|around|some|nearly|almost|roughly|approximately|up to)\s*$", re.I)


@dataclass(frozen=True)
class Count:
    value: int | None  # None: vague, no number
    lower_bound: bool = False
    approximate: bool = False
    vague: str | None = None


def parse_number(words: str) -> int | None:
    """'five' -> 5, '1,200' -> 1200, 'twenty-one' -> 21, 'two hundred' -> 200, '3' -> 3; else None."""
    w = words.strip().lower().replace("\u2013", "-")
    if not w:
        return None
    digits = w.replace(",", "")
    if re.fullmatch(r"\d+", digits):
        return int(digits)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(thousand|million)", digits)
    if m:
        return int(float(m.group(1)) * _SCALES[m.group(2)])
    total, current = 0, 0
    seen = False
    for part in re.split(r"[\s-]+", w):
        if part == "and":
            continue
        if part == "dozen" and current:
            current *= 12  # "two dozen" is 24, "a dozen" 12
        elif part in _UNITS:
            current += _UNITS[part]
        elif part in _TENS:
            current += _TENS[part]
        elif part in _SCALES:
            current = max(current, 1) * _SCALES[part]
            if _SCALES[part] >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def count_with_context(number_text: str, before: str = "") -> Count:
    """A number phrase with the words just before it ("at least", "about")."""
    low = number_text.strip().lower()
    if low in VAGUE or low.split()[0:1] and low.split()[0] in VAGUE:
        return Count(None, vague=low)
    value = parse_number(low)
    return Count(
        value,
        lower_bound=bool(LOWER_BOUND.search(before)),
        approximate=bool(APPROX.search(before)),
    )
