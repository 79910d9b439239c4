"""Verbal and political events that the verb lexicon misses: nominalisations and their speakers.

PLOVER's verbal events are often told as nouns ("Buhari's rejection of tenure elongation", "the Council
reiterates its support for Iraq", "there were urgent demands for internment", "raised these concerns in a
call with Lavrov", "on trial on charges of murder"). A noun of data/verbal_noun_triggers.tsv codes an
event only in a frame that names who said it or says it was said: a possessive or by-agent, the object
of a statement verb (data/verbal_words.tsv), a with-phrase for a consultation, or charges laid against
someone. The speaker is the actor; the addressee or the party of the noun's phrase the recipient.

The frames of data/verbal_verb_triggers.tsv ("spoke with", "denied the report") live here too and are
registered with the other frames in frames.py.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..taxonomy.plover import VERBAL_CONFLICT_TYPES
from . import lexicon as lx
from .common import PLACE_NOUNS, Draft
from .syntax import _SECTOR_NOUNS, _subjects

if TYPE_CHECKING:
    from spacy.tokens import Token

DATA = Path(__file__).with_name("data")


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader((x for x in fh if not x.startswith("#")), delimiter="\t"))


class VerbalNoun(NamedTuple):
    plover_type: str
    mode: str | None
    prep: str | None
    plural_only: bool


VERBAL_NOUNS: dict[str, list[VerbalNoun]] = {}
for _r in _rows("verbal_noun_triggers.tsv"):
    VERBAL_NOUNS.setdefault(_r["lemma"], []).append(
        VerbalNoun(_r["plover_type"], _r["mode"] or None, _r["prep"] or None, _r["plural"] == "y"))

_WORDS: dict[str, set[str]] = {}
for _r in _rows("verbal_words.tsv"):
    _WORDS.setdefault(_r["class"], set()).add(_r["lemma"])
STATEMENT_VERBS = frozenset(_WORDS.get("statement", ()))
AUDIENCE_NOUNS = frozenset(_WORDS.get("audience", ()))
SAID_NOUNS = frozenset(_WORDS.get("said", ()))
DROPPED_VERBS = frozenset(_WORDS.get("dropped", ()))
MEETING_WORDS = frozenset(_WORDS.get("meeting", ()))
MEDIUM_NOUNS = frozenset(_WORDS.get("medium", ()))
GRIEVANCE_NOUNS = frozenset(_WORDS.get("grievance", ()))
FORCE_WORDS = frozenset(_WORDS.get("force", ()))
PARTY_NOUNS = frozenset(_WORDS.get("party", ()))
TOPIC_NOUNS = frozenset(_WORDS.get("topic", ()))
_SAYING = lx.SPEECH_VERBS | {"call", "accuse", "argue", "charge", "brand", "label", "suggest", "warn"}
VERBAL_NOMINAL = "(verbal"  # marks the rule string of a draft made here


# -------------------------------------------------------------------- verb frames
def _frame_talk_with(tok: Token) -> bool:
    """'spoke with Lavrov', 'speaking to the tribal elders', 'talked with the rebels'; not 'spoke to
    reporters' (an audience) nor 'talked about the war' (no second side)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"with", "to"}:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            # "talk about drone warfare with regard to ...": a topic, no second side
            if objs and not any(o.lemma_.lower() in AUDIENCE_NOUNS | TOPIC_NOUNS or o.pos_ == "PRON" for o in objs):
                return True
    return False


def addressees(tok: Token) -> list[Token]:
    """Whom a talk verb's to-phrase names as the second side ("had spoken to China's foreign minister Wang
    Yi"): the recipient of the consultation its frame accepted. Only a side by name, by office or by force
    ("the minister", "the rebels"): not an audience ("spoke to reporters"), nor the people a local office
    deals with ("city officials have spoken to both property owners")."""
    if tok.lemma_.lower() not in TALK_VERBS:
        return []
    return [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children
            if o.dep_ == "pobj" and o.lemma_.lower() not in AUDIENCE_NOUNS | TOPIC_NOUNS and o.pos_ != "PRON"
            and (_is_party(o) or o.lemma_.lower() in _SECTOR_NOUNS)]


def _frame_discussed(tok: Token) -> bool:
    """'the two delegations discussed the possibility of ...'; in a sentence whose verb already tells of the
    meeting ("met with al-Abadi in Baghdad, where the two leaders discussed the campaign") the discussion is
    that meeting, not a second one ("delegations attending the meeting discussed ..." tells of one)."""
    return not any(t.i != tok.i and t.pos_ == "VERB" and t.lemma_.lower() in MEETING_WORDS for t in tok.sent)


