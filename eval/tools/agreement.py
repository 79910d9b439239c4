#!/usr/bin/env python3
"""Inter-annotator agreement: score one annotation against the other with the shared scorer.

    python eval/tools/agreement.py                 # second annotations (raw/a7, a8, a11, a17, a23-a26) vs primary ones

Each second-annotation gold file is turned into system-event records (evidence offsets, PLOVER type,
parties, place, date, deaths, modality, claim source; every event, required or not), written as
<stem>.jsonl, and `shared/tools/score_events.py --events-dir` scores them against the primary file, and
the other way round. Prints both directions and their mean; --json FILE keeps every number.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "corpus"
SHARED = Path(__file__).resolve().parents[3] / "shared"
sys.path.insert(0, str(SHARED / "tools"))
from score_events import load_gold  # noqa: E402

PRIMARY = ("a1", "a2", "a3", "a4", "a6", "a9", "a10", "a12", "a13", "a14", "a15", "a16", "a18", "a19", "a20", "a21",
           "a22", "lead")
# a23-a26 (round 12) annotated 117 passages already annotated by another (the round's selection failed to leave the
# corpus out): their files of those passages are second annotations; their 30 new passages have no primary and are skipped
SECOND = ("a7", "a8", "a11", "a17", "a23", "a24", "a25", "a26")


def as_events(path: Path) -> list[dict]:
    g, _, _ = load_gold(str(path))
    out = []
    for e in g["events"]:
        s, t = e["_span"]
        actors = [{"role": "actor", "text": a.get("text"), "country": a.get("country"), "sector": a.get("sector")}
                  for a in e.get("actor", [])]
        actors += [{"role": "recipient", "text": a.get("text"), "country": a.get("country"), "sector": a.get("sector")}
                   for a in e.get("recipient", [])]
        out.append({
            "plover_type": e["plover"]["type"],
            "evidence": {"start": s, "end": t, "sentence": e["evidence"]},
            "actors": actors,
            "location": e.get("location"),
            "date": e.get("date"),
            "size": e.get("size") or {},
            "modality": e.get("modality", "asserted"),
            "claim_source": e.get("claim_source") or [],
            "incident_id": None,
        })
    return out


def score(golds: list[Path], systems: dict[str, Path], tmp: Path, tag: str) -> dict:
    d = tmp / tag
    d.mkdir()
    for g in golds:
        stem = g.name.replace(".gold.json", "")
        (d / f"{stem}.jsonl").write_text("\n".join(json.dumps(e) for e in as_events(systems[stem])) + "\n")
    out = tmp / f"{tag}.json"
    subprocess.run([sys.executable, str(SHARED / "tools" / "score_events.py"), *map(str, golds),
                    "--events-dir", str(d), "--json", str(out), "--quiet"], check=True, capture_output=True)
    return json.loads(out.read_text())


def scorer_readable_lgl() -> set[str]:
    """LGL records the shared scorer can load: it reads datasets with str.splitlines(), which also splits at
    the U+0085 inside record 38543581, so only the records before it load (eval/corpus/README.md)."""
    ids = set()
    for line in (SHARED / "data" / "lgl" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            ids.add(json.loads(line)["id"])
        except ValueError:
            break
    return ids


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--json")
    ap.add_argument("--second", action="append", choices=SECOND,
                    help="only this second annotator's articles (repeatable), e.g. --second a11 for round 7's passages")
    a = ap.parse_args()
    readable = scorer_readable_lgl()
    pairs = []
    for sec in a.second or SECOND:
        for f in sorted((ROOT / "raw" / sec).glob("*.gold.json")):
            stem = f.name.replace(".gold.json", "")
            prim = next((ROOT / "raw" / p / f.name for p in PRIMARY if (ROOT / "raw" / p / f.name).exists()), None)
            if prim is None or (stem.startswith("lgl-") and stem[4:] not in readable):
                continue
            pairs.append((stem, prim, f))
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        ab = score([p for _, p, _ in pairs], {s: f for s, _, f in pairs}, tmp, "second_vs_primary")
        ba = score([f for _, _, f in pairs], {s: p for s, p, _ in pairs}, tmp, "primary_vs_second")
    rows = {"articles": len(pairs),
            "second_scored_against_primary": {k: ab[k] for k in ("recall", "precision", "f1", "field_accuracy")},
            "primary_scored_against_second": {k: ba[k] for k in ("recall", "precision", "f1", "field_accuracy")}}
    rows["mean_f1"] = (ab["f1"] + ba["f1"]) / 2
    print(f"{len(pairs)} articles annotated twice")
    for k in ("second_scored_against_primary", "primary_scored_against_second"):
        r = rows[k]
        fa = ", ".join(f"{n} {v:.2f}" for n, v in r["field_accuracy"].items() if v is not None)
        print(f"{k}: recall {r['recall']:.2f} precision {r['precision']:.2f} F1 {r['f1']:.2f}; {fa}")
    print(f"inter-annotator event F1 (mean of both directions): {rows['mean_f1']:.2f}")
    if a.json:
        Path(a.json).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
