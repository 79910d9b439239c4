"""Death and injury tolls beside an event's trigger, read by the casualty words of data/casualty_words.tsv:
a harming verb's victims ("slaughtered 49 people", "Boken murdered her"), an event noun's "of" phrase ("the
police killing of an unarmed man"), a count with a casualty word ("83 dead and 178 wounded", "12
fatalities"). Nothing is counted that the text does not state as a count of people: a pronoun or a definite
singular person noun is one person ("he was shot dead", "the victim was killed"); "them", "the family",
"casualties" and numbers of things count nothing. circumstances.py (the event's size) reads these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..numbers import count_with_context
from . import lexicon as lx
from .syntax import _count_np

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_ROWS = lx._rows(lx.DATA / "casualty_words.tsv")
VERBS: dict[str, str] = {r["lemma"]: r["kind"] for r in _ROWS if r["pos"] == "verb"}
NOUNS: dict[str, str] = {r["lemma"]: r["kind"] for r in _ROWS if r["pos"] == "noun"}
ADJS: dict[str, str] = {r["lemma"]: r["kind"] for r in _ROWS if r["pos"] == "adj"}
PERSONS = frozenset(r["lemma"] for r in _ROWS if r["pos"] == "person")
_ONE_PERSON = {"he", "him", "she", "her"}
_DEFINITE = {"the", "this", "that"}


def verb_kind(lemma: str) -> str | None:
    """'dead' or 'injured' for a casualty verb's lemma ('slaughter', 'hurt'), else None."""
    return VERBS.get(lemma)


def people_count(head: Token) -> Any:
    """The count of people a victim phrase states (numbers.Count), or None: its number ('49 people', 'a
    civilian', 'Tamerlan'), a singular personal pronoun ('he was shot dead': one), a definite singular person
    noun ('the victim was killed': one; 'the family' is no count)."""
    c = _count_np(head)
    if c is not None:
        return c
    low = head.lower_
    if head.pos_ == "PRON" and low in _ONE_PERSON:
        return count_with_context("one")
    if head.tag_ == "NN" and head.lemma_.lower() in PERSONS and any(
            x.dep_ == "poss" or (x.dep_ == "det" and x.lower_ in _DEFINITE) for x in head.children):
        return count_with_context("one")
    return None


def of_victims(noun: Token) -> list[Token]:
    """Whom a killing noun befell: its "of" object ("the killing of three soldiers", "the death of Rufus
    Church"), for the casualty nouns only ("the attack of the army" names the attacker)."""
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.lemma_.lower() not in NOUNS:
        return []
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"]


def fate_victims(v: Token) -> list[Token]:
    """'who was found fatally shot', 'he was found shot dead': a wounding participle that is the predicate
    of a passive 'found' or 'left' is its subject's fate."""
    if v.dep_ not in {"oprd", "xcomp", "acomp", "advcl"} or v.head.lemma_.lower() not in {"find", "leave"}:
        return []
    return [c for c in v.head.children if c.dep_ == "nsubjpass"]


def counted_tolls(sent: Span) -> dict[str, tuple[int, bool]]:
    """Tolls a sentence states as a count next to a casualty word, the number its own phrase: "83 dead and
    178 wounded", "12 fatalities", "five bodies", "two people injured". Kind -> (count, lower bound); a kind
    stated twice in different numbers is left out (two incidents or a revision)."""
    found: dict[str, set[tuple[int, bool]]] = {}
    for t in sent:
        low, lemma = t.lower_, t.lemma_.lower()
        kind: str | None = None
        num: Token | None = None
        if t.pos_ in {"NOUN"} and NOUNS.get(lemma) and lemma not in {"killing", "murder", "massacre", "execution",
                                                                      "assassination", "beheading", "lynching",
                                                                      "slaughter", "injury"}:
            # "12 fatalities", "five bodies", "34 deaths": the counted noun itself
            kind = NOUNS[lemma]
            num = next((c for c in t.children if c.dep_ == "nummod"), None)
        elif low in ADJS and t.pos_ in {"ADJ", "VERB", "NOUN"}:
            # "83 dead", "178 wounded", "two people injured": a number or a counted noun that the word describes
            kind = ADJS[low]
            if t.dep_ in {"amod", "acl"} and t.head.like_num:
                num = t.head
            elif any(c.like_num and c.dep_ in {"nummod", "npadvmod", "dobj", "nsubj", "compound"} for c in t.children):
                num = next(c for c in t.children if c.like_num)
            elif t.dep_ in {"amod", "acl"} and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in {"people", "person"}:
                num = next((c for c in t.head.children if c.dep_ == "nummod"), None)
            elif t.dep_ in {"oprd", "acomp"}:
                # "at least 17 people were reported dead", "three were found dead": the predicate of a count
                for subj in (c for c in t.head.children if c.dep_ in {"nsubj", "nsubjpass"}):
                    num = subj if subj.like_num else next((c for c in subj.children if c.dep_ == "nummod"), None)
        if kind is None or num is None:
            continue
        cnt = count_with_context(num.text, sent.doc[max(sent.start, num.i - 4): num.i].text)
        if cnt.value is not None:
            found.setdefault(kind, set()).add((cnt.value, cnt.lower_bound))
    return {k: next(iter(v)) for k, v in found.items() if len({n for n, _ in v}) == 1}


