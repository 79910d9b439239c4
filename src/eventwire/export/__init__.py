"""Exports, all derived from the one public record (never computed separately).

Each writer takes an iterable of record dicts (``Event.to_dict()``) and a text stream.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import pycountry

from ..countries import alpha3_to_2

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

FLAT_COLUMNS = (
    "event_id", "article_id", "plover_type", "plover_mode", "context", "acled_event_type",
    "acled_sub_event_type", "cameo_root", "actor", "actor_country", "actor_sector", "recipient",
    "recipient_country", "recipient_sector", "location", "country", "admin1", "lat", "lon",
    "geo_precision", "date_start", "date_end", "date_precision", "date_text", "dead", "injured",
    "arrested", "claim_source", "modality", "confidence", "evidence", "evidence_start",
    "evidence_end", "incident_id",
)  # fmt: skip

# ACLED "inter" codes by PLOVER sector: 1 state forces, 2 rebels, 3 political militias,
# 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
_INTER_BY_SECTOR = {
    "MIL": 1, "COP": 1, "GOV": 1, "SPY": 1, "JUD": 1, "LEG": 1,
    "REB": 2, "UAF": 3, "PTY": 3, "OPP": 6, "CVL": 7, "JRN": 7, "MED": 7, "REL": 7, "EDU": 7,
    "BUS": 7, "REF": 7, "LAB": 6, "IGO": 8,
}  # fmt: skip

_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def _parties(rec: dict[str, Any], role: str) -> list[dict[str, Any]]:
    return [a for a in rec.get("actors") or [] if a.get("role") == role]


_ACLED_SECTOR_NAMES = {
    "MIL": "Military Forces of {c}",
    "GOV": "Government of {c}",
    "COP": "Police Forces of {c}",
    "REB": "Rebel Groups ({c})",
    "CVL": "Civilians ({c})",
    "OPP": "Protesters ({c})",
    "JRN": "Journalists ({c})",
    "UAF": "Unidentified Armed Group ({c})",
}


def _label(a: dict[str, Any]) -> str:
    """ACLED-style actor names: the resolved name, else '<sector> of <country>', else the text."""
    if a.get("name"):
        return str(a["name"])
    c = a.get("country")
    pattern = _ACLED_SECTOR_NAMES.get(a.get("sector") or "")
    if c and pattern:
        return pattern.format(c=_country_name3(c))
    return a.get("text") or ""


def _join(xs: Iterable[str]) -> str:
    return "; ".join(x for x in xs if x)


# ACLED names countries as newsrooms do, not by ISO's formal names.
_SHORT_NAMES = {
    "Syrian Arab Republic": "Syria", "Iran, Islamic Republic of": "Iran", "Russian Federation": "Russia",
    "Korea, Republic of": "South Korea", "Korea, Democratic People's Republic of": "North Korea",
    "Venezuela, Bolivarian Republic of": "Venezuela", "Bolivia, Plurinational State of": "Bolivia",
    "Tanzania, United Republic of": "Tanzania", "Congo, The Democratic Republic of the": "Democratic Republic of Congo",
    "Congo": "Republic of Congo", "Moldova, Republic of": "Moldova", "Lao People's Democratic Republic": "Laos",
    "Viet Nam": "Vietnam", "Palestine, State of": "Palestine", "Türkiye": "Turkey",
    "Taiwan, Province of China": "Taiwan", "Brunei Darussalam": "Brunei", "Micronesia, Federated States of": "Micronesia",
    "Côte d'Ivoire": "Ivory Coast", "Cabo Verde": "Cape Verde", "Czechia": "Czech Republic",
}  # fmt: skip


def _country_name(alpha2: str | None) -> str:
    if not alpha2:
        return ""
    c = pycountry.countries.get(alpha_2=alpha2.upper())
    if not c:
        return alpha2
    return _SHORT_NAMES.get(c.name, getattr(c, "common_name", None) or c.name)


def _country_name3(alpha3: str) -> str:
    c = pycountry.countries.get(alpha_3=alpha3)
    return _country_name(c.alpha_2) if c else alpha3


def _inter(parties: list[dict[str, Any]], home: str | None) -> int | str:
    if not parties:
        return ""
    a = parties[0]
    code = _INTER_BY_SECTOR.get(a.get("sector") or "")
    if code == 1 and home and a.get("country") and alpha3_to_2(a["country"]) != home:
        return 8  # foreign state forces are "external" in ACLED's coding
    return code or ""


def acled_row(rec: dict[str, Any]) -> dict[str, Any]:
    loc = rec.get("location") or {}
    date = rec.get("date") or {}
    size = rec.get("size") or {}
    actors, recips = _parties(rec, "actor"), _parties(rec, "recipient")
    home = loc.get("country")
    i1, i2 = _inter(actors, home), _inter(recips, home)
    interaction = "".join(str(x) for x in sorted(x for x in (i1, i2) if isinstance(x, int))) if i1 != "" else ""
    start = date.get("start")
    precision = date.get("precision")
    time_precision = {"day": 1, "week": 2, "range": 2}.get(precision or "", 3) if start else ""
    geo_precision = {"town": 1, "admin2": 2, "admin1": 3, "country": 3}.get(loc.get("precision") or "", "")
    iso_num: int | str = ""
    if home:
        c = pycountry.countries.get(alpha_2=home.upper())
        iso_num = int(c.numeric) if c else ""
    civ = "Civilian targeting" if any(a.get("sector") == "CVL" for a in recips) else ""
    return {
        "event_id_cnty": rec.get("event_id"),
        "event_date": start or "",
        "year": start[:4] if start else "",
        "time_precision": time_precision,
        "disorder_type": _DISORDER.get(rec.get("acled_event_type") or "", ""),
        "event_type": rec.get("acled_event_type") or "",
        "sub_event_type": rec.get("acled_sub_event_type") or "",
        "actor1": _label(actors[0]) if actors else "",
        "assoc_actor_1": _join(_label(a) for a in actors[1:]),
        "inter1": i1,
        "actor2": _label(recips[0]) if recips else "",
        "assoc_actor_2": _join(_label(a) for a in recips[1:]),
        "inter2": i2,
        "interaction": interaction,
        "civilian_targeting": civ,
        "iso": iso_num,
        "region": "",
        "country": _country_name(home),
        "admin1": loc.get("admin1") or "",
        "admin2": loc.get("admin2") or "",
        "admin3": "",
        "location": loc.get("name") or loc.get("text") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": geo_precision,
        "source": _join([rec.get("source") or "", *(rec.get("claim_source") or [])]),
        "source_scale": "",
        "notes": (rec.get("evidence") or {}).get("sentence", ""),
        "fatalities": size.get("dead") if size.get("dead") is not None else 0,
        "tags": _join(
            [f"modality: {rec.get('modality')}" if rec.get("modality") != "asserted" else ""]
            + ([f"at least {size.get('dead')}"] if size.get("dead_lower_bound") else [])
        ),
        "timestamp": int(dt.datetime.now(dt.timezone.utc).timestamp()),
    }


def flat_row(rec: dict[str, Any]) -> dict[str, Any]:
    loc = rec.get("location") or {}
    date = rec.get("date") or {}
    size = rec.get("size") or {}
    ev = rec.get("evidence") or {}
    actors, recips = _parties(rec, "actor"), _parties(rec, "recipient")
    return {
        "event_id": rec.get("event_id"),
        "article_id": rec.get("article_id"),
        "plover_type": rec.get("plover_type"),
        "plover_mode": rec.get("plover_mode") or "",
        "context": "|".join(rec.get("context") or []),
        "acled_event_type": rec.get("acled_event_type") or "",
        "acled_sub_event_type": rec.get("acled_sub_event_type") or "",
        "cameo_root": rec.get("cameo_root") or "",
        "actor": _join(_label(a) for a in actors),
        "actor_country": _join(a.get("country") or "" for a in actors),
        "actor_sector": _join(a.get("sector") or "" for a in actors),
        "recipient": _join(_label(a) for a in recips),
        "recipient_country": _join(a.get("country") or "" for a in recips),
        "recipient_sector": _join(a.get("sector") or "" for a in recips),
        "location": loc.get("name") or loc.get("text") or "",
        "country": loc.get("country") or "",
        "admin1": loc.get("admin1") or "",
        "lat": loc.get("lat") if loc.get("lat") is not None else "",
        "lon": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": loc.get("precision") or "",
        "date_start": date.get("start") or "",
        "date_end": date.get("end") or "",
        "date_precision": date.get("precision") or "",
        "date_text": date.get("text") or "",
        "dead": "" if size.get("dead") is None else size["dead"],
        "injured": "" if size.get("injured") is None else size["injured"],
        "arrested": "" if size.get("arrested") is None else size["arrested"],
        "claim_source": _join(rec.get("claim_source") or []),
        "modality": rec.get("modality"),
        "confidence": rec.get("confidence"),
        "evidence": ev.get("sentence", ""),
        "evidence_start": ev.get("start"),
        "evidence_end": ev.get("end"),
        "incident_id": rec.get("incident_id") or "",
    }


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_json(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    recs = list(records)
    json.dump(recs, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(recs)


def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    return _write_rows((flat_row(r) for r in records), FLAT_COLUMNS, out)


def write_acled(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """ACLED codes only what has an ACLED category: verbal events (CONSULT, ACCUSE ...) are left out."""
    return _write_rows((acled_row(r) for r in records if r.get("acled_event_type")), ACLED_COLUMNS, out)


@contextmanager
def output_stream(path: Path | None) -> Iterator[TextIO]:
    """``path`` opened for writing (closed afterwards), or stdout (left open) when there is none."""
    if path is None:
        yield sys.stdout
        return
    with path.open("w", encoding="utf-8", newline="") as fh:
        yield fh


def _write_rows(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO) -> int:
    w = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    w.writeheader()
    n = 0
    for row in rows:
        w.writerow(row)
        n += 1
    return n


def to_geojson(records: Iterable[dict[str, Any]], id_key: str = "event_id") -> dict[str, Any]:
    """A FeatureCollection of the records (events, or incidents with ``id_key="incident_id"``) that have
    coordinates; the rest are counted, not placed."""
    features, unplaced = [], 0
    for rec in records:
        loc = rec.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            unplaced += 1
            continue
        features.append(
            {
                "type": "Feature",
                "id": rec.get(id_key),
                "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                "properties": rec,
            }
        )
    return {"type": "FeatureCollection", "features": features, "unplaced": unplaced}


def write_geojson(records: Iterable[dict[str, Any]], out: TextIO, id_key: str = "event_id") -> int:
    fc = to_geojson(records, id_key)
    json.dump(fc, out, ensure_ascii=False)
    out.write("\n")
    return len(fc["features"])


def plover_record(rec: dict[str, Any]) -> dict[str, Any]:
    """PLOVER's JSONL interchange shape (id, date, event_type, mode, context, actors, location)."""
    actors, recips = _parties(rec, "actor"), _parties(rec, "recipient")
    loc = rec.get("location") or {}
    return {
        "id": rec.get("event_id"),
        "date": (rec.get("date") or {}).get("start"),
        "event_type": rec.get("plover_type"),
        "mode": rec.get("plover_mode"),
        "context": rec.get("context") or [],
        "actor": _join(_label(a) for a in actors),
        "actor_country": _join(a.get("country") or "" for a in actors),
        "actor_sector": _join(a.get("sector") or "" for a in actors),
        "recipient": _join(_label(a) for a in recips),
        "recipient_country": _join(a.get("country") or "" for a in recips),
        "recipient_sector": _join(a.get("sector") or "" for a in recips),
        "location": {"name": loc.get("name"), "country": loc.get("country"), "lat": loc.get("lat"),
                     "lon": loc.get("lon"), "geonameid": loc.get("geonameid")} if loc else None,
        "event_text": (rec.get("evidence") or {}).get("sentence"),
        "story_id": rec.get("article_id"),
        "eventwire": rec,
    }


def write_plover(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    return write_jsonl((plover_record(r) for r in records), out)


WRITERS = {
    "jsonl": write_jsonl,
    "json": write_json,
    "csv": write_csv,
    "acled": write_acled,
    "geojson": write_geojson,
    "plover": write_plover,
}
