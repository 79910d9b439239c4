"""Events an idiom carries and no single word of it does: "pleaded guilty", "on trial for murder", "pointed a
gun at the officer", "died of gunshot wounds", "set fire to" (issue 10: recall of the gold events nothing proposed, eval/tools/recall_map.py).

The idioms and their word classes are data (data/idiom_triggers.tsv, each with its PLOVER/CAMEO source). A
phrase matches a sentence when its lemmas occur in order, at most two words apart, with no negation among
them or on the trigger ("pleaded not guilty", "did not plead guilty" are no plea). The draft goes through the
coder's gates like any other (a future or hypothetical plea is coded with its modality, or not at all); its
``rules['idiom_roles']`` tells events/arguments.py who the parties are (``parties``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

from .common import Draft

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..records import Event

DATA: Final = Path(__file__).with_name("data") / "idiom_triggers.tsv"
ROLES: Final = "idiom_roles"
GAP: Final = 2
NEGATION: Final = frozenset({"not", "n't", "never", "no"})
_ROLE_KINDS: Final = frozenset({"undergoer", "at", "patient", "bearer"})


@dataclass(frozen=True)
class Idiom:
    phrase: str
    slots: tuple[frozenset[str], ...]
    trigger: int  # the slot whose word the evidence points to
    plover_type: str
    mode: str | None
    roles: str


@cache
def idioms(path: Path = DATA) -> tuple[Idiom, ...]:
    """The idioms of the data file, their word classes expanded."""
    classes: dict[str, frozenset[str]] = {}
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0] == "class":
            classes[cols[1]] = frozenset(cols[2].split("|"))
            continue
        if cols[0] != "idiom" or len(cols) < 6:
            raise ValueError(f"{path.name}: bad row {line!r}")
        phrase, plover_type, mode, trigger, roles = cols[1:6]
        if roles not in _ROLE_KINDS:
            raise ValueError(f"{path.name}: unknown roles {roles!r} in {line!r}")
        slots = tuple(classes[w[1:]] if w.startswith("@") else frozenset(w.split("|")) for w in phrase.split())
        out.append(Idiom(phrase, slots, next(k for k, s in enumerate(slots) if s & set(trigger.split("|"))), plover_type,
                         mode or None, roles))
    return tuple(out)


_FUNCTION_WORDS: Final = frozenset({"the", "and", "for", "with", "from", "into", "onto", "of", "to", "at", "on"})


def telling_words() -> frozenset[str]:
    """The words that tell an idiom's sentence for the pre-filter (prefilter.py): its words after the first
    (the common verb: "plead", "stand", "set"), or the one word of a one-word idiom."""
    out: set[str] = set()
    for idiom in idioms():
        for slot in idiom.slots[1:] or idiom.slots:
            out |= slot - _FUNCTION_WORDS
    return frozenset(out)


def _match(sent: Span, idiom: Idiom, start: int) -> list[Token] | None:
    """The tokens of ``idiom`` from the sentence's token ``start`` on, or None."""
    toks = [sent[start]]
    k = start
    for slot in idiom.slots[1:]:
        for j in range(k + 1, min(k + 2 + GAP, len(sent))):
            tok = sent[j]
            if tok.lower_ in NEGATION or tok.is_punct:
                return None
            if tok.lemma_.lower() in slot or tok.lower_ in slot:
                toks.append(tok)
                k = j
                break
        else:
            return None
    last = toks[-1]
    if len(toks) > 1 and last.dep_ == "amod" and any(c.dep_ in {"det", "poss"} for c in last.head.children):
        return None  # the phrase's last word qualifies a noun phrase: "found the guilty party" convicts no one
    return toks


@cache
def _first_words() -> frozenset[str]:
    return frozenset(w for idiom in idioms() for w in idiom.slots[0])


