"""Senses of event words in everyday news: gates that drop a draft whose frame says it is weather, an
accident, a press call, an occasion, worship, a metaphor, a complaint in words, a campaign rally, a game
or an address to the reader, not event data.

The team corpus guidelines code no events in sports, business, weather or culture news, and PLOVER codes
interactions between two sides. The event words of such news are the same words ("the storm hit the
coast", "the team supported the inauguration", "an attack on inflation", "the governor met reporters",
"you can visit our offices"); what tells them apart is what fills the frame: a hazard as the cause of the
harm, a social occasion as the object, an abstract condition as the target, the press as the only second
side, the reader as the subject. The noun classes are data (data/everyday_nouns.tsv); each gate says why
it dropped a draft, and the coder (events/coder.py) records nothing for it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..records import ActorRef
from . import lexicon as lx
from .assertion import unasserted
from .common import Draft
from .frames import PROTEST_CUES_RE
from .gates import VERBAL_TYPES
from .verbal import question_not_request, warning_without_threat

if TYPE_CHECKING:
    from spacy.tokens import Token

DATA = Path(__file__).with_name("data")


def _classes(name: str) -> dict[str, str]:
    with (DATA / name).open(encoding="utf-8") as fh:
        rows = csv.DictReader((x for x in fh if not x.startswith("#")), delimiter="\t")
        return {r["lemma"]: r["class"] for r in rows}


NOUN_CLASS = _classes("everyday_nouns.tsv")


def _word_sets(name: str) -> dict[str, frozenset[str]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader((x for x in fh if not x.startswith("#")), delimiter="\t"))
    return {c: frozenset(r["word"] for r in rows if r["class"] == c) for c in {r["class"] for r in rows}}


BUSINESS = _word_sets("business_names.tsv")
ACCIDENT = _word_sets("accident_causes.tsv")
# harm whose cause is a hazard is a disaster or an accident; a crackdown or a detention is never one
HARM_TYPES = frozenset({"ASSAULT"})
# verbal and cooperative types whose object is a party: an occasion in that place is not one
PARTY_OBJECT_TYPES = frozenset({"SUPPORT", "CONSULT", "AGREE", "COOPERATE", "AID", "REQUEST"})
FIGHT_TYPES = frozenset({"ASSAULT", "COERCE"})
# meetings, deals, support and aid: acts that an announcement only plans
COOPERATIVE_TYPES = frozenset({"SUPPORT", "CONSULT", "AGREE", "COOPERATE", "AID"})
SCHEDULING = frozenset({"schedule", "slate", "due"})
POLITICAL = frozenset({"GOV", "MIL", "IGO", "LEG", "PTY", "REB", "OPP", "SPY", "JUD", "COP", "UAF"})
READER = frozenset({"you", "your", "yourself", "yourselves"})
MODALS = frozenset({"can", "could", "may", "might", "should", "must", "will", "would"})
QUOTES = frozenset('"“”‘’«»')
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "what"})
SPELLS = frozenset({"wave", "spell", "surge", "bout", "series"})
# verbs of being: a clause they head tells a state ("the UK remains steadfast in its support"); the act, if
# any, is a noun of it, which the noun lexicon reads
STATIVE = frozenset({"be", "remain", "stay", "become", "seem", "appear", "look", "feel", "sound"})
# what a harming word does to a bill or a plan, an epidemic or a blaze, is no violence
FIGURATIVE_TARGETS = frozenset({"abstract", "prize", "measure", "hazard"})
# a protest word with one of these modifiers is a campaign's gathering ("a campaign rally")
GATHERING_MODIFIERS = frozenset({"compound", "amod", "nmod"})


def noun_class(tok: Token) -> str | None:
    """The everyday class of a noun phrase's head: its lemma, its plural form or, for a compound head
    ("heat wave", "Easter Vigil", "Good Friday procession"), a modifier before it."""
    for key in (tok.lemma_.lower(), tok.lower_):
        if key in NOUN_CLASS:
            return NOUN_CLASS[key]
    mods = [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod", "poss"} and c.i < tok.i]
    words = [m.lemma_.lower() for m in mods]
    for i in range(len(words)):
        joined = " ".join(words[i:])
        if joined in NOUN_CLASS and NOUN_CLASS[joined] == "religious":
            return "religious"
    if tok.lemma_.lower() in SPELLS:  # "a second wave of floods", "a spell of heavy rain"
        for g in (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children):
            if g.dep_ == "pobj" and NOUN_CLASS.get(g.lemma_.lower()) == "hazard":
                return "hazard"
    for m in mods:
        cls = NOUN_CLASS.get(m.lemma_.lower())
        if cls in {"hazard", "religious"} and m.dep_ == "compound" or m.lower_ in {"heat", "cold"}:
            return cls or "hazard"  # "a heat wave", "flood waters", "the Easter Vigil"
    return None


def _objects(v: Token) -> list[Token]:
    """The direct objects of a verb, coordinated ones included; "one of the biggest events" is its events."""
    out: list[Token] = []
    for c in v.children:
        if c.dep_ in {"dobj", "obj"}:
            out.extend([c, *[g for g in c.conjuncts]])
    heads: list[Token] = []
    for o in out:
        if o.lower_ in {"one", "some", "all", "many", "part"}:
            heads.extend(g for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                         if g.dep_ == "pobj")
        else:
            heads.append(o)
    return heads


def _causes(v: Token, depth: int = 0) -> Iterable[Token]:
    """The nouns that name what did the harm a verb reports: its subject, its passive agent, the noun a
    relative clause hangs off ("a heatwave that killed dozens"), the clause a toll hangs off ("a storm hit
    the coast, killing three"), and for an agentless harm its setting ("were killed in the floods")."""
    if depth > 2:
        return
    subj = [c for c in v.children if c.dep_ == "nsubj"]
    for c in subj:
        if c.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl":
            yield v.head
        else:
            yield c
    agents = [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    yield from agents
    if not subj and v.dep_ == "relcl":
        yield v.head
    if not subj and v.dep_ in {"advcl", "conj"} and v.head.i != v.i and v.head.pos_ in {"VERB", "AUX"}:
        yield from _causes(v.head, depth + 1)  # "..., killing three"; "hit the coast and killed three"
    if not agents and (not subj or any(c.dep_ == "nsubjpass" for c in v.children) or v.lemma_.lower() == "die"):
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in {"in", "by", "from", "during", "after", "amid"}:
                yield from (g for g in c.children if g.dep_ == "pobj")
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"when", "as", "after"} for m in c.children):
                # "were injured when a boiler exploded": the clause that says what happened names the cause
                yield from (g for g in c.children if g.dep_ == "nsubj")


