"""Reports copied sentence for sentence into other articles: a paragraph of wire copy quoted by an
outlet whose article is otherwise its own (so not a copy of the story, ``copies``), a background
paragraph one outlet reuses across its articles.

Two reports whose evidence is the same sentence, word for word (lower-cased words, so spacing and
punctuation do not count), at the same trigger within it, are one report of one event, however
little else the two articles share: the scorer's context gate (a loose date needs 4 shared
distinctive names) and the candidate read's blocks (an unplaced report reads only unplaced ones;
a window of dates around the new report) would keep them apart, since one coder's reading of a
sentence can differ from another's with the rest of the article (a "reported" date here, "a month
ago" there; a place found in one article only). The pair must still pass the hard constraints
(``features.constraints``: compatible types, dates that can overlap, no two countries).

Each event's key (``evidence_key``) is kept in ``evidence_keys`` (migration 0010) when its article
is linked, so a new article finds such reports with one indexed read, whatever the store's size.
Sentences under ``MIN_WORDS`` words are not keyed: short sentences ("Two people were killed.")
recur across unrelated reports.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

_WORD = re.compile(r"[a-z0-9]+")
MIN_WORDS = 12


def evidence_key(rec: dict[str, Any], text: str) -> str | None:
    """The sentence's words and the trigger's place among them, hashed; None for a sentence under
    MIN_WORDS words, or one whose trigger is not found in it within the article's text."""
    ev = rec.get("evidence") or {}
    sentence = ev.get("sentence") or ""
    words = _WORD.findall(sentence.lower())
    if len(words) < MIN_WORDS:
        return None
    trigger_start = ev.get("trigger_start")
    if trigger_start is None:
        trigger_start = ev.get("start")
    if trigger_start is None:
        return None
    # the sentence's own offset in the article: the occurrence that holds the trigger
    at = text.find(sentence, max(0, int(trigger_start) - len(sentence)))
    if at < 0 or at > trigger_start:
        return None
    before = len(_WORD.findall(text[at:int(trigger_start)].lower()))
    digest = hashlib.blake2b(" ".join(words).encode(), digest_size=12).hexdigest()
    return f"{digest}:{before}"


__all__ = ["MIN_WORDS", "evidence_key"]
