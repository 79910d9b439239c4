"""Places that describe a person rather than locate an event: a home town after the person ("Master Sgt
Johnathan Dunbar of Austin, Texas, died ... in the blast" in Syria; "Miguel Beedle, 55, of Park Ridge"),
the origin of an ordinary person ("a man from Evanston") and a nickname ("Mohanna Abdhou, known as
Montana"). Such a place says who, not where: it is neither the place of the sentence's event nor a
mention of the article's focus (events/circumstances.py, events/context.py). The words are data
(data/person_place_words.tsv)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .common import word_classes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..records import Place


WORDS = word_classes("person_place_words.tsv")
HOME = WORDS.get("home", frozenset())
PEOPLE = WORDS.get("people", frozenset())
ALIAS = WORDS.get("alias", frozenset())


def _is_person(t: Token) -> bool:
    return t.ent_type_ == "PERSON" or (t.pos_ == "NOUN" and t.lemma_.lower() in PEOPLE)


def describes_person(tok: Token) -> bool:
    """The place whose head word is ``tok`` describes a person: the object of "of"/"from" hung on a named
    person or a noun of ordinary people, or of "as" after "known"/"nicknamed"; a state or country set
    beside that place ("Austin, Texas") goes with it."""
    t = tok
    for _ in range(3):
        # "Austin, Texas": the state is the town's apposition (or a conjunct); read the town's role
        if t.dep_ in {"appos", "conj"} and t.head.i != t.i and t.head.ent_type_ in {"GPE", "LOC"}:
            t = t.head
        else:
            break
    if t.dep_ != "pobj":
        return False
    prep = t.head
    low = prep.lower_
    if low in HOME:
        return _is_person(prep.head)
    # "Mohanna Abdhou, known as Montana", not "the district known as Sheikh Maqsoud"
    return low == "as" and prep.head.lemma_.lower() in ALIAS and _is_person(prep.head.head)


def person_place_starts(doc: Doc, places: list[Place]) -> frozenset[int]:
    """The start offsets of the ``places`` that describe a person (describes_person)."""
    out = set()
    for p in places:
        if p.start is None or p.end is None:
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is not None and len(span) and describes_person(span.root):
            out.add(p.start)
    return frozenset(out)
