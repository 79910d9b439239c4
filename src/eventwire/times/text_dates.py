"""Dates the article's own text fixes beyond one sentence: anaphoric days, and weekdays where the record
gives no publication date.

"The next day", "two days later", "the same day" count from the day the text last named. The time
engine resolves them within the stretch of text it is given (one sentence); a narrative names its
day in one sentence and goes on in the next ("On 3 March, troops entered the town. The next day ...").
``resolve_anaphora`` resolves them against the latest day-precise date written before them in the
article.


A record without a publication date (a scraped page, an everyday-news record) leaves "on Thursday"
unresolved: news reads a weekday against the day it was written, and that day is unknown. The text
itself sometimes settles it: an analyst reading "Wang said in Moscow Thursday" beside a caption dated
"April 5th, 2018" (a Thursday) codes 5 April 2018, because both name the same day. That is all this
module resolves: a weekday where the text writes out a full date (day, month and year) of that weekday
in the week up to the *text's present*, the latest full date the text writes out. Everything else stays
unresolved, as the corpus guideline asks (eval/corpus/ADJUDICATION.md, policy 1): "yesterday", "last
week" and "two days ago" count from the unknown day of writing, and a day and month without a year get
no year guessed from other dates of the text (measured on dev: the older gold leaves them null, so
taking the year of the text's latest date invented dates; docs/times.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..records import When
from .engine import ANAPHORIC, NO_PUB, Atom, Resolver, Unresolved, scan

# the week up to the present in which a weekday may name a day the text writes out in full
WEEK = dt.timedelta(days=6)
# the reason of a date the text's present settled, or counted from a day the text named earlier
TEXT_DATE = "against the text's date"
ANAPHORA_DATE = "counted from an earlier date of the text"
# prepositions that make an expression an open interval or a deadline, which need the day of writing
_OPEN = frozenset({"since", "after", "before", "by", "until", "till"})


@dataclass(frozen=True)
class TextPresent:
    """The latest full date a text writes out, and every full date it writes out."""

    day: dt.date
    days: frozenset[dt.date]


def text_present(text: str) -> TextPresent | None:
    """The text's present, or None when the text writes out no full date."""
    days: set[dt.date] = set()
    resolver = Resolver(None)
    for a in _atoms(text):
        if a.kind == "date" and a.y is not None and a.d2 is None:
            try:
                s, _, _ = resolver.base(a)
            except Unresolved:
                continue
            days.add(s)
    return TextPresent(max(days), frozenset(days)) if days else None


def _atoms(text: str) -> list[Atom]:
    out: list[Atom] = []
    for a in scan(text):
        out.extend(a.parts if a.kind == "range" else (a,))
    return out


def resolve_against_text(w: When, present: TextPresent | None) -> When:
    """``w`` resolved against the text's present where the text settles it; else ``w`` unchanged."""
    if present is None or w.start is not None or w.reason != NO_PUB or not w.text:
        return w
    atoms = scan(w.text)
    if len(atoms) != 1:
        return w
    a = atoms[0]
    if a.prep in _OPEN or a.edge or a.rel:
        return w
    found = _settle(a, present)
    if found is None:
        return w
    s, e, precision = found
    return When(s, e, precision, w.text, w.char_start, w.char_end,
                reason=f"{TEXT_DATE} {present.day.isoformat()} (no publication date)")


def _settle(a: Atom, present: TextPresent) -> tuple[dt.date, dt.date, str] | None:
    if a.kind == "weekday" and a.wd is not None and not a.n:
        named = {d for d in present.days if d.weekday() == a.wd and present.day - WEEK <= d <= present.day}
        if len(named) == 1:
            day = next(iter(named))
            return day, day, "day"
    return None


def resolve_anaphora(w: When, earlier: list[When]) -> When:
    """``w`` ("the next day") counted from the latest day-precise date among ``earlier`` (the article's
    dates, in text order) written before it; else ``w`` unchanged."""
    if w.start is not None or w.reason != ANAPHORIC or not w.text or w.char_start is None:
        return w
    atoms = scan(w.text)
    if len(atoms) != 1 or atoms[0].kind != "ana":
        return w
    named = [x for x in earlier if x.precision == "day" and x.start is not None and x.char_end is not None
             and x.char_end <= w.char_start]
    if not named:
        return w
    anchor = named[-1]
    assert anchor.start is not None
    try:
        s, e, precision = Resolver(None).resolve(atoms[0], anchor.start)
    except Unresolved:
        return w
    return When(s, e, precision, w.text, w.char_start, w.char_end,
                reason=f"{ANAPHORA_DATE} '{anchor.text}' ({anchor.start.isoformat()})")
