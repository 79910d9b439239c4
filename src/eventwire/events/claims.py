"""Who says an event happened: its claim source ('X said', 'according to X', who claims responsibility);
the outlet only where it speaks in the text (arguments.ArgumentsMixin inherits ClaimsMixin)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from . import lexicon as lx
from .circumstances import VERBAL_TYPES
from .common import PRONOUNS, Draft
from .context import ArticleContext
from .syntax import _claim_text, _first_person, _inherited_subjects, _subjects

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .arguments import ArgumentsMixin


class ClaimsMixin:
    """The claim-source part of EventCoder's role filling."""

    def _attributed(self, d: Draft, sent: Span, ctx: ArticleContext,
                    si: int) -> tuple[list[str], Token | None]:
        """The event's claim source and the word that names it in the sentence: a first person ("we")
        is the article's speaker; a pronoun ("he said") who it stands for."""
        claim, claim_tok = self._claim_source(d, sent, ctx, si)
        if claim_tok is not None and _first_person(claim_tok):
            sp = ctx.speaker_for(si, None, cast("ArgumentsMixin", self))  # EventCoder, which inherits both
            return ([sp.name or sp.text] if sp is not None else []), None
        if claim_tok is not None and claim_tok.lower_ in PRONOUNS:
            m = ctx.antecedent(si, plural=claim_tok.lower_ == "they", person=claim_tok.lower_ in {"he", "she"},
                               before=claim_tok.idx)
            named = ctx.reported_by(si, claim_tok) if m is None else None
            claim = [m.name or m.text] if m is not None else [_claim_text(named, ctx.text)] if named is not None else []
        return claim, claim_tok

    def _claim_source(self, d: Draft, sent: Span, ctx: ArticleContext, si: int) -> tuple[list[str], Token | None]:
        t = d.trigger
        # responsibility is claimed for what was done: a statement about the attack (a condemnation, an
        # appeal) is its speaker's word, not the claimant's
        claimant = (None if d.plover_type in VERBAL_TYPES else _responsibility_claimant(t, sent)) or \
            _free_relative_claimant(t)
        if claimant is not None:
            return [_claim_text(claimant, ctx.text)], claimant
        cur = t
        for _ in range(8):
            if cur.lemma_.lower() in lx.SPEECH_VERBS and cur.i != t.i:
                subj = _subjects(cur) or _inherited_subjects(cur)
                if subj:
                    return [_claim_text(subj[0], ctx.text)], subj[0]
            if cur.head == cur:
                break
            cur = cur.head
        # "X did Y, Z said" / "as Bloomberg reports": a speech verb hanging off the event's clause
        for tok in sent:
            if tok.lemma_.lower() in lx.SPEECH_VERBS and tok.i != t.i and tok.dep_ in {"parataxis", "advcl", "ccomp", "conj", "ROOT"}:
                if tok.dep_ == "ROOT" and t not in list(tok.subtree):
                    continue
                subj = _subjects(tok) or _inherited_subjects(tok)
                if subj and not (subj[0].i <= t.i <= subj[0].i):
                    return [_claim_text(subj[0], ctx.text)], subj[0]
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                objs = [g for g in tok.doc[tok.i + 1].children if g.dep_ == "pobj"]
                if objs:
                    return [_claim_text(objs[0], ctx.text)], objs[0]
        if d.plover_type == "ASSAULT" and (claimant := _responsibility_claimed(sent)) is not None:
            # "condemns the attacks in Jabla ..., and Tartus, for which Da'esh has claimed responsibility":
            # however the parser hangs the claim, the attack the sentence tells is what is claimed
            return [_claim_text(claimant, ctx.text)], claimant
        src = ctx.list_source(si) or ctx.continued_source(si, sent) or ctx.bracketed_source(si)
        if src:
            return [src], None
        return [], None


# verbs that attribute a description: "what X claimed was a deliberate bombing", "what police described as
# an attack", "what Moscow called a provocation"
DESCRIBING_VERBS = lx.SPEECH_VERBS | {"call", "describe", "term", "label", "brand", "allege", "characterize",
                                       "characterise"}


def _free_relative_claimant(t: Token) -> Token | None:
    """Who gives an event noun its description in a free relative: "because of what the United States
    claimed was a deliberate bombing", "in what police described as a targeted attack". The event is
    that speaker's claim, whatever the parser makes of the clause around it."""
    head = t.head
    if not (t.dep_ in {"attr", "oprd"} and head.lemma_ == "be" or t.dep_ == "pobj" and head.lower_ == "as"):
        return None
    for v in t.doc[max(0, head.i - 8): head.i]:
        if v.lemma_.lower() in DESCRIBING_VERBS and any(c.lower_ == "what" for c in v.children):
            subj = _subjects(v)
            if subj and not _first_person(subj[0]):
                return subj[0]
    return None


def _responsibility_claimant(t: Token, sent: Span) -> Token | None:
    """Who claimed the event: "an attack claimed by Daesh", "for which Daesh has claimed responsibility",
    "the group claimed responsibility for the bombing". A claim of responsibility is the claimant's word
    on the event, whoever reports it; the attack is not its own claim source."""
    for tok in sent:
        if tok.lemma_.lower() != "claim" or tok.i == t.i:
            continue
        # the claim hangs off the event ("an attack claimed by ...", "an attack on X, for which ... claimed
        # responsibility") or the event is what responsibility is claimed for; a verb that merely has the
        # claim somewhere below it ("condemns the attack claimed by ...") is not claimed
        agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        host = tok.head  # the word a claiming clause hangs off
        related = (
            host == t
            # "attacked a station ..., for which X claimed": unless that word is an event of its own
            or (tok.dep_ == "relcl" and host.head == t and host.lemma_.lower() not in lx.NOUN_TRIGGERS)
            or (t.head == tok and bool(agents))  # "attacks ..., also claimed by X, have killed"
            or (t.head.lower_ == "for" and t.head.head in {tok, *[c for c in tok.children if c.dep_ in {"dobj", "obj"}]})
        )
        if not related:
            continue
        if agents:
            return agents[0]
        if any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in {"responsibility", "credit"} for c in tok.children):
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            if subj and subj[0].lower_ not in {"which", "that", "who"}:
                return subj[0]
    return None


def _responsibility_claimed(sent: Span) -> Token | None:
    """Who claims responsibility in the sentence at all ("..., for which the Islamic State has claimed
    responsibility", however the parser attaches the clause): the claimant of the sentence's attack when
    the attack names no attacker of its own."""
    for tok in sent:
        if tok.lemma_.lower() == "claim" and any(
                c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in {"responsibility", "credit"} for c in tok.children):
            subj = [c for c in tok.children if c.dep_ == "nsubj" and c.lower_ not in {"which", "that", "who"}]
            if subj and not _first_person(subj[0]):
                return subj[0]
    return None
