"""Article context: the distinctive names an article uses (places, groups, people), compared
between two articles. Reports of one incident name the same streets, towns and groups; reports
of different incidents of one kind ("the United States condemns ...") share few."""

from __future__ import annotations

import functools
import re

_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?|[A-Z]{2,6})\b")
_COMMON_TEXT = (
    "The This That These Those There Their They He She His Her It Its We Our You In On At For From By With "
    "After Before During But And Or As An A Mr Mrs Ms Dr President Minister Government Police Army Forces "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Today Yesterday Last Next When While Some Many Most One Two "
    "Three Four Five Six Seven Eight Nine Ten However Also Meanwhile Earlier Later According Reuters AP AFP "
    "United States State States US UK UN EU News Image Photo Copyright Caption Getty Read More Said"
)
_COMMON = frozenset(_COMMON_TEXT.split())


@functools.lru_cache(maxsize=1)
def _country_words() -> tuple[frozenset[str], tuple[str, ...]]:
    import pycountry

    words: set[str] = set()
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if name:
                words.update(w.lower() for w in re.findall(r"[A-Za-z]+", name) if len(w) > 3)
    return frozenset(words), tuple(sorted(w[:5] for w in words if len(w) >= 5))


def _countryish(word: str) -> bool:
    """A country's name or its demonym (Iraq, Iraqi, Syrian, Afghan): shared by every report of a region."""
    exact, stems = _country_words()
    return word in exact or (len(word) >= 5 and word[:5] in stems)


def names(text: str) -> frozenset[str]:
    """Capitalised words that are not at a sentence start, common words, countries or demonyms."""
    out = set()
    for m in _NAME.finditer(text):
        w = m.group(1)
        start = m.start(1)
        before = text[max(0, start - 2):start]
        if start == 0 or before.endswith(("\n", ". ", "? ", "! ", '"', "“")) or w in _COMMON:
            continue
        if not _countryish(w.lower()):
            out.add(w.lower())
    return frozenset(out)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """0..1 from the number of distinctive names two articles share: 2 or fewer count for nothing,
    7 or more fully (reports of one incident name its streets, towns, groups and people)."""
    return min(1.0, max(0, len(a & b) - 2) / 5)
