"""Fighting relations of re3d (Dstl) as ASSAULT/COERCE actor pairs of the event coder.

re3d annotates who fights whom (``FightingAgainst``) and who is allied with whom (``AlliesOf``) in
Syria/Iraq reporting. The coder does not extract relations, but an ASSAULT or COERCE event with an
actor and a recipient states one; this module measures how many of the gold fighting pairs the
coder's events state, and how many of its paired violent events state a gold fighting pair.

The matching rule (docs/evaluation.md, "re3d relations"):

- A *side* of an event is one entry of its ``actors`` list (role actor or recipient).
- A side matches a gold entity (re3d ``{begin, end, value}``) when any of:
  1. span: the side's character span overlaps the entity's span (checked only where the side's
     offsets point at its own text in the document, so shifted offsets never count);
  2. text: after normalisation (case, diacritics, British spellings, dotted acronyms; the tokens
     "the", "a", "an", "'s" dropped) one token sequence contains the other as a contiguous run,
     and the shorter one is not made only of generic words ("forces", "people", "they", ...);
  3. resolver: the entity text, resolved alone by ``ActorResolver``, names the same actor as the
     side's coded ``name`` (both non-null), or it has a country equal to the side's coded country
     and either the same sector or no sector (the entity names the state as a whole: "Iraq"
     against "Iraqi forces").
- A gold pair (A, B) is *stated* by an event of type ASSAULT or COERCE when two distinct sides
  x, y of the event match A and B respectively, and {x, y} is an actor/recipient pair (either
  direction) or two actors (two-sided fighting: "clashes between X and Y").
- Gold pairs are the document's relation rows of one type, deduplicated as unordered span pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from ..actors.normalise import tokens
from ..errors import EventwireError, InputError

VIOLENT: Final = frozenset({"ASSAULT", "COERCE"})
_DROP: Final = frozenset({"the", "a", "an", "'s", "its", "their"})
# Words that name no one in particular: a side made only of these matches by span or resolver only.
_GENERIC: Final = frozenset({
    "forces", "force", "troops", "troop", "soldiers", "army", "military", "fighters", "militants",
    "militant", "group", "groups", "people", "civilians", "government", "regime", "they", "them",
    "we", "us", "our", "he", "she", "it", "who", "which", "members", "member", "units", "unit",
    "country", "state", "coalition", "terrorists", "terrorist", "terrorism", "rebels", "opposition",
    "police", "security", "officials", "authorities", "parties", "party", "side", "sides",
})

Extract = Callable[[str], list[dict[str, Any]]]
Resolve = Callable[[str], tuple[str | None, str | None, str | None]]  # text -> (name, country, sector)


@dataclass(frozen=True)
class Entity:
    begin: int
    end: int
    value: str


@dataclass(frozen=True)
class GoldPair:
    a: Entity
    b: Entity
    kind: str

    def describe(self) -> str:
        return f"{self.a.value} <-> {self.b.value}"


# ------------------------------------------------------------------ reading

def read_re3d(path: str | Path) -> list[dict[str, Any]]:
    """The records of a re3d JSON-lines file (see the dataset README); numbered InputError when unreadable."""
    from .jsonl import read_records

    def parse(row: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(row["text"], str) or not isinstance(row.get("relations", []), list):
            raise TypeError("text must be a string and relations a list")
        row.pop("_line", None)
        return row

    return read_records(path, parse, "a re3d record with text and relations")


def gold_pairs(doc: dict[str, Any], kind: str) -> list[GoldPair]:
    """Relation rows of one type, deduplicated as unordered span pairs, in document order."""
    seen: set[frozenset[tuple[int, int]]] = set()
    out = []
    for rel in doc.get("relations", []):
        if rel.get("type") != kind:
            continue
        a = Entity(int(rel["source"]["begin"]), int(rel["source"]["end"]), str(rel["source"]["value"]))
        b = Entity(int(rel["target"]["begin"]), int(rel["target"]["end"]), str(rel["target"]["value"]))
        k = frozenset({(a.begin, a.end), (b.begin, b.end)})
        if k in seen or len(k) < 2:
            continue
        seen.add(k)
        out.append(GoldPair(a, b, kind))
    return out


# ------------------------------------------------------------------ matching

def norm_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in tokens(text) if t not in _DROP)


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def text_match(x: str, y: str) -> bool:
    """Normalised token runs contain one another, and the shorter one names someone in particular."""
    tx, ty = norm_tokens(x), norm_tokens(y)
    if not tx or not ty:
        return False
    long, short = (tx, ty) if len(tx) >= len(ty) else (ty, tx)
    if all(t in _GENERIC for t in short):
        return False
    return _contains(long, short)


def _side_span_ok(side: dict[str, Any], text: str) -> bool:
    s, e = side.get("start"), side.get("end")
    if not isinstance(s, int) or not isinstance(e, int) or not 0 <= s < e <= len(text):
        return False
    return norm_tokens(text[s:e]) == norm_tokens(str(side.get("text") or ""))


@lru_cache(maxsize=1)
def _default_resolver() -> Any:
    from ..actors import ActorResolver

    return ActorResolver.load()


def resolve_entity(text: str) -> tuple[str | None, str | None, str | None]:
    """(name, country, sector) of an entity's text resolved on its own, or Nones."""
    m = _default_resolver().resolve(text)
    return (m.name, m.country, m.sector) if m is not None else (None, None, None)


