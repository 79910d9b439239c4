"""Statements whose hostility is in what they call someone: "Manafort called the report 'unfounded, silly and
nonsensical'", "Trump railed against NYT reporters as 'dishonest people'", "Trump was described by Obama as
'unfit' and 'woefully unprepared'", "called them a 'terrorist matrix'".

CAMEO codes such a label as criticism (111 "criticize or denounce": PETRARCH's CAMEO.2.0 dictionary has
"call ... liar / dictator / illegitimate", "brand ... terrorist", "describe ... as", "depict ... as"; PLOVER
ACCUSE disapprove). The dictionary lists a few labels; the frame here reads any label by its words: the
label is negative when VADER rates it so (events/valence.py, the same test as a statement's content in
verbal._frame_negative_content) or when it is one of the dictionary's own labels. What is labelled must be
a side, or what a side did or said ("the report", "this policy": data/verbal_words.tsv class 'labelled');
"described the situation as dire" judges no one. The speaker is the subject, or the by-agent of a passive.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..taxonomy.plover import VERBAL_CONFLICT_TYPES
from . import lexicon as lx
from .syntax import _subjects
from .verbal import _WORDS, NEGATIVE_SUM, NEGATIVE_WORD, SPEAKER_PRONOUNS, _is_party, named_side

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from spacy.tokens import Span, Token

    from ..records import ActorRef
    from .common import Draft

DATA = Path(__file__).with_name("data")
LABELLED_NOUNS = frozenset(_WORDS.get("labelled", ()))
# pronouns that stand for a side labelled ("called them a terrorist matrix"); "it", "this" as often a thing
_LABELLED_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they", "us", "me", "you"})
# the words a label is made of: its head and what qualifies it, not a phrase hanging off it ("dishonest
# people over a story about divisions": the story is the topic, not the label)
_LABEL_DEPS = frozenset({"amod", "compound", "conj", "cc", "advmod", "acomp", "attr", "appos", "nmod", "npadvmod",
                         "neg", "det", "punct", "oprd"})


@lru_cache(maxsize=1)
def cameo_labels() -> frozenset[str]:
    """The labels CAMEO's dictionary codes as criticism or accusation under 'call' and 'brand' (111x)."""
    return frozenset(r["object"] for r in lx._rows(DATA / "cameo_lexicon.tsv")
                     if r["verb"] in {"call", "brand"} and r["cameo"].startswith("11") and len(r["object"]) > 2
                     and r["object"] not in {"for", "off", "on", "upon", "up", "to"})


def _side_speaking(speakers: list[Token]) -> set[int] | None:
    """The words of the speakers when one of them is a side or a pronoun that speaks for one (what they
    say may then judge another side, never themselves); None when no side speaks."""
    if not any(_is_party(s) or s.lower_ in SPEAKER_PRONOUNS for s in speakers):
        return None
    return {t.i for s in speakers for t in s.subtree}


def _label_words(head: Token) -> list[Token]:
    out = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in _LABEL_DEPS:
                out.append(c)
                stack.append(c)
    return out


def _labels(tok: Token) -> list[Token]:
    """The heads of what the verb calls its object: an object predicate ("called them a terrorist matrix",
    "called the report silly"), an adjective after the object, an as-phrase ("described ... as 'unfit'", "railed against reporters as
    'dishonest people'")."""
    out = [c for c in tok.children if c.dep_ == "oprd"]
    # an adjective after the object is its predicate, which the parser may hang on the object ("called the
    # governor's plan 'reckless and dangerous'"); before it, it is the object's own ("the failed policy")
    out += [a for o in tok.children if o.dep_ in {"dobj", "obj"} for a in o.children if a.dep_ == "amod" and a.i > o.i]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            out += [g for g in c.children if g.dep_ in {"pobj", "pcomp", "amod", "acomp", "attr"}]
    return out


def _labelled(tok: Token) -> list[Token]:
    """Who or what is labelled: the object, the subject of a passive, or what one rails against."""
    out = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    out += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "against" for g in c.children
            if g.dep_ == "pobj"]
    return out


def _judged(t: Token) -> bool:
    """A side, or what a side did or said ("the report", "this policy", "the failure by the HSE")."""
    if _is_party(t) or t.lower_ in _LABELLED_PRONOUNS or t.lemma_.lower() in LABELLED_NOUNS:
        return True
    # "NYT reporters", "Obama's aides": people named by the side they belong to
    return t.pos_ == "NOUN" and any(c.dep_ in {"compound", "poss"} and _is_party(c) for c in t.children)


