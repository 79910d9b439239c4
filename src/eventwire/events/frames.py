"""Frames: what a trigger's dependents must look like for its lexicon entry to apply (named in lexicon data)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import lexicon as lx
from .common import (
    _VERB_INDEX,
    PLACE_NOUNS,
)
from .statements import STATEMENT_FRAMES
from .syntax import (
    _SECTOR_NOUNS,
    _conjuncts,
)
from .verbal import VERBAL_FRAMES

if TYPE_CHECKING:
    from spacy.tokens import Token


# -------------------------------------------------------------------- frames
def _obj_lemmas(tok: Token, through: Callable[[Token], bool] | None = None) -> set[str]:
    """Lemmas of a verb's objects (and passive subject), and of the "of" complements of those objects
    ("took control of the city"); with ``through``, only of the objects it accepts ("hundreds of prisoners")."""
    out = set()
    for c in tok.children:
        if c.dep_ in {"dobj", "obj", "nsubjpass"}:
            for h in _conjuncts(c):
                out.add(h.lemma_.lower())
                if through is None or through(h):
                    out.update(g.lemma_.lower() for x in h.children if x.dep_ == "prep" and x.lower_ == "of"
                               for g in x.children)
    return out


def _frame_victim(tok: Token) -> bool:
    return any(c.dep_ in {"dobj", "obj", "nsubjpass", "nsubj"} for c in tok.children) or tok.dep_ in {"advcl", "conj"} \
        or existential_victims(tok)


def existential_victims(tok: Token) -> bool:
    """'There were 10 soldiers killed in Ukraine today': the victims are what the existential clause
    asserts (a reduced passive on the noun after 'there be'), not a description of people named elsewhere."""
    noun = tok.head
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or noun.dep_ not in {"attr", "nsubj"}:
        return False
    return any(c.dep_ == "expl" for c in noun.head.children) and noun.head.lemma_ == "be"


_SOFT_HOSTILE = {"hit", "strike", "pound", "target", "crush", "vanquish"}
_SPORT = re.compile(r"\b(points?|rebounds?|assists?|goals?|shots?|three-pointers?|free throws?|innings|touchdowns?|"
                    r"scored|score|game|season|league|coach|playoffs?|tournament|match|quarter|half-time|halftime)\b", re.I)


def _frame_hostile(tok: Token) -> bool:
    if tok.lemma_.lower() in _SOFT_HOSTILE:
        sent = tok.sent.text
        if _SPORT.search(sent) and not any(w in sent.lower() for w in ("killed", "wounded", "troops", "militants")):
            return False
    objs = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    if not objs:
        return tok.lemma_.lower() in {"attack", "ambush", "raid", "storm"} and any(c.dep_ == "nsubj" for c in tok.children)
    low = {o.lemma_.lower() for o in objs}
    # "hit a record", "strike a deal", "target inflation": not violence
    return not low & {"record", "deal", "agreement", "note", "balance", "chord", "inflation", "market", "goal", "high", "low"}


def _frame_fire(tok: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in {"at", "on", "into", "upon"} for c in tok.children) or any(
        c.lemma_.lower() in {"rocket", "missile", "shell", "mortar", "round", "shot", "bullet"} for c in tok.children)


def _frame_combat(tok: Token) -> bool:
    return tok.dep_ != "amod"


def _frame_capture(tok: Token) -> bool:
    objs = _obj_lemmas(tok)
    return bool(objs & (PLACE_NOUNS | {"territory", "village", "base", "position", "hill", "airport", "control", "outpost"})) or any(
        c.ent_type_ in {"GPE", "LOC", "FAC"} for c in tok.children if c.dep_ in {"dobj", "nsubjpass"})


_CAPTURE_ROWS = lx._rows(lx.DATA / "capture_persons.tsv")
_CAPTIVES = lx.VICTIM_NOUNS | {r["word"] for r in _CAPTURE_ROWS if r["kind"] == "captive"}
_ARRESTERS = frozenset(r["word"] for r in _CAPTURE_ROWS if r["kind"] == "police")


def _frame_capture_person(tok: Token) -> bool:
    """'the rebels captured two soldiers', 'she was captured by the rebels', 'seized hundreds of hostages':
    people taken by force (ASSAULT 'abduct'). Not an arrest: police or agents taking a person is COERCE,
    read by the arrest verbs and the trigger model (data/capture_persons.tsv)."""
    takers = [g for c in tok.children if c.dep_ in {"nsubj", "agent"}
              for g in ([c] if c.dep_ == "nsubj" else [x for x in c.children if x.dep_ == "pobj"])]
    if any(t.lemma_.lower() in _ARRESTERS for t in takers):
        return False
    for c in tok.children:
        if c.dep_ not in {"dobj", "obj", "nsubjpass"}:
            continue
        if c.ent_type_ == "PERSON" or c.lower_ in {"him", "her", "them", "he", "she", "they"}:
            return True
        if c.ent_type_ in {"GPE", "LOC", "FAC", "ORG"}:
            return False
    return bool(_obj_lemmas(tok) & _CAPTIVES)


def _frame_military_object(tok: Token) -> bool:
    objs = _obj_lemmas(tok)
    return bool(objs & lx.MILITARY_NOUNS)


def _frame_consult(tok: Token) -> bool:
    return tok.dep_ not in {"amod"}


def _from_phrase(tok: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pobj" for g in c.children) for c in tok.children)


def _frame_request_obj(tok: Token) -> bool:
    """'asked them to leave', 'requested immediate support from the Coalition', 'requested asylum': a request
    needs what is asked for and of whom (an infinitive or clause, or a from-phrase, which the parser may hang
    on the object: "asked permission from Putin to resume"), or an object that is what one asks an
    authority or an ally for (CAMEO's objects of 'ask', 'request' and 'seek' as appeals, lx.REQUESTED)."""
    objs = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
    if not objs:
        return False
    if any(c.dep_ in {"xcomp", "ccomp"} for c in tok.children) or _from_phrase(tok):
        return True
    # an object the verb's own CAMEO pattern names stays with that pattern ("requested a meeting": REQUEST meet)
    own = {o for t in _VERB_INDEX.get(tok.lemma_.lower(), ()) if t.source == "cameo" for o in t.objects}
    return any(_from_phrase(o) or o.lemma_.lower() in lx.REQUESTED - own for o in objs)


# PLOVER's conflict types: a vow or warning whose content is one of these is a threat; one whose content
# is cooperation is a commitment (AGREE: RAMS codes vows, pledges and promises as
# contact.commitmentpromiseexpressintent, "a promise to harm is THREATEN", plover_mapping.tsv).
_HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE", "REJECT", "ACCUSE", "PROTEST"})
_COOPERATIVE_TYPES = frozenset({"AGREE", "SUPPORT", "COOPERATE", "AID", "CONSULT", "RETREAT", "CONCEDE"})


def _content_types(tok: Token) -> set[str]:
    """The PLOVER types the content of a vow or warning can report: the readings of its complement verbs
    (and of verbs those govern through an infinitive: "vowed to continue to fight") in the hand-written
    lexicon and in the CAMEO dictionary (defaults, and patterns with the verb's own object)."""
    from .triggers import cameo_lexicon

    lex = cameo_lexicon()
    out: set[str] = set()
    todo = [c for c in tok.children if c.dep_ in {"xcomp", "ccomp"}]
    for _ in range(8):
        if not todo:
            break
        v = todo.pop()
        lemma = v.lemma_.lower()
        out.update(t.plover_type for t in _VERB_INDEX.get(lemma, ()) if t.source == "lexicon")
        out.update(lex.default.get(lemma, ()))
        for o in v.children:
            if o.dep_ in {"dobj", "obj"}:
                out.update(lex.with_object.get((lemma, o.lemma_.lower()), ()))
                out.update(lx.NOUN_TRIGGERS.get(o.lemma_.lower(), ("",))[:1])
        todo += [c for c in v.children if c.dep_ in {"xcomp", "conj"}]
    return out - {""}


def _frame_threat_content(tok: Token) -> bool:
    return any(c.dep_ in {"xcomp", "ccomp"} for c in tok.children)


def _frame_hostile_content(tok: Token) -> bool:
    """'vowed to shoot down any plane', 'vowed to take back every inch': a vow whose content harms. A vow
    with no reading of harm ('vowed that he would lay out his vision', 'vowed to cooperate') is no threat."""
    return bool(_content_types(tok) & _HOSTILE_TYPES)


def _frame_cooperative_content(tok: Token) -> bool:
    """'vowed to support the government', 'vowed to cooperate with the inquiry': a commitment (AGREE)."""
    types = _content_types(tok)
    return bool(types & _COOPERATIVE_TYPES) and not types & _HOSTILE_TYPES


def _frame_agree(tok: Token) -> bool:
    objs = _obj_lemmas(tok)
    return tok.lemma_.lower() == "agree" or bool(objs & {"agreement", "deal", "accord", "treaty", "ceasefire", "truce", "memorandum"})


def _frame_support(tok: Token) -> bool:
    return any(c.dep_ in {"dobj", "obj"} for c in tok.children)


def _frame_retreat(tok: Token) -> bool:
    return tok.lemma_.lower() != "evacuate" or bool(_obj_lemmas(tok) & lx.MILITARY_NOUNS)


def _frame_release(tok: Token) -> bool:
    if any(c.dep_ == "prep" and c.lower_ == "from" and any(
            g.lemma_.lower() in CUSTODY_NOUNS for g in c.children) for c in tok.children):
        return True  # "was released from custody": whoever it was had been held
    if any(
            c.dep_ == "nsubjpass" and (c.lower_ in PERSONAL_PRONOUNS or c.ent_type_ in {"PERSON", "NORP"}
                                       or c.lemma_.lower() in lx.VICTIM_NOUNS) for c in tok.children):
        return True  # "they were released in June", "Forest was freed": people, not a report or a film
    if _released_people(tok) & {"prisoner", "hostage", "detainee", "captive", "soldier", "journalist",
                                "activist", "defendant", "suspect", "inmate"}:
        return True
    return any(_held_person(c) for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"})


# verbs of holding someone: a released object described as held ("the mayor ..., jailed a year ago")
HELD_VERBS = frozenset({"jail", "imprison", "detain", "hold", "arrest", "abduct", "kidnap", "capture", "seize",
                        "incarcerate", "intern", "sentence", "convict"})


def _held_person(obj: Token) -> bool:
    """'released Adli Yaish', 'freed the mayor of Nablus, a Hamas member jailed over a year ago': a named
    person, or someone whose own clause or apposition says they were held."""
    if obj.ent_type_ == "PERSON":
        return True
    for h in (obj, *(c for c in obj.children if c.dep_ == "appos")):
        if any(c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in HELD_VERBS for c in h.children):
            return True
    return False


# Heads through which "of" reaches the people released: "hundreds of prisoners", "a group of hostages".
# Any other head is what was released: "footage of the suspects", "the names of the detainees".
PARTITIVE_HEADS = frozenset({"hundred", "thousand", "dozen", "score", "group", "number", "batch", "some", "many",
                             "all", "most", "several", "few", "handful", "rest", "remainder", "none"})


def _partitive(h: Token) -> bool:
    return h.lemma_.lower() in PARTITIVE_HEADS or h.like_num or h.pos_ == "NUM"


def _released_people(tok: Token) -> set[str]:
    """Lemmas of who a release frees: its object, or the people inside a partitive object."""
    return _obj_lemmas(tok, through=_partitive)


PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you"})


CUSTODY_NOUNS = frozenset({"custody", "prison", "jail", "detention", "captivity"})


def _frame_legal_charge(tok: Token) -> bool:
    """"charged with murder", "indicted him", "was prosecuted for": charges against someone. A bare
    "charge" is also a cavalry's or a battery's; it needs the offence ("with", "for", "over")."""
    if tok.lemma_.lower() == "charge":
        return any(c.dep_ == "prep" and c.lower_ in {"with", "for", "over"} for c in tok.children)
    return any(c.dep_ in {"dobj", "obj", "nsubjpass"} for c in tok.children)


def _frame_shoot(tok: Token) -> bool:
    """"shot down a drone" is an attack; "shot down rumours of a new engine" is a denial: with the particle
    "down", the object must be something that flies or fights (lx.MILITARY_NOUNS, which holds aircraft,
    drones and missiles) or a party, or there must be none ("the jet was shot down")."""
    if not any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
        return True
    objs = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    return not objs or any(o.lemma_.lower() in lx.MILITARY_NOUNS | {"plane", "airliner", "balloon", "rocket"}
                           or o.ent_type_ in {"ORG", "NORP", "PERSON", "PRODUCT"} or o.pos_ == "PRON" for o in objs)


def _frame_protest(tok: Token) -> bool:
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.lemma_.lower() == "demonstrate" and any(c.dep_ in {"dobj", "obj", "ccomp"} for c in tok.children) and not any(
            _protester_head(c) is not None for c in subjects):
        return False  # "the story of Argentina demonstrates the potential of ...": to show, not to protest
    return bool(subjects) or crowd_purpose(tok)


def crowd_purpose(tok: Token) -> bool:
    """'students blocked the highway to protest the accident', 'workers gathered to demonstrate': a crowd
    acting in order to protest; what it did is the protest. Not a government or an envoy ("summoned the
    ambassador to protest" is a diplomatic complaint): only a subject that names protesters or a crowd."""
    if tok.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    return any(_protester_head(c) in {"protester", "crowd"} for c in tok.head.children if c.dep_ == "nsubj")


PROTEST_CUES_RE = re.compile(lx.PROTEST_CUES, re.I)
_CROWD_CONTROL = re.compile(lx.CROWD_CONTROL, re.I)


def _protester_head(tok: Token) -> str | None:
    """Who a phrase names, through quantities: 'crowds of protesters', 'tens of thousands of opponents'."""
    cur, seen = tok, 0
    while cur is not None and seen < 4:
        lemma = cur.lemma_.lower()
        if lemma in lx.PROTESTER_NOUNS and not (lemma == "crowd" and _of_object(cur) is not None):
            return "protester"
        if lemma in lx.CROWD_NOUNS or lemma == "crowd":
            nxt = _of_object(cur)
            if nxt is None:
                return "crowd"
            if nxt.lemma_.lower() not in lx.CROWD_NOUNS | lx.PROTESTER_NOUNS:
                # "opponents of the coup", "supporters of the party": the crowd is named here
                return "crowd"
            cur, seen = nxt, seen + 1
            continue
        return None
    return None


def _of_object(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _frame_protest_crowd(tok: Token) -> bool:
    """'protesters gathered outside parliament', 'hundreds of students assembled ... to demand': a
    crowd that gathers; a crowd not named as protesting needs the sentence to say what it protests."""
    for subj in (c for c in tok.children if c.dep_ == "nsubj"):
        kind = _protester_head(subj)
        if kind == "protester" or kind == "crowd" and PROTEST_CUES_RE.search(tok.sent.text):
            return True
    return False


def _frame_to_the_streets(tok: Token) -> bool:
    """'took to the streets', 'poured into the streets', 'flooded the streets', 'hit the streets': the idiom
    of protest, with someone who did. Verbs of plain movement ('walked the streets') need a crowd subject
    and the sentence to say what it protests; any verb needs the plural "streets" as its goal or object
    ("the car hit the street" is no protest)."""
    goal = any(c.dep_ == "prep" and c.lower_ in {"to", "into", "onto", "on"} and any(
        g.lower_ == "streets" for g in c.children) for c in tok.children)
    obj = any(c.dep_ in {"dobj", "obj"} and c.lower_ == "streets" for c in tok.children)
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subjects or not (goal or obj):
        return False
    if tok.lemma_.lower() in {"take", "pour", "flood", "throng", "spill"}:
        return True
    return any(_protester_head(c) == "protester" or _protester_head(c) == "crowd" and PROTEST_CUES_RE.search(
        tok.sent.text) for c in subjects)


def _frame_crowd_control(tok: Token) -> bool:
    """'used tear gas and water cannon against protesters', 'fired rubber bullets': a crowd-control
    weapon as the object (PLOVER manual 3.16: only an explicit weapon or tactic makes it ASSAULT)."""
    objs = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    return any(_CROWD_CONTROL.search(" ".join(t.text for t in o.subtree)) for o in objs)


_PASSAGES = frozenset({"road", "street", "highway", "bridge", "traffic", "entrance", "access", "motorway", "junction",
                       "railway", "port", "border", "crossing", "square", "building", "office", "parliament"})


def _frame_protest_obstruct(tok: Token) -> bool:
    """'demonstrators barricaded the roads', 'protesters occupied the square': passage blocked by a crowd
    named as protesting (a blockade by an army is COERCE, listed under its own verbs)."""
    if not any(_protester_head(c) == "protester" for c in tok.children if c.dep_ == "nsubj"):
        return False
    return bool(_obj_lemmas(tok) & _PASSAGES)


def _frame_take_control(tok: Token) -> bool:
    """'imposed full control over the city', 'regained control of Hit': control of ground, not of prices."""
    for c in tok.children:
        if c.dep_ in {"dobj", "obj"} and c.lemma_.lower() == "control":
            # the of/over phrase hangs on the noun or, as often, on the verb
            for p in (*c.children, *tok.children):
                if p.dep_ == "prep" and p.lower_ in {"of", "over"}:
                    for g in p.children:
                        if g.dep_ == "pobj" and (g.ent_type_ in {"GPE", "LOC", "FAC"} or g.lemma_.lower() in PLACE_NOUNS
                                                 | {"territory", "area", "base", "airport", "hill", "road", "highway",
                                                    "crossing", "border", "oilfield", "field", "dam"}):
                            return True
    return False


_NO_COMMENT = frozenset({"comment", "say", "confirm", "discuss", "speculate", "elaborate", "disclose", "reveal",
                         "name", "identify", "answer", "specify", "respond", "give", "provide", "talk", "speak"})


def _frame_reject_content(tok: Token) -> bool:
    """'refused the ceasefire proposal', 'rejected the demands'; 'refused to comment' is no event."""
    return not any(c.dep_ == "xcomp" and c.lemma_.lower() in _NO_COMMENT for c in tok.children)


_MEDICAL = frozenset(r["word"] for r in lx._rows(lx.DATA / "medical_modifiers.tsv"))


def _frame_died_in_attack(tok: Token) -> bool:
    # "died in the attack", not "died of a heart attack" (data/medical_modifiers.tsv)
    return any(c.dep_ == "prep" and any(g.lemma_.lower() in lx.NOUN_TRIGGERS and not any(
        m.dep_ in {"compound", "amod"} and m.lower_ in _MEDICAL for m in g.children) for g in c.children)
        for c in tok.children)


_PARTY_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


# One-word agents of PETRARCH2's agent dictionary (actors/data/compiled_agents.tsv) in a sector of the state
# or of armed politics: PETRARCH codes an event between the agents its dictionaries name, and "a court",
# "prosecutors", "lawmakers", "the cabinet" name one as "the government" does.
# Left out: words the dictionary lists that name an act or a thing rather than a body ("a revolt", "shared
# intelligence", "the prison"), the counsel of a private party ("his lawyer sought his release"), and the
# courts and legislatures (JUD, LEG), whose acts the dictionary codes ("courts dismissed the cases" CONCEDE,
# "the parliament adopts" a law) are domestic procedure the team's annotators do not code (round 16: two
# false events on the trainable dev articles, no right one).
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "REB", "UAF"})
_NOT_BODIES = frozenset({"revolt", "uprising", "rebellion", "insurgency", "insurgence", "intelligence", "prison",
                         "naval", "state-owned", "semi-official", "governance", "chamber", "lawyer", "attorney",
                         "counsel", "counselor", "counsellor", "advocate", "barrister", "pleader", "conveyancer"})
_AGENT_NOUNS = frozenset(
    w for r in lx._rows(Path(__file__).parents[1] / "actors/data/compiled_agents.tsv")
    if " " not in (w := r["aliases"]) and r["sector"] in _STATE_SECTORS
    and w not in _NOT_BODIES and w.rstrip("s") not in _NOT_BODIES and w[:-3] + "y" not in _NOT_BODIES)


def _names_party(tok: Token) -> bool:
    """A phrase that names a party: a state, group or person by name, or a sector noun ('the government',
    'police', 'a court': _AGENT_NOUNS), or one modified by a name ('the Iranian government', 'Russia's army')."""
    for c in _conjuncts(tok):
        if c.ent_type_ in _PARTY_ENTS or c.lemma_.lower() in _SECTOR_NOUNS or c.pos_ == "NOUN" and (
                c.lemma_.lower() in _AGENT_NOUNS or c.lower_ in _AGENT_NOUNS):
            return True
        if any(g.ent_type_ in _PARTY_ENTS for g in c.children if g.dep_ in {"compound", "amod", "poss"}):
            return True
    return False


def _subjects(tok: Token) -> list[Token]:
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    subj += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not subj and tok.dep_ in {"relcl", "acl"}:
        subj = [tok.head]  # "Iran, which rejected the offer"
    if not subj and tok.dep_ == "conj" and tok.head != tok:
        subj = _subjects(tok.head)  # "Iran met the envoy and rejected the offer"
    return subj


def _objects_of(tok: Token) -> list[Token]:
    out = [c for c in tok.children if c.dep_ in {"dobj", "obj", "dative", "nsubjpass"}]
    out += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return out


def cameo_pattern_holds(tok: Token, particle: str | None, objects: frozenset[str]) -> bool:
    """Whether a CAMEO dictionary entry codes this verb here.

    PETRARCH codes a verb only between a source and a target its actor dictionaries name; the coder has
    no such filter before it builds the event, so the entry carries it: a verb's default reading needs a
    named party on each side ("Iran rejected the EU's offer", not "we want"); a pattern needs its object
    ("imposed sanctions", "sanctions were imposed", with the particle: "rushed troops to the border")
    and a subject that names a party, unless the verb is passive ("a curfew was imposed")."""
    if not objects:
        return any(_names_party(s) for s in _subjects(tok)) and any(_names_party(o) for o in _objects_of(tok))
    if particle:
        heads = [g for c in tok.children if c.dep_ in {"prep", "prt", "agent"} and c.lower_ == particle
                 for g in c.children if g.dep_ == "pobj"]
        words = {w for h in heads for c in _conjuncts(h) for w in (c.lemma_.lower(), c.lower_)}
        if any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children):
            # a phrasal verb's object is the verb's own ("set off explosives", "put up barricades")
            words |= _obj_lemmas(tok)
    else:
        words = _obj_lemmas(tok) | {c.lower_ for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}}
    if not words & objects:
        return False
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
    # a pattern names its act by its object, so "it" referring back to a body the article named ("the
    # police command said it recovered 86 firearms") is as good as the name (the actor resolver finds it);
    # not "we" or "they", a crowd's voice as often as a side's ("we want peace"), nor "he"/"she", a private
    # person's as often as an official's ("he was seeking asylum")
    return passive or _party_subject(tok)


