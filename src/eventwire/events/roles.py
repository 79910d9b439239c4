"""A learned role classifier: is this phrase the actor, the recipient, or neither, of this trigger?

The hand rules of arguments.py read the parties off a few dependency relations (subject, object, "by"
agent, "on"/"against" objects). News phrases parties in many more ways ("the rocket attack launched by
the army on the airport", "gunmen who kidnapped six people", "came under fire from ..."), and some rules
misfire ("No civilian" as a target, the reporting outlet as the actor). This model scores every
candidate phrase of the trigger's sentence (the heads of its entities and noun phrases) from the
dependency path between the two, their order and distance, the trigger's voice, type and lemma, and the
candidate's entity label, head noun, determiner and knowledge-base sector. The coder asks it where the
rules found no party, or none that resolves (arguments.py).

It is a multinomial logistic regression trained by ``python -m eventwire.events.train_roles`` on the
argument annotations of WikiEvents dev and RAMS dev and the gold parties of the team corpus's dev split
(data/roles_model.md); stored as sparse JSON weights, read without scikit-learn at run time.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..settings import switch_on
from . import lexicon as lx
from .sparse import SparseSoftmax

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Span, Token

DATA = Path(__file__).resolve().parent / "data"
ROLE_MODEL_FILE = DATA / "roles_model.json"
ACTOR, RECIPIENT, NONE = "actor", "recipient", "none"
CANDIDATE_POS = {"NOUN", "PROPN", "PRON"}
# Sure enough to fill a role the rules left empty / to overrule a rule's choice (dev split, out of fold:
# docs/evaluation.md). Overruling needs the rule's phrase to be unlikely in that role as well. Filling needs
# the role to be the candidate's most likely label too, so any threshold under 0.34 acts as 0.34; round 13
# lowered it from 0.5 to 0.35 (dev recipients 131 -> 135 of 213, untouched 18/38 -> 19/39, no role worse
# in any group: docs/evaluation.md, "Round 13: parties").
FILL_THRESHOLD = float(os.environ.get("EVENTWIRE_ROLE_FILL", "0.35"))
VETO_THRESHOLD = float(os.environ.get("EVENTWIRE_ROLE_VETO", "0.1"))
# The model fills and corrects the roles of events that stand on their own evidence; it is not a reason
# for a draft to become an event. Drafts the rules drop for want of a party were mostly false positives on
# unseen articles when the model named one (test split: precision 0.53 -> 0.48 at the same recall). The
# kinds of model-named party that may still carry a party-less draft, out of "relative clause" (the noun a
# relative clause hangs off: "gunmen who kidnapped ..."), "earlier mention" (a party named in the
# sentences before) and "sentence" (any other phrase of the sentence); comma-separated, empty for none.
REASON = "role model p="
RESURRECT = frozenset(k.strip() for k in os.environ.get("EVENTWIRE_ROLE_RESURRECT", "").split(",") if k.strip())
RESURRECT_KINDS = ("relative clause", "earlier mention", "sentence")
# the mark of a party found by a dependency pattern of data/role_patterns.json (events/arguments.py)
PATTERN_MARK = "; pattern: "
# the mark of a party that fills a role but may not carry a draft alone (a pronoun standing for a person the
# knowledge base does not place: round 13 found such drafts mostly false on the untouched dev articles)
FILL_ONLY_MARK = " (fills only)"
_MAX_PATH = 4


def kind(rule: str | None) -> str | None:
    """Which kind of model-named party a rule string records (None for a party the rules found)."""
    if not rule or not rule.startswith(REASON):
        return None
    head = rule.split(";", 1)[0]
    if "(over '" in head:
        return "veto"  # the rules had named a party in this role; the model replaced it
    return next((k for k in RESURRECT_KINDS[:2] if f"({k})" in head), "sentence")


def carries_event(rule: str | None) -> bool:
    """May a party chosen for this reason make a draft with no other party an event? Not one found only by
    a role pattern (role_patterns.py): like the model, the patterns fill the roles of an event that stands
    on its own evidence."""
    if rule and (PATTERN_MARK in rule or FILL_ONLY_MARK in rule):
        return False
    k = kind(rule)
    return k is None or k == "veto" or k in RESURRECT


def candidates(sent: Span, skip: set[int]) -> list[Token]:
    """Heads of the sentence's noun phrases and entities: one token per phrase that could be a party."""
    inside: set[int] = set()
    roots: set[int] = set()
    for e in sent.ents:
        inside.update(range(e.start, e.end))
        roots.add(e.root.i)
    out = []
    for tok in sent:
        if tok.i in skip or tok.pos_ not in CANDIDATE_POS or tok.dep_ in {"compound", "flat", "nmod"}:
            continue
        if tok.i in inside and tok.i not in roots:
            continue  # a word inside a multi-word name: the name's head stands for it
        if tok.ent_type_ in {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}:
            continue
        out.append(tok)
    return out


