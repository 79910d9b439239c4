"""A cooperative act a side says it will not do, where the act's verb carries no event of its own: "Obama
said he would not provide support to Israel", "Egypt declined to send aid", "the minister said Iran will not
attend". PLOVER codes the refusal as REJECT (CAMEO 12: 121 reject material cooperation, 124 refuse to
yield, 125 reject a proposal to meet); the subject is the actor and the act's addressee the recipient, which
the coder's frames read from the verb as for any event.

verbal.refusal turns a refused act of the hand lexicon into REJECT ("will not negotiate"); this module
covers the verbs of cooperative acts that the hand lexicon does not read as one (data/refused_acts.tsv,
from the CAMEO dictionary's default readings), and "declined to" ("refused to" is a REJECT verb of the
hand lexicon). A guess ("might not"), a report that an act did not happen ("did not meet") and a
question are no refusal."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import lexicon as lx
from .common import Draft, word_classes
from .verbal import COOPERATIVE_TYPES, PROMISE_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ACTS = word_classes("refused_acts.tsv").get("cooperative", frozenset())
FUTURE = frozenset({"will", "would", "'ll", "shall", "wo"})
DECLINE = frozenset({"decline"})
# the hand lexicon's cooperative verbs, which verbal.refusal already turns into REJECT
_HAND = frozenset(t.lemma for t in lx.VERB_TRIGGERS if t.source != "cameo" and t.plover_type in COOPERATIVE_TYPES)


def _negated(w: Token) -> bool:
    return any(c.dep_ == "neg" for c in w.children)


def refused(v: Token) -> str | None:
    """How ``v`` is refused ('will not', 'declined to', 'not going to', 'vowed not to'), or None."""
    kids = list(v.children)
    if _negated(v) and any(c.dep_ == "aux" and c.lower_ in FUTURE for c in kids):
        return "will not"
    if v.dep_ != "xcomp":
        return None
    head = v.head
    if head.lemma_.lower() in DECLINE and not _negated(head):
        return "declined to"
    if head.lemma_.lower() == "go" and head.tag_ == "VBG" and _negated(head):
        return "not going to"
    if head.lemma_.lower() in PROMISE_VERBS and _negated(v):
        return "vowed not to"
    return None


def _subject(v: Token) -> Token | None:
    for w in (v, v.head if v.dep_ == "xcomp" else v):
        for c in w.children:
            if c.dep_ == "nsubj":
                return c
    return None


def _hand_reading(v: Token) -> bool:
    """Whether the hand lexicon already reads the act (the verb, or its object noun) as a cooperative event."""
    if v.lemma_.lower() in _HAND:
        return True
    return any(c.dep_ in {"dobj", "obj"} and lx.NOUN_TRIGGERS.get(c.lemma_.lower(), ("",))[0] in COOPERATIVE_TYPES
               for c in v.children)


def drafts(sent: Span) -> Iterator[Draft]:
    """REJECT drafts of the refused cooperative acts of ``sent``."""
    if sent.text.rstrip().endswith("?"):
        return
    for v in sent:
        if v.pos_ != "VERB" or v.lemma_.lower() not in ACTS or _hand_reading(v):
            continue
        how = refused(v)
        if how is None or _subject(v) is None:
            continue
        yield Draft(v, [v], "REJECT", None, {"type": f"phrase:refused act ({how} {v.lemma_.lower()})"})
