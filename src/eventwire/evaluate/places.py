"""Geoparsing evaluation on GWN/LGL-style JSONL files.

Each line: {"id", "text", "toponyms": [{"start", "end", "name", "lat", "lon", ...}]}.

* Resolution on gold spans: every gold toponym is passed to ``resolve_document`` as a mention; a
  resolution is correct when it lies within 161 km (100 miles) of the gold point, the customary
  geoparsing threshold. Gold spans that are demonyms ("Syrian", "American": GWN and LGL annotate
  them with their country's coordinates) are not places for eventwire, so they are reported apart
  (``n_demonyms``) and left out of ``acc161``; ``acc161_all`` counts them as misses.
* End to end (optional): spaCy GPE/LOC/FAC entities are the mentions; a predicted toponym is a true
  positive when it overlaps an unmatched gold span and resolves within 161 km of it.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import Any

from ..errors import E_BAD_DUMP, E_NOT_FOUND, InputError
from ..places import PlaceResolver, haversine_km

ACC_KM = 161.0
NER_LABELS = ("GPE", "LOC", "FAC")


def _read(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise InputError(E_NOT_FOUND, f"evaluation file {path} does not exist")
    records = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                rec["text"], rec["toponyms"]  # noqa: B018 - both fields are required
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(E_BAD_DUMP, f"{path}:{lineno}: not a geoparsing record ({exc})") from exc
            records.append(rec)
    return records


def evaluate_places(
    path: str | Path, end_to_end: bool = False, resolver: PlaceResolver | None = None
) -> dict[str, Any]:
    """Figures for one JSONL file: n, acc161, mean_km, median_km (+ precision/recall/f1 end to end)."""
    records = _read(Path(path))
    resolver = resolver or PlaceResolver.load()
    errors: list[float] = []
    sub_country: list[float] = []  # spans below country level (gold type not a country or continent)
    n_total = n_demonyms = n_unresolved = 0
    for rec in records:
        gold = [t for t in rec["toponyms"] if t.get("lat") is not None and t.get("lon") is not None]
        mentions = [(int(t["start"]), int(t["end"]), "GOLD") for t in gold]
        places = resolver.resolve_document(rec["text"], mentions)
        for tp, place in zip(gold, places, strict=True):
            n_total += 1
            if place.lat is None or place.lon is None:
                if (place.reason or "").startswith("demonym"):
                    n_demonyms += 1
                    continue
                n_unresolved += 1
                errors.append(float("inf"))
                if not _country_level(tp, place.precision):
                    sub_country.append(float("inf"))
                continue
            errors.append(haversine_km(place.lat, place.lon, float(tp["lat"]), float(tp["lon"])))
            if not _country_level(tp, place.precision):
                sub_country.append(errors[-1])
    n = len(errors)
    hits = sum(1 for e in errors if e <= ACC_KM)
    finite = [e for e in errors if e != float("inf")]
    result: dict[str, Any] = {
        "file": str(path),
        "articles": len(records),
        "n": n,
        "acc161": round(hits / n, 4) if n else 0.0,
        "mean_km": round(statistics.fmean(finite), 1) if finite else None,
        "median_km": round(statistics.median(finite), 1) if finite else None,
        "n_unresolved": n_unresolved,
        "n_demonyms": n_demonyms,
        "acc161_all": round(hits / n_total, 4) if n_total else 0.0,
        # country- and continent-level gold spans apart: how the resolver does on the harder rest
        "n_country_level": n - len(sub_country),
        "acc161_below_country": (
            round(sum(1 for e in sub_country if e <= ACC_KM) / len(sub_country), 4) if sub_country else 0.0
        ),
    }
    if end_to_end:
        result.update(_end_to_end(records, resolver))
    return result


def _country_level(toponym: dict[str, Any], precision: str | None) -> bool:
    """Gold spans typed as a country (GeoNames A.PCL*) or a continent (L.CONT); where the gold type is
    not a GeoNames feature code (GWN types readings: Literal, Metonymic...), spans the resolver put at
    country level or coarser."""
    kind = str(toponym.get("type") or "")
    if "." in kind:
        return kind.startswith("A.PCL") or kind == "L.CONT"
    return precision in ("country", None)


def _end_to_end(records: list[dict[str, Any]], resolver: PlaceResolver) -> dict[str, Any]:
    from ..nlp import load_spacy

    nlp = load_spacy()
    tp = n_pred = n_gold = n_matched = 0
    for rec, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        gold = [t for t in rec["toponyms"] if t.get("lat") is not None and t.get("lon") is not None]
        n_gold += len(gold)
        mentions = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in NER_LABELS]
        places = [p for p in resolver.resolve_document(rec["text"], mentions) if p.lat is not None]
        n_pred += len(places)
        used: set[int] = set()
        for place in places:
            for i, g in enumerate(gold):
                if i in used or place.start is None or place.end is None:
                    continue
                if place.start < int(g["end"]) and int(g["start"]) < place.end:
                    used.add(i)
                    n_matched += 1
                    if haversine_km(place.lat, place.lon, float(g["lat"]), float(g["lon"])) <= ACC_KM:  # type: ignore[arg-type]
                        tp += 1
                    break
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "e2e_precision": round(precision, 4),
        "e2e_recall": round(recall, 4),
        "e2e_f1": round(f1, 4),
        "e2e_acc161": round(tp / n_matched, 4) if n_matched else 0.0,
        "e2e_predicted": n_pred,
        "e2e_gold": n_gold,
    }
