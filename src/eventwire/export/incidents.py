"""Incident-level exports, beside the event-level ones: JSONL (full records), CSV (one row per
incident, figures as low/best/high), GeoJSON (one point per incident at its best-precision place)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from . import _write_rows, to_geojson, write_geojson, write_jsonl

INCIDENT_COLUMNS = (
    "incident_id", "plover_type", "acled_event_type", "acled_sub_event_type", "date_start", "date_end",
    "date_precision", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
    "first_report", "last_report", "n_reports", "n_articles", "n_stories", "n_outlets", "outlets",
    "claimants", "dead_low", "dead_best", "dead_high", "injured_low", "injured_best", "injured_high",
    "conflicts", "dead_by_claimant", "event_ids",
)


def _join(xs: Iterable[str]) -> str:
    return "; ".join(xs)


def incident_row(rec: dict[str, Any]) -> dict[str, Any]:
    date, loc = rec.get("date") or {}, rec.get("location") or {}
    dead, injured = rec.get("dead") or {}, rec.get("injured") or {}
    by_claimant = [
        f"{e['claimant']} ({e.get('outlet') or 'unknown outlet'}): "
        + ", ".join(("at least " if f["lower_bound"] else "") + str(f["value"]) for f in e["figures"])
        for e in dead.get("by_claimant") or []
    ]
    return {
        "incident_id": rec["incident_id"],
        "plover_type": rec.get("plover_type"),
        "acled_event_type": rec.get("acled_event_type") or "",
        "acled_sub_event_type": rec.get("acled_sub_event_type") or "",
        "date_start": date.get("start") or "",
        "date_end": date.get("end") or "",
        "date_precision": date.get("precision") or "",
        "country": loc.get("country") or "",
        "admin1": loc.get("admin1") or "",
        "location": loc.get("name") or "",
        "latitude": "" if loc.get("lat") is None else loc["lat"],
        "longitude": "" if loc.get("lon") is None else loc["lon"],
        "geo_precision": loc.get("precision") or "",
        "first_report": rec.get("first_report") or "",
        "last_report": rec.get("last_report") or "",
        "n_reports": rec.get("n_reports"),
        "n_articles": rec.get("n_articles"),
        "n_stories": rec.get("n_stories"),
        "n_outlets": rec.get("n_outlets"),
        "outlets": _join(rec.get("outlets") or []),
        "claimants": _join(rec.get("claimants") or []),
        "dead_low": "" if dead.get("low") is None else dead["low"],
        "dead_best": "" if dead.get("best") is None else dead["best"],
        "dead_high": "" if dead.get("high") is None else dead["high"],
        "injured_low": "" if injured.get("low") is None else injured["low"],
        "injured_best": "" if injured.get("best") is None else injured["best"],
        "injured_high": "" if injured.get("high") is None else injured["high"],
        "conflicts": _join(rec.get("conflicts") or []),
        "dead_by_claimant": _join(by_claimant),
        "event_ids": _join(r["event_id"] for r in rec.get("reports") or []),
    }


def write_incidents_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    return write_jsonl(records, out)


def write_incidents_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    return _write_rows((incident_row(r) for r in records), INCIDENT_COLUMNS, out)


def incidents_geojson(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """One Feature per placed incident (its reports in ``properties.reports``); the rest counted."""
    return to_geojson(records, id_key="incident_id")


def write_incidents_geojson(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    return write_geojson(records, out, id_key="incident_id")


INCIDENT_WRITERS = {
    "jsonl": write_incidents_jsonl,
    "csv": write_incidents_csv,
    "geojson": write_incidents_geojson,
}
