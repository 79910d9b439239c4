"""The pre-filter blanks sentences that cannot hold an event, keeping every offset of the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import Pipeline, Settings
from eventwire.errors import ConfigError
from eventwire.events.prefilter import is_candidate, sparse_text

TEXT = (
    "GENEVA - Delegates arrived on Sunday for a conference on trade.\n"
    "The weather was mild. Rebels attacked a convoy near Goma on Monday, the army said. "
    "Markets opened late.\nOfficials opened the new bridge. The cafe served tea."
)


def test_candidates():
    assert is_candidate("Rebels attacked a convoy near Goma on Monday.")
    assert is_candidate("Six soldiers were struck by shrapnel.")
    assert is_candidate("If the violations continued, then we have plans B and C.")
    assert not is_candidate("The cafe served tea.")


def test_offsets_and_line_breaks_survive():
    sparse, share = sparse_text(TEXT)
    assert len(sparse) == len(TEXT) and 0 < share < 1
    assert [i for i, c in enumerate(sparse) if c == "\n"] == [i for i, c in enumerate(TEXT) if c == "\n"]
    i = TEXT.index("Rebels attacked")
    assert sparse[i: i + 40] == TEXT[i: i + 40]
    assert "The cafe served tea." not in sparse and "Markets opened late." not in sparse
    assert sparse.startswith("GENEVA")  # the first sentence: dateline and main place


def test_sentence_before_kept_when_the_event_refers_back():
    # the trigger sentence names its own parties: the sentence before it is not parsed
    assert "The weather was mild." not in sparse_text(TEXT)[0]
    assert "The weather was mild." in sparse_text(TEXT, context="always")[0]
    # a pronoun or a running quote leans on the sentence before: its antecedent, its speaker
    for event in ("He was attacked by gunmen on Monday.", "\u201cThey attacked the convoy at dawn,\u201d he said."):
        text = f"GOMA - Markets were calm. Shops were open. The governor is from the north. {event} Trade resumed."
        sparse = sparse_text(text)[0]
        assert "The governor is from the north." in sparse and event in sparse
        assert "Shops were open." not in sparse and "Trade resumed." not in sparse
        assert "The governor is from the north." not in sparse_text(text, context="none")[0]


def test_unknown_context_is_refused(monkeypatch: pytest.MonkeyPatch):
    with pytest.raises(ValueError, match="prefilter context"):
        sparse_text(TEXT, context="sometimes")
    monkeypatch.setenv("EVENTWIRE_PREFILTER_CONTEXT", "sometimes")
    with pytest.raises(ConfigError, match="EVENTWIRE_PREFILTER_CONTEXT") as err:
        Settings.from_env()
    assert err.value.code == "E406"
    monkeypatch.setenv("EVENTWIRE_PREFILTER_CONTEXT", "Always")
    assert Settings.from_env().prefilter_context == "always"


def test_same_events_on_the_seed_with_and_without(seed_text: Path):
    text = seed_text.read_text(encoding="utf-8")
    full = Pipeline(Settings(prefilter=False)).extract(text, published="2020-02-10")
    fast = Pipeline(Settings(prefilter=True)).extract(text, published="2020-02-10")
    assert [e.to_dict() for e in fast] == [e.to_dict() for e in full]
