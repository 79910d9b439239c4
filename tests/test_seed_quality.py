"""Quality gate on the seed article: pinned floors that may only rise (trafilatura-style)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from eventwire.evaluate.articles import evaluate_articles

FLOORS = {"recall": 0.99, "precision": 0.9}
FIELD_FLOORS = {"actor": 0.99, "sector": 0.99, "location": 0.99, "date": 0.99, "dead": 0.99, "modality": 0.99,
                "claim_source": 0.85, "recipient": 0.99, "incident": 0.99}


def test_seed_floors(seed_gold: Path, pipeline):
    r = evaluate_articles([seed_gold], pipeline=pipeline)
    assert not r["errors"]
    for k, floor in FLOORS.items():
        assert r[k] >= floor, (k, r[k])
    for k, floor in FIELD_FLOORS.items():
        assert (r["field_accuracy"][k] or 0) >= floor, (k, r["field_accuracy"][k])
    assert r["invented"] == {"date": 0, "dead": 0}


def test_eval_articles_agrees_with_the_shared_scorer(shared: Path, seed_gold: Path, pipeline, tmp_path: Path):
    """Our re-implementation of the documented matching rule gives the shared scorer's figures."""
    from eventwire.evaluate.gold import load_gold

    gold = load_gold(seed_gold)
    events = [e.to_dict() for e in pipeline.extract_article(gold.article())]
    out = tmp_path / "events"
    out.mkdir()
    (out / (seed_gold.name.replace(".gold.json", "") + ".jsonl")).write_text(
        "".join(json.dumps(e) + "\n" for e in events), encoding="utf-8"
    )
    js = tmp_path / "score.json"
    subprocess.run([sys.executable, str(shared / "tools" / "score_events.py"), str(seed_gold),
                    "--events-dir", str(out), "--json", str(js), "--quiet"], check=True, capture_output=True)
    theirs = json.loads(js.read_text())
    ours = evaluate_articles([seed_gold], pipeline=pipeline)
    for k in ("recall", "precision", "required_found", "matched", "false_positives"):
        assert ours[k] == theirs[k], k
    assert ours["field_counts"] == {k: list(v) for k, v in theirs["field_counts"].items()}
