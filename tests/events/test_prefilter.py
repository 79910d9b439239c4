"""The pre-filter blanks sentences that cannot hold an event, keeping every offset of the article."""

from __future__ import annotations

from pathlib import Path

from eventwire import Pipeline, Settings
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
    assert "The weather was mild." in sparse  # the sentence before an event is kept (speakers, pronouns)
    assert "The cafe served tea." not in sparse and "Markets opened late." not in sparse
    assert sparse.startswith("GENEVA")  # the first sentence: dateline and main place


def test_same_events_on_the_seed_with_and_without(seed_text: Path):
    text = seed_text.read_text(encoding="utf-8")
    full = Pipeline(Settings(prefilter=False)).extract(text, published="2020-02-10")
    fast = Pipeline(Settings(prefilter=True)).extract(text, published="2020-02-10")
    assert [e.to_dict() for e in fast] == [e.to_dict() for e in full]