def natural_cause(d: Draft) -> str | None:
    """Why a harm is a disaster or an accident (None when no hazard is its cause)."""
    if d.plover_type not in HARM_TYPES or d.nominal:
        return None
    causes = [c for t in d.triggers for c in _causes(t)]
    hazards = [c for c in causes if noun_class(c) == "hazard"]
    if hazards and not any(c.lemma_.lower() in lx.NOUN_TRIGGERS for c in causes):
        # ("killed in an airstrike during the storm": the airstrike did it, the storm is its setting)
        return f"harm caused by '{hazards[0].lemma_.lower()}'"
    return None


def _accidental_fire(tok: Token) -> bool:
    """A fire named by where it burned ("a trailer fire", "the house fire", "a deadly fire"): every modifier
    is a place, a start or a neutral adjective of data/accident_causes.tsv, and no "from"/"by" says whose
    fire it was ("Israeli fire", "heavy fire", "fire from a helicopter" are shooting)."""
    if tok.lemma_.lower() != "fire":
        return False
    for c in tok.children:
        if c.dep_ in {"compound", "amod", "nmod", "poss", "nummod"}:
            word = c.lower_
            if word not in ACCIDENT["fire_kind"] and word not in ACCIDENT["fire_plain"]:
                return False
        elif c.dep_ == "prep" and c.lower_ in {"from", "by"}:
            return False
    return True


