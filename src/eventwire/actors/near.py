"""Near-miss spellings one edit away, found through an index instead of a scan of every key.

Why: the resolver's near-miss search ("Kazahks", "supremicists") compared each new span with every
knowledge-base key of about its length (rapidfuzz ``extractOne``, ~90 microseconds a span, ~1,000 spans
per 60 bench articles, nearly all of which match nothing). Two strings one edit apart (a substitution,
an insertion, a deletion or two adjacent letters swapped: the optimal string alignment distance) are
equal after deleting at most one letter from each, so the keys worth comparing are those that share
such a "deletion variant" with the span: a few dictionary look-ups. The answer is the one the scan
gave: the nearest key, the earliest in the resolver's key order on a tie.

Spans of 12 letters or more may be two edits from a key, where deletion variants would be too many to
index; there ``TwoEditWindow`` compares only the keys whose letter counts differ from the span's by at
most four (each edit changes them by two at most, a swap not at all), a numpy test over all keys at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from rapidfuzz.distance import OSA


def _variants(word: str) -> Iterable[str]:
    yield word
    for i in range(len(word)):
        yield word[:i] + word[i + 1:]


class OneEditIndex:
    """The keys (in the order that breaks ties) by their deletion variants."""

    def __init__(self, keys: Sequence[str]) -> None:
        self._rank = {k: i for i, k in enumerate(keys)}
        self._by_variant: dict[str, list[str]] = {}
        for k in keys:
            for v in set(_variants(k)):
                self._by_variant.setdefault(v, []).append(k)

    def nearest(self, span: str) -> str | None:
        """The key at most one edit from ``span`` (the nearest, then the earliest), or None."""
        found = {k for v in set(_variants(span)) for k in self._by_variant.get(v, ())}
        best, distance = None, 2
        for k in sorted(found, key=self._rank.__getitem__):
            d = OSA.distance(span, k, score_cutoff=1)  # 2 when over the cutoff
            if d < distance:
                best, distance = k, d
        return best


_LETTERS = {c: i for i, c in enumerate("abcdefghijklmnopqrstuvwxyz ")}
_OTHER = len(_LETTERS)  # every other character counts in one column: a looser test, never a stricter one


def _counts(word: str) -> np.ndarray:
    row = np.zeros(_OTHER + 1, dtype=np.int16)
    for c in word:
        row[_LETTERS.get(c, _OTHER)] += 1
    return row


class TwoEditWindow:
    """Keys of about one length (in the order that breaks ties) and their letter counts."""

    def __init__(self, keys: Sequence[str]) -> None:
        self._keys = list(keys)
        self._counts = np.array([_counts(k) for k in keys], dtype=np.int16).reshape(len(keys), _OTHER + 1)

    def nearest(self, span: str) -> str | None:
        """The key at most two edits from ``span`` (the nearest, then the earliest), or None."""
        close = np.flatnonzero(np.abs(self._counts - _counts(span)).sum(axis=1) <= 4)
        best, distance = None, 3
        for i in close.tolist():
            d = OSA.distance(span, self._keys[i], score_cutoff=2)  # 3 when over the cutoff
            if d < distance:
                best, distance = self._keys[i], d
        return best
