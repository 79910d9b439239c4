"""The article's own place for an event whose sentence names none below country level.

An event told without a place ("Boken murdered her", "Russian and Syrian planes began bombarding the
city") happened where the article is: the nearest earlier sentence that names a town or region is where the
story stands (after the paragraph, the dateline and the article's focus, circumstances.py). An event placed
only in a country ("the parties' country", a sentence naming "Venezuela") is made as precise as the article's
own place in that same country: the paragraph's, the dateline's, the focus's, the nearest earlier town or
region, else the nearest later one; never a place in another country, never a place the text does not name."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .common import PLACE_NOUNS, PLACE_PARTS
from .syntax import _best_place, _token_at

if TYPE_CHECKING:
    from ..records import Place
    from .context import ArticleContext

_SUBNATIONAL = frozenset({"town", "admin2", "admin1"})


def _of_a_thing(ctx: ArticleContext, j: int, start: int) -> bool:
    """A place named as the 'of' object of a word that is no place or part of one ("the cooperation of Russia",
    "in the interest of China and Russia", "Speaking of Benghazi"): a party or a topic of sentence ``j``, which
    says nothing of where another sentence's event happened ("the town of Saraqib", "the outskirts of Tripoli",
    "south-west of Damascus" still do)."""
    from .context import FOCUS_RULES_OFF

    if "of-a-thing" in FOCUS_RULES_OFF:
        return False
    tok = _token_at(ctx.sents[j], start)
    while tok.dep_ in {"compound", "amod"} and tok.head.i != tok.i:
        tok = tok.head  # "of the Syrian government": the phrase's head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "of China and Russia": the first conjunct carries the 'of'
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() not in PLACE_NOUNS | PLACE_PARTS


def sentence_place(ctx: ArticleContext, j: int, country: str | None = None, *, subnational: bool = True) -> Place | None:
    """The most precise place sentence ``j`` names where an event can be (ctx.event_places): a town or
    region (``subnational``; in ``country`` when given), else any place, a country included; never one it
    names only as the 'of' object of a thing (_of_a_thing)."""
    a, b = ctx.sents[j].start_char, ctx.sents[j].end_char
    return _best_place([p for p in ctx.event_places if p.start is not None and a <= p.start < b
                        and (not subnational or p.precision in _SUBNATIONAL)
                        and (country is None or p.country == country) and not _of_a_thing(ctx, j, p.start)])


def earlier_place(si: int, ctx: ArticleContext, country: str | None = None) -> Place | None:
    """The town or region the nearest earlier sentence names (in ``country`` when given), else None."""
    for j in range(si - 1, -1, -1):
        best = sentence_place(ctx, j, country)
        if best is not None:
            return replace(best, reason="an earlier sentence's place")
    return None


def only_country(ctx: ArticleContext) -> Place | None:
    """The one country the article's places lie in, where it names no town or region ("I've been coming to
    Russia for 13 years" in a short report): that country, at country precision; None where the places lie
    in two countries or more, or where there are none (rule "only-country")."""
    from .context import FOCUS_RULES_OFF

    if "only-country" in FOCUS_RULES_OFF:
        return None
    located = [p for p in ctx.event_places if p.lat is not None and p.country]
    if not located or len({p.country for p in located}) != 1 or any(p.precision in _SUBNATIONAL for p in located):
        return None
    return replace(next(p for p in located if p.precision == "country"), reason="the article's only country")


def refine(where: Place | None, si: int, ctx: ArticleContext, dateline: Place | None) -> Place | None:
    """``where``, or where it is a bare country, the article's own town or region in that country (the
    paragraph's, the dateline's, the focus's, the nearest earlier sentence's, the nearest later one's)."""
    if where is None or where.precision != "country" or not where.country:
        return where
    c = where.country
    for j in ctx.paragraph_before(si):
        best = sentence_place(ctx, j, c)
        if best is not None:
            return replace(best, reason=f"paragraph, in {where.reason or 'the country'}")
    if dateline is not None and dateline.precision in _SUBNATIONAL and dateline.country == c:
        return replace(dateline, reason=f"dateline, in {where.reason or 'the country'}")
    focus = ctx.focus_place({c})
    if focus is not None and focus.precision in _SUBNATIONAL and focus.country == c:
        return replace(focus, reason=f"article focus, in {where.reason or 'the country'}")
    best = earlier_place(si, ctx, c)
    if best is None:
        # the article names its town in that country only further on ("... in Caracas, the capital")
        best = next((replace(p, reason="a later sentence's place") for j in range(si + 1, len(ctx.sents))
                     if (p := sentence_place(ctx, j, c)) is not None), None)
    return replace(best, reason=f"{best.reason}, in {where.reason or 'the country'}") if best is not None else where
