"""Gates on built drafts: clauses that carry an event word but report no interaction between two sides,
and clauses that retell an incident of their own sentence (its toll).

PLOVER's verbal events are interactions: a consultation is one side meeting, calling or visiting another.
"The UDA leaders were meeting in emergency session", "lawmakers will convene on Friday", "the party could
not hold a meeting", "Lyon will host the final" report a body's own business, and "President Buhari visited
troops of the Nigerian Armed Forces" or "Maduro said during a meeting with his generals" a state talking
to its own apparatus. Event data does not code them (the team corpus marks them as non-events; ICEWS and
PLOVER code a consultation only between two actors). These gates say why such a draft is dropped; the
coder (events/coder.py) records nothing for it.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..records import ActorRef, Event
from .common import Draft
from .frames import crowd_purpose
from .verbal import addressees

if TYPE_CHECKING:
    from spacy.tokens import Token

# a government and its armed forces or police: one state's apparatus ("a president visits his troops")
STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
FORCES = frozenset({"MIL", "COP"})
# the prepositions that name a counterpart: "met with", "talks between", "consultations among"
COUNTERPART_PREPS = frozenset({"with", "between", "among", "amongst", "alongside"})
INTERACTIVE_TYPES = frozenset({"CONSULT"})
# Verbal and cooperative types: a statement, meeting or deal is political event data only when a political,
# state or armed side takes part. Companies and private people agreeing, meeting, warning or appealing to
# one another ("the CEOs agreed", "the Water Corporation is warning people", "shoppers calling on
# retailers") are business and civic news (the team corpus guidelines: no events in business news).
VERBAL_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT", "REQUEST", "THREATEN", "ACCUSE", "REJECT",
                          "COOPERATE", "AID", "CONCEDE"})
PRIVATE_SECTORS = frozenset({"BUS", "CVL"})
# A meeting is PLOVER CONSULT only between political actors; one whose known sides are all civic (a company,
# private people, a school, a church, a hospital, a charity) is local and business news: "a delegation of the
# school district's committee met", "negotiating with the land's owners", "met with NGOs and residents".
CIVIC_SECTORS = frozenset({"BUS", "CVL", "EDU", "REL", "MED", "NGO"})
DATA = Path(__file__).with_name("data")


def _lemmas(name: str) -> frozenset[str]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return frozenset(r["lemma"] for r in csv.DictReader((x for x in fh if not x.startswith("#")), delimiter="\t"))


REALIS_GOVERNORS = _lemmas("realis_governors.tsv")
SUPPORT_OR_HELP = _lemmas("support_senses.tsv")
ORDINAL_HEADS = frozenset({"first", "second", "third", "last", "latest", "next", "only"})


def _has_counterpart(tok: Token) -> bool:
    """Does the phrase of this trigger (or its light verb) name a second side, even one no rule resolved?
    An object ("met the father of ..."), a with-phrase, or a subject of several sides ("X and Y met",
    "the two leaders met")."""
    heads = [tok]
    if tok.pos_ == "NOUN" and tok.dep_ in {"dobj", "obj", "pobj"}:
        heads.append(tok.head if tok.dep_ != "pobj" else tok.head.head)  # "held talks with", "took part in talks with"
    for h in heads:
        for c in h.children:
            if c.dep_ in {"dobj", "obj", "dative"} and c.i != tok.i:
                return True
            if c.dep_ == "prep" and c.lower_ in COUNTERPART_PREPS and any(g.dep_ == "pobj" for g in c.children):
                return True
            if c.dep_ in {"nsubj", "nsubjpass", "poss"} and any(
                    g.dep_ == "conj" or g.dep_ == "nummod" and g.lower_ not in {"one", "1"} for g in c.children):
                return True
        if addressees(h):
            return True  # "had spoken to China's foreign minister": the talk verb's frame took it as the second side
    return False


def unrealised(d: Draft) -> str | None:
    """Why a trigger in an infinitive reports no act (None when it does): "would not be allowed to arrest
    people", "advised the chairman to resign", "flew to visit the troops", "terrorists modifying drones to
    launch attacks". Under an implicative, aspectual or raising verb the act took place ("continued to
    strike", "appears to have been shot", "claimed to have hit"; data/realis_governors.tsv)."""
    v = d.trigger
    if d.nominal and v.dep_ in {"dobj", "obj"}:
        v = v.head  # "to launch attacks": the light verb carries the infinitive
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) or v.head.i == v.i:
        return None
    gov = v.head
    if v.dep_ == "xcomp" and gov.lemma_.lower() in REALIS_GOVERNORS:
        return None
    if d.plover_type == "PROTEST" and crowd_purpose(v):
        return None  # "students blocked the highway to protest": the blockade was the protest
    if v.dep_ in {"acl", "relcl", "xcomp"} and any(
            x.tag_ == "JJS" or x.lower_ in ORDINAL_HEADS for x in (gov, *[c for c in gov.children if c.dep_ == "amod"])):
        return None  # "the latest to be threatened", "the first to cross the line": it happened
    return f"an infinitive under '{gov.lemma_.lower()}'"