def _frame_words_attack(tok: Token) -> bool:
    """'attacked Trump, saying ...', 'her speech will target Trump over his foreign policy', 'was attacked
    for his remarks': an attack in words on a party is a criticism (CAMEO 111, ACCUSE disapprove), told by
    its medium (a speech, an interview), its grievance (over a policy, for what one did) or its words (an
    attached 'saying'). A clause that tells of force or harm keeps the attack an attack."""
    # the attack's own clause: a quoted threat elsewhere in a long sentence ("... comments about killing
    # the families of terrorists") does not make the criticism violent
    if any(t.lemma_.lower() in FORCE_WORDS for t in tok.subtree if t.i != tok.i):
        return False
    objs = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    # the one attacked is a party, not a place or a thing ("attacked the convoy", "hit the airport")
    if not any(o.ent_type_ not in {"LOC", "FAC", "PRODUCT"} and o.lemma_.lower() not in PLACE_NOUNS
               and o.lemma_.lower() not in FORCE_WORDS for o in objs):
        return False
    for c in tok.children:
        low = c.lemma_.lower()
        if c.dep_ in {"nsubj", "csubj"} and low in MEDIUM_NOUNS:
            return True
        if c.dep_ in {"advcl", "xcomp"} and low in _SAYING:
            return True
        if c.dep_ == "prep" and c.lower_ in {"in", "on", "during"} and any(
                g.dep_ == "pobj" and g.lemma_.lower() in MEDIUM_NOUNS for g in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ in {"over", "for"} and any(
                (g.dep_ == "pcomp" or (g.dep_ == "pobj" and g.lemma_.lower() in GRIEVANCE_NOUNS))
                and g.lower_ not in {"which", "whom", "that"} for g in c.children):
            return True
    return False


# a statement is an accusation when its words are, summed, negative and one of them is at least
# this negative (VADER scale -4 .. +4): "betray" -3.2, "failed" -2.3, "lack" -1.3
NEGATIVE_SUM, NEGATIVE_WORD = -0.5, -1.5


def _frame_negative_content(tok: Token) -> bool:
    """'Cruz said that Trump will betray his supporters', 'the White House is saying the Republicans have no
    business obstructing a nominee': a statement whose content names another party in clearly negative
    words criticises that party (ACCUSE disapprove). Content that tells of force is the claim of that
    violent event, coded as the event itself with this speaker as its claim source."""
    from .valence import valence

    content = [c for c in tok.children if c.dep_ == "ccomp"]
    # the speaker is a side, or a person or side the article named before ("when he said last week that
    # Trump will betray his supporters": the coder's article memory resolves the pronoun)
    if not content or not any(_is_party(s) or s.lower_ in SPEAKER_PRONOUNS for s in _subjects(tok)):
        return False
    toks = [t for c in content for t in c.subtree]
    if any(t.lemma_.lower() in FORCE_WORDS for t in toks):
        return False
    speaker = {t.i for s in _subjects(tok) for t in s.subtree}
    # the party blamed is what the statement is about: the subject of its clause ("Congress failed",
    # "Trump will betray"), not any name in it ("the threat facing the DPRK", "I am hurt")
    about = [s for c in content for s in _blamed(c)]
    if not any(_is_party(s) and s.i not in speaker for s in about):
        return False
    total, worst = valence(_judging_words(toks))
    return total <= NEGATIVE_SUM and worst <= NEGATIVE_WORD


TALK_VERBS = frozenset(t.lemma for t in lx.VERB_TRIGGERS if t.frame == "talk_with")
NEGATIVE_CONTENT_VERBS = frozenset(t.lemma for t in lx.VERB_TRIGGERS if t.frame == "negative_content")
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we"})


def blamed_parties(tok: Token) -> list[Token]:
    """The sides a hostile statement blames, for its recipient: "Cruz said Trump will betray his supporters"
    -> Trump; "suggested that Clinton had been poisoned by Putin" -> Putin. Empty for other verbs."""
    if tok.lemma_.lower() not in NEGATIVE_CONTENT_VERBS:
        return []
    speaker = {t.i for s in _subjects(tok) for t in s.subtree}
    return [s for c in tok.children if c.dep_ == "ccomp" for s in _blamed(c) if _is_party(s) and s.i not in speaker]


def _is_party(t: Token) -> bool:
    return t.ent_type_ in _PARTY_ENTS or t.pos_ == "PROPN" or t.lemma_.lower() in PARTY_NOUNS


def _blamed(clause: Token) -> list[Token]:
    """Whom a statement's clause is about: its subject ("Congress failed"), the agent of a passive one
    ("Clinton had been poisoned by Putin"), and the side whose act or words the subject is ("Trump's comments
    are disrespectful", "the policies of Obama created a vacuum")."""
    subj = [*_subjects(clause), *[c for c in clause.children if c.dep_ == "nsubjpass"]]
    out = [s for s in subj if s.dep_ != "nsubjpass"]
    out += [g for c in clause.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    for s in subj:
        out += [c for c in s.children if c.dep_ == "poss"]
        out += [g for c in s.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return out


def _judging_words(toks: list[Token]) -> list[Token]:
    """The words of a statement that judge: its verbs, adjectives and adverbs ("failed", "betray",
    "dishonest"), and a noun only as what the party is called ("Trump is a disgrace"). A noun elsewhere names
    the statement's topic, which may be grim without blaming anyone ("Thailand would build more prisons",
    "Europe had to react against this violation"); and what a condition supposes ("if they fail to
    cooperate") is no judgement of what anyone did."""
    from .assertion import conditions

    supposed = {u.i for t in toks if conditions(t) for u in t.subtree}
    return [t for t in toks if t.i not in supposed
            and (t.pos_ in {"VERB", "ADJ", "ADV"} or t.pos_ == "NOUN" and t.dep_ == "attr")]


def medium_speaker(tok: Token) -> Token:
    """The party behind a medium that stands as a subject: "Hillary's speech will target Trump", "a
    statement by the ministry condemned ...": the speaker, not the speech, is the actor."""
    if tok.lemma_.lower() in MEDIUM_NOUNS:
        for c in tok.children:
            if c.dep_ == "poss":
                return c
            if c.dep_ == "prep" and c.lower_ in {"by", "from"}:
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
    return tok


def _frame_deny_content(tok: Token) -> bool:
    """'denied the report', 'categorically denied the information': rejecting what another side said."""
    return any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in SAID_NOUNS for c in tok.children)


VERBAL_FRAMES: dict[str, Callable[[Token], bool]] = {
    "talk_with": _frame_talk_with,
    "deny_content": _frame_deny_content,
    "discussed": _frame_discussed,
    "words_attack": _frame_words_attack,
    "negative_content": _frame_negative_content,
}


# -------------------------------------------------------------------- parse repair
def misparsed_verb(tok: Token) -> bool:
    """A word tagged as a noun that heads a clause ("The Members of the Security Council urge the
    Prime Minister-designate ... to work swiftly": 'urge' tagged NN with a subject and an object): the
    tagger's error, which the parse's own arcs correct."""
    if tok.pos_ != "NOUN" or tok.dep_ not in {"ROOT", "conj", "ccomp"}:
        return False
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and bool(deps & {"dobj", "xcomp", "ccomp"})


# -------------------------------------------------------------------- nominal triggers
def _governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
    return None


_PARTY_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def _party_object(tok: Token) -> bool:
    """Does the noun's for-, of- or to-phrase name a side ("support for Iraq's democratic process", "its
    support of the Government of Iraq")?"""
    return any(c.dep_ == "prep" and c.lower_ in {"for", "of", "to"} and any(t.ent_type_ in _PARTY_ENTS for t in c.subtree)
               for c in tok.children)


def named_side(t: Token) -> bool:
    """A side named by name, office or force, not a pronoun ("the rebels", "Kabul", "the ministry")."""
    return t.pos_ != "PRON" and (_is_party(t) or t.lemma_.lower() in _SECTOR_NOUNS)


def from_sides(tok: Token) -> list[Token]:
    """The sides (by name, office or force) a noun's from-phrase names: "criticism from the European Union",
    "drew condemnation from Turkey" (the parser hangs the phrase on the verb whose object the noun is); not
    "criticism from residents" nor "calls from the public"."""
    holders = [tok]
    if tok.dep_ in {"dobj", "obj"} and tok.head.pos_ == "VERB":
        holders.append(tok.head)
    return [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
            if g.dep_ == "pobj" and g.pos_ != "PRON" and g.lemma_.lower() not in AUDIENCE_NOUNS
            and (g.ent_type_ in _PARTY_ENTS or g.lemma_.lower() in PARTY_NOUNS or g.lemma_.lower() in _SECTOR_NOUNS)]


def noun_trigger(tok: Token, verb_reading: Callable[[Token], Draft | None]) -> Draft | None:
    """A nominal verbal event in a frame that says who said it (module docstring); None otherwise."""
    if tok.pos_ != "NOUN" or tok.dep_ in {"compound", "amod"}:
        return None
    lemma = tok.lemma_.lower()
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    entry = next((e for e in VERBAL_NOUNS.get(lemma, ())
                  if (e.prep is None or e.prep in preps) and (not e.plural_only or tok.tag_ == "NNS")), None)
    if entry is None or any(c.dep_ == "det" and c.lower_ in {"no", "any"} for c in tok.children):
        return None
    verb = _governing_verb(tok)
    happened = False
    frame = None
    if entry.plover_type == "ACCUSE" and entry.plural_only:
        # "charges of lying", "charges against him": laid unless dropped. A bare compound ("security
        # charges", "murder charges") is as often a fee as an indictment, so it needs its phrase
        if not preps & {"of", "against"}:
            return None
        if verb is not None and verb.lemma_.lower() in DROPPED_VERBS:
            return None
        if tok.dep_ == "pobj" and tok.head.lower_ == "for":
            return None  # "his call for criminal charges against Clinton": charges asked for, not laid
        frame, happened = "charges", True
    elif (any(c.dep_ == "poss" for c in tok.children) or "by" in preps) and not (
            tok.dep_ == "nsubj" and tok.head.lemma_.lower() == "be"):
        # "Russia's support for Assad has been crucial" describes a stance; it reports no act
        frame = "said by"
    elif tok.dep_ in {"dobj", "obj"} and tok.head.lemma_.lower() in STATEMENT_VERBS:
        frame = f"statement '{tok.head.lemma_.lower()}'"
    # the verbal conflict types' nouns name their speaker in a from-phrase ("condemnation from Turkey", "demands
    # from two politicians"); a cooperative noun's from-phrase is as often a place or a source ("support from the region")
    elif entry.plover_type in VERBAL_CONFLICT_TYPES and from_sides(tok):
        frame = "from a side"  # "the strike drew condemnation from Turkey", "faced calls from the opposition"
    elif tok.dep_ in {"nsubj", "attr"} and any(c.dep_ == "expl" for c in tok.head.children):
        frame = "there were"  # "there were urgent demands last night for ..."
    elif entry.prep in {"with", "between"}:
        frame = f"{entry.prep} a second side"  # "raised these concerns in a call with Lavrov"
    if frame is None:
        return None
    if entry.plover_type == "SUPPORT" and not _party_object(tok):
        return None  # "confirmed their support for several key principles": support for no side
    # a noun inside a clause a verb of the same type already codes is that verb's argument ("called
    # for an end ... in an appeal"); one of another type is an event of its own ("welcomed the rejection")
    anc = verb
    if anc is not None and (coded := verb_reading(anc)) is not None and coded.plover_type == entry.plover_type:
        return None
    return Draft(tok, [tok], entry.plover_type, entry.mode, {"type": f"noun:{lemma} {VERBAL_NOMINAL}; {frame})"},
                 nominal=True, standalone=happened)


def nominal_parties(d: Draft, actor_toks: list[Token], recip_toks: list[Token]) -> tuple[list[Token], list[Token]]:
    """The speaker and the addressee of a verbal nominal whose own phrase names neither: the subject of the
    clause it is said in ("Kerry raised concerns in a call with Lavrov"), the side it comes from ("demands
    from two politicians"); for charges, whoever faces them ("McVeigh is on trial on charges of murder")."""
    if VERBAL_NOMINAL not in d.rules.get("type", ""):
        return actor_toks, recip_toks
    t = d.trigger
    verb = _governing_verb(t)
    if d.rules["type"].endswith("; charges)"):
        # the of-phrase names the offence ("charges of fraud"); the accused is whom they are against or
        # who faces them
        against = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "against" for g in c.children
                   if g.dep_ == "pobj"]
        faces = [s for s in _subjects(verb) if s.i != t.i] if verb is not None else []
        return actor_toks, against or faces
    if d.rules["type"].endswith("; from a side)"):
        # "Israel faced accusations from the UN", "the government ignored demands from the opposition": the
        # from-phrase speaks; the subject that faces or ignores it is whom it is addressed to
        recips = [s for s in _subjects(verb) if s.i != t.i and named_side(s)] if verb is not None else []
        return from_sides(t), recip_toks or recips
    if d.plover_type == "SUPPORT" and not recip_toks:
        recip_toks = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                      if g.dep_ == "pobj"]
    if actor_toks and all(a.pos_ == "PRON" for a in actor_toks) and verb is not None and _subjects(verb):
        actor_toks = []  # "the Council reiterates its support": the subject, not the pronoun's guess
    if not actor_toks:
        actor_toks = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
                      if g.dep_ == "pobj"]
    if not actor_toks and verb is not None:
        actor_toks = [s for s in _subjects(verb) if s.i != t.i]
    return actor_toks, recip_toks