class Matcher:
    """Decides whether an event side matches a gold entity (the rule of the module docstring)."""

    def __init__(self, text: str, resolve: Resolve | None = None) -> None:
        self.text = text
        self._resolve = resolve or resolve_entity
        self._resolved: dict[str, tuple[str | None, str | None, str | None]] = {}

    def resolved(self, value: str) -> tuple[str | None, str | None, str | None]:
        if value not in self._resolved:
            try:
                self._resolved[value] = self._resolve(value)
            except EventwireError:
                self._resolved[value] = (None, None, None)
        return self._resolved[value]

    def how(self, side: dict[str, Any], ent: Entity) -> str | None:
        """'span', 'text' or 'resolver' for the first part of the rule that holds, else None."""
        if _side_span_ok(side, self.text) and side["start"] < ent.end and ent.begin < side["end"]:
            return "span"
        if text_match(str(side.get("text") or ""), ent.value):
            return "text"
        name, country, sector = self.resolved(ent.value)
        if name and name == side.get("name"):
            return "resolver"
        if country and country == side.get("country") and sector in {None, side.get("sector")}:
            return "resolver"
        return None


def _side_pairs(ev: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Ordered pairs of distinct sides that can state a fight: actor/recipient (both ways) or actor/actor."""
    sides = list(ev.get("actors") or [])
    for i, x in enumerate(sides):
        for j, y in enumerate(sides):
            if i == j:
                continue
            roles = {x.get("role"), y.get("role")}
            if roles == {"actor", "recipient"} or roles == {"actor"}:
                yield x, y


def has_pair(ev: dict[str, Any]) -> bool:
    return next(_side_pairs(ev), None) is not None


def states_pair(ev: dict[str, Any], pair: GoldPair, matcher: Matcher) -> str | None:
    """How the event states the gold pair ('span+text', ...), or None when it does not."""
    if ev.get("plover_type") not in VIOLENT:
        return None
    for x, y in _side_pairs(ev):
        hx = matcher.how(x, pair.a)
        if hx is None:
            continue
        hy = matcher.how(y, pair.b)
        if hy is not None:
            return f"{hx}+{hy}"
    return None


# ------------------------------------------------------------------ scoring

def _covers(ev: dict[str, Any], pair: GoldPair) -> bool:
    e = ev.get("evidence") or {}
    s, t = e.get("start"), e.get("end")
    if not isinstance(s, int) or not isinstance(t, int):
        return False
    return s <= min(pair.a.begin, pair.b.begin) and max(pair.a.end, pair.b.end) <= t


def _default_extract() -> Extract:
    import eventwire

    return lambda text: eventwire.extract(text)


def score_document(
    doc: dict[str, Any], events: list[dict[str, Any]], resolve: Resolve | None = None
) -> dict[str, Any]:
    """Per-document figures and a judgement of each violent paired event (used for calibration)."""
    matcher = Matcher(str(doc["text"]), resolve)
    fighting = gold_pairs(doc, "FightingAgainst")
    allies = gold_pairs(doc, "AlliesOf")
    violent = [ev for ev in events if ev.get("plover_type") in VIOLENT]
    found: list[Any] = []
    missed: list[Any] = []
    for p in fighting:
        how = next((h for ev in violent if (h := states_pair(ev, p, matcher))), None)
        (found if how else missed).append({"pair": p.describe(), "how": how} if how else p.describe())
    # Diagnostic: the coder typed the sentence right but did not fill both sides with the pair.
    covered = sum(1 for p in fighting if any(_covers(ev, p) for ev in violent))
    allies_as_violent = [p.describe() for p in allies if any(states_pair(ev, p, matcher) for ev in violent)]
    judged = []
    for ev in violent:
        if not has_pair(ev):
            continue
        judged.append({
            "plover_type": ev.get("plover_type"),
            "confidence": float(ev.get("confidence") or 0.0),
            "correct": any(states_pair(ev, p, matcher) for p in fighting),
            "sides": [f"{a.get('role')}:{a.get('text')}" for a in ev.get("actors") or []],
            "sentence": (ev.get("evidence") or {}).get("sentence", "")[:200],
            "event": ev,
        })
    return {
        "id": doc.get("id"),
        "title": doc.get("title"),
        "events": len(events),
        "violent_events": len(violent),
        "fighting_pairs": len(fighting),
        "found": found,
        "missed": missed,
        "in_violent_evidence": covered,
        "allies_pairs": len(allies),
        "allies_as_violent": allies_as_violent,
        "judged": judged,
    }


def evaluate_relations(
    path: str | Path, extract: Extract | None = None, resolve: Resolve | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """Run the coder on every re3d document of ``path`` and score fighting pairs (module docstring).

    Returns {"n", "refused", "errors", "fighting_pairs", "found", "recall", "violent_events",
    "paired_events", "paired_matching", "pair_precision", "allies_pairs", "allies_as_violent",
    "allies_rate", "how", "per_doc"}. ``refused`` counts documents the coder rejects (InputError).
    """
    docs = read_re3d(path)[:limit] if limit else read_re3d(path)
    return score_documents(docs, extract or _default_extract(), resolve)


def score_documents(docs: Iterable[dict[str, Any]], extract: Extract, resolve: Resolve | None = None) -> dict:
    per: list[dict[str, Any]] = []
    refused: list[str] = []
    errors: list[str] = []
    n = 0
    for doc in docs:
        n += 1
        try:
            events = extract(str(doc["text"]))
        except InputError as exc:
            refused.append(f"{doc.get('id')}: {exc}")
            events = []
        except EventwireError as exc:  # one broken document must not hide the others
            errors.append(f"{doc.get('id')}: {exc}")
            continue
        per.append(score_document(doc, events, resolve))
    pairs = sum(d["fighting_pairs"] for d in per)
    found = sum(len(d["found"]) for d in per)
    judged = [j for d in per for j in d["judged"]]
    matching = sum(j["correct"] for j in judged)
    allies = sum(d["allies_pairs"] for d in per)
    allies_bad = sum(len(d["allies_as_violent"]) for d in per)
    how: dict[str, int] = {}
    for d in per:
        for f in d["found"]:
            how[f["how"]] = how.get(f["how"], 0) + 1
    return {
        "n": n,
        "refused": len(refused),
        "errors": refused + errors,
        "docs_with_fighting": sum(1 for d in per if d["fighting_pairs"]),
        "fighting_pairs": pairs,
        "found": found,
        "recall": found / pairs if pairs else None,
        "in_violent_evidence": sum(d["in_violent_evidence"] for d in per),
        "events": sum(d["events"] for d in per),
        "violent_events": sum(d["violent_events"] for d in per),
        "paired_events": len(judged),
        "paired_matching": matching,
        "pair_precision": matching / len(judged) if judged else None,
        "allies_pairs": allies,
        "allies_as_violent": allies_bad,
        "allies_rate": allies_bad / allies if allies else None,
        "how": dict(sorted(how.items())),
        "per_doc": per,
    }


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def format_relations(r: dict[str, Any], verbose: bool = False) -> str:
    lines = []
    for d in r["per_doc"]:
        if not d["fighting_pairs"] and not d["judged"] and not d["allies_as_violent"]:
            continue
        ok = sum(j["correct"] for j in d["judged"])
        lines.append(
            f"{d['id']} {str(d['title'] or '')[:50]!r}: fighting {len(d['found'])}/{d['fighting_pairs']}, "
            f"violent paired events {ok}/{len(d['judged'])} on a gold pair"
            + (f", allies coded as violent {len(d['allies_as_violent'])}" if d["allies_as_violent"] else "")
        )
        if verbose:
            lines.extend(f"    found   {f['pair']}  ({f['how']})" for f in d["found"])
            lines.extend(f"    missed  {m}" for m in d["missed"])
            lines.extend(f"    allies! {a}" for a in d["allies_as_violent"])
            lines.extend(
                f"    event   {j['plover_type']} {j['confidence']:.2f} {'ok ' if j['correct'] else 'off'} "
                f"{'; '.join(j['sides'])}" for j in d["judged"]
            )
    lines.extend(f"ERROR {e}" for e in r["errors"])
    lines.append(f"match rule used: {', '.join(f'{k} {v}' for k, v in r['how'].items()) or '-'}")
    lines.append(
        f"re3d relations: docs {r['n']} (refused {r['refused']}), FightingAgainst pairs {r['fighting_pairs']}, "
        f"found {r['found']}, recall {_pct(r['recall'])} (inside an ASSAULT/COERCE evidence span "
        f"{r['in_violent_evidence']}); ASSAULT/COERCE paired events {r['paired_events']}, "
        f"on a gold pair {r['paired_matching']}, pair precision {_pct(r['pair_precision'])}; "
        f"AlliesOf pairs coded as ASSAULT/COERCE {r['allies_as_violent']}/{r['allies_pairs']}"
    )
    return "\n".join(lines)
