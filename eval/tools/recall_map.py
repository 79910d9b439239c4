"""Where each gold event the coder misses is lost: a recall map of the trainable dev articles, by stage.

    .venv/bin/python eval/tools/recall_map.py [--cache /tmp/eventwire-accept] [--list CLASS] [--fps] [--json F]

The coder codes the team corpus's trainable dev articles (evaluate.gold.training_gold_files: never the
untouched ones, never the test split), each with a trigger model that never saw its outlet group (train_accept's
folds and cached fold models, as eval/tools/rejections.py), the hand rules' explain hook on. Every required gold
event is then put in the first of these classes that holds (the scorer's matching rule: overlapping evidence and
an accepted type, evaluate.articles.match_events):
  found     - the coder's output (with the shipped acceptance step) matches it;
  accept    - the output without the acceptance step matches it: the step dropped it;
  merged    - an event the coder built before folding tolls, repeats and restatements matches it: it was merged
              into another event (which did not match it);
  rule      - a hand rule or gate rejected a lexicon word of its type inside its evidence (rule names as
              events/rejections.py notes them; the family is printed, e.g. "rule:gate_everyday");
  partyless - the rejection was for want of a party (nominal_no_party, no_party_no_size);
  other     - an event of another type was coded on its words (evidence overlapping);
  none      - nothing was proposed there; split by whether some word of its evidence has trigger-model
              probability >= 0.10 for its type (or an alternative type) under the fold's model.
--list CLASS prints the gold events of a class (a stage, or a rule family as "rule:NAME", or "none") with their
type, article and evidence, for reading; --fps prints the output's unmatched events by type and by the rule
that proposed them (the precision side of the same run). The shipped acceptance model was fitted on these
articles (the trigger models are out of fold, the acceptance step is not): "found" is slightly optimistic.
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from eventwire.evaluate.articles import match_events
from eventwire.events import coder as coder_module
from eventwire.events.accept import ENV, accept, default_model
from eventwire.events.rejections import family
from eventwire.events.train_accept import coding_plan, fold_articles
from eventwire.events.triggers import token_features
from eventwire.pipeline import Pipeline

PARTYLESS = frozenset({"nominal_no_party", "no_party_no_size"})
P_WORD = 0.10
STAGES = ("found", "accept", "merged", "rule", "partyless", "other", "none")


def _types(ge: dict[str, Any]) -> set[str]:
    return {ge["plover"]["type"], *ge["plover"].get("alt_types", [])}


def _overlaps(ev: dict[str, Any], span: tuple[int, int]) -> bool:
    e = ev.get("evidence") or {}
    return e.get("start") is not None and min(e["end"], span[1]) > max(e["start"], span[0])


def best_word(doc: Any, model: Any, span: tuple[int, int], types: set[str]) -> tuple[str, float]:
    """The word of the span the trigger model gives the highest probability of one of ``types``."""
    best, top = "", 0.0
    idx = [k for k, c in enumerate(model.classes) if c in types]
    if not idx:
        return best, top
    for tok in doc:
        if not span[0] <= tok.idx < span[1] or tok.pos_ not in {"VERB", "NOUN", "PROPN", "ADJ"} or not tok.is_alpha:
            continue
        p = model.scores(token_features(tok))
        q = max(p[k] for k in idx)
        if q > top:
            best, top = tok.text, q
    return best, top


def classify(cache: Path, untouched: bool = False) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each required gold event with its class; each unmatched output event (the false positives).
    ``untouched``: the untouched dev articles instead, each coded with the shipped trigger model (which never
    saw them: no folds needed)."""
    os.environ[ENV] = "0"
    pipe = Pipeline()
    files, fold_of, models = coding_plan(pipe, cache, untouched)
    coder = pipe.coder
    coder.rescue = frozenset()
    shipped = default_model()
    built_seen: list[Any] = []
    fold = coder_module.fold_outcomes

    def spy(built: Any) -> Any:
        built_seen.extend(ev for _, ev in built)
        return fold(built)

    coder_module.fold_outcomes = spy  # the events built before any merging
    rows: list[dict[str, Any]] = []
    fps: list[dict[str, Any]] = []
    try:
        for path, gold, art, doc in fold_articles(pipe, files, fold_of, models, cache):
            stem = path.name.removesuffix(".gold.json")
            coder.explain = []
            built_seen.clear()
            raw = coder.code(doc, art)
            built = [e.to_dict() for e in built_seen]
            os.environ.pop(ENV)
            final_ev = accept(raw, doc, art.text, shipped)
            os.environ[ENV] = "0"
            final = [e.to_dict() for e in final_ev]
            noacc = [e.to_dict() for e in raw]
            m_final, m_noacc = match_events(gold, final), match_events(gold, noacc)
            m_built = match_events(gold, built)
            matched = set(m_final.values())
            for si, ev in enumerate(final):
                if si in matched:
                    continue
                fps.append({"stem": stem, "type": ev["plover_type"], "trigger": ev["evidence"].get("trigger"),
                            "rule": _rule_type(final_ev[si]),
                            "sentence": " ".join(ev["evidence"]["sentence"].split())[:200]})
            for gi, ge in enumerate(gold.events):
                if not ge["required"]:
                    continue
                span = (ge["_span"][0], ge["_span"][1])
                types = _types(ge)
                row = {"stem": stem, "type": ge["plover"]["type"],
                       "text": " ".join(art.text[span[0]:span[1]].split())[:240]}
                rej = [r for r in coder.explain if span[0] <= r["start"] < span[1] and r["type"] in types]
                if gi in m_final:
                    row["class"] = "found"
                elif gi in m_noacc:
                    row["class"] = "accept"
                elif gi in m_built:
                    row["class"] = "merged"
                elif any(family(r["rule"]) not in PARTYLESS for r in rej):
                    row["class"] = "rule"
                    row["rule"] = next(family(r["rule"]) for r in rej if family(r["rule"]) not in PARTYLESS)
                    row["word"] = next(r["lemma"] for r in rej if family(r["rule"]) not in PARTYLESS)
                elif rej:
                    row["class"] = "partyless"
                    row["rule"] = family(rej[0]["rule"])
                    row["word"] = rej[0]["lemma"]
                elif others := [e for e in built + noacc if _overlaps(e, span)]:
                    row["class"] = "other"
                    row["coded_as"] = sorted({e["plover_type"] for e in others})
                else:
                    row["class"] = "none"
                    word, p = best_word(doc, coder._triggers, span, types)
                    row["word"], row["p"] = word, round(p, 3)
                rows.append(row)
    finally:
        coder_module.fold_outcomes = fold
        os.environ.pop(ENV, None)
    return rows, fps