def speakers_of(tok: Token) -> list[Token]:
    """The sides a plural pronoun stands for when it is the subject of what they said: "Putin and Erdogan
    said they had reached a ceasefire agreement" -> Putin, Erdogan. Empty when the speech verb has one
    speaker or the pronoun is not the subject of its complement."""
    if tok.lower_ not in {"they", "we"} or tok.dep_ not in {"nsubj", "nsubjpass"}:
        return []
    clause = tok.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in lx.SPEECH_VERBS:
        return []
    subj = [c for c in clause.head.children if c.dep_ == "nsubj"]
    if len(subj) != 1 or not any(c.dep_ == "conj" for c in subj[0].children):
        return []
    return subj


_FUTURE = frozenset({"will", "would", "'ll", "shall", "wo"})
_FIRST_PERSON = frozenset({"we", "i"})
_QUOTES = frozenset({'"', "'", "\u201c", "\u2018", "``"})


def announced_threat(d: Draft) -> Draft:
    """Violence a side announces it will do is a threat (PLOVER THREATEN: "threaten ... with violence";
    CAMEO 13): "we will attack any ship that enters our waters", "made it clear that we would strike the
    equipment", "the spokesman said they would strike back". The announcing side is the actor (the coder's
    speaker rule). Only a verb with a future modal, said in the first person or as what someone said;
    a negated one ("we will not attack") is no threat."""
    t = d.trigger
    if d.plover_type != "ASSAULT" or d.nominal or not d.rules.get("type", "").startswith("verb:"):
        return d
    # the modal may sit on the verb the act is coordinated with or begun under: "we will come to Russia and
    # kill you", "he shall start killing apostates"
    gov = t.head if t.dep_ in {"conj", "xcomp"} and t.head.pos_ in {"VERB", "AUX"} else t
    kids = [*t.children, *(gov.children if gov is not t else ())]
    if not any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in kids) or any(c.dep_ == "neg" for c in kids):
        return d
    first = any(c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in kids)
    said = gov.dep_ == "ccomp" and (gov.head.lemma_.lower() in lx.SPEECH_VERBS or gov.head.lemma_.lower() == "make")
    # words in quotation marks are someone's: a sentence that opens a quotation ("' If someone does not find
    # us, he shall start killing ...")
    quoted = t.sent[0].text in _QUOTES
    if not (first or said or quoted):
        return d
    return Draft(t, d.triggers, "THREATEN", "violence",
                 {**d.rules, "type": d.rules["type"] + " (announced)"}, standalone=d.standalone)


