"""The near-miss indexes (actors/near.py) answer as a scan of every key does: the nearest key within
the edit cutoff, the earliest in key order on a tie, None when nothing is near."""

from __future__ import annotations

import random

from rapidfuzz import process
from rapidfuzz.distance import OSA

from eventwire.actors.near import OneEditIndex, TwoEditIndex


def _misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    op = rng.choice("sidt")
    if op == "s":
        return word[:i] + rng.choice("aeioutx ") + word[i + 1:]
    if op == "i":
        return word[:i] + rng.choice("aeioutx-") + word[i:]
    if op == "d":
        return word[:i] + word[i + 1:]
    return word[:i] + word[i + 1:i + 2] + word[i:i + 1] + word[i + 2:]


def test_nearest_key_is_the_one_a_full_scan_finds() -> None:
    rng = random.Random(7)
    words = ["taliban", "talibans", "hezbollah", "kazakhs", "kazakh", "separatists", "separatist", "militants",
             "militant", "insurgents", "supremacists", "white supremacists", "islamic state", "security forces",
             "rebel fighters", "paramilitaries", "peacekeepers", "peacekeeper", "government forces"]
    keys = sorted(words)
    one, two = OneEditIndex([k for k in keys if len(k) <= 12]), TwoEditIndex(keys)
    spans = ["kazahks", "talibon", "hezbolah", "zzzzzzzz", "qqqqqqqqqqqqqqq", "securty forcess"]
    spans += [_misspell(w, rng) for w in words for _ in range(4)]
    spans += [_misspell(_misspell(w, rng), rng) for w in words for _ in range(4)]
    found = 0
    for span in (s for s in spans if len(s) >= 6):
        cutoff = 1 if len(span) < 12 else 2
        window = [k for k in keys if abs(len(k) - len(span)) <= cutoff]
        scan = process.extractOne(span, window, scorer=OSA.distance, score_cutoff=cutoff)
        near = one.nearest(span) if cutoff == 1 else two.nearest(span)
        assert near == (scan[0] if scan else None), span
        found += near is not None
    assert one.nearest("kazahks") == "kazakhs"
    assert two.nearest("securty forcess") == "security forces"
    assert found >= 40  # misspellings are found, not only misses agreed on


def test_ties_go_to_the_earliest_key() -> None:
    # "militant" is one edit from both "militants" and "militart"; the earlier key in order wins
    keys = ["militants", "militart"]
    assert OneEditIndex(keys).nearest("militant") == "militants"
    assert OneEditIndex(list(reversed(keys))).nearest("militant") == "militart"