def earlier_mention(sent: Span) -> Token | None:
    """The nearest named mention (person, organisation, group, state) in the two sentences before: the
    party a sentence that names none of its own most often continues ("He hailed ...", "was charged")."""
    doc = sent.doc
    if sent.start == 0:
        return None
    lo = doc[sent.start - 1].sent.start
    if lo > 0:
        lo = doc[lo - 1].sent.start
    for e in reversed(doc[lo: sent.start].ents):
        if e.label_ in {"PERSON", "ORG", "NORP", "GPE"} and e.root.dep_ in {"nsubj", "nsubjpass", "poss", "pobj",
                                                                            "dobj", "appos", "conj", "ROOT"}:
            return e.root
    return None


def coref_features(trig: Token, cand: Token, plover_type: str, kb: Callable[[Token], str | None] | None = None
                   ) -> dict[str, float]:
    """Features of the earlier named mention as a party of a trigger in a later sentence."""
    v = voice(trig)
    own = {c.dep_ for c in trig.children}
    subj = "subj" if own & {"nsubj", "nsubjpass", "agent", "poss"} else "nosubj"
    f: dict[str, float] = {
        "coref": 1.0,
        f"coref_t={plover_type}|{v}": 1.0,
        f"coref_subj={subj}|{v}": 1.0,
        f"coref_ent={cand.ent_type_}": 1.0,
        f"coref_dep={cand.dep_}": 1.0,
        f"coref_dep_subj={cand.dep_}|{subj}": 1.0,
    }
    if kb is not None:
        sector = kb(cand)
        f[f"coref_kb={sector or '-'}"] = 1.0
        f[f"coref_kb_t={sector or '-'}|{plover_type}"] = 1.0
    return f


def voice(t: Token) -> str:
    if t.pos_ == "NOUN":
        return "nominal"
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in t.children):
        return "passive"
    if t.tag_ == "VBN" and t.dep_ in {"acl", "relcl", "amod"}:
        return "reduced"  # "civilians killed in the raid"
    return "active"


def _arc(tok: Token) -> str:
    if tok.dep_ == "pobj":
        return f"pobj:{tok.head.lower_}"  # the preposition says most: "by", "on", "against", "from"
    return tok.dep_


def dep_path(cand: Token, trig: Token) -> str:
    """Dependency arcs from the candidate up to the lowest common head, then down to the trigger."""
    up: list[Token] = [cand]
    while up[-1].head.i != up[-1].i and len(up) < 12:
        up.append(up[-1].head)
    down: list[Token] = [trig]
    while down[-1].head.i != down[-1].i and len(down) < 12:
        down.append(down[-1].head)
    up_ids = [t.i for t in up]
    lca = next((t for t in down if t.i in up_ids), None)
    if lca is None:
        return "none"
    a = [_arc(t) for t in up[: up_ids.index(lca.i)]]
    b = [_arc(t) for t in down[: [t.i for t in down].index(lca.i)]]
    if len(a) + len(b) > _MAX_PATH:
        return "long"
    return "^".join(a) + "|" + "v".join(reversed(b))


