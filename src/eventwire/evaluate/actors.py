"""Scoring actor resolution on NGEC-style test cases (format of shared/data/ngec_actors/dev.jsonl).

Each record asserts some of: the country, the first sector (exactly, or one of ``sector_any_of``), the
second sector, or that nothing resolves (``expect_none``). Scoring follows those assertions only:

- country_accuracy: over records asserting a country ('' = no country) or expecting None; a record
  is right when the predicted country equals the expected one (no match counts as '').
- sector_accuracy: over records asserting ``sector`` or ``sector_any_of`` or expecting None.
- sector_2_accuracy: over records asserting ``sector_2``.
- joint_accuracy (country+sector): over all records; right when every asserted country and first
  sector expectation holds (for expect_none: when nothing resolves).
- none_accuracy: over expect_none records.

``date``: 'today' or missing means the day the cases were written; NGEC's tests date from 2022, and
the office-holders they assume ("today") fix it between Sept and Dec 2022: REFERENCE_TODAY.
``known_country`` is passed along with ``context``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..actors import ActorMatch, ActorResolver
from ..errors import E_BAD_DUMP, E_NOT_FOUND, InputError

REFERENCE_TODAY = dt.date(2022, 10, 15)

_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%B %d %Y", "%Y")


def parse_case_date(value: str | None) -> dt.date:
    if value is None or value.strip().lower() in ("", "today", "now"):
        return REFERENCE_TODAY
    text = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    try:
        return dt.datetime.strptime(text.title(), "%d %B %Y").date()
    except ValueError as exc:
        raise InputError(E_BAD_DUMP, f"cannot read case date {value!r}") from exc


def read_cases(path: str | Path) -> list[dict[str, Any]]:
    p = Path(path)
    if not p.is_file():
        raise InputError(E_NOT_FOUND, f"no such file: {p}")
    cases = []
    for lineno, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(E_BAD_DUMP, f"{p}:{lineno}: not JSON ({exc.msg})") from exc
        if not isinstance(rec, dict) or "text" not in rec:
            raise InputError(E_BAD_DUMP, f"{p}:{lineno}: a case needs at least a 'text' field")
        cases.append(rec)
    return cases


def score_case(rec: dict[str, Any], m: ActorMatch | None) -> dict[str, bool | None]:
    """Per-assertion outcome for one case: True/False, or None where the case asserts nothing."""
    if rec.get("expect_none"):
        ok = m is None
        return {"country": ok, "sector": ok, "sector_2": None, "joint": ok, "none": ok}
    got_country = (m.country if m else None) or ""
    got_sector = (m.sector if m else None) or ""
    got_sector_2 = (m.sector_2 if m else None) or ""
    country = None if rec.get("country") is None else got_country == rec["country"]
    if rec.get("sector_any_of"):
        sector: bool | None = got_sector in rec["sector_any_of"]
    elif rec.get("sector") is not None:
        sector = got_sector == rec["sector"]
    else:
        sector = None
    sector_2 = None if rec.get("sector_2") is None else got_sector_2 == rec["sector_2"]
    asserted = [x for x in (country, sector) if x is not None]
    joint = all(asserted) if asserted else None
    return {"country": country, "sector": sector, "sector_2": sector_2, "joint": joint, "none": None}


def evaluate_cases(cases: Iterable[dict[str, Any]], resolver: ActorResolver | None = None) -> dict[str, Any]:
    resolver = resolver or ActorResolver.load()
    tallies: dict[str, list[int]] = {k: [0, 0] for k in ("country", "sector", "sector_2", "joint", "none")}
    errors: list[dict[str, Any]] = []
    n = 0
    for rec in cases:
        n += 1
        context = " ".join(x for x in (rec.get("context") or "", rec.get("known_country") or "") if x)
        m = resolver.resolve(rec["text"], context=context, date=parse_case_date(rec.get("date")))
        outcome = score_case(rec, m)
        for k, ok in outcome.items():
            if ok is not None:
                tallies[k][0] += int(ok)
                tallies[k][1] += 1
        if outcome["joint"] is False:
            errors.append({
                "id": rec.get("id"), "text": rec["text"],
                "expected": [rec.get("country"), rec.get("sector") or rec.get("sector_any_of")],
                "got": [m.country, m.sector] if m else None, "rule": m.rule if m else None,
            })

    def acc(k: str) -> float | None:
        right, total = tallies[k]
        return round(right / total, 4) if total else None

    return {
        "n": n,
        "country_accuracy": acc("country"),
        "sector_accuracy": acc("sector"),
        "joint_accuracy": acc("joint"),
        "sector_2_accuracy": acc("sector_2"),
        "none_accuracy": acc("none"),
        "counts": {k: {"right": v[0], "asserted": v[1]} for k, v in tallies.items()},
        "errors": errors,
    }


def evaluate_actors(path: str | Path) -> dict[str, Any]:
    """Score the resolver on a JSONL file of NGEC-style cases (see module docstring for the rules)."""
    return evaluate_cases(read_cases(path))
