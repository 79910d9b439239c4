"""Long articles in windows: offsets and event ids as if unsplit, and no spaCy length error.

The real pipeline runs here with a small window (and, for the E088 case, a lowered
``nlp.max_length``) so that a text "too long for spaCy" costs seconds, not minutes; the figures on
really long texts are bench/long_text.py's (docs/scale.md).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from eventwire.settings import Settings
from eventwire.windows import HEAD_CHARS, Window, windows


def _paragraphs(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    words = ["troops", "shelled", "the", "town", "on", "Monday", "officials", "said", "rebels", "killed", "four",
             "soldiers", "near"]
    return "\n\n".join(" ".join(rng.choice(words) for _ in range(rng.randint(5, 25))) + "." for _ in range(n))


@pytest.mark.parametrize("size", [1000, 2500, 5000])
def test_window_bodies_tile_the_text_and_respect_the_size(size: int) -> None:
    text = _paragraphs(400)
    wins = windows(text, size)
    assert wins[0].start == 0 and wins[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(wins, wins[1:], strict=False))  # no gap, no overlap
    assert all(len(w.text(text)) <= size for w in wins)
    # paragraph-aligned: every cut but the last falls right after a paragraph break
    assert all(text[w.end - 2: w.end] == "\n\n" for w in wins[:-1])


def test_a_text_that_fits_is_one_window() -> None:
    assert windows("Troops shelled the town.", 100) == [Window(0, 24)]


def test_one_enormous_token_is_cut_hard() -> None:
    text = "x" * 10_000
    wins = windows(text, 1000)
    assert wins[-1].end == len(text) and all(len(w.text(text)) <= 1000 for w in wins)


def test_window_offsets_map_back_into_the_article() -> None:
    text = "Dateline: Idlib.\n" + _paragraphs(200)
    for w in windows(text, 800)[1:]:
        wt = w.text(text)
        assert wt.startswith("Dateline: Idlib.") and w.head <= HEAD_CHARS
        for pos in range(len(wt)):
            if w.owns(pos):
                assert text[w.to_article(pos)] == wt[pos]
            else:
                assert pos < w.head + 2


@pytest.fixture
def seed_article(seed_text: Path):
    from eventwire.sources import read_text_file

    return read_text_file(seed_text, published="2020-02-10")


def test_a_split_article_gets_the_events_and_ids_of_the_unsplit_one(pipeline, seed_article) -> None:
    from eventwire.pipeline import Pipeline

    whole = {e.event_id: e for e in next(pipeline.process([seed_article])).events}
    small = Pipeline(Settings.from_env(window_chars=1500), nlp=pipeline.nlp)
    small._coder = pipeline.coder  # noqa: SLF001 - the same coder, already loaded
    split = next(small.process([seed_article])).events
    assert len(seed_article.text) > 2 * 1500  # really split
    found = {e.event_id for e in split}
    # context across a window edge may add or drop a repeat, never most of the article's events
    assert len(found & set(whole)) >= 0.8 * len(whole), (len(found & set(whole)), len(whole))
    for ev in split:
        t = seed_article.text
        assert t[ev.evidence.trigger_start: ev.evidence.trigger_end] == ev.evidence.trigger
        assert ev.evidence.trigger in t[ev.evidence.start: ev.evidence.end]
        for a in ev.actors:
            assert a.start is None or t[a.start: a.end] == a.text
        if ev.event_id in whole:
            assert ev.evidence == whole[ev.event_id].evidence  # same offsets, same id


def test_a_text_over_spacys_max_length_is_coded(pipeline, seed_article) -> None:
    """spaCy refused texts over nlp.max_length (E088): a traceback in `extract`, a 500 in the API,
    nothing stored by `ingest`. The limit is lowered here so the over-long text is short to parse."""
    from dataclasses import replace

    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    text = "\n\n".join([seed_article.text] * 3)
    article = replace(Article.from_text(text, published="2020-02-10"), origin="long")
    nlp = pipeline.nlp
    saved = nlp.max_length
    nlp.max_length = 4000
    try:
        assert len(text) > nlp.max_length
        with pytest.raises(ValueError, match="E088"):
            nlp(text)  # what the pipeline used to hand the whole text to
        long = Pipeline(nlp=nlp)
        long._coder = pipeline.coder  # noqa: SLF001
        events = next(long.process([article])).events
    finally:
        nlp.max_length = saved
    assert events
    assert len({e.event_id for e in events}) == len(events)
    for ev in events:
        assert text[ev.evidence.trigger_start: ev.evidence.trigger_end] == ev.evidence.trigger


def test_no_sentence_runs_past_the_cap(pipeline) -> None:
    """An unpunctuated run of thousands of words was one sentence, and the coder's per-sentence work
    made a 9,000-character text take minutes (found by tests/test_fuzz_extract.py)."""
    from eventwire.nlp.components import MAX_SENTENCE_TOKENS

    run = "killing Human civilians, Monday, on for " * 200
    doc = pipeline.nlp("Troops shelled the town on Monday.\n" + run)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    seed_like = pipeline.nlp("Syrian forces shelled Saraqib on Monday, killing 13 civilians, the observatory said.")
    assert len(list(seed_like.sents)) == 1  # a real sentence is left alone
