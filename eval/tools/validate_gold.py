#!/usr/bin/env python3
"""Check gold article files (`eventwire-gold/1`, ../shared/gold/FORMAT.md) before they enter the corpus.

Usage: validate_gold.py FILE.gold.json...   (exit 1 when any file has an error)

Checks: the text resolves (text_file or text_ref), every evidence is an exact substring of the text,
PLOVER types, modalities, precisions, ISO codes, sectors, dates, ids and same_incident_as links.
Standard library plus pycountry (installed with eventwire).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODALITY = {"asserted", "hypothetical", "future", "negated", "denied", "threatened"}
LOC_PRECISION = {"town", "admin2", "admin1", "country", None}
DATE_PRECISION = {"day", "week", "month", "year", "range", "reported"}
SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM",
           "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO", "NGO", "HLH",
           "DEV", "MOD", "RAD", "ETH", None}
NON_STATE = {"IGO", "UNO", "EUR", "NATO", "AFR", "ASA", "MEA", "WSB", "SAM", "NAF", "XKX", "PSE", "NGO", "MNC"}


def text_of(path: Path, art: dict) -> str:
    ref = art.get("text_ref")
    if ref:
        src = (path.parent / ref["file"]).resolve()
        for line in src.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                rec = json.loads(line)
                if rec.get("id") == ref["id"]:
                    return rec[ref.get("field", "text")]
        raise ValueError(f"no record {ref['id']!r} in {src}")
    return (path.parent / art["text_file"]).read_text(encoding="utf-8")


def check(path: Path) -> list[str]:
    import pycountry

    errs: list[str] = []
    try:
        g = json.loads(path.read_text(encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001
        return [f"not JSON: {exc}"]
    if g.get("format") != "eventwire-gold/1":
        errs.append("format must be 'eventwire-gold/1'")
    art = g.get("article") or {}
    try:
        text = text_of(path, art)
    except Exception as exc:  # noqa: BLE001
        return errs + [f"text: {exc}"]
    if art.get("published"):
        try:
            dt.date.fromisoformat(art["published"])
        except ValueError:
            errs.append(f"article.published {art['published']!r} is not YYYY-MM-DD")
    ids = [e.get("id") for e in g.get("events", [])]
    if len(ids) != len(set(ids)):
        errs.append("duplicate event ids")

    def iso3_ok(c: str | None) -> bool:
        return c is None or c in NON_STATE or pycountry.countries.get(alpha_3=c) is not None

    for e in g.get("events", []):
        eid = e.get("id", "?")
        where = f"{eid}:"
        ev = e.get("evidence") or ""
        if not ev or ev not in text:
            errs.append(f"{where} evidence not an exact substring of the text: {ev[:70]!r}")
        if not isinstance(e.get("required"), bool):
            errs.append(f"{where} required must be true/false")
        p = e.get("plover") or {}
        if p.get("type") not in PLOVER:
            errs.append(f"{where} plover.type {p.get('type')!r} is not a PLOVER type")
        for alt in p.get("alt_types", []):
            if alt not in PLOVER:
                errs.append(f"{where} alt_type {alt!r} is not a PLOVER type")
        if e.get("modality", "asserted") not in MODALITY:
            errs.append(f"{where} modality {e.get('modality')!r}")
        for role in ("actor", "recipient"):
            if not isinstance(e.get(role), list):
                errs.append(f"{where} {role} must be a list")
                continue
            for a in e[role]:
                if not iso3_ok(a.get("country")):
                    errs.append(f"{where} {role} country {a.get('country')!r} is not ISO 3166 alpha-3")
                if a.get("sector") not in SECTORS:
                    errs.append(f"{where} {role} sector {a.get('sector')!r} unknown")
        loc = e.get("location")
        if loc:
            c = loc.get("country")
            if c and pycountry.countries.get(alpha_2=c) is None and c != "XK":
                errs.append(f"{where} location.country {c!r} is not ISO 3166 alpha-2")
            if loc.get("precision") not in LOC_PRECISION:
                errs.append(f"{where} location.precision {loc.get('precision')!r}")
            if ("lat" in loc) != ("lon" in loc):
                errs.append(f"{where} give lat and lon together")
        d = e.get("date")
        if d:
            try:
                lo = dt.date.fromisoformat(d["start"])
                hi = dt.date.fromisoformat(d.get("end") or d["start"])
                if hi < lo:
                    errs.append(f"{where} date end before start")
            except (KeyError, TypeError, ValueError):
                errs.append(f"{where} date start/end must be YYYY-MM-DD")
            if d.get("precision") not in DATE_PRECISION:
                errs.append(f"{where} date.precision {d.get('precision')!r}")
        size = e.get("size")
        if size is not None:
            for k, v in size.items():
                if v is not None and not isinstance(v, int):
                    errs.append(f"{where} size.{k} must be an integer or null")
        for other in e.get("same_incident_as", []):
            if other not in ids:
                errs.append(f"{where} same_incident_as names unknown event {other!r}")
        if not isinstance(e.get("claim_source", []), list):
            errs.append(f"{where} claim_source must be a list")
    for ne in g.get("not_events", []):
        if ne.get("evidence") not in text:
            errs.append(f"not_event evidence not in text: {str(ne.get('evidence'))[:60]!r}")
    return errs


def main(argv: list[str]) -> int:
    bad = 0
    for name in argv:
        errs = check(Path(name))
        if errs:
            bad += 1
            print(f"{name}: {len(errs)} error(s)")
            for e in errs:
                print("  -", e)
        else:
            print(f"{name}: ok")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
