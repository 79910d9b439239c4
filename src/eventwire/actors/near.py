"""Near-miss spellings one edit away, found through an index instead of a scan of every key.

Why: the resolver's near-miss search ("Kazahks", "supremicists") compared each new span with every
knowledge-base key of about its length (rapidfuzz ``extractOne``, ~90 microseconds a span, ~1,000 spans
per 60 bench articles, nearly all of which match nothing). Two strings one edit apart (a substitution,
an insertion, a deletion or two adjacent letters swapped: the optimal string alignment distance) are
equal after deleting at most one letter from each, so the keys worth comparing are those that share
such a "deletion variant" with the span: a few dictionary look-ups. The answer is the one the scan
gave: the nearest key, the earliest in the resolver's key order on a tie.

Spans of 12 letters or more may be two edits from a key, where deletion variants would be too many to
index; there ``TwoEditIndex`` compares only the keys whose letter counts differ from the span's by at
most four (each edit changes them by two at most, a swap not at all): one numpy test over the keys
within two letters of its length.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz.distance import OSA


def _variants(word: str) -> set[str]:
    """The word and the words one deletion from it."""
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


class OneEditIndex:
    """The keys (their positions in the order that breaks ties) by their deletion variants."""

    def __init__(self, keys: Sequence[str]) -> None:
        self._keys = list(keys)
        self._by_variant: dict[str, list[int]] = {}
        add = self._by_variant.setdefault
        for i, k in enumerate(self._keys):
            for v in _variants(k):
                add(v, []).append(i)

    def nearest(self, span: str) -> str | None:
        """The key at most one edit from ``span`` (the nearest, then the earliest), or None."""
        found = {i for v in _variants(span) for i in self._by_variant.get(v, ())}
        best, distance = None, 2
        for i in sorted(found):
            d = OSA.distance(span, self._keys[i], score_cutoff=1)  # 2 when over the cutoff
            if d < distance:
                best, distance = self._keys[i], d
        return best


_LETTERS = {c: i for i, c in enumerate("abcdefghijklmnopqrstuvwxyz ")}
_OTHER = len(_LETTERS)  # every other character counts in one column: a looser test, never a stricter one


def _counts(word: str) -> np.ndarray:
    return np.bincount([_LETTERS.get(c, _OTHER) for c in word], minlength=_OTHER + 1).astype(np.int16)


class TwoEditIndex:
    """The keys (in the order that breaks ties) with their letter counts, one table built once; the keys
    of about one length are a slice of it, taken on first use of that length."""

    def __init__(self, keys: Sequence[str]) -> None:
        self._keys = list(keys)
        cells = [(row, _LETTERS.get(c, _OTHER)) for row, k in enumerate(keys) for c in k]
        counts = np.zeros((len(keys), _OTHER + 1), dtype=np.int16)
        if cells:
            rows, cols = zip(*cells, strict=True)
            np.add.at(counts, (np.array(rows), np.array(cols)), 1)
        self._counts = counts
        self._lengths = np.array([len(k) for k in keys], dtype=np.int32)
        self._windows: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def nearest(self, span: str) -> str | None:
        """The key at most two edits from ``span`` (the nearest, then the earliest), or None."""
        window = self._windows.get(len(span))
        if window is None:  # keys within two edits are within two letters of the span's length
            rows = np.flatnonzero(np.abs(self._lengths - len(span)) <= 2)
            window = self._windows[len(span)] = (rows, self._counts[rows])
        rows, counts = window
        close = rows[np.abs(counts - _counts(span)).sum(axis=1) <= 4]
        best, distance = None, 3
        for i in close.tolist():
            d = OSA.distance(span, self._keys[i], score_cutoff=2)  # 3 when over the cutoff
            if d < distance:
                best, distance = self._keys[i], d
        return best
