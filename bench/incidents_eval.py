#!/usr/bin/env python3
"""Incident linking across articles on the team's gold corpus, end to end and reproducible, with a
stage-by-stage diagnostic of what stands between two reports of one incident and a link.

    .venv/bin/python bench/incidents_eval.py                 # dev split (the one thresholds were chosen on)
    .venv/bin/python bench/incidents_eval.py --stages        # ... and where each gold pair stops, and the
                                                             # false-link rate over pairs of different incidents
    .venv/bin/python bench/incidents_eval.py --split test    # test split: report it, never tune on it
    .venv/bin/python bench/incidents_eval.py --negatives wikievents rams   # public dev documents: links
                                                             # between them, listed for judgement

Each split: every article ingested into one fresh SQLite store (--published/--source from the gold
metadata, text from its text_ref record), every event exported as JSONL, scored by
../shared/tools/score_incidents.py. Same as `eventwire eval incidents eval/corpus/SPLIT`.

--stages follows every pair of gold events of one incident from two articles through the stages
of linking, and stops at the first that loses it: the coder (a gold event not found, or found
with another type), blocking (the candidate read of the later article would not return the
earlier report: type, country, date window, place box), the hard constraints
(features.constraints), the score (features.score, with its parts), and the store (linked or
not). The same stages are counted over the negative pairs: every pair of system events from two
articles that are not both gold events of one incident (in the dev split, reports of different
incidents); the false-link rate is the share of those that the store linked.

--cache DIR keeps the pipeline's results (pickled, keyed by the article texts and the extractor
code) so that linking can be re-run without re-coding the articles.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import importlib.util
import itertools
import json
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _shared_module(name: str) -> Any:
    from eventwire.evaluate.gold import shared_dir

    shared = shared_dir()
    if shared is None:
        raise SystemExit("shared/ not found (set EVENTWIRE_SHARED)")
    sys.path.insert(0, str(shared / "tools"))
    spec = importlib.util.spec_from_file_location(name, shared / "tools" / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def results_for(arts: list[Any], cache: Path | None) -> list[Any]:
    """The pipeline's results for these articles, from ``cache`` when it holds them."""
    import eventwire
    from eventwire.pipeline import Pipeline
    from eventwire.settings import Settings

    # keyed by the articles and the code that codes them (every module but the linker's and the store's)
    h = hashlib.sha1("\x1f".join(a.article_id for a in arts).encode())
    pkg = Path(eventwire.__file__).parent
    for f in sorted(pkg.rglob("*")):
        if f.is_file() and not {"incidents", "store"} & set(f.parts) and f.suffix in (".py", ".json", ".tsv", ".txt"):
            h.update(f.read_bytes())
    key = h.hexdigest()[:16]
    path = cache / f"results-{key}.pickle" if cache else None
    if path is not None and path.is_file():
        with path.open("rb") as fh:
            return list(pickle.load(fh))
    results = list(Pipeline(Settings.from_env()).process(arts))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            pickle.dump(results, fh)
    return results


def ingest(results: list[Any], url: str) -> list[dict[str, Any]]:
    """Ingest the results in order into a fresh store at ``url``, return every stored event."""
    from eventwire.store import Store

    store = Store.open(url)
    try:
        for result in results:
            store.add_result(result)
        return list(store.iter_events())
    finally:
        store.close()


# -- stages ---------------------------------------------------------------------------------------
def mark_homes(events: list[dict[str, Any]]) -> None:
    """Give each article's unplaced reports its country, as the linker does at ingest (``linker.mark_home``)."""
    from eventwire.incidents import linker

    by_article: dict[str, list[dict[str, Any]]] = {}
    for ev in events:
        by_article.setdefault(ev["article_id"], []).append(ev)
    for recs in by_article.values():
        if linker.UNPLACED_READS_HOME:
            linker.mark_home(recs)


def pair_stage(new: dict[str, Any], old: dict[str, Any], names: dict[str, frozenset[str]]) -> tuple[str, str]:
    """(stage reached, detail) for a pair of reports, ``new`` ingested after ``old``: the stage
    that loses the pair, or "scored" when the score reaches the threshold."""
    from eventwire.incidents import context, features, linker

    why = linker.blocked(new, old)
    if why is not None:
        return ("types differ" if why == "types differ" else "blocking"), why
    hard = features.constraints(new, old)
    if isinstance(hard, str):
        return "constraints", hard
    ctx = context.overlap(names[new["article_id"]], names[old["article_id"]])
    s = features.score(new, old, context=ctx)
    parts = (f"score {s.score:.2f}: date {s.date:.1f} place {s.place:.1f} parties {s.parties:.2f} "
             f"text {s.text:.2f} context {ctx:.1f}" + (f" ({s.why})" if s.why else ""))
    return ("scored" if s.score >= features.LINK_THRESHOLD else "below threshold"), parts


