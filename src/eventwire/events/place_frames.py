"""Entities read as places by their frame, whatever label the tagger gave them ("the town of Saraqib",
"in Tachira state", "missiles struck Kharkiv", "attacks mainly in Aleppo"); the coder hands them to the
place resolver with the tagger's places (coder._resolve_places)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..times.engine import scan
from . import lexicon as lx
from .common import GROUND_VERBS, PLACE_NOUNS, PLACE_PARTS, _trigger_lemma, doc_text
from .person_places import WORDS as PERSON_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..places import PlaceResolver

# prepositions of location whose object the tagger, not knowing the name, often labels otherwise
_AT = frozenset({"in", "near", "outside", "through", "across", "into"})
NAMED_DAYS = frozenset(r["word"].strip() for r in lx._rows(lx.DATA / "named_days.tsv") if r["word"].strip())


def _no_time(ent: Span) -> bool:
    """A DATE entity that names no time at all ("in Manbij" tagged DATE): no digit, no named day or month
    of a calendar (data/named_days.tsv: "in Ramadan"), and the time finder reads no month, weekday, season
    or relative time in it."""
    return (not any(ch.isdigit() for ch in ent.text) and not any(t.lower_ in NAMED_DAYS for t in ent)
            and not scan(ent.text))


# "MoD", "DoD", "DfID": an acronym with lower-case letters inside is a body's, never a place's name (the
# gazetteer's alternate names would read "MoD" as Maud or Modesto)
_CAMEL_ACRONYM = re.compile(r"^[A-Z][a-z]{1,2}[A-Z]{1,2}$")
# the generational suffix of a person's name ("Gino Bassett, Sr."), read by the tagger as a place
NAME_SUFFIXES = PERSON_WORDS.get("suffix", frozenset())


def no_place_name(text: str) -> bool:
    """A tagged place whose words cannot name one: a camel-case acronym or a name's generational suffix."""
    if "acronym-not-place" in _rules_off():
        return False
    t = text.strip()
    return bool(_CAMEL_ACRONYM.match(t)) or t.lower().rstrip(".") in NAME_SUFFIXES


def _rules_off() -> frozenset[str]:
    from .context import FOCUS_RULES_OFF

    return FOCUS_RULES_OFF


def place_by_frame(ent: Span) -> bool:
    """'the town of Saraqib', 'in X province': a place whatever label NER gave it."""
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS | PLACE_PARTS:
        return True  # "the town of Saraqib", "the outskirts of Tripoli", "the centre of Yerevan"
    if (ent.label_ in {"ORG", "PERSON"} and ent.root.dep_ in {"dobj", "nsubjpass"} and len(ent) <= 3
            and ent[0].is_title and _trigger_lemma(head) in GROUND_VERBS):
        return True  # "missiles struck Kharkiv", "troops besieged Homs": what is shelled or taken is ground
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if nxt is not None and (nxt.lemma_.lower() in {"province", "governorate", "district", "region"}
                            or nxt.text in {"state", "county"}):
        return True  # "in Tachira state" (not "Islamic State": the tagger keeps that one name)
    # "attacks mainly in Aleppo": the tagger also reads towns as organisations, persons or peoples, and an
    # unknown name as a date ("in Manbij"); the resolver tells a people ("in Syrians") from a place and
    # leaves a demonym without a point
    dated = "date-tagged-place" not in _rules_off() and ent.label_ == "DATE" and _no_time(ent)
    labels = {"ORG", "PERSON", "NORP"} | ({"DATE"} if dated else set())
    return bool(ent.label_ in labels and ent.root.dep_ == "pobj" and head.lower_ in _AT and ent[0].is_title
                and len(ent) <= 3)


# "eastern Aleppo", "north-west Syria": a compass adjective before a name after a locative preposition
_COMPASS = re.compile(r"^(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern|ward)?$"
                      r"|^(?:north|south)-?(?:east|west)ern$", re.I)


def untagged_places(doc: Doc, places: PlaceResolver) -> list[tuple[int, int, str]]:
    """Place names the tagger left without any label, in a frame only a place fits (rule "untagged-place"):
    the object of a place noun's "of" ("the southern Russian town of Donetsk") or a name after a compass
    adjective and a locative preposition ("deliveries to eastern Aleppo"). Kept only where the gazetteer
    reads the words as a place of that very name (a capitalised common word is no place). Resolver mentions
    (start, end, "GPE")."""
    if "untagged-place" in _rules_off():
        return []
    found: list[tuple[int, int, str]] = []
    for tok in doc:
        if tok.ent_type_ or tok.pos_ != "PROPN" or not tok.is_title or tok.dep_ != "pobj" or tok.lower_ in NAMED_DAYS:
            continue
        run = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and not t.ent_type_] + [tok]
        if run[-1].i - run[0].i != len(run) - 1:
            continue
        head = tok.head
        frame = (head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS and head.head.pos_ == "NOUN") or (
            head.lower_ in _AT | {"to"} and any(c.dep_ == "amod" and _COMPASS.match(c.text) for c in tok.children))
        if not frame:
            continue
        start, end = run[0].idx, tok.idx + len(tok)
        name = doc_text(doc)[start:end]
        if head.lower_ == "of":
            # "the Russian town of Donetsk": the mention keeps the country and kind its words give
            noun = head.head
            adj = [c for c in noun.lefts if c.dep_ == "amod" and c.is_title and c.i == noun.i - 1]
            start = adj[0].idx if adj else start
        p = places.resolve(doc_text(doc)[start:end])
        if p is not None and p.lat is not None and (p.name or "").lower() == name.lower():
            found.append((start, end, "GPE"))
    return found
