"""Training the trigger model: the team corpus's examples carry the weights asked for (round 14 compared several)."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.events.train_triggers import NONE, TeamWeights, _gold_examples

REPO = Path(__file__).resolve().parents[2]


def _article_with_not_events() -> Path:
    from eventwire.evaluate.gold import training_gold_files

    for path in training_gold_files(REPO / "eval" / "corpus" / "dev"):
        g = json.loads(path.read_text())
        if g.get("not_events") and g.get("events"):
            return path
    raise AssertionError("no trainable dev article lists not_events")


def test_team_weights_reach_positives_free_words_and_not_event_clauses(pipeline) -> None:
    path = _article_with_not_events()
    ex = _gold_examples(pipeline.nlp, [path], TeamWeights(positive=3.0, free=0.5, not_event=7.0))
    by_kind = {(lab != NONE, w) for _, _, lab, w in ex}
    assert (True, 3.0) in by_kind  # the gold triggers
    assert (False, 7.0) in by_kind  # the words of a not_events clause
    assert by_kind <= {(True, 3.0), (False, 0.5), (False, 7.0)}


def test_a_zero_weight_leaves_those_words_out(pipeline) -> None:
    path = _article_with_not_events()
    full = _gold_examples(pipeline.nlp, [path])
    without = _gold_examples(pipeline.nlp, [path], TeamWeights(not_event=0.0))
    assert len(without) < len(full)
    assert all(w > 0 for *_, w in without)
    assert sum(1 for _, _, lab, _ in without if lab != NONE) == sum(1 for _, _, lab, _ in full if lab != NONE)
