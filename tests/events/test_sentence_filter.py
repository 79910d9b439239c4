"""The learned sentence filter blanks trigger-word sentences that give no event; event sentences stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import Pipeline, Settings
from eventwire.events.prefilter import _spans, readings, sparse_text
from eventwire.events.sentence_filter import default_filter

EVENTS = [
    "Gunmen killed three police officers in an attack on a checkpoint on Monday, officials said.",
    "Police arrested two men after the shooting outside the bar.",
    "Rebels attacked a convoy near Goma on Monday, the army said.",
    "Protesters marched to the capitol on Saturday to demand the governor's resignation.",
]
# everyday news whose words the trigger lexicon fires on (war, hit, fire, story of a soldier)
EVERYDAY = [
    "The film tells the story of a soldier returning home after the war.",
    "The price war between the airlines continued this summer.",
    "The company said profits rose in the third quarter as sales of trucks surged.",
    "The drought hit farmers hard this year.",
    "The recipe calls for two cups of flour and a pinch of salt, the chef said.",
    "Tickets cost 20 dollars and the proceeds go to the fire department.",
]
TEXT = "SPRINGFIELD - The county fair opened on Friday.\n" + " ".join(
    s for pair in zip(EVERYDAY, EVENTS + ["The fair closes on Sunday."] * 2, strict=True) for s in pair)

needs_model = pytest.mark.skipif(default_filter() is None, reason="no sentence filter model in the package")


def _kept(sparse: str, text: str) -> set[int]:
    return {i for i, (a, b) in enumerate(zip(sparse, text, strict=True)) if a == b and not b.isspace()}


@needs_model
def test_only_narrows_the_lexicon_prefilter_and_keeps_offsets():
    lexicon, share_lex = sparse_text(TEXT, learned=False)
    learned, share = sparse_text(TEXT, learned=True)
    assert len(learned) == len(TEXT)
    assert [i for i, c in enumerate(learned) if c == "\n"] == [i for i, c in enumerate(TEXT) if c == "\n"]
    assert _kept(learned, TEXT) <= _kept(lexicon, TEXT)
    assert share < share_lex  # a user's everyday news is parsed less
    assert learned.startswith("SPRINGFIELD - The county fair opened on Friday.")  # dateline: always kept


@needs_model
def test_event_sentences_stay_everyday_ones_go():
    sparse = sparse_text(TEXT, learned=True)[0]
    for s in EVENTS:
        assert s in sparse, s
    dropped = [s for s in EVERYDAY if s not in sparse]
    # round 15's threshold keeps 99.5% of the events' sentences out of fold (round 11's 99%), so it blanks
    # fewer of the borderline everyday ones
    assert dropped, "no everyday sentence blanked"
    # the model ranks every event sentence above every everyday one, blanked or not
    model = default_filter()
    assert model is not None
    spans = _spans(TEXT)
    prob = {TEXT[s:e]: model.probability(f) for (s, e), f in zip(spans, readings(TEXT, spans), strict=True) if f}
    assert min(prob[s] for s in EVENTS) > max(prob[s] for s in EVERYDAY)


def test_switch(monkeypatch: pytest.MonkeyPatch):
    assert Settings().prefilter_learned  # the default since round 15: docs/scale.md has what it changes
    monkeypatch.delenv("EVENTWIRE_SENTENCE_FILTER", raising=False)
    assert Settings.from_env().prefilter_learned
    monkeypatch.setenv("EVENTWIRE_SENTENCE_FILTER", "0")
    assert not Settings.from_env().prefilter_learned
    monkeypatch.setenv("EVENTWIRE_SENTENCE_FILTER", "1")
    assert Settings.from_env().prefilter_learned


@needs_model
def test_default_pipeline_parses_less_and_the_off_switch_parses_it_all(monkeypatch: pytest.MonkeyPatch):
    """What spaCy reads: by default an everyday trigger-word sentence is blanked before parsing, the event
    sentences are not; EVENTWIRE_SENTENCE_FILTER=0 goes back to the lexicon pre-filter alone."""
    monkeypatch.delenv("EVENTWIRE_SENTENCE_FILTER", raising=False)
    default = Pipeline(Settings.from_env())._parse_text(TEXT)
    monkeypatch.setenv("EVENTWIRE_SENTENCE_FILTER", "0")
    off = Pipeline(Settings.from_env())._parse_text(TEXT)
    assert len(default) == len(off) == len(TEXT)
    for s in EVENTS:
        assert s in default and s in off, s
    blanked = [s for s in EVERYDAY if s in off and s not in default]
    assert blanked, "the default pipeline parses every everyday sentence the lexicon keeps"


@needs_model
def test_default_pipeline_finds_the_events_of_the_test_text():
    """The events of the test text come out by default as with the lexicon pre-filter alone."""
    learned = Pipeline(Settings()).extract(TEXT, published="2020-02-10")
    lexicon = Pipeline(Settings(prefilter_learned=False)).extract(TEXT, published="2020-02-10")
    assert learned
    assert [(e.plover_type, e.evidence.start) for e in learned] == [(e.plover_type, e.evidence.start) for e in lexicon]


@needs_model
def test_same_records_on_the_seed(seed_text: Path):
    text = seed_text.read_text(encoding="utf-8")
    lexicon = Pipeline(Settings(prefilter_learned=False)).extract(text, published="2020-02-10")
    learned = Pipeline(Settings(prefilter_learned=True)).extract(text, published="2020-02-10")
    assert lexicon and [e.to_dict() for e in learned] == [e.to_dict() for e in lexicon]
