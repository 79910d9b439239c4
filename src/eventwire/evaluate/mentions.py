"""Mention-level scoring on exhaustively annotated documents (WikiEvents) and single-event passages (RAMS).

A system event matches a gold event mention when the gold trigger lies inside the system evidence span
and the gold type, mapped to PLOVER by the dataset's ``plover_mapping.tsv``, equals the system type.
Matching is one-to-one: pairs whose trigger words agree (the system trigger overlaps the gold trigger)
are taken first, then the rest by the smallest evidence span.

- WikiEvents marks every event of its ontology, so precision is measured too: over the system events
  whose type some gold type maps to. An ASSAULT left unmatched whose evidence holds a gold death,
  injury or damage trigger is right all the same (those are the attack's outcome, annotated apart).
- RAMS marks one event per passage: recall and argument accuracy only.

Arguments: on matched ASSAULT mentions, the share whose actor overlaps the Attacker and whose recipient
overlaps a Target/Victim (or any mention coreferent with it). "Overlaps" compares words, because system
parties carry their text, not offsets: two mentions overlap when they share a content word.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

# Roles that name who acts and who undergoes, across KAIROS (WikiEvents) and AIDA (RAMS) ontologies.
ACTOR_ROLES = {"attacker", "agent", "communicator", "demonstrator", "jailer", "giver", "prosecutor",
               "defendant_agent", "killer", "injurer", "participant", "requester", "threatener", "judgecourt"}
RECIPIENT_ROLES = {"target", "victim", "recipient", "detainee", "defendant", "injured", "prosecuted",
                   "beneficiary", "passenger"}
OUTCOME_TYPES = re.compile(r"^(life\.die|life\.injure|artifactexistence\.damagedestroy)", re.I)
STOP = {"the", "a", "an", "of", "and", "in", "on", "at", "to", "for", "by", "with", "from", "its", "his", "her",
        "their", "who", "which", "that", "this", "these", "those", "some", "other", "s", "forces"}


def load_mapping(path: str | Path) -> dict[str, str]:
    """source type -> PLOVER type (types with no default PLOVER type are left out)."""
    out: dict[str, str] = {}
    with Path(path).open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            plover = (row.get("plover_type") or "").strip()
            if plover and plover != "-":
                out[row["source_type"].strip().lower()] = plover
    return out


def default_mapping(data_file: str | Path) -> Path:
    return Path(data_file).resolve().parent / "plover_mapping.tsv"


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def training_records(shared: Path, name: str, exclude: set[str]) -> tuple[list[dict[str, Any]], dict[str, str]] | None:
    """A shared dev set the trigger and role models train on (``shared/data/<name>/dev.jsonl``), without the
    records in ``exclude`` (the team corpus's test split), with its PLOVER mapping; None when it is absent."""
    path = shared / "data" / name / "dev.jsonl"
    if not path.exists():
        return None
    records = [r for r in read_records(path) if str(r["id"]) not in exclude]
    return records, load_mapping(path.parent / "plover_mapping.tsv")


def half_of(record_id: str) -> str:
    """"A" or "B": the fixed split of a mentions file into the half whose misses one may read (A) and the
    half that is only scored (B), by sha256("mentionhalf:" + id). Fixed before anyone read an error."""
    return "A" if int(hashlib.sha256(f"mentionhalf:{record_id}".encode()).hexdigest(), 16) % 2 == 0 else "B"


def _sentence_of(doc: dict[str, Any], start: int) -> str:
    for a, b in doc.get("sentences") or []:
        if a <= start < b:
            return str(doc["text"][a:b])
    text = str(doc.get("text") or "")
    return text[max(0, start - 150):start + 150]


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in STOP and len(w) > 1}


def _overlaps(system_texts: Iterable[str], gold_texts: Iterable[str]) -> bool:
    gold = set().union(*(_words(t) for t in gold_texts)) if gold_texts else set()
    return any(_words(t) & gold for t in system_texts)


def _corefs(doc: dict[str, Any]) -> dict[str, list[str]]:
    """entity id -> texts of every mention of its cluster (and the cluster's informative text)."""
    by_id = {e["id"]: e["text"] for e in doc.get("entities", [])}
    out: dict[str, list[str]] = {}
    for cl in doc.get("coref", []):
        texts = [by_id[i] for i in cl["entity_ids"] if i in by_id] + [cl.get("informative_text") or ""]
        for i in cl["entity_ids"]:
            out[i] = texts
    return out


def _role_texts(ev: dict[str, Any], roles: set[str], corefs: dict[str, list[str]]) -> list[str]:
    texts: list[str] = []
    for arg in ev.get("arguments", []) + ev.get("informative_arguments", []):
        role = arg["role"].lower()
        if role in roles or any(role.endswith(r) for r in roles):
            texts.append(arg["text"])
            texts.extend(corefs.get(arg.get("entity_id") or "", []))
    return texts


