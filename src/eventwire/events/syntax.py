"""Parse helpers of the coder: phrases, subjects, counts, claimants and small judgements over a spaCy parse."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..numbers import VAGUE, count_with_context
from ..records import ActorRef, Event, Place, When
from . import lexicon as lx
from .common import (
    FIRST_PERSON,
    PLACE_LABELS,
    PLACE_NOUNS,
    Draft,
    Mention,
    _trigger_lemma,
    doc_text,
)
from .roles import FILL_ONLY_MARK

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..actors import ActorMatch
    from .context import ArticleContext

# -------------------------------------------------------------------- parse helpers
_SECTOR_NOUNS = {
    **dict.fromkeys(lx.MILITARY_NOUNS - {"equipment", "weapon", "munition", "tank", "vehicle", "carrier",
                                          "howitzer", "launcher", "missile", "drone", "ship", "jet", "aircraft",
                                          "helicopter", "warplane", "warship", "destroyer", "submarine", "gunboat",
                                          "police", "officer", "militia", "fighter"}, "MIL"),
    "target": "MIL", "position": "MIL", "outpost": "MIL", "base": "MIL",
    "government": "GOV", "ministry": "GOV", "minister": "GOV", "president": "GOV", "official": "GOV",
    "delegation": "GOV", "authority": "GOV", "diplomat": "GOV", "embassy": "GOV", "regime": "GOV",
    "police": "COP", "policeman": "COP", "officer": "COP",
    "rebel": "REB", "insurgent": "REB", "militant": "REB", "jihadist": "REB", "fighter": "REB", "militia": "UAF",
    "civilian": "CVL", "resident": "CVL", "villager": "CVL", "people": "CVL", "child": "CVL",
    "protester": "OPP", "demonstrator": "OPP", "journalist": "JRN", "reporter": "JRN", "doctor": "MED",
}


# head nouns of weapons, platforms and coalitions as parties (data/party_heads.tsv): lemma -> (sector, types)
_PARTY_HEADS = {r["lemma"]: (r["sector"], r["types"]) for r in lx._rows(lx.DATA / "party_heads.tsv")}


def _sector_from_head(head: Token, span: Span, plover_type: str | None = None) -> str | None:
    """A PLOVER sector from the phrase's head noun when the knowledge base gave only a country: a sector
    noun ("the Russian and Venezuelan delegations"), or a platform or coalition a state fights with
    ("Russian aircraft", "the American-led coalition" in an attack)."""
    if head.ent_type_ == "GPE" or head.pos_ == "PROPN" and any(e.label_ == "GPE" and e.root == head for e in span.ents):
        return None  # a bare state: decided by the event type (_military_sector)
    lemma = head.lemma_.lower()
    if lemma in _SECTOR_NOUNS:
        return _SECTOR_NOUNS[lemma]
    sector, types = _PARTY_HEADS.get(lemma, (None, ""))
    if types == "*" or types == "military" and plover_type in lx.MILITARY_TYPES:
        return sector
    return None


# the wire agencies a dateline may name in brackets ("BEIRUT (AP) —")
_AGENCY = r"(?:AP|AFP|Reuters|UPI|IANS|PTI|dpa|Xinhua|TASS|Anadolu)"
# the agency in brackets, any wire or broadcaster in capitals ("(GLOBE NEWSWIRE)", "(CBS)"), spaced as
# tokenised text writes it ("( CBS )")
_AGENCY_PAREN = rf"\(\s*(?:{_AGENCY}|[A-Z][A-Z .]{{1,24}}?)\s*\)"
# a wire dateline may carry the day of filing before its agency ("SOUTH WAZIRISTAN, April 5 (APP):",
# "LOS ANGELES, April 05, 2018 (GLOBE NEWSWIRE) --")
_FILED = r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'\- ]{2,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z.\- ]{1,30}))?" + _FILED + r"\s*"
    rf"(?:{_AGENCY_PAREN})?\s*(?:[\u2014\u2013\-:]|\ufffd)\s*"
)
# a dateline the page lost its dash from ("OKLAHOMA CITY The Latest on ..."): capitals opening the text,
# then a capitalised word; kept only where the gazetteer knows the capitals by that very name
# (context.ArticleContext.dateline), as a headline in capitals is no place
BARE_DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Z.'\-]{2,}(?:\s[A-Z][A-Z.'\-]{2,}){0,2})\s+(?=[A-Z][a-z])")
# a dateline after the headline and byline of a scraped page ("... March 29, 2009 PATASKALA -- City
# officials say", "...\nBOSTON — A citizen of"): a capitalised name opening a line or following a sentence
# end or a date, then a dash; looked for in the first DATELINE_WITHIN characters only
DATELINE_WITHIN = 400
LATER_DATELINE = re.compile(
    r"(?:^|\n|[.\d]\s+)(?P<place>[A-Z][A-Z.'-]{2,}(?:\s+[A-Z][A-Z.'-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?))?\s*"
    rf"(?:{_AGENCY_PAREN}\s*)?(?:--|\u2014|\u2013)\s"
)


_ARMED_GROUP_NOUNS = {"group", "militia", "movement", "organisation", "organization", "faction", "insurgency"}

_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")


def drop_restatements(events: list[Event]) -> list[Event]:
    """A party-less nominal ("the attack", "Saturday's bombing") after an event of its type already coded
    in the article refers back to it: it is a restatement, not a second incident, and is not counted."""
    seen: list[Event] = []
    drop: set[str] = set()
    for ev in sorted(events, key=lambda e: e.evidence.start if e.evidence.start is not None else 0):
        kind = dict(ev.rules).get("type", "")
        # a party that only fills a role (roles.FILL_ONLY_MARK: "the attacker of the report's attack
        # before") makes no nominal a new incident
        own = [a for a in ev.actors if FILL_ONLY_MARK not in (a.rule or "")]
        if ("anchored" in kind or "judged incident" in kind) and not own and any(
            o.plover_type == ev.plover_type for o in seen
        ):
            drop.add(ev.event_id)
            continue
        seen.append(ev)
    return [e for e in events if e.event_id not in drop]


ANCHOR_PLACE_PREPS = frozenset({"in", "at", "on", "near", "outside", "inside"})


def _nominal_anchor(tok: Token) -> str | None:
    """Why an event noun names one incident: a date or time in its phrase ("Saturday's attack", "the
    May 22 bombing"), a place it happened in ("the attack in the London Bridge district"), or a named
    side as its modifier ("Russian airstrikes"). None for bare or generic nominals ("drone strikes have
    risen", "an attack would be a mistake"), which event data does not code."""
    left = [t for c in tok.lefts for t in c.subtree]
    if any(t.ent_type_ in {"DATE", "TIME"} and t.lower_ not in {"today", "now"} for t in left):
        return "anchored in time"
    plural = tok.tag_ == "NNS"
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ANCHOR_PLACE_PREPS:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            # "in Aleppo", "in the town of Beit Jala": the place may sit in an of-phrase of a place noun
            if any(o.ent_type_ in {"GPE", "LOC", "FAC"} or o.lemma_.lower() in PLACE_NOUNS and any(
                    t.ent_type_ in {"GPE", "LOC", "FAC"} for t in o.subtree) for o in objs):
                return None if plural and not any(d.lower_ == "the" for d in tok.lefts) else "anchored in place"
            if any(o.ent_type_ in {"DATE", "TIME"} for o in objs):
                return "anchored in time"
    if any(c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"} for c in tok.lefts):
        return "anchored by its side"
    return None


def _territory_by_actor(
    acled: tuple[str, str, float | None] | None, actors: list[ActorRef]
) -> tuple[str, str, float | None] | None:
    """Who took the ground decides ACLED's territory sub-type, not the wording."""
    if acled is None or acled[1] not in _TERRITORY:
        return acled
    sectors = {a.sector for a in actors}
    if sectors & {"MIL", "GOV", "COP"} and not sectors & {"REB", "PRM", "UAF"}:
        return (acled[0], _TERRITORY[0], acled[2])
    if sectors & {"REB", "PRM", "UAF"}:
        return (acled[0], _TERRITORY[1], acled[2])
    return acled


def _claim_text(tok: Token, text: str | None = None) -> str:
    """The claimant's name: the noun phrase, stretched to the whole named entity it starts
    ('the Center for Human Rights in Iran', whose 'for ...' the noun phrase leaves out). With the
    article's own ``text`` the name is read from it: the parsed copy may have runs blanked by the
    pre-filter inside the name ('Col. John “J.D.” Dorrian'), at the same offsets."""
    span = _np_span(tok)
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end and e.label_ in {"ORG", "NORP", "GPE"}), None)
    end = max(span.end, ent.end) if ent is not None else span.end
    # "France's counter-terrorism prosecutor, Remy Heitz, said": the title's apposition names who speaks
    named = [c for c in tok.children if c.dep_ == "appos" and c.i > tok.i and c.ent_type_ in {"PERSON", "ORG"}
             and tok.ent_type_ not in {"PERSON", "ORG"}]
    if named:
        end = max(end, _np_span(named[0]).end)
    words = tok.doc[span.start: end]
    if text is not None and len(text) == len(doc_text(tok.doc)):
        return _clean_claim(" ".join(text[words.start_char: words.end_char].split()))
    return _clean_claim(words.text)


def _clean_claim(text: str) -> str:
    """A claimant without the dateline the parser glued to it ('BEIRUT (AP) — A spokesman')."""
    return DATELINE.sub("", text.strip()).strip()


def _condition_subjects(d: Draft, sent: Span) -> list[Token]:
    """Who a threat or blame is aimed at: the subject of its 'if'/'unless' clause, the side a hostile
    statement blames, or what 'proof of' names."""
    out: list[Token] = []
    scope = list(d.trigger.subtree) if not d.rules["type"].startswith("phrase") else list(sent)
    for tok in scope:
        if tok.dep_ == "mark" and tok.lower_ in {"if", "unless"}:
            out += [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"} and not _first_person(c)
                    and (c.pos_ == "PROPN" or c.lemma_.lower() in _SECTOR_NOUNS)]
    if d.plover_type == "ACCUSE" and d.rules["type"].startswith("verb:"):
        from .statements import blamed_sides
        from .verbal import blamed_parties

        out += blamed_parties(d.trigger)  # "Cruz said Trump will betray ...": whom the statement blames
        # "the army said the rebels were behind the bombing": whom it lays the blame on
        out += [s for s in blamed_sides(d.trigger) if s not in out]
    if d.rules["type"] == "phrase:proof of support":
        out += [t for t in sent if t.ent_type_ in {"GPE", "ORG"} and t.dep_ in {"compound", "poss", "pobj", "amod"}
                and t.head.lemma_.lower() in {"support", "backing", "aid", "involvement", "help"}]
    return out


def _first_person(tok: Token) -> bool:
    """'we', 'our', 'us' as pronouns: 'US' the country is not 'us'."""
    return tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON" and tok.text != "US"


def _acts_as_party(ent: Span) -> bool:
    """'Ankara said', 'Turkey's Daily Sabah', 'the Sochi agreements': a name doing or owning, not a place."""
    root = ent.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head  # "between Syria and Turkey": the first conjunct carries the role
    if root.dep_ in {"nsubj", "nsubjpass", "poss"}:
        return True
    if root.dep_ in {"compound", "amod", "nmod"} and root.head.lemma_.lower() not in PLACE_NOUNS and root.head.ent_type_ not in PLACE_LABELS:
        return True
    return root.dep_ == "pobj" and root.head.lower_ in {"by", "with", "between"} and ent.label_ == "GPE"


_VICTIM_VERBS = {"kill", "injure", "wound", "maim", "murder", "slay", "execute", "abduct", "kidnap", "arrest", "detain"}


def _passive_agents(t: Token) -> list[Token]:
    """The 'by' agents of a verb and of its conjuncts that have no subject of their own ("killed and allegedly
    decapitated by Azerbaijani troops": the agent hangs off the last conjunct)."""
    heads = [t, *[c for c in t.children if c.dep_ == "conj" and c.tag_ == "VBN"
                  and not any(x.dep_ in {"nsubj", "nsubjpass"} for x in c.children)]]
    return [c for h in heads for c in h.children if c.dep_ == "agent"]


def _reduced_passive(t: Token) -> bool:
    """'with 120 soldiers and a general killed': a participle whose 'subject' is the victim; so is a headline's
    ("An Armenian soldier killed and decapitated by Azerbaijani troops", "Soldier killed in Syria by Isis"),
    which the parser reads as a past tense with a subject, but whose 'by' agent gives the passive away."""
    if t.tag_ not in {"VBN", "VBD"} or t.lemma_.lower() not in _VICTIM_VERBS:
        return False
    if any(c.dep_ in {"aux", "auxpass", "dobj", "obj"} for c in t.children):
        return False
    subj = [c for c in t.children if c.dep_ == "nsubj"]
    if subj and _passive_agents(t):
        return True
    return t.tag_ == "VBN" and bool(subj) and all(
        s.like_num or s.pos_ == "NUM" or s.lemma_.lower() in lx.VICTIM_NOUNS or any(
            c.dep_ == "nummod" for c in s.children) for s in subj
    )


def _clause_group(tok: Token) -> list[Token]:
    """A trigger and the clauses listed with it: 'A were struck, B neutralized and C destroyed'.

    The parser often hangs an asyndetic list item as a ccomp of the next item; coordinated and
    listed clauses of one type in one sentence report one event.
    """
    out = _conjuncts(tok)
    if tok.dep_ == "ccomp" and tok.i < tok.head.i and tok.head.pos_ == "VERB":
        out += _conjuncts(tok.head)
    # "... carried out airstrikes, killing dozens": the participle gives the same event's toll
    anchors = [tok, tok.head] if tok.dep_ in {"dobj", "obj"} and tok.pos_ == "NOUN" else [tok]
    out += [c for a in anchors for c in a.children
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in _VICTIM_VERBS]
    # "five soldiers were killed when government forces shelled their post": the toll and the attack
    # that caused it, told in a when-clause, are one event
    out += [c for v in list(out) if v.lemma_.lower() in _VICTIM_VERBS for c in v.children
            if c.dep_ == "advcl" and c.pos_ == "VERB"
            and any(m.dep_ == "advmod" and m.lower_ == "when" or m.dep_ == "mark" and m.lower_ == "as"
                    for m in c.children)]
    return out


def _conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    return out


def _subjects(tok: Token) -> list[Token]:
    subj = [c for c in tok.children if c.dep_ in {"nsubj", "csubj"}]
    if not subj and tok.dep_ == "pcomp" and tok.head.lower_ in {"by", "after", "before", "while", "in", "without"} \
            and tok.head.dep_ == "prep" and tok.head.head.pos_ in {"VERB", "AUX"}:
        # "is defying the ban by publicly calling for a boycott": the gerund's doer is the clause's subject
        return _subjects(tok.head.head)
    if not subj and tok.dep_ in {"conj", "xcomp", "advcl"} and tok.head != tok:
        # a clause with a conjunction of its own ("when X ...", "if ...") has its own subject, except a
        # gerund, whose unstated subject is the main clause's ("the campaign ..., while accusing Trump")
        return _subjects(tok.head) if tok.dep_ != "advcl" or tok.tag_ == "VBG" or not any(
            c.dep_ == "mark" for c in tok.children) else []
    return subj


def _inherited_subjects(tok: Token) -> list[Token]:
    cur = tok
    for _ in range(3):
        if cur.head == cur:
            break
        cur = cur.head
        s = [c for c in cur.children if c.dep_ == "nsubj"]
        if s:
            return s
    return []


def _np_span(head: Token) -> Span:
    """The noun phrase of a head token, without relative clauses, appositions or conjuncts."""
    drop = {"relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "prep"}
    toks = [head]
    stack = [c for c in head.children]
    while stack:
        c = stack.pop()
        if c.dep_ in drop and not (c.dep_ == "prep" and c.lower_ == "of" and c.head == head):
            continue
        toks.append(c)
        stack.extend(c.children)
    lo, hi = min(t.i for t in toks), max(t.i for t in toks)
    return head.doc[lo: hi + 1]


def _count_np(head: Token) -> Any:
    """The stated count of a noun phrase: 'five Turkish soldiers' 5, 'a civilian' 1, 'Five of our troops' 5."""
    doc = head.doc
    if head.lower_ in {"who", "that", "which"} and head.head.dep_ == "relcl":
        head = head.head.head  # "Keating, who was killed": the relative pronoun counts as its noun
    if head.like_num or head.pos_ == "NUM":
        before = doc[max(0, head.i - 4): head.i].text
        return count_with_context(head.text, before)
    if head.lower_ in VAGUE:
        return count_with_context(head.lower_)
    for c in head.children:
        if c.dep_ == "nummod":
            # "at least 12": the modifiers before the number say whether it is a floor or a guess;
            # "two dozen": the multiplier hangs off the number
            scale = [x for x in c.children if x.dep_ in {"quantmod", "compound", "nummod"} and x.i > c.i
                     and x.lower_ in {"dozen", "hundred", "thousand", "million"}]
            words = doc[c.i: scale[-1].i + 1].text if scale else c.text
            return count_with_context(words, doc[max(0, c.i - 4): c.i].text)
        if c.dep_ == "det" and c.lower_ in {"a", "an", "one"} and head.tag_ in {"NN", "NNP"}:
            return count_with_context("one")
        if c.dep_ == "amod" and c.lower_ in VAGUE:
            return count_with_context(c.lower_)
    for c in head.children:
        if c.dep_ == "quantmod" and c.lower_ in VAGUE:
            return count_with_context(c.lower_)
    if head.tag_ == "NNP" and head.ent_type_ == "PERSON":
        return count_with_context("one")  # "Tamerlan was killed": one named person
    return None


def _governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(8):
        if cur.pos_ in {"VERB", "AUX"} or (cur.pos_ == "NOUN" and cur.lemma_.lower() in lx.NOUN_TRIGGERS):
            return cur
        if cur.head == cur:
            return None
        cur = cur.head
    return None


def _token_at(sent: Span, char: int) -> Token:
    for t in sent:
        if t.idx <= char < t.idx + len(t.text_with_ws):
            return t
    return sent[0]


def _deadline_text(text: str, w: When) -> bool:
    if w.char_start is None:
        return False
    return bool(re.search(r"\b(before|by|until|till)\s*$", text[max(0, w.char_start - 12): w.char_start].lower()))


def _deadline(w: When, sent: Span) -> bool:
    """'before the end of February' sets a deadline, it does not date the event."""
    if w.char_start is None:
        return False
    before = sent.text[max(0, w.char_start - sent.start_char - 12): max(0, w.char_start - sent.start_char)].lower()
    return bool(re.search(r"\b(before|by|until|till)\s*$", before))


def _has_return_fire(d: Draft) -> bool:
    return any(c.lower_ == "return" for t in d.triggers for c in t.subtree) and any(
        t.lemma_.lower() == "fire" or any(x.lemma_.lower() == "fire" for x in t.subtree) for t in d.triggers
    )


def _captured(d: Draft) -> bool:
    """Verbs whose object is ground: the place taken or besieged is where the event is."""
    return _trigger_lemma(d.trigger) in {"capture", "seize", "recapture", "retake", "overrun", "besiege",
                                         "blockade", "encircle"} or _takes_control(d.trigger)


def _takes_control(tok: Token) -> bool:
    """'imposed control over the city', 'regained control of the town' (frames.py decides it is ground)."""
    return tok.pos_ == "VERB" and any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() == "control" for c in tok.children)


def _denied(t: Token) -> bool:
    """'X denied targeting civilians': the event sits in the complement of a denial (not its conjunct:
    'denied ... and accused the army' asserts the accusation)."""
    cur = t
    for _ in range(4):
        if cur.dep_ not in {"ccomp", "xcomp", "pcomp", "pobj", "prep", "advcl"} or cur.head == cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() in {"deny", "dismiss", "reject"}:
            return True
    return False


def _is_place_tok(tok: Token, ctx: ArticleContext) -> bool:
    return any(p.start is not None and p.start <= tok.idx < (p.end or p.start) and p.lat is not None for p in ctx.places)


def _best_place(pool: list[Place]) -> Place | None:
    rank = {"town": 0, "admin2": 1, "admin1": 2, "country": 3}
    resolved = [p for p in pool if p.lat is not None]
    if resolved:
        return min(resolved, key=lambda p: rank.get(p.precision or "", 4))
    return None


def _as_match(m: Mention) -> ActorMatch:
    from ..actors import ActorMatch

    return ActorMatch(m.name, m.country, m.sector, None, "speaker")


def _taxonomy() -> Any:
    from .. import taxonomy

    return taxonomy


def _cameo_root(plover_type: str, mode: str | None) -> str | None:
    r = _safe(lambda: _taxonomy().cameo_root(plover_type, mode))
    return r if isinstance(r, str) else None


def _safe(fn: Any) -> Any:
    try:
        return fn()
    except Exception:  # noqa: BLE001 - one resolver error must cost a field, not the article
        return None
