"""Score the time resolver on a table of expressions.

The table is JSON lines: {"text", "published" (ISO date or null), "start", "end", "precision"}
(start/end/precision null where the expression must stay unresolved). ``text`` may be a bare
expression or a sentence; the expression the table means is the one ``resolve_time`` picks, which is
the longest one found. A case is correct when start, end and precision all match.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import E_BAD_DUMP, E_NOT_FOUND, InputError
from ..times import resolve_time


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def load_cases(path: str | Path) -> list[dict[str, Any]]:
    p = Path(path)
    if not p.is_file():
        raise InputError(E_NOT_FOUND, f"date table {p} not found")
    cases = []
    for number, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
            case["_published"] = _date(case.get("published"))
            case["_line"] = number
        except (ValueError, TypeError) as exc:
            raise InputError(E_BAD_DUMP, f"{p}:{number}: not a date case ({exc})") from exc
        cases.append(case)
    return cases


def score_case(case: dict[str, Any]) -> dict[str, Any]:
    when = resolve_time(case["text"], case["_published"])
    got = {
        "start": when.start.isoformat() if when and when.start else None,
        "end": when.end.isoformat() if when and when.end else None,
        "precision": when.precision if when else None,
    }
    want = {k: case.get(k) for k in ("start", "end", "precision")}
    return {
        "line": case["_line"],
        "text": case["text"],
        "published": case.get("published"),
        "want": want,
        "got": got,
        "found": when.text if when else None,
        "correct": got == want,
    }


def evaluate_dates(path: str | Path) -> dict[str, Any]:
    """Accuracy of ``resolve_time`` on a date table, with the misses listed."""
    rows = [score_case(c) for c in load_cases(path)]
    n = len(rows)
    correct = sum(r["correct"] for r in rows)
    by_precision: Counter[str] = Counter()
    right_by_precision: Counter[str] = Counter()
    for r in rows:
        key = r["want"]["precision"] or "unresolved"
        by_precision[key] += 1
        right_by_precision[key] += r["correct"]
    return {
        "n": n,
        "accuracy": round(correct / n, 4) if n else 0.0,
        "correct": correct,
        "by_precision": {
            k: {"n": v, "accuracy": round(right_by_precision[k] / v, 4)}
            for k, v in sorted(by_precision.items())
        },
        "errors": [r for r in rows if not r["correct"]],
    }
