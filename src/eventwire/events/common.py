"""What the coder's parts share: the trigger lemma index, word lists and patterns, and the draft an event is
built from."""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import lexicon as lx

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_VERB_INDEX: dict[str, list[lx.Trigger]] = {}
for _tr in lx.VERB_TRIGGERS:
    _VERB_INDEX.setdefault(_tr.lemma, []).append(_tr)


_TEXT_KEY = "eventwire.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per doc: spaCy joins every token's text on each access (~0.3 ms for a news
    article), and the coder asked for it ~40 times an article (docs/scale.md, round 15). A Doc's text never
    changes (retokenizing keeps it), so the first reading stands."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def _inflections(lemma: str) -> set[str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "d" if lemma.endswith("e") else lemma + "ed", stem + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms


# The lemmatiser's misses ("raped" -> "rap") are caught by the trigger's own regular forms.
_FORMS = {form: lem for lem in _VERB_INDEX for form in _inflections(lem)}


def _trigger_lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return lemma if lemma in _VERB_INDEX else _FORMS.get(tok.lower_, lemma)


# Lexicon words listed only for one idiom ("take to the streets", "use tear gas", "crowds gathered"):
# when their frame says no, the learned trigger model still reads them, as it did before they were listed.
# The capture frames read ground taken by force ("seized the town") and people taken by force ("the rebels
# captured two soldiers"); what else is captured or seized ("police seized weapons", "police captured the
# suspect") is left to the model the same way.
_NARROW_FRAMES = frozenset({"to_the_streets", "crowd_control_weapon", "protest_crowd", "protest_obstruct",
                            "take_control", "capture", "capture_person", "negative_content",
                            # blame laid in a statement ("held X responsible"): "held talks" stays the model's
                            "responsibility"})
# Verbs listed only from the CAMEO dictionary are open too: where none of their patterns holds, the model
# reads them as it did before they were compiled.
_MODEL_OPEN = frozenset(
    {lem for lem, trs in _VERB_INDEX.items() if all(t.frame in _NARROW_FRAMES or t.source == "cameo" for t in trs)}
    | lx.AGREEMENT_NOUNS
)

# Verbs that govern event nouns, with their regular forms ("staged" is lemmatised "stag").
# Verbs whose subject carries out the event noun they govern: "rebels launched an attack", "supporters
# staged sit-ins", "they reached an agreement".
NOMINAL_AGENT_VERBS = lx.LIGHT_VERBS | lx.PROTEST_LIGHT_VERBS | lx.AGREEMENT_VERBS
_GOVERNORS = NOMINAL_AGENT_VERBS | lx.OCCURRENCE_VERBS | lx.POLICING_VERBS | lx.JUDGED_EVENT_VERBS
_GOVERNOR_FORMS = {form: lem for lem in _GOVERNORS for form in _inflections(lem)}


def _governor_lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return lemma if lemma in _GOVERNORS else _GOVERNOR_FORMS.get(tok.lower_, lemma)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
FIRST_PERSON = {"we", "our", "us", "ours", "ourselves", "i", "me", "my", "mine", "myself"}
PRONOUNS = {"they", "them", "their", "it", "its", "he", "him", "his", "she", "her"}
PLACE_NOUNS = {"town", "city", "village", "province", "district", "region", "governorate", "area", "capital",
               "neighbourhood", "neighborhood", "county", "state", "municipality", "camp", "suburb", "port"}
# Parts of a place: "the outskirts of Tripoli", "the centre of Yerevan" name the place they are part of.
PLACE_PARTS = {"centre", "center", "outskirts", "outskirt", "heart", "suburbs", "suburb", "edge", "north", "south",
               "east", "west", "northeast", "northwest", "southeast", "southwest", "vicinity", "streets", "part",
               "parts", "countryside", "periphery"}