def _speakers(tok: Token) -> list[Token]:
    """The subject, or the by-agent of a passive (which the parser may hang on the label: "described as
    'reckless' by Cllr Meaney")."""
    subj = list(_subjects(tok))
    if subj:
        return subj
    out = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not out:
        out = [g for t in tok.subtree if t.dep_ == "prep" and t.lower_ == "by" and t.i > tok.i
               for g in t.children if g.dep_ == "pobj"]
    return out


def _frame_labeling(tok: Token) -> bool:
    """A side calls another side, or its act or words, by a hostile label (module docstring)."""
    from .valence import valence

    labels = _labels(tok)
    if not labels:
        return False
    speaker = _side_speaking(_speakers(tok))
    if speaker is None:
        return False
    if not any(_judged(o) and o.i not in speaker for o in _labelled(tok)):
        return False
    words = [w for h in labels for w in _label_words(h)]
    if any(w.lemma_.lower() in cameo_labels() or w.lower_ in cameo_labels() for w in words if w.pos_ in {"NOUN", "ADJ"}):
        return True
    total, worst = valence(w for w in words if w.pos_ in {"ADJ", "ADV", "NOUN", "VERB"})
    return total <= NEGATIVE_SUM and worst <= NEGATIVE_WORD


# the modals under which a hoped-for act is another side's to do ("hoped that Beijing would continue to cooperate")
_APPEAL_MODALS = frozenset({"would", "will", "'ll", "can", "could", "should", "shall"})


def _frame_appeal_content(tok: Token) -> bool:
    """'Kerry said he hoped that Beijing would continue to cooperate', 'diplomats hoped that the State Duma
    would soon ratify the protocols': a side's hope that another named side will act is an appeal to it
    (CAMEO 020 "appeal", whose dictionary reads 'hope' so by default; PLOVER REQUEST). The coder reads it
    only where the hoped-for act has a named side as its subject and a modal: "hoped that the talks would
    succeed" asks no one, "hoped to win" is the speaker's own aim."""
    speaker = _side_speaking(_subjects(tok))
    if speaker is None:
        return False
    for c in tok.children:
        if c.dep_ != "ccomp":
            continue
        if not any(a.dep_ == "aux" and a.lower_ in _APPEAL_MODALS for a in c.children):
            continue
        if any(_is_party(s) and s.pos_ != "PRON" and s.i not in speaker for s in _subjects(c)):
            return True
    return False


def _frame_complaint_content(tok: Token) -> bool:
    """'Pangalos complained that Russia's obstinacy was hampering the council', 'Obama questioned why
    Republicans continue to endorse Trump': a verb of complaint (CAMEO 11x by default: complain, lament,
    question) whose content clause is about another named side blames that side (ACCUSE disapprove); a
    complaint about no side ("residents complained that the water was dirty") accuses no one."""
    from .verbal import _blamed

    speaker = _side_speaking(_subjects(tok))
    if speaker is None:
        return False
    return any(_is_party(b) and b.pos_ != "PRON" and b.i not in speaker
               for c in tok.children if c.dep_ == "ccomp" for b in _blamed(c))


STATEMENT_FRAMES: dict[str, Callable[[Token], bool]] = {
    "complaint_content": _frame_complaint_content,
    "labeling": _frame_labeling,
    "appeal_content": _frame_appeal_content,
}


# -------------------------------------------------------------------- blame laid for a harm
def _responsibility_words() -> dict[str, str]:
    return {r["word"]: r["kind"] for r in lx._rows(DATA / "responsibility_words.tsv")}


RESPONSIBILITY_WORDS = _responsibility_words()


def _harm(t: Token) -> bool:
    """Is what one is blamed for a harm: an act of force or coercion ("the bombing", "the attack on the
    convoy"), or a word VADER rates clearly negative ("the deaths", "the crisis")? A duty is none
    ("responsible for maintaining the road", "responsible for security")."""
    from .valence import word_valence
    from .verbal import HOSTILE_WORDS

    words = [t, *(c for c in t.children if c.dep_ in {"amod", "compound", "dobj"})]
    return any(w.lemma_.lower() in HOSTILE_WORDS or word_valence(w.lower_, w.lemma_.lower()) <= NEGATIVE_WORD
               for w in words)


def _blames_for_harm(word: Token) -> bool:
    """The for-, of- or behind-phrase of a blame word names a harm, or there is none ("Iran was responsible",
    said of an incident the article tells)."""
    objs = [g for c in word.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "behind"}
            for g in c.children if g.dep_ in {"pobj", "pcomp"}]
    if word.dep_ == "prep":  # "behind the attack": the phrase is the word
        objs = [g for g in word.children if g.dep_ in {"pobj", "pcomp"}]
        return bool(objs) and any(_harm(o) for o in objs)
    return not objs or any(_harm(o) for o in objs)