def _match(gold: list[dict[str, Any]], system: list[dict[str, Any]]) -> dict[int, int]:
    """One-to-one {gold index: system index}; agreeing trigger words first, then the tightest evidence."""
    cands = []
    for gi, g in enumerate(gold):
        ts, te = g["trigger"]["start"], g["trigger"]["end"]
        for si, s in enumerate(system):
            ev = s.get("evidence") or {}
            if s.get("plover_type") != g["_plover"] or ev.get("start") is None:
                continue
            if not (ev["start"] <= ts and te <= ev["end"]):
                continue
            st, se = ev.get("trigger_start"), ev.get("trigger_end")
            agree = st is not None and se is not None and st < te and ts < se
            cands.append((0 if agree else 1, ev["end"] - ev["start"], si, gi))
    cands.sort()
    used: set[int] = set()
    match: dict[int, int] = {}
    for _, _, si, gi in cands:
        if si not in used and gi not in match:
            used.add(si)
            match[gi] = si
    return match


def score_document(doc: dict[str, Any], events: list[dict[str, Any]], mapping: dict[str, str],
                   exhaustive: bool) -> dict[str, Any]:
    gold = []
    outcomes: list[tuple[int, int]] = []
    for ev in doc.get("events", []):
        plover = mapping.get(ev["type"].lower())
        if plover:
            gold.append({**ev, "_plover": plover})
        if OUTCOME_TYPES.match(ev["type"]):
            outcomes.append((ev["trigger"]["start"], ev["trigger"]["end"]))
    mapped_types = set(mapping.values())
    system = [e for e in events if not exhaustive or e.get("plover_type") in mapped_types]
    match = _match(gold, system)
    corefs = _corefs(doc)
    right_unmatched = 0
    if exhaustive:
        used = set(match.values())
        for si, s in enumerate(system):
            ev = s.get("evidence") or {}
            if si in used or s.get("plover_type") != "ASSAULT" or ev.get("start") is None:
                continue
            if any(ev["start"] <= a and b <= ev["end"] for a, b in outcomes):
                right_unmatched += 1
    args = {"assault_actor": [0, 0], "assault_recipient": [0, 0], "actor": [0, 0], "recipient": [0, 0]}
    for gi, si in match.items():
        g, s = gold[gi], system[si]
        sys_actor = [a["text"] for a in s.get("actors", []) if a.get("role") == "actor"]
        sys_recip = [a["text"] for a in s.get("actors", []) if a.get("role") == "recipient"]
        want_actor = _role_texts(g, ACTOR_ROLES, corefs)
        want_recip = _role_texts(g, RECIPIENT_ROLES, corefs)
        for key, got, want in (("actor", sys_actor, want_actor), ("recipient", sys_recip, want_recip)):
            if not want:
                continue
            ok = _overlaps(got, want)
            args[key][0] += ok
            args[key][1] += 1
            if g["_plover"] == "ASSAULT":
                args[f"assault_{key}"][0] += ok
                args[f"assault_{key}"][1] += 1
    by_type: dict[str, list[int]] = {}
    for gi, g in enumerate(gold):
        t = by_type.setdefault(g["_plover"], [0, 0])
        t[0] += gi in match
        t[1] += 1
    # what a reader of the readable half needs to see a class of misses: the gold trigger in its sentence,
    # and for found events the gold parties beside the system's
    misses = [{"id": doc.get("id"), "type": g["_plover"], "source_type": g["type"], "trigger": g["trigger"]["text"],
               "sentence": _sentence_of(doc, g["trigger"]["start"]),
               "system": [(s.get("plover_type"), (s.get("evidence") or {}).get("text")) for s in system]}
              for gi, g in enumerate(gold) if gi not in match]
    parties = [{"id": doc.get("id"), "type": gold[gi]["_plover"], "trigger": gold[gi]["trigger"]["text"],
                "gold_actor": _role_texts(gold[gi], ACTOR_ROLES, {}),
                "gold_recipient": _role_texts(gold[gi], RECIPIENT_ROLES, {}),
                "actor": [a["text"] for a in system[si].get("actors", []) if a.get("role") == "actor"],
                "recipient": [a["text"] for a in system[si].get("actors", []) if a.get("role") == "recipient"],
                "sentence": _sentence_of(doc, gold[gi]["trigger"]["start"])}
               for gi, si in match.items()]
    return {
        "misses": misses,
        "parties": parties,
        "gold_mentions": len(gold),
        "matched": len(match),
        "system_events": len(system),
        "system_right": len(match) + right_unmatched,
        "by_type": by_type,
        "args": args,
        "system_types": dict(Counter(s.get("plover_type") for s in system)),
    }