# -------------------------------------------------------------------- refusals
# CAMEO's rejections (12: "reject", 125 "reject proposal to meet, discuss or negotiate", 1211/1212 "reject
# economic / military cooperation", 122 "reject request for aid", 124 "refuse to yield"; PLOVER REJECT) are
# the refusals of the cooperative acts whose announced intent is CAMEO 03 ("express intent to cooperate"):
# a side saying it will not do one of them ("we are not going to negotiate the 1967 line", "Abbas vowed not to
# resume negotiations", "the government will not negotiate with the rebels") rejects it.
COOPERATIVE_TYPES = frozenset({"AGREE", "SUPPORT", "COOPERATE", "AID", "CONSULT", "RETREAT", "CONCEDE"})
REFUSED = " (refused)"


def _refuses(v: Token) -> bool:
    """'will not negotiate', 'are not going to negotiate', 'vowed not to resume': a negated act to come that
    its own subject (or the one who vows) announces; not 'did not meet' (a report that it did not happen)
    nor 'might not' (a guess)."""
    kids = list(v.children)
    if any(c.dep_ == "neg" for c in kids) and any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in kids):
        return True
    head = v.head
    if v.dep_ == "xcomp" and head.lemma_.lower() == "go" and head.tag_ == "VBG":
        return any(c.dep_ == "neg" for c in head.children)  # "we are not going to negotiate"
    return v.dep_ == "xcomp" and head.lemma_.lower() in PROMISE_VERBS and any(c.dep_ == "neg" for c in kids)


