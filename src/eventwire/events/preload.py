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
    # read in every run's first article otherwise (~0.2 s CPU together, round 16): the word model that
    # completes a party's sector (~90 ms), ACLED's protest word sets, the relevance gate's and the
    # acceptance step's models
    from ..actors import learned
    from . import accept, protest_modes, relevance

    learned.model()
    protest_modes.patterns()
    relevance.default_model()
    accept.default_model()
    if prefilter:
        from .prefilter import _matcher, _speech
        from .sentence_filter import default_filter

        _matcher()
        _speech()  # the verbs of saying and the hostile words (~15 ms)
        default_filter()  # the learned sentence filter (~45 ms), used unless EVENTWIRE_SENTENCE_FILTER=0
