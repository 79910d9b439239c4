"""What the resolver does with names the gazetteer lacks, and with lists that name their own kind.

* A list closed by a plural kind word ("Butler, Clark or Warren counties") makes each item a unit of
  that kind.
* A name that resolves nowhere and that the text does not place either is put at the article's main
  town, else at a place named before it, else at a state or country named after it (flagged approximate).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..records import Place
from .rules import DISABLED_RULES

ANCHOR_PRECISIONS: tuple[str, ...] = ("town", "admin2")
# "in Butler, Clark, Hamilton or Warren counties", "Idlib and Hama provinces": a list of names closed by a
# plural kind word; every item of the list is a unit of that kind
_LIST_ITEM = r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}"
_LIST_KIND = re.compile(
    rf"^(?:(?:\s*,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+){_LIST_ITEM})*"
    r"\s+([Cc]ounties|[Pp]arishes|[Pp]rovinces|[Dd]istricts|[Gg]overnorates|[Oo]blasts|[Bb]oroughs)\b"
)
_LIST_KIND_WORD = {"counties": "County", "parishes": "Parish", "provinces": "Province", "districts": "District",
                   "governorates": "Governorate", "oblasts": "Oblast", "boroughs": "Borough"}


def list_kind_word(text: str, end: object) -> str:
    """The kind word of a list the mention ending at ``end`` belongs to ("County"), or ""."""
    if "kind-list" in DISABLED_RULES or not isinstance(end, int) or not 0 <= end <= len(text):
        return ""
    match = _LIST_KIND.match(text[end : end + 200])
    return _LIST_KIND_WORD[match.group(1).lower()] if match else ""


def anchor_unresolved(places: list[Place], keys: list[str]) -> list[Place]:
    """A name the gazetteer lacks ("City Hall", "MetroHealth Medical Center", "Whole Foods") that the
    text does not place either is put at the article's main town: the town (or county) named most often
    in the article, when one is named at least twice and more often than any other. Without a main town
    (rule "preceding-place") it goes to a place named before it ("north of Alexandria near Lake Vermont"),
    the finest one of the PRECEDING_CHARS characters before it, and failing that ("following-place") to a state
    or country named in the PRECEDING_CHARS after it. Flagged approximate; demonyms and lower-case words
    stay unresolved."""
    towns: Counter[str] = Counter()
    by_name: dict[str, Place] = {}
    for p, k in zip(places, keys, strict=True):
        if p.lat is not None and p.precision in ANCHOR_PRECISIONS and not (p.reason or "").startswith("approximate"):
            towns[p.name or k] += 1
            by_name.setdefault(p.name or k, p)
    ranked = towns.most_common(2)
    anchor = None
    if ranked and ranked[0][1] >= 2 and not (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        anchor = by_name[ranked[0][0]]
    preceding_on = "preceding-place" not in DISABLED_RULES
    if anchor is None and not preceding_on:
        return places
    out = []
    for p in places:
        if p.lat is None and (p.reason or "").startswith("no gazetteer entry") and p.text[:1].isupper():
            if anchor is not None:
                p = _stand_in(p, anchor, f"the article's main town {anchor.name!r}")
            elif (before := _preceding_place(places, p)) is not None:
                p = _stand_in(p, before, f"{before.text!r} named before it")
            elif "following-place" not in DISABLED_RULES and (after := _preceding_place(places, p, after=True)):
                # nothing named before it: a state or country named after it most likely holds it ("the
                # Thames Valley ... Berkshire"), while a town named after it is a neighbour, not a container
                p = _stand_in(p, after, f"{after.text!r} named after it")
        out.append(p)
    return out


PRECEDING_PRECISIONS: tuple[str, ...] = ("town", "admin2", "admin1", "country")
PRECEDING_CHARS = 2000  # about a third of a news article
_FINENESS: tuple[str, ...] = ("town", "admin2", "admin1", "country")
# "following-place": only units that can hold the unknown name; tried on the work halves with towns too
FOLLOWING_PRECISIONS: tuple[str, ...] = ("admin1", "country")


def _stand_in(mention: Place, at: Place, where: str) -> Place:
    """The unknown ``mention`` placed at ``at``: its own words and offsets, ``at``'s coordinates."""
    return replace(at, text=mention.text, start=mention.start, end=mention.end,
                   reason=f"approximate: not in the gazetteer, placed at {where}")


def _preceding_place(places: list[Place], target: Place, after: bool = False) -> Place | None:
    """The finest place resolved outright (not approximate) in the PRECEDING_CHARS before ``target`` (with
    ``after``, the PRECEDING_CHARS after it), the nearest of those."""
    if not isinstance(target.start, int):
        return None
    best: Place | None = None
    for q in places:
        if not isinstance(q.start, int):
            continue
        inside = (
            target.start < q.start <= target.start + PRECEDING_CHARS
            if after
            else target.start - PRECEDING_CHARS <= q.start < target.start
        )
        if (
            inside
            and q.lat is not None
            and q.precision in (FOLLOWING_PRECISIONS if after else PRECEDING_PRECISIONS)
            and not (q.reason or "").startswith("approximate")
            and (best is None or _finer_or_nearer(q, best, after))
        ):
            best = q
    return best


def _finer_or_nearer(q: Place, best: Place, after: bool = False) -> bool:
    """A town before a county before a state before a country; among equals the one closest to the name."""
    # a fixed order, not PRECEDING_PRECISIONS: the places named after it are drawn from other levels
    qr, br = _FINENESS.index(q.precision or ""), _FINENESS.index(best.precision or "")
    closer = (q.start or 0) < (best.start or 0) if after else (q.start or 0) > (best.start or 0)
    return qr < br or (qr == br and closer)