def left_dead(v: Token) -> tuple[int, bool] | None:
    """A death toll in a verb's clause of outcome: "attacked a checkpoint, leaving seven soldiers dead",
    "stormed the village and left 12 people dead" (the count, its lower bound), else None."""
    for c in v.children:
        if c.dep_ not in {"advcl", "conj", "xcomp"} or c.lemma_.lower() != "leave":
            continue
        if not any(x.dep_ in {"oprd", "acomp", "xcomp", "ccomp"} and ADJS.get(x.lower_) == "dead" for x in c.children):
            continue
        for o in c.children:
            if o.dep_ in {"dobj", "obj"}:
                cnt = _count_np(o)
                if cnt is not None and cnt.value is not None:
                    return cnt.value, cnt.lower_bound
    return None


def governing_victims(v: Token) -> list[Token]:
    """Who died in the clause an attack's clause hangs off: "Two soldiers were killed when a bomb exploded",
    "the general died after an IED detonated under his convoy" (the death verb's victims)."""
    h = v.head
    if v.dep_ != "advcl" or h.pos_ not in {"VERB", "AUX"} or VERBS.get(h.lemma_.lower()) != "dead":
        return []
    dep = {"nsubj"} if h.lemma_.lower() in {"die", "perish"} else {"nsubjpass"}
    return [c for c in h.children if c.dep_ in dep]


# An attack noun told by what it did: the casualty verbs of this file that are no attack verbs themselves
# ("died", "perished": a verb that is one, "killed", codes the event with the noun as its argument), the nouns
# that count its dead ("the death toll from the bombing", "deaths in the shelling") and the adjectives a verb
# leaves its victims with ("suicide attacks that left 71 people dead").
# ("die" is an attack verb only when its frame finds the attack it died in: "died in the attack")
_ATTACK_VERBS = frozenset(t.lemma for t in lx.VERB_TRIGGERS if t.plover_type == "ASSAULT" and t.frame != "died_in_attack")
_TOLL_VERBS = frozenset(VERBS) - _ATTACK_VERBS
_TOLL_NOUNS = frozenset(NOUNS) | {"toll"}
_LEAVE = "leave"
_TOLL_PREPS = frozenset({"in", "during", "from"})


def _harms(verb: Token) -> bool:
    """'died', 'left 71 people dead' (an adjective: 'left ... with soldiers killed' has its own attack verb)."""
    low = verb.lemma_.lower()
    if low in _TOLL_VERBS:
        return True
    return low == _LEAVE and any(t.pos_ == "ADJ" and t.lower_ in ADJS for t in verb.subtree if t.i > verb.i)


def toll_anchor(tok: Token) -> str | None:
    """Why an attack noun names one incident though no date, place or side is tied to it: its toll ("attacks
    that left 71 people dead", "at least 11 people died during an hour of bombing", "the death toll from
    the bombing"). An attack that harmed people is an incident, not attacks in general ("an attack would be
    a mistake"). None else."""
    head = tok.head
    if tok.dep_ == "nsubj" and head.pos_ == "VERB" and _harms(head):
        return "told by its toll"
    if any(c.dep_ == "relcl" and c.pos_ == "VERB" and _harms(c) for c in tok.children):
        return "told by its toll"
    # up a chain of prepositional phrases ("during an hour of concentrated bombing") to what governs it
    node = tok
    for _ in range(3):
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            return None
        gov = node.head.head
        if gov.pos_ == "VERB":
            # "died in the bombing", "were wounded during the raid": the victims of this incident
            return "told by its toll" if gov.lemma_.lower() in _TOLL_VERBS and node.head.lower_ in _TOLL_PREPS else None
        if gov.lemma_.lower() in _TOLL_NOUNS and node.head.lower_ in {"in", "from", "of"}:
            return "told by its toll"
        node = gov
    return None