def refusal(d: Draft) -> Draft:
    """A cooperative act a side says it will not do, as the rejection it is (PLOVER REJECT; CAMEO 12)."""
    if d.plover_type not in COOPERATIVE_TYPES or REFUSED in d.rules.get("type", ""):
        return d
    t = d.trigger
    v = t.head if d.nominal and t.dep_ in {"dobj", "obj"} and t.head.pos_ == "VERB" else t
    if d.nominal and v is t or not _refuses(v):
        return d
    return Draft(t, d.triggers, "REJECT", None, {**d.rules, "type": d.rules["type"] + REFUSED},
                 nominal=d.nominal, standalone=d.standalone)


# -------------------------------------------------------------------- warnings that threaten nothing
# a threat is of coercion or force (PLOVER THREATEN; CAMEO 13): the hand lexicon's violent, coercive and
# punitive words, the force words, and verbs VADER rates clearly hostile ("destroy", "punish", "expel")
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})
HOSTILE_WORDS = FORCE_WORDS | {t.lemma for t in lx.VERB_TRIGGERS if t.source != "cameo" and t.plover_type in HOSTILE_TYPES} \
    | {lemma for lemma, (pt, _) in lx.NOUN_TRIGGERS.items() if pt in HOSTILE_TYPES}
PROMISE_VERBS = frozenset({"warn", "vow", "pledge", "promise", "swear"})