def _rule_type(ev: Any) -> str:
    return dict(ev.rules).get("type", "?").split(":")[0].split(" ")[0]


def report(rows: list[dict[str, Any]], fps: list[dict[str, Any]], show: str | None, show_fps: bool) -> None:
    stems = {r["stem"] for r in rows}
    c = Counter(r["class"] for r in rows)
    print(f"{len(rows)} required gold events in {len(stems)} articles with events")
    print("  ".join(f"{s} {c[s]}" for s in STAGES))
    low = sum(1 for r in rows if r["class"] == "none" and r["p"] < P_WORD)
    print(f"none: {low} have no word with trigger-model p >= {P_WORD:.2f} for their type, {c['none'] - low} have one")
    rules = Counter(r["rule"] for r in rows if r["class"] in {"rule", "partyless"})
    print("rule / partyless by family:", json.dumps(dict(rules.most_common())))
    by_tf = Counter(f"{r['type']}:{r['rule']}" for r in rows if r["class"] in {"rule", "partyless"})
    print("rule / partyless by type and family:", json.dumps(dict(by_tf.most_common())))
    for stage in ("none", "other", "rule", "partyless", "accept", "merged"):
        by = Counter(r["type"] for r in rows if r["class"] == stage)
        print(f"{stage} by type:", json.dumps(dict(by.most_common())))
    if show:
        for r in rows:
            if r["class"] == show or f"{r['class']}:{r.get('rule')}" == show:
                extra = r.get("word") or r.get("coded_as") or ""
                print(f"- {r['stem']} {r['type']} {extra} {r.get('p', '')}: {r['text']}")
    if show_fps:
        print(f"{len(fps)} output events match no required gold event")
        print("by type:", json.dumps(dict(Counter(f["type"] for f in fps).most_common())))
        print("by rule:", json.dumps(dict(Counter(f["rule"] for f in fps).most_common())))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/eventwire-accept"))
    ap.add_argument("--list", help="a class (found, accept, merged, rule, partyless, other, none) or rule:FAMILY")
    ap.add_argument("--fps", action="store_true", help="the output's unmatched events by type and rule")
    ap.add_argument("--json", type=Path, help="write the rows here (and read them back with --from)")
    ap.add_argument("--from", dest="src", type=Path, help="report on rows written by --json instead of coding")
    ap.add_argument("--untouched", action="store_true",
                    help="the untouched dev articles, shipped models, in aggregate only (no --list, no --json)")
    a = ap.parse_args()
    if a.untouched and (a.list or a.json or a.src):
        ap.error("--untouched reports in aggregate only: nobody reads those articles' events")
    if a.untouched:
        a.cache.mkdir(parents=True, exist_ok=True)
        rows, fps = classify(a.cache, untouched=True)
    elif a.src:
        d = json.loads(a.src.read_text())
        rows, fps = d["rows"], d["fps"]
    else:
        a.cache.mkdir(parents=True, exist_ok=True)
        rows, fps = classify(a.cache)
        if a.json:
            a.json.write_text(json.dumps({"rows": rows, "fps": fps}, indent=0))
    report(rows, fps, a.list, a.fps)


if __name__ == "__main__":
    main()