def stages(folder: Path, events: list[dict[str, Any]], texts: dict[str, str], order: dict[str, int]) -> dict[str, Any]:
    """Gold events -> predicted events -> candidate pairs -> scored pairs -> stored links."""
    from eventwire.incidents import context

    se = _shared_module("score_events")
    si = _shared_module("score_incidents")
    from eventwire.evaluate.gold import shared_scorer_reads

    files = [p for p in sorted(folder.glob("*.gold.json")) if shared_scorer_reads(p)]
    golds, gold_text = {}, {}
    for path in files:
        g, _tp, text = se.load_gold(path)
        golds[si.stem(path)] = g
        g["_text"] = text
        gold_text[si.stem(path)] = text
    incident_of: dict[str, str] = {}
    incidents_file = folder / "incidents.json"
    if incidents_file.is_file():
        for inc in json.loads(incidents_file.read_text(encoding="utf-8")):
            for ref in inc["events"]:
                incident_of[ref] = inc["id"]
    per_article: dict[str, list[dict[str, Any]]] = {name: [] for name in golds}
    mark_homes(events)
    for ev in events:
        name = si.owner(ev, golds)
        if name is not None:
            ev["_stem"] = name
            per_article[name].append(ev)
    # article ids (the store's) per gold stem, for context names and ingest order
    stem_of_article = {}
    for name, evs in per_article.items():
        for ev in evs:
            stem_of_article[ev["article_id"]] = name
    names = {aid: context.names(texts[aid]) for aid in texts}

    found: dict[str, dict[str, Any]] = {}
    coder: dict[str, str] = {}
    for name, g in golds.items():
        match = se.match_events(g, per_article[name])
        for gi, ge in enumerate(g["events"]):
            ref = f"{name}#{ge['id']}"
            if ref not in incident_of:
                continue
            if gi in match:
                found[ref] = per_article[name][match[gi]]
                coder[ref] = "found"
                continue
            typed = [ev for ev in per_article[name] if se.overlap(
                ((ev.get("evidence") or {}).get("start") or 0, (ev.get("evidence") or {}).get("end") or 0),
                ge["_span"])]
            coder[ref] = (f"found as {'/'.join(sorted({e['plover_type'] for e in typed}))}, gold "
                          f"{ge['plover']['type']}" if typed else "not found")

    def ordered(a: dict[str, Any], b: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        return (a, b) if order[a["article_id"]] > order[b["article_id"]] else (b, a)

    report: dict[str, Any] = {"incidents": [], "positive": collections.Counter(), "negative": collections.Counter()}
    by_incident: dict[str, list[str]] = collections.defaultdict(list)
    for ref, iid in incident_of.items():
        by_incident[iid].append(ref)
    for iid, refs in sorted(by_incident.items()):
        rows = []
        n_found = sum(1 for r in refs if r in found)
        for r1, r2 in itertools.combinations(sorted(refs), 2):
            if r1.split("#")[0] == r2.split("#")[0]:
                continue
            if r1 not in found or r2 not in found:
                missing = [f"{r}: {coder[r]}" for r in (r1, r2) if r not in found]
                stage, detail = "coder", "; ".join(missing)
            else:
                new, old = ordered(found[r1], found[r2])
                stage, detail = pair_stage(new, old, names)
                linked = new.get("incident_id") is not None and new.get("incident_id") == old.get("incident_id")
                if stage == "scored":
                    stage = "linked" if linked else "scored, not linked"
                elif linked:
                    stage, detail = "linked", f"linked through another report ({stage}: {detail})"
            report["positive"][stage] += 1
            rows.append((r1, r2, stage, detail))
        report["incidents"].append({"id": iid, "events": len(refs), "found": n_found, "pairs": rows,
                                    "coder": {r: coder[r] for r in sorted(refs)}})
    # Negative pairs: system events of two articles that are not both gold events of one incident.
    # Judged (gold-negative) when both are gold events (any gold event, matched as score_events
    # does) and no incident names both (a "related" event of the other's incident is left out);
    # unjudged when either is not a gold event (a false positive of the coder, or a second event
    # coded from one gold event's words).
    related: dict[str, set[str]] = collections.defaultdict(set)
    if incidents_file.is_file():
        for inc in json.loads(incidents_file.read_text(encoding="utf-8")):
            for ref in [*inc["events"], *inc.get("related", [])]:
                related[ref].add(inc["id"])
    gold_of: dict[int, str] = {}
    for name, g in golds.items():
        for gi, sj in se.match_events(g, per_article[name]).items():
            gold_of[id(per_article[name][sj])] = f"{name}#{g['events'][gi]['id']}"
    neg_links = []
    for a, b in itertools.combinations(events, 2):
        if a["article_id"] == b["article_id"]:
            continue
        ra, rb = gold_of.get(id(a)), gold_of.get(id(b))
        if ra and rb and incident_of.get(ra) is not None and incident_of.get(ra) == incident_of.get(rb):
            continue
        kind = "unjudged" if not (ra and rb) else "related" if related[ra] & related[rb] else "judged"
        new, old = ordered(a, b)
        linked = new.get("incident_id") is not None and new.get("incident_id") == old.get("incident_id")
        stage = pair_stage(new, old, names)[0]
        report["negative"][stage] += 1
        report["negative"]["all"] += 1
        report["negative"][f"all {kind}"] += 1
        if stage not in ("types differ", "blocking"):
            report["negative"][f"candidates {kind}"] += 1
        if linked:
            report["negative"][f"LINKED {kind}"] += 1
            neg_links.append((kind, stem_of_article.get(a["article_id"], a["article_id"]), _ev_brief(a, ra),
                              stem_of_article.get(b["article_id"], b["article_id"]), _ev_brief(b, rb), stage))
    report["negative_links"] = neg_links
    return report


def _ev_brief(ev: dict[str, Any], ref: str | None = None) -> str:
    loc = ev.get("location") or {}
    date = ev.get("date") or {}
    return (f"{'#' + ref.split('#')[1] if ref else '(not gold)'} {ev['plover_type']} {date.get('start')}/{date.get('precision')} {loc.get('name')},{loc.get('country')} "
            f"'{((ev.get('evidence') or {}).get('sentence') or '')[:90]}'")


def print_stages(rep: dict[str, Any]) -> None:
    print("-- gold incidents, pairs of reports from two articles, by the stage that loses them")
    for inc in rep["incidents"]:
        print(f"{inc['id']}: {inc['events']} gold events, {inc['found']} found by the coder")
        for ref, what in inc["coder"].items():
            if what != "found":
                print(f"    coder  {ref}: {what}")
        counts = collections.Counter(stage for *_, stage, _d in inc["pairs"])
        print("    pairs: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
        shown: set[tuple[str, str]] = set()
        for r1, r2, stage, detail in inc["pairs"]:
            if stage in ("linked", "coder") or (stage, detail) in shown:
                continue
            shown.add((stage, detail))
            print(f"    {stage:18s} {r1} ~ {r2}: {detail}")
    pos = rep["positive"]
    print("positive pairs by stage: " + ", ".join(f"{k} {v}" for k, v in pos.most_common()))
    neg = rep["negative"]
    print(f"negative pairs (system events of two articles, not one gold incident): {neg['all']}; by stage: "
          + ", ".join(f"{k} {neg[k]}" for k in ("types differ", "blocking", "constraints", "below threshold", "scored")))
    for kind in ("judged", "related", "unjudged"):
        n, c, linked = neg[f"all {kind}"], neg[f"candidates {kind}"], neg[f"LINKED {kind}"]
        print(f"  {kind:9s} {n:6d} pairs, {c:4d} past blocking, linked {linked}"
              + (f": false-link rate {linked / max(1, n):.4f} of the pairs, {linked / max(1, c):.3f} of the candidates"
                 if kind == "judged" else ""))
    for kind, a, ea, b, eb, stage in rep["negative_links"]:
        how = "the pair scores" if stage == "scored" else f"through other reports (the pair itself: {stage})"
        print(f"    LINKED ({kind}, {how}) {a} {ea}\n        ~ {b} {eb}")


def negatives(datasets: list[str], cache: Path | None, exclude: Path | None, limit: int | None) -> None:
    """Links between public dev documents (WikiEvents, RAMS): mostly different incidents, so every
    link is listed for judgement. Documents whose text repeats another's are kept once; ids in
    ``exclude`` (lines ``dataset#id``) are left out."""
    from eventwire.evaluate.gold import shared_dir
    from eventwire.sources import article_from_text

    shared = shared_dir()
    assert shared is not None
    skip = set()
    if exclude is not None and exclude.is_file():
        skip = {line.strip() for line in exclude.read_text().splitlines() if line.strip()}
    arts, ids, seen, url = [], {}, set(), {}
    for ds in datasets:
        with (shared / "data" / ds / "dev.jsonl").open(encoding="utf-8") as fh:
            recs = [json.loads(line) for line in fh if line.strip()]
        for rec in recs[:limit] if limit else recs:
            rid = str(rec["id"])
            if any(s.split("#", 1)[-1] in rid for s in skip if s.startswith(ds)) or rec["text"] in seen:
                continue
            seen.add(rec["text"])
            art = article_from_text(rec["text"], f"{ds}#{rid}", check_language=False)
            arts.append(art)
            ids[art.article_id] = f"{ds}#{rid}"
            # RAMS cuts several passages out of one article: those are one report, not two
            url[art.article_id] = rec.get("source_url") or rid
    t0 = time.process_time()
    results = results_for(arts, cache)
    print(f"{len(arts)} documents coded ({time.process_time() - t0:.0f} s CPU)")
    with tempfile.TemporaryDirectory(prefix="ew-neg-") as tmp:
        evs = ingest(results, f"sqlite:///{tmp}/store.db")
    by_inc: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for ev in evs:
        if ev.get("incident_id"):
            by_inc[ev["incident_id"]].append(ev)
    def two_reports(a: dict[str, Any], b: dict[str, Any]) -> bool:
        return url[a["article_id"]] != url[b["article_id"]]

    n_pairs = sum(1 for a, b in itertools.combinations(evs, 2) if two_reports(a, b))
    same_type = sum(1 for a, b in itertools.combinations(evs, 2)
                    if two_reports(a, b) and a["plover_type"] == b["plover_type"])
    links, same_article = [], 0
    for members in by_inc.values():
        for a, b in itertools.combinations(members, 2):
            if a["article_id"] == b["article_id"]:
                continue
            if not two_reports(a, b):
                same_article += 1
                continue
            links.append((ids[a["article_id"]], _ev_brief(a), ids[b["article_id"]], _ev_brief(b)))
    print(f"{len(evs)} events; pairs from two source articles {n_pairs}, of one PLOVER type {same_type}; "
          f"linked {len(links)} (rate {len(links) / max(1, n_pairs):.5f} of all, "
          f"{len(links) / max(1, same_type):.4f} of one type); {same_article} links between passages of "
          f"one source article (same source_url) not counted")
    for da, ea, db, eb in links:
        print(f"    LINKED {da}: {ea}\n        ~ {db}: {eb}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["dev", "test"], action="append")
    ap.add_argument("--events", type=Path, help="keep the exported events (JSONL) here")
    ap.add_argument("--stages", action="store_true", help="where each gold pair stops; false links")
    ap.add_argument("--negatives", nargs="+", choices=["wikievents", "rams"],
                    help="link the public dev documents of these sets and list every link")
    ap.add_argument("--limit", type=int, help="--negatives: at most this many records per set")
    ap.add_argument("--exclude", type=Path, default=ROOT / "eval" / "corpus" / "test_ids.txt")
    ap.add_argument("--cache", type=Path, help="keep the pipeline's results here between runs")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if a.negatives:
        negatives(a.negatives, a.cache, a.exclude, a.limit)
        if not a.split:
            return
    if not a.stages and not a.cache:
        from eventwire.evaluate.incidents import evaluate_incidents

        for split in a.split or ["dev"]:
            t0 = time.perf_counter()
            rep = evaluate_incidents(ROOT / "eval" / "corpus" / split, events_out=a.events)
            took = time.perf_counter() - t0
            if a.json:
                print(json.dumps({"split": split, **{k: v for k, v in rep.items() if k != "printed"}}, indent=1))
                continue
            print(f"== {split}: {rep['events']} events, {rep['incidents']} incidents stored ({took:.0f} s)")
            print(rep["printed"].rstrip())
        return
    from eventwire.evaluate.gold import gold_files, load_gold, shared_dir, shared_scorer_reads

    for split in a.split or ["dev"]:
        if a.stages and split == "test":
            raise SystemExit("--stages diagnoses the dev split only (the test split is scored, never diagnosed)")
        folder = ROOT / "eval" / "corpus" / split
        # LGL dev records from 38543581 on: the shared scorer cannot read them (eval/corpus/README.md)
        files = [p for p in gold_files([folder]) if shared_scorer_reads(p)]
        arts = [load_gold(p).article(check_language=False) for p in files]
        results = results_for(arts, a.cache)
        with tempfile.TemporaryDirectory(prefix="ew-incidents-") as tmp:
            t0 = time.process_time()
            evs = ingest(results, f"sqlite:///{tmp}/store.db")
            took = time.process_time() - t0
            out = a.events or Path(tmp) / "all.jsonl"
            out.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in evs), encoding="utf-8")
            shared = shared_dir()
            assert shared is not None
            cmd = [sys.executable, str(shared / "tools" / "score_incidents.py"), *map(str, files),
                   "--incidents", str(folder / "incidents.json"), "--events", str(out)]
            printed = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        print(f"== {split}: {len(evs)} events (ingest and linking {took:.1f} s CPU)")
        print(printed.rstrip())
        if a.stages:
            texts = {art.article_id: art.text for art in arts}
            order = {art.article_id: i for i, art in enumerate(arts)}
            print_stages(stages(folder, evs, texts, order))


if __name__ == "__main__":
    main()