def _hostile(toks: list[Token]) -> bool:
    from .valence import lexicon

    lex = lexicon()
    return any(t.lemma_.lower() in HOSTILE_WORDS or t.pos_ == "VERB" and lex.get(t.lemma_.lower(), 0.0) <= NEGATIVE_WORD
               for t in toks)


def warning_without_threat(d: Draft) -> str | None:
    """Why a warning or a vow threatens nothing: "Clinton aides warned that Amiri wanted to leave" (a report),
    "warning that a conflict could take nuclear dimensions" (a forecast), "the ministry warned that the regime
    was planning to kill the president" (an accusation), "vowed to ratify the Paris climate accord" (a
    pledge). A threat says the speaker will use force or coercion: "vowed to shoot down any American
    planes", "warned that it would strike back", "warned any attack would be met with force"."""
    t = d.trigger
    if d.plover_type != "THREATEN" or d.nominal or t.lemma_.lower() not in PROMISE_VERBS:
        return None
    if t.lemma_.lower() == "warn" and any(c.dep_ in {"dobj", "obj"} for c in t.children) and any(
            c.dep_ == "xcomp" for c in t.children):
        return None  # "warned residents to stay indoors": a directive to a side, not a forecast
    for c in t.children:
        if c.dep_ == "xcomp" and _hostile(list(c.subtree)):
            return None  # "vowed to shoot down": the speaker's own act
        if c.dep_ == "ccomp" and _hostile(list(c.subtree)) and any(
                a.dep_ in {"aux", "auxpass"} and a.lower_ in _FUTURE for a in c.children):
            return None  # "warned that it would strike back": a hostile act to come
    return f"a {t.lemma_.lower()} of no force or coercion"


# -------------------------------------------------------------------- questions asked of someone
ASKING_VERBS = frozenset(_WORDS.get("asking", ()))
WH_WORDS = frozenset(_WORDS.get("wh", ()))


def question_not_request(d: Draft) -> str | None:
    """Why an 'ask' is a question, not a request (PLOVER REQUEST: asking another side to act or to give):
    "O'Reilly asked Trump how to solve the city's crime problem", "asked him whether he would run". What is
    asked is a wh-clause, not an act ("asked them to leave") or a thing ("asked for support")."""
    t = d.trigger
    if d.plover_type != "REQUEST" or d.nominal or t.lemma_.lower() not in ASKING_VERBS:
        return None
    for c in t.children:
        if c.dep_ in {"xcomp", "ccomp"}:
            first = min(c.subtree, key=lambda x: x.i)
            if first.lower_ in WH_WORDS:
                return f"a question: '{t.lower_} ... {first.lower_}'"
    return None
