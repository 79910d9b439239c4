"""Where the fields of found events go wrong on a split you may look at: every matched required event whose
location, parties, date, dead or claim source disagrees with the gold, gold and system side by side.

    .venv/bin/python eval/tools/fields.py eval/corpus/dev --field location
    .venv/bin/python eval/tools/fields.py eval/corpus/dev --field actor --field recipient
    .venv/bin/python eval/tools/fields.py eval/corpus/dev --field date --half A
    .venv/bin/python eval/tools/fields.py eval/corpus/dev --classes untouched     # counts only, no events listed

``--half A`` lists the misses of the dev articles in the fixed half A only (sha256('fieldhalf:' + stem),
eval/tools/field_halves.py); half B is only scored there, never listed. Round 9's LGL records
(eval/corpus/dev_round9.txt) are never listed while their texts are being annotated as event gold, and the
untouched dev articles (eval/corpus/dev_untouched.txt) are never listed at all.

Uses the same matching and the same field rules as `eventwire eval articles` (and the shared scorer).
It refuses the test split: that split is only scored.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path
from typing import Any

from eventwire.evaluate.articles import field_agrees, match_events
from eventwire.evaluate.gold import gold_files, load_gold, untouched_stems
from eventwire.pipeline import Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from field_halves import half_of  # noqa: E402

FIELDS = ("location", "actor", "recipient", "sector", "date", "dead", "claim_source")


def _snip(text: str, a: int, b: int) -> str:
    return " ".join(text[a:b].split())[:200]


def _loc(d: dict[str, Any] | None) -> str:
    if not d:
        return "-"
    parts = [d.get(k) for k in ("text", "name", "admin1", "country", "precision")]
    return " / ".join(str(p) for p in parts if p)


def _parties(items: list[dict[str, Any]]) -> str:
    return "; ".join(
        f"{a.get('text') or a.get('name') or '?'} [{a.get('country') or '-'} {a.get('sector') or '-'}]" for a in items
    ) or "-"


def _disagreements(ge: dict[str, Any], ev: dict[str, Any], field: str) -> str | None:
    """A line describing the disagreement, or None when the field agrees or the gold leaves it empty (the
    scorer's own test: evaluate.articles.field_agrees)."""
    if field_agrees(ge, ev, field) in (None, True):
        return None
    if field == "dead":
        return f"gold {ge['size']['dead']}  | system {(ev.get('size') or {}).get('dead')}"
    if field == "claim_source":
        return f"gold {ge['claim_source']}  | system {ev.get('claim_source')}"
    if field == "date":
        want, got = ge["date"], ev.get("date") or {}
        return (f"gold {want['start']}..{want['end'] or want['start']} {want.get('precision')} {want.get('text')!r}"
                f"  | system {got.get('start')}..{got.get('end')} {got.get('precision')} {got.get('text')!r}"
                f" ({got.get('reason')})")
    if field == "location":
        return f"gold {_loc(ge['location'])}  | system {_loc(ev.get('location'))}"
    role = "actor" if field in ("actor", "sector") else "recipient"
    gold_parties = [a for a in ge[role] if a.get("country")]
    sys_parties = [a for a in ev.get("actors", []) if a.get("role") == role]
    return f"gold {_parties(gold_parties)}  | system {_parties(sys_parties)}"


def error_class(ge: dict[str, Any], ev: dict[str, Any], field: str) -> str | None:
    """How a field disagrees, in a word (None when it agrees or the gold leaves it empty): ``empty`` (the
    system gives none), ``country`` (another country), ``near`` (right country, wrong place), ``sector``,
    ``value`` (another number, date or claimant)."""
    if field_agrees(ge, ev, field) in (None, True):
        return None
    if field == "location":
        got = ev.get("location") or {}
        if not got.get("country") and got.get("lat") is None:
            return "empty"
        return "near" if (got.get("country") or "").upper() == (ge["location"].get("country") or "").upper() \
            else "country"
    if field in ("actor", "recipient", "sector"):
        role = "actor" if field in ("actor", "sector") else "recipient"
        sys_parties = [a for a in ev.get("actors", []) if a.get("role") == role]
        if not sys_parties:
            return "empty"
        if not any(a.get("country") for a in sys_parties):
            return "no country"
        return "sector" if field == "sector" else "country"
    got_value = {"date": ev.get("date"), "dead": (ev.get("size") or {}).get("dead"),
                 "claim_source": ev.get("claim_source")}[field]
    return "empty" if got_value in (None, {}, "") else "value"


def classes(paths: tuple[Path, ...], fields: tuple[str, ...], which: str) -> int:
    """Counts of error classes per field over one group (``untouched``: the untouched dev articles; ``all``):
    aggregate only, nothing listed."""
    pipe = Pipeline()
    tally: dict[str, collections.Counter[str]] = {f: collections.Counter() for f in fields}
    for path in gold_files(paths):
        if which == "untouched" and path.name.removesuffix(".gold.json") not in untouched_stems(path.parent):
            continue
        gold = load_gold(path)
        events = [e.to_dict() for e in pipe.extract_article(gold.article(check_language=False))]
        for gi, si in match_events(gold, events).items():
            ge, ev = gold.events[gi], events[si]
            if not ge["required"]:
                continue
            for field in fields:
                if field_agrees(ge, ev, field) is None:
                    continue
                tally[field][error_class(ge, ev, field) or "right"] += 1
    for field in fields:
        print(f"{field:12} " + "  ".join(f"{k} {v}" for k, v in tally[field].most_common()))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--field", action="append", choices=FIELDS, help="field(s) to list (default: all)")
    ap.add_argument("--half", choices=["A"], help="list only the articles of the fixed half A (B is only scored)")
    ap.add_argument("--classes", choices=["untouched", "all"],
                    help="only counts of error classes per field over the untouched dev articles or all (nothing listed)")
    a = ap.parse_args(argv)
    if any("test" in p.parts for p in a.paths):
        print("fields.py: the test split is only scored, never diagnosed", file=sys.stderr)
        return 2
    fields = tuple(a.field or FIELDS)
    if a.classes:
        return classes(tuple(a.paths), fields, a.classes)
    pipe = Pipeline()
    wrong: collections.Counter[str] = collections.Counter()
    for path in gold_files(tuple(a.paths)):
        if path.name.removesuffix(".gold.json") in untouched_stems(path.parent):
            continue  # dev_untouched.txt: scored in aggregate only, never listed
        if a.half and (half_of(path.name.removesuffix(".gold.json")) != a.half or path.name.startswith("lgl-")):
            continue
        gold = load_gold(path)
        events = [e.to_dict() for e in pipe.extract_article(gold.article(check_language=False))]
        for gi, si in sorted(match_events(gold, events).items()):
            ge, ev = gold.events[gi], events[si]
            if not ge["required"]:
                continue
            for field in fields:
                line = _disagreements(ge, ev, field)
                if line is None:
                    continue
                wrong[field] += 1
                s, e = ge["_span"]
                print(f"{field:9} {path.name} {ge['id']} {ev['plover_type']}: {_snip(gold.text, s, e)}")
                print(f"          {line}")
    print("disagreements: " + ", ".join(f"{f} {wrong[f]}" for f in fields))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
