"""The trigger lexicon: which words report which PLOVER event, and under what conditions.

The triggers are data files a reviewer can read (data/verb_triggers.tsv, data/noun_triggers.tsv): each
entry names a lemma, the PLOVER type and mode it signals, and a frame that must hold in the parse (see
``_FRAMES`` in frames.py). This module loads them and holds the closed word lists the frames use.
Entries were written from the PLOVER manual's definitions and examples, not from any one article.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Trigger:
    lemma: str
    plover_type: str
    mode: str | None = None
    frame: str | None = None  # a named condition on the parse, None = always
    particle: str | None = None  # phrasal verbs: "call on", "cut off", "pull out"


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


VERB_TRIGGERS: list[Trigger] = _read_verbs(DATA / "verb_triggers.tsv")

# Nouns that name events. They code an event only in a frame that gives them arguments
# (coder._noun_trigger): "the shelling by the regime", "launched an attack on", "talks with".
NOUN_TRIGGERS: dict[str, tuple[str, str | None]] = _read_nouns(DATA / "noun_triggers.tsv")

_LISTED = {t.lemma for t in VERB_TRIGGERS}
VERB_TRIGGERS += [t for t in _cameo_disapproval() if t.lemma not in _LISTED]

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

# Verbs whose object is a nominal event that happened: "launched an attack", "held talks".
LIGHT_VERBS = frozenset(
    ["launch", "carry", "conduct", "mount", "stage", "open", "return", "resume", "hold", "begin", "start", "have", "continue", "unleash", "step", "intensify",
     "initiate", "announce", "order"]
)

# Nouns that code an event only as the object of AGREEMENT_VERBS ("reached an agreement with"):
# "the 2015 nuclear agreement" is background, not a reported event.
AGREEMENT_NOUNS = frozenset(["agreement", "accord", "pact", "truce"])
AGREEMENT_VERBS = frozenset(["reach", "sign", "conclude", "broker", "seal", "clinch", "strike", "finalize", "finalise"])

# Light verbs of collective action: "joined the protests", "organised a rally", "led a march".
PROTEST_LIGHT_VERBS = frozenset(["join", "organize", "organise", "lead", "attend", "take", "call", "participate"])

# Verbs whose subject is an event that happened: "protests erupted in Tripoli", "fighting broke out".
OCCURRENCE_VERBS = frozenset(["erupt", "break", "spread", "rage", "flare", "unfold", "occur", "happen", "escalate", "spill"])

# Verbs of policing whose object is a protest that took place: "suppressed a peaceful protest".
POLICING_VERBS = frozenset(["disperse", "suppress", "crush", "quell", "break", "scatter", "attack", "storm", "tear-gas"])

# Who protests (PLOVER CVL: "civilians, protesters, activists"). The first group protests by name;
# the others only where the sentence says what they protest (PROTEST_CUES).
PROTESTER_NOUNS = frozenset(["protester", "protestor", "demonstrator", "marcher", "rioter", "crowd"])
CROWD_NOUNS = frozenset(["activist", "supporter", "opponent", "student", "worker", "thousand", "hundred", "dozen",
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
