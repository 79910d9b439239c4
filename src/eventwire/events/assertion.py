"""Clauses that carry an event word but assert no event: conditions, questions, negations, habits, abilities.

Political news tells much that did not happen: "if you publicly rebuked him, you will stand tall", "did the
president not lay the groundwork ...?", "no one has been arrested", "the PYD does not retreat", "Sweden ...
usually rejecting refugees", "it can investigate crimes committed by nationals". Event data codes what a
side did; the team corpus guidelines code conditions, generic or habitual statements and negated events as
optional at most (eval/corpus/GUIDELINES.md), so coded as events they are false ones. The word classes are
data (data/assertion_words.tsv); each gate says why it dropped a draft, and the coder records nothing for it.

What stays: a threat ("we can strike anywhere", "if they attack, we will respond") is said, not done, and a
threat is the act itself; a denial ("denied carrying out the attack") carries its own modality ('denied');
the main clause of a condition ("If Trump asks me, I'll say no") is what the speaker says he will do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import lexicon as lx
from .common import Draft, word_classes

if TYPE_CHECKING:
    from spacy.tokens import Token


WORDS = word_classes("assertion_words.tsv")
CONDITION = WORDS.get("condition", frozenset())
HABITUAL = WORDS.get("habitual", frozenset())
ABILITY = WORDS.get("ability", frozenset())
NOBODY = WORDS.get("nobody", frozenset())
# a threat is done in the saying: "we can strike anywhere", "if they attack, we will respond"
SAID_ACTS = frozenset({"THREATEN"})
FORETOLD_HARM = frozenset({"ASSAULT"})
# violence a side says it did not do is a denial (eval/corpus/GUIDELINES.md: "a denial of an attack")
DENIABLE = frozenset({"ASSAULT"})
_CLOSERS = "\"'”’»)] \n\t"


def clause_of(d: Draft) -> Token:
    """The verb whose clause tells the draft's event: the trigger, the light verb of a nominal ("held talks",
    "launched an investigation"), the verb an infinitive or a coordinated verb hangs off ("can't be bothered
    to meet", "has beaten and detained")."""
    cur = d.trigger
    if d.nominal and cur.dep_ not in {"dobj", "obj", "nsubj", "nsubjpass", "attr"}:
        return cur  # "no one was hurt in the attack": the attack is not what the clause negates
    for _ in range(8):
        if cur.pos_ in {"VERB", "AUX"} and cur.dep_ not in {"xcomp", "conj", "amod"}:
            return cur
        if cur.head.i == cur.i:
            return cur
        if cur.pos_ in {"VERB", "AUX"} and cur.dep_ == "conj" and (cur.head.pos_ not in {"VERB", "AUX"} or any(
                c.dep_ == "cc" and c.lower_ in {"but", "yet"} for c in cur.head.children)):
            return cur  # "did not attack but shelled the town": the second verb is not under the first's 'not'

        cur = cur.head
    return cur


def conditions(v: Token) -> list[str]:
    """The conditional subordinators that mark a clause; "as if" and "even if" are no conditions of it."""
    out = []
    for c in v.children:
        if c.dep_ == "mark" and c.lower_ in CONDITION:
            before = c.doc[c.i - 1].lower_ if c.i > 0 else ""
            if before not in {"as", "even"}:
                out.append(c.lower_)
    return out


def condition(d: Draft) -> str | None:
    """'If you publicly rebuked him, ...', 'unless they withdraw', 'decide whether to suspend Russia': the
    clause is a condition or an open question; "it looks as if the NSA has been hacked" is none."""
    v = clause_of(d)
    for w in {v, v.head if v.dep_ == "conj" else v}:
        hit = conditions(w)
        if hit:
            return f"a condition: '{hit[0]}'"
    return None


def question(d: Draft) -> str | None:
    """'Did the president not lay the groundwork ...?', 'What would the hosts be saying if ...?': a question
    asks whether something is so; it reports nothing."""
    if d.plover_type in SAID_ACTS:
        return None
    text = d.trigger.sent.text.rstrip(_CLOSERS)
    return "a question" if text.endswith("?") else None


def negated(d: Draft) -> str | None:
    """'the PYD does not retreat', 'the police had not asked any of her staff', 'no one has been arrested': an
    event said not to have happened is no event (a denial of one is coded as a denial, elsewhere); a
    cooperative act refused is the rejection it codes (verbal.refusal)."""
    if d.rules.get("type", "").endswith("(refused)"):
        return None
    v = clause_of(d)
    if any(t.dep_ == "conj" and t.head.i == d.trigger.i and any(c.dep_ == "cc" and c.lower_ in {"but", "yet"}
                                                                for c in d.trigger.children) for t in d.triggers):
        return None  # "did not attack the village but shelled the town": one of its acts happened
    for w in {v, d.trigger}:
        if any(c.dep_ == "neg" for c in w.children):
            return None if denial(d, v) else "negated"
        for s in (c for c in w.children if c.dep_ in {"nsubj", "nsubjpass"}):
            if s.lower_ in NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in s.children):
                return f"no one did it: '{s.text.lower()}'"
    return None


