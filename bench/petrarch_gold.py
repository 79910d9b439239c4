"""PETRARCH2's gold-standard sentences: is the PLOVER type found, and with its source and target country?

A test set: half B is only scored; half A's misses were read in round 12 (docs/evaluation.md). The file is
`UniversalPetrarch/data/text/PETR2_GSR_validation.xml` of github.com/openeventdata/UniversalPetrarch
(MIT licence, (c) 2016 Open Event Data Alliance; snapshot 067552d83956): 78 sentences from the LDC
GigaWord AFP sample that PETRARCH2 ships, 66 of them with CAMEO codes (source, target, event code), 12
coded as no event. The sentences are news text quoted under fair use for validation, so they are not
copied into this repository; give the path of a local copy:

    git --git-dir=/work/.mirror/openeventdata+UniversalPetrarch/repo show \\
        HEAD:UniversalPetrarch/data/text/PETR2_GSR_validation.xml > /tmp/PETR2_GSR_validation.xml
    .venv/bin/python bench/petrarch_gold.py /tmp/PETR2_GSR_validation.xml [--json]

The 78 sentences are split in two fixed halves by sha256("petrhalf:" + sentence id) (round 12):
`--half A` may be diagnosed (`--misses` prints its sentences with no event of a gold type, or no event with
both countries, with what eventwire coded); `--half B` is only scored, and `--misses` refuses it. Without
`--half` it prints totals over all 78 and no misses.

CAMEO codes are mapped to PLOVER through ../shared/reference/CAMEO2PLOVER-2021.txt (CAMEO 02 "appeal"
as REQUEST, CAMEO 01 statements to no type), as scripts/build_cameo_triggers.py does. Measures, over the
66 coded sentences (and over those whose codes map to a PLOVER type):
- type found: some event eventwire codes in the sentence has a gold PLOVER type;
- type + countries: such an event also has an actor of the source's country and a recipient of the
  target's country (a CAMEO actor code's first three letters; '---' = no country, not required);
and over the 12 no-event sentences, how many get some event.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT / "../shared"))


def _build_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_cameo_triggers", ROOT / "scripts/build_cameo_triggers.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@dataclass
class Coding:
    code: str
    source: str
    target: str


@dataclass
class Record:
    sid: str
    date: str
    text: str
    codings: list[Coding] = field(default_factory=list)


def read_records(path: Path) -> list[Record]:
    raw = path.read_text(encoding="utf-8")
    out: list[Record] = []
    for m in re.finditer(r"<Sentence\b([^>]*)>(.*?)</Sentence>", raw, re.S):
        attrs = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', m.group(1)))
        body = m.group(2)
        text = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if text is None:
            continue
        words = " ".join(text.group(1).split())
        if not words:
            # one record (abc12_3) has its sentence only in the CoNLL-U parse: its word column, re-joined
            forms = re.findall(r"^\d+\t([^\t]+)\t", body, re.M)
            words = re.sub(r" (?=[.,;:!?'](?:\s|s\b|$))", "", " ".join(forms))
        rec = Record(attrs.get("id", ""), attrs.get("date", ""), words)
        for c in re.finditer(r"<EventCoding\b([^>]*)>", body):
            a = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', c.group(1)))
            if "eventcode" in a:
                rec.codings.append(Coding(a["eventcode"], a.get("sourcecode", ""), a.get("targetcode", "")))
        out.append(rec)
    return out


def half_of(sid: str) -> str:
    """The fixed half of a sentence: A or B by the first byte of sha256("petrhalf:" + id)."""
    return "A" if hashlib.sha256(f"petrhalf:{sid}".encode()).digest()[0] < 128 else "B"


def country(code: str) -> str | None:
    head = code[:3]
    return head if head.isalpha() and head.isupper() else None


def _show(r: Record, events: list, why: str, gold: list | None = None) -> None:  # type: ignore[type-arg]
    print(f"--- {r.sid} [{why}]\n  {r.text}", file=sys.stderr)
    for t, c in gold or []:
        print(f"  gold {t:10s} {c.code:5s} {c.source} -> {c.target}", file=sys.stderr)
    for e in events:
        a = [f"{x.role[:3]}:{x.text}/{x.country}" for x in e.actors]
        print(f"  got  {e.plover_type:10s} {e.evidence.trigger!r} {e.modality} {a}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path, help="PETR2_GSR_validation.xml")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--half", choices=("A", "B"), help="score one fixed half (A: diagnosed; B: only scored)")
    ap.add_argument("--misses", action="store_true", help="print half A's misses (refused without --half A)")
    args = ap.parse_args()
    if not args.path.is_file():
        sys.exit(f"no {args.path}")
    if args.misses and args.half != "A":
        sys.exit("--misses only with --half A: half B and the whole set are scored, not diagnosed")
    build = _build_module()
    table = build.plover_table(SHARED / "reference/CAMEO2PLOVER-2021.txt")

    from eventwire.pipeline import Pipeline

    pipe = Pipeline()
    records = read_records(args.path)
    if args.half:
        records = [r for r in records if half_of(r.sid) == args.half]
    coded = [r for r in records if r.codings]
    empty = [r for r in records if not r.codings]
    n_mapped = found = found_both = fp_empty = 0
    for r in records:
        date = f"{r.date[:4]}-{r.date[4:6]}-{r.date[6:8]}" if len(r.date) == 8 else None
        events = pipe.extract(r.text, published=date)
        if not r.codings:
            fp_empty += bool(events)
            if args.misses and events:
                _show(r, events, "no-event sentence with events")
            continue
        gold = [(m[0], c) for c in r.codings if (m := build.to_plover(c.code, table))]
        if not gold:
            continue
        n_mapped += 1
        types = {t for t, _ in gold}
        hit = [e for e in events if e.plover_type in types]
        found += bool(hit)
        both = False
        for t, c in gold:
            src, tgt = country(c.source), country(c.target)
            for e in hit:
                if e.plover_type != t:
                    continue
                a = {x.country for x in e.actors if x.role == "actor"}
                rc = {x.country for x in e.actors if x.role == "recipient"}
                if (src is None or src in a) and (tgt is None or tgt in rc):
                    both = True
        found_both += both
        if args.misses and not both:
            _show(r, events, "type found, countries not" if hit else "type not found", gold)
    res = {
        "sentences": len(records),
        "coded": len(coded),
        "coded_with_plover_type": n_mapped,
        "type_found": found,
        "type_found_rate_of_coded": round(found / max(1, len(coded)), 3),
        "type_found_rate_of_mapped": round(found / max(1, n_mapped), 3),
        "type_and_countries": found_both,
        "type_and_countries_rate_of_coded": round(found_both / max(1, len(coded)), 3),
        "no_event_sentences": len(empty),
        "no_event_sentences_with_events": fp_empty,
    }
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        for k, v in res.items():
            print(f"{k:36s} {v}")


if __name__ == "__main__":
    main()
