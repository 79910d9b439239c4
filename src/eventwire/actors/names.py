"""Names composed of generic words: a capitalised name no knowledge-base entry explains, read by its head
word and a marker word (data/name_heads.tsv). "Syrian Democratic Forces" is an armed group named for its
cause, so REB, in the country its demonym names; "Collective Security Treaty Organization" is an
intergovernmental body by its words alone. The issue's class of named bodies the sources here miss: the
breadth comes from how such names are made, not from a list of them (rule ``named-body``, switchable).

A state's own forces and bodies are left alone ("Armed Forces of the Republic", "Royal Army", "National
Guard"): their words are the row's exclusions, and a name an entry of the index explains is never read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .normalise import norm_token

# Lower-case words allowed inside a name ("Democratic Forces for the Liberation of Rwanda").
_CONNECTORS = frozenset(["of", "for", "the", "and", "'s", "de", "al", "el", "in"])


@dataclass(frozen=True)
class NameRule:
    kind: str
    heads: frozenset[str]
    markers: tuple[str, ...]
    excluded: tuple[str, ...]
    country: str | None
    sector: str | None


@lru_cache(maxsize=1)
def name_rules() -> tuple[NameRule, ...]:
    rows = []
    lines = [ln for ln in (Path(__file__).with_name("data") / "name_heads.tsv").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    for line in lines[1:]:  # the header left out
        kind, heads, markers, excluded, country, sector = (line.split("\t") + [""] * 6)[:6]
        rows.append(NameRule(kind, frozenset(heads.split("|")), tuple(markers.split("|")),
                             tuple(x for x in excluded.split("|") if x), country or None, sector or None))
    return tuple(rows)


def name_runs(cased: list[str]) -> list[tuple[int, int]]:
    """Spans (start, end) of capitalised runs of two or more capitalised words, lower-case connectors
    allowed inside ("Democratic Forces for the Liberation of Rwanda")."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(cased):
        if not cased[i][:1].isupper():
            i += 1
            continue
        j, last, caps = i, i, 0
        while j < len(cased) and (cased[j][:1].isupper() or cased[j].lower() in _CONNECTORS or cased[j] == "-"):
            if cased[j][:1].isupper():
                last, caps = j, caps + 1
            j += 1
        if caps >= 2:
            runs.append((i, last + 1))
        i = j if j > i else i + 1
    return runs


def _has(words: list[str], phrase: str) -> bool:
    """``phrase`` (space-separated, "of X" meaning X after an "of") occurs in ``words``."""
    if phrase.startswith("of "):
        target = phrase[3:].split()
        return any(words[k:k + len(target)] == target and "of" in words[:k] for k in range(len(words)))
    target = phrase.replace("-", " ").split()
    return any(words[k:k + len(target)] == target for k in range(len(words)))


def composed_name(cased: list[str], covered_by_body: set[int]) -> tuple[NameRule, int, int] | None:
    """The first rule whose head and marker a capitalised run holds, none of its exclusions, no token of it
    explained by a person, body or outlet of the index; with the run's span."""
    for s, e in name_runs(cased):
        if covered_by_body & set(range(s, e)):
            continue
        words = [norm_token(w) for w in cased[s:e] if w != "-"]
        for rule in name_rules():
            if (any(w in rule.heads for w in words) and any(_has(words, m) for m in rule.markers)
                    and not any(_has(words, x) for x in rule.excluded)):
                return rule, s, e
    return None


def named_body_reading(cased: list[str], spans: list[tuple[int, int, str, str | None]],
                       sector: str | None) -> tuple[NameRule, str, str | None, str | None] | None:
    """(rule, name, country, sector) for a composed name in the mention, or None.

    ``spans``: the index's hits as (start, end, kind, country); ``sector``: the sector the resolver read
    without the rule. A role noun before the name is another party's ("troops fighting ..."): no reading.
    An intergovernmental body keeps the sector of a role noun after it ("... Organization troops")."""
    bodies = {i for s, e, kind, _ in spans if kind in ("person", "org", "news") for i in range(s, e)}
    found = composed_name(cased, bodies)
    if found is None:
        return None
    rule, s, e = found
    if any(kind == "role" and start < s for start, _, kind, _ in spans):
        return None
    country = rule.country or next((c for start, _, kind, c in spans
                                    if s <= start < e and kind in _PLACE_KINDS and c), None)
    name = " ".join(w for w in cased[s:e])
    if rule.sector is None:
        after = any(kind == "role" and start >= e for start, _, kind, _ in spans)
        return rule, name, country, sector if after else None
    return rule, name, country, rule.sector


_PLACE_KINDS = frozenset(["country", "demonym", "capital", "region", "breakaway", "city"])


def compound_acronym_starts(text: str, spans: list[tuple[int, int, str]]) -> set[int]:
    """Start tokens of one-word acronyms hyphen-joined to another all-capitals word no hit explains:
    "CJTF-OIR" (the coalition against Islamic State) is not "CJTF" (Nigeria's Civilian Joint Task Force),
    a compound acronym names another body. ``spans``: (start, end, cased text) of each hit; the words of
    ``text`` are the tokens (hyphens split them)."""
    words = [m.group(0) for m in _WORD.finditer(text)]
    explained = {i for s, e, _ in spans for i in range(s, e)}
    out: set[int] = set()
    for s, e, span in spans:
        if e - s != 1 or not span.isupper() or len(span) < 2:
            continue
        for other, joined in ((s + 1, rf"\b{re.escape(span)}-[A-Z0-9]{{2,}}\b"), (s - 1, rf"\b[A-Z0-9]{{2,}}-{re.escape(span)}\b")):
            if 0 <= other < len(words) and other not in explained and words[other].isupper() and re.search(joined, text):
                out.add(s)
    return out


_WORD = re.compile(r"'s\b|[^\W_]+", re.UNICODE)
