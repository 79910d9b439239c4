"""The circumstances of a draft event: its size (dead, injured, arrested), date and place, read from the
trigger's clause, its sentence and the article around it. EventCoder (events/coder.py) inherits this through
ArgumentsMixin (events/arguments.py), which fills the event's parties."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, cast

from ..countries import alpha3_to_2
from ..numbers import count_with_context
from ..records import ActorRef, Place, Size, When
from .common import LEFT_DEAD, ONGOING, Draft
from .context import ArticleContext
from .syntax import (
    _best_place,
    _captured,
    _conjuncts,
    _count_np,
    _deadline,
    _deadline_text,
    _governing_verb,
    _reduced_passive,
    _safe,
    _token_at,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..places import PlaceResolver
    from .arguments import ArgumentsMixin

# PLOVER's verbal types: said, not done, and often told with no place of their own
VERBAL_TYPES = frozenset({"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "CONSULT", "THREATEN", "AGREE", "COOPERATE"})


# how many sentences back a date may be borrowed from when the event's own sentence has none
PARAGRAPH_LOOKBACK = 3
_TODAY = re.compile(r"(?:(?:earlier|later)\s+)?(?:today|tonight|now|this\s+(?:morning|afternoon|evening))", re.I)


def _not_a_time_of_events(w: When, sent: Span) -> bool:
    """A date in the sentence that dates no event: one that describes a noun ("the excesses of the chaotic
    1990s", "the 2014 law") or the present of a description ("the greatest threat today is ...")."""
    if w.char_start is None:
        return False
    # the expression's last word carries its role in the sentence ("next month": 'month', not 'next')
    tok = _token_at(sent, (w.char_end or w.char_start + 1) - 1)
    if tok.dep_ in {"amod", "compound", "poss", "nmod"} or (
            tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in {"NOUN", "PROPN"}):
        return True
    head = tok.head if tok.dep_ in {"npadvmod", "advmod", "tmod"} else None
    return bool(tok.lower_ in {"today", "now", "nowadays"} and head is not None and head.pos_ in {"NOUN", "PROPN"})


class CircumstancesMixin:
    """The size, date and place half of EventCoder's reading of a draft (ArgumentsMixin inherits it)."""

    places: PlaceResolver

    # ---------------------------------------------------------------- size
    def _size(self, d: Draft, sent: Span) -> Size:
        dead = injured = arrested = None
        dead_lb = inj_lb = False
        vague: list[str] = []
        quantities: list[tuple[str, int]] = []
        seen_t: set[int] = set()
        for t in d.triggers:
            if t.i in seen_t:
                continue
            seen_t.add(t.i)
            lemma = t.lemma_.lower()
            # "fatally shot", "was shot dead", "stabbed to death": a wounding verb whose outcome is death
            fatal = lemma in {"shoot", "stab", "beat", "gun", "hack", "strike", "hit"} and any(
                (c.dep_ == "advmod" and c.lower_ == "fatally")
                or (c.dep_ in {"oprd", "acomp", "xcomp", "advmod"} and c.lower_ == "dead")
                or (c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children))
                for c in t.children
            )
            kind = (
                "dead" if fatal or lemma in {"kill", "die", "neutralize", "neutralise", "murder", "execute", "massacre", "slay"}
                else "injured" if lemma in {"injure", "wound", "maim"}
                else "arrested" if lemma in {"arrest", "detain"}
                else None
            )
            victims = _victims_of(t)
            total, lb = None, False
            for v in victims:
                for h in _conjuncts(v):
                    c = _count_np(h)
                    if c is None:
                        continue
                    if c.vague:
                        vague.append(c.vague)
                        continue
                    if c.value is not None:
                        total = (total or 0) + c.value
                        lb = lb or c.lower_bound
            if kind is None:
                if total is not None and victims:
                    quantities.append((f"{victims[0].lemma_.lower()}_{lemma}", total))
                continue
            if kind == "dead" and total is not None:
                dead, dead_lb = (dead or 0) + total, dead_lb or lb
            elif kind == "injured" and total is not None:
                injured, inj_lb = (injured or 0) + total, inj_lb or lb
            elif kind == "arrested" and total is not None:
                arrested = (arrested or 0) + total
        # "an attack that left 5 soldiers killed", "killing 6 civilians" hanging off a nominal
        if dead is None and d.nominal:
            for c in d.trigger.subtree:
                if c.lemma_.lower() in {"kill", "die"} and c.i != d.trigger.i:
                    for v in [x for x in c.children if x.dep_ in {"dobj", "nsubjpass", "nsubj"}]:
                        cnt = _count_np(v)
                        if cnt and cnt.value is not None:
                            dead, dead_lb = cnt.value, cnt.lower_bound
        if dead is None and d.nominal:
            tail = sent.text[d.trigger.idx - sent.start_char:]
            m = LEFT_DEAD.search(tail)
            if m:
                cnt = count_with_context(m.group("n") or m.group("n2"), m.group("pre") or m.group("pre2") or "")
                if cnt.value is not None:
                    dead, dead_lb = cnt.value, cnt.lower_bound
        return Size(dead, injured, arrested, dead_lb, inj_lb, tuple(vague), tuple(quantities))

    # ---------------------------------------------------------------- date
    def _date(self, d: Draft, sent: Span, si: int, ctx: ArticleContext, modality: str) -> When | None:
        times = ctx.times(si, future=modality in {"future", "hypothetical"})
        trig_ids = {t.i for t in d.triggers}
        if d.nominal and d.trigger.dep_ in {"dobj", "obj"}:
            trig_ids.add(d.trigger.head.i)  # "will hold talks next month": the light verb's clause
        clause: list[When] = []
        subtree: list[When] = []
        for w in times:
            tok = _token_at(sent, w.char_start if w.char_start is not None else sent.start_char)
            gov = _governing_verb(tok)
            if gov is not None and gov.i in trig_ids:
                clause.append(w)
            elif any(tok.i in {x.i for x in t.subtree} for t in d.triggers):
                subtree.append(w)
        realis = modality in {"asserted", "negated", "denied"}
        for pool, why in ((clause, "clause"), (subtree, "clause")):
            for w in pool:
                if w.start is not None and not _deadline(w, sent) and not _not_a_time_of_events(w, sent):
                    return replace(w, reason=why)
        if not realis:
            return None
        if d.trigger.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"as", "because", "since"}
                                             for c in d.trigger.children):
            # "remained in prison as they were charged with ...": a reason clause gives the background of
            # its main clause; the dates around the main clause are not its date
            return None
        for w in times:
            if w.start is not None and not _deadline(w, sent) and not _not_a_time_of_events(w, sent):
                return replace(w, reason="sentence")
        # earlier in the paragraph, read from the article's text: sentences the pre-filter blanked
        # were not parsed, but their dates still govern the events after them. A text without paragraph
        # breaks (a wire passage, a scraped page) is one paragraph: look back a few sentences at most, or
        # a date of the article's first lines becomes the date of everything after it
        para_start = max(ctx.text.rfind("\n", 0, sent.start_char) + 1,
                         ctx.sents[max(0, si - PARAGRAPH_LOOKBACK)].start_char)
        if para_start < sent.start_char:
            from ..times import find_times

            before = _safe(lambda: find_times(ctx.text[para_start: sent.start_char], ctx.published, offset=para_start))
            for w in reversed(before or []):
                # "today" in an earlier sentence is as often the present of a description ("the greatest
                # threat today is ...") as the day of an event; the publication date below says the same
                # day without claiming the text dated this event
                if w.start is not None and not _deadline_text(ctx.text, w) and not _TODAY.fullmatch(w.text or ""):
                    return replace(w, reason="paragraph")
        if ctx.published is None or ONGOING.search(sent.text):
            return None
        return When(ctx.published, ctx.published, "reported", None, reason="publication date (no date in text)")

    # ---------------------------------------------------------------- location
    def _location(
        self, d: Draft, sent: Span, si: int, ctx: ArticleContext, actors: list[ActorRef], recips: list[ActorRef]
    ) -> Place | None:
        party_spans = [(a.start, a.end) for a in (*actors, *recips) if a.start is not None]
        # "Russian missiles struck Kharkiv", "troops besieged Homs": a target that is a place is where it happened
        target_places = {(r.start, r.end) for r in recips if r.start is not None} if d.plover_type in {
            "ASSAULT", "COERCE"} else set()

        def usable(p: Place) -> bool:
            if p.start is None:
                return False
            if (p.start, p.end) in target_places:
                return True
            return not any(s is not None and e is not None and s <= p.start < e and not _captured(d) for s, e in party_spans)

        in_sent = [p for p in ctx.places if p.start is not None and sent.start_char <= p.start < sent.end_char and usable(p)]
        sub = {t.idx for t in d.trigger.subtree}
        clause = [p for p in in_sent if p.start in sub or any(p.start == t.idx for t in sent if t.idx in sub)]
        for pool, why in ((clause, "clause"), (in_sent, "sentence")):
            best = _best_place(pool)
            if best is not None:
                return replace(best, reason=f"{why}: {best.reason}" if best.reason else why)
        # statements, talks and appeals without a place of their own take the article's place as material
        # events do (the paragraph's, the dateline's, the article's focus), checked against their parties:
        # an appeal to a parliament in a story datelined in the capital happened there, not nowhere
        fallback: Place | None = None
        for pj in ctx.paragraph_before(si):
            best = _best_place([p for p in ctx.places if p.start is not None
                                and ctx.sents[pj].start_char <= p.start < ctx.sents[pj].end_char])
            if best is not None:
                fallback = replace(best, reason="paragraph")
                break
        if fallback is None:
            dl = ctx.dateline(cast("ArgumentsMixin", self))  # the coder, whose places read the dateline
            focus = ctx.focus_place()
            fallback = (replace(dl, reason="dateline") if dl is not None
                        else replace(focus, reason="article focus (no place in the sentence)") if focus is not None
                        else None)
        # a place borrowed from elsewhere in the article must fit the parties: Colombian troops in a
        # Mogadishu-datelined round-up fought in Colombia, not in Somalia
        homes = {c for c in (alpha3_to_2(a.country) for a in (*actors, *recips) if a.country) if c}
        if fallback is None and len(homes) == 1 and d.plover_type in VERBAL_TYPES:
            # an appeal or statement about one country's parties, in an article that names no place ("the
            # Security Council urges Iraq's Prime Minister-designate ..."): that country, at country precision
            country = _safe(lambda: self.places.country(next(iter(homes))))
            if country is not None:
                return replace(country, reason="the parties' country (no place in the article)")
        if fallback is not None and homes and fallback.country not in homes:
            if len(homes) == 1:
                country = _safe(lambda: self.places.country(next(iter(homes))))
                if country is not None:
                    return replace(country, reason="the parties' country (the article's place is elsewhere)")
            return None
        return fallback


def _victims_of(v: Token) -> list[Token]:
    """Whom a harming verb befell: its object or passive subject, and the subject of 'die' or of a reduced
    passive ('the soldiers killed in the blast'). The event's size counts them; an attack takes them as
    its recipients."""
    return [c for c in v.children if c.dep_ in {"nsubjpass", "dobj", "obj"}] + (
        [c for c in v.children if c.dep_ == "nsubj"] if v.lemma_.lower() == "die" or _reduced_passive(v) else [])
