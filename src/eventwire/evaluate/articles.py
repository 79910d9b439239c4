"""Event-level scoring of the pipeline against gold articles.

The matching rule is the one documented for gold articles (docs/evaluation.md): a system event
matches a gold event when their evidence spans overlap and the PLOVER type agrees (or is one of
the gold's alt_types); matching is one-to-one, largest overlap first. Field accuracy is computed on
matched required events.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .gold import GoldArticle, load_gold

FIELDS = ("actor", "recipient", "sector", "location", "date", "dead", "modality", "claim_source", "incident")


def fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def _day(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s[:10]) if s else None


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _role(ev: dict[str, Any], role: str) -> list[dict[str, Any]]:
    return [a for a in ev.get("actors", []) if a.get("role") == role]


def location_ok(sys_loc: dict[str, Any] | None, gold_loc: dict[str, Any]) -> bool:
    if not sys_loc:
        return False
    if (sys_loc.get("country") or "").upper() != (gold_loc.get("country") or "").upper():
        return False
    if gold_loc.get("precision") == "country":
        return True
    has_coords = "lat" in gold_loc and sys_loc.get("lat") is not None and sys_loc.get("lon") is not None
    if has_coords and haversine_km((sys_loc["lat"], sys_loc["lon"]), (gold_loc["lat"], gold_loc["lon"])) <= 161:
        return True
    got = {fold(sys_loc.get(k)) for k in ("admin1", "name", "text") if sys_loc.get(k)}
    want = {fold(gold_loc.get(k)) for k in ("admin1", "name") if gold_loc.get(k)}
    return any(w and any(g and (w in g or g in w) for g in got) for w in want)


def match_events(gold: GoldArticle, events: list[dict[str, Any]]) -> dict[int, int]:
    """One-to-one {gold index: system index}: overlapping evidence and an accepted type, largest overlap
    first (the shared scorer's rule)."""
    gev = gold.events
    pairs = []
    for si, ev in enumerate(events):
        e = ev.get("evidence") or {}
        if e.get("start") is None or e.get("end") is None:
            continue
        for gi, ge in enumerate(gev):
            ov = max(0, min(e["end"], ge["_span"][1]) - max(e["start"], ge["_span"][0]))
            if ov and ev.get("plover_type") in {ge["plover"]["type"], *ge["plover"].get("alt_types", [])}:
                pairs.append((ov, si, gi))
    pairs.sort(reverse=True)
    match: dict[int, int] = {}
    used: set[int] = set()
    for _, si, gi in pairs:
        if si not in used and gi not in match:
            used.add(si)
            match[gi] = si
    return match


def field_agrees(ge: dict[str, Any], ev: dict[str, Any], field: str) -> bool | None:
    """Whether a matched system event has a gold event's ``field`` right (the shared scorer's rules), or None
    when the gold leaves the field empty and it is not scored. Fields: actor, sector, recipient (countries;
    sector as country+sector pairs of the actor), location, date, dead, claim_source."""
    if field in ("actor", "sector", "recipient"):
        role = "recipient" if field == "recipient" else "actor"
        gold = [a for a in ge[role] if a.get("country")]
        if not gold:
            return None
        if field == "sector":
            return bool({(a.get("country"), a.get("sector")) for a in _role(ev, role)}
                        & {(a["country"], a["sector"]) for a in gold})
        return bool({a.get("country") for a in _role(ev, role)} & {a["country"] for a in gold})
    if field == "location":
        return location_ok(ev.get("location"), ge["location"]) if ge.get("location") else None
    if field == "date":
        if not ge.get("date"):
            return None
        sd = _day((ev.get("date") or {}).get("start"))
        lo, hi = _day(ge["date"]["start"]), _day(ge["date"]["end"] or ge["date"]["start"])
        slack = dt.timedelta(days={"week": 3, "month": 7}.get(ge["date"].get("precision"), 1))
        return sd is not None and lo is not None and hi is not None and lo - slack <= sd <= hi + slack
    if field == "dead":
        gd = (ge.get("size") or {}).get("dead")
        return None if gd is None else (ev.get("size") or {}).get("dead") == gd
    if field == "claim_source":
        if not ge.get("claim_source"):
            return None
        want = [fold(x) for x in ge["claim_source"]]
        got = [fold(x) for x in ev.get("claim_source") or []]
        return any(w and x and (w in x or x in w) for w in want for x in got)
    raise ValueError(f"unknown field {field!r}")


def score_article(gold: GoldArticle, events: list[dict[str, Any]],
                  is_outlet: Callable[[str], bool] | None = None) -> dict[str, Any]:
    """One article's figures. ``is_outlet`` (the actor resolver's news-source test) lets the report
    count parties that are news outlets: issue 11 asks that no outlet is ever coded as an actor or
    recipient, and the count says so on every run rather than by trusting the coder's own filter."""
    gev = gold.events
    match = match_events(gold, events)
    optional_hits = sum(1 for gi in match if not gev[gi]["required"])
    fields = {k: [0, 0] for k in FIELDS}
    invented = {"date": 0, "dead": 0}

    def tally(k: str, ok: object) -> None:
        fields[k][0] += bool(ok)
        fields[k][1] += 1

    for gi, si in match.items():
        ge, ev = gev[gi], events[si]
        if not ge["required"]:
            continue
        for k in ("actor", "sector", "recipient", "location", "date", "dead", "claim_source"):
            ok = field_agrees(ge, ev, k)
            if ok is not None:
                tally(k, ok)
        # as the shared scorer: the publication date as a stand-in (precision 'reported', SCHEMA.md) is no
        # invention, a date the coder claims the text gave it is
        if not ge.get("date") and _day((ev.get("date") or {}).get("start")) \
                and (ev.get("date") or {}).get("precision") != "reported":
            invented["date"] += 1
        if (ge.get("size") or {}).get("dead") is None and (ev.get("size") or {}).get("dead") is not None \
                and "size" in ge:
            invented["dead"] += 1
        tally("modality", (ev.get("modality") or "asserted") == ge.get("modality", "asserted"))
    ids = [g["id"] for g in gev]
    for gi, ge in enumerate(gev):
        for other in ge.get("same_incident_as", []):
            oj = ids.index(other) if other in ids else -1
            if gi < oj and gi in match and oj in match:
                a, b = events[match[gi]].get("incident_id"), events[match[oj]].get("incident_id")
                tally("incident", a is not None and a == b)
    required = [gi for gi, g in enumerate(gev) if g["required"]]
    # per PLOVER type: [required found, required, system events, system events matched]
    by_type: dict[str, list[int]] = {}
    for gi in required:
        row = by_type.setdefault(gev[gi]["plover"]["type"], [0, 0, 0, 0])
        row[0] += gi in match
        row[1] += 1
    matched_sys = set(match.values())
    for si, ev in enumerate(events):
        row = by_type.setdefault(str(ev.get("plover_type")), [0, 0, 0, 0])
        row[2] += 1
        row[3] += si in matched_sys
    return {
        "required": len(required),
        "required_found": sum(1 for gi in required if gi in match),
        "system_events": len(events),
        "matched": len(match),
        "optional_hits": optional_hits,
        "false_positives": len(events) - len(match),
        "fields": fields,
        "invented": invented,
        "missed": [gev[gi]["id"] for gi in required if gi not in match],
        "by_type": by_type,
        "outlet_parties": [p["text"] for ev in events for p in ev.get("actors", [])
                           if is_outlet is not None and is_outlet(str(p.get("text") or ""))],
    }


def aggregate(per: dict[str, dict[str, Any]], errors: list[str]) -> dict[str, Any]:
    keys = ("required", "required_found", "system_events", "matched", "optional_hits", "false_positives")
    tot = {k: sum(p[k] for p in per.values()) for k in keys}
    fields = {k: [sum(p["fields"][k][0] for p in per.values()), sum(p["fields"][k][1] for p in per.values())]
              for k in FIELDS}
    invented = {k: sum(p["invented"][k] for p in per.values()) for k in ("date", "dead")}
    outlet_parties = sorted(f"{name}: {t}" for name, p in per.items() for t in p.get("outlet_parties", []))
    by_type: dict[str, list[int]] = {}
    for p in per.values():
        for t, row in p.get("by_type", {}).items():
            acc = by_type.setdefault(t, [0, 0, 0, 0])
            for k, x in enumerate(row):
                acc[k] += x
    recall = tot["required_found"] / tot["required"] if tot["required"] else 0.0
    denom = tot["system_events"] - tot["optional_hits"]
    precision = (tot["matched"] - tot["optional_hits"]) / denom if denom > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(per),
        "errors": errors,
        "recall": recall,
        "precision": precision,
        "f1": f1,
        "field_accuracy": {k: (ok / n if n else None) for k, (ok, n) in fields.items()},
        "field_counts": fields,
        "invented": invented,
        "outlet_parties": outlet_parties,
        # PLOVER type -> [required found, required, system events, system events matched]
        "by_type": dict(sorted(by_type.items())),
        **tot,
        "per_article": per,
    }