def denial(d: Draft, v: Token) -> bool:
    """'The Israeli military said it had not struck the hospital', 'Israeli forces did not attack the
    hospital, the army said': a side saying it (or its forces) did no violence denies an attack, which the
    guidelines code (modality 'denied' or 'negated'). A reported act with a side as its subject, not one
    foretold ("would not target China") nor one a thing did ("the Second Amendment didn't kill people")."""
    if d.plover_type not in DENIABLE or any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll", "wo"}
                                            for w in (v, d.trigger) for c in w.children):
        return False
    reported = v.dep_ == "ccomp" and v.head.lemma_.lower() in lx.SPEECH_VERBS or any(
        c.dep_ in {"parataxis", "ccomp"} and c.lemma_.lower() in lx.SPEECH_VERBS for c in v.children)
    subj = [c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return reported and any(s.pos_ == "PRON" or any(t.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}
                                                   for t in s.subtree) for s in subj)


def habitual(d: Draft) -> str | None:
    """'Sweden ... usually rejecting refugees', 'Sanders has routinely criticized Clinton': a habit is no
    incident."""
    v = clause_of(d)
    for w in {v, d.trigger}:
        hit = [c.lower_ for c in w.children if c.dep_ == "advmod" and c.lower_ in HABITUAL]
        if hit:
            return f"a habit: '{hit[0]}'"
    return None


def ability(d: Draft) -> str | None:
    """'It can investigate crimes', 'the S-500 can intercept ten missiles', 'before investigations can be
    conducted': what a side is able to do, not what it did. A threat keeps its reading."""
    if d.plover_type in SAID_ACTS:
        return None
    hit = [c.lower_ for w in {clause_of(d), d.trigger} for c in w.children if c.dep_ == "aux" and c.lower_ in ABILITY]
    return f"an ability: '{hit[0]}'" if hit else None


def forecast(d: Draft, modality: str) -> str | None:
    """'then people will starve in large numbers', 'the industries would be hardest hit by shortages',
    '83 percent of Americans would be victimized': harm foretold is no attack. A side announcing its own
    violence ("we will strike") is a threat, coded as one before this gate (verbal.announced_threat)."""
    return "a forecast of harm" if d.plover_type in FORETOLD_HARM and modality == "future" else None


def unasserted(d: Draft, modality: str = "asserted") -> str | None:
    """Why a draft's clause asserts no event (None when it does). The phrase rules (a conditional threat,
    counterfactual blame) read conditions and modals as their own evidence, so they are not gated here."""
    if d.rules.get("type", "").startswith("phrase"):
        return None
    return condition(d) or question(d) or negated(d) or habitual(d) or ability(d) or forecast(d, modality)
