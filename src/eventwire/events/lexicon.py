"""The trigger lexicon: which words report which PLOVER event, and under what conditions.

The triggers are data files a reviewer can read (data/verb_triggers.tsv, data/noun_triggers.tsv): each
entry names a lemma, the PLOVER type and mode it signals, and a frame that must hold in the parse (see
``_FRAMES`` in frames.py). This module loads them and holds the closed word lists the frames use.
Entries were written from the PLOVER manual's definitions and examples, not from any one article.
"""

from __future__ import annotations

import csv
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..taxonomy.plover import is_plover_mode


@dataclass(frozen=True)
class Trigger:
    lemma: str
    plover_type: str
    mode: str | None = None
    frame: str | None = None  # a named condition on the parse, None = always
    particle: str | None = None  # phrasal verbs: "call on", "cut off", "pull out"
    # CAMEO patterns: the verb reports this event only with one of these object nouns ("imposed
    # sanctions"); with a particle, the nouns are the objects of that preposition ("rushed troops to the
    # border"). Empty = no object needed.
    objects: frozenset[str] = frozenset()
    source: str = "lexicon"  # "cameo": compiled from the PETRARCH2 dictionary (data/cameo_verb_triggers.tsv)
    # the reading holds only where the learned trigger model gives its type some probability
    # (CAMEO_CORROBORATED_TYPES): the dictionary names the type, the model weighs the context
    corroborate: bool = False


DATA = Path(__file__).with_name("data")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


def _read_verbs(path: Path) -> list[Trigger]:
    return [Trigger(r["lemma"], r["plover_type"], r["mode"] or None, r["frame"] or None, r["particle"] or None)
            for r in _rows(path)]


def _read_nouns(path: Path) -> dict[str, tuple[str, str | None]]:
    return {r["lemma"]: (r["plover_type"], r["mode"] or None) for r in _rows(path)}


# CAMEO 111 "criticize or denounce" and 112 "accuse" verbs that need no object pattern, from the
# compiled PETRARCH2 dictionary (data/cameo_lexicon.tsv): ACCUSE 'disapprove' (CAMEO2PLOVER). Left out:
# verbs that are mostly something else in news ("brand" a product, "lecture" at a university, "savage"
# as an adjective, "charge" = legal_charge below, "snub" = REJECT) and multi-word entries.
_CAMEO_DISAPPROVAL_SKIP = frozenset({"brand", "lecture", "savage", "charge", "snub"})


def _cameo_disapproval() -> list[Trigger]:
    out: dict[str, Trigger] = {}
    for row in _rows(DATA / "cameo_lexicon.tsv"):
        verb = row["verb"]
        if (row["cameo"] in {"111", "112"} and not row["object"] and row["plover_type"] == "ACCUSE"
                and " " not in verb and verb not in _CAMEO_DISAPPROVAL_SKIP):
            out[verb] = Trigger(verb, "ACCUSE", "disapprove")
    return list(out.values())


# The PLOVER types whose CAMEO verb entries (data/cameo_verb_triggers.tsv, compiled by
# scripts/build_cameo_triggers.py) the coder reads as triggers, chosen by measured precision on the team
# dev split and WikiEvents dev and recall on RAMS dev (eval/tools/cameo_gate.py; docs/evaluation.md).
# Object patterns ("imposed a curfew") and default readings ("Iran rejected ...") are gated apart:
# a default reading is the verb's whole WordNet synonym set in the dictionary ("want", "need", "go" are
# defaults of AGREE, REQUEST, CONSULT) and is far less precise. ASSAULT and PROTEST stay with the
# hand-written frames and the learned model: their CAMEO verbs ("hit", "strike", "beat", "charge",
# "march") are the ones sports and business reports use. EVENTWIRE_CAMEO_TYPES and
# EVENTWIRE_CAMEO_DEFAULT_TYPES (comma-separated, "none" for no type) override the sets for measurement.
# Kept (eval/tools/cameo_gate.py, right/coded on dev + WikiEvents dev, the coder as committed): object
# patterns of REQUEST 3/4, CONCEDE 1/1, COERCE 0/1 ("froze assets": PLOVER COERCE, not a WikiEvents type), SANCTION,
# MOBILIZE and REJECT (never coded there: no evidence against, and their patterns name the object:
# "deployed troops", "froze assets"); left out below 0.6: THREATEN 1/2 ("reaffirms its commitment" is
# CAMEO 130), SUPPORT 2/4, ACCUSE 0/6, AGREE 0/2, COOPERATE 0/2, RETREAT 0/1; CONSULT 1/1 and AID 1/1 are
# right but the coder finds no recipient for them ("raised concerns in a call with Lavrov"), which takes
# dev recipient accuracy under its floor (tests/quality/floors.json). Default readings (the dyad frame,
# frames.cameo_pattern_holds) only for types that never coded a wrong one there; left out: CONSULT 1/6,
# COOPERATE 1/4, ACCUSE 0/4, SUPPORT 0/1, CONCEDE 0/1.
CAMEO_TRIGGER_TYPES: frozenset[str] = frozenset(
    {"THREATEN", "REJECT", "REQUEST", "SANCTION", "MOBILIZE", "COERCE", "CONCEDE"}
)
CAMEO_DEFAULT_TYPES: frozenset[str] = frozenset({"THREATEN", "REJECT", "REQUEST", "SANCTION", "MOBILIZE", "COERCE"})
# types whose object patterns are left out while their default readings stay
CAMEO_DEFAULT_ONLY: frozenset[str] = frozenset({"THREATEN"})