def blame_words(pred: Token) -> list[Token]:
    """The blame words a predicate holds: "responsible" (acomp, or an adjective the parser hangs on the
    object: "held the rebels responsible"), "behind the attack", "to blame"."""
    def holds(c: Token) -> bool:
        kind = RESPONSIBILITY_WORDS.get(c.lower_)
        if kind == "adj":
            return c.dep_ in {"acomp", "oprd", "amod", "ccomp", "xcomp"} and c.pos_ == "ADJ"
        if kind == "prep":
            return c.dep_ == "prep"
        return kind == "inf" and c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)

    return [c for c in pred.children if holds(c) and _blames_for_harm(c)]


def held_responsible(tok: Token) -> list[Token]:
    """Whom "hold" holds responsible for a harm ("held the rebels responsible for the attack")."""
    if tok.lemma_.lower() != "hold":
        return []
    objs = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
    if any(w.i > tok.i for w in blame_words(tok)) or any(blame_words(o) for o in objs):
        return [o for o in objs if named_side(o)]
    return []


def blamed_sides(tok: Token) -> list[Token]:
    """The sides a statement lays the blame on: the named subject of a content clause whose predicate is a
    blame word ("the army said the rebels were behind the bombing" -> rebels), or whom "hold" holds
    responsible; never the speaker ("the group said it was behind the attack" is a claim, not a blame)."""
    speaker = _side_speaking(_speakers(tok))
    if speaker is None:
        return []
    if tok.lemma_.lower() == "hold":
        return [o for o in held_responsible(tok) if o.i not in speaker]
    return [s for c in tok.children if c.dep_ == "ccomp" and blame_words(c)
            for s in _subjects(c) if named_side(s) and s.i not in speaker]


def _frame_responsibility(tok: Token) -> bool:
    """A side lays the blame for a harm on another named side (PLOVER ACCUSE; CAMEO 112 "hold ...
    responsible"): "the army said the rebels were behind the bombing", "investigators concluded that the
    militants were to blame for the blast", "Kabul held the Taliban responsible for the attack". Not a
    duty ("the council said the company was responsible for maintaining the road"), not a side's claim
    of its own act ("the group said it was behind the attack")."""
    return bool(blamed_sides(tok))


STATEMENT_FRAMES["responsibility"] = _frame_responsibility


def lays_blame(sent: Span) -> bool:
    """Does a verb of the sentence lay blame by the frame above? The coder's phrase rule for "was
    responsible for" then leaves the sentence to it (one event, with the frame's speaker and blamed side)."""
    verbs = _responsibility_verbs()
    return any(t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in verbs and blamed_sides(t) for t in sent)


@lru_cache(maxsize=1)
def _responsibility_verbs() -> frozenset[str]:
    """The statement verbs the lexicon reads with the responsibility frame (read once, not per sentence)."""
    return frozenset(t.lemma for t in lx.VERB_TRIGGERS if t.frame == "responsibility")


# -------------------------------------------------------------------- a speaker told by a pronoun
_PLURAL_SPEAKERS = frozenset({"they", "we"})


def pronoun_speaker_carries(d: Draft, actors: Sequence[ActorRef]) -> bool:
    """Does the plural pronoun that speaks carry the statement? "Iraqi troops reached the old city. They requested
    air support from the coalition": the article's coreference names the speaker by a kind of party (a
    common noun: troops, paramilitaries), a reading that only fills the roles of an event standing on its own
    evidence (roles.FILL_ONLY_MARK). A statement verb whose own subject is that pronoun is such evidence:
    someone the article named speaks; the act is the statement, not a thing that happened to no one."""
    from .roles import FILL_ONLY_MARK

    t = d.trigger
    if d.plover_type not in VERBAL_CONFLICT_TYPES or d.nominal or not d.rules.get("type", "").startswith("verb:"):
        return False
    # a plural speaker (a body, a force, a group); "she said" for an unplaced person is as often a private
    # witness, whom coreference may tie to the wrong name ("she said, Epstein ordered them ...")
    subj = [s for s in _subjects(t) if s.pos_ == "PRON" and s.lower_ in _PLURAL_SPEAKERS]
    return bool(subj) and any(a.rule is not None and a.rule.startswith("coreference:") and FILL_ONLY_MARK in a.rule
                              and a.start == subj[0].idx for a in actors)