def evaluate_articles(gold_paths: Iterable[str | Path], pipeline: Any) -> dict[str, Any]:
    per: dict[str, dict[str, Any]] = {}
    errors: list[str] = []
    coder = getattr(pipeline, "coder", None)
    is_outlet = getattr(getattr(coder, "actors", None), "is_news_source", None)
    for path in gold_paths:
        try:
            gold = load_gold(path)
            events = [e.to_dict() for e in pipeline.extract_article(gold.article(check_language=False))]
        except Exception as exc:  # one broken gold file must not hide the others
            errors.append(f"{path}: {exc}")
            continue
        per[Path(path).name] = score_article(gold, events, is_outlet)
    return aggregate(per, errors)


def format_report(r: dict[str, Any]) -> str:
    lines = []
    for name, p in r["per_article"].items():
        lines.append(
            f"{name}: required {p['required_found']}/{p['required']}, system {p['system_events']}, "
            f"false positives {p['false_positives']}, missed {','.join(p['missed']) or '-'}"
        )
    for k, v in r["field_accuracy"].items():
        ok, n = r["field_counts"][k]
        lines.append(f"  {k:13s} {'-' if v is None else f'{v:.2f}'}  ({ok}/{n})")
    lines.append(f"  invented dates {r['invented']['date']}, invented death counts {r['invented']['dead']}")
    outlets = r.get("outlet_parties", [])
    lines.append(f"  news outlets coded as parties {len(outlets)}" + (f": {'; '.join(outlets)}" if outlets else ""))
    lines.extend(f"ERROR {e}" for e in r["errors"])
    lines.append(
        f"events: recall {r['recall']:.2f} precision {r['precision']:.2f} F1 {r['f1']:.2f} "
        f"over {r['articles']} articles" + (f", {len(r['errors'])} failed" if r["errors"] else "")
    )
    return "\n".join(lines)
