"""Fuzzing `extract`: whatever the text, eventwire answers with events or with its own numbered
error (EventwireError), never another exception.

Inputs mix random Unicode (all planes, surrogates excluded: a Python str from a file cannot hold
them), control characters, very long tokens and lines, and nested quotes and brackets, spliced
into English prose so that most examples get past the language gate and reach the coder. The
budget is small for CI (50 examples, bounded sizes, derandomised so a failure reproduces).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import EventwireError

PROSE = ("Syrian government forces shelled the town of Saraqib on Monday, killing 13 civilians, according "
         "to the Syrian Observatory for Human Rights. Turkey said it had sent more troops to the region.")
QUOTES = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb"]
BRACKETS = [("(", ")"), ("[", "]"), ("{", "}"), ("<", ">"), ("\u300c", "\u300d")]

unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
controls = st.text(st.characters(min_codepoint=0, max_codepoint=31) | st.sampled_from(["\x7f", "\u2028", "\u2029",
                                                                                     "\ufeff", "\u200b"]),
                   max_size=40)
long_token = st.builds(lambda ch, n: ch * n, st.sampled_from(["a", "9", "-", ".", "\u0645", "\U0001f600"]),
                       st.integers(1000, 3000))
long_line = st.builds(lambda words, n: " ".join(words * n), st.lists(st.sampled_from(PROSE.split()), min_size=3,
                                                                      max_size=8), st.integers(20, 100))


@st.composite
def nested(draw: st.DrawFn) -> str:
    depth = draw(st.integers(1, 60))
    inner = draw(st.sampled_from(["troops killed 4", "said", "", PROSE[:60]]))
    for _ in range(depth):
        if draw(st.booleans()):
            q = draw(st.sampled_from(QUOTES))
            inner = f"{q}{inner}{q if draw(st.booleans()) else ''}"
        else:
            o, c = draw(st.sampled_from(BRACKETS))
            inner = f"{o}{inner}{c if draw(st.booleans()) else ''}"
    return inner


pieces = st.one_of(unicode_text, controls, long_token, long_line, nested(), st.just(PROSE))
articles = st.lists(pieces, min_size=1, max_size=6).map(lambda parts: f"{PROSE}\n\n" + "\n".join(parts))


@pytest.fixture(scope="module")
def extract(pipeline):
    return pipeline.extract


@pytest.mark.slow  # ~50 spaCy runs on texts of up to ~10,000 characters: about a minute
@settings(max_examples=50, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(text=articles, published=st.sampled_from([None, "2020-02-10", "2020-02-30", "yesterday"]))
def test_extract_raises_only_its_own_errors(extract, text: str, published: str | None) -> None:
    try:
        events = extract(text, published=published)
    except EventwireError as exc:
        assert exc.code.startswith("E") and exc.message
        return
    for ev in events:
        # whatever it finds points into the text it was given (after normalisation)
        assert ev.evidence.start <= ev.evidence.end and ev.evidence.trigger


@settings(max_examples=50, deadline=None, derandomize=True, database=None)
@given(data=st.binary(max_size=2000) | st.builds(lambda s, enc: s.encode(enc, "replace"), unicode_text,
                                                  st.sampled_from(["utf-8", "utf-16", "utf-32", "latin-1"])))
def test_decoding_raises_only_its_own_errors(data: bytes) -> None:
    from eventwire.sources.text import article_from_bytes

    try:
        article_from_bytes(data, "<fuzz>")
    except EventwireError as exc:
        assert exc.code.startswith("E")
