"""Entities read as places by their frame, whatever label the tagger gave them ("the town of Saraqib",
"in Tachira state", "missiles struck Kharkiv", "attacks mainly in Aleppo"); the coder hands them to the
place resolver with the tagger's places (coder._resolve_places)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..times.engine import scan
from .common import GROUND_VERBS, PLACE_NOUNS, PLACE_PARTS, _trigger_lemma

if TYPE_CHECKING:
    from spacy.tokens import Span

# prepositions of location whose object the tagger, not knowing the name, often labels otherwise
_AT = frozenset({"in", "near", "outside", "through", "across", "into"})
with (Path(__file__).with_name("data") / "named_days.tsv").open(encoding="utf-8") as _fh:
    NAMED_DAYS = frozenset(x.strip() for x in _fh if x.strip() and not x.startswith("#") and x.strip() != "word")


def _no_time(ent: Span) -> bool:
    """A DATE entity that names no time at all ("in Manbij" tagged DATE): no digit, no named day or month
    of a calendar (data/named_days.tsv: "in Ramadan"), and the time finder reads no month, weekday, season
    or relative time in it."""
    return (not any(ch.isdigit() for ch in ent.text) and not any(t.lower_ in NAMED_DAYS for t in ent)
            and not scan(ent.text))


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
    from .context import FOCUS_RULES_OFF

    dated = "date-tagged-place" not in FOCUS_RULES_OFF and ent.label_ == "DATE" and _no_time(ent)
    labels = {"ORG", "PERSON", "NORP"} | ({"DATE"} if dated else set())
    return bool(ent.label_ in labels and ent.root.dep_ == "pobj" and head.lower_ in _AT and ent[0].is_title
                and len(ent) <= 3)