_PARTY_PRONOUNS = frozenset({"it"})


def _party_subject(tok: Token) -> bool:
    """The verb's subject names a party, or is 'it' (a body the article named)."""
    return any(_names_party(s) or s.lower_ in _PARTY_PRONOUNS for s in _subjects(tok))


# The prepositions that name an act's other side ("supplied arms to Israel", "presented evidence against
# Russia", "ratified an agreement with the EU", "received assurances from the government").
_SECOND_SIDE_PREPS = frozenset({"to", "against", "with", "from"})
# and, once the verb names both sides or its subject alone, whom a measure is for ("issued arrest warrants
# for two Brazilian men"): a "for" phrase alone says purpose as often ("sent aid for the war")
RECEIVING_PREPS = _SECOND_SIDE_PREPS | {"for"}


def cameo_dyad(tok: Token) -> bool:
    """Whether a CAMEO object pattern's verb names both sides itself, as PETRARCH codes an event only between
    a source and a target: a subject that names a party and a second party in the verb's dative or in a
    to/against/with/from phrase of the verb or of its object. The pattern's object says which act; the two
    named sides say that it passed between parties ("the US supplied arms to Israel"), where a pattern with
    one side ("the company supplied arms") is trade or talk as often as an event."""
    return _party_subject(tok) and bool(second_sides(tok))


