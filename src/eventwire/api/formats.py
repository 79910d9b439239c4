"""Flat shapes of the public record for the HTTP API: the CSV row (ACLED-like columns) and the
GeoJSON feature, each derived from the one record (never computed separately)."""

from __future__ import annotations

import csv
import io
from typing import Any

# Flattened columns of the CSV format (one row per event, ACLED-like); JSON keeps the full record.
CSV_COLUMNS = (
    "event_id", "article_id", "event_date", "date_end", "date_precision", "plover_type", "plover_mode",
    "acled_event_type", "acled_sub_event_type", "cameo_root", "actor1", "actor1_country", "actor1_sector",
    "actor2", "actor2_country", "actor2_sector", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "dead", "injured", "claim_source", "modality", "confidence", "incident_id", "source",
    "published", "evidence", "extractor_version",
)


# OWASP's CSV injection advice: a text cell starting with one of these runs as a formula in a
# spreadsheet, so it gets a leading apostrophe. Nothing else is touched: an empty cell stays empty.
FORMULA_START = ("=", "+", "-", "@")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_cells(row: dict[str, Any]) -> dict[str, Any]:
    return {k: safe_cell(v) for k, v in row.items()}


def flat(rec: dict[str, Any]) -> dict[str, Any]:
    actors = [a for a in rec.get("actors") or [] if a.get("role") == "actor"]
    recips = [a for a in rec.get("actors") or [] if a.get("role") != "actor"]
    loc = rec.get("location") or {}
    date = rec.get("date") or {}
    size = rec.get("size") or {}

    def actor(lst: list[dict[str, Any]], key: str) -> Any:
        return "; ".join(str(a.get(key) or a.get("text") if key == "name" else a.get(key) or "") for a in lst)

    return {
        "event_id": rec.get("event_id"), "article_id": rec.get("article_id"),
        "event_date": date.get("start"), "date_end": date.get("end"), "date_precision": date.get("precision"),
        "plover_type": rec.get("plover_type"), "plover_mode": rec.get("plover_mode"),
        "acled_event_type": rec.get("acled_event_type"), "acled_sub_event_type": rec.get("acled_sub_event_type"),
        "cameo_root": rec.get("cameo_root"),
        "actor1": actor(actors, "name"), "actor1_country": actor(actors, "country"),
        "actor1_sector": actor(actors, "sector"),
        "actor2": actor(recips, "name"), "actor2_country": actor(recips, "country"),
        "actor2_sector": actor(recips, "sector"),
        "country": loc.get("country"), "admin1": loc.get("admin1"), "location": loc.get("name") or loc.get("text"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"), "geo_precision": loc.get("precision"),
        "dead": size.get("dead"), "injured": size.get("injured"),
        "claim_source": "; ".join(rec.get("claim_source") or []), "modality": rec.get("modality"),
        "confidence": rec.get("confidence"), "incident_id": rec.get("incident_id"), "source": rec.get("source"),
        "published": rec.get("published"), "evidence": (rec.get("evidence") or {}).get("sentence"),
        "extractor_version": rec.get("extractor_version"),
    }


def to_csv(records: list[dict[str, Any]], wanted: list[str] | None) -> str:
    cols = wanted or list(CSV_COLUMNS)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for rec in records:
        row = flat(rec)
        w.writerow(safe_cells(row))
    return buf.getvalue()


def to_geojson(records: list[dict[str, Any]], meta: dict[str, Any]) -> dict[str, Any]:
    feats = []
    for rec in records:
        loc = rec.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        feats.append({
            "type": "Feature",
            "id": rec.get("event_id"),
            "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
            "properties": rec,
        })
    return {"type": "FeatureCollection", **meta, "features": feats}


__all__ = ["CSV_COLUMNS", "flat", "safe_cell", "safe_cells", "to_csv", "to_geojson"]