def shared_opinion(d: Draft) -> bool:
    """"The five airlines agreed that representation is not effective": agreeing *that* something is so
    is an opinion; an agreement is agreeing *to* act, *on* or *with* something, or signing one."""
    t = d.trigger
    return (d.plover_type == "AGREE" and not d.nominal and t.lemma_.lower() == "agree"
            and any(c.dep_ == "ccomp" for c in t.children)
            and not any(c.dep_ in {"xcomp", "dobj", "prep"} for c in t.children))


def one_sided(d: Draft, actors: Sequence[ActorRef], recips: Sequence[ActorRef]) -> str | None:
    """Why a consultation is no interaction between two sides (None when it is one)."""
    if d.plover_type not in INTERACTIVE_TYPES:
        return None
    if not recips and not any(_has_counterpart(t) for t in d.triggers):
        return "a meeting with no second side"
    parties = [*actors, *recips]
    sectors = {a.sector for a in parties}
    if actors and recips and all(a.country for a in parties) and len({a.country for a in parties}) == 1 and (
            sectors <= STATE_SECTORS and sectors & FORCES):
        return "a state meeting its own forces"
    return None


def private_matter(d: Draft, actors: Sequence[ActorRef], recips: Sequence[ActorRef]) -> str | None:
    """Why a verbal or cooperative event is business or private life, not political event data (None when
    it may be an event). Only when the acting side is known and every side is a company or private people:
    a party no rule could place (an unknown name may be a minister) keeps the event, and so does an event
    with no stated actor ("were charged": the state charges)."""
    if d.plover_type in INTERACTIVE_TYPES:
        # a meeting: a side no rule could place is left out of the judgement (a name may be anyone), but a
        # meeting needs one political side it is known to have, so one known civic side is enough to drop it
        known = {a.sector for a in (*actors, *recips)} - {None}
        if known and known <= CIVIC_SECTORS:
            return "a meeting of civic sides only"
    political = any(a.sector and a.sector not in CIVIC_SECTORS for a in actors)
    if d.plover_type == "SUPPORT" and d.trigger.lemma_.lower() in SUPPORT_OR_HELP and not (
            actors and (political or any(r.sector for r in recips))):
        # "supporting her kids", "she supports the plan": help or a private view, not an endorsement; a
        # political side endorsing a policy ("China and Russia support the improvement") stays one
        return "support with no endorser, or no political endorser and no party endorsed"
    if d.plover_type not in VERBAL_TYPES or not actors:
        return None
    if all(a.sector in PRIVATE_SECTORS for a in (*actors, *recips)):
        return "companies or private people only"
    return None