def second_sides(tok: Token, preps: frozenset[str] = _SECOND_SIDE_PREPS) -> list[Token]:
    """The named parties an act passes to or against in the verb's own phrase: its dative, or the object of
    a to/against/with/from phrase (``preps``) of the verb or of its object ("supplied arms to Israel",
    "evidence against Russia", "an agreement with the EU")."""
    out = []
    for h in [tok] + [c for c in tok.children if c.dep_ in {"dobj", "obj"}]:
        for c in h.children:
            if c.dep_ == "dative" and c.pos_ in {"NOUN", "PROPN"} and _names_party(c):
                out.append(c)
            elif c.dep_ in {"prep", "dative"} and c.lower_ in preps:
                out += [g for g in c.children if g.dep_ == "pobj" and _names_party(g)]
    return out


# What is raised when a state "steps up security": its guard on a place (CAMEO 151-154, MOBILIZE).
SECURITY_NOUNS = frozenset({"security", "alert", "presence", "patrol", "patrolling", "vigilance", "deployment",
                            "surveillance", "checkpoint"})


def _frame_security_raised(tok: Token) -> bool:
    """'security has been enhanced', 'stepped up patrols', 'reinforce the security of public sites': a
    force's guard raised, as object or passive subject; 'boosted security stocks' is no object of guard."""
    for c in tok.children:
        if c.dep_ in {"dobj", "obj", "nsubjpass"} and c.lemma_.lower() in SECURITY_NOUNS | lx.MILITARY_NOUNS and not any(
                g.dep_ == "compound" for g in c.children if g.i > c.i):
            return True
    return False


