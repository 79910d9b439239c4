"""Times: temporal expressions resolved against the publication date.

CONTRACT (used by the events stage; keep these signatures):

    find_times(text, published, offset=0) -> list[When]
        # every temporal expression in `text` (a sentence or paragraph), resolved; each When has
        # char_start/char_end = offset + position in text, and .text = the expression as written.
        # Without a publication date, relative expressions come back with start/end None,
        # precision None and reason set (text kept). Never raises.
    resolve_time(expression, published) -> When | None    # one expression

Both take an optional keyword ``future=False``: news reports the past, so a weekday, a month or a
date without a year is read as the latest one on or before publication; ``future=True`` reads it as
the next one on or after publication (for sentences the caller knows to be about plans or threats).
The rules are listed in docs/times.md.
"""

from __future__ import annotations

import datetime as dt

from ..records import When
from .engine import find_all, resolve_one

__all__ = ["find_times", "resolve_time"]


def find_times(text: str, published: dt.date | None, offset: int = 0, *, future: bool = False) -> list[When]:
    try:
        return find_all(text, published, offset, future)
    except Exception:  # noqa: BLE001 - the contract: a sentence the engine cannot read yields no times
        return []


def resolve_time(expression: str, published: dt.date | None, *, future: bool = False) -> When | None:
    try:
        return resolve_one(expression, published, future)
    except Exception:  # noqa: BLE001 - same contract as find_times
        return None
