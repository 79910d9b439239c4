"""Read, when the pipeline loads, what the coder would otherwise read on first use.

Why: the models and indexes below are built lazily, once per process. Left lazy, the first article a
worker codes pays for all of them (~1.5 s CPU with the shipped data: the ACLED model's JSON 0.7 s, the
office holders' surname index 0.4 s, the role and trigger models and the CAMEO lexicon 0.3 s; the
gazetteer's countries ~15 ms; the actor resolver's near-miss indexes ~50 ms, actors/near.py), which is
startup cost, not per-article cost: a long-running worker pays it once either way, and a first request
or a short benchmark should not see it mixed into coding time. Output does not change: each loader is
the one the coder calls, and each caches its result for the process.

The MiniLM encoder is not loaded here: it is the largest (~1-3 s, ~175 MB) and optional
($EVENTWIRE_ACLED_EMBED=0 switches it off), so it stays lazy (bench/throughput.py loads it itself).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .coder import EventCoder


def preload(coder: EventCoder, *, prefilter: bool = True) -> None:
    from ..times import find_times
    from . import acled, statements, triggers

    coder.actors.prepare()
    coder.places._countries()  # one scan of the gazetteer's place table (~15 ms)
    coder._role_model()
    triggers.cameo_lexicon()
    acled.bundled_model()
    statements.cameo_labels()  # the CAMEO dictionary's 111x labels (~0.2 s: its 37k rows read as CSV)
    find_times("on Monday", None)  # imports the time engine and compiles its patterns
    if prefilter:
        from .prefilter import _matcher

        _matcher()
