"""The trigger lexicon: which words report which PLOVER event, and under what conditions.

Kept as plain data so a reviewer can read every decision: each entry names a lemma, the PLOVER
type and mode it signals, and a frame that must hold in the parse (see ``_FRAMES`` in frames.py).
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


def _t(plover_type: str, lemmas: str, mode: str | None = None, frame: str | None = None) -> list[Trigger]:
    return [Trigger(lem, plover_type, mode, frame) for lem in lemmas.split()]


# CAMEO 111 "criticize or denounce" and 112 "accuse" verbs that need no object pattern, from the
# compiled PETRARCH2 dictionary (data/cameo_lexicon.tsv): ACCUSE 'disapprove' (CAMEO2PLOVER). Left out:
# verbs that are mostly something else in news ("brand" a product, "lecture" at a university, "savage"
# as an adjective, "charge" = legal_charge below, "snub" = REJECT) and multi-word entries.
_CAMEO_DISAPPROVAL_SKIP = frozenset({"brand", "lecture", "savage", "charge", "snub"})


def _cameo_disapproval() -> list[Trigger]:
    path = Path(__file__).with_name("data") / "cameo_lexicon.tsv"
    out: dict[str, Trigger] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            verb = row["verb"]
            if (row["cameo"] in {"111", "112"} and not row["object"] and row["plover_type"] == "ACCUSE"
                    and " " not in verb and verb not in _CAMEO_DISAPPROVAL_SKIP):
                out[verb] = Trigger(verb, "ACCUSE", "disapprove")
    return list(out.values())


VERB_TRIGGERS: list[Trigger] = [
    # ASSAULT: material violence. Modes are refined from weapon words in the clause.
    *_t("ASSAULT", "kill murder slay massacre slaughter execute neutralize neutralise", None, "victim"),
    *_t("ASSAULT", "assassinate", "targeted"),
    *_t("ASSAULT", "shoot gun", "firearms"),
    *_t("ASSAULT", "shell bombard", "heavy-weapons"),
    *_t("ASSAULT", "bomb", "explosives"),
    *_t("ASSAULT", "airstrike", "aerial"),
    *_t("ASSAULT", "attack assault ambush raid storm pound hit strike target", None, "hostile_object"),
    *_t("ASSAULT", "fire", None, "fire_at"),
    *_t("ASSAULT", "clash fight battle", None, "combat"),
    *_t("ASSAULT", "injure wound maim", None, "victim"),
    *_t("ASSAULT", "destroy demolish raze", "destroy", "hostile_object"),
    *_t("ASSAULT", "capture seize recapture retake overrun", None, "capture"),
    *_t("ASSAULT", "abduct kidnap", "abduct"),
    *_t("ASSAULT", "behead decapitate", "targeted"),
    *_t("ASSAULT", "torture", "torture"),
    *_t("ASSAULT", "rape", "sexual"),
    *_t("ASSAULT", "beat stab lynch", "beat", "victim"),
    *_t("ASSAULT", "detonate", "explosives"),
    *_t("ASSAULT", "die", None, "died_in_attack"),
    *_t("ASSAULT", "vanquish crush", None, "hostile_object"),
    # "struck at Hamas targets": the target in an at-phrase
    *_t("ASSAULT", "strike", None, "fire_at"),
    # "imposed full control over the city", "regained control of the town": taking ground
    *_t("ASSAULT", "impose regain gain assume wrest establish take", None, "take_control"),
    # MOBILIZE
    *_t("MOBILIZE", "deploy dispatch mobilize mobilise amass mass station reinforce", "troops", "military_object"),
    *_t("MOBILIZE", "send move", "troops", "military_object"),
    # CONSULT
    *_t("CONSULT", "meet negotiate", None, "consult"),
    *_t("CONSULT", "visit", "visit", "consult"),
    *_t("CONSULT", "host", "visit", "consult"),
    # REQUEST
    *_t("REQUEST", "urge demand appeal implore", "change"),
    Trigger("call", "REQUEST", "change", None, "on"),
    Trigger("call", "REQUEST", "change", None, "for"),
    *_t("REQUEST", "ask request", "change", "request_obj"),
    # ACCUSE
    *_t("ACCUSE", "accuse blame condemn denounce criticize criticise decry slam", "disapprove"),
    Trigger("lash", "ACCUSE", "disapprove", None, "out"),
    *_t("ACCUSE", "allege", "allege"),
    *_t("ACCUSE", "investigate probe", "investigate"),
    # justice (PLOVER manual 3.9; the WikiEvents mapping's Justice.ChargeIndict/TrialHearing): bringing charges
    *_t("ACCUSE", "charge indict prosecute sue", "allege", "legal_charge"),
    # REJECT
    *_t("REJECT", "reject refuse veto rebuff", None),
    # THREATEN
    *_t("THREATEN", "threaten", "violence"),
    *_t("THREATEN", "warn vow", "violence", "threat_content"),
    # AGREE
    *_t("AGREE", "agree sign", None, "agree"),
    # SUPPORT
    *_t("SUPPORT", "support endorse praise welcome", None, "support"),
    # CAMEO 051 "praise or endorse" verbs of the PETRARCH2 dictionary (data/cameo_lexicon.tsv)
    *_t("SUPPORT", "applaud commend compliment congratulate hail laud acclaim extol back", None, "support"),
    # AID
    *_t("AID", "aid", None),
    # RETREAT
    *_t("RETREAT", "withdraw retreat evacuate", "withdraw", "retreat"),
    Trigger("pull", "RETREAT", "withdraw", None, "out"),
    *_t("RETREAT", "release free", "release", "release"),
    *_t("RETREAT", "resign", "resign"),
    # SANCTION
    *_t("SANCTION", "sanction expel", None),
    *_t("SANCTION", "convict sentence", "convict"),
    # COERCE
    *_t("COERCE", "arrest detain apprehend", "arrest"),
    *_t("COERCE", "jail imprison", "arrest", "victim"),
    *_t("COERCE", "deport", "deport"),
    *_t("COERCE", "besiege blockade encircle", "restrict"),
    Trigger("cut", "COERCE", "restrict", None, "off"),
    *_t("COERCE", "confiscate", "seize"),
    *_t("COERCE", "censor", "censor"),
    # PROTEST
    *_t("PROTEST", "protest demonstrate rally march", "demo", "protest"),
    *_t("PROTEST", "riot", "riot"),
    *_t("PROTEST", "boycott", "boycott"),
    # PLOVER manual 3.12 "rally, gather to protest": a crowd that gathers or takes to the streets
    *_t("PROTEST", "gather assemble converge", "demo", "protest_crowd"),
    Trigger("take", "PROTEST", "demo", "to_the_streets"),
    # PLOVER PROTEST 'obstruct': protesters blocking passage
    *_t("PROTEST", "barricade block occupy", "obstruct", "protest_obstruct"),
    # PLOVER manual 3.16: ASSAULT 'crowd-control' needs an explicit crowd-control weapon or tactic
    *_t("ASSAULT", "use fire spray", "crowd-control", "crowd_control_weapon"),
]

# Nouns that name events. They code an event only in a frame that gives them arguments
# (see coder.NOUN_FRAMES): "the shelling by the regime", "launched an attack on", "talks with".
NOUN_TRIGGERS: dict[str, tuple[str, str | None]] = {
    "attack": ("ASSAULT", None),
    "assault": ("ASSAULT", None),
    "offensive": ("ASSAULT", None),
    "shelling": ("ASSAULT", "heavy-weapons"),
    "bombardment": ("ASSAULT", "heavy-weapons"),
    "airstrike": ("ASSAULT", "aerial"),
    "bombing": ("ASSAULT", "explosives"),
    "explosion": ("ASSAULT", "explosives"),
    "blast": ("ASSAULT", "explosives"),
    "ambush": ("ASSAULT", None),
    "raid": ("ASSAULT", None),
    "clash": ("ASSAULT", None),
    "fighting": ("ASSAULT", None),
    "fire": ("ASSAULT", None),
    "massacre": ("ASSAULT", None),
    "talk": ("CONSULT", None),
    "negotiation": ("CONSULT", None),
    "meeting": ("CONSULT", None),
    "visit": ("CONSULT", "visit"),
    "deployment": ("MOBILIZE", "troops"),
    "protest": ("PROTEST", "demo"),
    "demonstration": ("PROTEST", "demo"),
    "rally": ("PROTEST", "demo"),
    "march": ("PROTEST", "demo"),
    "vigil": ("PROTEST", "demo"),
    "sit-in": ("PROTEST", "demo"),
    "die-in": ("PROTEST", "demo"),
    "walkout": ("PROTEST", "strike"),
    "riot": ("PROTEST", "riot"),
    "boycott": ("PROTEST", "boycott"),
    # agreements code an event only when reached or signed (AGREEMENT_VERBS), never as background
    "agreement": ("AGREE", None),
    "accord": ("AGREE", None),
    "pact": ("AGREE", None),
    "truce": ("AGREE", None),
    "siege": ("COERCE", "restrict"),
    "blockade": ("COERCE", "restrict"),
    "arrest": ("COERCE", "arrest"),
    "ceasefire": ("AGREE", None),
    # justice: the WikiEvents mapping codes charges, trials and investigations as ACCUSE (plover_mapping.tsv)
    "investigation": ("ACCUSE", "investigate"),
    "probe": ("ACCUSE", "investigate"),
    "inquiry": ("ACCUSE", "investigate"),
    "indictment": ("ACCUSE", "allege"),
    "trial": ("ACCUSE", "allege"),
    "cease": ("AGREE", None),
}

_LISTED = {t.lemma for t in VERB_TRIGGERS}
VERB_TRIGGERS += [t for t in _cameo_disapproval() if t.lemma not in _LISTED]

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
