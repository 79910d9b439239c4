"""A definite place noun in an event's own clause stands for the place of that kind the article names
nearest to it: "The Kano State Police Command said it seized 40 rifles in the state" (Kano State),
"Border guards in Moldova detained a journalist. She has requested asylum in the country" (Moldova). Read where the event's clause and sentence name no place (events/circumstances.py), before
the article's fallbacks (paragraph, dateline, focus): the words say the event is in a place of that kind,
which a borrowed place of another kind (or another country) would contradict. Rule "place-anaphor"
(EVENTWIRE_PLACE_RULES_OFF=place-anaphor); the nouns and their levels are data
(data/place_anaphor_words.tsv)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .common import GROUND_VERBS, LOCATIVE_PREPS, word_classes

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..records import Place
    from .common import Draft
    from .context import ArticleContext

LEVEL = {w: level for level, words in word_classes("place_anaphor_words.tsv").items() for w in words}
BEFORE_SENTS = 5  # how far back the place it stands for may be named (sentences)
# how many sentences on the place may be named, where nothing fitting was named before: none (its own sentence
# only). Two ("... asylum in the country. He crossed into Ukraine") placed one more dev half-A event right but split
# a right same-incident link (its twin statement kept no place), docs/places.md "Round 15"
AFTER_SENTS = 0


def _anaphor(tok: Token) -> str | None:
    """The level a bare definite place noun stands for ("in the state", "bombarding the city"), else None:
    a determiner "the"/"this"/"that", no other modifier ("the old city", "the country's army", "the city of
    Aleppo" name or qualify it), and a place's role: the object of a locative preposition or of a ground verb."""
    level = LEVEL.get(tok.lemma_.lower())
    if level is None or tok.pos_ != "NOUN" or tok.tag_ in {"NNS", "NNPS"}:
        return None
    kids = list(tok.children)
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in kids) or any(
            c.dep_ in {"amod", "compound", "poss", "nummod", "nmod", "acl", "relcl"}
            or (c.dep_ == "prep" and c.lower_ == "of") for c in kids):
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS:
        return level
    if tok.dep_ in {"dobj", "obj"} and tok.head.lemma_.lower() in GROUND_VERBS:
        return level
    return None


def anaphor_place(d: Draft, si: int, ctx: ArticleContext) -> Place | None:
    """The place a definite place noun in the event's clause stands for: the nearest place of that level the
    article names before it (in that sentence or the five before, a party's name included: "the Kano State
    Police Command ... in the state"), else the first named after it in its own sentence (AFTER_SENTS); None
    without such a noun or such a place."""
    from .context import FOCUS_RULES_OFF

    if "place-anaphor" in FOCUS_RULES_OFF:
        return None
    nouns = [(t, lv) for t in d.trigger.subtree if (lv := _anaphor(t)) is not None]
    if not nouns:
        return None
    tok, level = nouns[0]
    lo = ctx.sents[max(0, si - BEFORE_SENTS)].start_char
    hi = ctx.sents[min(len(ctx.sents) - 1, si + AFTER_SENTS)].end_char
    pool = [p for p in (*ctx.event_places, *ctx.party_places)
            if p.start is not None and p.lat is not None and p.precision == level and lo <= p.start < hi]
    before = [p for p in pool if p.start is not None and p.start < tok.idx]
    after = [p for p in pool if p.start is not None and p.start > tok.idx]
    if before:
        best = max(before, key=lambda p: p.start or 0)
        how = "named before"
    elif after:
        best = min(after, key=lambda p: p.start or 0)
        how = "named after"
    else:
        return None
    return replace(best, reason=f"'{tok.text.lower()}': {best.text} {how}")