# Readings kept beyond the types above, by (type, mode): CAMEO 085 "ease economic sanctions, boycott,
# embargo" (RETREAT 'ease'), whose object names the measure eased ("lifted the embargo", "the easing of
# sanctions"); RETREAT's other patterns ("removed", "withdrew" anything) stay out (cameo_gate: 0/1).
CAMEO_TRIGGER_MODES: frozenset[tuple[str, str]] = frozenset({("RETREAT", "ease")})


def _env_set(name: str, default: frozenset[str]) -> frozenset[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return frozenset(t.strip().upper() for t in value.split(",") if t.strip()) - {"NONE"}


# Types whose CAMEO readings (defaults and object patterns) were left out above for their precision: they
# are read where the learned trigger model (triggers.py) gives the reading's type at least
# CAMEO_SUPPORT probability, under the model's own threshold (EVENTWIRE_TRIGGER_THRESHOLD). The dictionary
# says which type a verb can report; the model, trained on WikiEvents, RAMS and the team's dev split, says
# whether this context reads so. "Iran and Iraq met" needs both; "we want" or "they met the deadline" not.
# An object pattern whose verb names both sides holds without the model (frames.cameo_dyad, round 16: "the
# US supplied arms to Israel", "presented evidence against Russia"), as PETRARCH codes between two named actors.
CAMEO_CORROBORATED_TYPES: frozenset[str] = frozenset({"CONSULT", "AGREE", "ACCUSE", "SUPPORT", "COOPERATE", "AID"})
CAMEO_SUPPORT = float(os.environ.get("EVENTWIRE_CAMEO_SUPPORT", "0.2"))

CAMEO_TRIGGER_TYPES = _env_set("EVENTWIRE_CAMEO_TYPES", CAMEO_TRIGGER_TYPES)
CAMEO_CORROBORATED_TYPES = _env_set("EVENTWIRE_CAMEO_MODEL_TYPES", CAMEO_CORROBORATED_TYPES) - CAMEO_TRIGGER_TYPES
CAMEO_DEFAULT_TYPES = _env_set("EVENTWIRE_CAMEO_DEFAULT_TYPES", CAMEO_DEFAULT_TYPES) & CAMEO_TRIGGER_TYPES


# The medium of what is said: a CAMEO pattern whose only object is one of these ("issue a statement"
# [101], "send a letter") codes the medium; the coder reads the content of the statement instead.
_MEDIUM_NOUNS = frozenset({"statement", "declaration", "letter", "message", "report", "note", "communique",
                           "comment", "remark", "speech", "announcement", "document"})


def _cameo_verbs(path: Path, listed: set[str], types: frozenset[str], default_types: frozenset[str]) -> list[Trigger]:
    """CAMEO verb entries of the kept types, for verbs the hand-written lexicon does not list.

    Rules, not word picks: (1) a verb the hand-written lexicon lists keeps its frames: only its CAMEO
    object patterns are added after them ("impose a curfew"), never a default or a bare particle, which
    would fire where the frame said no; (2) a verb whose default readings fall under two or more PLOVER
    types ("hold" a meeting or a prisoner) is ambiguous without its object, so only its object and
    particle patterns are kept; (3) multi-word entries other than verb + particle are left out by the
    build; (4) a pattern whose only object is a medium of speech (_MEDIUM_NOUNS) is left out. Patterns come before defaults, so that "impose a curfew" is COERCE curfew, not the default.
    """
    rows = [r for r in _rows(path) if r["lemma"] not in listed or r["objects"]]
    readings: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if not r["objects"] and not r["particle"]:
            readings[r["lemma"]].add(r["plover_type"])
    out: list[Trigger] = []
    for r in rows:
        objects = frozenset(o for o in r["objects"].split("|") if o)
        if objects and objects <= _MEDIUM_NOUNS:
            continue  # (4) "issued a statement": what the statement says is the event, not its medium
        typ = r["plover_type"]
        corroborate = typ in CAMEO_CORROBORATED_TYPES
        if objects and (typ, r["mode"]) in CAMEO_TRIGGER_MODES and types or corroborate:
            pass  # a reading kept by its mode (CAMEO_TRIGGER_MODES; EVENTWIRE_CAMEO_TYPES=none drops it too) or the model's say
        elif typ not in types or not objects and typ not in default_types or objects and typ in CAMEO_DEFAULT_ONLY:
            continue
        if not objects and not r["particle"] and len(readings[r["lemma"]]) > 1:
            continue
        mode = r["mode"] if r["mode"] and is_plover_mode(typ, r["mode"]) else None
        out.append(Trigger(r["lemma"], typ, mode, None, r["particle"] or None, objects, "cameo", corroborate))
    # the most specific pattern is tried first: particle and object, object, particle, default
    out.sort(key=lambda t: (t.lemma, not (t.particle and t.objects), not t.objects, not t.particle))
    return out


VERB_TRIGGERS: list[Trigger] = _read_verbs(DATA / "verb_triggers.tsv")
# material events beyond the seed's verbs: security raised (MOBILIZE), ground liberated (ASSAULT)
VERB_TRIGGERS += _read_verbs(DATA / "material_verb_triggers.tsv")
# verbal and political events (events/verbal.py): kept apart so that each list reads as one subject
VERB_TRIGGERS += _read_verbs(DATA / "verbal_verb_triggers.tsv")

# Nouns that name events. They code an event only in a frame that gives them arguments
# (coder._noun_trigger): "the shelling by the regime", "launched an attack on", "talks with".
NOUN_TRIGGERS: dict[str, tuple[str, str | None]] = _read_nouns(DATA / "noun_triggers.tsv")
NOUN_TRIGGERS.update({k: v for k, v in _read_nouns(DATA / "material_noun_triggers.tsv").items()
                      if k not in NOUN_TRIGGERS})

_LISTED = {t.lemma for t in VERB_TRIGGERS}
VERB_TRIGGERS += [t for t in _cameo_disapproval() if t.lemma not in _LISTED]
_LISTED = {t.lemma for t in VERB_TRIGGERS}
VERB_TRIGGERS += _cameo_verbs(DATA / "cameo_verb_triggers.tsv", _LISTED, CAMEO_TRIGGER_TYPES, CAMEO_DEFAULT_TYPES)



def _cameo_nominals(path: Path, verbs: list[Trigger]) -> dict[str, list[Trigger]]:
    """Nominal forms of the kept CAMEO object patterns (data/cameo_nominal_triggers.tsv, compiled by
    scripts/build_cameo_nominals.py from WordNet's derivational links): "the imposition of sanctions",
    "the lifting of the embargo" read as "imposed sanctions", "lifted the embargo". Only patterns with an
    object and no particle: the noun's of-phrase is the verb's object. A noun the hand-written lexicon lists
    as an event noun keeps its own frames."""
    by_verb: dict[str, list[Trigger]] = defaultdict(list)
    for t in verbs:
        # a light verb's noun is no act of its own: "the launch of a campaign" is the campaign
        if t.source == "cameo" and t.objects and not t.particle and t.lemma not in LIGHT_VERBS:
            by_verb[t.lemma].append(t)
    out: dict[str, list[Trigger]] = defaultdict(list)
    for r in _rows(path):
        if r["noun"] in NOUN_TRIGGERS:
            continue
        for t in by_verb.get(r["verb"], ()):
            if t not in out[r["noun"]]:
                out[r["noun"]].append(t)
    return dict(out)


# A sports report ("crushed Leeds 6-2", "attacked relentlessly", "fans protested against the referee")
# codes no event: an article with SPORTS_REPORT_CUES distinct cues of these is one, and only its sentences
# with real harm (REAL_HARM: a stadium bombing, a riot with arrests) are read for events.
SPORTS_CUES = (r"\b(match(es)?|goals?|league|season|coach|striker|midfielder|goalkeeper|referee|stadium|tournament|"
               r"championship|playoffs?|innings|wickets?|quarterback|touchdowns?|rebounds?|assists|scored|"
               r"half-time|halftime|kick-off|penalty|cup final|grand slam|semi-final|quarter-final|"
               r"\d{1,3}-\d{1,3}(?= (win|victory|defeat|loss|draw|lead|home|away|at|on|in)\b))")
SPORTS_REPORT_CUES = 3
REAL_HARM = (r"\b(killed|killing|dead|died|wounded|injured|injuries|hospitali[sz]ed|arrest\w*|detain\w*|police|"
             r"troops|soldiers|militants?|bomb\w*|explosion|blast|gunm[ae]n|shooting|shot dead|stabb\w*|riot\w*)\b")
REAL_HARM_RE = re.compile(REAL_HARM, re.I)  # the coder's sports-report gate and everyday.sport_play

# Verbs whose object is a nominal event that happened: "launched an attack", "held talks".
LIGHT_VERBS = frozenset(
    ["launch", "carry", "conduct", "mount", "stage", "open", "return", "resume", "hold", "begin", "start", "have", "continue", "unleash", "step", "intensify",
     "initiate", "announce", "order",
     # a standing measure or campaign imposed, kept or prolonged holds, and the subject holds it: "Putin
     # extended the embargo", "imposed a siege on", "tightened the blockade", "renewed talks"
     "impose", "reimpose", "extend", "maintain", "renew", "tighten", "expand", "institute"]
)

# Nouns that code an event only as the object of AGREEMENT_VERBS ("reached an agreement with"):
# "the 2015 nuclear agreement" is background, not a reported event.
AGREEMENT_NOUNS = frozenset(["agreement", "accord", "pact", "truce"])
AGREEMENT_VERBS = frozenset(["reach", "sign", "conclude", "broker", "seal", "clinch", "strike", "finalize", "finalise"])

# Light verbs of collective action: "joined the protests", "organised a rally", "led a march".
PROTEST_LIGHT_VERBS = frozenset(["join", "organize", "organise", "lead", "attend", "take", "call", "participate"])

# Verbs whose subject is an event that happened: "protests erupted in Tripoli", "fighting broke out".
OCCURRENCE_VERBS = frozenset(["erupt", "break", "spread", "rage", "flare", "unfold", "occur", "happen", "escalate", "spill"])
# Protest verbs that, as the purpose of a crowd's act, make that act the protest (frames.crowd_purpose).
PROTEST_PURPOSE_VERBS = frozenset(["protest", "demonstrate", "rally", "march"])
# Verbs whose subject is a demonstration that took place, by its attendance: "the rally drew 5,000 people".
ATTENDANCE_VERBS = frozenset(["draw", "attract", "bring", "mobilise", "mobilize"])
# Verbs whose object is a demonstration they set off, which therefore took place: "sparked protests".
SET_OFF_VERBS = frozenset(["spark", "trigger", "prompt", "provoke", "ignite", "touch"])

# Verbs of policing whose object is a protest that took place: "suppressed a peaceful protest".
POLICING_VERBS = frozenset(["disperse", "suppress", "crush", "quell", "break", "scatter", "attack", "storm", "tear-gas"])

# When "strike" is a stoppage of work, not an attack: modifiers and strikers (data/labour_strike.tsv).
_LABOUR = _rows(DATA / "labour_strike.tsv")
LABOUR_STRIKE_MODIFIERS = frozenset(r["word"] for r in _LABOUR if r["kind"] == "modifier")
STRIKERS = frozenset(r["word"] for r in _LABOUR if r["kind"] == "striker")
STOPPAGES: dict[str, tuple[str, str | None]] = {"labour strike": ("PROTEST", "strike"), "hunger strike": ("PROTEST", "hunger")}

# Who protests (PLOVER CVL: "civilians, protesters, activists"). The first group protests by name;
# the others only where the sentence says what they protest (PROTEST_CUES).
PROTESTER_NOUNS = frozenset(["protester", "protestor", "demonstrator", "marcher", "rioter", "crowd"])
CROWD_NOUNS = frozenset(["activist", "supporter", "opponent", "student", "worker", "thousand", "hundred", "dozen",
                         "ten", "tens", "million", "millions", "score", "scores",
                         "people", "resident", "farmer", "teacher", "villager", "youth", "woman", "member"])
PROTEST_CUES = r"\b(protest\w*|demonstrat\w*|rall(y|ies|ied)|march\w*|demand\w*|against|chant\w*|slogans?|placards?|banners?|denounc\w*|oppos\w*)\b"

# Crowd-control weapons and tactics (PLOVER manual 3.16, ASSAULT 'crowd-control').
CROWD_CONTROL = r"\b(tear[- ]?gas|water[- ]cannons?|rubber bullets?|pepper spray|stun grenades?|batons?|truncheons?|sound grenades?|plastic bullets?)\b"

# Verbs whose object is an incident that happened and is judged or claimed: "condemns the attacks in
# Jabla", "claimed the bombing". The judgement is one event (ACCUSE, ...), the incident another.
JUDGED_EVENT_VERBS = frozenset(
    ["condemn", "denounce", "deplore", "decry", "claim", "mourn", "investigate", "blame"]
)

# Weapon and method words -> PLOVER ASSAULT mode (checked in the event's clause).
MODE_WORDS: tuple[tuple[str, str], ...] = (
    ("suicide", "suicide-attack"),
    ("drone", "drone"),
    ("airstrike", "aerial"),
    ("air strike", "aerial"),
    ("warplane", "aerial"),
    ("jet", "aerial"),
    ("helicopter", "aerial"),
    ("air raid", "aerial"),
    ("air support", "aerial"),
    ("shelling", "heavy-weapons"),
    ("artillery", "heavy-weapons"),
    ("mortar", "heavy-weapons"),
    ("rocket", "heavy-weapons"),
    ("missile", "heavy-weapons"),
    ("howitzer", "heavy-weapons"),
    ("shell", "heavy-weapons"),
    ("tank", "heavy-weapons"),
    ("ied", "explosives"),
    ("roadside bomb", "explosives"),
    ("car bomb", "explosives"),
    ("landmine", "explosives"),
    ("explosive", "explosives"),
    ("grenade", "explosives"),
    ("bomb", "explosives"),
    ("gunmen", "firearms"),
    ("gunfire", "firearms"),
    ("gunman", "firearms"),
    ("shot", "firearms"),
    ("rifle", "firearms"),
    ("machete", "primitive"),
    ("knife", "primitive"),
    ("tear gas", "crowd-control"),
    ("rubber bullet", "crowd-control"),
    ("water cannon", "crowd-control"),
)

# Verbs and nouns under which an event is intended, prevented or hoped for, not reported as
# having happened: "trying to reach a ceasefire", "an attempt to break the siege".
IRREALIS_GOVERNORS = frozenset(
    ["try", "attempt", "seek", "plan", "aim", "want", "hope", "intend", "prepare", "prevent", "avoid", "stop", "halt", "curtail", "expect", "need", "wish", "aspire", "push", "pressure", "effort", "bid", "goal", "plan", "preparation", "intention", "possibility", "risk", "fear", "threat", "ultimatum", "use",
     "fail", "failure"]
)

SPEECH_VERBS = frozenset(
    ["say", "tell", "add", "report", "claim", "announce", "state", "confirm", "insist", "note", "write", "declare", "quote", "explain", "stress", "reiterate", "assert", "deny", "acknowledge", "admit"]
)

# Material-conflict types where a bare country name means its armed forces, not its government.
MILITARY_TYPES = frozenset({"ASSAULT", "MOBILIZE"})

# Words that make a MOBILIZE/ASSAULT object military: "sent tanks", "deployed troops".
MILITARY_NOUNS = frozenset(
    ["troop", "soldier", "force", "army", "commando", "tank", "vehicle", "carrier", "howitzer", "launcher", "artillery", "weapon", "munition", "reinforcement", "unit", "battalion", "brigade", "division", "marine", "jet", "warplane", "warship", "ship", "destroyer", "submarine", "missile", "drone", "convoy", "militia", "fighter", "personnel", "police", "officer", "gunboat", "aircraft", "helicopter", "equipment"]
)

VICTIM_NOUNS = frozenset(
    ["civilian", "people", "person", "soldier", "troop", "fighter", "militant", "rebel", "child", "woman", "man", "resident", "villager", "protester", "demonstrator", "officer", "policeman", "journalist", "worker", "student", "member", "police", "refugee", "patient", "doctor", "family"]
)


CAMEO_NOMINALS: dict[str, list[Trigger]] = _cameo_nominals(DATA / "cameo_nominal_triggers.tsv", VERB_TRIGGERS)


def _requested(path: Path, verbs: frozenset[str]) -> frozenset[str]:
    """What one asks another side for, by CAMEO's appeals (02x) under the asking verbs: the union of their
    object patterns ("seek asylum", "request assistance", "ask permission"), so that one verb's list fills
    another's gaps ("requested asylum" is CAMEO's "seek asylum")."""
    return frozenset(o for r in _rows(path) if r["lemma"] in verbs and r["plover_type"] == "REQUEST"
                     for o in r["objects"].split("|") if o)


REQUESTED: frozenset[str] = _requested(DATA / "cameo_verb_triggers.tsv", frozenset({"ask", "request", "seek"}))
