#!/usr/bin/env python3
"""Pick passages of a public dev set for a new annotation round, outside everything the team corpus holds.

    .venv/bin/python eval/tools/pick_passages.py ../shared/data/rams/dev.jsonl --salt r13order: --n 40 [--half A]

A record is a candidate when (1) no gold file in eval/corpus/{dev,test,raw/*} annotates its record id (by id, not
by file name: round 12's selection matched shortened file stems and 129 of its 159 passages were already
annotated), (2) its outlet (the registrable part of its source_url's domain) has no article on the test side,
(3) no test-split record id of the corpus (test_ids.txt) is the record, no annotator skipped it (an id first on a
line of raw/*/SKIPPED.txt), and (4) it shares at most --max-overlap of
its 5-word shingles with any passage already annotated or already picked (RAMS stores overlapping windows of one
article under several ids). Candidates come in a fixed order, sha256(salt + id), so the pick is reproducible and
chosen before anyone reads a passage; --half keeps one of `eventwire eval mentions --half`'s halves. Prints one
record id per line, with its outlet, to hand to annotators (never eventwire's output on them).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

from eventwire.evaluate.gold import annotated_records, outlet_group
from eventwire.evaluate.mentions import half_of

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 5]) for i in range(len(words) - 4)}


def test_outlets(corpus: Path = CORPUS) -> set[str]:
    rows = [line.split("\t") for line in (corpus / "splits.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return {outlet_group(r[2]) for r in rows if len(r) > 2 and r[1] == "test"}


def skipped_records(corpus: Path = CORPUS) -> set[str]:
    """Record ids an annotator skipped (``raw/<annotator>/SKIPPED.txt``, the id first on its line; round 13's
    annotators skipped passages on the test side's topics, and the next pick offered them again)."""
    out: set[str] = set()
    for path in corpus.glob("raw/*/SKIPPED.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            first = (line.split() or [""])[0].strip("`,;:")
            if len(first) >= 8 and any(c.isdigit() for c in first):  # an id, not the first word of a sentence
                out.add(first)
    return out


def pick(dataset: Path, salt: str, n: int, half: str | None, max_overlap: float,
         corpus: Path = CORPUS) -> list[tuple[str, str]]:
    records = {str(r["id"]): r for r in map(json.loads, dataset.read_text(encoding="utf-8").splitlines())}
    taken = {rid for name, rid in annotated_records(corpus) if name == dataset.name}
    seen = [shingles(records[rid]["text"]) for rid in taken if rid in records]
    skipped = skipped_records(corpus)
    taken |= {rid for rid in records if any(rid.startswith(s) for s in skipped)}  # ids written shortened, too
    banned = test_outlets(corpus)
    out: list[tuple[str, str]] = []
    for rid in sorted(records, key=lambda r: hashlib.sha256(f"{salt}{r}".encode()).hexdigest()):
        rec = records[rid]
        outlet = outlet_group(urlparse(rec.get("source_url") or "").netloc) or "?"
        if rid in taken or outlet in banned or (half and half_of(rid) != half):
            continue
        mine = shingles(rec["text"])
        if any(len(mine & other) > max_overlap * max(1, len(mine)) for other in seen):
            continue
        out.append((rid, outlet))
        seen.append(mine)
        if len(out) == n:
            break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset", type=Path, help="a JSONL of records with id, text and source_url")
    ap.add_argument("--salt", required=True, help="the round's order, e.g. r13order:")
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--half", choices=("A", "B"))
    ap.add_argument("--max-overlap", type=float, default=0.2)
    a = ap.parse_args(argv)
    for rid, outlet in pick(a.dataset, a.salt, a.n, a.half, a.max_overlap):
        print(f"{rid}\t{outlet}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
