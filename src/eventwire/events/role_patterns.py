"""Parties that are no dependent of the trigger itself, read with dependency patterns kept as data.

``data/role_patterns.json`` holds spaCy ``DependencyMatcher`` patterns anchored at an event's trigger
("trigger") that name a party's head ("party"): the subject of the clause a request asks for, the object
of a threatened act, the one accused of an act told as a gerund, the shared subject of a conjoined passive.
The coder (events/arguments.py) asks them only for a role its own dependency rules left empty.
A pattern may name a list of the file's ``lists`` as ``"@name"`` in place of an ``IN`` list.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..settings import switch_on

if TYPE_CHECKING:
    from spacy.matcher import DependencyMatcher
    from spacy.tokens import Doc, Token
    from spacy.vocab import Vocab

PATTERN_FILE = Path(__file__).resolve().parent / "data" / "role_patterns.json"


@lru_cache(maxsize=1)
def _spec() -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    data = json.loads(PATTERN_FILE.read_text(encoding="utf-8"))
    return data["patterns"], data.get("lists", {})


@lru_cache(maxsize=1)
def _order() -> dict[str, int]:
    """A pattern's rank by its place in the file: the first that fits wins."""
    return {p["name"]: k for k, p in enumerate(_spec()[0])}


def _expand(value: Any, lists: dict[str, list[str]]) -> Any:
    """The pattern with every ``"@name"`` replaced by the named list."""
    if isinstance(value, str) and value.startswith("@"):
        return lists[value[1:]]
    if isinstance(value, dict):
        return {k: _expand(v, lists) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, lists) for v in value]
    return value


_MATCHERS: dict[int, DependencyMatcher] = {}


def _matcher(vocab: Vocab) -> DependencyMatcher:
    """One matcher per vocabulary (the pipeline's); each pattern's key is its index in the file."""
    m = _MATCHERS.get(id(vocab))
    if m is None:
        from spacy.matcher import DependencyMatcher

        patterns, lists = _spec()
        m = DependencyMatcher(vocab)
        for k, p in enumerate(patterns):
            m.add(str(k), [_expand(p["pattern"], lists)])
        _MATCHERS[id(vocab)] = m
    return m


Matches = dict[int, list[tuple[str, str, set[str], int]]]  # trigger index -> (role, name, types, party index)


class Found(Matches):
    """The patterns' matches by trigger token index -> (role, name, types, party index), read at a trigger
    when first asked (``at``): the coder asks at its events' triggers only, and the whole document's
    ``DependencyMatcher`` run cost ~8 ms an article (~0.3 s CPU over the 60 bench articles, round 16)."""

    def __init__(self, doc: Doc) -> None:
        super().__init__()
        self.doc = doc

    def at(self, trigger: Token) -> list[tuple[str, str, set[str], int]]:
        hits = self.get(trigger.i)
        if hits is None:
            hits = self[trigger.i] = _anchored(trigger)
        return hits


def find(doc: Doc) -> Matches:
    """The pattern matches of the document, by the trigger token they are anchored at, read on demand
    (none with EVENTWIRE_ROLE_PATTERNS=0: the rules and the role model alone, for ablations)."""
    if not switch_on("EVENTWIRE_ROLE_PATTERNS", True):
        return {}
    _spec()
    return Found(doc)


def find_all(doc: Doc) -> Matches:
    """Every match of the document by spaCy's ``DependencyMatcher`` over the same patterns: what ``Found.at``
    answers at each token (the reference it is checked against)."""
    patterns, _ = _spec()
    out: Matches = {}
    for key, toks in _matcher(doc.vocab)(doc):
        p = patterns[int(doc.vocab.strings[key])]
        names = [x["RIGHT_ID"] for x in p["pattern"]]
        trig, party = toks[names.index("trigger")], toks[names.index("party")]
        out.setdefault(trig, []).append((p["role"], p["name"], set(p["types"]), party))
    return out


# The token attributes the pattern file uses, as the DependencyMatcher reads them.
_ATTRS = {"POS": "pos_", "TAG": "tag_", "DEP": "dep_", "LOWER": "lower_", "LEMMA": "lemma_", "ORTH": "text"}


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[str, str, set[str], list[tuple[int, str, tuple[tuple[str, frozenset[str]], ...]]], int]]:
    """Per pattern: role, name, types, its nodes in file order as (index of the node it hangs from, REL_OP, the
    attribute tests), and the index of the party node. Only what the file uses: ``>`` (a child of) and ``<``
    (the head of), equality and ``IN`` tests; anything else is refused when the file is read."""
    patterns, lists = _spec()
    out = []
    for p in patterns:
        nodes = _expand(p["pattern"], lists)
        ids = [n["RIGHT_ID"] for n in nodes]
        steps = []
        for k, n in enumerate(nodes):
            tests = []
            for attr, want in n.get("RIGHT_ATTRS", {}).items():
                if attr not in _ATTRS:
                    raise ValueError(f"{PATTERN_FILE.name}: {p['name']}: attribute {attr} is not read here")
                if isinstance(want, dict):
                    if set(want) != {"IN"}:
                        raise ValueError(f"{PATTERN_FILE.name}: {p['name']}: only IN tests are read here")
                    want = want["IN"]
                tests.append((_ATTRS[attr], frozenset([want] if isinstance(want, str) else want)))
            if k == 0:
                steps.append((-1, "", tuple(tests)))
                continue
            if n.get("REL_OP") not in {">", "<"}:
                raise ValueError(f"{PATTERN_FILE.name}: {p['name']}: REL_OP {n.get('REL_OP')} is not read here")
            steps.append((ids.index(n["LEFT_ID"]), n["REL_OP"], tuple(tests)))
        out.append((p["role"], p["name"], set(p["types"]), steps, ids.index("party")))
    return out


def _anchored(trigger: Token) -> list[tuple[str, str, set[str], int]]:
    """Every match with ``trigger`` as its "trigger" node: the same matches the DependencyMatcher finds
    (every assignment of tokens to the nodes whose relations and tests hold), in the file's order."""
    out = []
    for role, name, types, steps, party in _compiled():
        if not _fits(trigger, steps[0][2]):
            continue
        for match in _extend([trigger.i], trigger.doc, steps):
            out.append((role, name, set(types), match[party]))
    return out


def _fits(tok: Token, tests: tuple[tuple[str, frozenset[str]], ...]) -> bool:
    return all(getattr(tok, attr) in allowed for attr, allowed in tests)


def _extend(done: list[int], doc: Doc, steps: list[Any]) -> Any:
    if len(done) == len(steps):
        yield done
        return
    left, op, tests = steps[len(done)]
    tok = doc[done[left]]
    # ">": a child of the node; "<": its head (none for a sentence's root)
    near = list(tok.children) if op == ">" else [] if tok.head.i == tok.i else [tok.head]
    for t in near:
        if _fits(t, tests):
            yield from _extend([*done, t.i], doc, steps)


def parties(found: Matches, trigger: Token, plover_type: str, role: str) -> tuple[list[Token], str | None]:
    """The party heads the first pattern that fits gives ``trigger`` in ``role``, and the pattern's name."""
    order = _order()
    at = found.at(trigger) if isinstance(found, Found) else found.get(trigger.i, [])
    hits = sorted((h for h in at if h[0] == role and ("*" in h[2] or plover_type in h[2])),
                  key=lambda h: order[h[1]])
    if not hits:
        return [], None
    name = hits[0][1]
    return [trigger.doc[i] for i in sorted({h[3] for h in hits if h[1] == name})], name
