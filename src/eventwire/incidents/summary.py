"""The incident record: what all the reports of one incident say, side by side.

Nothing is averaged away. Each report keeps its own figures and claimant; the summary gives the
date and place at the best precision any report gives, the first and last report, the outlets,
the stories (copies of one text count once), the claimants, and for the dead and the injured a
UCDP-style low / best / high over the distinct figures of distinct stories, with ``conflict`` set
when reports give different exact figures (dead 5 vs 7). A figure stated as a floor ("at least
33") raises ``low`` and ``high`` but is not an exact figure, and conflicts only with a smaller
exact one.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from typing import Any

INCIDENT_SCHEMA = "eventwire.incident/1"
_DATE_RANK = {"day": 0, "week": 1, "range": 2, "month": 3, "year": 4, "reported": 6}
_PLACE_RANK = {"town": 0, "admin2": 1, "admin1": 2, "country": 3}


def _most_common(values: list[Any]) -> Any:
    vals = [v for v in values if v is not None]
    if not vals:
        return None
    counts = Counter(vals)
    return sorted(counts, key=lambda v: (-counts[v], str(v)))[0]


def _best_date(reports: list[dict[str, Any]]) -> dict[str, Any] | None:
    dates = [r["date"] for r in reports if r.get("date") and r["date"].get("start")]
    if not dates:
        return None

    def key(d: dict[str, Any]) -> tuple[int, int, str]:
        start = dt.date.fromisoformat(d["start"])
        end = dt.date.fromisoformat(d["end"]) if d.get("end") else start
        return (_DATE_RANK.get(d.get("precision") or "", 5), (end - start).days, d["start"])

    best = min(dates, key=key)
    return {"start": best["start"], "end": best.get("end") or best["start"], "precision": best.get("precision")}


def _best_place(reports: list[dict[str, Any]]) -> dict[str, Any] | None:
    places = [r["location"] for r in reports if r.get("location") and r["location"].get("country")]
    if not places:
        return None
    counts = Counter((p.get("geonameid"), p.get("name")) for p in places)
    best = min(places, key=lambda p: (_PLACE_RANK.get(p.get("precision") or "", 4),
                                      -counts[(p.get("geonameid"), p.get("name"))], str(p.get("name"))))
    keep = ("name", "country", "admin1", "admin2", "geonameid", "lat", "lon", "precision")
    return {k: best.get(k) for k in keep}


def claimant_of(rec: dict[str, Any], outlet: str | None) -> str:
    claims = rec.get("claim_source") or []
    if claims:
        return "; ".join(claims)
    return f"{outlet or 'unknown outlet'} (no source named)"


def _figures(reports: list[dict[str, Any]], key: str) -> dict[str, Any]:
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    exact: set[int] = set()
    floors: set[int] = set()
    story_exact: dict[str, set[int]] = {}
    for r in reports:
        size = r.get("size") or {}
        value = size.get(key)
        if value is None:
            continue
        floor = bool(size.get(f"{key}_lower_bound"))
        entry = rows.setdefault((r["_claimant"], r["_outlet"] or ""),
                                {"claimant": r["_claimant"], "outlet": r["_outlet"], "figures": []})
        entry["figures"].append({"value": value, "lower_bound": floor, "event_id": r["event_id"]})
        if floor:
            floors.add(value)
        else:
            exact.add(value)
            story_exact.setdefault(r["_story"], set()).add(value)
    if not rows:
        return {"low": None, "best": None, "high": None, "conflict": False, "values": [], "floors": [],
                "by_claimant": []}
    every = exact | floors
    per_story = sorted(v for vals in story_exact.values() for v in vals)
    best = int(statistics.median_low(per_story)) if per_story else max(floors)
    conflict = len(exact) > 1 or bool(exact and floors and max(floors) > max(exact))
    return {"low": min(every), "best": best, "high": max(every), "conflict": conflict, "values": sorted(exact),
            "floors": sorted(floors), "by_claimant": sorted(rows.values(), key=lambda e: (e["claimant"], e["outlet"] or ""))}


def build(
    incident_id: str,
    reports: list[dict[str, Any]],
    articles: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """The incident record from its member event records and their articles
    (``articles[article_id]``: ``source``, ``published`` (ISO date or None), ``story_id``)."""
    reports = sorted(reports, key=lambda r: (r.get("published") or "", r["article_id"], r["event_id"]))
    for r in reports:
        art = articles.get(r["article_id"], {})
        r["_outlet"] = art.get("source") or r.get("source")
        r["_story"] = art.get("story_id") or r["article_id"]
        r["_claimant"] = claimant_of(r, r["_outlet"])
    published = sorted(
        p for p in ((articles.get(r["article_id"], {}).get("published") or r.get("published")) for r in reports) if p
    )
    stories: dict[str, dict[str, Any]] = {}
    for r in reports:
        s = stories.setdefault(r["_story"], {"story_id": r["_story"], "articles": [], "outlets": []})
        if r["article_id"] not in s["articles"]:
            s["articles"].append(r["article_id"])
        if r["_outlet"] and r["_outlet"] not in s["outlets"]:
            s["outlets"].append(r["_outlet"])
    outlets = sorted({r["_outlet"] for r in reports if r["_outlet"]})
    claimants = sorted({c for r in reports for c in (r.get("claim_source") or [])})
    dead, injured = _figures(reports, "dead"), _figures(reports, "injured")
    conflicts = []
    for name, fig in (("dead", dead), ("injured", injured)):
        if fig["conflict"]:
            shown = [str(v) for v in fig["values"]] + [f"at least {v}" for v in fig["floors"] if v not in fig["values"]]
            conflicts.append(f"{name}: " + " vs ".join(shown))
    out_reports = [
        {
            "event_id": r["event_id"],
            "article_id": r["article_id"],
            "story_id": r["_story"],
            "outlet": r["_outlet"],
            "published": articles.get(r["article_id"], {}).get("published") or r.get("published"),
            "claimant": r["_claimant"],
            "claim_source": r.get("claim_source") or [],
            "dead": (r.get("size") or {}).get("dead"),
            "injured": (r.get("size") or {}).get("injured"),
            "date": r.get("date"),
            "location": (r.get("location") or {}).get("name") or (r.get("location") or {}).get("text"),
            "modality": r.get("modality"),
            "confidence": r.get("confidence"),
            "evidence": (r.get("evidence") or {}).get("sentence"),
        }
        for r in reports
    ]
    for r in reports:
        for k in ("_outlet", "_story", "_claimant"):
            r.pop(k, None)
    return {
        "schema": INCIDENT_SCHEMA,
        "incident_id": incident_id,
        "plover_type": _most_common([r.get("plover_type") for r in reports]),
        "acled_event_type": _most_common([r.get("acled_event_type") for r in reports]),
        "acled_sub_event_type": _most_common([r.get("acled_sub_event_type") for r in reports]),
        "date": _best_date(reports),
        "location": _best_place(reports),
        "first_report": published[0] if published else None,
        "last_report": published[-1] if published else None,
        "n_reports": len(reports),
        "n_articles": len({r["article_id"] for r in reports}),
        "n_stories": len(stories),
        "n_outlets": len(outlets),
        "outlets": outlets,
        "claimants": claimants,
        "stories": list(stories.values()),
        "dead": dead,
        "injured": injured,
        "conflicts": conflicts,
        "max_confidence": max((float(r.get("confidence") or 0) for r in reports), default=0.0),
        "reports": out_reports,
    }