# Verbs whose object is ground, not a person: what is shelled, besieged or taken is a place.
GROUND_VERBS = frozenset({"strike", "shell", "bomb", "bombard", "pound", "besiege", "capture", "seize", "recapture",
                          "retake", "overrun", "storm", "raid", "encircle", "blockade", "airstrike"})
LOCATIVE_PREPS = {"in", "at", "near", "across", "outside", "inside", "around", "into", "to", "from", "on",
                  "throughout", "within"}

BOILERPLATE = re.compile(
    r"^\s*(\d+\s+comments?|article written by|written by|reporting by|editing by|follow us|subscribe|"
    r"sign up|click here|read more|share this|copyright|all rights reserved|related:|advertisement|photo by|"
    r"photograph:|image:|credit:|file photo)",
    re.I,
)
EDITORIAL = re.compile(r"\b(we remind readers|we found that|as we reported|our readers|we noted)\b", re.I)
CONDITIONAL_THREAT = re.compile(
    r"\b(if|unless)\b[^.]*\b(we|our)\b[^.]*\b(have plans|will respond|will retaliate|will not hesitate|"
    r"will take|are ready|will strike|force us|plan [bB])",
    re.I,
)
FORCE_US = re.compile(r"\b(not to force us|force our hand|leave us no choice|will pay a heavy price)\b", re.I)
BLAME_PHRASE = re.compile(r"\b(could|would) have been avoided\b|\bis to blame\b|\bwas responsible for\b", re.I)
PROOF_PHRASE = re.compile(r"\b(proof|evidence)\s+of\b", re.I)
ONGOING = re.compile(r"\b(has|have) been \w+ing\b|\bcontinues? to\b|\bongoing\b", re.I)
LEFT_DEAD = re.compile(
    r"\b(?:left|leaving|killing|killed|that killed|which killed)\s+(?P<pre>at least\s+|more than\s+)?"
    r"(?P<n>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty)\b"
    r"(?:\s+\w+){0,3}?\s+(?:dead|killed)\b|\bkilling\s+(?P<pre2>at least\s+)?(?P<n2>\d[\d,]*)",
    re.I,
)
# The learned trigger model proposes an event only when it is at least this sure (dev split: see
# docs/evaluation.md); below it the hand-written lexicon alone decides.
MODEL_THRESHOLD = float(os.environ.get("EVENTWIRE_TRIGGER_THRESHOLD", "0.45"))
FOOTNOTE = re.compile(r"\.?\[\d*\]?$")  # "aircraft.[2]": a reference marker glued to the last word
TERROR_WORDS = re.compile(r"terror|jihad|al-qaeda|al qaeda|isis|isil|islamic state|daesh|qaeda", re.I)


@dataclass
class Mention:
    """A resolved party as the coder keeps it while reading the article (for coreference)."""

    text: str
    country: str | None
    sector: str | None
    name: str | None
    plural: bool
    person: bool
    sent_i: int
    start: int = -1  # character offset in the article; -1 where unknown (a speaker, an event's party)
    role: str = ""  # "actor" or "recipient" for an event's party


@dataclass
class Draft:
    trigger: Token
    triggers: list[Token]
    plover_type: str
    mode: str | None
    rules: dict[str, str] = field(default_factory=dict)
    nominal: bool = False
    # an event noun whose frame itself says the incident happened ("protests erupted", "reached an
    # agreement", "Saturday's attack", a condemned attack), or a crowd that gathers: it stands as an
    # event even when no party is named
    standalone: bool = False


def word_classes(name: str) -> dict[str, frozenset[str]]:
    """A word list kept as data (``events/data/<name>``, TSV with ``word`` and ``class`` columns, ``#`` comments):
    the words of each class."""
    with (Path(__file__).with_name("data") / name).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader((x for x in fh if not x.startswith("#")), delimiter="\t"))
    return {c: frozenset(r["word"] for r in rows if r["class"] == c) for c in {r["class"] for r in rows}}
