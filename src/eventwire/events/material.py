"""Material events whose clause names who underwent them but not who acted: "leftists were arrested",
"they were released in June", "the journalists were freed".

An agentless passive is how news reports arrests, detentions and releases: the police or the court that
acted go unsaid, the people it happened to are named, often by a common noun or a pronoun the actor
knowledge base cannot place ("leftists", "the suspects", "they"). The coder drops an event with no
resolvable party (coder.EventCoder._build); for these types the patient itself is the evidence that an
act between two sides took place, so a passive clause with a named patient stands. The patient is kept
as its text, with no country or sector guessed (nothing invented).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from ..records import ActorRef
from .common import PLACE_LABELS, PLACE_NOUNS, PLACE_PARTS, Draft

if TYPE_CHECKING:
    from spacy.tokens import Token

# Types whose passive clause is an act done to the patient by a side left unnamed (PLOVER: COERCE
# arrests and detains people; RETREAT releases them). ASSAULT is left out: its agentless passives
# ("three were killed") stand already when they give a toll, and the rest added 8 false positives for
# one true event on the team dev split out of fold (train_triggers --coder-cv 5).
PATIENT_TYPES = frozenset({"COERCE", "RETREAT"})
_NOT_PATIENTS = frozenset({"it", "this", "that", "which", "what", "there"})
_NOT_PARTY_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY",
                             "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})


def passive_patient(d: Draft) -> Token | None:
    """The subject of a passive verb trigger of a PATIENT_TYPES event when it can name people: a noun, a
    name or a personal pronoun, not a place, a date or a thing-pronoun ("it was released" is a report)."""
    t = d.trigger
    if d.nominal or d.plover_type not in PATIENT_TYPES or not d.rules.get("type", "").startswith(("verb:", "model:")):
        return None
    if not any(c.dep_ == "auxpass" for c in t.children):
        return None
    for c in t.children:
        if c.dep_ != "nsubjpass":
            continue
        if c.lower_ in _NOT_PATIENTS or c.ent_type_ in _NOT_PARTY_ENTS or c.ent_type_ in PLACE_LABELS:
            return None
        if c.lemma_.lower() in PLACE_NOUNS | PLACE_PARTS:
            return None
        if c.pos_ in {"NOUN", "PROPN", "PRON"}:
            return c
    return None


def patient_ref(tok: Token) -> ActorRef:
    """The named patient as a recipient with no country or sector (nothing guessed)."""
    words = [t for t in tok.subtree if t.dep_ not in {"relcl", "acl", "punct"} or t.i == tok.i]
    left, right = tok.left_edge.i, tok.i
    for t in tok.children:
        if t.i > tok.i and t.dep_ in {"compound", "flat", "appos"}:
            right = max(right, t.right_edge.i)
    span = tok.doc[left:right + 1] if words else tok.doc[tok.i:tok.i + 1]
    return ActorRef("recipient", span.text, None, None, None, start=span.start_char, end=span.end_char,
                    rule="passive patient: the act's side left unnamed")


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "until", "lest", "whether", "once"})


def finite_clause(v: Token) -> bool:
    """Does this verb head a finite clause with its own subject ("as they were released", "after police
    arrested him")? Such a clause asserts its own event; what an intention governs is non-finite
    ("tried to free them", "an attempt to storm the base")."""
    if not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in v.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in v.children):
        return False  # "unless Syrian forces withdraw", "if they attack": a condition asserts nothing
    return v.tag_ in FINITE_TAGS or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in v.children)


def _lemmas(name: str) -> frozenset[str]:
    with (Path(__file__).with_name("data") / name).open(encoding="utf-8") as fh:
        return frozenset(r["lemma"] for r in csv.DictReader(x for x in fh if not x.startswith("#")))


EXPLOSIVE_DEVICES = _lemmas("explosive_devices.tsv")
# verbs of going off, with the particle that some need ("went off", "blew up")
GOING_OFF = {"explode": None, "detonate": None, "blast": None, "go": "off", "blow": "up"}


def device_went_off(d: Draft) -> bool:
    """"The booby-trap bomb exploded", "two IEDs went off near the base": an explosive device going off
    is an attack whoever planted it; the clause stands as an event with no party named."""
    t = d.trigger
    if d.plover_type != "ASSAULT" or d.nominal or t.lemma_.lower() not in GOING_OFF:
        return False
    particle = GOING_OFF[t.lemma_.lower()]
    if particle and not any(c.dep_ in {"prt", "prep"} and c.lower_ == particle for c in t.children):
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in EXPLOSIVE_DEVICES for c in t.children)
