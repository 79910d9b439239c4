"""Lexicon words the hand rules reject (events/rejections.py): the explain hook says which rule turned a word
down without changing what the coder outputs; a rescued rule's candidates reach the acceptance step with
the rule as a feature and never survive without it."""

from __future__ import annotations

import pytest

from eventwire.events import accept as ac
from eventwire.records import Article

# "the attack on the base" has no frame that says it happened here: the lexicon's noun is turned down
TEXT = ("Police said the attack on the base was repelled on Monday. "
        "Rebels stormed the town of Saraqib and killed four soldiers, the army said.")


def _code(pipeline, monkeypatch, explain: list | None, rescue: frozenset[str] | None = None,
          keep: bool = False) -> list:
    monkeypatch.setenv(ac.ENV, "0")
    coder = pipeline.coder
    old = (coder.explain, coder.rescue, coder.keep_rejected)
    coder.explain = explain
    if rescue is not None:
        coder.rescue = rescue
    coder.keep_rejected = keep
    try:
        return coder.code(pipeline.nlp(TEXT), Article(article_id="r1", text=TEXT))
    finally:
        coder.explain, coder.rescue, coder.keep_rejected = old


@pytest.fixture()
def plain(pipeline, monkeypatch) -> list:
    return _code(pipeline, monkeypatch, None, frozenset())


def test_the_explain_hook_names_the_rule_and_changes_no_event(pipeline, monkeypatch, plain):
    notes: list[dict] = []
    events = _code(pipeline, monkeypatch, notes, frozenset())
    assert [e.to_dict() for e in events] == [e.to_dict() for e in plain]
    attack = [n for n in notes if n["lemma"] == "attack"]
    assert attack, "the rejected noun 'attack' is noted"
    assert attack[0]["type"] == "ASSAULT" and attack[0]["rule"] and not attack[0]["rescued"]
    assert TEXT[attack[0]["start"]:attack[0]["end"]] == "attack"
    assert any(e.plover_type == "ASSAULT" and e.evidence.trigger == "stormed" for e in events)


def test_a_rescued_rule_makes_a_candidate_for_the_step_and_nothing_without_it(pipeline, monkeypatch, plain):
    notes: list[dict] = []
    _code(pipeline, monkeypatch, notes, frozenset())
    rule = next(n["rule"] for n in notes if n["lemma"] == "attack").split(" ")[0]
    kept = _code(pipeline, monkeypatch, None, frozenset({rule}), keep=True)
    rescued = [e for e in kept if dict(e.rules).get("rejected_by") == rule]
    assert rescued and rescued[0].evidence.trigger == "attack" and rescued[0].plover_type == "ASSAULT"
    # the step off: the rescued candidate is dropped, the rest is what the coder output before
    off = _code(pipeline, monkeypatch, None, frozenset({rule}))
    assert [e.to_dict() for e in off] == [e.to_dict() for e in plain]
    # the step sees the rule that rejected it, and weighs the candidate apart from the coder's own events
    monkeypatch.delenv(ac.ENV, raising=False)
    doc = pipeline.nlp(TEXT)
    feats = ac.article_features(kept, doc, TEXT)
    assert any(f.get(f"rescued|rule:rejected_by={rule}") == 1.0 for f in feats)
    assert all(("rescued" in f) == ac.rejected(e) for f, e in zip(feats, kept, strict=True))
    # a rescued candidate needs the model's rescue threshold; the coder's own events only its threshold
    model = ac.AcceptModel(["false", "true"], {}, [0.0, 0.0], "test", threshold=0.4, rescue_threshold=0.6)
    judged = ac.accept(kept, doc, TEXT, model=model)  # every p is 0.5
    assert judged and not any(ac.rejected(e) for e in judged)
    assert len(judged) == sum(not ac.rejected(e) for e in kept)
    model.rescue_threshold = 0.45
    assert len(ac.accept(kept, doc, TEXT, model=model)) == len(kept)