PROJECTILES = frozenset(r["lemma"] for r in lx._rows(lx.DATA / "projectile_nouns.tsv"))
# where a projectile is sent at a target ("launched missiles at the city", "rained rockets on", "towards")
AIMED_PREPS = frozenset({"at", "on", "upon", "against", "toward", "towards"})


def projectile_object(tok: Token) -> bool:
    """'launched missiles', 'lobbed mortar shells': the verb's object is a projectile (data/projectile_nouns.tsv)."""
    return bool(_obj_lemmas(tok) & PROJECTILES)


def _frame_projectile_at(tok: Token) -> bool:
    """'launched missiles at the government', 'hurled grenades at a patrol': a projectile sent at a target
    is an attack; 'launched a missile' alone is as often a test, 'launched a rocket into orbit' no attack."""
    return projectile_object(tok) and any(c.dep_ == "prep" and c.lower_ in AIMED_PREPS and any(
        g.dep_ == "pobj" and g.ent_type_ not in {"DATE", "TIME"} for g in c.children) for c in tok.children)


_FRAMES = {
    "projectile_at": _frame_projectile_at,
    "security_raised": _frame_security_raised,
    "victim": _frame_victim,
    "hostile_object": _frame_hostile,
    "fire_at": _frame_fire,
    "combat": _frame_combat,
    "capture": _frame_capture,
    "capture_person": _frame_capture_person,
    "military_object": _frame_military_object,
    "consult": _frame_consult,
    "request_obj": _frame_request_obj,
    "threat_content": _frame_threat_content,
    "hostile_content": _frame_hostile_content,
    "cooperative_content": _frame_cooperative_content,
    "agree": _frame_agree,
    "support": _frame_support,
    "retreat": _frame_retreat,
    "shoot": _frame_shoot,
    "release": _frame_release,
    "legal_charge": _frame_legal_charge,
    "protest": _frame_protest,
    "died_in_attack": _frame_died_in_attack,
    "protest_crowd": _frame_protest_crowd,
    "to_the_streets": _frame_to_the_streets,
    "crowd_control_weapon": _frame_crowd_control,
    "protest_obstruct": _frame_protest_obstruct,
    "take_control": _frame_take_control,
    "reject_content": _frame_reject_content,
}