def features(trig: Token, cand: Token, plover_type: str, kb: Callable[[Token], str | None] | None = None
             ) -> dict[str, float]:
    """Features of one (trigger, candidate) pair."""
    v = voice(trig)
    path = dep_path(cand, trig)
    dist = cand.i - trig.i
    bucket = "0" if dist == 0 else ("-" if dist < 0 else "+") + ("1" if abs(dist) <= 1 else "3" if abs(dist) <= 3
                                                                   else "8" if abs(dist) <= 8 else "far")
    lemma = cand.lemma_.lower()
    f: dict[str, float] = {
        f"type={plover_type}": 1.0,
        f"voice={v}": 1.0,
        f"path={path}": 1.0,
        f"path_v={path}|{v}": 1.0,
        f"path_t={path}|{plover_type}": 1.0,
        f"path_tl={path}|{trig.lemma_.lower()}": 1.0,
        f"dist={bucket}": 1.0,
        f"dist_v={bucket}|{v}": 1.0,
        f"cdep={cand.dep_}": 1.0,
        f"cdep_v={cand.dep_}|{v}": 1.0,
        f"cent={cand.ent_type_ or '-'}": 1.0,
        f"cent_t={cand.ent_type_ or '-'}|{plover_type}": 1.0,
        f"cpos={cand.pos_}": 1.0,
        f"clem={lemma}": 1.0,
        f"clem_t={lemma}|{plover_type}": 1.0,
    }
    if cand.pos_ == "PRON":
        f[f"pron={cand.lower_}"] = 1.0
    for c in cand.children:
        if c.dep_ == "det":
            f[f"cdet={c.lower_}"] = 1.0  # "No civilian was hurt": no one is the target
        if c.dep_ in {"relcl", "acl"}:
            f["c_has_clause"] = 1.0
            if c.i == trig.i:
                f[f"relcl_of_cand|{v}"] = 1.0  # "gunmen who kidnapped ...", "civilians killed in ..."
    if cand.dep_ in {"nsubj", "nsubjpass"} and cand.head.lemma_.lower() in lx.SPEECH_VERBS and cand.head.i != trig.i:
        f["speaker"] = 1.0  # the one who says it reports the event; it is a party only by other evidence
    if kb is not None:
        sector = kb(cand)
        f[f"kb={sector or '-'}"] = 1.0
        f[f"kb_t={sector or '-'}|{plover_type}"] = 1.0
    return f


_KB_CACHE: dict[str, str | None] = {}
_KB_CACHE_MAX = 50_000


def kb_reader(resolve: Callable[[str], Any], is_outlet: Callable[[str], bool] | None) -> Callable[[Token], str | None]:
    """The knowledge base's sector of a candidate's phrase ('outlet' for news outlets). The phrase is read
    alone, without the article's context, as in training; readings are kept across articles (phrases such
    as "the army" recur, and a KB lookup costs more than the rest of the model)."""
    from .syntax import _np_span

    def read(tok: Token) -> str | None:
        if tok.pos_ == "PRON":
            return None
        text = _np_span(tok).text.strip()
        if text not in _KB_CACHE:
            if len(_KB_CACHE) >= _KB_CACHE_MAX:
                _KB_CACHE.clear()
            if is_outlet is not None and is_outlet(text):
                _KB_CACHE[text] = "outlet"
            else:
                try:
                    m = resolve(text)
                except Exception:  # noqa: BLE001 - a resolver failure only costs the feature
                    m = None
                _KB_CACHE[text] = None if m is None else (m.sector or ("country" if m.country else None))
        return _KB_CACHE[text]

    return read


class RoleModel(SparseSoftmax):
    """Sparse multinomial logistic regression over ``features``."""

    @classmethod
    def load(cls, path: Path = ROLE_MODEL_FILE) -> RoleModel:
        d = cls.read(path)
        return cls(d["classes"], d["weights"], d["bias"], d.get("about", ""))

    def scores(self, feats: dict[str, float]) -> dict[str, float]:
        return dict(zip(self.classes, self.probabilities(feats), strict=True))


@lru_cache(maxsize=1)
def default_role_model() -> RoleModel | None:
    """The shipped model, or None when the package was built without it (the rules then decide alone)."""
    if not switch_on("EVENTWIRE_ROLE_MODEL", True) or not ROLE_MODEL_FILE.exists():
        return None
    return RoleModel.load()
