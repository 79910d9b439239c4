"""Copies and rewrites of one story: wire copy published by several outlets, updates of one article.

An article's text is cut into word 5-shingles (lower-cased word tokens, so that quotes, dashes,
spacing and an outlet's line breaks do not matter), signed with a MinHash (``datasketch``) and the
signature cut into LSH bands. The bands are stored (``article_bands``), so a new article finds the
stored articles that share a band in one indexed query, whatever the size of the store. Each
candidate is then checked on the real shingles: a copy when the Jaccard similarity, or the share of
the shorter text found in the longer one (an update that adds a paragraph, a copy cut short), is at
least ``COPY_THRESHOLD``. Copies share a ``story_id`` and count as one report of what they say.
"""

from __future__ import annotations

import hashlib
import re

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: a pair with Jaccard 0.5 shares a band with probability ~0.65, 0.7 with ~0.98
ROWS = NUM_PERM // BANDS
SHINGLE = 5
COPY_THRESHOLD = 0.6
MIN_SHINGLES = 20  # shorter texts (a headline, a one-line brief) are never called copies

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i:i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


def band_keys(sh: set[str]) -> list[str]:
    """The LSH band keys of a shingle set (empty for texts too short to call copies)."""
    if len(sh) < MIN_SHINGLES:
        return []
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch([s.encode("utf-8") for s in sh])
    keys = []
    for b in range(BANDS):
        part = m.hashvalues[b * ROWS:(b + 1) * ROWS]
        digest = hashlib.blake2b(part.tobytes(), digest_size=12).hexdigest()
        keys.append(f"{b:02d}{digest}")
    return keys


def similarity(a: set[str], b: set[str]) -> float:
    """max(Jaccard, containment of the smaller in the larger) on real shingles."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return max(inter / len(a | b), inter / min(len(a), len(b)))


def is_copy(a: set[str], b: set[str]) -> bool:
    return len(a) >= MIN_SHINGLES and len(b) >= MIN_SHINGLES and similarity(a, b) >= COPY_THRESHOLD
