"""An event's date: the time expression of its own clause, else of its sentence or paragraph, else the
publication date as a stand-in labelled 'reported' (arguments.ArgumentsMixin inherits DatingMixin).
Expressions are resolved by ArticleContext.find_times: against the publication date, and beyond their
sentence where the text settles them (times/text_dates.py: "the next day", a weekday that names the
day of a full date of the text when the record has no publication date)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import When
from ..times.engine import NO_PUB
from ..times.text_dates import ANAPHORA_DATE, TEXT_DATE
from .common import ONGOING, Draft
from .context import ArticleContext
from .syntax import _deadline, _deadline_text, _governing_verb, _token_at

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


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


def _present_perfect(trigger: Token) -> bool:
    """The event's verb (a nominal trigger's governing verb) is in the present perfect: 'has/have' + participle."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else _governing_verb(trigger)
    # a participle adjunct or a conjunct without its own auxiliary shares its head's tense ("has spoken
    # out, denouncing the law"; "have indicted him and charged her")
    for _ in range(2):
        if verb is None or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
            break
        if not ((verb.dep_ == "advcl" and verb.tag_ == "VBG") or (verb.dep_ == "conj" and verb.tag_ == "VBN")):
            break
        verb = verb.head
    if verb is None or verb.tag_ != "VBN":
        return False
    return any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBZ", "VBP"} for c in verb.children)


