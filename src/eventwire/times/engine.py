"""The rule engine: find temporal expressions with precompiled patterns, then resolve them.

Three passes over a text:

1. *atoms*: every pattern proposes matches (an explicit date, a month, a weekday, "yesterday", ...);
   overlapping proposals are settled longest-first, so "Monday, Feb. 3" beats "Monday".
2. *context*: the words just before an atom ("on", "since", "before the end of", "early", "last")
   join its span and change its meaning; two atoms joined by "to", "and" (after "between") or a
   dash become one range.
3. *resolution*: each expression becomes an interval against the publication date. Anaphoric
   expressions ("the following day") are resolved against the latest day-precise date found
   before them in the same text.

The rules are documented in docs/times.md; the team's table is tests/times/data/dates.jsonl.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..records import When
from . import calendar as cal
from .lexicon import (
    AMBIGUOUS_MONTHS,
    MONTHS,
    NUMBER_WORDS,
    SEASONS,
    TIME_PREPOSITIONS,
    VAGUE_WORDS,
    WEEKDAY_NAMES_NOT_DATES,
    WEEKDAYS,
)

NO_PUB = "no publication date"
ANAPHORIC = "relative to another date, and no earlier date in the text"

# --------------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------------

_MON = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_DAYN = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:19|20)\d\d\b"
_RSEP = r"\s*(?:-|–|—|to|through|and)\s*"
_NUM = (
    r"(?:\d{1,3}|a\s+couple\s+of|couple\s+of|a\s+few|few|several|some|many|an?|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
)
_UNIT = r"(?:hour|day|week|month|year)"

# Cheap gates: each family of patterns runs only when a word it needs is in the text, so a sentence
# without time words costs a few substring tests.
_DIGIT = re.compile(r"\d")
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASON_WORDS = ("spring", "summer", "autumn", "fall", "winter")
_PERIOD_WORDS = ("week", "month", "year", *_SEASON_WORDS)
_CONTEXT_WORDS = frozenset({
    "on", "in", "at", "over", "during", "throughout", "since", "from", "between", "after", "before", "by",
    "until", "till", "through", "of", "early", "mid", "late", "last", "next", "this", "past", "coming",
})  # fmt: skip
_RELATIVE_GATE = (
    "day",
    "night",
    "tomorrow",
    "ago",
    "hour",
    "morning",
    "afternoon",
    "evening",
    *_PERIOD_WORDS,
)
_LOWER_WORD_NEXT = re.compile(r" [a-z]+\b(?! (?:of|per)\b)")
_PREV_WORD = re.compile(r"([A-Za-z]+)[\s-]*$")

_P_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
_P_SLASH = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d)\b")
_P_MD = re.compile(
    rf"(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MON})\s*(?P<d>{_DAYN})"
    rf"(?:(?P<sep>{_RSEP})(?P<d2>{_DAYN}))?(?:,?\s+(?P<y>{_YEAR}))?"
)
_P_DM = re.compile(
    rf"(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?\b(?P<d>{_DAYN})(?:(?P<sep>{_RSEP})(?P<d2>{_DAYN}))?"
    rf"\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR}))?"
)
_P_MY = re.compile(rf"(?P<mon>{_MON}),?\s+(?P<y>{_YEAR})")
_P_BMON = re.compile(rf"(?P<mon>{_MON})(?!\s*,?\s*\d)")
_P_YEAR = re.compile(
    rf"(?<![\d,.$£€/])(?<!\d-)\b(?P<y>{_YEAR})(?:\s*(?:-|–|—|to)\s*(?P<y2>(?:19|20)\d\d|\d\d)\b)?(?![.,]\d|%)"
)
_P_DECADE = re.compile(r"\b(?:the\s+)?(?P<dec>(?:19|20)\d0)'?s\b")
_P_SEASON = re.compile(
    rf"(?i:\b(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter))(?:\s+of)?\s+(?P<y>{_YEAR})"
)
_P_WD = re.compile(rf"(?P<wd>{_WD})(?:\s+(?P<part>morning|afternoon|evening|night))?")
_P_OFFSET = re.compile(
    r"(?i)\b(?:(?P<dby>(?:the\s+)?day\s+before\s+yesterday)"
    r"|(?P<yest>yesterday)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?P<today>(?:(?:earlier|later)\s+)?today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?P<lastnight>(?:late\s+)?last\s+night)"
    r"|(?P<tomorrow>tomorrow))\b"
)
_P_OVERNIGHT = re.compile(
    rf"(?i:\b(?P<art>an\s+|the\s+)?overnight\b)(?:\s+(?P<into>(?i:into|to|on)\s+)?(?P<wd>{_WD}))?"
)
_P_AGO = re.compile(rf"(?i)\b(?:(?P<n>{_NUM})\s+)?(?P<u>{_UNIT})s?\s+ago\b")
_P_CAL = re.compile(
    r"(?i)\b(?:(?P<mod>earlier|later|early|late|mid-?)\s*)?(?P<which>this\s+past|this|last|next|coming)\s+"
    r"(?P<u>week|month|year|weekend|spring|summer|autumn|fall|winter)\b"
)
_P_WEEKEND = re.compile(r"(?i)\b(?:the\s+)?weekend\b(?!s)")
_P_ROLL = re.compile(
    rf"(?i)\b(?P<the>the\s+)?(?P<which>last|past|previous|preceding)\s+(?:(?P<n>{_NUM})\s+)?(?P<u>{_UNIT})s?\b"
    r"(?!\s+of\b)"
)
_P_RECENT = re.compile(r"(?i)\b(?:the\s+)?recent\s+(?P<u>day|week|month|year)s\b")
_P_COMING = re.compile(rf"(?i)\bthe\s+(?:coming|next)\s+(?:(?P<n>{_NUM})\s+)?(?P<u>{_UNIT})s?\b")
_P_ANA = re.compile(
    rf"(?i)\b(?:the\s+(?P<rel>following|next|previous|same)\s+day|the\s+day\s+(?P<ba>before|after)"
    rf"|(?P<n>{_NUM})\s+(?P<u>day|week)s?\s+(?P<dir>later|earlier))\b"
)
_P_THE_PERIOD = re.compile(r"(?i)\bthe\s+(?P<u>week|month|year)\b")

# What may stand just before an atom and join it.
_PRE = re.compile(
    r"(?i)(?:\b(?P<prep>on|in|at|over|during|throughout|since|from|between|after|before|by|until|till|through)\s+)?"
    r"(?:\b(?P<edge>(?:the\s+)?(?:start|beginning|middle|end|first\s+half|second\s+half)\s+of|early|mid|late)"
    r"[\s-]*(?:the\s+)?)?"
    r"(?:\b(?P<rel>last|next|this|past|coming)\s+)?$"
)
_GAP = re.compile(r"(?i)^\s*(?P<g>-|–|—|to|through|till|until|and)\s*$")

_EDGE_NAMES = {
    "start of": "early", "beginning of": "early", "middle of": "mid", "end of": "late",
    "first half of": "first half", "second half of": "second half", "early": "early", "mid": "mid",
    "late": "late",
}  # fmt: skip

# --------------------------------------------------------------------------------------------------
# Atoms
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Atom:
    """One expression found in the text, before it is resolved."""

    start: int
    end: int
    kind: str  # date | month | year | season | decade | weekday | offset | ago | cal | weekend | roll | ...
    y: int | None = None
    m: int | None = None
    d: int | None = None
    y2: int | None = None
    d2: int | None = None
    wd: int | None = None
    n: int | None = None  # count for "two weeks ago"; None for a vague count ("a few")
    unit: str | None = None
    word: str | None = None  # the rule's keyword (which, rel, mod, season name, ...)
    mod: str | None = None
    prep: str | None = None
    edge: str | None = None
    rel: str | None = None
    invalid: str | None = None
    parts: tuple[Atom, ...] = ()  # a range made of two atoms


def _count(word: str | None) -> int | None:
    if word is None:
        return 1
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    if w in VAGUE_WORDS:
        return None
    return NUMBER_WORDS.get(w, 1)


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text, max(0, pos - 24), pos)
    return m.group(1).lower() if m else ""


def _is_between(text: str, start: int) -> bool:
    return _prev_word(text, start) == "between"


def _day_range(m: re.Match[str], text: str) -> tuple[int | None, int]:
    """The second day of "May 15-24"; "and" only joins days after "between" ("Feb. 1 and 5 people")."""
    if not m.group("d2"):
        return None, m.end()
    sep = m.group("sep").strip().lower()
    if sep == "and" and not _is_between(text, m.start()):
        return None, m.end("d")
    return _day(m.group("d2")), m.end()


def _atoms_dates(text: str, digits: bool, months: bool) -> list[Atom]:
    out: list[Atom] = []
    for pattern in (_P_MD, _P_DM) if digits and months else ():
        for m in pattern.finditer(text):
            d2, end = _day_range(m, text)
            year = int(m.group("y")) if m.group("y") and (d2 is not None or end == m.end()) else None
            if year is not None:
                end = m.end()
            elif m.group("y") and d2 is None and end != m.end():
                end = m.end("d")
            if pattern is _P_DM and d2 is None and m.group("y") is None:
                end = m.end("mon")
            wd = WEEKDAYS[m.group("wd").lower()] if m.group("wd") else None
            out.append(
                Atom(
                    m.start(),
                    end,
                    "date",
                    y=year,
                    m=_month(m.group("mon")),
                    d=_day(m.group("d")),
                    d2=d2,
                    wd=wd,
                )
            )
    for m in _P_ISO.finditer(text) if digits else ():
        out.append(
            Atom(m.start(), m.end(), "date", y=int(m.group("y")), m=int(m.group("m")), d=int(m.group("d")))
        )
    for m in _P_SLASH.finditer(text) if digits and "/" in text else ():
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 and b > 12:
            continue  # not a date at all
        if a > 12 >= b:
            out.append(Atom(m.start(), m.end(), "date", y=int(m.group("y")), m=b, d=a))
        elif b > 12 >= a:
            out.append(Atom(m.start(), m.end(), "date", y=int(m.group("y")), m=a, d=b))
        else:
            out.append(Atom(m.start(), m.end(), "date", invalid="ambiguous numeric date (day/month order)"))
    if not months:
        return out
    for m in _P_MY.finditer(text) if digits else ():
        out.append(Atom(m.start(), m.end(), "month", y=int(m.group("y")), m=_month(m.group("mon"))))
    for m in _P_BMON.finditer(text):
        name = m.group("mon").lower().rstrip(".")
        # an ambiguous word or a bare abbreviation ("Dec.") only counts after a time word
        needs_context = name in AMBIGUOUS_MONTHS or (len(name) <= 4 and name not in ("june", "july"))
        if needs_context and _prev_word(text, m.start()) not in TIME_PREPOSITIONS:
            continue
        out.append(Atom(m.start(), m.end(), "month", m=_month(m.group("mon"))))
    return out


def _atoms_years(text: str, digits: bool) -> list[Atom]:
    out: list[Atom] = []
    if not digits:
        return out
    for m in _P_YEAR.finditer(text):
        y = int(m.group("y"))
        y2 = None
        if m.group("y2"):
            raw = m.group("y2")
            y2 = int(raw) if len(raw) == 4 else y // 100 * 100 + int(raw)
            if y2 <= y:
                y2 = None
        prev = _prev_word(text, m.start())
        # "a 2008 raid", "the 2019 election": a year used as an adjective still dates its noun
        adjective = prev in ("a", "an", "the") and _LOWER_WORD_NEXT.match(text, m.end()) is not None
        if y2 is None and prev not in TIME_PREPOSITIONS and not adjective:
            continue
        end = m.end() if y2 is not None else m.end("y")
        out.append(Atom(m.start(), end, "year", y=y, y2=y2))
    for m in _P_DECADE.finditer(text):
        out.append(Atom(m.start(), m.end(), "decade", y=int(m.group("dec"))))
    for m in _P_SEASON.finditer(text):
        out.append(Atom(m.start(), m.end(), "season", y=int(m.group("y")), word=m.group("s").lower()))
    return out


def _atoms_relative(text: str, low: str) -> list[Atom]:
    out: list[Atom] = []
    has_day = "day" in low
    periods = any(w in low for w in _PERIOD_WORDS)
    for m in _P_WD.finditer(text) if has_day else ():
        if _prev_word(text, m.start()) in WEEKDAY_NAMES_NOT_DATES:
            continue
        out.append(Atom(m.start(), m.end(), "weekday", wd=WEEKDAYS[m.group("wd").lower()]))
    for m in (
        _P_OFFSET.finditer(text) if has_day or "night" in low or "tomorrow" in low or "this" in low else ()
    ):
        shift = {"dby": -2, "yest": -1, "today": 0, "lastnight": -1, "tomorrow": 1}[m.lastgroup or "today"]
        out.append(Atom(m.start(), m.end(), "offset", n=shift))
    for m in _P_OVERNIGHT.finditer(text) if "overnight" in low else ():
        if m.group("art") and not m.group("wd"):
            continue  # "an overnight curfew": an adjective, not a time
        start = m.start() + (len(m.group("art")) if m.group("art") else 0)
        if m.group("wd"):
            into = (m.group("into") or "").strip().lower() in ("into", "to")
            out.append(
                Atom(start, m.end(), "weekday", wd=WEEKDAYS[m.group("wd").lower()], n=-1 if into else 0)
            )
        else:
            out.append(Atom(start, m.end(), "offset", n=-1, word="overnight"))
    for m in _P_AGO.finditer(text) if "ago" in low else ():
        out.append(Atom(m.start(), m.end(), "ago", n=_count(m.group("n")), unit=m.group("u").lower()))
    for m in _P_CAL.finditer(text) if periods else ():
        which = " ".join(m.group("which").lower().split())
        mod = (m.group("mod") or "").lower().rstrip("-") or None
        out.append(Atom(m.start(), m.end(), "cal", word=which, unit=m.group("u").lower(), mod=mod))
    for m in _P_WEEKEND.finditer(text) if "weekend" in low else ():
        out.append(Atom(m.start(), m.end(), "weekend"))
    for m in _P_ROLL.finditer(text) if periods or has_day or "hour" in low else ():
        which = m.group("which").lower()
        unit = m.group("u").lower()
        if not m.group("the") and not m.group("n") and which == "last":
            continue  # "last week" is the calendar week (see _P_CAL)
        if not m.group("n") and unit == "day" and which != "past":
            continue  # "the previous day" is anaphoric, "the last day of" is not a period
        plural = text[m.end("u") : m.end()].lower() == "s"
        n = _count(m.group("n")) if m.group("n") else (None if plural else 1)
        out.append(Atom(m.start(), m.end(), "roll", n=n, unit=unit))
    for m in _P_RECENT.finditer(text) if "recent" in low else ():
        out.append(Atom(m.start(), m.end(), "roll", n=None, unit=m.group("u").lower()))
    for m in _P_COMING.finditer(text) if "the " in low and (periods or has_day or "hour" in low) else ():
        unit = m.group("u").lower()
        plural = text[m.end("u") : m.end()].lower() == "s"
        if not m.group("n") and not plural:
            continue  # "the next day" is anaphoric
        n = _count(m.group("n")) if m.group("n") else None
        out.append(Atom(m.start(), m.end(), "coming", n=n, unit=unit))
    for m in _P_ANA.finditer(text) if has_day or "week" in low else ():
        if m.group("rel"):
            shift = {"following": 1, "next": 1, "previous": -1, "same": 0}[m.group("rel").lower()]
            out.append(Atom(m.start(), m.end(), "ana", n=shift, unit="day"))
        elif m.group("ba"):
            out.append(
                Atom(m.start(), m.end(), "ana", n=-1 if m.group("ba").lower() == "before" else 1, unit="day")
            )
        else:
            n = _count(m.group("n"))
            if n is None:
                continue
            sign = 1 if m.group("dir").lower() == "later" else -1
            out.append(Atom(m.start(), m.end(), "ana", n=sign * n, unit=m.group("u").lower()))
    for m in _P_THE_PERIOD.finditer(text) if periods else ():
        out.append(Atom(m.start(), m.end(), "theperiod", unit=m.group("u").lower()))
    return out


def _select(atoms: list[Atom]) -> list[Atom]:
    """Settle overlaps: the longest proposal wins, then the earliest."""
    chosen: list[Atom] = []
    for a in sorted(atoms, key=lambda a: (a.start - a.end, a.start)):
        if all(a.end <= c.start or a.start >= c.end for c in chosen):
            chosen.append(a)
    return sorted(chosen, key=lambda a: a.start)


def _with_context(text: str, atom: Atom, floor: int) -> Atom:
    """Join the preposition, edge ("end of", "early") and "last/next" standing just before an atom."""
    if _prev_word(text, atom.start) not in _CONTEXT_WORDS:
        return atom
    m = _PRE.search(text, max(floor, atom.start - 48), atom.start)
    if not m or m.start() == atom.start:
        return atom
    prep = m.group("prep").lower() if m.group("prep") else None
    edge = " ".join(m.group("edge").lower().split()) if m.group("edge") else None
    if edge and edge.startswith("the "):
        edge = edge[4:]
    edge = _EDGE_NAMES.get(edge, edge) if edge else None
    rel = m.group("rel").lower() if m.group("rel") else None
    start = m.start()
    if rel and atom.kind not in ("weekday", "month", "season") or rel and atom.y is not None:
        # "last" only qualifies a weekday or a bare month; anything before it cannot join either
        return atom
    if (
        edge
        and atom.kind in ("offset", "ago", "ana", "roll", "coming", "weekend", "date")
        and atom.d2 is None
    ):
        # "late yesterday", "the end of Feb. 3": the edge adds nothing to a single day
        if atom.kind in ("ana", "roll", "coming", "ago"):
            return atom
        edge = None
    if atom.kind == "theperiod" and not edge:
        return atom
    if atom.kind == "cal" and atom.mod and edge:
        edge = None
    return replace(atom, start=start, prep=prep, edge=edge, rel=rel)


def _merge_ranges(text: str, atoms: list[Atom]) -> list[Atom]:
    """Join "from A to B", "between A and B", "A - B" into one range atom."""
    joinable = ("date", "month", "year", "weekday", "season")
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms) and a.kind in joinable and atoms[i + 1].kind in joinable:
            b = atoms[i + 1]
            g = _GAP.match(text[a.end : b.start]) if b.prep is None and b.edge is None else None
            if g:
                word = g.group("g").lower()
                ok = (word == "and" and a.prep == "between") or word != "and"
                if ok and a.prep in (None, "from", "between", "in", "on", "during"):
                    out.append(Atom(a.start, b.end, "range", prep=a.prep, parts=(replace(a, prep=None), b)))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def scan(text: str) -> list[Atom]:
    """Every time expression in ``text`` as atoms with their context, before resolution."""
    low = text.lower()
    digits = _DIGIT.search(text) is not None
    months = any(stem in text for stem in _MONTH_STEMS)
    proposals: list[Atom] = []
    if digits or months:
        proposals += _atoms_dates(text, digits, months)
    if digits:
        proposals += _atoms_years(text, digits)
    if any(w in low for w in _RELATIVE_GATE):
        proposals += _atoms_relative(text, low)
    if not proposals:
        return []
    atoms = _select(proposals)
    joined: list[Atom] = []
    floor = 0
    for a in atoms:
        a = _with_context(text, a, floor)
        if a.kind == "theperiod" and not a.edge:
            continue
        joined.append(a)
        floor = a.end
    return _merge_ranges(text, joined)


# --------------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------------

Interval = tuple[dt.date, dt.date, str]


class Unresolved(Exception):
    """Raised inside resolution with the reason an expression stays without dates."""


VAGUE_UPPER = {
    "hour": ("day", 2),
    "day": ("day", 7),
    "week": ("day", 42),
    "month": ("month", 6),
    "year": ("year", 5),
}


def _shift(day: dt.date, unit: str, n: int) -> dt.date:
    if unit == "hour":
        return day - dt.timedelta(days=(-n + 23) // 24) if n < 0 else day + dt.timedelta(days=(n + 23) // 24)
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(days=7 * n)
    if unit == "month":
        return cal.add_months(day, n)
    return cal.add_years(day, n)


def _season(name: str, year: int) -> tuple[dt.date, dt.date]:
    first, length = SEASONS[name]
    start = dt.date(year, first, 1)
    last = cal.add_months(start, length - 1)
    return start, cal.month_end(last.year, last.month)


def _need(pub: dt.date | None) -> dt.date:
    if pub is None:
        raise Unresolved(NO_PUB)
    return pub


class Resolver:
    """Resolves atoms against one publication date (and one reading of tense)."""

    def __init__(self, pub: dt.date | None, future: bool = False) -> None:
        self.pub = pub
        self.future = future

    # -- yearless things: the past (or, for future=True, the coming) occurrence nearest ``ref``
    def _md_year(self, a: Atom, ref: dt.date, forward: bool) -> dt.date:
        assert a.m is not None and a.d is not None
        if cal.safe_date(2000, a.m, a.d) is None:  # 2000 is a leap year: anything invalid there is invalid
            raise Unresolved(f"invalid date: month {a.m} has no day {a.d}")
        step = 1 if forward else -1
        candidates: list[dt.date] = []
        year = ref.year
        while len(candidates) < 3 and abs(year - ref.year) <= 8:
            day = cal.safe_date(year, a.m, a.d)
            if day is not None and (day >= ref if forward else day <= ref):
                candidates.append(day)
            year += step
        if a.wd is not None:  # "Thursday, Dec. 15": the weekday tells the year
            for day in candidates:
                if day.weekday() == a.wd:
                    return day
        return candidates[0]

    def _month_year(self, month: int, ref: dt.date, forward: bool) -> int:
        if forward:
            return ref.year if month >= ref.month else ref.year + 1
        return ref.year if month <= ref.month else ref.year - 1

    def _weekday(self, wd: int, ref: dt.date, forward: bool, rel: str | None) -> dt.date:
        if rel == "last" or rel == "past":
            return cal.weekday_before(ref, wd)
        if rel in ("next", "coming"):
            return cal.weekday_after(ref, wd)
        return cal.weekday_on_or_after(ref, wd) if forward else cal.weekday_on_or_before(ref, wd)

    def _weekend(self, pub: dt.date, which: str | None) -> Interval:
        if which in ("next", "coming") or (which is None and self.future and pub.weekday() < 5):
            sat = cal.weekday_after(pub, 5)
            return sat, sat + cal.DAY, "range"
        sat = pub - cal.DAY if pub.weekday() == 6 else cal.weekday_on_or_before(pub, 5)
        if which == "last" and pub.weekday() == 5:
            sat = pub - dt.timedelta(days=7)
        return sat, min(sat + cal.DAY, pub), "range"

    def base(self, a: Atom, ref: dt.date | None = None, forward: bool | None = None) -> Interval:
        """The interval an atom names on its own (no preposition, no edge)."""
        if a.invalid:
            raise Unresolved(a.invalid)
        fwd = self.future if forward is None else forward
        k = a.kind
        if k == "date":
            assert a.m is not None and a.d is not None
            if a.y is not None:
                day = cal.safe_date(a.y, a.m, a.d)
                if day is None:
                    raise Unresolved(f"invalid date: {a.y}-{a.m:02d}-{a.d:02d}")
            else:
                day = self._md_year(a, ref or _need(self.pub), fwd)
            if a.d2 is not None:
                end = cal.safe_date(day.year, day.month, a.d2)
                if end is None or end < day:
                    raise Unresolved(f"invalid day range {a.d}-{a.d2}")
                return day, end, "range"
            return day, day, "day"
        if k == "month":
            assert a.m is not None
            if a.y is not None:
                year = a.y
            else:
                at = ref or _need(self.pub)
                if a.rel in ("last", "past"):  # "last March": strictly before the current month
                    year = at.year - 1 if a.m >= at.month else at.year
                elif a.rel in ("next", "coming"):
                    year = at.year + 1 if a.m <= at.month else at.year
                else:
                    year = self._month_year(a.m, at, fwd)
            s, e = cal.month_span(year, a.m)
            return s, e, "month"
        if k == "year":
            assert a.y is not None
            if a.y2 is not None:
                return dt.date(a.y, 1, 1), dt.date(a.y2, 12, 31), "range"
            s, e = cal.year_span(a.y)
            return s, e, "year"
        if k == "decade":
            assert a.y is not None
            return dt.date(a.y, 1, 1), dt.date(a.y + 9, 12, 31), "range"
        if k == "season":
            assert a.word is not None
            if a.y is not None:
                s, e = _season(a.word, a.y)
                return s, e, "range"
            pub = ref or _need(self.pub)
            return self._relative_season(a.word, a.rel, pub)
        if k == "weekday":
            pub = _need(self.pub)
            day = self._weekday(a.wd or 0, ref or pub, fwd, a.rel)
            if a.n:  # "overnight into Monday": the night began the day before
                day += dt.timedelta(days=a.n)
            return day, day, "day"
        if k == "range":
            return self._range(a)
        pub = _need(self.pub)
        if k == "offset":
            day = pub + dt.timedelta(days=a.n or 0)
            return day, day, "day"
        if k == "ago":
            unit = a.unit or "day"
            if a.n is None:
                top_unit, top = VAGUE_UPPER[unit]
                low = 2 if unit != "hour" else 0
                return _shift(pub, top_unit, -top), _shift(pub, unit, -low), "range"
            day = _shift(pub, unit, -a.n)
            precision = {"hour": "day", "day": "day", "week": "week", "month": "month", "year": "year"}[unit]
            return day, day, precision
        if k in ("roll", "coming"):
            unit = a.unit or "day"
            if a.n is None:
                top_unit, top = VAGUE_UPPER[unit]
            else:
                top_unit, top = unit, a.n
            if k == "roll":
                return _shift(pub, top_unit, -top), pub, "range"
            return pub, _shift(pub, top_unit, top), "range"
        if k == "weekend":
            return self._weekend(pub, None)
        if k == "cal":
            return self._calendar(a, pub)
        if k == "theperiod":
            return self._calendar(replace(a, word="this", mod=None), pub)
        raise Unresolved(f"unsupported expression ({k})")

    def _relative_season(self, name: str, rel: str | None, pub: dt.date) -> Interval:
        this = _season(name, pub.year if name != "winter" or pub.month == 12 else pub.year - 1)
        if rel in ("last", "past"):
            year = this[0].year if this[1] < pub else this[0].year - 1
        elif rel in ("next", "coming"):
            year = this[0].year if this[0] > pub else this[0].year + 1
        elif self.future:
            year = this[0].year if this[1] >= pub else this[0].year + 1
        else:
            year = this[0].year if this[0] <= pub else this[0].year - 1
        s, e = _season(name, year)
        return s, e, "range"

    def _calendar(self, a: Atom, pub: dt.date) -> Interval:
        which, unit, mod = a.word, a.unit, a.mod
        if unit == "weekend":
            return self._weekend(
                pub, "next" if which in ("next", "coming") else ("last" if which == "last" else None)
            )
        if unit in SEASONS:
            return self._relative_season(unit, which, pub)
        step = {"this": 0, "this past": -1, "last": -1, "next": 1, "coming": 1}.get(which or "this", 0)
        if unit == "week":
            s, e = cal.week_of(pub + dt.timedelta(days=7 * step))
            precision = "week"
        elif unit == "month":
            first = cal.add_months(pub.replace(day=1), step)
            s, e = cal.month_span(first.year, first.month)
            precision = "month"
        else:
            s, e = cal.year_span(pub.year + step)
            precision = "year"
        if which == "this past" and unit == "week":
            s, e, precision = pub - dt.timedelta(days=7), pub, "range"
        if mod == "earlier":
            return s, max(s, min(e, pub - cal.DAY)), "range"
        if mod == "later":
            return min(e, max(s, pub + cal.DAY)), e, "range"
        if mod:
            s, e = _edge_of(s, e, precision, mod)
            return s, e, "range"
        return s, e, precision

    def _range(self, a: Atom) -> Interval:
        first, second = a.parts
        if (
            second.kind in ("date", "month")
            and second.y is None
            and first.y is not None
            and first.kind == "date"
        ):
            s1, e1, _ = self.base(first)
            s2, e2, _ = self.base(second, ref=s1, forward=True)
        else:
            s2, e2, _ = self.base(second)
            needs_ref = first.y is None and first.kind in ("date", "month", "weekday", "season")
            if needs_ref and second.kind == "date" and first.kind == "month" and first.m == second.m:
                needs_ref = True
            s1, e1, _ = self.base(first, ref=e2 if needs_ref else None, forward=False if needs_ref else None)
            if needs_ref and s1 > s2 and first.kind == "weekday":
                s1 = s1 - dt.timedelta(days=7)
        if s1 > e2:
            raise Unresolved("range ends before it starts")
        return s1, e2, "range"

    def resolve(self, a: Atom, anchor: dt.date | None) -> Interval:
        if a.kind == "ana":
            if anchor is None:
                raise Unresolved(ANAPHORIC)
            day = _shift(anchor, a.unit or "day", a.n or 0)
            return day, day, "day" if a.unit == "day" else "week"
        prep, edge = a.prep, a.edge
        deadline = prep in ("before", "by", "until", "till")
        s, e, precision = self.base(a)
        # "by the end of March" is a deadline at March's end, not the last third of March
        if edge and precision in ("month", "year", "week", "range") and not (deadline and edge == "late"):
            s, e = _edge_of(s, e, precision, edge)
            precision = "range"
        if prep in ("since", "after"):
            pub = _need(self.pub)
            begin = e + cal.DAY if prep == "after" else s
            if begin > pub:
                raise Unresolved(f"'{prep}' a date after publication")
            return begin, pub, "range"
        if deadline:
            pub = _need(self.pub)
            if (
                e < pub
                and a.y is None
                and a.kind in ("date", "month", "weekday", "season", "cal")
                and edge == "late"
            ):
                s, e, precision = self.base(a, forward=True)  # "before the end of March" is a deadline
            if e >= pub:
                return pub, e, "range"
            raise Unresolved(f"open interval: {prep} {e.isoformat()}")
        return s, e, precision


def _edge_of(s: dt.date, e: dt.date, precision: str, edge: str) -> tuple[dt.date, dt.date]:
    """Early/mid/late thirds of a period; a year splits into Jan-Apr, May-Aug, Sep-Dec."""
    if edge in ("first half", "second half"):
        mid = s + dt.timedelta(days=((e - s).days + 1) // 2)
        return (s, mid - cal.DAY) if edge == "first half" else (mid, e)
    if precision == "year":
        bounds = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[edge]
        return dt.date(s.year, bounds[0], 1), cal.month_end(s.year, bounds[1])
    if precision == "month":
        bounds = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}[edge]
        return s.replace(day=bounds[0]), min(e, s.replace(day=min(bounds[1], e.day)))
    days = (e - s).days + 1
    third = max(1, days // 3)
    if edge == "early":
        return s, s + dt.timedelta(days=third - 1)
    if edge == "mid":
        return s + dt.timedelta(days=third), min(e, s + dt.timedelta(days=2 * third - 1))
    return min(e, s + dt.timedelta(days=2 * third)), e


# --------------------------------------------------------------------------------------------------
# Public entry points (re-exported by eventwire.times)
# --------------------------------------------------------------------------------------------------


def find_all(text: str, published: dt.date | None, offset: int = 0, future: bool = False) -> list[When]:
    resolver = Resolver(published, future)
    out: list[When] = []
    anchor: dt.date | None = None
    for a in scan(text):
        span = text[a.start : a.end]
        try:
            s, e, precision = resolver.resolve(a, anchor)
        except Unresolved as why:
            out.append(When(None, None, None, span, offset + a.start, offset + a.end, str(why)))
            continue
        reason = "deadline" if a.prep in ("before", "by", "until", "till") else None
        out.append(When(s, e, precision, span, offset + a.start, offset + a.end, reason))
        if precision == "day":
            anchor = s
    return out


def resolve_one(expression: str, published: dt.date | None, future: bool = False) -> When | None:
    found = find_all(expression, published, 0, future)
    if not found:
        return None
    # the expression as a whole: prefer the one that covers most of it
    return max(found, key=lambda w: (w.char_end or 0) - (w.char_start or 0))


Finder = Callable[[str, "dt.date | None", int], list[When]]
