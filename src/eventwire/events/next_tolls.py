"""A toll told in the sentence after an attack: "Gunmen stormed a village in Zamfara on Sunday. At least 17
people were reported dead." The attack accepted last before that sentence takes its count, after the
acceptance step (events/accept.py), when the attack states no toll of its own and the toll's sentence reports
no event of its own (a sentence with its own event tells of that one, and a toll after it may be another
incident's). Only the very next sentence, only a count of people (events/casualties.py)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from ..numbers import count_with_context
from . import casualties as cw

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..records import Event

# the words that open a sentence about another time or place rather than the same attack
_ELSEWHERE = frozenset({"meanwhile", "separately", "elsewhere", "earlier", "last", "previously", "since", "overall"})


def sentence_toll(sent: Span) -> tuple[int, bool] | None:
    """The one death toll a sentence states as a count of people: "At least 17 people were reported dead",
    "Nine died", "the death toll rose to 12" (count, lower bound); None where it states none or several."""
    tolls = cw.counted_tolls(sent)
    found: set[tuple[int, bool]] = {tolls["dead"]} if "dead" in tolls else set()
    for t in sent:
        lemma = t.lemma_.lower()
        if t.pos_ in {"VERB", "AUX"} and cw.VERBS.get(lemma) == "dead":
            dep = {"nsubj"} if lemma in {"die", "perish"} else {"nsubjpass"}
            for v in (c for c in t.children if c.dep_ in dep):
                cnt = cw.people_count(v)
                if cnt is not None and cnt.value is not None and v.pos_ != "PRON":
                    found.add((cnt.value, cnt.lower_bound))
        if lemma == "toll" and any(c.lower_ == "death" for c in t.children) or (
                lemma == "toll" and t.head.lemma_.lower() in {"death"}):
            # "the death toll rose to 12", "the death toll stood at 30"
            verb = t.head
            for p in verb.children:
                if p.dep_ == "prep" and p.lower_ in {"to", "at"}:
                    for n in p.children:
                        if n.like_num:
                            cnt = count_with_context(n.text, sent.doc[max(sent.start, n.i - 4): n.i].text)
                            if cnt.value is not None:
                                found.add((cnt.value, cnt.lower_bound))
    return next(iter(found)) if len({n for n, _ in found}) == 1 else None


def add_next_sentence_tolls(events: list[Event], sents: list[Span]) -> list[Event]:
    """The events, where an attack with no toll is followed by a sentence with no event of its own that
    states one, with that toll (its rules name the step)."""
    if not events:
        return events
    starts = [s.start_char for s in sents]

    def sent_of(ev: Event) -> int:  # the last sentence starting at or before the evidence
        return max(0, bisect_right(starts, ev.evidence.start) - 1)

    with_event = {sent_of(e) for e in events}
    last: dict[int, int] = {}  # sentence index -> index of the last event told in it
    for k, e in enumerate(events):
        si = sent_of(e)
        if si not in last or e.evidence.start >= events[last[si]].evidence.start:
            last[si] = k
    out = list(events)
    for si, k in last.items():
        e = out[k]
        nxt = si + 1
        if e.plover_type != "ASSAULT" or e.size.dead is not None or nxt >= len(sents) or nxt in with_event:
            continue
        first = next((t.lower_ for t in sents[nxt] if not t.is_space), "")
        if first in _ELSEWHERE:
            continue
        toll = sentence_toll(sents[nxt])
        if toll is None:
            continue
        out[k] = replace(e, size=replace(e.size, dead=toll[0], dead_lower_bound=toll[1]),
                         rules=tuple(sorted((*e.rules, ("dead", "the next sentence's toll")))))
    return out
