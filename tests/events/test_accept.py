"""The learned acceptance step (events/accept.py): it scores every finished event, drops those below its
threshold, leaves its probability on what it keeps, and is switched off by EVENTWIRE_ACCEPT_THRESHOLD=0."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.events import accept as ac
from eventwire.records import Article

ATTACK = ("Gunmen killed 12 villagers in an attack on a market in Borno state on Tuesday, police said. "
          "Separately, the army shelled rebel positions near the town of Idlib.")


def _events(pipeline, text: str, monkeypatch) -> tuple[list, object]:
    """The coder's events with the step off, and the parsed doc they came from."""
    monkeypatch.setenv(ac.ENV, "0")
    art = Article(article_id="t1", text=text)
    doc = pipeline.nlp(text)
    return pipeline.coder.code(doc, art), doc


def _model(weights: dict[str, float], bias: float = 0.0, threshold: float = 0.5) -> ac.AcceptModel:
    return ac.AcceptModel(["false", "true"], {k: [0.0, w] for k, w in weights.items()}, [0.0, bias], "test",
                          threshold)


def test_the_shipped_model_keeps_a_plain_attack_and_says_how_sure_it_is(monkeypatch):
    monkeypatch.delenv(ac.ENV, raising=False)
    model = ac.default_model()
    assert model is not None, "data/accept_model.json ships with the package"
    assert 0.0 < model.threshold < 1.0
    recs = [r for r in eventwire.extract(ATTACK, published="2021-03-02") if r["plover_type"] == "ASSAULT"]
    assert recs, "a killing by gunmen stays an event"
    p = float(recs[0]["explain"]["accept"].removeprefix("p="))
    assert model.threshold <= p <= 1.0


def test_threshold_zero_turns_the_step_off(monkeypatch, pipeline):
    events, doc = _events(pipeline, ATTACK, monkeypatch)
    assert events
    never = _model({"bias": -50.0})  # would drop everything if it ran
    assert ac.accept(events, doc, model=never) == events
    assert not any(k == "accept" for ev in events for k, _ in ev.rules)


def test_events_below_the_threshold_are_dropped_and_the_rest_carry_their_probability(monkeypatch, pipeline):
    events, doc = _events(pipeline, ATTACK, monkeypatch)
    types = {ev.plover_type for ev in events}
    assert "ASSAULT" in types
    monkeypatch.delenv(ac.ENV, raising=False)
    # a model that believes only in material attacks: every other type falls under its threshold
    model = _model({"type=ASSAULT": 8.0}, bias=-4.0)
    kept = ac.accept(events, doc, model=model)
    assert kept and all(ev.plover_type == "ASSAULT" for ev in kept)
    assert len(kept) == sum(ev.plover_type == "ASSAULT" for ev in events)
    for ev in kept:
        p = float(dict(ev.rules)["accept"].removeprefix("p="))
        assert p > 0.9


def test_the_env_threshold_overrides_the_models_own(monkeypatch):
    model = _model({}, threshold=0.4)
    monkeypatch.delenv(ac.ENV, raising=False)
    assert ac.threshold(model) == pytest.approx(0.4)
    monkeypatch.setenv(ac.ENV, "0.7")
    assert ac.threshold(model) == pytest.approx(0.7)
    monkeypatch.setenv(ac.ENV, "0")
    assert ac.threshold(model) == 0.0


def test_features_say_where_the_event_is_and_what_fills_it(monkeypatch, pipeline):
    events, doc = _events(pipeline, ATTACK, monkeypatch)
    feats = ac.article_features(events, doc)
    assert len(feats) == len(events)
    first = feats[0]
    assert f"type={events[0].plover_type}" in first
    assert "sentence=0" in first  # the first sentence: a headline or lead
    assert any(k.startswith("actor=") for k in first)
    assert any(k.startswith("lemma=") for k in first)
    # features name kinds, never the article's own words beyond the trigger
    assert not any("Borno" in k or "villagers" in k for f in feats for k in f)


def test_a_restatement_is_marked_as_one(monkeypatch, pipeline):
    text = ("Militants attacked an army base in Mali, killing 10 soldiers. "
            "The militants attacked the base at dawn, the army said.")
    events, doc = _events(pipeline, text, monkeypatch)
    feats = ac.article_features(events, doc)
    later = [f for ev, f in zip(events, feats, strict=True) if ev.plover_type == "ASSAULT"][1:]
    assert later and all("same_type_before" in f for f in later)


def test_training_separates_true_from_false_events():
    pytest.importorskip("sklearn")
    from eventwire.events.train_accept import fit

    coded = [{"stem": f"a{i}", "features": [{"bias": 1.0, "type=ASSAULT": 1.0}, {"bias": 1.0, "type=ACCUSE": 1.0}],
              "labels": [1, 0], "events": []} for i in range(20)]
    model = fit(coded, C=1.0)
    assert model.p_true({"bias": 1.0, "type=ASSAULT": 1.0}) > 0.7
    assert model.p_true({"bias": 1.0, "type=ACCUSE": 1.0}) < 0.3
