"""Readings the resolver refuses for want of evidence (round 15): the mention comes back with no place and a
reason starting "not a place:" (the fallbacks that place a name the gazetteer lacks leave it alone).

* "direction-unit": a name made only of words of direction ("the West", "the South", "Far North") is read as a
  unit of that name (Cameroon's West region, Iceland's South region) only when the article names the unit's
  country by another mention; otherwise no place ("Russia accused the West").
* "title-case-word": in a headline written in Title Case every word is capitalised, so the capital says nothing
  about a word being a name ("Police Arrest Man Over Fresh Attack"). A mention found only in such lines is
  refused when the text writes the same word in lower case elsewhere, or when its reading is a small town
  (under ``TITLE_CASE_MIN_POP``) of a country the article does not otherwise name.
* "far-alternate": a city of ``FAR_ALTERNATE_MIN_POP`` or more read only by an alternate name ("Yida" -> Jeddah),
  whose country the article does not
  name and that lies over ``FAR_KM`` from every other place the article names, is a near-miss reading of a place
  the gazetteer lacks; no place is better than a wrong city.
"""

from __future__ import annotations

import re

# a line in Title Case: this many words, nearly all (``TITLE_CASE_SHARE``) of the words of 4+ letters
# capitalised, and at least one such word that is no name's (a verb or noun a sentence would write in lower
# case cannot be told apart here, so the share is the test)
TITLE_CASE_MIN_WORDS = 4
TITLE_CASE_SHARE = 0.9
TITLE_CASE_MIN_POP = 100_000
FAR_KM = 1000.0
# ... and only a city this big: the near-miss reads a small place as a big city whose many alternate names
# (transliterations in many languages) catch short foreign names; a small town's alternate name is usually its
# own older or foreign name ("Auschwitz" for Oswiecim), which news uses on purpose
FAR_ALTERNATE_MIN_POP = 100_000
REFUSED = "not a place: "
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` written in Title Case ("Police Arrest Man Over Fresh Attack In
    Kaduna"): at least TITLE_CASE_MIN_WORDS words, and of the words of four letters or more at least
    TITLE_CASE_SHARE capitalised, two of them at least. A line in capitals is not Title Case (datelines)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        words = _WORD.findall(line)
        long_words = [w for w in words if len(w) >= 4]
        caps = [w for w in long_words if w[0].isupper() and not w.isupper()]
        if (
            len(words) >= TITLE_CASE_MIN_WORDS
            and len(caps) >= 2
            and len(caps) >= TITLE_CASE_SHARE * len(long_words)
            # a line of names only ("Barack Obama, Hillary Clinton") has no small word in lower case either;
            # a headline in Title Case capitalises its small words too, or has verbs capitalised: require one
            # capitalised word of three letters or fewer, or five capitalised long words
            and (any(w[0].isupper() and len(w) <= 3 for w in words[1:]) or len(caps) >= 5)
        ):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def written_lower(text: str, surface: str) -> bool:
    """Whether the text writes ``surface`` in lower case somewhere ("police", "over")."""
    low = surface.lower()
    if low == surface or not low.strip():
        return False
    return re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text) is not None


def capitalised_outside(text: str, surface: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the text writes ``surface`` capitalised outside the Title Case lines and not right after the
    end of a sentence (where any word is capitalised)."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text):
        if inside(spans, m.start(), m.end()):
            continue
        before = text[max(0, m.start() - 3) : m.start()].rstrip(" \"'“‘(")
        if before and before[-1] not in ".!?:\n":
            return True
    return False