def _present_tense(trigger: Token) -> bool:
    """The event's verb (a nominal trigger's governing verb) is in the present, simple or progressive, active or
    passive ("is defying", "calls for", "are charged"): it tells of the time of writing, so a date of an earlier
    sentence is not its date. The present perfect has its own test (_present_perfect)."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else _governing_verb(trigger)
    # a participle without its own auxiliary takes the tense of the verb it hangs from ("is defying the ban
    # by publicly calling for a boycott": 'calling' -> 'by' -> 'defying')
    for _ in range(3):
        if verb is None or verb.tag_ not in {"VBG", "VBN"} or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
            break
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head.head
        elif verb.dep_ in {"advcl", "conj", "xcomp"} or (verb.dep_ == "ccomp" and verb.head.tag_ in {"VBG", "VBN"}):
            # a bare participle's small clause under a participle ("does not deny having people shot":
            # 'shot' -> 'having' -> 'deny') has no tense of its own either
            verb = verb.head
        else:
            break
    if verb is None:
        return False
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lemma_ == "do" and c.tag_ in {"VBZ", "VBP"}
                                 for c in verb.children):
        return True  # do-support carries the present ("does not deny", "do not accept")
    # "is defying", "are charged": the finite auxiliary carries the tense
    return verb.tag_ in {"VBG", "VBN"} and any(
        c.dep_ in {"aux", "auxpass"} and c.lemma_ == "be" and c.tag_ in {"VBZ", "VBP"} for c in verb.children)


def _content_clause(trigger: Token) -> set[int]:
    """Tokens of the clause a verb of saying or thinking reports ("have said that Putin wants to defeat Clinton
    in November"): a time there dates what is reported, not the saying."""
    return {t.i for c in trigger.children if c.dep_ == "ccomp" for t in c.subtree}


def _after_publication(w: When, ctx: ArticleContext) -> bool:
    """A time that reaches past the publication date ("by the end of 2016" in a report of September 2016, "next
    month"): a goal or a plan of its sentence, never the time of what the text reports as done, so a realis
    event outside its clause does not take it."""
    return ctx.published is not None and w.end is not None and w.end > ctx.published


def _found(w: When, where: str) -> When:
    """The date found, with where it was found and, for one the text's own full date settled (no
    publication date: times.text_dates), against which date."""
    return replace(w, reason=f"{where}; {w.reason}" if w.reason and w.reason.startswith((TEXT_DATE, ANAPHORA_DATE))
                   else where)


def _text_sentence_start(text: str, pos: int, back: int) -> int:
    """Where the ``back``-th sentence before the one at ``pos`` starts, by the pre-filter's sentence split of
    the article's own text (blanked sentences count)."""
    from .prefilter import sentence_starts

    starts = sentence_starts(text)
    k = bisect_right(starts, pos) - 1
    return starts[max(0, k - back)] if k >= 0 else 0


class DatingMixin:
    """The date-finding part of EventCoder's role filling."""

    # ---------------------------------------------------------------- date
    def _date(self, d: Draft, sent: Span, si: int, ctx: ArticleContext, modality: str) -> When | None:
        times = ctx.times(si, future=modality in {"future", "hypothetical"})
        trig_ids = {t.i for t in d.triggers}
        if d.nominal and d.trigger.dep_ in {"dobj", "obj"}:
            trig_ids.add(d.trigger.head.i)  # "will hold talks next month": the light verb's clause
        clause: list[When] = []
        subtree: list[When] = []
        reported = _content_clause(d.trigger) if not d.nominal else set()
        if reported:
            times = [w for w in times if _token_at(sent, w.char_start if w.char_start is not None
                                                   else sent.start_char).i not in reported]
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
                    return _found(w, why)
        if not realis:
            return None
        if d.trigger.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"as", "because", "since"}
                                             for c in d.trigger.children):
            # "remained in prison as they were charged with ...": a reason clause gives the background of
            # its main clause; the dates around the main clause are not its date
            return None
        for w in times:
            if w.start is not None and not _deadline(w, sent) and not _not_a_time_of_events(w, sent) \
                    and not _after_publication(w, ctx):
                return _found(w, "sentence")
        if _present_perfect(d.trigger) or _present_tense(d.trigger):
            # "prosecutors have also indicted his wife": English does not pin a present perfect to a past
            # date ("*have indicted in 2007"), so a date of an earlier sentence is not its date; nor is it the
            # date of a present ("a group is defying the ban" after a photo caption dated 2014)
            return self._reported(sent, ctx)
        # earlier in the paragraph, read from the article's text: sentences the pre-filter blanked
        # were not parsed, but their dates still govern the events after them. A text without paragraph
        # breaks (a wire passage, a scraped page) is one paragraph: look back a few sentences at most, or
        # a date of the article's first lines becomes the date of everything after it
        # counted in the article's own sentences too: a parsed sentence also holds the blank run of the
        # sentences the pre-filter blanked before it, so "a few parsed sentences back" can reach far
        # further into the text than a few sentences (an older date then dates the event)
        para_start = max(ctx.text.rfind("\n", 0, sent.start_char) + 1,
                         ctx.sents[max(0, si - PARAGRAPH_LOOKBACK)].start_char,
                         _text_sentence_start(ctx.text, sent.start_char, PARAGRAPH_LOOKBACK))
        if para_start < sent.start_char:
            for w in reversed(ctx.find_times(para_start, sent.start_char)):
                if w.start is None and w.reason == NO_PUB:
                    # the nearest time before the event ("before Monday's debate") frames it but cannot be
                    # settled without a publication date: an older date further back ("warming to his
                    # campaign in 2015") is another time, not this event's
                    break
                # "today" in an earlier sentence is as often the present of a description ("the greatest
                # threat today is ...") as the day of an event; the publication date below says the same
                # day without claiming the text dated this event
                if (w.start is not None and not _deadline_text(ctx.text, w) and not _TODAY.fullmatch(w.text or "")
                        and not (w.reason or "").startswith(TEXT_DATE) and not _after_publication(w, ctx)):
                    return _found(w, "paragraph")
        return self._reported(sent, ctx)

    @staticmethod
    def _reported(sent: Span, ctx: ArticleContext) -> When | None:
        """The publication date standing in for a date the text does not give (precision 'reported')."""
        if ctx.published is None or ONGOING.search(sent.text):
            return None
        return When(ctx.published, ctx.published, "reported", None, reason="publication date (no date in text)")
