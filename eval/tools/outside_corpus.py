"""Events eventwire codes in GWN dev records that the team corpus does not annotate: ordinary news of one
week of 2018 (sport, business, culture, local crime, a few conflict and protest stories). There is no gold,
so this is no score: it lists what the coder outputs, by type and with the parties' sectors, so that classes
of false events in everyday news (business deals, celebrity news, metaphors) can be read on text no rule was
written for. Crime and protest news here may hold real events (the guidelines code them).

    .venv/bin/python eval/tools/outside_corpus.py            # every event, then counts
    .venv/bin/python eval/tools/outside_corpus.py --counts   # counts only
    .venv/bin/python eval/tools/outside_corpus.py --half A   # read half A's events
    .venv/bin/python eval/tools/outside_corpus.py --half B   # half B: counts only, never read

The two halves are fixed by sha256('outsidehalf:' + stem), chosen before any event of round 7 was read:
rules are written looking at half A, and half B is only counted, so that its count says how a change holds
on everyday news nobody tuned on.

The records are those of ../shared/data/gwn/dev.jsonl whose stem (gwn-<id>) is in neither
eval/corpus/splits.tsv nor eval/corpus/raw/*/.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
from pathlib import Path

from eventwire.pipeline import Pipeline
from eventwire.records import Article

ROOT = Path(__file__).resolve().parents[2]
GWN = ROOT.parent / "shared" / "data" / "gwn" / "dev.jsonl"


def annotated_stems() -> set[str]:
    corpus = ROOT / "eval" / "corpus"
    stems = {line.split("\t")[0] for line in (corpus / "splits.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")}
    return stems | {p.name.removesuffix(".gold.json") for p in (corpus / "raw").glob("*/*.gold.json")}


def half_of(stem: str) -> str:
    """'A' (read) or 'B' (only counted): the record's fixed half, by sha256('outsidehalf:' + stem)."""
    return "A" if int(hashlib.sha256(f"outsidehalf:{stem}".encode()).hexdigest(), 16) % 2 == 0 else "B"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--counts", action="store_true", help="print the counts only")
    ap.add_argument("--half", choices=["A", "B"], help="one fixed half only; B prints counts only")
    a = ap.parse_args(argv)
    skip = annotated_stems()
    pipe = Pipeline()
    by_type: collections.Counter[str] = collections.Counter()
    articles = with_events = 0
    for line in GWN.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        rec = json.loads(line)
        stem = f"gwn-{rec['id']}"
        if stem in skip or a.half and half_of(stem) != a.half:
            continue
        articles += 1
        events = [e.to_dict() for e in pipe.extract_article(Article(article_id=stem, text=rec["text"]))]
        with_events += bool(events)
        for ev in events:
            by_type[ev["plover_type"]] += 1
            if not a.counts and a.half != "B":
                s, e = ev["evidence"]["start"], ev["evidence"]["end"]
                parties = "; ".join(f"{p['text']} [{p.get('sector') or '-'}]" for p in ev.get("actors", []))
                print(f"{stem:8} {ev['plover_type']:9} {' '.join(rec['text'][s:e].split())[:110]}  | {parties}")
    print(f"{articles} records, {with_events} with events, {sum(by_type.values())} events: "
          + ", ".join(f"{t} {n}" for t, n in by_type.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