# the verbal-event frames (data/verbal_verb_triggers.tsv) live beside their nominal triggers
_FRAMES.update(VERBAL_FRAMES)
_FRAMES.update(STATEMENT_FRAMES)


# ---------------------------------------------------------------- trigger helpers of the coder
def _labour_strike(tok: Token) -> str | None:
    """'labour strike' or 'hunger strike' when the noun "strike" is a stoppage of work (data/labour_strike.tsv):
    "on strike", a labour modifier ("general", "48-hour", "teachers'"), or strikers as its agent or owner
    ("a strike by nurses", "the doctors' strike"); None for an attack ("a drone strike", "strikes on Idlib")."""
    words = [c for c in tok.children if c.dep_ in {"amod", "compound", "nmod", "poss", "npadvmod"}]
    if any(c.lower_ == "hunger" for c in words):
        return "hunger strike"
    if tok.dep_ == "pobj" and tok.head.lower_ == "on" and not any(c.dep_ == "det" for c in tok.children):
        return "labour strike"  # "went on strike", "remain on strike" (not "on the strike")
    if any(c.lemma_.lower() in lx.LABOUR_STRIKE_MODIFIERS or c.lemma_.lower() in lx.STRIKERS for c in words):
        return "labour strike"
    agents = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
    if any(g.lemma_.lower() in lx.STRIKERS for g in agents):
        return "labour strike"
    return None


