"""The pipeline's attribute ruler, run as a table look-up: the same annotations for less CPU.

Why: spaCy's English pipelines ship an ``attribute_ruler`` of ~180 Matcher patterns that is mostly a tag
map ("VBD" -> POS VERB, Tense=Past ...) plus word exceptions. The Matcher walks every pattern's state
over every token in Python-level code, which made it ~10% of eventwire's CPU per article, more than
the parser (docs/scale.md). Every single-token pattern reads only a token's TAG, DEP, IS_SPACE and
LOWER, so what it writes on a token is a function of those four values: it is computed once per
distinct combination (with spaCy's own Matcher, on the token itself) and then looked up. The few
multi-token patterns ("gon na", "let 's") still run through a Matcher of their own.

Same output by construction: the ruler's rule is "match everything first, then write each match's
attributes in pattern order, later patterns winning", and each attribute it writes (POS, TAG, MORPH,
LEMMA, DEP) is a plain value, so applying the merged writes of a token's matches in that order is the
same as applying them one by one. A ruler this module cannot read that way (a pattern on another
attribute, a single-token pattern whose index is not 0 or -1) is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_SINGLE_KEYS = frozenset({"TAG", "DEP", "IS_SPACE", "LOWER"})


def _readable(ruler: Any) -> bool:
    """Can this ruler's patterns be run as a table (see the module docstring)?"""
    for entry, index in zip(ruler.patterns, ruler.indices, strict=True):
        for alt in entry["patterns"]:
            if not alt or not set(alt[0]) <= _SINGLE_KEYS or (len(alt) == 1 and index not in (0, -1)):
                return False
            if any(tok.get("OP") for tok in alt):  # quantifiers would make a pattern's length vary
                return False
    return True


class AttributeTable:
    """Drop-in for a loaded spaCy AttributeRuler (its patterns, attrs and indices, unchanged)."""

    def __init__(self, ruler: Any) -> None:
        self.ruler = ruler  # kept: its patterns are the source of truth, and serialisation stays its own
        self.vocab = ruler.vocab
        self.attrs: list[dict] = list(ruler.attrs)
        self.indices: list[int] = list(ruler.indices)
        self._single = Matcher(self.vocab, validate=False)
        self._multi = Matcher(self.vocab, validate=False)
        # the first token of each multi-token pattern, alone: a token none of these match cannot start
        # a multi-token match, so the multi-token Matcher runs only where one can (it reads every token
        # with two regular expressions otherwise: ~0.5 s on 60 articles)
        self._starts = Matcher(self.vocab, validate=False)
        self._longest = 1
        lowers: set[str] = set()
        self._lower_rx: list[re.Pattern[str]] = []
        for i, entry in enumerate(ruler.patterns):
            key = str(i)
            single = [alt for alt in entry["patterns"] if len(alt) == 1]
            multi = [alt for alt in entry["patterns"] if len(alt) != 1]
            if single:
                self._single.add(key, single)
            if multi:
                self._multi.add(key, multi)
                self._starts.add(key, [[alt[0]] for alt in multi])
                self._longest = max(self._longest, *(len(alt) for alt in multi))
            for alt in entry["patterns"]:  # the words single-token patterns and first tokens name
                cond = alt[0].get("LOWER")
                if isinstance(cond, str):
                    lowers.add(cond)
                elif isinstance(cond, dict):
                    for op, value in cond.items():
                        if op == "REGEX":
                            self._lower_rx.append(re.compile(value))
                        elif op == "IN" or op == "NOT_IN":
                            lowers.update(value)
                        else:  # a comparison we do not read: key on the word itself
                            self._lower_rx.append(re.compile(""))
        self._lowers = frozenset(lowers)
        self._lower_key: dict[int, int] = {}  # LOWER hash -> itself, or 0 when no pattern can tell it apart
        # (TAG, DEP, IS_SPACE, LOWER or 0) -> (single-token patterns that match, their merged writes,
        # whether a multi-token pattern can start here)
        self._writes: dict[tuple[int, int, int, int], tuple[tuple[int, ...], dict, bool]] = {}

    def _key_of_lower(self, lower: int, strings: Any) -> int:
        found = self._lower_key.get(lower)
        if found is None:
            text = strings[lower]
            # a word no single-token pattern names (or matches) is read the same as any other such word
            named = text in self._lowers or any(rx.search(text) for rx in self._lower_rx)
            found = lower if named else 0
            self._lower_key[lower] = found
        return found

    def _single_writes(self, doc: Doc, i: int, key: tuple[int, int, int, int]) -> tuple[tuple[int, ...], dict, bool]:
        found = self._writes.get(key)
        if found is None:
            token = doc[i : i + 1]
            ids = sorted({int(self.vocab.strings[m]) for m, _s, _e in self._single(token, allow_missing=True)})
            merged: dict = {}
            for n in ids:
                merged.update(self.attrs[n])
            found = (tuple(ids), merged, bool(self._starts(token, allow_missing=True)))
            self._writes[key] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([TAG, DEP, IS_SPACE, LOWER]).tolist()
        key_of_lower, strings = self._key_of_lower, doc.vocab.strings
        found = [
            self._writes.get(key) or self._single_writes(doc, i, key)
            for i, key in enumerate((tag, dep, space, key_of_lower(lower, strings)) for tag, dep, space, lower in rows)
        ]
        extra = self._multi_targets(doc, [i for i, f in enumerate(found) if f[2]])
        for i, (ids, merged, _start) in enumerate(found):
            more = extra.get(i)
            if more:
                merged = {}
                for n in sorted(set(ids) | set(more)):
                    merged.update(self.attrs[n])
            if merged:
                set_token_attrs(doc[i], merged)
        return doc

    def _multi_targets(self, doc: Doc, starts: list[int]) -> dict[int, list[int]]:
        """Token -> the multi-token patterns that write on it, from matches beginning at ``starts``."""
        extra: dict[int, list[int]] = {}
        for start in starts:
            # the patterns have fixed lengths: every match that begins here lies in this window
            for m_id, s, e in self._multi(doc[start : start + self._longest], allow_missing=True):
                if s != 0:
                    continue  # begins at a later start token: found from there
                n = int(self.vocab.strings[m_id])
                index = self.indices[n]
                target = start + (index if index >= 0 else e + index)
                if not start <= target < start + e:
                    raise ValueError(f"attribute ruler pattern {n}: index {index} outside its match")
                extra.setdefault(target, []).append(n)
        return extra

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    # serialisation and training stay the stock ruler's: a saved pipeline gets the stock component
    def to_bytes(self, **kwargs: Any) -> bytes:
        return bytes(self.ruler.to_bytes(**kwargs))

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        self.ruler.to_disk(path, **kwargs)


def use_attribute_table(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Run the pipeline's attribute ruler as an AttributeTable (same annotations); True if it now does."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if isinstance(ruler, AttributeTable) or not hasattr(ruler, "patterns") or not _readable(ruler):
        return False
    table = AttributeTable(ruler)
    # same name and place (spaCy's replace_pipe wants a registered factory); _components also holds the
    # disabled components (senter), so the place is looked up there, not in pipe_names
    index = [n for n, _ in nlp._components].index(name)
    nlp._components[index] = (name, table)
    return True