def _share(pair: list[int]) -> float | None:
    return pair[0] / pair[1] if pair[1] else None


def aggregate(per: list[dict[str, Any]], exhaustive: bool, n_docs: int, errors: list[str]) -> dict[str, Any]:
    gold_n = sum(p["gold_mentions"] for p in per)
    matched = sum(p["matched"] for p in per)
    sys_n = sum(p["system_events"] for p in per)
    right = sum(p["system_right"] for p in per)
    recall = matched / gold_n if gold_n else 0.0
    precision = (right / sys_n if sys_n else 0.0) if exhaustive else None
    f1 = (2 * precision * recall / (precision + recall) if precision and recall else 0.0) if exhaustive else None
    by_type: dict[str, list[int]] = {}
    args: dict[str, list[int]] = {}
    for p in per:
        for t, (ok, n) in p["by_type"].items():
            acc = by_type.setdefault(t, [0, 0])
            acc[0] += ok
            acc[1] += n
        for k, (ok, n) in p["args"].items():
            acc = args.setdefault(k, [0, 0])
            acc[0] += ok
            acc[1] += n
    return {
        "n_docs": n_docs,
        "gold_mentions": gold_n,
        "system_events": sys_n,
        "matched": matched,
        "recall": recall,
        "precision": precision,
        "f1": f1,
        "recall_by_type": {t: ok / n for t, (ok, n) in sorted(by_type.items())},
        "gold_by_type": {t: n for t, (_, n) in sorted(by_type.items())},
        "assault_actor": _share(args.get("assault_actor", [0, 0])),
        "assault_recipient": _share(args.get("assault_recipient", [0, 0])),
        "argument_accuracy": {k: _share(args.get(k, [0, 0])) for k in ("actor", "recipient")},
        "argument_counts": args,
        "errors": errors,
    }


def evaluate_mentions(path: str | Path, pipeline: Any, mapping: str | Path | None = None,
                      exclude: set[str] | None = None, half: str | None = None,
                      details: bool = False) -> dict[str, Any]:
    """Run the pipeline over every record of a WikiEvents- or RAMS-style JSONL file and score it.

    ``half`` ("A" or "B") scores one fixed half only (:func:`half_of`); ``details`` adds the missed gold
    mentions and the parties of found ones, for reading (never for the half that is only scored)."""
    from ..sources import article_from_text

    table = load_mapping(mapping or default_mapping(path))
    records = [r for r in read_records(path) if str(r.get("id")) not in (exclude or set())
               and (not half or half_of(str(r.get("id"))) == half)]
    # RAMS passages carry exactly one annotated event; WikiEvents documents carry them all
    exhaustive = not all(len(r.get("events", [])) == 1 and "source_url" in r for r in records)
    per: list[dict[str, Any]] = []
    errors: list[str] = []
    by_origin: dict[str, dict[str, Any]] = {}
    articles = []
    for r in records:
        try:
            art = article_from_text(r["text"], f"{path}#{r['id']}", check_language=False)
        except Exception as exc:  # noqa: BLE001 - one bad record must not hide the others
            errors.append(f"{r['id']}: {exc}")
            continue
        articles.append(art)
        by_origin[str(art.origin)] = r
    for result in pipeline.process(articles):
        rec = by_origin[str(result.article.origin)]
        per.append(score_document(rec, [e.to_dict() for e in result.events], table, exhaustive))
    report = aggregate(per, exhaustive, len(per), errors)
    report["dataset"] = "exhaustive" if exhaustive else "single-event"
    report["half"] = half
    if details:
        report["misses"] = [m for p in per for m in p["misses"]]
        report["parties"] = [m for p in per for m in p["parties"]]
    return report


def format_report(r: dict[str, Any]) -> str:
    lines = [f"documents {r['n_docs']}, gold mentions {r['gold_mentions']} (mapped to PLOVER), "
             f"system events {r['system_events']}, matched {r['matched']}"]
    for t, v in r["recall_by_type"].items():
        lines.append(f"  recall {t:10s} {v:.2f}  (of {r['gold_by_type'][t]})")
    for k in ("assault_actor", "assault_recipient"):
        v = r[k]
        lines.append(f"  {k:18s} {'-' if v is None else f'{v:.2f}'}")
    for k, v in r["argument_accuracy"].items():
        lines.append(f"  argument {k:9s} {'-' if v is None else f'{v:.2f}'}")
    lines.extend(f"ERROR {e}" for e in r["errors"])
    if r["precision"] is None:
        lines.append(f"mentions: recall {r['recall']:.2f} over {r['n_docs']} passages (one event each)")
    else:
        lines.append(f"mentions: recall {r['recall']:.2f} precision {r['precision']:.2f} F1 {r['f1']:.2f} "
                     f"over {r['n_docs']} documents")
    return "\n".join(lines)
