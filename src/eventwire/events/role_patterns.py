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


Found = dict[int, list[tuple[str, str, set[str], int]]]  # trigger index -> (role, name, types, party index)


def find(doc: Doc) -> Found:
    """Every pattern match of the document, by the trigger token it is anchored at (none with
    EVENTWIRE_ROLE_PATTERNS=0: the rules and the role model alone, for ablations)."""
    if not switch_on("EVENTWIRE_ROLE_PATTERNS", True):
        return {}
    patterns, _ = _spec()
    matcher = _matcher(doc.vocab)
    out: Found = {}
    for key, toks in matcher(doc):
        p = patterns[int(doc.vocab.strings[key])]
        names = [x["RIGHT_ID"] for x in p["pattern"]]
        trig, party = toks[names.index("trigger")], toks[names.index("party")]
        out.setdefault(trig, []).append((p["role"], p["name"], set(p["types"]), party))
    return out


def parties(found: Found, trigger: Token, plover_type: str, role: str) -> tuple[list[Token], str | None]:
    """The party heads the first pattern that fits gives ``trigger`` in ``role``, and the pattern's name."""
    order = _order()
    hits = sorted((h for h in found.get(trigger.i, []) if h[0] == role and ("*" in h[2] or plover_type in h[2])),
                  key=lambda h: order[h[1]])
    if not hits:
        return [], None
    name = hits[0][1]
    return [trigger.doc[i] for i in sorted({h[3] for h in hits if h[1] == name})], name
