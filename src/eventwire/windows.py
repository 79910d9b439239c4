"""Long articles in bounded pieces: paragraph-aligned windows, offsets kept into the original text.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters, E088) and, below that, the coder
pays for whole-article context (places x sentences), so cost grew faster than the text: 23 s at
250 k characters, 203 s at 990 k. An article longer than one window is cut at paragraph breaks
(else at a line break, a sentence end, a space; a hard cut only inside one enormous token) into
windows of at most ``size`` characters. Each window is parsed and coded on its own, so time and
memory grow linearly with the text; an article that fits in one window is coded exactly as before.

Every window after the first is preceded by the article's head (its first paragraph, at most
``HEAD_CHARS``): the dateline and the main place that the coder reads from the top of an article.
Events found inside that copied head belong to the first window and are dropped from the others.
Offsets in the events (evidence, trigger, actors, place, date) are mapped back into the article, and
the event id is recomputed from the mapped trigger offset, as the coder computes it, so an event has
the same id whether or not its article was split. Incidents are grouped within a window.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace

from .records import Event

WINDOW_CHARS = 100_000  # a long feature is ~100 kB: nearly every real article is one window
HEAD_CHARS = 600
_GAP = "\n\n"  # between the head and the window body: a paragraph break, so a sentence never spans it


@dataclass(frozen=True)
class Window:
    start: int  # the body: article text [start, end)
    end: int
    head: int = 0  # article text [0, head) is put before the body (0 for the first window)

    def text(self, article_text: str) -> str:
        body = article_text[self.start:self.end]
        return article_text[:self.head] + _GAP + body if self.head else body

    def _offset(self, pos: int) -> int:
        if not self.head:
            return pos + self.start
        if pos < self.head:
            return pos
        return pos - self.head - len(_GAP) + self.start

    def to_article(self, pos: int | None, *, end: bool = False) -> int | None:
        """A window offset as an article offset; ``end`` for exclusive ends (mapped from the last
        character, so an end on the head's boundary stays in the head)."""
        if pos is None:
            return None
        return self._offset(pos - 1) + 1 if end and pos > 0 else self._offset(pos)

    def owns(self, pos: int) -> bool:
        """Whether a window offset lies in this window's body (not in the copied head)."""
        return not self.head or pos >= self.head + len(_GAP)


def _cut(text: str, start: int, size: int) -> int:
    """Where a window that starts at ``start`` ends: the last paragraph break in its second half,
    else a line break, a sentence end, a space; else ``start + size``."""
    limit = start + size
    floor = start + size // 2
    for sep in ("\n\n", "\n", ". ", "! ", "? ", " "):
        at = text.rfind(sep, floor, limit - len(sep) + 1)
        if at != -1:
            return at + len(sep)
    return limit


def head_length(text: str, limit: int = HEAD_CHARS) -> int:
    """The article's head: its first paragraph when that is short, else up to a sentence end."""
    para = text.find("\n", 0, limit + 1)
    if para != -1:
        return para
    for sep in (". ", "! ", "? "):
        at = text.rfind(sep, 0, limit)
        if at != -1:
            return at + 1
    return 0  # no sentence to stand for the head: the later windows go without one


def windows(text: str, size: int = WINDOW_CHARS, *, head_chars: int = HEAD_CHARS) -> list[Window]:
    """The windows of a text; one window when it fits. Bodies tile the text without overlap."""
    if size < 2:
        raise ValueError("window size must be at least 2 characters")
    if len(text) <= size:
        return [Window(0, len(text))]
    head = head_length(text, min(head_chars, size // 4))
    body_size = size - head - len(_GAP)
    out = [Window(0, _cut(text, 0, size))]
    while out[-1].end < len(text):
        start = out[-1].end
        end = len(text) if len(text) - start <= body_size else _cut(text, start, body_size)
        out.append(Window(start, end, head))
    return out


def _event_id(article_id: str, version: str, trigger_start: int, plover_type: str) -> str:
    # the coder's formula (events/coder.py, EventCoder._build): tests/test_windows.py checks that a
    # split article gets the ids the unsplit one gets, so a change there shows up here
    return "e_" + hashlib.sha256(f"{article_id}|{version}|{trigger_start}|{plover_type}".encode()).hexdigest()[:20]


def to_article(event: Event, window: Window) -> Event | None:
    """An event coded on a window, with its offsets in the article; None when it lies in the head."""
    ev = event.evidence
    trigger = ev.trigger_start if ev.trigger_start is not None else ev.start
    if not window.owns(trigger):
        return None
    at: Callable[..., int | None] = window.to_article
    start, end = at(ev.start), at(ev.end, end=True)
    assert start is not None and end is not None
    evidence = replace(ev, start=start, end=end, trigger_start=at(ev.trigger_start),
                       trigger_end=at(ev.trigger_end, end=True))
    actors = tuple(replace(a, start=at(a.start), end=at(a.end, end=True)) for a in event.actors)
    location = event.location
    if location is not None:
        location = replace(location, start=at(location.start), end=at(location.end, end=True))
    date = event.date
    if date is not None:
        date = replace(date, char_start=at(date.char_start), char_end=at(date.char_end, end=True))
    new_trigger = at(trigger)
    assert new_trigger is not None
    return replace(
        event, evidence=evidence, actors=actors, location=location, date=date,
        event_id=_event_id(event.article_id, event.extractor_version, new_trigger, event.plover_type),
    )