def drafts(sent: Span) -> Iterator[Draft]:
    """A draft for each idiom of the sentence (one per trigger word)."""
    seen: set[int] = set()
    # each token's two readings once, then only the idioms whose first slot holds one of them: the scan of
    # every idiom over every token read each token once per idiom (22) (docs/scale.md, round 15); same drafts, same order
    words = [(tok.lemma_.lower(), tok.lower_) for tok in sent]
    firsts = _first_words()
    if not any(lemma in firsts or low in firsts for lemma, low in words):
        return
    for idiom in idioms():
        first = idiom.slots[0]
        for i, (lemma, low) in enumerate(words):
            if lemma not in first and low not in first:
                continue
            toks = _match(sent, idiom, i)
            if toks is None:
                continue
            trig = toks[idiom.trigger]
            if len(toks) == 1 and trig.pos_ != "VERB":
                continue  # a one-word idiom is a verb's: "torched", not "the Olympic torch"
            if trig.i in seen or any(c.dep_ == "neg" for c in (*trig.children, *trig.head.children,
                                                                *_clause_verb(trig).children)):
                continue
            seen.add(trig.i)
            d = Draft(trig, [trig], idiom.plover_type, idiom.mode, {"type": f"idiom:{idiom.phrase}", ROLES: idiom.roles},
                      nominal=trig.pos_ in {"NOUN", "PROPN"})
            d.standalone = idiom.roles != "at" and any(_person(t) for t in parties(d, [], [])[1])
            yield d


def _person(tok: Token) -> bool:
    """A name, a pronoun or a word for people: a recipient the idiom's event stands on."""
    return (tok.ent_type_ in {"PERSON", "NORP", "ORG", "GPE"} or tok.pos_ == "PRON"
            or tok.lemma_.lower() in people())


@cache
def people() -> frozenset[str]:
    from .lexicon import VICTIM_NOUNS

    row = next((line.split("\t") for line in DATA.read_text(encoding="utf-8").splitlines()
                if line.startswith("class\tPEOPLE\t")), None)
    return VICTIM_NOUNS | (frozenset(row[2].split("|")) if row else frozenset())


def _clause_verb(tok: Token) -> Token:
    """The verb (or copula) of the clause a word is in: "are on trial" -> "are"."""
    v = tok
    for _ in range(4):
        if v.pos_ in {"VERB", "AUX"} or v.head is v:
            break
        v = v.head
    return v


def parties(d: Draft, actors: list[Token], recips: list[Token]) -> tuple[list[Token], list[Token]]:
    """The idiom's parties (actor tokens, recipient tokens); the coder's own reading when it is no idiom."""
    roles = d.rules.get(ROLES)
    if roles == "undergoer":
        verb = _clause_verb(d.trigger)
        subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subj and verb.dep_ in {"relcl", "acl"}:
            subj = [verb.head]  # "an academic who is on trial"
        if not subj and verb.dep_ == "conj":
            subj = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return [], subj
    if roles == "bearer":
        w = next((a for a in d.trigger.ancestors if a.dep_ == "prep" and a.lower_ == "with"), None)
        if w is None:
            return [], []
        h = w.head
        if h.pos_ in {"NOUN", "PROPN", "PRON"} and _person(h):
            return [], [h]
        for _ in range(3):  # "rushed to hospital with stab wounds": the verb's patient
            if h.pos_ == "VERB" or h.head is h:
                break
            h = h.head
        return [], [c for c in h.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    if roles == "patient":
        return [], [c for c in d.trigger.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    if roles == "at":
        holders = [d.trigger, *(c for c in d.trigger.children if c.dep_ in {"dobj", "obj"})]
        at = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in {"at", "to", "on", "against"}
              for g in c.children if g.dep_ == "pobj"]
        return [a for a in actors if a not in at], at
    return actors, recips


# a guilty plea and the sentence passed on it, told in the next sentence, are one judicial event
FOLLOW_CHARS: Final = 250


def drop_echoes(events: list[Event]) -> list[Event]:
    """The events without those an idiom's restates: a lexicon reading of the idiom's own trigger word
    ("on trial": the noun "trial") gives way to the idiom, which knows its parties; the idiom gives way to
    another event of its type in its sentence ("is on trial on charges of murder": the charges), or, for a
    conviction, to one that follows within FOLLOW_CHARS ("pleaded guilty to the murders. He was sentenced
    to 29 years"): one event, the lexicon's."""
    def idiom(ev: Event) -> bool:
        return dict(ev.rules).get("type", "").startswith("idiom:")

    own = {(e.plover_type, e.evidence.trigger_start) for e in events if idiom(e)}
    lexical = [e for e in events if not idiom(e) and (e.plover_type, e.evidence.trigger_start) not in own]
    kept = {id(e) for e in lexical}
    out = []
    for ev in events:
        if not idiom(ev):
            if id(ev) in kept:
                out.append(ev)
            continue
        if not any(o.plover_type == ev.plover_type and (
                o.evidence.sentence == ev.evidence.sentence
                or ev.plover_mode == "convict" and o.plover_mode == "convict"
                and 0 <= o.evidence.start - ev.evidence.end <= FOLLOW_CHARS) for o in lexical):
            out.append(ev)
    return out