# ---------------------------------------------------------------- one incident, two clauses
# The toll of an attack told in a clause hanging off it is that attack, not a second one: "the April 15
# attack, which killed three people", "dual attacks in the area of X which killed 28", "twin bombs exploded,
# killing three and injuring 260", "was shattered by an explosion, killing 168". Coded apart, one of the two
# is a double count (the team corpus codes one event for each such sentence).
OUTCOME_LEMMAS = frozenset({"kill", "die", "injure", "wound", "maim", "hurt"})


def _outcome_of(o: Token, e: Token) -> bool:
    """Is the outcome verb ``o`` a clause of the incident that trigger ``e`` names?"""
    if o.i == e.i or o.lemma_.lower() not in OUTCOME_LEMMAS:
        return False
    cur = o
    while cur.dep_ == "conj" and cur.head.pos_ in {"VERB", "AUX"}:
        cur = cur.head  # "killing three people and injuring 260": the first of the coordinated tolls
    if cur.dep_ in {"relcl", "acl"}:
        n = cur.head  # the noun the relative clause hangs off, or the place noun inside the incident's phrase
        for _ in range(6):  # "the attack on a hotel in Mogadishu, which killed 12": up through of its phrase
            if n.i == e.i:
                return True
            if n.dep_ not in {"pobj", "prep"} or n.head.i == n.i:
                return False
            n = n.head
        return False
    if cur.dep_ == "advcl" and cur.tag_ == "VBG":
        h = cur.head  # "X exploded ..., killing three": the participle's clause reports the incident
        own = {t.i for t in cur.subtree}
        return e.i not in own and (h.i == e.i or e.i in {t.i for t in h.subtree})
    return False


def fold_outcomes(built: Sequence[tuple[Draft, Event]]) -> list[Event]:
    """Fold each ASSAULT whose trigger is the toll clause of another ASSAULT of its sentence into that one:
    one event, whose evidence covers both clauses and which takes the parties and casualty figures it lacked."""
    out: dict[int, Event] = {}
    folded: dict[int, int] = {}
    for i, (d, ev) in enumerate(built):
        if ev.plover_type != "ASSAULT":
            continue
        for j, (e, other) in enumerate(built):
            if j == i or j in folded or other.plover_type != "ASSAULT" or other.evidence.sentence != ev.evidence.sentence:
                continue
            if _outcome_of(d.trigger, e.trigger) and not _outcome_of(e.trigger, d.trigger):
                folded[i] = j
                break
    for j, (_, ev) in enumerate(built):
        if j not in folded:
            out[j] = ev
    for i, j in folded.items():
        while j in folded:  # a toll of a toll ("killing three and wounding ...") reaches the incident
            j = folded[j]
        out[j] = _merge(out[j], built[i][1])
    return [out[k] for k in sorted(out)]


def _merge(ev: Event, toll: Event) -> Event:
    roles = {a.role for a in ev.actors}
    actors = (*ev.actors, *[a for a in toll.actors if a.role not in roles])
    s, t = ev.size, toll.size
    size = replace(
        s,
        dead=s.dead if s.dead is not None else t.dead,
        dead_lower_bound=s.dead_lower_bound if s.dead is not None else t.dead_lower_bound,
        injured=s.injured if s.injured is not None else t.injured,
        injured_lower_bound=s.injured_lower_bound if s.injured is not None else t.injured_lower_bound,
        arrested=s.arrested if s.arrested is not None else t.arrested,
    )
    evidence = replace(ev.evidence, start=min(ev.evidence.start, toll.evidence.start),
                       end=max(ev.evidence.end, toll.evidence.end))
    rules = (*ev.rules, ("merged", f"the toll '{toll.evidence.trigger}' is this incident's"),
             *[(k, v) for k, v in toll.rules if k.startswith(("actor:", "recipient:")) and k not in dict(ev.rules)])
    return replace(ev, actors=actors, size=size, evidence=evidence, rules=tuple(sorted(rules)),
                   date=ev.date or toll.date, location=ev.location or toll.location)