def _vehicle_causes(v: Token) -> list[Token]:
    """The vehicles that did a harm: a vehicle as the subject or agent of the harming verb ("a car struck
    a pedestrian", "was struck by a truck") or of the clause that says what happened ("was killed when his
    pickup truck struck a utility pole"); a vehicle the victims sat in ("shot dead in their car") is none."""
    subj = [c for c in v.children if c.dep_ == "nsubj"]
    subj += [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    for c in v.children:
        if c.dep_ == "advcl" and any(m.dep_ in {"mark", "advmod"} and m.lower_ in {"when", "as", "after"}
                                     for m in c.children):
            subj += [g for g in c.children if g.dep_ == "nsubj"]
    if not subj and v.dep_ in {"advcl", "conj"} and v.head.i != v.i and v.head.pos_ in {"VERB", "AUX"}:
        # "a truck slammed into a house, injuring three": the clause the toll hangs off names the vehicle
        subj += [c for c in v.head.children if c.dep_ == "nsubj"]
    return [s for s in subj if s.lemma_.lower() in ACCIDENT["vehicle"] or s.lower_ in ACCIDENT["vehicle"]]


def _attack_cue(d: Draft) -> str | None:
    """A word of the sentence that names an attack: arson, a deliberate act, ramming, a bomb, terror."""
    sent = d.trigger.sent
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    cue = next((w for w in sorted(lemmas & ACCIDENT["attack_cue"])), None)
    if cue is None and {"set", "fire"} <= lemmas:
        cue = "set fire"
    return cue


def accidental_cause(d: Draft) -> str | None:
    """Why a harm is an accident: a fire named by where it burned ("died in a trailer fire") or a vehicle
    ("was killed when his pickup truck struck a pole") did it, and no word of the sentence names an attack
    ("an arson fire", "set fire to", "rammed into protesters", "a car bomb"). None otherwise."""
    if d.plover_type not in HARM_TYPES or d.nominal:
        return None
    causes = [c for t in d.triggers for c in _causes(t)]
    fires = [c for c in causes if _accidental_fire(c)]
    vehicles = [c for t in d.triggers for c in _vehicle_causes(t)]
    if not fires and not vehicles:
        return None
    if any(c.lemma_.lower() in lx.NOUN_TRIGGERS and not _accidental_fire(c) for c in causes) or _attack_cue(d):
        return None
    return f"accident caused by '{(fires or vehicles)[0].lemma_.lower()}'"


def occasion_object(d: Draft) -> str | None:
    """Why a verbal or cooperative event has an occasion, not a party, as its object ("supported the
    inauguration", "visited the festival")."""
    if d.plover_type not in PARTY_OBJECT_TYPES or d.nominal:
        return None
    objs = _objects(d.trigger)
    if objs and all(noun_class(o) in {"occasion", "religious", "hazard"} for o in objs):
        # ("welcomed the rain", "supported the relief of the flood" are no dealings with a party)
        return f"an occasion as object: '{objs[0].lemma_.lower()}'"
    return None


def worship(d: Draft) -> str | None:
    """Why a gathering is worship, not a protest ("the Easter Vigil", "a Good Friday procession"); a
    sentence that says the gathering protests keeps it ("an Easter march against nuclear arms")."""
    if d.plover_type != "PROTEST" or not d.nominal or PROTEST_CUES_RE.search(d.trigger.sent.text):
        return None
    return "a religious rite" if noun_class(d.trigger) == "religious" else None


def _targets(t: Token) -> list[Token]:
    if t.pos_ in {"VERB", "AUX"}:
        return _objects(t)
    return [g for c in t.children if c.dep_ == "prep" and c.lower_ in {"on", "against", "for"}
            for g in c.children if g.dep_ == "pobj"]


def metaphor(d: Draft) -> str | None:
    """Why an attack or a fight is a metaphor: its target is an abstract condition ("an attack on
    inflation", "battled poverty"), its stake a prize ("the battle for the title"), a bill or a plan
    ("killed the bill", "shot down the proposal") or a hazard ("firefighters battled the blaze"); a vow to
    fight one is no threat ("vowed to fight the epidemic")."""
    if d.plover_type in FIGHT_TYPES:
        targets = _targets(d.trigger)
    elif d.plover_type == "THREATEN" and not d.nominal:
        targets = [o for c in d.trigger.children if c.dep_ == "xcomp" and c.pos_ == "VERB" for o in _objects(c)]
    else:
        return None
    if targets and all(noun_class(g) in FIGURATIVE_TARGETS for g in targets):
        return f"a figurative fight over '{targets[0].lemma_.lower()}'"
    return None


def legal_step(d: Draft) -> str | None:
    """Why a withdrawal is a step in court or in an application, not a retreat: what is withdrawn or
    dropped is a case, a charge, a lawsuit or a bid ("the case was withdrawn", "dropped the charges")."""
    if d.plover_type != "RETREAT" or d.nominal:
        return None
    objs = [c for c in d.trigger.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    if objs and all(noun_class(o) in {"legal", "measure"} for o in objs):
        return f"a step in law: '{objs[0].lemma_.lower()}'"
    return None


def faceless_charge(d: Draft, actors: Sequence[ActorRef]) -> str | None:
    """Why "X is accused of stabbing Y" is no accusation: a passive "accused" with no agent and no accuser
    found names no side that accuses; it describes what an allegation says (in crime news, what a charge
    says: the crime is the event there). The formal act stays: "was charged with murder" is the state's
    accusation (ACCUSE in the team corpus), and "was accused by Ukraine" names its side."""
    t = d.trigger
    if d.plover_type != "ACCUSE" or d.nominal or actors or t.lemma_.lower() != "accuse":
        return None
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in t.children) or t.dep_ in {"acl", "relcl"} and t.tag_ == "VBN"
    if passive and not any(c.dep_ == "agent" for c in t.children):
        return "an accusation with no accuser"
    return None


def state_not_act(d: Draft) -> str | None:
    """Why a verb the learned model typed tells no event: it is a verb of being (events/triggers.py reads
    every verb; the hand lexicon lists none of these)."""
    if d.rules.get("type", "").startswith("model:") and not d.nominal and d.trigger.lemma_.lower() in STATIVE:
        return f"a state: '{d.trigger.lemma_.lower()}'"
    return None


def spoken_protest(d: Draft) -> str | None:
    """Why a protest verb is a complaint in words, not a demonstration: it takes a clause ("Trump
    protested that the media were unfair", "she protested her innocence" aside). PLOVER's PROTEST is a
    collective action in the street; a speaker objecting is at most a statement."""
    if d.plover_type != "PROTEST" or d.nominal or d.trigger.lemma_.lower() not in {"protest", "complain", "object"}:
        return None
    if any(c.dep_ in {"ccomp"} for c in d.trigger.children):
        return "a complaint in words ('protested that ...')"
    return None


def campaign_gathering(d: Draft) -> str | None:
    """Why a rally or a march is an election campaign's, not a protest: an electoral modifier ("a campaign
    rally", "an election rally in Ohio"), unless the sentence says the gathering protests."""
    sent, t = d.trigger.sent, d.trigger
    if d.plover_type != "PROTEST" or any(
            not (t.idx <= sent.start_char + m.start() < t.idx + len(t.text))
            for m in PROTEST_CUES_RE.finditer(sent.text)):  # (the rally's own word says nothing of protest)
        return None
    heads = [d.trigger] if d.nominal else [o for o in _objects(d.trigger)]
    for h in heads:
        if any(c.dep_ in GATHERING_MODIFIERS and NOUN_CLASS.get(c.lemma_.lower()) == "electoral" for c in h.children):
            return f"an election campaign's {h.lemma_.lower()}"
    return None


def _score(t: Token) -> bool:
    """A game's score in the trigger's clause ("beat Chelsea 2-1", "defeated the Rockets 110-102"): a number,
    a dash and a number, the first hanging off the verb or a name, not counting a common noun ("3-4 men")."""
    return any(n.like_num and n.i + 2 < len(n.doc) and n.doc[n.i + 1].text in {"-", "–"} and n.doc[n.i + 2].like_num
               and (n.head.i == t.i or n.head.pos_ == "PROPN") for n in t.subtree)


def sport_play(d: Draft) -> str | None:
    """Why an attack or a beating is a move of play: the sentence names a role or unit found only in sport
    ("the goalkeeper", "the quarterback", "innings") or the clause gives a score ("beat Chelsea 2-1"), and
    it tells no real harm (a stadium bombing, fans arrested: lexicon.REAL_HARM). A whole sports report is
    dropped article-wide (coder._sports_report); this is the sports sentence in other news."""
    if d.plover_type not in FIGHT_TYPES or lx.REAL_HARM_RE.search(d.trigger.sent.text):
        return None
    if any(t.pos_ in {"NOUN", "PROPN"} and NOUN_CLASS.get(t.lemma_.lower()) == "sport" for t in d.trigger.sent):
        return "a sports sentence"
    if not d.nominal and _score(d.trigger):
        return "a game's score"
    return None


def press_only(d: Draft, recips: Sequence[ActorRef]) -> str | None:
    """Why a consultation is a press call: the press is its only second side ("met reporters", "in a
    call with reporters")."""
    if d.plover_type != "CONSULT" or not recips or any(r.sector != "JRN" for r in recips):
        return None
    return "the press as the only second side"


def reader_address(d: Draft) -> str | None:
    """Why a clause is advice to the reader ("you can visit our offices", "you should call the
    hotline"), outside any quotation: the reader is no party."""
    t = d.trigger
    v = t.head if d.nominal and t.dep_ in {"dobj", "obj"} else t
    if any(ch in QUOTES for ch in t.sent.text):
        return None
    subj = [c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subj and all(s.lower_ in READER for s in subj) and any(
            c.dep_ == "aux" and c.lower_ in MODALS for c in v.children):
        return "advice to the reader"
    return None


def diplomacy(parties: Sequence[ActorRef]) -> bool:
    """Sides of two or more countries, every one a political body: a meeting or deal between them is
    news even before it happens ("Erdogan and Putin may meet if no deal is reached": CAMEO codes the
    intent to meet or negotiate, and PLOVER keeps it with its modality)."""
    return len({a.country for a in parties if a.country}) >= 2 and all(a.sector in POLITICAL for a in parties)


def not_yet(d: Draft, modality: str, parties: Sequence[ActorRef] = ()) -> str | None:
    """Why a cooperative event is only announced or imagined: "a memorandum would be signed", "the EU
    should support", "has scheduled a meeting with the governor", "lawmakers will convene". A meeting,
    deal or aid that may come is news of plans (the team corpus codes such clauses as optional at most),
    unless it is diplomacy between states;
    threats, demands and accusations are speech acts done in the saying, so they are not gated here."""
    if d.plover_type not in COOPERATIVE_TYPES or diplomacy(parties):
        return None
    if modality in {"future", "hypothetical"}:
        return f"a {modality} {d.plover_type.lower()}"
    v = d.trigger.head if d.nominal and d.trigger.dep_ in {"dobj", "obj", "nsubjpass"} else d.trigger
    if v.lemma_.lower() in SCHEDULING and v.i != d.trigger.i or v.dep_ in {"xcomp"} and v.head.lemma_.lower() in SCHEDULING:
        return "a scheduled " + d.plover_type.lower()
    return None


def business_party(a: ActorRef) -> bool:
    """Does this party's phrase make it a business: a company's legal form or trade in its name ("Acme
    Ltd", "British Airways"), or a business office held in a company ("the airline chief executives")?"""
    words = [w.strip(".,'’()").replace(".", "") for w in a.text.lower().replace("’s", " ").replace("'s", " ").split()]
    words = [w for w in words if w]
    if not words:
        return False
    phrase = " ".join(words)
    office = any(f" {r} " in f" {phrase} " for r in BUSINESS.get("role", ()))
    if office and any(w in BUSINESS.get("company", ()) for w in words):
        return True
    named = a.text[:1].isupper() and (words[-1] in BUSINESS.get("legal_form", ())
                                      or any(w in BUSINESS.get("industry", ()) for w in words))
    return a.sector == "BUS" or named and a.sector in {None, "BUS", "CVL", "UNK"}


def commerce(d: Draft, actors: Sequence[ActorRef], recips: Sequence[ActorRef]) -> str | None:
    """Why a verbal or cooperative event is business news: every party is a company or private people,
    and at least one is a company by its name or office (gates.private_matter reads the sectors alone). A
    meeting or deal with a company and no named actor ("she had a meeting with British Airways") is one
    too: unlike a charge or an arrest, no state is understood as its agent."""
    if d.plover_type not in VERBAL_TYPES or not actors and (d.plover_type not in COOPERATIVE_TYPES or not recips):
        return None
    parties = [*actors, *recips]
    if any(business_party(a) for a in parties) and all(business_party(a) or a.sector == "CVL" for a in parties):
        return "companies' dealings"
    return None


def everyday(d: Draft, actors: Sequence[ActorRef], recips: Sequence[ActorRef],
             modality: str = "asserted") -> str | None:
    """Why a draft is everyday news, not event data, or tells no event at all (a condition, a question, a
    negation, a habit, an ability: events/assertion.py); None when no gate holds."""
    return (natural_cause(d) or accidental_cause(d) or occasion_object(d) or worship(d) or metaphor(d) or state_not_act(d) or spoken_protest(d)
            or campaign_gathering(d) or legal_step(d) or faceless_charge(d, actors) or sport_play(d) or press_only(d, recips)
            or reader_address(d) or not_yet(d, modality, [*actors, *recips]) or commerce(d, actors, recips)
            or unasserted(d, modality) or warning_without_threat(d) or question_not_request(d))