def _event_noun_lemma(tok: Token) -> str:
    """The lemma of an event noun, hyphenated compounds included: spaCy splits "sit-ins" and "die-in"
    into three tokens with the last as head."""
    lemma = tok.lemma_.lower()
    i = tok.i
    if i >= 2 and tok.doc[i - 1].text == "-" and tok.doc[i - 2].head == tok:
        joined = f"{tok.doc[i - 2].lower_}-{lemma}"
        if joined in lx.NOUN_TRIGGERS:
            return joined
    return lemma


def _asks_an_act(tok: Token) -> bool:
    """'encourages the government to hold elections': a verb with an object and an infinitive for that
    object asks for an act (PLOVER REQUEST, manual 3.8: requests, urging, recommendations), whatever the
    verb's attitude to its object, which is all a CAMEO default reading ('encourage' 051, praise) codes."""
    return any(c.dep_ in {"dobj", "obj"} for c in tok.children) and any(
        c.dep_ in {"xcomp", "ccomp"} and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in tok.children)


def _pattern_objects(tok: Token) -> list[Token]:
    """The objects a CAMEO pattern reads: a verb's direct objects (or passive subject), a noun's of-phrase,
    with their conjuncts ("sanctions and an embargo")."""
    if tok.pos_ == "NOUN":
        heads = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    else:
        heads = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    return [x for h in heads for x in (h, *h.conjuncts)]
